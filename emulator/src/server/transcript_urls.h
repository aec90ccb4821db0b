#pragma once

// Pre-signed, S3-like transcript URLs: HMAC-SHA256 over path, date and lifetime; no bearer token.

#include <cstdint>
#include <map>
#include <string>

namespace gctq_emulator::server {

inline constexpr char kTranscriptPathPrefix[] = "/s3/transcripts/";

enum class UrlCheck { kValid, kExpired, kBadSignature };

class TranscriptUrlSigner {
 public:
  /// `key`: the signing secret (random per emulator run).
  TranscriptUrlSigner(std::string key, int ttl_s) : key_(std::move(key)), ttl_s_(ttl_s) {}

  /// The object path: /s3/transcripts/<org>/<conversation>/<communication>.json
  static std::string ObjectPath(std::string const& org_id, std::string const& conversation_id,
                                std::string const& communication_id);

  /// An absolute URL under `base_url` valid for the TTL from `signed_at_ms`.
  [[nodiscard]] std::string Presign(std::string const& base_url, std::string const& object_path,
                                    std::int64_t signed_at_ms) const;

  /// Checks the signature parameters of a request for `object_path` at `now_ms`.
  [[nodiscard]] UrlCheck Verify(std::string const& object_path,
                                std::map<std::string, std::string> const& params, std::int64_t now_ms) const;

  [[nodiscard]] int ttl_s() const { return ttl_s_; }

 private:
  [[nodiscard]] std::string Sign(std::string const& object_path, std::string const& amz_date,
                                 std::string const& expires) const;
  std::string key_;
  int ttl_s_;
};

/// The S3 error document for a refused request.
std::string S3ErrorXml(UrlCheck check, std::string const& request_id);

}  // namespace gctq_emulator::server
