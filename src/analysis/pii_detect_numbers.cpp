// Detectors over digit runs: cards (Luhn + issuer prefix), SSNs (issuance rules + context or 3-2-4
// shape), phone numbers (NANP or context), partially masked numbers; and context-driven card expiry
// and CVV.
#include <fmt/format.h>

#include <algorithm>

#include "pii_digits.h"
#include "pii_validators.h"

namespace gctq::analysis::pii {
namespace {

constexpr auto kCardCues =
    std::to_array<std::string_view>({"card", "credit", "debit", "visa", "mastercard", "amex",
                                     "american express", "discover", "long number", "card number", "pan"});
constexpr auto kSsnCues =
    std::to_array<std::string_view>({"social", "ssn", "social security", "tax id", "itin", "taxpayer"});
constexpr auto kPhoneCues =
    std::to_array<std::string_view>({"phone", "cell", "mobile", "call", "reach", "telephone", "callback",
                                     "landline", "text me", "contact", "dial"});

std::string PreviewDigits(std::string_view digits, std::size_t keep_last) {
  return MaskKeepLast(digits, keep_last);
}

struct RunSlice {
  DigitRun const& run;
  std::size_t begin, end;
  [[nodiscard]] std::string_view digits() const {
    return std::string_view(run.shape).substr(begin, end - begin);
  }
  [[nodiscard]] std::uint32_t first() const { return run.token_of[begin]; }
  [[nodiscard]] std::uint32_t last() const { return run.token_of[end - 1]; }
  [[nodiscard]] bool AtBoundary(std::size_t i) const { return i == end || run.boundary[i]; }
};

bool CheckMasked(ScanContext& ctx, RunSlice const& s) {
  std::string_view shape = s.digits();
  std::size_t first_mask = shape.find('*');
  if (first_mask == std::string_view::npos) return false;
  std::size_t last_mask = shape.rfind('*');
  std::size_t prefix = first_mask, suffix = shape.size() - last_mask - 1, middle = 0;
  for (std::size_t i = first_mask; i < last_mask; ++i) middle += shape[i] != '*';
  if (shape.size() < 7 || (prefix <= 6 && suffix <= 4 && middle == 0)) return true;  // a proper mask
  std::size_t n = shape.size();
  PiiType type = n >= 13 && n <= 19     ? PiiType::kCardNumber
                 : n == 9               ? PiiType::kSsn
                 : (n == 10 || n == 11) ? PiiType::kPhone
                                        : PiiType::kCardNumber;
  std::string preview;
  std::size_t digits_seen = 0, total_digits = n - std::count(shape.begin(), shape.end(), '*');
  for (char c : shape) {
    if (c == '*')
      preview += '*';
    else
      preview += ++digits_seen > total_digits - std::min<std::size_t>(4, total_digits / 3) ? c : '*';
  }
  ctx.Add(type, s.first(), s.last(), 0.9,
          fmt::format("partially masked number of {} characters shows {} leading, {} middle and {} trailing "
                      "digits (PCI display rule: at most first 6 and last 4)",
                      n, prefix, middle, suffix),
          preview);
  return true;
}

bool CheckCard(ScanContext& ctx, RunSlice const& s, std::vector<RunSlice>& rest) {
  std::string_view d = s.digits();
  for (std::size_t b = 0; b + 13 <= d.size(); ++b) {
    if (!s.AtBoundary(s.begin + b)) continue;
    for (std::size_t len = std::min<std::size_t>(19, d.size() - b); len >= 13; --len) {
      if (!s.AtBoundary(s.begin + b + len)) continue;
      std::string_view candidate = d.substr(b, len);
      if (!CardPrefixPlausible(candidate) || !LuhnValid(candidate)) continue;
      RunSlice card{s.run, s.begin + b, s.begin + b + len};
      std::string_view cue = ctx.FindCue(card.first(), card.last(), 12, 6, kCardCues);
      if (cue.empty() && !ctx.FindCue(card.first(), card.last(), 8, 2, kNegativeNumberCues).empty()) continue;
      ctx.Add(PiiType::kCardNumber, card.first(), card.last(), cue.empty() ? 0.8 : 0.97,
              cue.empty()
                  ? fmt::format("{} digits pass Luhn with a card issuer prefix", len)
                  : fmt::format("{} digits pass Luhn with a card issuer prefix; context '{}'", len, cue),
              PreviewDigits(candidate, 4));
      if (b > 0) rest.push_back(RunSlice{s.run, s.begin, s.begin + b});
      if (b + len < d.size()) rest.push_back(RunSlice{s.run, s.begin + b + len, s.end});
      return true;
    }
  }
  return false;
}

void CheckSsnOrPhone(ScanContext& ctx, RunSlice const& s) {
  std::string_view d = s.digits();
  std::uint32_t first = s.first(), last = s.last();
  if (d.size() == 9) {
    std::string why;
    if (!SsnValid(d, &why)) return;
    std::string_view cue = ctx.FindCue(first, last, 12, 6, kSsnCues);
    bool shaped = s.begin == 0 && s.end == s.run.shape.size() && s.run.written_only &&
                  s.run.groups.size() == 3 && s.run.groups[0] == 3 && s.run.groups[1] == 2 &&
                  s.run.groups[2] == 4;
    if (cue.empty() && !shaped) return;
    ctx.Add(PiiType::kSsn, first, last, cue.empty() ? 0.75 : 0.95,
            cue.empty() ? "9 digits in the 3-2-4 SSN shape within issued ranges"
                        : fmt::format("9 digits within issued SSN ranges; context '{}'", cue),
            "***-**-" + std::string(d.substr(5)));
    return;
  }
  std::string_view cue = ctx.FindCue(first, last, 12, 6, kPhoneCues);
  bool negative = cue.empty() && !ctx.FindCue(first, last, 8, 2, kNegativeNumberCues).empty();
  if (negative) return;
  std::string_view national = d.size() == 11 && d[0] == '1' ? d.substr(1) : d;
  if (national.size() == 10 && NanpValid(national)) {
    ctx.Add(PiiType::kPhone, first, last, cue.empty() ? 0.75 : 0.95,
            cue.empty() ? "10-digit North American number with valid area and exchange codes"
                        : fmt::format("10-digit North American number; context '{}'", cue),
            PreviewDigits(d, 2));
  } else if (!cue.empty() && (d.size() == 7 || (d.size() >= 11 && d.size() <= 13))) {
    ctx.Add(PiiType::kPhone, first, last, 0.85,
            fmt::format("{} digits after phone context '{}'", d.size(), cue), PreviewDigits(d, 2));
  }
}

}  // namespace

void DetectNumbers(ScanContext& ctx) {
  ForEachDigitRun(ctx, [&](DigitRun const& run) {
    if (run.shape.size() < 7) return;
    std::vector<RunSlice> work{RunSlice{run, 0, run.shape.size()}};
    while (!work.empty()) {
      RunSlice s = work.back();
      work.pop_back();
      if (s.end - s.begin < 7 || ctx.Claimed(s.first())) continue;
      if (CheckMasked(ctx, s)) continue;
      if (run.adjacent_label == MaskLabel::kCardNumber && s.end == run.shape.size() && s.end - s.begin > 6) {
        ctx.Add(PiiType::kCardNumber, s.first(), s.last(), 0.85,
                fmt::format("{} digits left unmasked next to a [card number] mask", s.end - s.begin),
                PreviewDigits(s.digits(), 0));
        continue;
      }
      if (CheckCard(ctx, s, work)) continue;
      CheckSsnOrPhone(ctx, s);
    }
  });
}

void DetectCardDetails(ScanContext& ctx) {
  std::uint32_t consumed_until = 0;
  for (std::uint32_t t = 0; t < ctx.size(); ++t) {
    std::string_view w = ctx.Text(t);
    bool expiry = w == "expiry" || w == "expiration" || w == "expires" || w == "expire" || w == "expiring" ||
                  w == "exp" ||
                  ((w == "valid" || w == "good") && t + 1 < ctx.size() &&
                   (ctx.Text(t + 1) == "thru" || ctx.Text(t + 1) == "through"));
    bool cvv = w == "cvv" || w == "cvc" || w == "cvv2" || w == "csc" || w == "cid" ||
               ((w == "security" || w == "verification" || w == "digit") && t + 1 < ctx.size() &&
                ctx.Text(t + 1) == "code");
    if ((!expiry && !cvv) || t < consumed_until) continue;
    MiniRun m = ReadMiniRun(ctx, t + 1, 8, 8);
    if (m.first == kNoToken) continue;
    if (expiry) {
      bool date = false;
      std::string_view d = m.digits;
      if (!m.slash_token.empty()) {
        std::string_view s = m.slash_token;
        std::size_t slash = s.find('/');
        int month = slash > 0 && slash <= 2 ? std::stoi(std::string(s.substr(0, slash))) : 0;
        std::size_t year_len = s.size() - slash - 1;
        date = month >= 1 && month <= 12 && (year_len == 2 || year_len == 4) &&
               s.find('/', slash + 1) == std::string_view::npos;
      } else if (d.size() == 4 || d.size() == 6) {
        int month = std::stoi(std::string(d.substr(0, 2)));
        date = month >= 1 && month <= 12 && (d.size() == 4 || d.substr(2, 2) == "20");
      } else if (d.size() == 3) {
        date = d[0] >= '1' && d[0] <= '9';
      }
      if (date) {
        ctx.Add(PiiType::kCardExpiry, m.first, m.last, 0.9,
                fmt::format("month/year after expiry context '{}'", w), "**/**");
        consumed_until = m.last + 1;
      }
    } else if (m.slash_token.empty() && (m.digits.size() == 3 || m.digits.size() == 4)) {
      ctx.Add(PiiType::kCardCvv, m.first, m.last, 0.9,
              fmt::format("{} digits after security-code context '{}'", m.digits.size(), w),
              std::string(m.digits.size(), '*'));
      consumed_until = m.last + 1;
    }
  }
}

}  // namespace gctq::analysis::pii
