// `gctq query` and `gctq auth check` end to end: the built binary (GCTQ_BINARY) runs as a child process
// (bounded) against `gctq emulator --port 0`, also a child, on loopback. Credentials go through the
// child's environment only. Covers issue 4's "Done when" items on bad input (exit 2, a message naming
// the field and limit, nothing sent) and on the canary secret (never in stdout, stderr, logs or files).
#include <arpa/inet.h>
#include <fcntl.h>
#include <gtest/gtest.h>
#include <netinet/in.h>
#include <poll.h>
#include <signal.h>
#include <sys/prctl.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cctype>
#include <chrono>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <map>
#include <memory>
#include <nlohmann/json.hpp>
#include <regex>
#include <sstream>
#include <string>
#include <utility>
#include <vector>

#include "src/exit_codes.h"

extern char** environ;  // NOLINT: POSIX

namespace {

namespace fs = std::filesystem;
using gctq::cli::kExitAuth;
using gctq::cli::kExitOk;
using gctq::cli::kExitUsage;
using Env = std::map<std::string, std::string>;
using std::chrono::seconds;

constexpr char kDemoId[] = "gctq-demo-client";
constexpr char kDemoSecret[] = "gctq-demo-secret";
constexpr char kLimitedId[] = "gctq-limited-client";
constexpr char kLimitedSecret[] = "gctq-limited-secret";

/// The environment of a child: ours without credentials, emulator URL, region or proxies (so the
/// developer's shell cannot change what a test means), plus `extra`.
std::vector<std::string> ChildEnvironment(Env const& extra) {
  std::vector<std::string> env;
  for (char** e = environ; *e != nullptr; ++e) {
    std::string const entry = *e;
    std::string name = entry.substr(0, entry.find('='));
    for (auto& c : name) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
    if (name.rfind("GENESYSCLOUD_", 0) == 0 || name.rfind("GCTQ_", 0) == 0 ||
        name.find("PROXY") != std::string::npos || extra.count(entry.substr(0, entry.find('='))) > 0)
      continue;
    env.push_back(entry);
  }
  for (auto const& [name, value] : extra) env.push_back(name + "=" + value);
  return env;
}

/// fork + execve of GCTQ_BINARY with `args` and `env`; stdin from /dev/null, stdout/stderr to the
/// given descriptors (-1: /dev/null). The child dies with the test process.
pid_t Spawn(std::vector<std::string> const& args, Env const& env, int out_fd, int err_fd,
            std::vector<int> const& close_in_child) {
  std::vector<std::string> const env_strings = ChildEnvironment(env);
  std::vector<char*> argv{const_cast<char*>(GCTQ_BINARY)};
  for (auto const& a : args) argv.push_back(const_cast<char*>(a.c_str()));
  argv.push_back(nullptr);
  std::vector<char*> envp;
  for (auto const& e : env_strings) envp.push_back(const_cast<char*>(e.c_str()));
  envp.push_back(nullptr);
  pid_t const pid = fork();
  if (pid != 0) return pid;
  ::prctl(PR_SET_PDEATHSIG, SIGKILL);
  int const null = open("/dev/null", O_RDWR);
  if (null < 0) _exit(126);
  dup2(null, 0);
  dup2(out_fd >= 0 ? out_fd : null, 1);
  dup2(err_fd >= 0 ? err_fd : null, 2);
  for (int fd : close_in_child) close(fd);
  execve(argv[0], argv.data(), envp.data());
  _exit(127);
}

struct ChildResult {
  int exit_code = -1;  ///< -2: killed after the timeout.
  std::string out, err;
};

/// Runs `gctq args...` with `env` to completion, or kills it after `timeout`.
ChildResult Gctq(std::vector<std::string> const& args, Env const& env, seconds timeout = seconds(20)) {
  ChildResult run;
  int out_pipe[2], err_pipe[2];
  if (pipe2(out_pipe, O_CLOEXEC) != 0) return run;
  if (pipe2(err_pipe, O_CLOEXEC) != 0) {
    close(out_pipe[0]);
    close(out_pipe[1]);
    return run;
  }
  pid_t const pid = Spawn(args, env, out_pipe[1], err_pipe[1], {out_pipe[0], err_pipe[0]});
  close(out_pipe[1]);
  close(err_pipe[1]);
  if (pid < 0) {
    close(out_pipe[0]);
    close(err_pipe[0]);
    return run;
  }
  auto const deadline = std::chrono::steady_clock::now() + timeout;
  pollfd fds[2] = {{out_pipe[0], POLLIN, 0}, {err_pipe[0], POLLIN, 0}};
  std::string* sinks[2] = {&run.out, &run.err};
  int open_fds = 2;
  bool killed = false;
  while (open_fds > 0) {
    auto const left =
        std::chrono::duration_cast<std::chrono::milliseconds>(deadline - std::chrono::steady_clock::now());
    if (left.count() <= 0) {
      kill(pid, SIGKILL);
      killed = true;
      break;
    }
    if (poll(fds, 2, static_cast<int>(left.count())) < 0) {
      if (errno == EINTR) continue;
      break;
    }
    for (int i = 0; i < 2; ++i) {
      if (fds[i].fd < 0 || (fds[i].revents & (POLLIN | POLLHUP | POLLERR)) == 0) continue;
      char buffer[65536];
      ssize_t const n = read(fds[i].fd, buffer, sizeof buffer);
      if (n > 0) {
        sinks[i]->append(buffer, static_cast<std::size_t>(n));
      } else {
        close(fds[i].fd);
        fds[i].fd = -1;
        --open_fds;
      }
    }
  }
  for (auto& f : fds)
    if (f.fd >= 0) close(f.fd);
  int status = 0;
  waitpid(pid, &status, 0);
  run.exit_code = killed ? -2 : WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
  return run;
}

/// `gctq emulator --port 0 ...` as a long-running child; the URL is read from its stdout.
class EmulatorProcess {
 public:
  EmulatorProcess() = default;
  EmulatorProcess(EmulatorProcess const&) = delete;
  EmulatorProcess& operator=(EmulatorProcess const&) = delete;
  ~EmulatorProcess() { Stop(); }

