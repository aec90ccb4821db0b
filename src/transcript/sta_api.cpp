#include "gctq/transcript/sta_api.h"

#include <fmt/format.h>

#include <nlohmann/json.hpp>

#include "gctq/transcript/sentiment.h"
#include "query/api_response.h"

namespace gctq::transcript {
namespace {

using http::EndpointClass;
constexpr std::string_view kStaConversations = "/api/v2/speechandtextanalytics/conversations/";

bool IsHttp(Error const& error, int status) {
  return error.http_status == status;
}

}  // namespace

StaApi::StaApi(std::shared_ptr<http::Transport> transport, std::string api_base)
    : transport_(std::move(transport)), api_base_(std::move(api_base)) {
  while (!api_base_.empty() && api_base_.back() == '/') api_base_.pop_back();
}

Result<std::optional<std::string>> StaApi::GetTranscriptUrl(std::string const& conversation_id,
                                                            std::string const& communication_id) const {
  std::string url = fmt::format("{}{}{}/communications/{}/transcripturl", api_base_, kStaConversations,
                                internal::UrlEncode(conversation_id), internal::UrlEncode(communication_id));
  auto response = internal::SendChecked(
      *transport_, internal::MakeRequest("GET", std::move(url), EndpointClass::kTranscriptUrl),
      "transcript url");
  if (!response && IsHttp(response.error(), 404)) return std::optional<std::string>{};
  if (!response) return std::move(response).error();
  auto doc = nlohmann::json::parse(response->body, nullptr, false);
  if (!doc.is_object() || !doc.contains("url") || !doc["url"].is_string() ||
      doc["url"].get<std::string>().empty()) {
    return MakeError(ErrorCode::kDataLoss, "transcript url: the response has no url");
  }
  return std::optional<std::string>{doc["url"].get<std::string>()};
}

Result<http::HttpResponse> StaApi::Download(std::string const& url) const {
  http::HttpRequest request;
  request.method = "GET";
  request.url = url;
  request.endpoint_class = EndpointClass::kTranscriptDownload;
  return internal::SendChecked(*transport_, request, "transcript download");
}

Result<std::optional<double>> StaApi::GetSentiment(std::string const& conversation_id) const {
  std::string url = fmt::format("{}{}{}", api_base_, kStaConversations, internal::UrlEncode(conversation_id));
  auto response = internal::SendChecked(
      *transport_, internal::MakeRequest("GET", std::move(url), EndpointClass::kStaConversation),
      "sta conversation");
  if (!response && IsHttp(response.error(), 404)) return std::optional<double>{};
  if (!response) return std::move(response).error();
  auto doc = nlohmann::json::parse(response->body, nullptr, false);
  if (!doc.is_object()) return MakeError(ErrorCode::kDataLoss, "sta conversation: not a JSON object");
  auto it = doc.find("sentimentScore");
  if (it == doc.end() || !it->is_number()) return std::optional<double>{};
  return std::optional<double>{ToUiScale(it->get<double>())};
}

Result<std::optional<std::string>> FetchTranscript(StaApi const& api, std::string const& conversation_id,
                                                   std::string const& communication_id) {
  Error last = MakeError(ErrorCode::kInternal, "transcript: not attempted");
  for (int attempt = 0; attempt < 2; ++attempt) {
    auto url = api.GetTranscriptUrl(conversation_id, communication_id);
    if (!url) return std::move(url).error();
    if (!url->has_value()) return std::optional<std::string>{};
    auto response = api.Download(**url);
    if (response) {
      if (nlohmann::json::accept(response->body))
        return std::optional<std::string>{std::move(response->body)};
      last = MakeError(ErrorCode::kDataLoss, fmt::format("transcript download: body is not JSON ({} bytes)",
                                                         response->body.size()));
      continue;  // A damaged body: ask for a fresh URL and try once more.
    }
    Error error = std::move(response).error();
    // 403 from the storage = the pre-signed URL expired: re-ask. It says nothing about the OAuth
    // client's permissions, so it must not end the run.
    if (!IsHttp(error, 403)) {
      if (error.code == ErrorCode::kPermissionDenied) error.code = ErrorCode::kUnavailable;
      return error;
    }
    last = MakeError(ErrorCode::kUnavailable, "transcript download: HTTP 403, the pre-signed URL expired");
    last.http_status = 403;
  }
  return last;
}

}  // namespace gctq::transcript
