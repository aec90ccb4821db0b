#include "generator/persona.h"

#include <array>
#include <cctype>

#include "generator/names.h"
#include "generator/rng.h"
#include "generator/spoken.h"

namespace gctq_emulator::gen {
namespace {

std::string Lower(std::string_view text) {
  std::string out(text);
  for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

std::string RandomDigits(Rng& rng, int count) {
  std::string digits;
  for (int i = 0; i < count; ++i) digits.push_back(static_cast<char>('0' + rng.Below(10)));
  return digits;
}

int LuhnCheckDigit(std::string const& payload) {
  int sum = 0;
  bool doubled = true;  // The check digit will sit to the right of the last payload digit.
  for (auto it = payload.rbegin(); it != payload.rend(); ++it) {
    int digit = *it - '0';
    if (doubled) digit = digit * 2 > 9 ? digit * 2 - 9 : digit * 2;
    sum += digit;
    doubled = !doubled;
  }
  return (10 - sum % 10) % 10;
}

std::string CardNumber(Rng& rng) {
  static constexpr std::array<std::string_view, 6> kPrefixes = {"4", "4", "51", "53", "55", "6011"};
  std::string payload(rng.PickFrom(kPrefixes));
  payload += RandomDigits(rng, 15 - static_cast<int>(payload.size()));
  return payload + static_cast<char>('0' + LuhnCheckDigit(payload));
}

std::string Ssn(Rng& rng) {
  int area;
  do area = static_cast<int>(rng.Between(1, 899));
  while (area == 666);
  int const group = static_cast<int>(rng.Between(1, 99));
  int const serial = static_cast<int>(rng.Between(1, 9999));
  char buffer[16];
  std::snprintf(buffer, sizeof buffer, "%03d%02d%04d", area, group, serial);
  return buffer;
}

std::string PhoneDigits(Rng& rng) {
  std::string digits;
  digits.push_back(static_cast<char>('2' + rng.Below(8)));
  digits += RandomDigits(rng, 2);
  if (digits[1] == '1' && digits[2] == '1') digits[2] = '2';  // N11 codes are service numbers.
  digits.push_back(static_cast<char>('2' + rng.Below(8)));
  return digits + RandomDigits(rng, 6);
}

int Mod97(std::string const& rearranged) {
  int remainder = 0;
  for (char c : rearranged) {
    if (std::isdigit(static_cast<unsigned char>(c))) {
      remainder = (remainder * 10 + (c - '0')) % 97;
    } else {
      remainder = (remainder * 100 + (std::toupper(static_cast<unsigned char>(c)) - 'A' + 10)) % 97;
    }
  }
  return remainder;
}

std::string Iban(Rng& rng) {
  std::string country, bban;
  if (rng.Chance(0.5)) {
    static constexpr std::array<std::string_view, 4> kBanks = {"WEST", "BARC", "LOYD", "MIDL"};
    country = "GB";
    bban = std::string(rng.PickFrom(kBanks)) + RandomDigits(rng, 14);
  } else {
    country = "DE";
    bban = RandomDigits(rng, 18);
  }
  int const check = 98 - Mod97(bban + country + "00");
  char buffer[12];
  std::snprintf(buffer, sizeof buffer, "%02d", check);
  return country + buffer + bban;
}

}  // namespace

bool LuhnValid(std::string const& digits) {
  if (digits.size() < 2) return false;
  return LuhnCheckDigit(digits.substr(0, digits.size() - 1)) == digits.back() - '0';
}

bool IbanValid(std::string const& iban) {
  if (iban.size() < 5) return false;
  return Mod97(iban.substr(4) + iban.substr(0, 4)) == 1;
}

std::string TelUri(std::string const& ten_digits) {
  return "tel:+1" + ten_digits;
}

Persona MakePersona(std::uint64_t seed, std::uint64_t conversation_index) {
  Rng rng(seed, Stream::kPersona, conversation_index);
  Persona persona;
  persona.first_name = std::string(rng.PickFrom(FirstNames()));
  persona.last_name = std::string(rng.PickFrom(LastNames()));
  persona.phone_digits = PhoneDigits(rng);
  std::string const first = Lower(persona.first_name), last = Lower(persona.last_name);
  switch (rng.Below(3)) {
    case 0: persona.email_local_spoken = first + " dot " + last; break;
    case 1: persona.email_local_spoken = first.substr(0, 1) + " " + last; break;
    default: persona.email_local_spoken = first + " " + JoinWords(SpeakNumber(rng.Between(11, 99))); break;
  }
  persona.email_domain_spoken = std::string(rng.PickFrom(EmailDomains()));
  persona.card_digits = CardNumber(rng);
  persona.card_expiry_month = static_cast<int>(rng.Between(1, 12));
  persona.card_expiry_year = static_cast<int>(rng.Between(26, 31));
  persona.cvv_digits = RandomDigits(rng, 3);
  persona.ssn_digits = Ssn(rng);
  persona.iban = Iban(rng);
  persona.zip_digits = RandomDigits(rng, 5);
  return persona;
}

}  // namespace gctq_emulator::gen