  /// Starts it and waits (bounded) for "listening on http://127.0.0.1:PORT". False with `error` set.
  bool Start(std::vector<std::string> const& extra_args, std::string* error) {
    std::vector<std::string> args{"emulator", "--port", "0"};
    args.insert(args.end(), extra_args.begin(), extra_args.end());
    int out_pipe[2];
    if (pipe2(out_pipe, O_CLOEXEC) != 0) return Fail("pipe failed", error);
    pid_ = Spawn(args, {}, out_pipe[1], -1, {out_pipe[0]});
    close(out_pipe[1]);
    out_fd_ = out_pipe[0];
    if (pid_ < 0) return Fail("fork failed", error);
    std::string text;
    std::regex const listening(R"(listening on (http://127\.0\.0\.1:[0-9]+))");
    auto const deadline = std::chrono::steady_clock::now() + seconds(15);
    while (true) {
      std::smatch match;
      if (std::regex_search(text, match, listening) &&
          text.find('\n', match.position(0)) != std::string::npos) {
        url_ = match[1];
        return true;
      }
      auto const left =
          std::chrono::duration_cast<std::chrono::milliseconds>(deadline - std::chrono::steady_clock::now());
      if (left.count() <= 0) return Fail("no 'listening on' line within 15 s; stdout: " + text, error);
      pollfd fd{out_fd_, POLLIN, 0};
      if (poll(&fd, 1, static_cast<int>(left.count())) < 0 && errno != EINTR) return Fail("poll", error);
      if ((fd.revents & (POLLIN | POLLHUP | POLLERR)) == 0) continue;
      char buffer[4096];
      ssize_t const n = read(out_fd_, buffer, sizeof buffer);
      if (n <= 0) return Fail("the emulator exited before listening; stdout: " + text, error);
      text.append(buffer, static_cast<std::size_t>(n));
    }
  }

