#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include "gctq/core/result.h"

namespace gctq::qa {

/// Standard Webhooks signing (standard-webhooks/standard-webhooks spec/standard-webhooks.md).

/// The HMAC key of a `whsec_<base64>` secret (the prefix is optional). Rejects bad base64 and keys
/// shorter than 24 bytes.
Result<std::string> DecodeWebhookSecret(std::string_view secret);

/// `v1,<base64 HMAC-SHA256(key, "<id>.<timestamp>.<body>")>`: the webhook-signature header value.
std::string SignWebhook(std::string_view key, std::string_view webhook_id, std::int64_t timestamp,
                        std::string_view body);

/// A new random secret, `whsec_` + base64 of 32 bytes.
std::string GenerateWebhookSecret();

/// A new message id, `msg_` + 32 hex digits; stable across retries of the same event.
std::string GenerateWebhookId();

}  // namespace gctq::qa
