#include "emulator_server/server_fixture.h"

#include "server/iso8601.h"

namespace gctq_emulator::testing {
namespace {

Reply ToReply(httplib::Result const& result) {
  if (!result) return {};
  return {result->status, result->headers, result->body};
}

}  // namespace

std::string Reply::Header(std::string const& name) const {
  auto const found = headers.find(name);
  return found == headers.end() ? std::string() : found->second;
}

void ServerTest::StartServer(std::function<void(EmulatorOptions&)> const& adjust, int bulk) {
  org_ = MakeFakeOrg(kNowMs, bulk);
  EmulatorOptions options;
  options.org = org_;
  options.port = 0;
  options.job_delay_ms = 1000;
  auto clock = clock_;
  options.now_ms = [clock] { return clock->load(); };
  if (adjust) adjust(options);
  emulator_ = std::make_unique<Emulator>(options);
  std::string error;
  ASSERT_TRUE(emulator_->Start(&error)) << error;
}

void ServerTest::TearDown() {
  if (emulator_) emulator_->Stop();
}

httplib::Client ServerTest::Client() {
  httplib::Client client("127.0.0.1", emulator_->port());
  client.set_connection_timeout(5);
  client.set_read_timeout(20);
  return client;
}

std::string ServerTest::Token(std::string const& client_id, std::string const& secret) {
  Reply const reply = PostToken(client_id, secret, "grant_type=client_credentials");
  EXPECT_EQ(reply.status, 200) << reply.body;
  return reply.Json().value("access_token", "");
}

Reply ServerTest::PostToken(std::string const& client_id, std::string const& secret,
                            std::string const& form) {
  auto client = Client();
  client.set_basic_auth(client_id, secret);
  return ToReply(client.Post("/oauth/token", form, "application/x-www-form-urlencoded"));
}

Reply ServerTest::Get(std::string const& path, std::string const& token, httplib::Headers headers) {
  auto client = Client();
  if (!token.empty()) client.set_bearer_token_auth(token);
  return ToReply(client.Get(path, headers));
}

Reply ServerTest::Post(std::string const& path, std::string const& body, std::string const& token,
                       httplib::Headers headers) {
  auto client = Client();
  if (!token.empty()) client.set_bearer_token_auth(token);
  return ToReply(client.Post(path, headers, body, "application/json"));
}

Reply ServerTest::Delete(std::string const& path, std::string const& token) {
  auto client = Client();
  if (!token.empty()) client.set_bearer_token_auth(token);
  return ToReply(client.Delete(path));
}

Reply ServerTest::GetUrl(std::string const& url, httplib::Headers headers) {
  std::string const base = emulator_->base_url();
  EXPECT_EQ(url.rfind(base, 0), 0u) << url;
  return Get(url.substr(base.size()), "", std::move(headers));
}

std::string ServerTest::Interval(double from_days_ago, double to_days_ago) {
  return server::FormatIsoMs(kNowMs - std::int64_t(from_days_ago * kDayMs)) + "/" +
         server::FormatIsoMs(kNowMs - std::int64_t(to_days_ago * kDayMs));
}

}  // namespace gctq_emulator::testing
