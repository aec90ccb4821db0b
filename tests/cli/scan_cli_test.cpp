// `gctq scan` and `gctq --help` end to end: the built binary runs as a child process (bounded), and
// the tests check its exit code, stdout records and stderr.
#include <fcntl.h>
#include <gtest/gtest.h>
#include <poll.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>
#include <string>
#include <vector>

#include "src/exit_codes.h"

namespace {

namespace fs = std::filesystem;
using gctq::cli::kExitIncomplete;
using gctq::cli::kExitOk;
using gctq::cli::kExitUsage;

struct ChildResult {
  int exit_code = -1;  ///< -2: killed after the timeout.
  std::string out, err;
};

/// Runs GCTQ_BINARY with `args`; stdin from `stdin_path` (or /dev/null). Kills it after `timeout`.
ChildResult Gctq(std::vector<std::string> const& args, std::string const& stdin_path = "/dev/null",
                 std::chrono::seconds timeout = std::chrono::seconds(60)) {
  ChildResult run;
  int out_pipe[2], err_pipe[2];
  if (pipe(out_pipe) != 0 || pipe(err_pipe) != 0) return run;
  pid_t const pid = fork();
  if (pid < 0) return run;
  if (pid == 0) {
    int in = open(stdin_path.c_str(), O_RDONLY);
    if (in < 0) _exit(126);
    dup2(in, 0);
    dup2(out_pipe[1], 1);
    dup2(err_pipe[1], 2);
    close(out_pipe[0]);
    close(err_pipe[0]);
    std::vector<char*> argv{const_cast<char*>(GCTQ_BINARY)};
    for (auto const& a : args) argv.push_back(const_cast<char*>(a.c_str()));
    argv.push_back(nullptr);
    execv(argv[0], argv.data());
    _exit(127);
  }
  close(out_pipe[1]);
  close(err_pipe[1]);
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
    if (poll(fds, 2, static_cast<int>(left.count())) < 0) break;
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

std::vector<nlohmann::json> Records(std::string const& out) {
  std::vector<nlohmann::json> records;
  std::istringstream in(out);
  std::string line;
  while (std::getline(in, line))
    if (!line.empty()) records.push_back(nlohmann::json::parse(line));
  return records;
}

std::string const kSample = std::string(GCTQ_TEST_DATA_DIR) + "/sample-transcript.json";

/// A Genesys-shaped transcript: phrases of (purpose, text), 3 s apart, words[] included.
std::string Transcript(std::string const& conversation_id,
                       std::vector<std::pair<std::string, std::string>> const& phrases) {
  std::int64_t const start = 1'700'000'000'000;
  nlohmann::json list = nlohmann::json::array();
  for (std::size_t i = 0; i < phrases.size(); ++i) {
    std::int64_t const t = start + static_cast<std::int64_t>(i) * 3000;
    nlohmann::json words = nlohmann::json::array();
    std::istringstream in(phrases[i].second);
    std::string word;
    for (std::int64_t w = 0; in >> word; ++w)
      words.push_back({{"word", word},
                       {"confidence", 0.9},
                       {"startTimeMs", t + 300 * w},
                       {"duration", {{"milliseconds", 280}}}});
    list.push_back({{"text", phrases[i].second},
                    {"stability", 1},
                    {"startTimeMs", t},
                    {"duration", {{"milliseconds", 2500}}},
                    {"words", words},
                    {"alternatives", nlohmann::json::array()},
                    {"participantPurpose", phrases[i].first}});
  }
  nlohmann::json doc{{"organizationId", "org"},
                     {"conversationId", conversation_id},
                     {"communicationId", "comm-" + conversation_id},
                     {"mediaType", "call"},
                     {"startTime", start},
                     {"duration", {{"milliseconds", 3000 * phrases.size()}}}};
  doc["transcripts"] = nlohmann::json::array({{{"transcriptId", "t-" + conversation_id},
                                               {"language", "en-US"},
                                               {"startTime", start},
                                               {"phrases", list}}});
  return doc.dump();
}

// A valid (Luhn) card number read out by the customer; it must never be printed.
std::string const kCard = "4539 1488 0343 6467";
std::string const kCardDigits = "4539148803436467";

std::string LeakTranscript() {
  return Transcript("conv-leak", {{"internal", "thank you for calling how can i help"},
                                  {"external", "i want a refund my card number is " + kCard},
                                  {"internal", "thank you one moment please"}});
}

std::string CleanTranscript() {
  return Transcript("conv-clean", {{"internal", "thank you for calling how can i help"},
                                   {"external", "i want a refund for my bill please"},
                                   {"internal", "no problem goodbye"}});
}

class ScanCliTest : public ::testing::Test {
 protected:
  void SetUp() override {
    auto const* info = ::testing::UnitTest::GetInstance()->current_test_info();
    dir_ = fs::temp_directory_path() /
           ("gctq-cli-test-" + std::to_string(getpid()) + "-" + info->test_suite_name() + "-" + info->name());
    fs::remove_all(dir_);
    fs::create_directories(dir_);
  }
  void TearDown() override { fs::remove_all(dir_); }

  std::string Write(std::string const& name, std::string const& text) {
    fs::path path = dir_ / name;
    fs::create_directories(path.parent_path());
    std::ofstream(path, std::ios::binary) << text;
    return path.string();
  }

  fs::path dir_;
};

TEST_F(ScanCliTest, SampleTranscriptWithKeywordsGivesTheHits) {
  ChildResult run = Gctq({"scan", "--keywords", "hello, goodbye, refund", kSample});
  ASSERT_EQ(run.exit_code, kExitOk) << run.err;
  auto records = Records(run.out);
  ASSERT_EQ(records.size(), 1u) << run.out;
  auto const& r = records[0];
  EXPECT_EQ(r["source"], kSample);
  EXPECT_FALSE(r.contains("error"));
  ASSERT_EQ(r["hits"].size(), 2u) << r.dump(2);
  EXPECT_EQ(r["hits"][0]["rule"], "hello");
  EXPECT_EQ(r["hits"][0]["speaker"], "agent");
  EXPECT_EQ(r["hits"][0]["phrase_index"], 0);
  EXPECT_EQ(r["hits"][0]["offset_ms"], 11190);
  EXPECT_EQ(r["hits"][1]["rule"], "goodbye");
  EXPECT_EQ(r["hits"][1]["speaker"], "agent");
  EXPECT_NEAR(r["keyword_coverage"].get<double>(), 2.0 / 3.0, 1e-9);
  EXPECT_EQ(r["pii_status"], "clean");
  EXPECT_NE(run.err.find("1 documents, 0 errors, 0 with PII leaks"), std::string::npos) << run.err;
}

TEST_F(ScanCliTest, RuleFileHitsNameRuleAndVersion) {
  std::string rules = Write("rules.toml",
                            "[[rule]]\nname = \"refund-request\"\nversion = 3\nmatch = 'refund*'\n"
                            "speaker = \"customer\"\n");
  std::string doc = Write("clean.json", CleanTranscript());
  ChildResult run = Gctq({"scan", "--rules", rules, doc});
  ASSERT_EQ(run.exit_code, kExitOk) << run.err;
  auto records = Records(run.out);
  ASSERT_EQ(records.size(), 1u);
  ASSERT_EQ(records[0]["hits"].size(), 1u) << records[0].dump(2);
  EXPECT_EQ(records[0]["hits"][0]["rule"], "refund-request");
  EXPECT_EQ(records[0]["hits"][0]["version"], "3");  // Versions are strings in records.
  EXPECT_EQ(records[0]["hits"][0]["speaker"], "customer");
  EXPECT_EQ(records[0]["hits"][0]["phrase_index"], 1);
}

TEST_F(ScanCliTest, MalformedFileIsReportedAndTheRestIsScanned) {
  Write("archive/a.json", CleanTranscript());
  std::string bad =
      Write("archive/b.json", R"({"conversationId": "conv-bad", "transcripts": [{"phrases": [)");
  Write("archive/c.jsonl", Transcript("conv-c1", {{"external", "refund please"}}) + "\n" +
                               Transcript("conv-c2", {{"internal", "goodbye"}}) + "\n");
  Write("archive/notes.txt", "not a transcript");  // Not .json / .jsonl: ignored.
  ChildResult run = Gctq({"scan", "--keywords", "refund", (dir_ / "archive").string()});
  // Documented: 1 = done, but something is missing (a document could not be analysed).
  EXPECT_EQ(run.exit_code, kExitIncomplete) << run.err;
  EXPECT_NE(run.err.find(bad), std::string::npos) << run.err;
  EXPECT_NE(run.err.find("4 documents, 1 errors"), std::string::npos) << run.err;
  auto records = Records(run.out);
  ASSERT_EQ(records.size(), 4u) << run.out;
  EXPECT_EQ(records[0]["conversation_id"], "conv-clean");
  EXPECT_EQ(records[1]["source"], bad);
  EXPECT_TRUE(records[1].contains("error"));
  EXPECT_FALSE(records[1]["error"].get<std::string>().empty());
  EXPECT_EQ(records[2]["conversation_id"], "conv-c1");
  EXPECT_EQ(records[2]["source"], (dir_ / "archive/c.jsonl").string() + ":1");
  EXPECT_EQ(records[2]["hits"].size(), 1u);
  EXPECT_EQ(records[3]["conversation_id"], "conv-c2");
}

TEST_F(ScanCliTest, FailOnPiiLeakExitsOneOnALeakAndZeroWhenClean) {
  std::string leak = Write("leak.json", LeakTranscript());
  std::string clean = Write("clean.json", CleanTranscript());

  ChildResult leaked = Gctq({"scan", "--fail-on-pii-leak", leak});
  EXPECT_EQ(leaked.exit_code, kExitIncomplete) << leaked.err;
  auto records = Records(leaked.out);
  ASSERT_EQ(records.size(), 1u);
  EXPECT_EQ(records[0]["pii_status"], "leak");
  EXPECT_NE(leaked.err.find("1 with PII leaks"), std::string::npos) << leaked.err;

  ChildResult ok = Gctq({"scan", "--fail-on-pii-leak", clean});
  EXPECT_EQ(ok.exit_code, kExitOk) << ok.err;
  ASSERT_EQ(Records(ok.out).size(), 1u);
  EXPECT_EQ(Records(ok.out)[0]["pii_status"], "clean");

  // Without the flag a leak is reported but is not a failure.
  EXPECT_EQ(Gctq({"scan", leak}).exit_code, kExitOk);
  // --no-pii: nothing is verified, so nothing can fail.
  ChildResult unscanned = Gctq({"scan", "--no-pii", "--fail-on-pii-leak", leak});
  EXPECT_EQ(unscanned.exit_code, kExitOk) << unscanned.err;
  EXPECT_EQ(Records(unscanned.out)[0]["pii_status"], "not_scanned");
}

TEST_F(ScanCliTest, BadRuleFileExitsTwoNamingTheLine) {
  std::string rules = Write("rules.toml",
                            "[[rule]]\n"
                            "name = \"ok\"\n"
                            "match = 'refund'\n"
                            "\n"
                            "[[rule]]\n"
                            "name = \"broken\"\n"
                            "match = 'refund AND ('\n");
  ChildResult run = Gctq({"scan", "--rules", rules, kSample});
  EXPECT_EQ(run.exit_code, kExitUsage) << run.err;
  EXPECT_NE(run.err.find("rules.toml:7"), std::string::npos) << run.err;
  EXPECT_TRUE(run.out.empty()) << run.out;

  std::string syntax = Write("syntax.toml", "[[rule]]\nname = \"a\"\nmatch = 'refund'\nversion = = 2\n");
  ChildResult bad_syntax = Gctq({"scan", "--rules", syntax, kSample});
  EXPECT_EQ(bad_syntax.exit_code, kExitUsage) << bad_syntax.err;
  EXPECT_NE(bad_syntax.err.find("syntax.toml:4"), std::string::npos) << bad_syntax.err;
}

TEST_F(ScanCliTest, MissingPathIsAUsageError) {
  ChildResult run = Gctq({"scan", (dir_ / "does-not-exist.json").string()});
  EXPECT_EQ(run.exit_code, kExitUsage) << run.err;
  EXPECT_NE(run.err.find("does-not-exist.json"), std::string::npos) << run.err;
}

TEST_F(ScanCliTest, NoPiiValueInStdoutOrStderrOnlyTheMaskedPreview) {
  std::string leak = Write("leak.jsonl", LeakTranscript() + "\n" + CleanTranscript() + "\n");
  for (auto const& format : {"jsonl", "table"}) {
    ChildResult run = Gctq({"scan", "--explain", "--keywords", "refund", "--format", format, leak});
    EXPECT_EQ(run.exit_code, kExitOk) << run.err;
    for (auto const* stream : {&run.out, &run.err}) {
      EXPECT_EQ(stream->find(kCard), std::string::npos) << format << ": " << *stream;
      EXPECT_EQ(stream->find(kCardDigits), std::string::npos) << format << ": " << *stream;
      EXPECT_EQ(stream->find("4539 1488"), std::string::npos) << format << ": " << *stream;
      EXPECT_EQ(stream->find("45391488"), std::string::npos) << format << ": " << *stream;
      EXPECT_EQ(stream->find("1488 0343"), std::string::npos) << format << ": " << *stream;
      EXPECT_EQ(stream->find("14880343"), std::string::npos) << format << ": " << *stream;
    }
    if (std::string(format) == "jsonl") {
      auto records = Records(run.out);
      ASSERT_EQ(records.size(), 2u);
      ASSERT_EQ(records[0]["pii_findings"].size(), 1u) << records[0].dump(2);
      auto const& finding = records[0]["pii_findings"][0];
      EXPECT_EQ(finding["type"], "card_number");
      EXPECT_EQ(finding["speaker"], "customer");
      std::string preview = finding["preview"];
      EXPECT_EQ(preview, "************6467");
      EXPECT_NE(run.err.find(preview), std::string::npos) << "--explain shows the masked preview";
    }
  }
}

TEST_F(ScanCliTest, StdinJsonLinesStreamsOneRecordPerLine) {
  std::string lines = Write("in.jsonl", CleanTranscript() + "\n\n" + LeakTranscript() + "\n");
  ChildResult run = Gctq({"scan", "--keywords", "refund"}, lines);
  ASSERT_EQ(run.exit_code, kExitOk) << run.err;
  auto records = Records(run.out);
  ASSERT_EQ(records.size(), 2u) << run.out;
  EXPECT_EQ(records[0]["source"], "stdin:1");
  EXPECT_EQ(records[0]["conversation_id"], "conv-clean");
  EXPECT_EQ(records[1]["source"], "stdin:3");
  EXPECT_EQ(records[1]["conversation_id"], "conv-leak");
}

TEST_F(ScanCliTest, StdinPrettyPrintedDocumentIsOneDocument) {
  std::string pretty = Write("in.json", nlohmann::json::parse(CleanTranscript()).dump(2));
  ChildResult run = Gctq({"scan", "-", "--keywords", "refund"}, pretty);
  ASSERT_EQ(run.exit_code, kExitOk) << run.err;
  auto records = Records(run.out);
  ASSERT_EQ(records.size(), 1u) << run.out;
  EXPECT_EQ(records[0]["source"], "stdin");
  EXPECT_EQ(records[0]["conversation_id"], "conv-clean");
  EXPECT_EQ(records[0]["hits"].size(), 1u);
}

TEST_F(ScanCliTest, JsonLinesInADotJsonFileAreLines) {
  std::string file = Write("two.json", CleanTranscript() + "\n" + LeakTranscript() + "\n");
  ChildResult run = Gctq({"scan", file});
  ASSERT_EQ(run.exit_code, kExitOk) << run.err;
  auto records = Records(run.out);
  ASSERT_EQ(records.size(), 2u) << run.out;
  EXPECT_EQ(records[0]["source"], file + ":1");
  EXPECT_EQ(records[1]["source"], file + ":2");
  EXPECT_EQ(records[1]["pii_status"], "leak");
}

TEST_F(ScanCliTest, OutWritesRecordsToAFile) {
  std::string out = (dir_ / "records.jsonl").string();
  ChildResult run = Gctq({"scan", "--keywords", "hello", "--out", out, kSample});
  ASSERT_EQ(run.exit_code, kExitOk) << run.err;
  EXPECT_TRUE(run.out.empty());
  std::ifstream in(out);
  std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  auto records = Records(text);
  ASSERT_EQ(records.size(), 1u);
  EXPECT_EQ(records[0]["hits"][0]["rule"], "hello");
}

TEST(CliHelpTest, ScanHelpMentionsEveryOption) {
  ChildResult run = Gctq({"scan", "--help"});
  EXPECT_EQ(run.exit_code, kExitOk) << run.err;
  for (auto const* option : {"paths", "--keywords", "--rules", "--no-pii", "--fail-on-pii-leak", "--explain",
                             "--out", "--format", "--help"})
    EXPECT_NE(run.out.find(option), std::string::npos) << option << " missing from:\n" << run.out;
}

TEST(CliHelpTest, TopLevelHelpListsTheSubcommands) {
  ChildResult run = Gctq({"--help"});
  EXPECT_EQ(run.exit_code, kExitOk) << run.err;
  for (auto const* sub : {"demo", "query", "scan", "auth", "qa", "audit", "emulator"})
    EXPECT_NE(run.out.find(sub), std::string::npos) << sub << " missing from:\n" << run.out;
}

TEST(CliHelpTest, UnknownOptionIsAUsageError) {
  ChildResult run = Gctq({"scan", "--no-such-option"});
  EXPECT_EQ(run.exit_code, kExitUsage);
  EXPECT_NE(run.err.find("--no-such-option"), std::string::npos) << run.err;
}

}  // namespace
