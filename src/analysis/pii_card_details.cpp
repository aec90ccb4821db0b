// Context-driven card details: the expiry date (month and year after an expiry cue, in digits,
// number words or with a month name) and the security code (3-4 digits after a CVV cue).
#include <fmt/format.h>

#include <array>

#include "pii_digits.h"

namespace gctq::analysis::pii {
namespace {

constexpr auto kCardContext = std::to_array<std::string_view>(
    {"card", "credit", "debit", "visa", "mastercard", "amex", "discover", "expiry", "expiration", "cvv"});

int MonthNumber(std::string_view w) {
  static constexpr auto kMonths = std::to_array<std::pair<std::string_view, int>>(
      {{"january", 1},   {"jan", 1},       {"february", 2}, {"feb", 2},      {"march", 3},  {"april", 4},
       {"apr", 4},       {"may", 5},       {"june", 6},     {"july", 7},     {"august", 8}, {"aug", 8},
       {"september", 9}, {"sept", 9},      {"sep", 9},      {"october", 10}, {"oct", 10},   {"november", 11},
       {"nov", 11},      {"december", 12}, {"dec", 12}});
  for (auto const& [name, month] : kMonths)
    if (w == name) return month;
  return 0;
}

bool IsOrdinal(std::string_view w) {
  static constexpr std::array<std::string_view, 13> kOrdinals{"first", "second",  "third",  "fourth", "fifth",
                                                              "sixth", "seventh", "eighth", "ninth",  "tenth",
                                                              "st",    "nd",      "rd"};
  for (auto o : kOrdinals)
    if (w == o) return true;
  return w.size() > 4 && w.substr(w.size() - 2) == "th";
}

struct Year {
  int value = -1;
  std::uint32_t last = kNoToken;
};

int Value(ScanContext const& ctx, std::uint32_t t) {
  if (t == kNoToken) return -1;
  std::string_view w = ctx.Text(t);
  std::string_view d = ctx.tokens.tokens[t].kind == TokenKind::kNumber ? w : NumberWordDigits(w);
  if (d.empty() || d.size() > 4 || d.find_first_not_of("0123456789") != std::string_view::npos) return -1;
  int v = 0;
  for (char c : d) v = v * 10 + (c - '0');
  return v;
}

/// A two-digit spoken number: "twenty six", "thirty", "nineteen", "26". Sets `last`.
int TwoDigits(ScanContext const& ctx, std::uint32_t t, std::uint32_t& last) {
  int v = Value(ctx, t);
  if (v < 10 || v > 99) return -1;
  last = t;
  std::uint32_t next = ctx.tokens.tokens[t].next_same_speaker;
  int unit = Value(ctx, next);
  if (v % 10 == 0 && v >= 20 && ctx.tokens.tokens[t].kind == TokenKind::kWord && unit >= 1 && unit <= 9 &&
      ctx.tokens.tokens[next].kind == TokenKind::kWord) {
    last = next;
    return v + unit;
  }
  return v;
}

/// The year after a month name: "twenty six", "twenty twenty six", "two thousand twenty six",
/// "26", "2026", optionally after "of". Only plausible card years (20..49, 2020..2049) count.
Year ReadYear(ScanContext const& ctx, std::uint32_t t) {
  auto const& toks = ctx.tokens.tokens;
  if (t != kNoToken && ctx.Text(t) == "of") t = toks[t].next_same_speaker;
  if (t == kNoToken) return {};
  Year y;
  if (toks[t].kind == TokenKind::kNumber) {
    int v = Value(ctx, t);
    y = {v >= 2020 && v <= 2049 ? v - 2000 : v, t};
  } else if (ctx.Text(t) == "two" && toks[t].next_same_speaker != kNoToken &&
             ctx.Text(toks[t].next_same_speaker) == "thousand") {
    std::uint32_t k = toks[toks[t].next_same_speaker].next_same_speaker;
    if (k != kNoToken && ctx.Text(k) == "and") k = toks[k].next_same_speaker;
    std::uint32_t last = kNoToken;
    y = {k == kNoToken ? -1 : TwoDigits(ctx, k, last), last};
  } else {
    std::uint32_t last = kNoToken;
    int v = TwoDigits(ctx, t, last);
    std::uint32_t after = last == kNoToken ? kNoToken : toks[last].next_same_speaker;
    if (v == 20 && after != kNoToken) {  // "twenty twenty six"
      std::uint32_t last2 = kNoToken;
      int w = TwoDigits(ctx, after, last2);
      if (w >= 20 && w <= 49) v = w, last = last2;
    }
    y = {v, last};
  }
  if (y.value < 20 || y.value > 49 || y.last == kNoToken) return {};
  std::uint32_t after = toks[y.last].next_same_speaker;
  if (after != kNoToken && toks[after].phrase == toks[y.last].phrase && IsOrdinal(ctx.Text(after))) return {};
  return y;
}

/// Tokens to look through after a cue: the rest of the cue's phrase (at most 12) plus 8 more, so
/// that an answer in the other speaker's next phrase is reached.
std::size_t Window(ScanContext const& ctx, std::uint32_t cue) {
  std::uint32_t phrase_end = ctx.tokens.phrase_first_token[ctx.tokens.tokens[cue].phrase + 1];
  return std::min<std::size_t>(12, phrase_end - cue - 1) + 8;
}

bool ExpiryCue(ScanContext const& ctx, std::uint32_t t, bool& card_specific) {
  std::string_view w = ctx.Text(t);
  card_specific = w == "expiry" || w == "expiration" || w == "exp" ||
                  ((w == "valid" || w == "good") && t + 1 < ctx.size() &&
                   (ctx.Text(t + 1) == "thru" || ctx.Text(t + 1) == "through"));
  return card_specific || w == "expires" || w == "expire" || w == "expiring" || w == "expired";
}

bool CvvCue(ScanContext const& ctx, std::uint32_t t) {
  std::string_view w = ctx.Text(t);
  if (w == "cvv" || w == "cvc" || w == "cvv2" || w == "csc" || w == "cid") return true;
  if (w != "code" || t == 0) return false;
  std::string_view before = ctx.Text(t - 1);
  if (before == "security" || before == "verification" || before == "cvv" || before == "card") return true;
  for (std::uint32_t k = t + 1; k < ctx.size() && k <= t + 3; ++k)  // "the code on the back"
    if (ctx.Text(k) == "back" && ctx.tokens.tokens[k].phrase == ctx.tokens.tokens[t].phrase) return true;
  return false;
}

bool DigitExpiry(MiniRun const& m) {
  std::string_view d = m.digits;
  if (!m.slash_token.empty()) {
    std::string_view s = m.slash_token;
    std::size_t slash = s.find('/');
    int month = slash > 0 && slash <= 2 ? std::stoi(std::string(s.substr(0, slash))) : 0;
    std::size_t year_len = s.size() - slash - 1;
    return month >= 1 && month <= 12 && (year_len == 2 || year_len == 4) &&
           s.find('/', slash + 1) == std::string_view::npos;
  }
  if (d.size() == 4 || d.size() == 6) {
    int month = std::stoi(std::string(d.substr(0, 2)));
    return month >= 1 && month <= 12 && (d.size() == 4 || d.substr(2, 2) == "20");
  }
  return d.size() == 3 && d[0] >= '1' && d[0] <= '9';
}

}  // namespace

void DetectCardDetails(ScanContext& ctx) {
  std::uint32_t consumed_until = 0;
  for (std::uint32_t t = 0; t < ctx.size(); ++t) {
    bool card_specific = false;
    bool expiry = ExpiryCue(ctx, t, card_specific);
    bool cvv = !expiry && CvvCue(ctx, t);
    if ((!expiry && !cvv) || t < consumed_until) continue;
    std::size_t window = Window(ctx, t);
    MiniRun m = ReadMiniRun(ctx, t + 1, window, 8);
    std::string_view w = ctx.Text(t);
    if (expiry) {
      // A month name before any digits: "december twenty six", "may of twenty twenty seven".
      std::uint32_t end =
          m.first != kNoToken ? m.first : static_cast<std::uint32_t>(std::min(ctx.size(), t + 1 + window));
      bool in_card_talk = card_specific || !ctx.FindCue(t, t, 24, 0, kCardContext).empty();
      for (std::uint32_t k = t + 1; k < end && in_card_talk; ++k) {
        if (MonthNumber(ctx.Text(k)) == 0) continue;
        Year y = ReadYear(ctx, ctx.tokens.tokens[k].next_same_speaker);
        if (y.value < 0) break;
        ctx.Add(PiiType::kCardExpiry, k, y.last, 0.9,
                fmt::format("month name and year after expiry context '{}'", w), "**/**");
        consumed_until = y.last + 1;
        m.first = kNoToken;
        break;
      }
      if (m.first == kNoToken || !DigitExpiry(m)) continue;
      ctx.Add(PiiType::kCardExpiry, m.first, m.last, 0.9,
              fmt::format("month/year after expiry context '{}'", w), "**/**");
      consumed_until = m.last + 1;
    } else if (m.first != kNoToken && m.slash_token.empty() &&
               (m.digits.size() == 3 || m.digits.size() == 4)) {
      ctx.Add(PiiType::kCardCvv, m.first, m.last, 0.9,
              fmt::format("{} digits after security-code context '{}'", m.digits.size(), w),
              std::string(m.digits.size(), '*'));
      consumed_until = m.last + 1;
    }
  }
}

}  // namespace gctq::analysis::pii
