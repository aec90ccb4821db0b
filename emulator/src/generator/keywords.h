#pragma once

// The keyword vocabulary and the one whole-word rule the truth uses for it.

#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace gctq_emulator::gen {

/// Sorted, lower-case whole words.
std::span<std::string_view const> Vocabulary();

/// Lower-cases and splits on anything but letters, digits and inner apostrophes: "Refund?" -> "refund",
/// "[card number]" -> "card", "number"; "cancellation" stays one word (so it never counts as "cancel").
std::vector<std::string> WholeWords(std::string_view text);

/// Vocabulary words appearing as whole words in any of `texts`, sorted and unique.
std::vector<std::string> VocabularyWordsIn(std::span<std::string const> texts);
/// The same for texts given as their space-separated words (faster: no re-tokenising of plain words).
std::vector<std::string> VocabularyWordsIn(std::span<std::vector<std::string> const* const> texts);

}  // namespace gctq_emulator::gen
