// Analytics conversation details: the sync query and async jobs.

#include <nlohmann/json.hpp>

#include <charconv>

#include "server/app.h"
#include "server/error_body.h"
#include "server/json_mapping.h"
#include "server/query_cache.h"

namespace gctq_emulator::server {
namespace {

using Json = nlohmann::ordered_json;

constexpr char kDetailsPath[] = "/api/v2/analytics/conversations/details";
constexpr int kDefaultJobPageSize = 100;
constexpr char kCursorPrefix[] = "c1.";

/// The cache key: the query without its paging, in canonical form.
std::string CacheKey(std::string const& body) {
  auto document = nlohmann::json::parse(body, nullptr, false);
  if (document.is_object()) document.erase("paging");
  return document.dump();
}

Json ConversationsJson(Org const& org, std::vector<std::uint32_t> const& matches, std::size_t begin,
                       std::size_t end) {
  Json conversations = Json::array();
  for (std::size_t i = begin; i < end && i < matches.size(); ++i)
    conversations.push_back(ConversationToJson(org.Expand(matches[i])));
  return conversations;
}

std::int64_t DataAvailabilityMs(std::int64_t now_ms) {
  return now_ms - now_ms % 60'000;
}

void PostDetailsQuery(App& app, QueryCache& cache, httplib::Request const& request,
                      httplib::Response& response, RequestContext& context) {
  auto parsed = ParseDetailsQuery(request.body, QueryKind::kSync);
  if (auto const* error = std::get_if<ApiError>(&parsed)) return SendError(response, *error);
  auto const& query = std::get<DetailsQuery>(parsed);
  if (auto const error = CheckSyncLimits(query, app.query_limits(), context.now_ms))
    return SendError(response, *error);
  auto const matches =
      cache.GetOrRun("sync" + CacheKey(request.body), [&] { return RunDetailsQuery(app.org(), query); });
  std::size_t const begin = std::size_t(query.page_number - 1) * std::size_t(query.page_size);
  Json body;
  if (begin < matches->size())
    body["conversations"] =
        ConversationsJson(app.org(), *matches, begin, begin + std::size_t(query.page_size));
  std::int64_t total_hits = std::int64_t(matches->size());
  if (context.faults.Has(FaultKind::kDrift)) total_hits += query.page_number;
  body["totalHits"] = total_hits;
  SendJson(response, 200, body.dump());
}

void PostJob(App& app, httplib::Request const& request, httplib::Response& response,
             RequestContext& context) {
  auto parsed = ParseDetailsQuery(request.body, QueryKind::kAsync);
  if (auto const* error = std::get_if<ApiError>(&parsed)) return SendError(response, *error);
  auto const& query = std::get<DetailsQuery>(parsed);
  JobOutcome const outcome = context.faults.Has(FaultKind::kJobFail)     ? JobOutcome::kFailed
                             : context.faults.Has(FaultKind::kJobExpire) ? JobOutcome::kExpired
                                                                         : JobOutcome::kFulfilled;
  std::string const job_id = app.jobs().Submit(RunDetailsQuery(app.org(), query), outcome, context.now_ms);
  SendJson(response, 202, Json{{"jobId", job_id}}.dump());
}

void GetJobStatus(App& app, httplib::Request const& request, httplib::Response& response,
                  RequestContext& context) {
  std::string const job_id = request.matches[1];
  auto const status = app.jobs().Status(job_id, context.now_ms);
  if (!status) return SendError(response, NotFound("No async job " + job_id));
  Json body;
  body["state"] = status->state;
  if (status->state == "FAILED") body["errorMessage"] = "The query failed (injected fault)";
  body["expirationDate"] = FormatIsoMs(status->expires_ms);
  body["submissionDate"] = FormatIsoMs(status->submitted_ms);
  if (status->state == "FULFILLED" || status->state == "FAILED")
    body["completionDate"] = FormatIsoMs(status->completed_ms);
  SendJson(response, 200, body.dump());
}

std::optional<std::size_t> ParseCursor(std::string const& cursor) {
  if (!cursor.starts_with(kCursorPrefix)) return std::nullopt;
  std::size_t offset = 0;
  char const* begin = cursor.data() + sizeof(kCursorPrefix) - 1;
  auto const [end, error] = std::from_chars(begin, cursor.data() + cursor.size(), offset);
  if (error != std::errc() || end != cursor.data() + cursor.size()) return std::nullopt;
  return offset;
}

void GetJobResults(App& app, httplib::Request const& request, httplib::Response& response,
                   RequestContext& context) {
  std::string const job_id = request.matches[1];
  auto const status = app.jobs().Status(job_id, context.now_ms);
  if (!status) return SendError(response, NotFound("No async job " + job_id));
  if (status->state != "FULFILLED")
    return SendError(response, BadRequest("Job " + job_id + " is " + status->state +
                                          "; results are available once it is FULFILLED"));
  int const max_page_size = app.lenient() ? 10'000 : 1000;
  int page_size = kDefaultJobPageSize;
  if (request.has_param("pageSize")) {
    std::string const text = request.get_param_value("pageSize");
    auto const [end, error] = std::from_chars(text.data(), text.data() + text.size(), page_size);
    if (error != std::errc() || end != text.data() + text.size() || page_size < 1 ||
        page_size > max_page_size)
      return SendError(response,
                       BadRequest("pageSize must be between 1 and " + std::to_string(max_page_size)));
  }
  std::size_t offset = 0;
  if (request.has_param("cursor")) {
    auto const parsed = ParseCursor(request.get_param_value("cursor"));
    if (!parsed || *parsed > status->results->size())
      return SendError(response, BadRequest("Invalid cursor"));
    offset = *parsed;
  }
  std::size_t const end = std::min(status->results->size(), offset + std::size_t(page_size));
  Json body;
  if (offset < end) body["conversations"] = ConversationsJson(app.org(), *status->results, offset, end);
  if (end < status->results->size()) body["cursor"] = kCursorPrefix + std::to_string(end);
  body["dataAvailabilityDate"] = FormatIsoMs(DataAvailabilityMs(context.now_ms));
  SendJson(response, 200, body.dump());
}

}  // namespace

void RegisterAnalyticsRoutes(App& app, httplib::Server& server) {
  auto cache = std::make_shared<QueryCache>(32);
  std::string const details = kDetailsPath;
  server.Post(details + "/query",
              app.Api(Permissions::kAnyConversationDetail,
                      [&app, cache](auto const& request, auto& response, RequestContext& context) {
                        PostDetailsQuery(app, *cache, request, response, context);
                      }));
  server.Post(details + "/jobs", app.Api(Permissions::kAnyConversationDetail,
                                         [&app](auto const& request, auto& response, auto& context) {
                                           PostJob(app, request, response, context);
                                         }));
  server.Get(
      details + "/jobs/availability",
      app.Api(Permissions::kConversationDetail, [](auto const&, auto& response, RequestContext& context) {
        SendJson(response, 200,
                 Json{{"dataAvailabilityDate", FormatIsoMs(DataAvailabilityMs(context.now_ms))}}.dump());
      }));
  server.Get(details + "/jobs/([^/]+)/results",
             app.Api(Permissions::kAnyConversationDetail,
                     [&app](auto const& request, auto& response, auto& context) {
                       GetJobResults(app, request, response, context);
                     }));
  server.Get(details + "/jobs/([^/]+)", app.Api(Permissions::kAnyConversationDetail,
                                                [&app](auto const& request, auto& response, auto& context) {
                                                  GetJobStatus(app, request, response, context);
                                                }));
  server.Delete(
      details + "/jobs/([^/]+)",
      app.Api(Permissions::kAnyConversationDetail, [&app](auto const& request, auto& response, auto&) {
        std::string const job_id = request.matches[1];
        if (!app.jobs().Cancel(job_id)) return SendError(response, NotFound("No async job " + job_id));
        response.status = 202;
      }));
}

}  // namespace gctq_emulator::server
