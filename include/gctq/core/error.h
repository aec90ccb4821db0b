#pragma once

#include <optional>
#include <string>

namespace gctq {

/// What kind of failure an Error is. The CLI maps these to documented exit codes.
enum class ErrorCode {
  kInvalidArgument,   ///< Bad input from the user: names the field and the limit.
  kUnauthenticated,   ///< Credentials rejected, or a token the service refuses.
  kPermissionDenied,  ///< The OAuth client lacks a permission (403).
  kNotFound,          ///< The resource does not exist (404).
  kUnavailable,       ///< Transient: 429, 5xx, connection errors. Retried by the client.
  kQuotaExhausted,    ///< Retry-After beyond the cap: waiting is pointless for this run.
  kDeadlineExceeded,  ///< Timed out, or the retry budget ran out.
  kDataLoss,          ///< A body that could not be parsed, truncated, or tampered data.
  kIo,                ///< Local file or database failure.
  kInternal,          ///< A bug: an invariant that did not hold.
};

/// Stable lower-case name of a code, for messages and JSON.
std::string_view ToString(ErrorCode code);

/// A recoverable error: returned as a value across API boundaries, never thrown.
struct Error {
  ErrorCode code = ErrorCode::kInternal;
  std::string message;
  std::optional<int> http_status;  ///< Set when the error came from an HTTP response.
  std::string service_code;        ///< The ErrorBody `code`, e.g. "bad.request".
  std::string context_id;          ///< The ErrorBody `contextId`, for support tickets.

  /// "message (http 400 bad.request, contextId ...)": safe to print; never holds secrets.
  [[nodiscard]] std::string Describe() const;
};

Error MakeError(ErrorCode code, std::string message);

}  // namespace gctq
