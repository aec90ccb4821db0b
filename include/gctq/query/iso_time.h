#pragma once

#include <chrono>
#include <string>
#include <string_view>

#include "gctq/core/result.h"

namespace gctq::query {

/// A UTC instant with millisecond precision: what the analytics API speaks.
using TimePoint = std::chrono::sys_time<std::chrono::milliseconds>;
using Millis = std::chrono::milliseconds;

/// Parses an ISO-8601 instant. Accepted: `2026-11-01T00:00:00Z`, with optional `.fff` fraction,
/// optional seconds, and a zone of `Z`, `+02:00`, `-0530`. A date alone (`2026-11-01`) means UTC
/// midnight of that day. A date-time without a zone is rejected (its meaning would depend on the
/// machine). `field` names the flag in the error (kInvalidArgument).
Result<TimePoint> ParseIsoTime(std::string_view field, std::string_view text);

/// `2026-11-01T00:00:00.000Z`: the form the API's `interval` uses.
std::string FormatIsoTime(TimePoint t);

/// Parses a span such as `90m`, `24h`, `7d`, `2w`, `30s` (a positive integer and one unit).
Result<Millis> ParseSpan(std::string_view field, std::string_view text);

/// `7d`, `1h`, `90m`, `1500ms`: the shortest exact form of a span.
std::string FormatSpan(Millis span);

}  // namespace gctq::query
