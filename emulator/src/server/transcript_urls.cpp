#include "server/transcript_urls.h"

#include "server/ids.h"
#include "server/iso8601.h"

namespace gctq_emulator::server {

std::string TranscriptUrlSigner::ObjectPath(std::string const& org_id, std::string const& conversation_id,
                                            std::string const& communication_id) {
  return std::string(kTranscriptPathPrefix) + org_id + "/" + conversation_id + "/" + communication_id +
         ".json";
}

std::string TranscriptUrlSigner::Sign(std::string const& object_path, std::string const& amz_date,
                                      std::string const& expires) const {
  return HmacSha256Hex(key_, "GET\n" + object_path + "\n" + amz_date + "\n" + expires);
}

std::string TranscriptUrlSigner::Presign(std::string const& base_url, std::string const& object_path,
                                         std::int64_t signed_at_ms) const {
  std::string const amz_date = FormatAmzDate(signed_at_ms);
  std::string const expires = std::to_string(ttl_s_);
  return base_url + object_path +
         "?X-Amz-Algorithm=AWS4-HMAC-SHA256&X-Amz-Credential=EMULATOR%2Fus-east-1%2Fs3%2Faws4_request"
         "&X-Amz-Date=" +
         amz_date + "&X-Amz-Expires=" + expires +
         "&X-Amz-SignedHeaders=host&X-Amz-Signature=" + Sign(object_path, amz_date, expires);
}

UrlCheck TranscriptUrlSigner::Verify(std::string const& object_path,
                                     std::map<std::string, std::string> const& params,
                                     std::int64_t now_ms) const {
  auto const param = [&](char const* name) {
    auto const found = params.find(name);
    return found == params.end() ? std::string() : found->second;
  };
  std::string const amz_date = param("X-Amz-Date"), expires = param("X-Amz-Expires");
  if (!SecureEquals(Sign(object_path, amz_date, expires), param("X-Amz-Signature")))
    return UrlCheck::kBadSignature;
  auto const signed_at = ParseAmzDate(amz_date);
  if (!signed_at) return UrlCheck::kBadSignature;
  // The signature covers both values, so they are the ones this signer wrote.
  std::int64_t const lifetime_ms = std::stoll(expires) * 1000;
  return now_ms >= *signed_at + lifetime_ms ? UrlCheck::kExpired : UrlCheck::kValid;
}

std::string S3ErrorXml(UrlCheck check, std::string const& request_id) {
  bool const expired = check == UrlCheck::kExpired;
  std::string const code = expired ? "AccessDenied" : "SignatureDoesNotMatch";
  std::string const message = expired
                                  ? "Request has expired"
                                  : "The request signature we calculated does not match the signature you "
                                    "provided. Check your key and signing method.";
  return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<Error><Code>" + code + "</Code><Message>" + message +
         "</Message><RequestId>" + request_id + "</RequestId><HostId>" + request_id + "</HostId></Error>";
}

}  // namespace gctq_emulator::server
