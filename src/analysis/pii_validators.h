#pragma once

#include <string>
#include <string_view>

namespace gctq::analysis::pii {

/// Luhn checksum over ASCII digits.
bool LuhnValid(std::string_view digits);
/// Issuer prefix of a real card brand (Visa, Mastercard incl. 2-series, Amex, Discover, JCB, Diners,
/// UnionPay).
bool CardPrefixPlausible(std::string_view digits);
/// US SSN area/group/serial rules and well-known invalid numbers. `why` gets the reason when invalid.
bool SsnValid(std::string_view nine_digits, std::string* why = nullptr);
/// NANP 10-digit number: area and exchange codes start 2..9, area not N11.
bool NanpValid(std::string_view ten_digits);
/// IBAN length for a country code (lower-case), 0 if unknown.
std::size_t IbanLength(std::string_view country);
/// The character class of position `pos` of a country's BBAN (after the 4 leading IBAN characters):
/// 'n' digit, 'a' letter, 'c' alphanumeric, 0 when the country or position is unknown.
char IbanBbanClass(std::string_view country, std::size_t pos);
/// ISO 13616 mod-97 check over an IBAN (lower- or upper-case letters, digits).
bool IbanMod97Valid(std::string_view iban);
/// Common e-mail top-level domains.
bool IsEmailTld(std::string_view tld);
/// "************1111": the last `keep` characters visible, the rest masked.
std::string MaskKeepLast(std::string_view value, std::size_t keep);

}  // namespace gctq::analysis::pii
