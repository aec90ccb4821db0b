#include "generator/slot_filler.h"

#include <array>
#include <string>

namespace gctq_emulator::gen {
namespace {

std::string RandomDigits(Rng& rng, int count) {
  std::string digits;
  for (int i = 0; i < count; ++i) digits.push_back(static_cast<char>('0' + rng.Below(10)));
  return digits;
}

Words Amount(Rng& rng) {
  std::int64_t const dollars = rng.Chance(0.7) ? rng.Between(5, 199) : rng.Between(200, 2500);
  Words words = SpeakNumber(dollars);
  switch (rng.Below(3)) {
    case 0: words.emplace_back("dollars"); break;
    case 1: {
      words.emplace_back("dollars");
      words.emplace_back("and");
      Append(words, SpeakNumber(rng.Between(1, 99)));
      words.emplace_back("cents");
      break;
    }
    default: Append(words, SpeakNumber(rng.Between(10, 99))); break;  // "forty nine ninety nine"
  }
  return words;
}

Words Date(Rng& rng) {
  int const month = static_cast<int>(rng.Between(1, 12)), day = static_cast<int>(rng.Between(1, 28));
  if (rng.Chance(0.5)) return SplitWords(std::string(MonthName(month)) + " " + SpeakOrdinal(day));
  return SplitWords("the " + SpeakOrdinal(day) + " of " + std::string(MonthName(month)));
}

Words Time(Rng& rng) {
  Words words = SpeakNumber(rng.Between(1, 12));
  static constexpr std::array<std::string_view, 4> kMinutes = {"", "fifteen", "thirty", "forty five"};
  std::string_view const minutes = rng.PickFrom(kMinutes);
  if (!minutes.empty()) Append(words, SplitWords(minutes));
  if (rng.Chance(0.6)) words.emplace_back(rng.Chance(0.5) ? "am" : "pm");
  return words;
}

Words Filler(Rng& rng, std::string_view slot) {
  DigitStyle const style = RandomDigitStyle(rng);
  if (slot == "{order}")
    return SpeakDigits(RandomDigits(rng, rng.Chance(0.2) ? 10 : static_cast<int>(rng.Between(7, 8))), style);
  if (slot == "{amount}") return Amount(rng);
  if (slot == "{date}") return Date(rng);
  if (slot == "{time}") return Time(rng);
  if (slot == "{ext}") return SpeakDigits(RandomDigits(rng, 4), style);
  if (slot == "{case}") return SpeakDigits(RandomDigits(rng, static_cast<int>(rng.Between(6, 8))), style);
  if (slot == "{tracking}") return SpeakAlphanumeric("1z" + RandomDigits(rng, 12), style);
  if (slot == "{days}") return SpeakNumber(rng.Between(2, 10));
  return {std::string(slot)};
}

}  // namespace

Words FillSlots(Rng& rng, std::string_view text) {
  Words out;
  for (auto& word : SplitWords(text)) {
    if (word.size() > 2 && word.front() == '{' && word.back() == '}') {
      Append(out, Filler(rng, word));
    } else {
      out.push_back(std::move(word));
    }
  }
  return out;
}

}  // namespace gctq_emulator::gen
