#include "gctq/http/http_error.h"

#include <fmt/format.h>

#include <nlohmann/json.hpp>

namespace gctq::http {
namespace {

constexpr std::size_t kMaxMessageChars = 400;

std::string StringField(nlohmann::json const& j, char const* name) {
  auto const it = j.find(name);
  return it != j.end() && it->is_string() ? it->get<std::string>() : std::string();
}

std::string Truncated(std::string s) {
  if (s.size() > kMaxMessageChars) s = s.substr(0, kMaxMessageChars) + "...";
  return s;
}

std::optional<ErrorBody> ParseJsonErrorBody(std::string_view body) {
  auto const j = nlohmann::json::parse(body, nullptr, /*allow_exceptions=*/false);
  if (!j.is_object()) return std::nullopt;
  ErrorBody out;
  out.message = StringField(j, "message");
  out.code = StringField(j, "code");
  out.context_id = StringField(j, "contextId");
  if (auto const it = j.find("status"); it != j.end() && it->is_number_integer()) out.status = it->get<int>();
  if (out.code.empty()) out.code = StringField(j, "error");  // OAuth error reply.
  if (out.message.empty()) out.message = StringField(j, "error_description");
  if (out.message.empty()) out.message = StringField(j, "description");
  if (out.message.empty() && out.code.empty() && out.context_id.empty()) return std::nullopt;
  return out;
}

std::string XmlElement(std::string_view body, std::string_view name) {
  std::string const open = fmt::format("<{}>", name);
  std::string const close = fmt::format("</{}>", name);
  auto const begin = body.find(open);
  if (begin == std::string_view::npos) return {};
  auto const end = body.find(close, begin + open.size());
  if (end == std::string_view::npos) return {};
  return std::string(body.substr(begin + open.size(), end - begin - open.size()));
}

std::optional<ErrorBody> ParseXmlErrorBody(std::string_view body) {
  ErrorBody out;
  out.code = XmlElement(body, "Code");
  out.message = XmlElement(body, "Message");
  if (out.code.empty() && out.message.empty()) return std::nullopt;
  return out;
}

}  // namespace

std::optional<ErrorBody> ParseErrorBody(std::string_view body) {
  auto const first = body.find_first_not_of(" \t\r\n");
  if (first == std::string_view::npos) return std::nullopt;
  if (body[first] == '{') return ParseJsonErrorBody(body);
  if (body[first] == '<') return ParseXmlErrorBody(body);
  return std::nullopt;
}

ErrorCode ErrorCodeForStatus(int status) {
  switch (status) {
    case 400: return ErrorCode::kInvalidArgument;
    case 401: return ErrorCode::kUnauthenticated;
    case 403: return ErrorCode::kPermissionDenied;
    case 404:
    case 410: return ErrorCode::kNotFound;
    case 408:
    case 429: return ErrorCode::kUnavailable;
    default: break;
  }
  if (status >= 500 && status <= 599) return ErrorCode::kUnavailable;
  if (status >= 400 && status <= 499) return ErrorCode::kInvalidArgument;
  return ErrorCode::kInternal;
}

Error MapHttpError(int status, std::string_view body) {
  Error error = MakeError(ErrorCodeForStatus(status), "");
  error.http_status = status;
  auto const parsed = ParseErrorBody(body);
  if (parsed) {
    error.message = Truncated(parsed->message);
    error.service_code = Truncated(parsed->code);
    error.context_id = Truncated(parsed->context_id);
  }
  if (error.message.empty()) error.message = fmt::format("HTTP {} from the server", status);
  return error;
}

}  // namespace gctq::http
