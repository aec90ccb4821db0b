#pragma once

#include <cstdint>
#include <string>
#include <utility>
#include <variant>
#include <vector>

namespace gctq::audit {

/// A flat string map, for command options and query filters.
using AuditStringMap = std::vector<std::pair<std::string, std::string>>;
using AuditValue = std::variant<std::string, std::int64_t, double, bool, AuditStringMap>;

struct AuditField {
  std::string key;
  AuditValue value;
};
using AuditFields = std::vector<AuditField>;

inline constexpr char kRedacted[] = "REDACTED";

/// The allow-list sanitizer every record passes through before it is written:
/// - a key not on the allow-list keeps its name but its value becomes "REDACTED";
/// - in `options` / `filters` maps, only known-harmless option names keep their values
///   (e.g. interval, queue, page-size); secrets, tokens, URLs with credentials do not;
/// - strings that look like URLs lose userinfo, query string and fragment (pre-signed URLs);
/// - strings are capped at 256 bytes, so no transcript text fits.
/// Callers must still never pass transcript text or PII values; this is the safety net.
AuditFields SanitizeAuditFields(AuditFields fields);

/// True when `key` is on the allow-list of record fields.
bool IsAllowedAuditKey(std::string const& key);

}  // namespace gctq::audit
