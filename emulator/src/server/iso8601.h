#pragma once

// ISO-8601 timestamps as the Genesys Cloud API writes and reads them.

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace gctq_emulator::server {

/// "2024-01-01T00:00:00.000Z" for epoch milliseconds (UTC).
std::string FormatIsoMs(std::int64_t epoch_ms);

/// "20240101T000000Z", the X-Amz-Date form.
std::string FormatAmzDate(std::int64_t epoch_ms);
std::optional<std::int64_t> ParseAmzDate(std::string_view text);

/// Parses "YYYY-MM-DDThh:mm[:ss[.fff]]" followed by "Z" or "+hh:mm"/"-hh:mm" (also "+hhmm").
/// Returns epoch milliseconds, or nullopt when the text is not such a date.
std::optional<std::int64_t> ParseIsoMs(std::string_view text);

struct Interval {
  std::int64_t start_ms = 0;
  std::int64_t end_ms = 0;
};

/// Parses "<ISO start>/<ISO end>"; nullopt on any malformed part.
std::optional<Interval> ParseInterval(std::string_view text);

}  // namespace gctq_emulator::server
