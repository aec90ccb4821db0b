#include "gctq/qa/webhook_signature.h"

#include <fmt/format.h>

#include "audit/crypto_util.h"

namespace gctq::qa {

Result<std::string> DecodeWebhookSecret(std::string_view secret) {
  if (secret.starts_with("whsec_")) secret.remove_prefix(6);
  auto key = internal::Base64Decode(secret);
  if (!key)
    return MakeError(ErrorCode::kInvalidArgument, "webhook secret is not valid base64 (whsec_<base64>)");
  if (key->size() < 24 || key->size() > 64) {
    return MakeError(ErrorCode::kInvalidArgument, "webhook secret must decode to 24..64 bytes");
  }
  return *key;
}

std::string SignWebhook(std::string_view key, std::string_view webhook_id, std::int64_t timestamp,
                        std::string_view body) {
  auto content = fmt::format("{}.{}.{}", webhook_id, timestamp, body);
  return "v1," + internal::Base64Encode(internal::HmacSha256(key, content));
}

std::string GenerateWebhookSecret() {
  return "whsec_" + internal::Base64Encode(internal::RandomBytes(32));
}

std::string GenerateWebhookId() {
  return "msg_" + internal::RandomHex(16);
}

}  // namespace gctq::qa
