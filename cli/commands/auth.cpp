// gctq auth check: logs in, shows the region, base URLs and token lifetime, and tries each endpoint
// `gctq query` needs so a missing permission shows up before a long run. Never prints the secret
// or the token.

#include <fmt/format.h>

#include <chrono>
#include <memory>

#include "gctq/auth/token.h"
#include "gctq/http/api_client.h"
#include "gctq/http/curl_transport.h"
#include "gctq/query/analytics_api.h"
#include "gctq/query/connection_options.h"
#include "gctq/query/query_body.h"
#include "gctq/transcript/sta_api.h"
#include "src/command.h"
#include "src/exit_codes.h"

namespace gctq::cli {
namespace {

struct AuthCheckOptions {
  query::ConnectionOptions connection;
};

struct ProbeResult {
  bool ok = false;
  bool fatal_auth = false;
  std::string detail;
};

/// 2xx and 404 prove the permission (the endpoint was reached); 401/403 name what is missing.
template <typename T>
ProbeResult Judge(Result<T> const& result) {
  if (result) return {true, false, "ok"};
  Error const& e = result.error();
  if (e.http_status == 404 || e.code == ErrorCode::kNotFound)
    return {true, false, "ok (nothing to show: 404)"};
  bool const auth = e.code == ErrorCode::kPermissionDenied || e.code == ErrorCode::kUnauthenticated;
  return {false, auth, e.Describe()};
}

void PrintProbe(std::string_view name, std::string_view permissions, ProbeResult const& probe) {
  fmt::print("  {:<4} {:<22} needs {}\n", probe.ok ? "ok" : "FAIL", name, permissions);
  if (!probe.ok) fmt::print("       {}\n", probe.detail);
}

int RunAuthCheck(AuthCheckOptions const& options) {
  auto config = query::ResolveClientConfig(options.connection);
  if (!config) {
    fmt::print(stderr, "gctq auth check: {}\n", config.error().Describe());
    return kExitUsage;
  }
  fmt::print("{}\n", http::Describe(*config));
  auto token = auth::MakeClientCredentialsTokenSource(http::MakeCurlTransport(), config->login_base,
                                                      config->client_id, config->client_secret)
                   ->Fetch();
  if (!token) {
    fmt::print("login: FAILED: {}\n", token.error().Describe());
    return token.error().code == ErrorCode::kUnauthenticated ? kExitAuth : kExitApi;
  }
  fmt::print("login: ok, {} token valid for {} s ({:.1f} h); the token is not shown\n", token->token_type,
             token->expires_in.count(), token->expires_in.count() / 3600.0);

  std::string const api_base = config->api_base;
  auto transport = http::MakeApiTransport(std::move(*config));
  if (!transport) {
    fmt::print(stderr, "gctq auth check: {}\n", transport.error().Describe());
    return kExitUsage;
  }
  query::AnalyticsApi analytics(*transport, api_base);
  transcript::StaApi sta(*transport, api_base);

  query::QueryRequest probe;
  probe.to = std::chrono::floor<std::chrono::seconds>(std::chrono::system_clock::now());
  probe.from = probe.to - std::chrono::days{7};
  probe.page_size = 1;
  auto page = analytics.QueryDetails(query::BuildDetailsQueryBody(probe, {probe.from, probe.to}, 1));
  // A real conversation makes the STA probes meaningful; without one a 404 still proves access.
  std::string conversation_id = "00000000-0000-0000-0000-000000000000";
  std::string communication_id = conversation_id;
  if (page && !page->conversations.empty()) {
    conversation_id = page->conversations[0].conversation_id;
    if (!page->conversations[0].communication_id.empty())
      communication_id = page->conversations[0].communication_id;
  }
  std::vector<std::pair<ProbeResult, std::pair<char const*, char const*>>> probes;
  fmt::print("permissions (by trying each endpoint `gctq query` uses):\n");
  ProbeResult const details = Judge(page);
  PrintProbe("details query", "analytics:conversationDetail:view (or agentConversationDetail)", details);
  ProbeResult const sentiment = Judge(sta.GetSentiment(conversation_id));
  PrintProbe("STA conversation", "recording:recording:view + speechAndTextAnalytics:data:view", sentiment);
  ProbeResult const url = Judge(sta.GetTranscriptUrl(conversation_id, communication_id));
  PrintProbe("transcript url", "recording:recording:view + speechAndTextAnalytics:data:view", url);
  bool const all_ok = details.ok && sentiment.ok && url.ok;
  fmt::print("result: {}\n", all_ok ? "ready for `gctq query`" : "missing permissions (see FAIL above)");
  if (all_ok) return kExitOk;
  return details.fatal_auth || sentiment.fatal_auth || url.fatal_auth ? kExitAuth : kExitApi;
}

}  // namespace

RunFn RegisterAuth(CLI::App& app) {
  auto options = std::make_shared<AuthCheckOptions>();
  auto* auth = app.add_subcommand("auth", "Check credentials and permissions against the org");
  auth->require_subcommand(1);
  auto* check = auth->add_subcommand(
      "check",
      "Log in, show region, base URLs and token lifetime, and test each permission gctq query needs");
  check->footer(
      "Credentials: GENESYSCLOUD_OAUTHCLIENT_ID, GENESYSCLOUD_OAUTHCLIENT_SECRET, GENESYSCLOUD_REGION (or "
      "GCTQ_EMULATOR_URL).\nExit codes: 0 all good, 2 usage/configuration, 3 login failed or a permission is "
      "missing, 4 API failure.");
  check->add_option("--region", options->connection.region,
                    "Region key (eu-west-1) or domain (mypurecloud.ie); overrides GENESYSCLOUD_REGION");
  check->add_option("--api-base", options->connection.api_base, "API base URL; overrides the region");
  check->add_option("--login-base", options->connection.login_base, "Login base URL; defaults to --api-base");
  return [options] { return RunAuthCheck(*options); };
}

}  // namespace gctq::cli
