// Detectors over digit runs: cards (Luhn + issuer prefix), SSNs (issuance rules + context or 3-2-4
// shape), phone numbers (NANP or context) and partially masked numbers.
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
  // The nearer cue wins: "case 645 8993 ... the driver will call" is a case number.
  // After the number only its own phrase counts ("... is my order number"): the next phrase may
  // be about something else ("the claim number is ...").
  std::size_t negative = ctx.CueDistance(first, last, 8, 0, kNegativeNumberCues);
  for (std::uint32_t k = last + 1; k <= last + 2 && k < ctx.size() && negative == ScanContext::kNoCue; ++k)
    if (ctx.tokens.tokens[k].phrase == ctx.tokens.tokens[last].phrase &&
        std::find(kNegativeNumberCues.begin(), kNegativeNumberCues.end(), ctx.Text(k)) !=
            kNegativeNumberCues.end())
      negative = k - last;
  if (negative != ScanContext::kNoCue && negative <= ctx.CueDistance(first, last, 12, 6, kPhoneCues)) return;
  std::string_view national = d.size() == 11 && d[0] == '1' ? d.substr(1) : d;
  if (national.size() == 10 && NanpValid(national)) {
    ctx.Add(PiiType::kPhone, first, last, cue.empty() ? 0.75 : 0.95,
            cue.empty() ? "10-digit North American number with valid area and exchange codes"
                        : fmt::format("10-digit North American number; context '{}'", cue),
            PreviewDigits(d, 2));
  } else if (!cue.empty() && (d.size() == 7 || (d.size() >= 11 && d.size() <= 13)) &&
             !ctx.FindCue(first, last, 12, 0, kPhoneCues)
                  .empty()) {  // not a valid NANP number: cue before it
    ctx.Add(PiiType::kPhone, first, last, 0.85,
            fmt::format("{} digits after phone context '{}'", d.size(), cue), PreviewDigits(d, 2));
  }
}

void CheckRun(ScanContext& ctx, DigitRun const& run) {
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
}

/// The run with a zero for its leading and/or trailing "oh".
DigitRun WithSoftZeros(DigitRun const& run, bool lead, bool trail) {
  DigitRun v = run;
  v.written_only = false;
  if (lead) {
    v.shape.insert(0, run.lead_zeros, '0');
    v.token_of.insert(v.token_of.begin(), run.lead_zeros, run.lead_oh);
    v.boundary.insert(v.boundary.begin(), run.lead_zeros, 1);
  }
  if (trail) {
    v.shape.push_back('0');
    v.token_of.push_back(run.trail_oh);
    v.boundary.push_back(1);
  }
  return v;
}

}  // namespace

void DetectNumbers(ScanContext& ctx) {
  ForEachDigitRun(ctx, [&](DigitRun const& run) {
    std::size_t before = ctx.findings.size();
    CheckRun(ctx, run);
    // A leading or trailing "oh" is a zero only when that makes a valid number.
    bool lead = run.lead_oh != kNoToken, trail = run.trail_oh != kNoToken;
    for (int variant = 1; variant <= 3 && ctx.findings.size() == before; ++variant) {
      bool use_lead = (variant & 1) != 0, use_trail = (variant & 2) != 0;
      if ((use_lead && !lead) || (use_trail && !trail)) continue;
      CheckRun(ctx, WithSoftZeros(run, use_lead, use_trail));
    }
  });
}

}  // namespace gctq::analysis::pii
