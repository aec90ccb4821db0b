#pragma once

// The caller of one conversation: who they are and the sensitive data they might say out loud.
// Drawn from its own stream, so the details query (name, phone) and the transcript agree.

#include <cstdint>
#include <string>

namespace gctq_emulator::gen {

struct Persona {
  std::string first_name, last_name;
  std::string phone_digits;                          ///< 10 NANP digits, no country code.
  std::string email_local_spoken;                    ///< "maria dot lopez" / "mlopez eighty four"
  std::string email_domain_spoken;                   ///< "gmail dot com"
  std::string card_digits;                           ///< 16 digits, Luhn-valid.
  int card_expiry_month = 1, card_expiry_year = 27;  ///< Two-digit year.
  std::string cvv_digits;                            ///< 3 digits.
  std::string ssn_digits;                            ///< 9 digits in valid SSA ranges.
  std::string iban;                                  ///< Valid mod-97, e.g. "GB82WEST12345698765432".
  std::string zip_digits;                            ///< 5 digits.
};

Persona MakePersona(std::uint64_t seed, std::uint64_t conversation_index);

/// "tel:+1" followed by the ten digits.
std::string TelUri(std::string const& ten_digits);

bool LuhnValid(std::string const& digits);
bool IbanValid(std::string const& iban);

}  // namespace gctq_emulator::gen
