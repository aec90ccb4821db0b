// E-mail addresses, written ("john.smith@example.com") and spoken ("john dot smith at example dot
// com", spelled letters, digits after the name).
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
      } else if (first == b && ctx.Text(prev).size() == 1 && toks[prev].kind == TokenKind::kWord &&
                 toks[prev].speaker == toks[at].speaker &&
                 std::isalpha(static_cast<unsigned char>(ctx.Text(prev)[0]))) {
        local = std::string(ctx.Text(prev)) + local;  // an initial and a surname: "j smith at ..."
        first = prev;
        connected = true;
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

}  // namespace gctq::analysis::pii
