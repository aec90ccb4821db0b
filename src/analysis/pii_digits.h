#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "pii_internal.h"

namespace gctq::analysis::pii {

/// A run of spoken or written digits in one speaker's stream ("four one one one", "4111-1111",
/// "double five", "oh" between digits), possibly with '*' for masked digits.
struct DigitRun {
  std::string shape;                    ///< Digits and '*'.
  std::vector<std::uint32_t> token_of;  ///< Per character: the token it came from.
  std::vector<std::uint8_t> boundary;   ///< Per character: 1 where a new token starts.
  std::vector<std::uint16_t> groups;    ///< Digit counts of written numeric tokens, in order.
  bool written_only = true;             ///< Every digit came from a written numeric token.
  MaskLabel adjacent_label = MaskLabel::kNone;
  std::uint32_t phrases = 0;

  void Clear() {
    shape.clear();
    token_of.clear();
    boundary.clear();
    groups.clear();
    written_only = true;
    adjacent_label = MaskLabel::kNone;
    phrases = 0;
  }
};

/// Calls `on_run` for each maximal digit run of each speaker (spanning up to 3 of their phrases).
template <typename OnRun>
void ForEachDigitRun(ScanContext const& ctx, OnRun&& on_run);

/// The digits spoken/written from `start` on (first digit-producing token within `window` tokens),
/// for context-driven detectors (expiry, CVV). Leading "oh" counts as 0 here ("oh nine").
struct MiniRun {
  std::string digits;
  std::uint32_t first = kNoToken, last = kNoToken;
  std::string_view slash_token;  ///< A written "12/25" token found instead of digits.
};
MiniRun ReadMiniRun(ScanContext const& ctx, std::uint32_t start, std::size_t window, std::size_t max_digits);

// ---- implementation details shared by the template ----

enum class PieceKind : std::uint8_t { kBreak, kDigits, kFlanked, kFiller, kRepeat, kTens, kMask, kLabel };
struct Piece {
  PieceKind kind = PieceKind::kBreak;
  std::string digits;
  int repeat = 0;
};
Piece Classify(ScanContext const& ctx, std::uint32_t token);
/// Appends the digits of token t to the run (resolving flanked "oh", "double", tens + units).
/// Returns the last token consumed, or kNoToken when t breaks the run.
std::uint32_t ExtendRun(ScanContext const& ctx, std::uint32_t t, DigitRun& run);

template <typename OnRun>
void ForEachDigitRun(ScanContext const& ctx, OnRun&& on_run) {
  for (int speaker = 0; speaker < 2; ++speaker) {
    std::uint32_t t = 0;
    while (t < ctx.size() && static_cast<int>(ctx.tokens.tokens[t].speaker) != speaker) ++t;
    if (t >= ctx.size()) continue;
    DigitRun run;
    std::uint32_t last_phrase = kNoToken;
    auto flush = [&] {
      if (!run.shape.empty()) on_run(run);
      run.Clear();
      last_phrase = kNoToken;
    };
    while (t != kNoToken) {
      Token const& tok = ctx.tokens.tokens[t];
      if ((tok.phrase != last_phrase && run.phrases >= 3) || run.shape.size() > 256) flush();
      std::uint32_t consumed = ExtendRun(ctx, t, run);
      if (consumed == kNoToken) {
        flush();
        t = tok.next_same_speaker;
        continue;
      }
      for (std::uint32_t k = t;; k = ctx.tokens.tokens[k].next_same_speaker) {
        if (ctx.tokens.tokens[k].phrase != last_phrase) {
          ++run.phrases;
          last_phrase = ctx.tokens.tokens[k].phrase;
        }
        if (k == consumed) break;
      }
      t = ctx.tokens.tokens[consumed].next_same_speaker;
    }
    flush();
  }
}

}  // namespace gctq::analysis::pii
