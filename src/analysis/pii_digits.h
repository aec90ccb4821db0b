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
  /// An "oh" right before the first or right after the last digit: zero only if a validator needs
  /// it ("oh four two ..." SSN, "... four oh" at the end of a phrase), kNoToken when absent.
  std::uint32_t lead_oh = kNoToken, trail_oh = kNoToken;
  std::uint32_t lead_oh_last = kNoToken, lead_zeros = 0;  ///< "oh oh seven": two leading zeros.

  void Clear() {
    shape.clear();
    token_of.clear();
    boundary.clear();
    groups.clear();
    written_only = true;
    adjacent_label = MaskLabel::kNone;
    phrases = 0;
    lead_oh = trail_oh = lead_oh_last = kNoToken;
    lead_zeros = 0;
  }
};

/// Calls `on_run` for each maximal digit run of each speaker (spanning up to 3 of their phrases; a
/// phrase of the other speaker longer than a backchannel such as "mm-hmm" or "got it" ends the run:
/// it asks for the next item).
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
/// "oh" or "o".
bool IsOh(std::string_view w);
/// More than a backchannel (3 tokens) of other phrases between tokens a and b.
inline bool InterruptedBetween(ScanContext const& ctx, std::uint32_t a, std::uint32_t b) {
  std::uint32_t pa = ctx.tokens.tokens[a].phrase, pb = ctx.tokens.tokens[b].phrase;
  return pb > pa + 1 && ctx.tokens.phrase_first_token[pb] - ctx.tokens.phrase_first_token[pa + 1] > 3;
}

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
    std::uint32_t previous = kNoToken;
    while (t != kNoToken) {
      Token const& tok = ctx.tokens.tokens[t];
      if ((tok.phrase != last_phrase && run.phrases >= 3) || run.shape.size() > 256 ||
          (previous != kNoToken && !run.shape.empty() && InterruptedBetween(ctx, previous, t)))
        flush();
      std::uint32_t consumed = ExtendRun(ctx, t, run);
      if (consumed == kNoToken) {
        bool oh = IsOh(ctx.Text(t));
        if (oh && !run.shape.empty() && run.shape.back() != '*' && previous != kNoToken &&
            (tok.next_same_speaker == kNoToken ||
             ctx.tokens.tokens[tok.next_same_speaker].phrase != tok.phrase))
          run.trail_oh = t;  // "... four oh" ending the phrase
        bool chained = oh && run.shape.empty() && run.lead_oh != kNoToken && run.lead_oh_last == previous;
        std::uint32_t lead = run.lead_oh, zeros = run.lead_zeros;
        flush();
        if (oh) {  // kept if the next token starts a run: "oh oh seven ..."
          run.lead_oh = chained ? lead : t;
          run.lead_oh_last = t;
          run.lead_zeros = chained ? zeros + 1 : 1;
        }
        previous = t;
        t = tok.next_same_speaker;
        continue;
      }
      if (run.shape.empty() && run.lead_oh_last != previous) run.lead_oh = kNoToken;
      for (std::uint32_t k = t;; k = ctx.tokens.tokens[k].next_same_speaker) {
        if (ctx.tokens.tokens[k].phrase != last_phrase) {
          ++run.phrases;
          last_phrase = ctx.tokens.tokens[k].phrase;
        }
        if (k == consumed) break;
      }
      previous = consumed;
      t = ctx.tokens.tokens[consumed].next_same_speaker;
    }
    flush();
  }
}

}  // namespace gctq::analysis::pii
