#include "gctq/query/analytics_api.h"

#include <fmt/format.h>

#include <nlohmann/json.hpp>

#include "query/api_response.h"

namespace gctq::query {
namespace {

using http::EndpointClass;
constexpr std::string_view kJobsPath = "/api/v2/analytics/conversations/details/jobs";

}  // namespace

AnalyticsApi::AnalyticsApi(std::shared_ptr<http::Transport> transport, std::string api_base)
    : transport_(std::move(transport)), api_base_(std::move(api_base)) {
  while (!api_base_.empty() && api_base_.back() == '/') api_base_.pop_back();
}

Result<http::HttpResponse> AnalyticsApi::Send(http::HttpRequest const& request,
                                              std::string_view operation) const {
  return internal::SendChecked(*transport_, request, operation);
}

Result<DetailsPage> AnalyticsApi::QueryDetails(std::string body) const {
  auto response = Send(internal::MakeJsonPost(api_base_ + "/api/v2/analytics/conversations/details/query",
                                              std::move(body), EndpointClass::kDetailsPage),
                       "details query");
  if (!response) return std::move(response).error();
  return ParseDetailsPage(response->body);
}

Result<std::string> AnalyticsApi::SubmitJob(std::string body) const {
  auto response = Send(internal::MakeJsonPost(fmt::format("{}{}", api_base_, kJobsPath), std::move(body),
                                              EndpointClass::kAsyncJobSubmit),
                       "details job submit");
  if (!response) return std::move(response).error();
  auto doc = nlohmann::json::parse(response->body, nullptr, false);
  if (!doc.is_object() || !doc.contains("jobId") || !doc["jobId"].is_string()) {
    return MakeError(ErrorCode::kDataLoss, "details job submit: the response has no jobId");
  }
  return doc["jobId"].get<std::string>();
}

Result<AsyncJobStatus> AnalyticsApi::GetJobStatus(std::string const& job_id) const {
  auto request =
      internal::MakeRequest("GET", fmt::format("{}{}/{}", api_base_, kJobsPath, internal::UrlEncode(job_id)),
                            EndpointClass::kAsyncJobPoll);
  auto response = Send(request, "details job status");
  if (!response) return std::move(response).error();
  auto doc = nlohmann::json::parse(response->body, nullptr, false);
  if (!doc.is_object() || !doc.contains("state") || !doc["state"].is_string()) {
    return MakeError(ErrorCode::kDataLoss, "details job status: the response has no state");
  }
  AsyncJobStatus status;
  status.state = doc["state"].get<std::string>();
  if (auto it = doc.find("errorMessage"); it != doc.end() && it->is_string())
    status.error_message = it->get<std::string>();
  return status;
}

Result<DetailsPage> AnalyticsApi::GetJobResults(std::string const& job_id,
                                                std::optional<std::string> const& cursor,
                                                int page_size) const {
  std::string url = fmt::format("{}{}/{}/results?pageSize={}", api_base_, kJobsPath,
                                internal::UrlEncode(job_id), page_size);
  if (cursor) url += "&cursor=" + internal::UrlEncode(*cursor);
  auto response = Send(internal::MakeRequest("GET", std::move(url), EndpointClass::kAsyncJobResults),
                       "details job results");
  if (!response) return std::move(response).error();
  return ParseDetailsPage(response->body);
}

Status AnalyticsApi::DeleteJob(std::string const& job_id) const {
  auto request = internal::MakeRequest(
      "DELETE", fmt::format("{}{}/{}", api_base_, kJobsPath, internal::UrlEncode(job_id)),
      EndpointClass::kOther);
  auto response = Send(request, "details job delete");
  if (!response) return std::move(response).error();
  return Ok{};
}

}  // namespace gctq::query
