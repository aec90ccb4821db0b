#include "server/faults.h"

#include <algorithm>
#include <charconv>

namespace gctq_emulator::server {
namespace {

std::string_view Trim(std::string_view text) {
  while (!text.empty() && text.front() == ' ') text.remove_prefix(1);
  while (!text.empty() && text.back() == ' ') text.remove_suffix(1);
  return text;
}

std::optional<int> Number(std::string_view text) {
  int value = 0;
  auto const [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (error != std::errc() || end != text.data() + text.size() || value < 0) return std::nullopt;
  return value;
}

struct ParsedItem {
  std::string scope = "api";
  Fault fault;
  std::optional<int> count;
};

std::optional<ParsedItem> ParseItem(std::string_view item) {
  ParsedItem parsed;
  if (auto const colon = item.find(':'); colon != std::string_view::npos) {
    parsed.scope = std::string(item.substr(0, colon));
    item.remove_prefix(colon + 1);
    static constexpr std::string_view kScopes[] = {"api", "oauth", "details", "jobs", "sta", "s3", "all"};
    if (std::find(std::begin(kScopes), std::end(kScopes), parsed.scope) == std::end(kScopes))
      return std::nullopt;
  }
  constexpr std::string_view kNoRetryAfter = "-noretryafter";
  if (item.ends_with(kNoRetryAfter)) {
    parsed.fault.retry_after = false;
    item.remove_suffix(kNoRetryAfter.size());
  }
  if (auto const x = item.rfind('x'); x != std::string_view::npos && x + 1 < item.size()) {
    if (auto const count = Number(item.substr(x + 1))) {
      parsed.count = *count;
      item = item.substr(0, x);
    }
  }
  if (auto const status = Number(item); status && item.size() == 3) {
    if (*status != 429 && *status != 500 && *status != 502 && *status != 503 && *status != 504)
      return std::nullopt;
    parsed.fault = Fault{FaultKind::kStatus, *status, parsed.fault.retry_after, 0};
    return parsed;
  }
  if (!parsed.fault.retry_after) return std::nullopt;
  if (item == "reset-after-1kb")
    parsed.fault.kind = FaultKind::kResetAfter1Kb;
  else if (item == "truncate")
    parsed.fault.kind = FaultKind::kTruncate;
  else if (item == "revoke-token")
    parsed.fault.kind = FaultKind::kRevokeToken;
  else if (item == "expire-url")
    parsed.fault.kind = FaultKind::kExpireUrl;
  else if (item == "drift")
    parsed.fault.kind = FaultKind::kDrift;
  else if (item == "job-fail")
    parsed.fault.kind = FaultKind::kJobFail;
  else if (item == "job-expire")
    parsed.fault.kind = FaultKind::kJobExpire;
  else if (item.starts_with("slow-") && item.ends_with("ms")) {
    auto const ms = Number(item.substr(5, item.size() - 7));
    if (!ms) return std::nullopt;
    parsed.fault.kind = FaultKind::kSlow;
    parsed.fault.slow_ms = *ms;
  } else {
    return std::nullopt;
  }
  return parsed;
}

template <typename Visit>
bool ForEachItem(std::string_view spec, Visit const& visit) {
  while (!spec.empty()) {
    std::size_t const comma = spec.find(',');
    std::string_view const item = Trim(spec.substr(0, comma));
    spec = comma == std::string_view::npos ? std::string_view() : spec.substr(comma + 1);
    if (item.empty()) continue;
    if (!visit(item)) return false;
  }
  return true;
}

bool InScope(std::string const& scope, std::string const& path) {
  if (scope == "all") return true;
  if (scope == "oauth") return path == "/oauth/token";
  if (scope == "s3") return path.starts_with("/s3/");
  if (scope == "details") return path == "/api/v2/analytics/conversations/details/query";
  if (scope == "jobs") return path.starts_with("/api/v2/analytics/conversations/details/jobs");
  if (scope == "sta") return path.starts_with("/api/v2/speechandtextanalytics/");
  return path.starts_with("/api/v2/");
}

/// Whether a fault can act on this request at all (so bounded items are not spent on others).
bool AppliesTo(Fault const& fault, std::string const& method, std::string const& path) {
  bool const api = path.starts_with("/api/v2/");
  switch (fault.kind) {
    case FaultKind::kRevokeToken: return api;
    case FaultKind::kExpireUrl: return path.ends_with("/transcripturl") || path.ends_with("/transcripturls");
    case FaultKind::kDrift: return path == "/api/v2/analytics/conversations/details/query";
    case FaultKind::kJobFail:
    case FaultKind::kJobExpire:
      return method == "POST" && path == "/api/v2/analytics/conversations/details/jobs";
    default: return true;
  }
}

}  // namespace

Fault const* RequestFaults::Find(FaultKind kind) const {
  for (auto const& fault : faults)
    if (fault.kind == kind) return &fault;
  return nullptr;
}

bool FaultPlan::Load(std::string_view spec, std::string* error) {
  std::vector<Rule> rules;
  bool const ok = ForEachItem(spec, [&](std::string_view item) {
    auto parsed = ParseItem(item);
    if (!parsed || (parsed->fault.kind == FaultKind::kStatus && !parsed->count)) {
      if (error)
        *error = "unknown fault \"" + std::string(item) + "\" (status faults need a count, e.g. 503x2)";
      return false;
    }
    rules.push_back(Rule{parsed->scope, parsed->fault, parsed->count});
    return true;
  });
  if (!ok) return false;
  std::lock_guard lock(mutex_);
  rules_ = std::move(rules);
  return true;
}

RequestFaults FaultPlan::Take(std::string const& method, std::string const& path,
                              std::string_view header_spec) {
  RequestFaults result;
  {
    std::lock_guard lock(mutex_);
    for (auto& rule : rules_) {
      if (!InScope(rule.scope, path) || !AppliesTo(rule.fault, method, path)) continue;
      if (rule.remaining) {
        if (*rule.remaining == 0) continue;
        --*rule.remaining;
      }
      result.faults.push_back(rule.fault);
    }
  }
  ForEachItem(header_spec, [&](std::string_view item) {
    if (auto parsed = ParseItem(item)) result.faults.push_back(parsed->fault);
    return true;
  });
  return result;
}

}  // namespace gctq_emulator::server
