// Text-shaped PII: e-mail addresses (written and spoken "john dot smith at example dot com"),
// IBANs (mod-97, spoken letter by letter or written in groups) and names after cues.
#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <cctype>

#include "pii_internal.h"
#include "pii_validators.h"

namespace gctq::analysis::pii {
namespace {

bool IsLocalChar(char c) {
  return std::isalnum(static_cast<unsigned char>(c)) || c == '.' || c == '_' || c == '%' || c == '+' ||
         c == '-';
}
bool IsDomainChar(char c) {
  return std::isalnum(static_cast<unsigned char>(c)) || c == '.' || c == '-';
}

std::string EmailPreview(std::string_view local, std::string_view domain) {
  std::size_t dot = domain.rfind('.');
  std::string tld = dot == std::string_view::npos ? "" : std::string(domain.substr(dot));
  return fmt::format("{}***@{}***{}", local.empty() ? '*' : local[0], domain.empty() ? '*' : domain[0], tld);
}

void DetectWrittenEmails(ScanContext& ctx) {
  auto const& transcript = ctx.transcript;
  for (std::uint32_t p = 0; p < transcript.phrases.size(); ++p) {
    std::string_view text = transcript.PhraseText(transcript.phrases[p]);
    for (std::size_t at = text.find('@'); at != std::string_view::npos; at = text.find('@', at + 1)) {
      std::size_t b = at;
      while (b > 0 && IsLocalChar(text[b - 1])) --b;
      std::size_t e = at + 1;
      while (e < text.size() && IsDomainChar(text[e])) ++e;
      while (e > at + 1 && (text[e - 1] == '.' || text[e - 1] == '-')) --e;
      std::string_view local = text.substr(b, at - b), domain = text.substr(at + 1, e - at - 1);
      std::size_t dot = domain.rfind('.');
      if (local.empty() || dot == std::string_view::npos || dot == 0 || domain.size() - dot - 1 < 2) continue;
      std::uint32_t token = ctx.tokens.phrase_first_token[p];
      if (token >= ctx.tokens.phrase_first_token[p + 1]) continue;
      ctx.Add(PiiType::kEmail, token, token, 0.95, "written e-mail address (local@domain.tld)",
              EmailPreview(local, domain));
    }
  }
}

std::string_view Connector(std::string_view w) {
  if (w == "dot" || w == "period" || w == "point") return ".";
  if (w == "underscore") return "_";
  if (w == "dash" || w == "hyphen") return "-";
  return {};
}

bool IsEmailWord(ScanContext const& ctx, std::uint32_t t) {
  return ctx.tokens.tokens[t].kind != TokenKind::kMask && Connector(ctx.Text(t)).empty() &&
         ctx.Text(t) != "at";
}

}  // namespace

void DetectEmails(ScanContext& ctx) {
  DetectWrittenEmails(ctx);
  static constexpr std::array<std::string_view, 9> kProviders{
      "gmail", "yahoo", "hotmail", "outlook", "icloud", "aol", "protonmail", "live", "msn"};
  auto const& toks = ctx.tokens.tokens;
  for (std::uint32_t at = 1; at < ctx.size(); ++at) {
    if (ctx.Text(at) != "at" || toks[at].kind != TokenKind::kWord) continue;
    // Domain: label (dot label)+ ending in a known TLD, in the same speaker's stream.
    std::string domain;
    std::uint32_t t = toks[at].next_same_speaker, last = kNoToken;
    std::size_t labels = 0;
    std::string tld;
    while (t != kNoToken && IsEmailWord(ctx, t) && labels < 5) {
      domain += ctx.Text(t);
      ++labels;
      tld = std::string(ctx.Text(t));
      last = t;
      std::uint32_t dot = toks[t].next_same_speaker;
      if (dot == kNoToken || Connector(ctx.Text(dot)) != ".") break;
      std::uint32_t after = toks[dot].next_same_speaker;
      if (after == kNoToken || !IsEmailWord(ctx, after)) break;
      domain += '.';
      t = after;
    }
    if (labels < 2 || !IsEmailTld(tld)) continue;
    // Local part, backwards: words joined by dot/underscore/dash; spelled single letters merge.
    std::uint32_t b = at - 1;
    while (b > 0 && toks[b].speaker != toks[at].speaker) --b;
    if (toks[b].speaker != toks[at].speaker || !IsEmailWord(ctx, b)) continue;
    std::string local(ctx.Text(b));
    bool connected = false;
    std::uint32_t first = b;
    while (first > 1) {
      std::uint32_t prev = first - 1;
      std::string_view c = Connector(ctx.Text(prev));
      if (!c.empty() && IsEmailWord(ctx, prev - 1) && toks[prev - 1].speaker == toks[at].speaker) {
        local = std::string(ctx.Text(prev - 1)) + std::string(c) + local;
        first = prev - 1;
        connected = true;
      } else if (ctx.Text(prev).size() == 1 && ctx.Text(first).size() == 1 &&
                 toks[prev].kind == TokenKind::kWord) {
        local = std::string(ctx.Text(prev)) + local;  // spelled letters: "m a r y"
        first = prev;
      } else if (toks[prev].speaker == toks[at].speaker && IsEmailWord(ctx, prev) &&
                 (!NumberWordDigits(ctx.Text(first)).empty() || toks[first].kind == TokenKind::kNumber)) {
        local = std::string(ctx.Text(prev)) + local;  // "jones seventy seven": digits attach to the word
        first = prev;
      } else {
        break;
      }
    }
    std::string_view first_label = std::string_view(domain).substr(0, domain.find('.'));
    bool provider = std::find(kProviders.begin(), kProviders.end(), first_label) != kProviders.end();
    std::string_view cue = ctx.FindCue(
        first, last, 12, 4, {"email", "e-mail", "mail", "address", "e mail", "send", "emailed", "write"});
    bool digits = local.find_first_of("0123456789") != std::string::npos;
    for (std::uint32_t k = first; k < at && !digits; ++k) digits = !NumberWordDigits(ctx.Text(k)).empty();
    if (cue.empty() && !connected && !provider && !digits) continue;
    ctx.Add(PiiType::kEmail, first, last, cue.empty() ? 0.8 : 0.95,
            cue.empty() ? "spoken e-mail address (word 'at' ... 'dot' tld)"
                        : fmt::format("spoken e-mail address; context '{}'", cue),
            EmailPreview(local, domain));
  }
}

void DetectIbans(ScanContext& ctx) {
  auto const& toks = ctx.tokens.tokens;
  for (std::uint32_t t = 0; t < ctx.size(); ++t) {
    std::string_view w = ctx.Text(t);
    if (toks[t].kind == TokenKind::kWord && w.size() >= 15 && w.size() <= 34 &&
        IbanLength(w.substr(0, 2)) == w.size() && IbanMod97Valid(w)) {
      std::string preview = fmt::format("{}{}", char(std::toupper(w[0])), char(std::toupper(w[1])));
      preview += std::string(w.size() - 4, '*') + std::string(w.substr(w.size() - 2));
      ctx.Add(PiiType::kIban, t, t, 0.95, fmt::format("{}-character IBAN passes the mod-97 check", w.size()),
              preview);
      ctx.claimed.emplace_back(t, t);
      continue;
    }
    if (toks[t].kind != TokenKind::kWord || w.size() > 4 || w.size() == 3 ||
        !std::isalpha(static_cast<unsigned char>(w[0])))
      continue;
    // Collect an alphanumeric string from this speaker's following tokens: groups of up to 4
    // characters, single spelled letters, and number words.
    std::string s;
    std::uint32_t k = t, last = t;
    while (k != kNoToken && s.size() < 34) {
      std::string_view x = ctx.Text(k);
      std::string_view digit = NumberWordDigits(x);
      if (!digit.empty() && digit.size() == 1)
        s += digit;
      else if (x == "oh" && !s.empty() && std::isdigit(static_cast<unsigned char>(s.back())))
        s += '0';
      else if (x.size() <= 4 && toks[k].kind != TokenKind::kMask &&
               std::all_of(x.begin(), x.end(),
                           [](char c) { return std::isalnum(static_cast<unsigned char>(c)); }))
        s += x;
      else
        break;
      last = k;
      k = toks[k].next_same_speaker;
      if (s.size() >= 4) {
        std::size_t length = IbanLength(s.substr(0, 2));
        if (length == 0 || !std::isdigit(static_cast<unsigned char>(s[2])) ||
            !std::isdigit(static_cast<unsigned char>(s[3])))
          break;
        if (s.size() >= length) {
          if (IbanMod97Valid(std::string_view(s).substr(0, length))) {
            std::string preview = fmt::format("{}{}", char(std::toupper(s[0])), char(std::toupper(s[1])));
            preview += std::string(length - 4, '*') + s.substr(length - 2, 2);
            ctx.Add(PiiType::kIban, t, last, 0.95,
                    fmt::format("{}-character IBAN passes the mod-97 check", length), preview);
            ctx.claimed.emplace_back(t, last);
            t = last;
          }
          break;
        }
      }
    }
  }
}

void DetectNames(ScanContext& ctx) {
  static constexpr std::array<std::string_view, 44> kNotNames{
      "not",   "on",      "in",      "the",    "a",         "an",       "still", "under",  "already",
      "right", "correct", "spelled", "listed", "no",        "actually", "just",  "really", "also",
      "and",   "but",     "so",      "uh",     "um",        "er",       "that",  "this",   "it",
      "is",    "was",     "wrong",   "same",   "different", "as",       "with",  "there",  "here",
      "what",  "your",    "my",      "for",    "please",    "ok",       "okay",  "yes"};
  auto not_name = [&](std::string_view w) {
    return std::find(kNotNames.begin(), kNotNames.end(), w) != kNotNames.end() ||
           std::isdigit(static_cast<unsigned char>(w[0]));
  };
  auto const& toks = ctx.tokens.tokens;
  auto word = [&](std::uint32_t t) { return t < ctx.size() ? ctx.Text(t) : std::string_view{}; };
  for (std::uint32_t t = 0; t + 1 < ctx.size(); ++t) {
    std::uint32_t name = kNoToken;
    std::string_view w = word(t);
    if (w == "name" && word(t + 1) == "is" && t + 2 < ctx.size()) {
      std::string_view before = t > 0 ? word(t - 1) : "";
      if (before == "my" || before == "first" || before == "last" || before == "full" || before == "middle" ||
          before == "maiden" || before == "card" || before == "holder's" || before == "cardholder")
        name = t + 2;
    } else if ((w == "name's" && t > 0 && word(t - 1) == "my") || (w == "surname" && word(t + 1) == "is")) {
      name = w == "surname" ? t + 2 : t + 1;
    } else if (w == "call" && word(t + 1) == "me" && t > 0 && word(t - 1) == "you" && t + 2 < ctx.size()) {
      name = t + 2;  // "you can call me ..."
    }
    if (name == kNoToken || name >= ctx.size()) continue;
    if (toks[name].speaker != toks[t].speaker || toks[name].kind != TokenKind::kWord || not_name(word(name)))
      continue;
    std::uint32_t last = name;
    std::uint32_t second = toks[name].next_same_speaker;
    if (second != kNoToken && toks[second].phrase == toks[name].phrase &&
        toks[second].kind == TokenKind::kWord && !not_name(word(second)) &&
        ctx.transcript.text_arena.size() > toks[second].raw_begin &&
        std::isupper(static_cast<unsigned char>(ctx.transcript.text_arena[toks[second].raw_begin])))
      last = second;
    bool capitalized =
        std::isupper(static_cast<unsigned char>(ctx.transcript.text_arena[toks[name].raw_begin]));
    ctx.Add(PiiType::kName, name, last, capitalized ? 0.9 : 0.75,
            fmt::format("name after the cue '{} {}'", word(t), word(t + 1)),
            fmt::format("{}***", char(std::toupper(static_cast<unsigned char>(word(name)[0])))));
  }
}

}  // namespace gctq::analysis::pii
