#pragma once

#include <memory>
#include <optional>
#include <string>

#include "gctq/core/result.h"
#include "gctq/http/transport.h"
#include "gctq/query/details_page.h"

namespace gctq::query {

/// State of an async details job (AsyncQueryStatus).
struct AsyncJobStatus {
  std::string state;          ///< QUEUED, PENDING, FULFILLED, FAILED, CANCELLED, EXPIRED
  std::string error_message;  ///< Set by the service on FAILED.
};

/// The analytics details endpoints, one method each, no policy (the Transport is already decorated
/// with auth, pacing and retries). Any non-2xx status becomes an Error. Thread-safe.
class AnalyticsApi {
 public:
  /// `api_base`: "https://api.mypurecloud.com" or the emulator's "http://127.0.0.1:PORT".
  AnalyticsApi(std::shared_ptr<http::Transport> transport, std::string api_base);

  /// POST /api/v2/analytics/conversations/details/query
  Result<DetailsPage> QueryDetails(std::string body) const;
  /// POST /api/v2/analytics/conversations/details/jobs -> jobId
  Result<std::string> SubmitJob(std::string body) const;
  /// GET /api/v2/analytics/conversations/details/jobs/{jobId}
  Result<AsyncJobStatus> GetJobStatus(std::string const& job_id) const;
  /// GET /api/v2/analytics/conversations/details/jobs/{jobId}/results?pageSize=&cursor=
  Result<DetailsPage> GetJobResults(std::string const& job_id, std::optional<std::string> const& cursor,
                                    int page_size) const;
  /// DELETE /api/v2/analytics/conversations/details/jobs/{jobId}
  Status DeleteJob(std::string const& job_id) const;

 private:
  Result<http::HttpResponse> Send(http::HttpRequest const& request, std::string_view operation) const;

  std::shared_ptr<http::Transport> transport_;
  std::string api_base_;
};

}  // namespace gctq::query
