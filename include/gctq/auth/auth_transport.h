#pragma once

#include <memory>
#include <string>

#include "gctq/auth/token_cache.h"
#include "gctq/http/transport.h"

namespace gctq::auth {

/// True when a request gets the bearer token: its URL lies under `api_base` AND its endpoint
/// class is not kToken, kTranscriptDownload or kWebhook (pre-signed URLs and receivers never
/// see the token, whatever their URL).
bool NeedsBearer(http::HttpRequest const& request, std::string_view api_base);

/// Auth decorator: adds `Authorization: Bearer <token>` where NeedsBearer(); on a 401 it
/// invalidates the token and re-sends once with a fresh one. Token failures are returned as
/// Errors (kUnauthenticated for bad credentials; kUnavailable ones are retried by the retry layer).
std::shared_ptr<http::Transport> MakeAuthTransport(std::shared_ptr<http::Transport> inner,
                                                   std::shared_ptr<TokenCache> tokens, std::string api_base);

}  // namespace gctq::auth
