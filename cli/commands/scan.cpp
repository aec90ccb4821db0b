// gctq scan: the analysis alone over local transcript files, folders or stdin (JSON or JSON Lines).
#include <fmt/format.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <memory>
#include <nlohmann/json.hpp>

#include "gctq/analysis/analyzer.h"
#include "src/command.h"
#include "src/exit_codes.h"

namespace gctq::cli {
namespace {

struct ScanOptions {
  std::vector<std::string> paths;
  std::string keywords;
  std::string rules_path;
  bool no_pii = false;
  bool fail_on_pii_leak = false;
  bool explain = false;
  std::string out_path;
  std::string format = "jsonl";
};

struct ScanTotals {
  std::size_t documents = 0, errors = 0, leaks = 0;
};

class Scanner {
 public:
  Scanner(analysis::Analyzer const& analyzer, ScanOptions const& options, std::ostream& out)
      : analyzer_(analyzer), options_(options), out_(out) {}

  void Document(std::string const& source, std::string_view json) {
    ++totals_.documents;
    auto result = analyzer_.Analyze(json);
    nlohmann::json record{{"source", source}};
    if (!result) {
      ++totals_.errors;
      record["error"] = result.error().message;
      fmt::print(stderr, "gctq scan: {}: {}\n", source, result.error().message);
    } else {
      analysis::WriteJson(*result, record);
      if (result->pii_status == analysis::PiiStatus::kLeak) ++totals_.leaks;
      if (options_.explain) Explain(source, *result);
    }
    if (options_.format == "table")
      Row(record);
    else
      out_ << record.dump() << '\n';
  }

  void File(std::filesystem::path const& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in) {
      ++totals_.errors;
      fmt::print(stderr, "gctq scan: cannot read {}\n", path.string());
      return;
    }
    if (path.extension() == ".jsonl" || path.extension() == ".ndjson") {
      Lines(path.string(), in);
      return;
    }
    Text(path.string(), in);
  }

  /// JSON Lines when a line starts with '{' after the first; otherwise one document. Streams: only
  /// the text that may still be one (multi-line) document is held, so memory is bounded by the
  /// largest document, never by the file or stdin.
  void Text(std::string const& source, std::istream& in) {
    std::string pending, line;
    std::size_t number = 0;
    while (std::getline(in, line)) {
      ++number;
      if (number > 1 && !line.empty() && line.front() == '{') {
        // JSON Lines: the lines held so far are documents of their own, then the rest streams.
        std::size_t held = 0, begin = 0;
        while (begin <= pending.size()) {
          std::size_t end = std::min(pending.find('\n', begin), pending.size());
          ++held;
          std::string_view text(pending.data() + begin, end - begin);
          if (text.find_first_not_of(" \t\r") != std::string_view::npos)
            Document(fmt::format("{}:{}", source, held), text);
          begin = end + 1;
        }
        pending.clear();
        pending.shrink_to_fit();
        Document(fmt::format("{}:{}", source, number), line);
        Lines(source, in, number);
        return;
      }
      if (number > 1) pending += '\n';
      pending += line;
    }
    Document(source, pending);
  }

  void Lines(std::string const& source, std::istream& in, std::size_t number = 0) {
    std::string line;
    while (std::getline(in, line)) {
      ++number;
      if (line.find_first_not_of(" \t\r") == std::string::npos) continue;
      Document(fmt::format("{}:{}", source, number), line);
    }
  }

  [[nodiscard]] ScanTotals const& totals() const { return totals_; }

 private:
  void Explain(std::string const& source, analysis::AnalysisResult const& result) {
    for (auto const& hit : result.hits)
      fmt::print(stderr, "{}: hit {}@{}: {}\n", source, hit.rule, hit.version, hit.explanation);
    for (auto const& f : result.findings)
      fmt::print(stderr, "{}: pii {} ({}, phrase {}, {:.1f} s, {}): {}\n", source, analysis::ToString(f.type),
                 analysis::ToString(f.speaker), f.phrase_indexes.empty() ? 0u : f.phrase_indexes[0],
                 f.offset_ms / 1000.0, f.preview, f.reason);
  }

