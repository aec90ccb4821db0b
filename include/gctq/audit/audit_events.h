#pragma once

#include <chrono>
#include <cstdint>
#include <string>

#include "gctq/audit/audit_log.h"
#include "gctq/http/endpoint_class.h"
#include "gctq/qa/webhook_deliverer.h"

namespace gctq::audit {

/// Typed audit events: one function per event type, so every record of a type has the same fields
/// (who / what / where / outcome). All values pass the allow-list sanitizer.

struct RunStart {  ///< `run.start`
  std::string oauth_client_id;
  std::string host;  ///< Empty = gethostname().
  std::string command;
  AuditStringMap options;  ///< Option name -> value as given; unsafe names are REDACTED.
  AuditStringMap filters;
  std::string tool_version;
};
struct RunEnd {         ///< `run.end`
  std::string outcome;  ///< success | incomplete | failure
  int exit_code = 0;
  std::int64_t conversations = 0;
  std::string reason;
};
struct ApiCallSummary {  ///< `api.page`: one logical paged call of the query pipeline.
  http::EndpointClass endpoint_class = http::EndpointClass::kOther;
  std::string window;
  std::int64_t page = 0;
  int status = 0;
  int attempts = 1;
  std::chrono::milliseconds latency{0};
};
struct TranscriptFetch {  ///< `transcript.fetch`
  std::string conversation_id;
  std::string communication_id;
  std::string outcome;  ///< fetched | not_found | failed | skipped
  int http_status = 0;
  std::string reason;
};
struct PiiLeakFound {  ///< `pii.found`: type and location only, never the value.
  std::string conversation_id;
  std::string communication_id;
  std::string pii_type;  ///< e.g. CREDIT_DEBIT_NUMBER
  std::string location;  ///< e.g. "phrase 12 chars 30-46"
};

Status RecordRunStart(AuditLog& log, RunStart const& event);
Status RecordRunEnd(AuditLog& log, RunEnd const& event);
Status RecordApiCall(AuditLog& log, ApiCallSummary const& event);
Status RecordTranscriptFetch(AuditLog& log, TranscriptFetch const& event);
Status RecordPiiLeak(AuditLog& log, PiiLeakFound const& event);
/// `callback.delivery`: one webhook attempt (wire to DelivererOptions::on_outcome).
Status RecordDelivery(AuditLog& log, qa::DeliveryOutcome const& outcome);

}  // namespace gctq::audit
