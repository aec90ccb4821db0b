#include "gctq/audit/audit_fields.h"

#include <algorithm>
#include <array>
#include <string_view>

namespace gctq::audit {
namespace {

constexpr std::size_t kMaxStringBytes = 256;

constexpr std::array<std::string_view, 48> kAllowedKeys = {
    "correlation_id",
    "attempts",
    "client_id",
    "command",
    "communication_id",
    "conversation_id",
    "conversations",
    "count",
    "destination",
    "direction",
    "endpoint_class",
    "error_code",
    "event_type",
    "exit_code",
    "filters",
    "host",
    "http_status",
    "invocation_id",
    "key_id",
    "latency_ms",
    "location",
    "method",
    "moved_to",
    "options",
    "outcome",
    "page",
    "pid",
    "pii_type",
    "reason",
    "records",
    "rule",
    "speaker",
    "state",
    "status",
    "tool_version",
    "torn_bytes",
    "total",
    "url",
    "user",
    "waited_ms",
    "webhook_id",
    "window",
    "bytes",
    "checkpoint_seq",
    "pii_status",
    "pii_types",
    "delivered",
    "dead",
};

constexpr std::array<std::string_view, 34> kSafeOptionNames = {
    "interval",
    "from",
    "to",
    "window",
    "days",
    "queue",
    "queue-id",
    "division",
    "direction",
    "media-type",
    "keyword",
    "keywords",
    "rule",
    "rules",
    "rule-file",
    "page-size",
    "limit",
    "format",
    "json",
    "output",
    "state-db",
    "audit-log",
    "metrics-file",
    "min-sentiment",
    "max-sentiment",
    "pii",
    "language",
    "conversation-id",
    "emulator",
    "fail-on-pii",
    "concurrency",
    "max-pages",
    "max-conversations",
    "checkpoint-every",
};

bool Contains(auto const& list, std::string_view key) {
  return std::find(list.begin(), list.end(), key) != list.end();
}

std::string StripUrlSecrets(std::string value) {
  auto scheme = value.find("://");
  if (scheme == std::string::npos) return value;
  auto cut = value.find_first_of("?#", scheme);
  if (cut != std::string::npos) value.resize(cut);
  auto authority_end = value.find('/', scheme + 3);
  auto at = value.rfind('@', authority_end);
  if (at != std::string::npos && at > scheme) value.erase(scheme + 3, at - scheme - 2);
  return value;
}

std::string SanitizeString(std::string value) {
  value = StripUrlSecrets(std::move(value));
  if (value.size() > kMaxStringBytes) value.resize(kMaxStringBytes);
  return value;
}

AuditStringMap SanitizeMap(AuditStringMap map) {
  for (auto& [name, value] : map) {
    value = Contains(kSafeOptionNames, name) ? SanitizeString(std::move(value)) : std::string(kRedacted);
  }
  return map;
}

}  // namespace

bool IsAllowedAuditKey(std::string const& key) {
  return Contains(kAllowedKeys, key);
}

AuditFields SanitizeAuditFields(AuditFields fields) {
  for (auto& field : fields) {
    if (!IsAllowedAuditKey(field.key)) {
      field.value = std::string(kRedacted);
      continue;
    }
    if (auto* text = std::get_if<std::string>(&field.value)) {
      *text = SanitizeString(std::move(*text));
    } else if (auto* map = std::get_if<AuditStringMap>(&field.value)) {
      *map = SanitizeMap(std::move(*map));
    }
  }
  return fields;
}

}  // namespace gctq::audit
