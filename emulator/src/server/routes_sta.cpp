// Speech & Text Analytics: conversation metrics, transcript URLs and the documents behind them.

#include <nlohmann/json.hpp>

#include "server/app.h"
#include "server/error_body.h"
#include "server/ids.h"
#include "server/json_mapping.h"

namespace gctq_emulator::server {
namespace {

using Json = nlohmann::ordered_json;

constexpr char kStaConversations[] = "/api/v2/speechandtextanalytics/conversations/";

/// The conversation's index when it exists and has a transcript for `communication_id`.
std::optional<std::size_t> TranscriptOf(Org const& org, std::string const& conversation_id,
                                        std::string const& communication_id) {
  auto const index = org.Find(conversation_id);
  if (!index || org.CommunicationId(*index) != communication_id || !org.summary(*index).end_ms)
    return std::nullopt;
  if (!org.Transcript(*index)) return std::nullopt;
  return index;
}

std::string PresignedUrl(App& app, std::string const& conversation_id, std::string const& communication_id,
                         RequestContext const& context) {
  std::string const path = TranscriptUrlSigner::ObjectPath(app.org().directory().organization_id,
                                                           conversation_id, communication_id);
  std::int64_t signed_at = context.now_ms;
  if (context.faults.Has(FaultKind::kExpireUrl))
    signed_at -= std::int64_t(app.url_signer().ttl_s()) * 1000 + 1000;
  return app.url_signer().Presign(app.base_url(), path, signed_at);
}

ApiError NoTranscript(std::string const& conversation_id, std::string const& communication_id) {
  return NotFound("No transcript for conversation " + conversation_id + " communication " + communication_id);
}

void GetConversationMetrics(App& app, httplib::Request const& request, httplib::Response& response) {
  std::string const conversation_id = request.matches[1];
  auto const index = app.org().Find(conversation_id);
  auto const metrics = index ? app.org().Sta(*index) : std::nullopt;
  if (!metrics) return SendError(response, NotFound("Conversation " + conversation_id + " not found"));
  SendJson(response, 200, StaToJson(conversation_id, *metrics).dump());
}

void GetTranscriptUrl(App& app, httplib::Request const& request, httplib::Response& response,
                      RequestContext& context) {
  std::string const conversation_id = request.matches[1], communication_id = request.matches[2];
  if (!TranscriptOf(app.org(), conversation_id, communication_id))
    return SendError(response, NoTranscript(conversation_id, communication_id));
  SendJson(response, 200,
           Json{{"url", PresignedUrl(app, conversation_id, communication_id, context)}}.dump());
}

void GetTranscriptUrls(App& app, httplib::Request const& request, httplib::Response& response,
                       RequestContext& context) {
  std::string const conversation_id = request.matches[1], communication_id = request.matches[2];
  if (!TranscriptOf(app.org(), conversation_id, communication_id))
    return SendError(response, NoTranscript(conversation_id, communication_id));
  std::string const recording_id = DerivedUuid("recording/" + communication_id);
  Json body;
  body["conversation"] = ConversationRef(conversation_id);
  body["communicationId"] = communication_id;
  body["urls"] = Json::array({Json{{"recording", Json{{"id", recording_id},
                                                      {"selfUri", "/api/v2/conversations/" + conversation_id +
                                                                      "/recordings/" + recording_id}}},
                                   {"url", PresignedUrl(app, conversation_id, communication_id, context)}}});
  SendJson(response, 200, body.dump());
}

void GetTranscriptDocument(App& app, httplib::Request const& request, httplib::Response& response,
                           RequestContext& context) {
  std::string const org_id = request.matches[1], conversation_id = request.matches[2],
                    communication_id = request.matches[3];
  std::map<std::string, std::string> params;
  for (auto const& [name, value] : request.params) params[name] = value;
  UrlCheck const check = app.url_signer().Verify(request.path, params, context.now_ms);
  if (check != UrlCheck::kValid) {
    response.status = 403;
    response.set_content(S3ErrorXml(check, RandomHex(8)), "application/xml");
    return;
  }
  auto const index = org_id == app.org().directory().organization_id
                         ? TranscriptOf(app.org(), conversation_id, communication_id)
                         : std::nullopt;
  auto const transcript = index ? app.org().Transcript(*index) : std::nullopt;
  if (!transcript) {
    response.status = 404;
    response.set_content(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<Error><Code>NoSuchKey</Code><Message>The "
        "specified key does not exist.</Message></Error>",
        "application/xml");
    return;
  }
  SendJson(response, 200, TranscriptToJson(*transcript).dump());
}

}  // namespace

void RegisterStaRoutes(App& app, httplib::Server& server) {
  std::string const conversations = kStaConversations;
  server.Get(conversations + "([^/]+)/communications/([^/]+)/transcripturl",
             app.Api(Permissions::kAllStaData, [&app](auto const& request, auto& response, auto& context) {
               GetTranscriptUrl(app, request, response, context);
             }));
  server.Get(conversations + "([^/]+)/communications/([^/]+)/transcripturls",
             app.Api(Permissions::kAnyRecording, [&app](auto const& request, auto& response, auto& context) {
               GetTranscriptUrls(app, request, response, context);
             }));
  server.Get(conversations + "([^/]+)",
             app.Api(Permissions::kAllStaData, [&app](auto const& request, auto& response, auto&) {
               GetConversationMetrics(app, request, response);
             }));
  server.Get(std::string(kTranscriptPathPrefix) + "([^/]+)/([^/]+)/([^/]+)\\.json",
             app.Plain([&app](auto const& request, auto& response, auto& context) {
               GetTranscriptDocument(app, request, response, context);
             }));
}

}  // namespace gctq_emulator::server
