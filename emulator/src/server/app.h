#pragma once

// The emulator's HTTP application: shared state, the request pipeline and route registration.

#include <httplib.h>

#include <cstdint>
#include <functional>
#include <memory>
#include <string>

#include "gctq_emulator/emulator.h"
#include "model/org.h"
#include "server/async_jobs.h"
#include "server/auth.h"
#include "server/details_query.h"
#include "server/faults.h"
#include "server/rate_limiter.h"
#include "server/transcript_urls.h"

namespace gctq_emulator::server {

/// Which permissions an API operation needs (from the operation's x-inin-requires-permissions).
enum class Permissions {
  kAnyConversationDetail,  ///< ANY of analytics:conversationDetail:view,
                           ///< analytics:agentConversationDetail:view
  kConversationDetail,     ///< analytics:conversationDetail:view
  kAllStaData,             ///< ALL of recording:recording:view, speechAndTextAnalytics:data:view
  kAnyRecording,           ///< ANY of recording:recording:view, recording:recordingSegment:view
};

/// What the pipeline knows about an API request once it reaches its handler.
struct RequestContext {
  std::int64_t now_ms = 0;
  TokenInfo grant;
  RequestFaults faults;
};

class App {
 public:
  using ApiHandler = std::function<void(httplib::Request const&, httplib::Response&, RequestContext&)>;

  App(std::shared_ptr<Org const> org, EmulatorOptions const& options, std::vector<OAuthClientSpec> clients);

  /// Loads the process-wide fault spec; false with `error` set when it is malformed.
  bool LoadFaults(std::string const& spec, std::string* error) { return fault_plan_.Load(spec, error); }
  void Register(httplib::Server& server);
  void set_base_url(std::string base_url) { base_url_ = std::move(base_url); }

  /// Wraps an /api/v2 handler: faults, bearer token, rate limit, permissions, body faults.
  httplib::Server::Handler Api(Permissions permissions, ApiHandler handler);
  /// Wraps a handler outside /api/v2 (token endpoint, transcript documents): faults only.
  httplib::Server::Handler Plain(
      std::function<void(httplib::Request const&, httplib::Response&, RequestContext&)> handler);

  [[nodiscard]] Org const& org() const { return *org_; }
  [[nodiscard]] std::int64_t Now() const { return now_ms_(); }
  [[nodiscard]] std::string const& base_url() const { return base_url_; }
  [[nodiscard]] bool lenient() const { return lenient_; }
  [[nodiscard]] QueryLimits const& query_limits() const { return query_limits_; }
  TokenStore& tokens() { return tokens_; }
  JobStore& jobs() { return jobs_; }
  TranscriptUrlSigner const& url_signer() const { return url_signer_; }

 private:
  std::shared_ptr<Org const> org_;
  std::function<std::int64_t()> now_ms_;
  bool lenient_;
  QueryLimits query_limits_;
  TokenStore tokens_;
  RateLimiter rate_limiter_;
  JobStore jobs_;
  TranscriptUrlSigner url_signer_;
  FaultPlan fault_plan_;
  std::string base_url_;
};

void RegisterOAuthRoutes(App& app, httplib::Server& server);
void RegisterAnalyticsRoutes(App& app, httplib::Server& server);
void RegisterStaRoutes(App& app, httplib::Server& server);

}  // namespace gctq_emulator::server
