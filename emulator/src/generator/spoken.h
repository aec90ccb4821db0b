#pragma once

// How numbers, digits and letters come out of a speech-to-text engine: lower-case words.

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "generator/rng.h"

namespace gctq_emulator::gen {

using Words = std::vector<std::string>;

/// 0..999999 as words: 49 -> "forty nine", 120 -> "one hundred twenty".
Words SpeakNumber(std::int64_t number);
/// 1..31 as an ordinal: "third", "twenty first".
std::string SpeakOrdinal(int day);
std::string_view MonthName(int month);  ///< 1..12 -> "january".."december"

struct DigitStyle {
  bool oh_for_zero = false;  ///< "oh" instead of "zero".
  bool doubles = false;      ///< "double four" for two equal neighbours.
};
/// One word per digit (or "double X" per equal pair); non-digits are skipped.
Words SpeakDigits(std::string_view digits, DigitStyle style);
/// A random style: "oh" about half the time, doubles about a third of the time.
DigitStyle RandomDigitStyle(Rng& rng);
/// Letters spelled one by one ("g", "b"), digits as in SpeakDigits.
Words SpeakAlphanumeric(std::string_view text, DigitStyle style);

std::string JoinWords(Words const& words);
void Append(Words& to, Words const& from);
/// Splits on single spaces.
Words SplitWords(std::string_view text);

}  // namespace gctq_emulator::gen
