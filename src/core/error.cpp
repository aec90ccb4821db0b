#include "gctq/core/error.h"

#include <fmt/format.h>

namespace gctq {

std::string_view ToString(ErrorCode code) {
  switch (code) {
    case ErrorCode::kInvalidArgument: return "invalid_argument";
    case ErrorCode::kUnauthenticated: return "unauthenticated";
    case ErrorCode::kPermissionDenied: return "permission_denied";
    case ErrorCode::kNotFound: return "not_found";
    case ErrorCode::kUnavailable: return "unavailable";
    case ErrorCode::kQuotaExhausted: return "quota_exhausted";
    case ErrorCode::kDeadlineExceeded: return "deadline_exceeded";
    case ErrorCode::kDataLoss: return "data_loss";
    case ErrorCode::kIo: return "io";
    case ErrorCode::kInternal: return "internal";
  }
  return "internal";
}

std::string Error::Describe() const {
  std::string out = message;
  if (http_status || !service_code.empty() || !context_id.empty()) {
    out += " (";
    std::string sep;
    if (http_status) {
      out += fmt::format("http {}", *http_status);
      sep = " ";
    }
    if (!service_code.empty()) {
      out += sep + service_code;
      sep = ", ";
    }
    if (!context_id.empty()) out += sep + "contextId " + context_id;
    out += ")";
  }
  return out;
}

Error MakeError(ErrorCode code, std::string message) {
  Error e;
  e.code = code;
  e.message = std::move(message);
  return e;
}

}  // namespace gctq
