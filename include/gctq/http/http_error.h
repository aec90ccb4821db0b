#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "gctq/core/error.h"

namespace gctq::http {

/// The fields of a Genesys `ErrorBody` (and of an OAuth error reply) that gctq surfaces.
struct ErrorBody {
  std::string message;     ///< `message`, or OAuth `error_description` / `description`.
  std::string code;        ///< `code` (e.g. "missing.permissions"), or OAuth `error`.
  std::string context_id;  ///< `contextId`.
  std::optional<int> status;
};

/// Parses a JSON ErrorBody / OAuth error, or an S3-style XML `<Code>`/`<Message>` error.
/// nullopt when the body is none of these. Pure.
std::optional<ErrorBody> ParseErrorBody(std::string_view body);

/// The ErrorCode for an HTTP status: 400→kInvalidArgument, 401→kUnauthenticated,
/// 403→kPermissionDenied, 404/410→kNotFound, 408/429/5xx→kUnavailable, other 4xx→kInvalidArgument.
ErrorCode ErrorCodeForStatus(int status);

/// THE mapping of a non-2xx HTTP reply to an Error: code from the status, message/code/contextId
/// from the ErrorBody (the raw body is never copied into the message). Pure.
Error MapHttpError(int status, std::string_view body);

/// True for 2xx.
constexpr bool IsSuccessStatus(int status) {
  return status >= 200 && status < 300;
}

}  // namespace gctq::http
