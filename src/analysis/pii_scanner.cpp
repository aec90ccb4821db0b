#include "pii_scanner.h"

#include <algorithm>

#include "pii_internal.h"

namespace gctq::analysis {
namespace pii {

namespace {

bool CueAt(ScanContext const& ctx, std::size_t t, std::string_view cue) {
  std::string_view w = ctx.Text(static_cast<std::uint32_t>(t));
  std::size_t space = cue.find(' ');
  if (space == std::string_view::npos) return w == cue;
  return w == cue.substr(0, space) && t + 1 < ctx.size() &&
         ctx.Text(static_cast<std::uint32_t>(t + 1)) == cue.substr(space + 1);
}

}  // namespace

std::string_view ScanContext::FindCue(std::uint32_t first, std::uint32_t last, std::size_t before,
                                      std::size_t after, std::span<std::string_view const> cues) const {
  std::size_t begin = first > before ? first - before : 0;
  std::size_t end = std::min<std::size_t>(size(), static_cast<std::size_t>(last) + 1 + after);
  for (std::size_t t = begin; t < end; ++t) {
    if (t >= first && t <= last) continue;
    for (std::string_view cue : cues)
      if (CueAt(*this, t, cue)) return cue;
  }
  return {};
}

std::size_t ScanContext::CueDistance(std::uint32_t first, std::uint32_t last, std::size_t before,
                                     std::size_t after, std::span<std::string_view const> cues) const {
  std::size_t begin = first > before ? first - before : 0;
  std::size_t end = std::min<std::size_t>(size(), static_cast<std::size_t>(last) + 1 + after);
  std::size_t best = kNoCue;
  for (std::size_t t = begin; t < end; ++t) {
    if (t >= first && t <= last) continue;
    std::size_t d = t < first ? first - t : t - last;
    if (d >= best) continue;
    for (std::string_view cue : cues)
      if (CueAt(*this, t, cue)) best = d;
  }
  return best;
}

void ScanContext::Add(PiiType type, std::uint32_t first, std::uint32_t last, double confidence,
                      std::string reason, std::string preview) {
  Token const& t = tokens.tokens[first];
  PiiFinding f;
  f.type = type;
  f.speaker = t.speaker;
  f.offset_ms = t.offset_ms;
  f.confidence = confidence;
  f.reason = std::move(reason);
  f.preview = std::move(preview);
  for (std::uint32_t k = first;; k = tokens.tokens[k].next_same_speaker) {
    std::uint32_t phrase = tokens.tokens[k].phrase;
    if (f.phrase_indexes.empty() || f.phrase_indexes.back() != phrase) f.phrase_indexes.push_back(phrase);
    if (k == last || tokens.tokens[k].next_same_speaker == kNoToken) break;
  }
  findings.push_back(std::move(f));
}

}  // namespace pii

void ScanPii(Transcript const& transcript, TokenStream const& tokens, AnalysisResult& out) {
  for (auto const& t : tokens.tokens)
    if (t.kind == TokenKind::kMask) ++out.masks_seen;
  pii::ScanContext ctx{transcript, tokens, out.findings};
  pii::DetectIbans(ctx);  // first: its digits must not be read as a card or phone number
  pii::DetectNumbers(ctx);
  pii::DetectCardDetails(ctx);
  pii::DetectEmails(ctx);
  pii::DetectNames(ctx);
  std::stable_sort(out.findings.begin(), out.findings.end(),
                   [](auto const& a, auto const& b) { return a.offset_ms < b.offset_ms; });
  out.pii_status = !out.findings.empty() ? PiiStatus::kLeak
                   : out.masks_seen > 0  ? PiiStatus::kMasked
                                         : PiiStatus::kClean;
}

}  // namespace gctq::analysis
