#include "pii_validators.h"

#include <algorithm>
#include <array>
#include <utility>

namespace gctq::analysis::pii {

bool LuhnValid(std::string_view digits) {
  if (digits.empty()) return false;
  int sum = 0;
  bool twice = false;
  for (std::size_t i = digits.size(); i-- > 0;) {
    int d = digits[i] - '0';
    if (d < 0 || d > 9) return false;
    if (twice) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
    twice = !twice;
  }
  return sum % 10 == 0;
}

bool CardPrefixPlausible(std::string_view d) {
  if (d.size() < 13 || d.size() > 19) return false;
  auto prefix = [&](std::size_t n) { return std::stoi(std::string(d.substr(0, n))); };
  switch (d[0]) {
    case '4': return true;                                    // Visa
    case '5': return prefix(2) >= 51 && prefix(2) <= 55;      // Mastercard
    case '2': return prefix(4) >= 2221 && prefix(4) <= 2720;  // Mastercard 2-series
    case '3':
      return prefix(2) == 34 || prefix(2) == 37 || prefix(2) == 35 || prefix(2) == 36 || prefix(2) == 38 ||
             prefix(2) == 30;  // Amex, JCB, Diners
    case '6':
      return prefix(4) == 6011 || prefix(2) == 65 || prefix(2) == 64 ||
             prefix(2) == 62;  // Discover, UnionPay
    default: return false;
  }
}

bool SsnValid(std::string_view d, std::string* why) {
  auto fail = [&](char const* reason) {
    if (why != nullptr) *why = reason;
    return false;
  };
  if (d.size() != 9) return fail("not 9 digits");
  std::string_view area = d.substr(0, 3), group = d.substr(3, 2), serial = d.substr(5, 4);
  if (area == "000" || area == "666" || area[0] == '9')
    return fail("area number 000, 666 or 9xx is never issued");
  if (group == "00") return fail("group number 00 is never issued");
  if (serial == "0000") return fail("serial number 0000 is never issued");
  if (d.find_first_not_of(d[0]) == std::string_view::npos) return fail("all digits identical");
  if (d == "123456789" || d == "078051120" || d == "219099999")
    return fail("well-known advertising/sample number");
  return true;
}

bool NanpValid(std::string_view d) {
  if (d.size() != 10) return false;
  if (d[0] < '2' || d[3] < '2') return false;
  if (d[1] == '1' && d[2] == '1') return false;  // N11 service codes
  if (d.find_first_not_of(d[0]) == std::string_view::npos) return false;
  return true;
}

std::size_t IbanLength(std::string_view c) {
  static constexpr std::array<std::pair<std::string_view, std::size_t>, 30> kLengths{{
      {"al", 28}, {"ad", 24}, {"at", 20}, {"be", 16}, {"bg", 22}, {"ch", 21}, {"cy", 28}, {"cz", 24},
      {"de", 22}, {"dk", 18}, {"ee", 20}, {"es", 24}, {"fi", 18}, {"fr", 27}, {"gb", 22}, {"gr", 27},
      {"hr", 21}, {"hu", 28}, {"ie", 22}, {"it", 27}, {"lt", 20}, {"lu", 20}, {"lv", 21}, {"mt", 31},
      {"nl", 18}, {"no", 15}, {"pl", 28}, {"pt", 25}, {"se", 24}, {"si", 19},
  }};
  for (auto const& [country, length] : kLengths)
    if (country == c) return length;
  return 0;
}

char IbanBbanClass(std::string_view country, std::size_t pos) {
  // BBAN structures of the IBAN registry (SWIFT), as counts and classes: "4a14n" = 4 letters, 14 digits.
  static constexpr std::array<std::pair<std::string_view, std::string_view>, 21> kFormats{{
      {"at", "16n"},      {"be", "12n"},   {"ch", "5n12c"},    {"de", "18n"},   {"dk", "14n"},
      {"es", "20n"},      {"fi", "14n"},   {"fr", "10n11c2n"}, {"gb", "4a14n"}, {"ie", "4a14n"},
      {"it", "1a10n12c"}, {"lu", "3n13c"}, {"nl", "4a10n"},    {"no", "11n"},   {"pl", "24n"},
      {"pt", "21n"},      {"se", "20n"},   {"si", "15n"},      {"hr", "17n"},   {"cz", "20n"},
      {"bg", "4a6n8c"},
  }};
  for (auto const& [c, format] : kFormats) {
    if (c != country) continue;
    std::size_t count = 0, at = 0;
    for (char f : format) {
      if (f >= '0' && f <= '9') {
        count = count * 10 + static_cast<std::size_t>(f - '0');
        continue;
      }
      if (pos < at + count) return f;
      at += count;
      count = 0;
    }
    return 0;
  }
  return 0;
}

bool IbanMod97Valid(std::string_view iban) {
  if (iban.size() < 15 || iban.size() > 34) return false;
  int remainder = 0;
  auto feed = [&](char c) {
    if (c >= '0' && c <= '9') {
      remainder = (remainder * 10 + (c - '0')) % 97;
      return true;
    }
    int v = (c >= 'a' && c <= 'z') ? c - 'a' + 10 : (c >= 'A' && c <= 'Z') ? c - 'A' + 10 : -1;
    if (v < 0) return false;
    remainder = (remainder * 100 + v) % 97;
    return true;
  };
  for (std::size_t i = 4; i < iban.size(); ++i)
    if (!feed(iban[i])) return false;
  for (std::size_t i = 0; i < 4; ++i)
    if (!feed(iban[i])) return false;
  return remainder == 1;
}

bool IsEmailTld(std::string_view tld) {
  static constexpr std::array<std::string_view, 24> kTlds{
      "com", "net", "org", "edu", "gov", "io", "co", "uk", "us",  "info", "biz", "de",
      "ca",  "fr",  "au",  "me",  "ie",  "nl", "es", "it", "mil", "ai",   "app", "dev"};
  for (auto t : kTlds)
    if (t == tld) return true;
  return false;
}

std::string MaskKeepLast(std::string_view value, std::size_t keep) {
  keep = std::min(keep, value.size() / 3);  // never enough to reveal a short value
  std::string out(value.size() > keep ? value.size() - keep : 0, '*');
  out += value.substr(value.size() > keep ? value.size() - keep : 0);
  return out;
}

}  // namespace gctq::analysis::pii