  /// SIGTERM, then SIGKILL if it has not exited within 5 s.
  void Stop() {
    if (pid_ > 0) {
      kill(pid_, SIGTERM);
      int status = 0;
      auto const deadline = std::chrono::steady_clock::now() + seconds(5);
      while (waitpid(pid_, &status, WNOHANG) == 0) {
        if (std::chrono::steady_clock::now() > deadline) {
          kill(pid_, SIGKILL);
          waitpid(pid_, &status, 0);
          break;
        }
        usleep(20'000);
      }
      pid_ = -1;
    }
    if (out_fd_ >= 0) close(out_fd_);
    out_fd_ = -1;
  }

  [[nodiscard]] std::string const& url() const { return url_; }

 private:
  bool Fail(std::string const& message, std::string* error) {
    if (error) *error = message;
    Stop();
    return false;
  }

  pid_t pid_ = -1;
  int out_fd_ = -1;
  std::string url_;
};

/// A loopback listener that never answers: point every URL and proxy of a child at it, and count
/// afterwards how many connections the child opened (the kernel completes them in the backlog).
class LoopbackTrap {
 public:
  LoopbackTrap() {
    fd_ = socket(AF_INET, SOCK_STREAM | SOCK_NONBLOCK | SOCK_CLOEXEC, 0);
    sockaddr_in addr{};
    addr.sin_family = AF_INET;
    addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    socklen_t len = sizeof addr;
    if (fd_ < 0 || bind(fd_, reinterpret_cast<sockaddr*>(&addr), sizeof addr) != 0 || listen(fd_, 64) != 0 ||
        getsockname(fd_, reinterpret_cast<sockaddr*>(&addr), &len) != 0)
      return;
    port_ = ntohs(addr.sin_port);
  }
  LoopbackTrap(LoopbackTrap const&) = delete;
  LoopbackTrap& operator=(LoopbackTrap const&) = delete;
  ~LoopbackTrap() {
    if (fd_ >= 0) close(fd_);
  }

  [[nodiscard]] int port() const { return port_; }
  [[nodiscard]] std::string url() const { return "http://127.0.0.1:" + std::to_string(port_); }

  /// Connections accepted since the last call.
  int TakeConnections() {
    int n = 0;
    while (true) {
      int const c = accept4(fd_, nullptr, nullptr, SOCK_CLOEXEC);
      if (c < 0) break;
      close(c);
      ++n;
    }
    return n;
  }

