#include "server/iso8601.h"

#include <charconv>
#include <chrono>
#include <cstdio>

namespace gctq_emulator::server {
namespace {

using std::chrono::days;
using std::chrono::sys_days;
using std::chrono::year_month_day;

struct Fields {
  int year, month, day, hour, minute, second, millis;
};

Fields Split(std::int64_t epoch_ms) {
  std::int64_t day_number = epoch_ms / 86'400'000;
  std::int64_t ms_of_day = epoch_ms % 86'400'000;
  if (ms_of_day < 0) {
    ms_of_day += 86'400'000;
    --day_number;
  }
  year_month_day const ymd{sys_days{days{day_number}}};
  return {int(ymd.year()),
          int(unsigned(ymd.month())),
          int(unsigned(ymd.day())),
          int(ms_of_day / 3'600'000),
          int(ms_of_day / 60'000 % 60),
          int(ms_of_day / 1000 % 60),
          int(ms_of_day % 1000)};
}

std::optional<std::int64_t> Compose(int year, int month, int day, int hour, int minute, int second,
                                    int millis) {
  year_month_day const ymd{std::chrono::year{year}, std::chrono::month{unsigned(month)},
                           std::chrono::day{unsigned(day)}};
  if (!ymd.ok() || hour > 23 || minute > 59 || second > 60) return std::nullopt;
  std::int64_t const day_number = sys_days{ymd}.time_since_epoch().count();
  return day_number * 86'400'000 + hour * 3'600'000LL + minute * 60'000LL + second * 1000LL + millis;
}

/// Reads exactly `width` digits at `pos`, advancing it.
bool Digits(std::string_view text, std::size_t& pos, int width, int& out) {
  if (pos + width > text.size()) return false;
  for (int i = 0; i < width; ++i)
    if (text[pos + i] < '0' || text[pos + i] > '9') return false;
  std::from_chars(text.data() + pos, text.data() + pos + width, out);
  pos += width;
  return true;
}

bool Expect(std::string_view text, std::size_t& pos, char c) {
  if (pos >= text.size() || text[pos] != c) return false;
  ++pos;
  return true;
}

}  // namespace

std::string FormatIsoMs(std::int64_t epoch_ms) {
  Fields const f = Split(epoch_ms);
  char buffer[32];
  std::snprintf(buffer, sizeof buffer, "%04d-%02d-%02dT%02d:%02d:%02d.%03dZ", f.year, f.month, f.day, f.hour,
                f.minute, f.second, f.millis);
  return buffer;
}

std::string FormatAmzDate(std::int64_t epoch_ms) {
  Fields const f = Split(epoch_ms);
  char buffer[24];
  std::snprintf(buffer, sizeof buffer, "%04d%02d%02dT%02d%02d%02dZ", f.year, f.month, f.day, f.hour, f.minute,
                f.second);
  return buffer;
}

std::optional<std::int64_t> ParseAmzDate(std::string_view text) {
  std::size_t pos = 0;
  int year, month, day, hour, minute, second;
  if (!Digits(text, pos, 4, year) || !Digits(text, pos, 2, month) || !Digits(text, pos, 2, day) ||
      !Expect(text, pos, 'T') || !Digits(text, pos, 2, hour) || !Digits(text, pos, 2, minute) ||
      !Digits(text, pos, 2, second) || !Expect(text, pos, 'Z') || pos != text.size())
    return std::nullopt;
  return Compose(year, month, day, hour, minute, second, 0);
}

std::optional<std::int64_t> ParseIsoMs(std::string_view text) {
  std::size_t pos = 0;
  int year, month, day, hour, minute, second = 0, millis = 0;
  if (!Digits(text, pos, 4, year) || !Expect(text, pos, '-') || !Digits(text, pos, 2, month) ||
      !Expect(text, pos, '-') || !Digits(text, pos, 2, day) || !Expect(text, pos, 'T') ||
      !Digits(text, pos, 2, hour) || !Expect(text, pos, ':') || !Digits(text, pos, 2, minute))
    return std::nullopt;
  if (pos < text.size() && text[pos] == ':') {
    ++pos;
    if (!Digits(text, pos, 2, second)) return std::nullopt;
    if (pos < text.size() && text[pos] == '.') {
      ++pos;
      std::size_t const first = pos;
      while (pos < text.size() && text[pos] >= '0' && text[pos] <= '9') ++pos;
      if (pos == first) return std::nullopt;
      std::string fraction(text.substr(first, std::min<std::size_t>(pos - first, 3)));
      fraction.resize(3, '0');
      millis = std::stoi(fraction);
    }
  }
  int offset_minutes = 0;
  if (pos < text.size() && text[pos] == 'Z') {
    ++pos;
  } else if (pos < text.size() && (text[pos] == '+' || text[pos] == '-')) {
    int const sign = text[pos] == '-' ? -1 : 1;
    ++pos;
    int offset_hours, minutes;
    if (!Digits(text, pos, 2, offset_hours)) return std::nullopt;
    if (pos < text.size() && text[pos] == ':') ++pos;
    if (!Digits(text, pos, 2, minutes)) return std::nullopt;
    offset_minutes = sign * (offset_hours * 60 + minutes);
  } else {
    return std::nullopt;
  }
  if (pos != text.size()) return std::nullopt;
  auto const local = Compose(year, month, day, hour, minute, second, millis);
  if (!local) return std::nullopt;
  return *local - offset_minutes * 60'000LL;
}

std::optional<Interval> ParseInterval(std::string_view text) {
  std::size_t const slash = text.find('/');
  if (slash == std::string_view::npos) return std::nullopt;
  auto const start = ParseIsoMs(text.substr(0, slash));
  auto const end = ParseIsoMs(text.substr(slash + 1));
  if (!start || !end) return std::nullopt;
  return Interval{*start, *end};
}

}  // namespace gctq_emulator::server
