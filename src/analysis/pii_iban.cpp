// IBANs: written ("GB82WEST12345698765432", "GB82 WEST 1234 ...") or spoken letter by letter with
// digits as number words ("g b eight two w e s t one two ..."), "oh"/"o" and "double"/"triple"
// included. Ambiguous "oh"/"o" (zero or the letter O) are resolved by the country's BBAN format
// from the IBAN registry; the mod-97 check decides.
#include <fmt/format.h>

#include <algorithm>
#include <cctype>

#include "pii_internal.h"
#include "pii_validators.h"

namespace gctq::analysis::pii {
namespace {

bool IsAlnumWord(std::string_view x) {
  return std::all_of(x.begin(), x.end(), [](char c) { return std::isalnum(static_cast<unsigned char>(c)); });
}

/// Reads one token (or "double"/"triple" + digit) into `s`; ambiguous characters ("oh", "o") are
/// appended as '?'. Returns the last token consumed, or kNoToken when the token is not spelled.
std::uint32_t ReadSpelled(ScanContext const& ctx, std::uint32_t k, std::string& s) {
  auto const& toks = ctx.tokens.tokens;
  if (toks[k].kind == TokenKind::kMask) return kNoToken;
  std::string_view x = ctx.Text(k);
  std::string_view digit = NumberWordDigits(x);
  if (digit.size() == 1) {
    s += digit;
    return k;
  }
  if (x == "oh" || x == "o") {
    s += '?';
    return k;
  }
  if (x == "double" || x == "triple") {
    std::uint32_t next = toks[k].next_same_speaker;
    if (next == kNoToken) return kNoToken;
    std::string_view y = ctx.Text(next), d = NumberWordDigits(y);
    char c = d.size() == 1                                                       ? d[0]
             : (y == "oh" || y == "o")                                           ? '?'
             : (y.size() == 1 && std::isalpha(static_cast<unsigned char>(y[0]))) ? y[0]
                                                                                 : 0;
    if (c == 0) return kNoToken;
    s.append(x == "double" ? 2 : 3, c);
    return next;
  }
  bool written_digits = toks[k].kind == TokenKind::kNumber && x.size() <= 30 &&
                        x.find_first_not_of("0123456789") == std::string_view::npos;
  if (written_digits || (x.size() <= 4 && toks[k].kind == TokenKind::kWord && IsAlnumWord(x))) {
    s += x;
    return k;
  }
  return kNoToken;
}

/// Resolves '?' by the country's format (digit or letter); the first two characters are letters,
/// the check digits digits; unknown or alphanumeric fields take zero, the common reading.
void Resolve(std::string& s, std::string_view country) {
  for (std::size_t i = 0; i < s.size(); ++i) {
    if (s[i] != '?') continue;
    char cls = i < 2 ? 'a' : i < 4 ? 'n' : IbanBbanClass(country, i - 4);
    s[i] = cls == 'a' ? 'o' : '0';
  }
}

void Report(ScanContext& ctx, std::uint32_t first, std::uint32_t last, std::string_view iban) {
  std::string preview = fmt::format("{}{}", char(std::toupper(iban[0])), char(std::toupper(iban[1])));
  preview += std::string(iban.size() - 4, '*') + std::string(iban.substr(iban.size() - 2));
  ctx.Add(PiiType::kIban, first, last, 0.95,
          fmt::format("{}-character IBAN passes the mod-97 check", iban.size()), preview);
  ctx.claimed.emplace_back(first, last);
}

}  // namespace

void DetectIbans(ScanContext& ctx) {
  auto const& toks = ctx.tokens.tokens;
  std::string s;
  for (std::uint32_t t = 0; t < ctx.size(); ++t) {
    std::string_view w = ctx.Text(t);
    if (toks[t].kind != TokenKind::kWord || w.empty() || !std::isalpha(static_cast<unsigned char>(w[0])))
      continue;
    if (w.size() >= 15 && w.size() <= 34 && IbanLength(w.substr(0, 2)) == w.size() && IbanMod97Valid(w)) {
      Report(ctx, t, t, w);
      continue;
    }
    if (w.size() > 4 || w.size() == 3 || (w.size() == 2 && IbanLength(w) == 0)) continue;
    // Collect an alphanumeric string from this speaker's following tokens.
    s.clear();
    std::uint32_t k = t, last = t;
    std::size_t length = 0;
    while (k != kNoToken && s.size() < 34) {
      std::uint32_t consumed = ReadSpelled(ctx, k, s);
      if (consumed == kNoToken) break;
      last = consumed;
      k = toks[consumed].next_same_speaker;
      if (s.size() >= 2 && length == 0) {
        std::string country{static_cast<char>(s[0] == '?' ? 'o' : s[0]),
                            static_cast<char>(s[1] == '?' ? 'o' : s[1])};
        length = IbanLength(country);
        if (length == 0) break;
      }
      if (s.size() >= 4 && (!(std::isdigit(static_cast<unsigned char>(s[2])) || s[2] == '?') ||
                            !(std::isdigit(static_cast<unsigned char>(s[3])) || s[3] == '?')))
        break;
      if (length != 0 && s.size() >= length) {
        std::string iban = s.substr(0, length);
        std::string country{static_cast<char>(iban[0] == '?' ? 'o' : iban[0]),
                            static_cast<char>(iban[1] == '?' ? 'o' : iban[1])};
        Resolve(iban, country);
        if (IbanMod97Valid(iban)) {
          Report(ctx, t, last, iban);
          t = last;
        }
        break;
      }
    }
  }
}

}  // namespace gctq::analysis::pii
