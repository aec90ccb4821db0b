#include "server/app.h"

#include <algorithm>
#include <chrono>
#include <thread>

#include "server/error_body.h"
#include "server/ids.h"

namespace gctq_emulator::server {
namespace {

constexpr char kFaultHeader[] = "x-emulator-fault";
constexpr int kMaxSlowMs = 60'000;

std::int64_t SystemNowMs() {
  return std::chrono::duration_cast<std::chrono::milliseconds>(
             std::chrono::system_clock::now().time_since_epoch())
      .count();
}

ApiError StatusFaultError(int status) {
  switch (status) {
    case 429: return {429, "too.many.requests", "Rate limit exceeded (injected fault)", {}};
    case 502: return {502, "bad.gateway", "Bad gateway (injected fault)", {}};
    case 503: return {503, "service.unavailable", "Service unavailable (injected fault)", {}};
    case 504: return {504, "request.timeout", "Request timeout (injected fault)", {}};
    default: return {500, "internal.server.error", "Internal server error (injected fault)", {}};
  }
}

/// Sleeps for a slow fault, answers a status fault. True when the request is answered.
bool ApplyEarlyFaults(RequestFaults const& faults, httplib::Response& response) {
  if (Fault const* slow = faults.Find(FaultKind::kSlow))
    std::this_thread::sleep_for(std::chrono::milliseconds(std::min(slow->slow_ms, kMaxSlowMs)));
  Fault const* status = faults.Find(FaultKind::kStatus);
  if (!status) return false;
  if (status->status == 429 && status->retry_after) response.set_header("Retry-After", "1");
  SendError(response, StatusFaultError(status->status));
  return true;
}

/// Replaces the body with a provider that announces the full length but sends only part of it.
void ApplyBodyFaults(RequestFaults const& faults, httplib::Response& response) {
  bool const reset = faults.Has(FaultKind::kResetAfter1Kb), truncate = faults.Has(FaultKind::kTruncate);
  if ((!reset && !truncate) || response.body.empty()) return;
  auto body = std::make_shared<std::string>(std::move(response.body));
  response.body.clear();
  std::size_t const sent = reset ? std::min<std::size_t>(1024, body->size() / 2) : body->size();
  std::size_t const announced = reset ? body->size() : body->size() + 512;
  std::string const content_type = response.get_header_value("Content-Type");
  response.set_content_provider(announced, content_type.c_str(),
                                [body, sent](std::size_t offset, std::size_t, httplib::DataSink& sink) {
                                  if (offset >= sent) return false;  // Closes the connection mid-body.
                                  sink.write(body->data() + offset, sent - offset);
                                  return true;
                                });
}

bool HasPermission(TokenInfo const& grant, Permissions required, std::string* missing, bool* any) {
  auto const has = [&](char const* permission) { return grant.permissions.count(permission) > 0; };
  switch (required) {
    case Permissions::kAnyConversationDetail:
      *any = true;
      *missing = std::string(kPermConversationDetail) + ", " + kPermAgentConversationDetail;
      return has(kPermConversationDetail) || has(kPermAgentConversationDetail);
    case Permissions::kConversationDetail:
      *any = false;
      *missing = kPermConversationDetail;
      return has(kPermConversationDetail);
    case Permissions::kAnyRecording:
      *any = true;
      *missing = std::string(kPermRecording) + ", " + kPermRecordingSegment;
      return has(kPermRecording) || has(kPermRecordingSegment);
    case Permissions::kAllStaData: {
      *any = false;
      std::vector<std::string> absent;
      for (char const* permission : {kPermRecording, kPermStaData})
        if (!has(permission)) absent.emplace_back(permission);
      for (auto const& permission : absent) *missing += (missing->empty() ? "" : ", ") + permission;
      return absent.empty();
    }
  }
  return false;
}

std::optional<std::string> BearerToken(httplib::Request const& request) {
  std::string const header = request.get_header_value("Authorization");
  if (header.size() <= 7) return std::nullopt;
  std::string scheme = header.substr(0, 7);
  std::transform(scheme.begin(), scheme.end(), scheme.begin(),
                 [](unsigned char c) { return std::tolower(c); });
  if (scheme != "bearer ") return std::nullopt;
  return header.substr(7);
}

}  // namespace

App::App(std::shared_ptr<Org const> org, EmulatorOptions const& options, std::vector<OAuthClientSpec> clients)
    : org_(std::move(org)),
      now_ms_(options.now_ms ? options.now_ms : SystemNowMs),
      lenient_(options.profile == "lenient"),
      query_limits_(lenient_ ? LenientQueryLimits() : StrictQueryLimits()),
      tokens_(std::move(clients), std::int64_t(options.token_lifetime_s) * 1000),
      rate_limiter_(options.rate_limit_requests, options.rate_limit_window_s),
      jobs_(options.job_delay_ms, 86'400'000),
      url_signer_(RandomHex(32), options.transcript_url_ttl_s) {}

httplib::Server::Handler App::Api(Permissions permissions, ApiHandler handler) {
  return [this, permissions, handler = std::move(handler)](httplib::Request const& request,
                                                           httplib::Response& response) {
    RequestContext context;
    context.faults = fault_plan_.Take(request.method, request.path, request.get_header_value(kFaultHeader));
    context.now_ms = Now();
    auto const token = BearerToken(request);
    auto grant = token ? tokens_.Validate(*token, context.now_ms) : std::nullopt;
    if (grant && context.faults.Has(FaultKind::kRevokeToken)) {
      tokens_.Revoke(*token);
      grant.reset();
    }
    if (!grant) {
      SendError(response, {401,
                           "authentication.required",
                           "No authentication bearer token specified in "
                           "authorization header.",
                           {}});
      return;
    }
    context.grant = *grant;
    RateDecision const rate = rate_limiter_.Admit(*token, context.now_ms);
    response.set_header("inin-ratelimit-count", std::to_string(rate.count));
    response.set_header("inin-ratelimit-allowed", std::to_string(rate.limit));
    response.set_header("inin-ratelimit-reset", std::to_string(rate.reset_s));
    response.set_header("ININ-Correlation-Id", RandomUuid());
    if (!rate.allowed) {
      response.set_header("Retry-After", std::to_string(rate.reset_s));
      std::string const limit = std::to_string(rate_limiter_.requests()),
                        window = std::to_string(rate_limiter_.window_s());
      SendError(response,
                {429,
                 "too.many.requests",
                 "Rate limit exceeded the maximum [" + limit + "] requests within [" + window + "] seconds",
                 {}});
      return;
    }
    if (ApplyEarlyFaults(context.faults, response)) return;
    std::string missing;
    bool any = false;
    if (!HasPermission(context.grant, permissions, &missing, &any)) {
      if (any)
        SendError(response,
                  {403,
                   "missing.any.permissions",
                   "Unable to perform the requested action. You must have at least one of the following "
                   "permissions assigned: " +
                       missing,
                   {}});
      else
        SendError(response,
                  {403,
                   "missing.permissions",
                   "Unable to perform the requested action. You are missing the following permission(s): " +
                       missing,
                   {}});
      return;
    }
    handler(request, response, context);
    ApplyBodyFaults(context.faults, response);
  };
}

httplib::Server::Handler App::Plain(
    std::function<void(httplib::Request const&, httplib::Response&, RequestContext&)> handler) {
  return [this, handler = std::move(handler)](httplib::Request const& request, httplib::Response& response) {
    RequestContext context;
    context.faults = fault_plan_.Take(request.method, request.path, request.get_header_value(kFaultHeader));
    context.now_ms = Now();
    if (ApplyEarlyFaults(context.faults, response)) return;
    handler(request, response, context);
    ApplyBodyFaults(context.faults, response);
  };
}

void App::Register(httplib::Server& server) {
  RegisterOAuthRoutes(*this, server);
  RegisterAnalyticsRoutes(*this, server);
  RegisterStaRoutes(*this, server);
  server.set_error_handler([](httplib::Request const& request, httplib::Response& response) {
    if (!response.body.empty() || response.status < 400) return;
    if (response.status == 404)
      SendError(response, NotFound("No resource at " + request.path));
    else
      SendError(response, {response.status, "bad.request", "Request failed", {}});
  });
}

}  // namespace gctq_emulator::server
