#pragma once

#include <array>
#include <initializer_list>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "gctq/analysis/analysis_result.h"
#include "gctq/analysis/tokens.h"

namespace gctq::analysis::pii {

/// What the detectors share: the transcript, its tokens, and where findings go.
struct ScanContext {
  Transcript const& transcript;
  TokenStream const& tokens;
  std::vector<PiiFinding>& findings;
  std::vector<std::pair<std::uint32_t, std::uint32_t>> claimed =
      {};  ///< Token spans already explained (IBANs).

  [[nodiscard]] bool Claimed(std::uint32_t token) const {
    for (auto const& [first, last] : claimed)
      if (token >= first && token <= last) return true;
    return false;
  }

  [[nodiscard]] std::string_view Text(std::uint32_t token) const { return tokens.Text(tokens.tokens[token]); }
  [[nodiscard]] std::size_t size() const { return tokens.tokens.size(); }

  /// The first of `cues` found within `before` tokens before `first` or `after` tokens after `last`
  /// (any speaker: the agent often asks, the customer answers). A cue may be several words.
  [[nodiscard]] std::string_view FindCue(std::uint32_t first, std::uint32_t last, std::size_t before,
                                         std::size_t after, std::span<std::string_view const> cues) const;
  [[nodiscard]] std::string_view FindCue(std::uint32_t first, std::uint32_t last, std::size_t before,
                                         std::size_t after,
                                         std::initializer_list<std::string_view> cues) const {
    return FindCue(first, last, before, after, std::span<std::string_view const>(cues.begin(), cues.size()));
  }

  /// Token distance from first..last to the nearest of `cues` in the same window as FindCue, or
  /// kNoCue when none is there.
  static constexpr std::size_t kNoCue = ~std::size_t{0};
  [[nodiscard]] std::size_t CueDistance(std::uint32_t first, std::uint32_t last, std::size_t before,
                                        std::size_t after, std::span<std::string_view const> cues) const;

  /// Adds a finding spanning tokens (in one speaker's stream) first..last.
  void Add(PiiType type, std::uint32_t first, std::uint32_t last, double confidence, std::string reason,
           std::string preview);
};

inline constexpr auto kNegativeNumberCues = std::to_array<std::string_view>(
    {"order",   "reference", "ref",    "tracking", "confirmation", "invoice", "ticket",
     "case",    "policy",    "member", "account",  "extension",    "ext",     "claim",
     "booking", "serial",    "model",  "item",     "sku",          "flight",  "room"});

void DetectNumbers(ScanContext& ctx);      // pii_detect_numbers.cpp: cards, SSNs, phones, partial masks
void DetectCardDetails(ScanContext& ctx);  // pii_card_details.cpp: expiry, CVV (context-driven)
void DetectEmails(ScanContext& ctx);       // pii_text.cpp
void DetectIbans(ScanContext& ctx);        // pii_iban.cpp
void DetectNames(ScanContext& ctx);        // pii_names.cpp

/// Digit value of a spoken number word: "seven" -> "7", "eleven" -> "11", "twenty" -> "20".
/// Returns empty when the word is not a number word.
std::string_view NumberWordDigits(std::string_view word);

}  // namespace gctq::analysis::pii
