#pragma once

#include <iosfwd>
#include <memory>
#include <string_view>

#include "gctq/core/result.h"
#include "gctq/query/record_sink.h"

namespace gctq::output {

enum class OutputFormat { kJsonl, kCsv, kTable };

/// "jsonl", "csv" or "table"; kInvalidArgument naming --format otherwise.
Result<OutputFormat> ParseOutputFormat(std::string_view name);

/// A RecordSink that writes records as they arrive (nothing is collected) and, at the end, the
/// completeness report.
/// - jsonl: one `{"type": "conversation"|"window"|"summary", "data": {...}}` object per line, all in
///   `records`; the report lines follow the records.
/// - csv: RFC 4180, a header line then one row per record in `records`; the report goes, as text,
///   to `report`.
/// - table: aligned columns for people in `records`; the report, as text, to `report`.
/// `report` may be the same stream as `records`. Both must outlive the writer.
std::unique_ptr<query::RecordSink> MakeRecordWriter(OutputFormat format, std::ostream& records,
                                                    std::ostream& report);

/// The human-readable completeness report: one line per window, then the totals.
void WriteCompletenessReport(query::RunReport const& report, std::ostream& out);

}  // namespace gctq::output
