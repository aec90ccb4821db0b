#include "gctq/audit/audit_record_sink.h"

#include <fmt/format.h>

#include <nlohmann/json.hpp>

#include "gctq/audit/audit_events.h"
#include "gctq/query/iso_time.h"

namespace gctq::audit {
namespace {

std::string TranscriptOutcome(query::TranscriptStatus status) {
  switch (status) {
    case query::TranscriptStatus::kFetched: return "fetched";
    case query::TranscriptStatus::kNoTranscript: return "not_found";
    case query::TranscriptStatus::kFailed: return "failed";
    case query::TranscriptStatus::kSkipped: return "skipped";
  }
  return "failed";
}

}  // namespace

void AuditRecordSink::OnPage(query::PageInfo const& page) {
  ApiCallSummary call;
  call.endpoint_class = page.window.mode == query::WindowMode::kAsync ? http::EndpointClass::kAsyncJobResults
                                                                      : http::EndpointClass::kDetailsPage;
  call.window = query::FormatIsoTime(page.window.from) + "/" + query::FormatIsoTime(page.window.to);
  call.page = page.page_number;
  call.status = 200;
  call.latency = page.latency;
  Keep(RecordApiCall(*log_, call));
}

void AuditRecordSink::OnRecord(query::ConversationRecord const& record) {
  auto const& conversation = record.conversation;
  TranscriptFetch fetch;
  fetch.conversation_id = conversation.conversation_id;
  fetch.communication_id = conversation.communication_id;
  fetch.outcome = TranscriptOutcome(record.transcript_status);
  fetch.reason = record.transcript_error;
  Keep(RecordTranscriptFetch(*log_, fetch));
  if (!record.analysis_json) return;
  auto analysis = nlohmann::json::parse(*record.analysis_json, nullptr, /*allow_exceptions=*/false);
  if (!analysis.is_object() || analysis.value("pii_status", std::string()) != "leak") return;
  for (auto const& finding : analysis.value("pii_findings", nlohmann::json::array())) {
    PiiLeakFound leak;
    leak.conversation_id = conversation.conversation_id;
    leak.communication_id = conversation.communication_id;
    leak.pii_type = finding.value("type", std::string("unknown"));
    std::string phrases;
    for (auto const& index : finding.value("phrase_indexes", nlohmann::json::array())) {
      phrases += (phrases.empty() ? "" : ",") + index.dump();
    }
    leak.location = fmt::format("{} phrase {} offset_ms {}", finding.value("speaker", std::string("unknown")),
                                phrases, finding.value("offset_ms", std::int64_t{0}));
    Keep(RecordPiiLeak(*log_, leak));
    ++leaks_;
  }
}

void AuditRecordSink::Keep(Status status) {
  if (!status && !error_) error_ = status.error();
}

}  // namespace gctq::audit