  void Row(nlohmann::json const& r) {
    if (!header_) {
      out_ << fmt::format("{:<40} {:<38} {:>5} {:>8} {:<11} {:>8}\n", "SOURCE", "CONVERSATION", "HITS",
                          "COVERAGE", "PII", "FINDINGS");
      header_ = true;
    }
    if (r.contains("error")) {
      out_ << fmt::format("{:<40} error: {}\n", r["source"].get<std::string>(),
                          r["error"].get<std::string>());
      return;
    }
    std::string coverage =
        r["keyword_coverage"].is_null() ? "-" : fmt::format("{:.2f}", r["keyword_coverage"].get<double>());
    out_ << fmt::format("{:<40} {:<38} {:>5} {:>8} {:<11} {:>8}\n", r["source"].get<std::string>(),
                        r["conversation_id"].get<std::string>(), r["hits"].size(), coverage,
                        r["pii_status"].get<std::string>(), r["pii_findings"].size());
  }

  analysis::Analyzer const& analyzer_;
  ScanOptions const& options_;
  std::ostream& out_;
  ScanTotals totals_;
  bool header_ = false;
};

int RunScan(ScanOptions const& options) {
  analysis::AnalysisOptions analysis_options;
  analysis_options.keywords = options.keywords;
  analysis_options.pii = !options.no_pii;
  analysis_options.explain = options.explain;
  if (!options.rules_path.empty()) {
    auto rules = analysis::LoadRuleFile(options.rules_path);
    if (!rules) {
      fmt::print(stderr, "gctq scan: {}\n", rules.error().message);
      return rules.error().code == ErrorCode::kIo ? kExitInternal : kExitUsage;
    }
    analysis_options.rules = std::move(*rules);
  }
  auto analyzer = analysis::Analyzer::Create(std::move(analysis_options));
  if (!analyzer) {
    fmt::print(stderr, "gctq scan: {}\n", analyzer.error().message);
    return kExitUsage;
  }
  std::ofstream file;
  if (!options.out_path.empty()) {
    file.open(options.out_path, std::ios::binary | std::ios::trunc);
    if (!file) {
      fmt::print(stderr, "gctq scan: cannot write {}\n", options.out_path);
      return kExitInternal;
    }
  }
  std::ostream& out = options.out_path.empty() ? std::cout : file;
  Scanner scanner(*analyzer, options, out);
  std::vector<std::string> paths = options.paths.empty() ? std::vector<std::string>{"-"} : options.paths;
  for (auto const& p : paths) {
    if (p == "-") {
      scanner.Text("stdin", std::cin);
      continue;
    }
    std::error_code ec;
    if (std::filesystem::is_directory(p, ec)) {
      std::vector<std::filesystem::path> files;
      for (auto const& entry : std::filesystem::recursive_directory_iterator(p, ec)) {
        auto ext = entry.path().extension();
        if (entry.is_regular_file() && (ext == ".json" || ext == ".jsonl" || ext == ".ndjson"))
          files.push_back(entry.path());
      }
      std::sort(files.begin(), files.end());
      for (auto const& f : files) scanner.File(f);
    } else if (std::filesystem::exists(p, ec)) {
      scanner.File(p);
    } else {
      fmt::print(stderr, "gctq scan: no such file or directory: {}\n", p);
      return kExitUsage;
    }
  }
  out.flush();
  if (!out) {
    fmt::print(stderr, "gctq scan: write failed\n");
    return kExitInternal;
  }
  auto const& totals = scanner.totals();
  fmt::print(stderr, "gctq scan: {} documents, {} errors, {} with PII leaks\n", totals.documents,
             totals.errors, totals.leaks);
  if (options.fail_on_pii_leak && totals.leaks > 0) return kExitIncomplete;
  return totals.errors > 0 ? kExitIncomplete : kExitOk;
}

}  // namespace

RunFn RegisterScan(CLI::App& app) {
  auto options = std::make_shared<ScanOptions>();
  auto* sub = app.add_subcommand("scan", "Analyse local transcript files (keywords, sentiment, PII masking)");
  sub->add_option("paths", options->paths,
                  "Transcript files or folders (.json, .jsonl); '-' or none for stdin");
  sub->add_option("--keywords", options->keywords,
                  "Comma-separated keywords, whole words: \"refund, billing\"");
  sub->add_option("--rules", options->rules_path, "TOML rule file (see doc/rules.md)");
  sub->add_flag("--no-pii", options->no_pii, "Skip PII-masking verification (pii_status = not_scanned)");
  sub->add_flag("--fail-on-pii-leak", options->fail_on_pii_leak, "Exit 1 when any document leaks PII");
  sub->add_flag("--explain", options->explain, "Explain each hit and finding (inline and on stderr)");
  sub->add_option("--out", options->out_path, "Write records to this file instead of stdout");
  sub->add_option("--format", options->format, "Output format")
      ->check(CLI::IsMember({"jsonl", "table"}))
      ->capture_default_str();
  return [options] { return RunScan(*options); };
}

}  // namespace gctq::cli
