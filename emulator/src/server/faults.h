#pragma once

// Deterministic fault injection.
//
// A fault spec is a comma-separated list of items `[scope:]fault[xN]`:
//   429xN, 429xN-noretryafter, 500xN, 502xN, 503xN, 504xN   the next N matching requests fail so
//   reset-after-1kb      the connection closes after about 1 KB of the body (at most half of it)
//   truncate             Content-Length announces more bytes than are sent
//   slow-MSms            the response waits MS milliseconds
//   revoke-token         the bearer token is revoked before it expires: 401
//   expire-url           pre-signed transcript URLs are issued already expired
//   drift                totalHits of the details query changes from page to page
//   job-fail, job-expire async details jobs end FAILED or EXPIRED instead of FULFILLED
// `xN` bounds an item to the first N requests it applies to (status faults require it); without it an
// item applies to every such request. Scopes: api (default: /api/v2/...), oauth, details, jobs, sta,
// s3 (transcript documents), all. The request header `x-emulator-fault` takes the same list and
// applies it to that request only (scopes and counts are ignored there).

#include <mutex>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace gctq_emulator::server {

enum class FaultKind {
  kStatus,
  kResetAfter1Kb,
  kTruncate,
  kSlow,
  kRevokeToken,
  kExpireUrl,
  kDrift,
  kJobFail,
  kJobExpire
};

struct Fault {
  FaultKind kind = FaultKind::kStatus;
  int status = 0;           ///< kStatus
  bool retry_after = true;  ///< kStatus 429: whether Retry-After is sent.
  int slow_ms = 0;          ///< kSlow
};

/// What one request is subjected to.
struct RequestFaults {
  std::vector<Fault> faults;
  [[nodiscard]] Fault const* Find(FaultKind kind) const;
  [[nodiscard]] bool Has(FaultKind kind) const { return Find(kind) != nullptr; }
};

class FaultPlan {
 public:
  /// Replaces the process-wide items with `spec`; false with `error` set when an item is not understood.
  bool Load(std::string_view spec, std::string* error);

  /// The faults for a request: the process-wide items that apply (consuming their counts) plus
  /// the items of the request's `x-emulator-fault` header.
  RequestFaults Take(std::string const& method, std::string const& path, std::string_view header_spec);

 private:
  struct Rule {
    std::string scope;
    Fault fault;
    std::optional<int> remaining;
  };
  std::mutex mutex_;
  std::vector<Rule> rules_;
};

}  // namespace gctq_emulator::server
