#pragma once

#include <array>
#include <string_view>

namespace gctq::http {

/// The classes of calls gctq makes; latency, pacing and audit records are kept per class.
enum class EndpointClass {
  kToken,
  kDetailsPage,
  kAsyncJobSubmit,
  kAsyncJobPoll,
  kAsyncJobResults,
  kStaConversation,
  kTranscriptUrl,
  kTranscriptDownload,
  kWebhook,
  kOther,
};

inline constexpr std::array kAllEndpointClasses = {
    EndpointClass::kToken,         EndpointClass::kDetailsPage,        EndpointClass::kAsyncJobSubmit,
    EndpointClass::kAsyncJobPoll,  EndpointClass::kAsyncJobResults,    EndpointClass::kStaConversation,
    EndpointClass::kTranscriptUrl, EndpointClass::kTranscriptDownload, EndpointClass::kWebhook,
    EndpointClass::kOther,
};

/// Stable snake_case name, used in metrics labels and audit records.
constexpr std::string_view ToString(EndpointClass c) {
  switch (c) {
    case EndpointClass::kToken: return "token";
    case EndpointClass::kDetailsPage: return "details_page";
    case EndpointClass::kAsyncJobSubmit: return "async_job_submit";
    case EndpointClass::kAsyncJobPoll: return "async_job_poll";
    case EndpointClass::kAsyncJobResults: return "async_job_results";
    case EndpointClass::kStaConversation: return "sta_conversation";
    case EndpointClass::kTranscriptUrl: return "transcript_url";
    case EndpointClass::kTranscriptDownload: return "transcript_download";
    case EndpointClass::kWebhook: return "webhook";
    case EndpointClass::kOther: return "other";
  }
  return "other";
}

}  // namespace gctq::http
