#include "gctq/output/record_writer.h"

#include <fmt/format.h>

#include <ostream>

#include "gctq/output/record_json.h"
#include "gctq/query/iso_time.h"
#include "output/record_writers.h"

namespace gctq::output {

Result<OutputFormat> ParseOutputFormat(std::string_view name) {
  if (name == "jsonl") return OutputFormat::kJsonl;
  if (name == "csv") return OutputFormat::kCsv;
  if (name == "table") return OutputFormat::kTable;
  return MakeError(ErrorCode::kInvalidArgument,
                   fmt::format("--format: '{}' is not one of jsonl, csv, table", name));
}

std::unique_ptr<query::RecordSink> MakeRecordWriter(OutputFormat format, std::ostream& records,
                                                    std::ostream& report) {
  switch (format) {
    case OutputFormat::kJsonl: return std::make_unique<internal::JsonlWriter>(records);
    case OutputFormat::kCsv: return std::make_unique<internal::CsvWriter>(records, report);
    case OutputFormat::kTable: return std::make_unique<internal::TableWriter>(records, report);
  }
  return nullptr;
}

void WriteCompletenessReport(query::RunReport const& report, std::ostream& out) {
  out << "Completeness report\n";
  out << fmt::format("  {:<3} {:<49} {:<5} {:>8} {:>8} {:>5} {:>8} {:>8} {:>7} {:>7}  {}\n", "#", "window",
                     "mode", "expected", "fetched", "dups", "emitted", "trn.ok", "trn.no", "trn.err",
                     "status");
  for (auto const& w : report.windows) {
    auto const& c = w.counts;
    out << fmt::format("  {:<3} {:<49} {:<5} {:>8} {:>8} {:>5} {:>8} {:>8} {:>7} {:>7}  {}{}{}\n", w.index,
                       query::FormatIsoTime(w.window.from) + " " + query::FormatIsoTime(w.window.to),
                       query::ToString(w.window.mode), w.expected ? std::to_string(*w.expected) : "-",
                       c.fetched, c.duplicates, c.emitted, c.transcripts_fetched, c.transcripts_missing,
                       c.transcripts_failed, WindowStatus(w), w.note.empty() ? "" : ": ", w.note);
  }
  auto const& t = report.totals;
  out << fmt::format(
      "Totals: {} windows ({} truncated, {} failed); {} conversations fetched, {} duplicates dropped, {} "
      "written; "
      "transcripts {} fetched, {} missing, {} failed, {} skipped; sentiment-filtered {}, analysis-filtered "
      "{}\n",
      report.windows.size(), report.TruncatedWindows(), report.FailedWindows(), t.fetched, t.duplicates,
      t.emitted, t.transcripts_fetched, t.transcripts_missing, t.transcripts_failed, t.transcripts_skipped,
      t.sentiment_filtered + t.sentiment_missing, t.analysis_filtered);
  if (report.fatal_error) out << "STOPPED: " << report.fatal_error->Describe() << "\n";
  out << (report.Complete() ? "Result: complete\n" : "Result: INCOMPLETE (see the windows above)\n");
  out.flush();
}

}  // namespace gctq::output
