#include "generator/spoken.h"

#include <array>
#include <cctype>

namespace gctq_emulator::gen {
namespace {

constexpr std::array<std::string_view, 20> kSmall = {
    "zero",     "one",     "two",     "three",     "four",     "five",    "six",
    "seven",    "eight",   "nine",    "ten",       "eleven",   "twelve",  "thirteen",
    "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen"};
constexpr std::array<std::string_view, 10> kTens = {"",      "",      "twenty",  "thirty", "forty",
                                                    "fifty", "sixty", "seventy", "eighty", "ninety"};
constexpr std::array<std::string_view, 12> kMonths = {"january",   "february", "march",    "april",
                                                      "may",       "june",     "july",     "august",
                                                      "september", "october",  "november", "december"};

void SpeakBelowThousand(int number, Words& out) {
  if (number >= 100) {
    out.emplace_back(kSmall[number / 100]);
    out.emplace_back("hundred");
    number %= 100;
    if (number == 0) return;
  }
  if (number < 20) {
    out.emplace_back(kSmall[number]);
    return;
  }
  out.emplace_back(kTens[number / 10]);
  if (number % 10) out.emplace_back(kSmall[number % 10]);
}

}  // namespace

Words SpeakNumber(std::int64_t number) {
  Words out;
  if (number == 0) return {"zero"};
  if (number >= 1000) {
    SpeakBelowThousand(static_cast<int>(number / 1000), out);
    out.emplace_back("thousand");
    number %= 1000;
    if (number == 0) return out;
  }
  SpeakBelowThousand(static_cast<int>(number), out);
  return out;
}

std::string SpeakOrdinal(int day) {
  static constexpr std::array<std::string_view, 20> kOrdinals = {
      "zeroth",     "first",     "second",    "third",       "fourth",     "fifth",     "sixth",
      "seventh",    "eighth",    "ninth",     "tenth",       "eleventh",   "twelfth",   "thirteenth",
      "fourteenth", "fifteenth", "sixteenth", "seventeenth", "eighteenth", "nineteenth"};
  if (day < 20) return std::string(kOrdinals[day]);
  if (day == 20) return "twentieth";
  if (day == 30) return "thirtieth";
  return std::string(kTens[day / 10]) + " " + std::string(kOrdinals[day % 10]);
}

std::string_view MonthName(int month) {
  return kMonths[(month - 1) % 12];
}

Words SpeakDigits(std::string_view digits, DigitStyle style) {
  Words out;
  std::string only;
  for (char c : digits)
    if (std::isdigit(static_cast<unsigned char>(c))) only.push_back(c);
  for (std::size_t i = 0; i < only.size(); ++i) {
    auto word = [&](char c) {
      return c == '0' && style.oh_for_zero ? std::string("oh") : std::string(kSmall[c - '0']);
    };
    if (style.doubles && i + 1 < only.size() && only[i] == only[i + 1]) {
      out.emplace_back("double");
      out.push_back(word(only[i]));
      ++i;
      continue;
    }
    out.push_back(word(only[i]));
  }
  return out;
}

DigitStyle RandomDigitStyle(Rng& rng) {
  return DigitStyle{rng.Chance(0.5), rng.Chance(0.35)};
}

Words SpeakAlphanumeric(std::string_view text, DigitStyle style) {
  Words out;
  for (std::size_t i = 0; i < text.size(); ++i) {
    char const c = text[i];
    if (std::isalpha(static_cast<unsigned char>(c))) {
      out.emplace_back(1, static_cast<char>(std::tolower(static_cast<unsigned char>(c))));
      continue;
    }
    std::size_t end = i;
    while (end < text.size() && std::isdigit(static_cast<unsigned char>(text[end]))) ++end;
    if (end == i) continue;
    Append(out, SpeakDigits(text.substr(i, end - i), style));
    i = end - 1;
  }
  return out;
}

std::string JoinWords(Words const& words) {
  std::string text;
  for (auto const& word : words) {
    if (!text.empty()) text.push_back(' ');
    text += word;
  }
  return text;
}

void Append(Words& to, Words const& from) {
  to.insert(to.end(), from.begin(), from.end());
}

Words SplitWords(std::string_view text) {
  Words out;
  std::size_t start = 0;
  while (start < text.size()) {
    std::size_t end = text.find(' ', start);
    if (end == std::string_view::npos) end = text.size();
    if (end > start) out.emplace_back(text.substr(start, end - start));
    start = end + 1;
  }
  return out;
}

}  // namespace gctq_emulator::gen