 private:
  int fd_ = -1;
  int port_ = 0;
};

std::string ReadFile(fs::path const& path) {
  std::ifstream in(path, std::ios::binary);
  return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

std::vector<nlohmann::json> JsonLines(std::string const& text) {
  std::vector<nlohmann::json> lines;
  std::istringstream in(text);
  std::string line;
  while (std::getline(in, line))
    if (!line.empty()) lines.push_back(nlohmann::json::parse(line));
  return lines;
}

std::string Base64(std::string const& in) {
  static constexpr char kAlphabet[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
  std::string out;
  std::size_t i = 0;
  for (; i + 2 < in.size(); i += 3) {
    unsigned const v = (static_cast<unsigned char>(in[i]) << 16) |
                       (static_cast<unsigned char>(in[i + 1]) << 8) | static_cast<unsigned char>(in[i + 2]);
    for (int shift = 18; shift >= 0; shift -= 6) out += kAlphabet[(v >> shift) & 63];
  }
  if (i + 1 == in.size()) {
    unsigned const v = static_cast<unsigned char>(in[i]) << 16;
    out += std::string{kAlphabet[(v >> 18) & 63], kAlphabet[(v >> 12) & 63], '=', '='};
  } else if (i + 2 == in.size()) {
    unsigned const v =
        (static_cast<unsigned char>(in[i]) << 16) | (static_cast<unsigned char>(in[i + 1]) << 8);
    out += std::string{kAlphabet[(v >> 18) & 63], kAlphabet[(v >> 12) & 63], kAlphabet[(v >> 6) & 63], '='};
  }
  return out;
}

bool Contains(std::string const& haystack, std::string const& needle) {
  return haystack.find(needle) != std::string::npos;
}

class QueryCliTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    emulator_ = new EmulatorProcess();
    start_error_ = new std::string();
    // Small org, rate limit high enough never to be the subject of these tests.
    if (!emulator_->Start(
            {"--conversations", "300", "--days", "10", "--seed", "4242", "--rate-limit", "100000"},
            start_error_)) {
      delete emulator_;
      emulator_ = nullptr;
    }
  }
  static void TearDownTestSuite() {
    delete emulator_;
    emulator_ = nullptr;
    delete start_error_;
    start_error_ = nullptr;
  }

  void SetUp() override {
    ASSERT_NE(emulator_, nullptr) << "gctq emulator did not start: " << *start_error_;
    auto const* info = ::testing::UnitTest::GetInstance()->current_test_info();
    dir_ = fs::temp_directory_path() / ("gctq-query-cli-test-" + std::to_string(getpid()) + "-" +
                                        info->test_suite_name() + "-" + info->name());
    fs::remove_all(dir_);
    fs::create_directories(dir_);
  }
  void TearDown() override {
    if (!dir_.empty()) fs::remove_all(dir_);
  }

  static Env Credentials(std::string const& id, std::string const& secret, std::string const& url) {
    return {{"GENESYSCLOUD_OAUTHCLIENT_ID", id},
            {"GENESYSCLOUD_OAUTHCLIENT_SECRET", secret},
            {"GCTQ_EMULATOR_URL", url}};
  }
  static Env Demo() { return Credentials(kDemoId, kDemoSecret, emulator_->url()); }

  std::string Path(std::string const& name) const { return (dir_ / name).string(); }

  static EmulatorProcess* emulator_;
  static std::string* start_error_;
  fs::path dir_;
};

EmulatorProcess* QueryCliTest::emulator_ = nullptr;
std::string* QueryCliTest::start_error_ = nullptr;

// --- 1. Bad input: exit 2, a message naming the field and the limit, and nothing sent. ---

struct BadInput {
  std::string name;
  std::vector<std::string> args;
  std::vector<std::string> message_parts;  ///< Each must appear in stderr.
  bool with_emulator_url = true;
};

TEST_F(QueryCliTest, BadInputExitsTwoNamingTheFieldAndSendsNothing) {
  LoopbackTrap trap;
  ASSERT_GT(trap.port(), 0);
  std::vector<BadInput> const cases{
      {"unknown region", {"--last", "7d", "--region", "mars-1"}, {"region", "mars-1"}, false},
      {"end before start",
       {"--from", "2026-11-02T00:00:00Z", "--to", "2026-11-01T00:00:00Z"},
       {"--from", "--to", "before"}},
      {"end equals start",
       {"--from", "2026-11-01T00:00:00Z", "--to", "2026-11-01T00:00:00Z"},
       {"--from", "--to", "before"}},
      {"malformed date", {"--from", "2026-13-45", "--to", "2026-12-01"}, {"--from", "2026-13-45"}},
      {"malformed --to", {"--from", "2026-11-01", "--to", "yesterday"}, {"--to", "yesterday"}},
      {"date-time without zone",
       {"--from", "2026-11-01T00:00:00", "--to", "2026-11-02T00:00:00Z"},
       {"--from", "2026-11-01T00:00:00", "zone"}},
      {"page size 0", {"--last", "7d", "--page-size", "0"}, {"--page-size", "1..100"}},
      {"page size 500", {"--last", "7d", "--page-size", "500"}, {"--page-size", "500", "1..100"}},
      {"empty keyword", {"--last", "7d", "--keywords", " , "}, {"--keywords", "empty"}},
      {"empty keyword among others",
       {"--last", "7d", "--keywords", "refund,,cancel"},
       {"--keywords", "empty"}},
      {"unknown format", {"--last", "7d", "--format", "xml"}, {"--format", "xml"}},
  };
  for (auto const& c : cases) {
    SCOPED_TRACE(c.name);
    // Every way out of the process leads to the trap: the emulator URL and every proxy variable
    // (so even a region's real https URL would connect to it rather than to the internet).
    Env env{{"GENESYSCLOUD_OAUTHCLIENT_ID", kDemoId}, {"GENESYSCLOUD_OAUTHCLIENT_SECRET", kDemoSecret}};
    for (auto const* proxy : {"http_proxy", "https_proxy", "HTTPS_PROXY", "ALL_PROXY", "all_proxy"})
      env[proxy] = trap.url();
    if (c.with_emulator_url) env["GCTQ_EMULATOR_URL"] = trap.url();
    std::string const out = Path("records.jsonl");
    std::vector<std::string> args{"query"};
    args.insert(args.end(), c.args.begin(), c.args.end());
    args.insert(args.end(), {"--out", out});
    ChildResult run = Gctq(args, env, seconds(10));
    EXPECT_EQ(run.exit_code, kExitUsage) << run.err;
    for (auto const& part : c.message_parts)
      EXPECT_TRUE(Contains(run.err, part)) << part << " not in: " << run.err;
    EXPECT_LT(run.err.size(), 2000u) << "a usage error is one clear message: " << run.err;
    EXPECT_TRUE(run.out.empty()) << run.out;
    EXPECT_EQ(trap.TakeConnections(), 0) << "a request was attempted";
    EXPECT_FALSE(fs::exists(out)) << "--out was written";
  }
}

TEST_F(QueryCliTest, UnknownRegionWinsOverTheEmulatorUrlAndIsAUsageError) {
  // An explicit --region wins over GCTQ_EMULATOR_URL (documented), so the run must stop on it.
  ChildResult run = Gctq({"query", "--last", "7d", "--region", "mars-1"}, Demo(), seconds(10));
  EXPECT_EQ(run.exit_code, kExitUsage) << run.err;
  EXPECT_TRUE(Contains(run.err, "mars-1")) << run.err;
  ChildResult check = Gctq({"auth", "check", "--region", "mars-1"}, Demo(), seconds(10));
  EXPECT_EQ(check.exit_code, kExitUsage) << check.out << check.err;
  EXPECT_TRUE(Contains(check.err, "mars-1")) << check.err;
}

// --- 2. Credentials and permissions. ---

TEST_F(QueryCliTest, WrongSecretExitsThreeSayingTheCredentialsWereRejected) {
  ChildResult run = Gctq({"query", "--last", "7d"}, Credentials(kDemoId, "not-the-secret", emulator_->url()));
  EXPECT_EQ(run.exit_code, kExitAuth) << run.err;
  EXPECT_TRUE(Contains(run.err, "credentials were rejected")) << run.err;
  EXPECT_FALSE(Contains(run.out + run.err, "not-the-secret"));

  ChildResult check = Gctq({"auth", "check"}, Credentials(kDemoId, "not-the-secret", emulator_->url()));
  EXPECT_EQ(check.exit_code, kExitAuth) << check.out << check.err;
  EXPECT_TRUE(Contains(check.out + check.err, "credentials were rejected")) << check.out << check.err;
}

TEST_F(QueryCliTest, AuthCheckWithTheLimitedClientNamesTheMissingPermission) {
  ChildResult run = Gctq({"auth", "check"}, Credentials(kLimitedId, kLimitedSecret, emulator_->url()));
  EXPECT_EQ(run.exit_code, kExitAuth) << run.out << run.err;
  std::string const all = run.out + run.err;
  EXPECT_TRUE(Contains(all, "login: ok")) << all;
  EXPECT_TRUE(Contains(all, "FAIL")) << all;
  EXPECT_TRUE(Contains(all, "speechAndTextAnalytics:data:view")) << all;
  EXPECT_TRUE(Contains(all, "missing")) << all;
  EXPECT_FALSE(Contains(all, kLimitedSecret)) << all;
}

TEST_F(QueryCliTest, AuthCheckWithTheDemoClientIsReady) {
  ChildResult run = Gctq({"auth", "check"}, Demo());
  EXPECT_EQ(run.exit_code, kExitOk) << run.out << run.err;
  EXPECT_TRUE(Contains(run.out, "ready for `gctq query`")) << run.out;
  EXPECT_FALSE(Contains(run.out, "FAIL")) << run.out;
  EXPECT_FALSE(Contains(run.out + run.err, kDemoSecret)) << run.out << run.err;
}

TEST_F(QueryCliTest, ApiBaseFlagWorksWithoutTheEmulatorUrl) {
  Env env = Demo();
  env.erase("GCTQ_EMULATOR_URL");
  ChildResult run = Gctq({"auth", "check", "--api-base", emulator_->url()}, env);
  EXPECT_EQ(run.exit_code, kExitOk) << run.out << run.err;
}

// --- 3. A happy run with every output file. ---

TEST_F(QueryCliTest, HappyRunWritesRecordsSummaryMetricsAndAVerifiableAuditLog) {
  std::string const out = Path("records.jsonl"), audit = Path("audit.jsonl"), metrics = Path("metrics.prom");
  ChildResult run = Gctq({"query", "--last", "7d", "--keywords", "refund", "--out", out, "--audit-log", audit,
                          "--metrics-file", metrics},
                         Demo());
  ASSERT_EQ(run.exit_code, kExitOk) << run.err;
  EXPECT_TRUE(run.out.empty()) << "records go to --out: " << run.out;

  auto lines = JsonLines(ReadFile(out));
  ASSERT_GE(lines.size(), 3u);
  std::size_t conversations = 0;
  for (auto const& line : lines) {
    if (line["type"] != "conversation") continue;
    ++conversations;
    EXPECT_FALSE(line["data"]["conversationId"].get<std::string>().empty()) << line.dump();
    EXPECT_EQ(line["data"]["transcript_status"], "fetched") << line.dump();
    EXPECT_FALSE(line["data"]["analysis"]["hits"].empty()) << "--keywords selects only hits: " << line.dump();
  }
  EXPECT_GT(conversations, 0u) << "300 conversations over 10 days, none mentions a refund?";
  auto const& summary = lines.back();
  ASSERT_EQ(summary["type"], "summary") << summary.dump();
  EXPECT_EQ(summary["data"]["complete"], true) << summary.dump();
  EXPECT_EQ(summary["data"]["totals"]["emitted"].get<std::size_t>(), conversations) << summary.dump();
  EXPECT_TRUE(Contains(run.err, "records: " + out + " (" + std::to_string(conversations) + "); complete"))
      << run.err;

  std::string const prom = ReadFile(metrics);
  EXPECT_TRUE(Contains(prom, "gctq_http_request_duration_seconds")) << prom;
  EXPECT_TRUE(Contains(prom, "details_page")) << prom;

  ChildResult verify = Gctq({"audit", "verify", audit}, {});
  EXPECT_EQ(verify.exit_code, kExitOk) << verify.out << verify.err;
  EXPECT_TRUE(Contains(verify.out, "OK")) << verify.out;
}

// --- 4. The canary secret appears nowhere. ---

TEST_F(QueryCliTest, CanarySecretNeverAppearsInOutputStreamsLogsOrFiles) {
  std::string const canary = "canary-5ecret-Zq9";
  std::string const canary_id = "gctq-canary-client";
  fs::path const input = dir_ / "input", output = dir_ / "output";
  fs::create_directories(input);
  fs::create_directories(output);
  nlohmann::json clients = nlohmann::json::array();
  // The demo client's permissions (emulator/src/server/auth.cpp, DefaultClients).
  clients.push_back({{"id", canary_id},
                     {"secret", canary},
                     {"permissions",
                      {"analytics:conversationDetail:view", "analytics:agentConversationDetail:view",
                       "recording:recording:view", "recording:recordingSegment:view",
                       "speechAndTextAnalytics:data:view"}}});
  std::string const clients_file = (input / "clients.json").string();
  std::ofstream(clients_file) << clients.dump(2);

  EmulatorProcess canary_emulator;
  std::string error;
  ASSERT_TRUE(canary_emulator.Start({"--conversations", "120", "--days", "3", "--seed", "99", "--rate-limit",
                                     "100000", "--clients", clients_file},
                                    &error))
      << error;
  Env const canary_env = Credentials(canary_id, canary, canary_emulator.url());
  auto const out_file = [&](std::string const& name) { return (output / name).string(); };

  std::vector<std::pair<std::string, ChildResult>> runs;
  // Every output at once; the QA hook writes what it receives to a file.
  runs.emplace_back("query jsonl",
                    Gctq({"query", "--last", "3d", "--with-sentiment", "--out", out_file("records.jsonl"),
                          "--audit-log", out_file("audit.jsonl"), "--metrics-file", out_file("metrics.prom"),
                          "--qa-exec", "cat > '" + out_file("qa-exec.jsonl") + "'"},
                         canary_env));
  EXPECT_EQ(runs.back().second.exit_code, kExitOk) << runs.back().second.err;
  // Records and report on stdout, in the other formats.
  runs.emplace_back("query table", Gctq({"query", "--last", "3d", "--format", "table"}, canary_env));
  EXPECT_EQ(runs.back().second.exit_code, kExitOk) << runs.back().second.err;
  runs.emplace_back("query csv",
                    Gctq({"query", "--last", "1d", "--format", "csv", "--no-transcripts"}, canary_env));
  EXPECT_EQ(runs.back().second.exit_code, kExitOk) << runs.back().second.err;
  runs.emplace_back("auth check", Gctq({"auth", "check"}, canary_env));
  EXPECT_EQ(runs.back().second.exit_code, kExitOk) << runs.back().second.out << runs.back().second.err;

  // The canary as a wrong secret for the demo client: the failure paths must not echo it either.
  Env const wrong_env = Credentials(kDemoId, canary, emulator_->url());
  runs.emplace_back("wrong-secret query",
                    Gctq({"query", "--last", "7d", "--out", out_file("wrong-records.jsonl"), "--audit-log",
                          out_file("wrong-audit.jsonl"), "--metrics-file", out_file("wrong-metrics.prom"),
                          "--qa-exec", "cat > '" + out_file("wrong-qa-exec.jsonl") + "'"},
                         wrong_env));
  EXPECT_EQ(runs.back().second.exit_code, kExitAuth) << runs.back().second.err;
  runs.emplace_back("wrong-secret auth check", Gctq({"auth", "check"}, wrong_env));
  EXPECT_EQ(runs.back().second.exit_code, kExitAuth) << runs.back().second.out << runs.back().second.err;
  // A plain-http API base off loopback is refused before anything is sent.
  runs.emplace_back("bad api base",
                    Gctq({"query", "--last", "1d", "--api-base", "http://example.com"}, canary_env));
  EXPECT_EQ(runs.back().second.exit_code, kExitUsage) << runs.back().second.err;

  std::vector<std::string> const needles{canary, Base64(canary_id + ":" + canary),
                                         Base64(std::string(kDemoId) + ":" + canary), Base64(canary)};
  for (auto const& [name, run] : runs) {
    for (auto const& needle : needles) {
      EXPECT_FALSE(Contains(run.out, needle)) << name << " stdout has " << needle << ":\n" << run.out;
      EXPECT_FALSE(Contains(run.err, needle)) << name << " stderr has " << needle << ":\n" << run.err;
    }
  }
  // The outputs are real (otherwise the check below proves nothing) ...
  EXPECT_GT(JsonLines(ReadFile(out_file("records.jsonl"))).size(), 2u);
  EXPECT_FALSE(ReadFile(out_file("audit.jsonl")).empty());
  EXPECT_FALSE(ReadFile(out_file("metrics.prom")).empty());
  EXPECT_FALSE(ReadFile(out_file("qa-exec.jsonl")).empty());
  EXPECT_FALSE(ReadFile(out_file("wrong-audit.jsonl")).empty());
  // ... and no file any run wrote (records, audit log and its keys, metrics, hook output) has the canary.
  std::size_t files = 0;
  for (auto const& entry : fs::recursive_directory_iterator(output)) {
    if (!entry.is_regular_file()) continue;
    ++files;
    std::string const text = ReadFile(entry.path());
    for (auto const& needle : needles)
      EXPECT_FALSE(Contains(text, needle)) << entry.path() << " has " << needle;
  }
  EXPECT_GE(files, 8u);
}

}  // namespace
