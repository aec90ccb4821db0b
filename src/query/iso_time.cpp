#include "gctq/query/iso_time.h"

#include <fmt/format.h>

#include <charconv>
#include <optional>

namespace gctq::query {
namespace {

using std::chrono::days;
using std::chrono::hours;
using std::chrono::minutes;
using std::chrono::seconds;

/// Reads exactly `width` digits at `pos`; advances `pos`.
std::optional<int> ReadDigits(std::string_view text, std::size_t& pos, std::size_t width) {
  if (pos + width > text.size()) return std::nullopt;
  int value = 0;
  for (std::size_t i = 0; i < width; ++i) {
    char c = text[pos + i];
    if (c < '0' || c > '9') return std::nullopt;
    value = value * 10 + (c - '0');
  }
  pos += width;
  return value;
}

bool Consume(std::string_view text, std::size_t& pos, char expected) {
  if (pos < text.size() && text[pos] == expected) {
    ++pos;
    return true;
  }
  return false;
}

Error Malformed(std::string_view field, std::string_view text, std::string_view why) {
  return MakeError(ErrorCode::kInvalidArgument,
                   fmt::format("{}: '{}' is not an ISO-8601 instant ({}); expected e.g. "
                               "2026-11-01T00:00:00Z or 2026-11-01T02:00:00+02:00",
                               field, text, why));
}

/// Parses `Z`, `+HH:MM`, `+HHMM`, `-HH:MM`; returns the offset east of UTC.
std::optional<minutes> ParseZone(std::string_view text, std::size_t& pos) {
  if (Consume(text, pos, 'Z') || Consume(text, pos, 'z')) return minutes{0};
  if (pos >= text.size() || (text[pos] != '+' && text[pos] != '-')) return std::nullopt;
  int sign = text[pos] == '-' ? -1 : 1;
  ++pos;
  auto hh = ReadDigits(text, pos, 2);
  Consume(text, pos, ':');
  auto mm = ReadDigits(text, pos, 2);
  if (!hh || !mm || *hh > 23 || *mm > 59) return std::nullopt;
  return minutes{sign * (*hh * 60 + *mm)};
}

}  // namespace

Result<TimePoint> ParseIsoTime(std::string_view field, std::string_view text) {
  std::size_t pos = 0;
  auto year = ReadDigits(text, pos, 4);
  if (!year || !Consume(text, pos, '-')) return Malformed(field, text, "bad year");
  auto month = ReadDigits(text, pos, 2);
  if (!month || !Consume(text, pos, '-')) return Malformed(field, text, "bad month");
  auto day = ReadDigits(text, pos, 2);
  if (!day) return Malformed(field, text, "bad day");
  std::chrono::year_month_day ymd{std::chrono::year{*year}, std::chrono::month{unsigned(*month)},
                                  std::chrono::day{unsigned(*day)}};
  if (!ymd.ok()) return Malformed(field, text, "no such calendar date");
  TimePoint result = std::chrono::sys_days{ymd};
  if (pos == text.size()) return result;  // date only: UTC midnight
  if (!Consume(text, pos, 'T') && !Consume(text, pos, 't')) return Malformed(field, text, "expected 'T'");
  auto hour = ReadDigits(text, pos, 2);
  if (!hour || *hour > 23 || !Consume(text, pos, ':')) return Malformed(field, text, "bad hour");
  auto minute = ReadDigits(text, pos, 2);
  if (!minute || *minute > 59) return Malformed(field, text, "bad minute");
  int second = 0;
  int millis = 0;
  if (Consume(text, pos, ':')) {
    auto s = ReadDigits(text, pos, 2);
    if (!s || *s > 59) return Malformed(field, text, "bad second");
    second = *s;
    if (Consume(text, pos, '.') || Consume(text, pos, ',')) {
      int digits = 0;
      while (pos < text.size() && text[pos] >= '0' && text[pos] <= '9') {
        if (digits < 3) millis = millis * 10 + (text[pos] - '0');
        ++digits;
        ++pos;
      }
      if (digits == 0) return Malformed(field, text, "empty fraction");
      for (int d = digits; d < 3; ++d) millis *= 10;
    }
  }
  if (pos == text.size()) return Malformed(field, text, "no time zone; add Z or an offset like +02:00");
  auto zone = ParseZone(text, pos);
  if (!zone || pos != text.size()) return Malformed(field, text, "bad time zone");
  result += hours{*hour} + minutes{*minute} + seconds{second} + Millis{millis};
  return result - *zone;
}

std::string FormatIsoTime(TimePoint t) {
  auto day = std::chrono::floor<days>(t);
  std::chrono::year_month_day ymd{day};
  std::chrono::hh_mm_ss<Millis> tod{t - day};
  return fmt::format("{:04d}-{:02d}-{:02d}T{:02d}:{:02d}:{:02d}.{:03d}Z", int(ymd.year()),
                     unsigned(ymd.month()), unsigned(ymd.day()), tod.hours().count(), tod.minutes().count(),
                     tod.seconds().count(), tod.subseconds().count());
}

Result<Millis> ParseSpan(std::string_view field, std::string_view text) {
  std::int64_t amount = 0;
  auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), amount);
  std::string_view unit(end, text.data() + text.size() - end);
  auto bad = [&](std::string_view why) {
    return MakeError(ErrorCode::kInvalidArgument,
                     fmt::format("{}: '{}' {}; expected a positive number and a unit s|m|h|d|w, e.g. 90m, "
                                 "24h, 7d",
                                 field, text, why));
  };
  if (ec != std::errc{} || end == text.data()) return bad("does not start with a number");
  if (amount <= 0) return bad("is not positive");
  if (amount > 100'000'000) return bad("is too large");
  if (unit == "ms") return Millis{amount};
  if (unit == "s") return Millis{seconds{amount}};
  if (unit == "m") return Millis{minutes{amount}};
  if (unit == "h") return Millis{hours{amount}};
  if (unit == "d") return Millis{days{amount}};
  if (unit == "w") return Millis{days{7 * amount}};
  return bad("has an unknown unit");
}

std::string FormatSpan(Millis span) {
  auto const ms = span.count();
  struct Unit {
    std::int64_t size;
    char const* name;
  };
  for (Unit u : {Unit{86'400'000, "d"}, Unit{3'600'000, "h"}, Unit{60'000, "m"}, Unit{1'000, "s"}}) {
    if (ms != 0 && ms % u.size == 0) return fmt::format("{}{}", ms / u.size, u.name);
  }
  return fmt::format("{}ms", ms);
}

}  // namespace gctq::query
