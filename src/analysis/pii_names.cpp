// Names: a word (and a capitalized surname) after an explicit cue ("my name is", "name's",
// "the name is", "you can call me", "surname is"), or the capitalized answer right after the other
// speaker asked for a name ("can I take your name" - "yeah it's Maria Lopez").
#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <cctype>

#include "pii_internal.h"

namespace gctq::analysis::pii {
namespace {

constexpr auto kNotNames = std::to_array<std::string_view>(
    {"not",      "on",      "in",      "the",    "a",         "an",       "still", "under",  "already",
     "right",    "correct", "spelled", "listed", "no",        "actually", "just",  "really", "also",
     "and",      "but",     "so",      "uh",     "um",        "er",       "that",  "this",   "it",
     "is",       "was",     "wrong",   "same",   "different", "as",       "with",  "there",  "here",
     "what",     "your",    "my",      "for",    "please",    "ok",       "okay",  "yes",    "i",
     "i'm",      "sorry",   "calling", "going",  "sure",      "fine",     "good",  "great",  "well",
     "yeah",     "hi",      "hello",   "thanks", "thank",     "one",      "at",    "back",   "anytime",
     "whenever", "after",   "before",  "today",  "tomorrow",  "tonight",  "now",   "later",  "if",
     "when",     "by",      "from",    "to"});

/// Words a caller puts before their name when asked for it ("yeah it's", "sure my name is").
constexpr auto kPreamble = std::to_array<std::string_view>(
    {"yes",  "yeah", "yep",   "sure", "okay",   "ok", "um",     "uh",    "er",  "so",
     "well", "hi",   "hello", "it's", "it",     "is", "this",   "i'm",   "i",   "am",
     "my",   "name", "the",   "full", "name's", "of", "course", "first", "and", "last"});

bool IsNotName(std::string_view w) {
  return w.empty() || std::isdigit(static_cast<unsigned char>(w[0])) ||
         std::find(kNotNames.begin(), kNotNames.end(), w) != kNotNames.end();
}

struct NameScan {
  ScanContext& ctx;
  std::vector<std::uint32_t> reported = {};

  [[nodiscard]] std::string_view Word(std::uint32_t t) const {
    return t < ctx.size() ? ctx.Text(t) : std::string_view{};
  }
  [[nodiscard]] bool Capitalized(std::uint32_t t) const {
    auto const& arena = ctx.transcript.text_arena;
    std::uint32_t at = ctx.tokens.tokens[t].raw_begin;
    return at < arena.size() && std::isupper(static_cast<unsigned char>(arena[at]));
  }
  [[nodiscard]] bool NameWord(std::uint32_t t) const {
    return t < ctx.size() && ctx.tokens.tokens[t].kind == TokenKind::kWord && !IsNotName(Word(t));
  }

  /// Reports the name starting at `name` (and a capitalized second word in the same phrase).
  void Report(std::uint32_t name, bool capitalized, std::string reason) {
    if (std::find(reported.begin(), reported.end(), name) != reported.end()) return;
    reported.push_back(name);
    auto const& toks = ctx.tokens.tokens;
    std::uint32_t last = name, second = toks[name].next_same_speaker;
    if (second != kNoToken && toks[second].phrase == toks[name].phrase && NameWord(second) &&
        Capitalized(second))
      last = second;
    ctx.Add(PiiType::kName, name, last, capitalized ? 0.9 : 0.75, std::move(reason),
            fmt::format("{}***", char(std::toupper(static_cast<unsigned char>(Word(name)[0])))));
  }

  /// An explicit cue ending at t: returns the token where the name starts, or kNoToken.
  [[nodiscard]] std::uint32_t AfterCue(std::uint32_t t) const {
    std::string_view w = Word(t);
    if (w == "name" && Word(t + 1) == "is" && t > 0) {
      std::string_view before = Word(t - 1);
      static constexpr auto kBefore =
          std::to_array<std::string_view>({"my", "first", "last", "full", "middle", "maiden", "card",
                                           "holder's", "cardholder", "the", "account", "legal"});
      if (std::find(kBefore.begin(), kBefore.end(), before) != kBefore.end()) return t + 2;
      return kNoToken;
    }
    if (w == "name's" && t > 0 && Word(t - 1) == "my") return t + 1;
    if (w == "surname" && Word(t + 1) == "is") return t + 2;
    if (w == "call" && Word(t + 1) == "me" && t > 0 && Word(t - 1) == "can") return t + 2;
    return kNoToken;
  }

  /// The other speaker asked for a name in one of the two phrases before `phrase`.
  [[nodiscard]] bool AskedForName(std::uint32_t phrase) const {
    auto const& phrases = ctx.transcript.phrases;
    for (std::uint32_t q = phrase >= 2 ? phrase - 2 : 0; q < phrase; ++q) {
      if (phrases[q].speaker == phrases[phrase].speaker) continue;
      for (std::uint32_t k = ctx.tokens.phrase_first_token[q]; k < ctx.tokens.phrase_first_token[q + 1];
           ++k) {
        std::string_view w = Word(k), next = Word(k + 1);
        if (w == "name" || (w == "speaking" && (next == "with" || next == "to")) ||
            (w == "who's" && next == "calling") || (w == "who" && next == "is" && Word(k + 2) == "calling"))
          return true;
      }
    }
    return false;
  }

  /// The answer to a name request: the first capitalized word after the preamble.
  [[nodiscard]] std::uint32_t Answer(std::uint32_t phrase) const {
    std::uint32_t t = ctx.tokens.phrase_first_token[phrase], end = ctx.tokens.phrase_first_token[phrase + 1];
    for (std::size_t skipped = 0; t < end && skipped < 6 && ctx.tokens.tokens[t].kind == TokenKind::kWord &&
                                  std::find(kPreamble.begin(), kPreamble.end(), Word(t)) != kPreamble.end();
         ++skipped)
      ++t;
    return t < end && NameWord(t) && Capitalized(t) ? t : kNoToken;
  }
};

}  // namespace

void DetectNames(ScanContext& ctx) {
  NameScan scan{ctx};
  auto const& toks = ctx.tokens.tokens;
  for (std::uint32_t t = 0; t + 1 < ctx.size(); ++t) {
    std::uint32_t name = scan.AfterCue(t);
    if (name == kNoToken || name >= ctx.size() || toks[name].speaker != toks[t].speaker ||
        !scan.NameWord(name))
      continue;
    scan.Report(name, scan.Capitalized(name),
                fmt::format("name after the cue '{} {}'", scan.Word(t), scan.Word(t + 1)));
  }
  for (std::uint32_t p = 1; p < ctx.transcript.phrases.size(); ++p) {
    std::uint32_t name = scan.Answer(p);
    if (name != kNoToken && scan.AskedForName(p))
      scan.Report(name, true, "capitalized answer to a request for a name");
  }
}

}  // namespace gctq::analysis::pii
