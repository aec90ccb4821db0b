#pragma once

#include <memory>
#include <optional>
#include <string>

#include "gctq/core/result.h"
#include "gctq/http/transport.h"

namespace gctq::transcript {

/// Speech & Text Analytics endpoints, one method each, no policy. Thread-safe.
class StaApi {
 public:
  StaApi(std::shared_ptr<http::Transport> transport, std::string api_base);

  /// GET /api/v2/speechandtextanalytics/conversations/{id}/communications/{commId}/transcripturl.
  /// The pre-signed URL; nullopt on 404 (no transcript). Never log or print the URL.
  Result<std::optional<std::string>> GetTranscriptUrl(std::string const& conversation_id,
                                                      std::string const& communication_id) const;

  /// GET of a pre-signed URL (endpoint class kTranscriptDownload: sent without the bearer token).
  /// Any HTTP status is a value; only transport failures are errors.
  Result<http::HttpResponse> Download(std::string const& url) const;

  /// GET /api/v2/speechandtextanalytics/conversations/{id}: sentimentScore on the UI scale
  /// (-100..100); nullopt on 404 or when the conversation has no score (not analysed).
  Result<std::optional<double>> GetSentiment(std::string const& conversation_id) const;

 private:
  std::shared_ptr<http::Transport> transport_;
  std::string api_base_;
};

/// The transcript document of a conversation's customer communication: transcripturl, then the
/// download. An expired URL (403 from the storage) or a body that is not JSON is re-asked once.
/// nullopt: no transcript (404). Errors never contain the URL.
Result<std::optional<std::string>> FetchTranscript(StaApi const& api, std::string const& conversation_id,
                                                   std::string const& communication_id);

}  // namespace gctq::transcript
