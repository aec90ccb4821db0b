#include "server/json_mapping.h"

#include "server/iso8601.h"

namespace gctq_emulator::server {
namespace {

using Json = nlohmann::ordered_json;

void PutIfSet(Json& json, char const* key, std::string const& value) {
  if (!value.empty()) json[key] = value;
}

Json Milliseconds(std::int64_t value) {
  return Json{{"milliseconds", value}};
}

Json SegmentToJson(Segment const& segment) {
  Json json;
  json["segmentStart"] = FormatIsoMs(segment.start_ms);
  if (segment.end_ms) json["segmentEnd"] = FormatIsoMs(*segment.end_ms);
  PutIfSet(json, "queueId", segment.queue_id);
  PutIfSet(json, "wrapUpCode", segment.wrap_up_code);
  PutIfSet(json, "disconnectType", segment.disconnect_type);
  json["segmentType"] = segment.segment_type;
  json["conference"] = false;
  return json;
}

Json SessionToJson(Session const& session) {
  Json json;
  json["mediaType"] = session.media_type;
  json["sessionId"] = session.session_id;
  PutIfSet(json, "ani", session.ani);
  PutIfSet(json, "direction", session.direction);
  PutIfSet(json, "dnis", session.dnis);
  PutIfSet(json, "peerId", session.peer_id);
  if (session.recording) json["recording"] = *session.recording;
  Json segments = Json::array();
  for (auto const& segment : session.segments) segments.push_back(SegmentToJson(segment));
  json["segments"] = std::move(segments);
  if (!session.metrics.empty()) {
    Json metrics = Json::array();
    for (auto const& metric : session.metrics)
      metrics.push_back(
          Json{{"name", metric.name}, {"value", metric.value}, {"emitDate", FormatIsoMs(metric.emit_ms)}});
    json["metrics"] = std::move(metrics);
  }
  return json;
}

Json ParticipantToJson(Participant const& participant) {
  Json json;
  json["participantId"] = participant.participant_id;
  PutIfSet(json, "participantName", participant.participant_name);
  PutIfSet(json, "userId", participant.user_id);
  json["purpose"] = participant.purpose;
  Json sessions = Json::array();
  for (auto const& session : participant.sessions) sessions.push_back(SessionToJson(session));
  json["sessions"] = std::move(sessions);
  return json;
}

}  // namespace

Json ConversationRef(std::string const& conversation_id) {
  return Json{{"id", conversation_id}, {"selfUri", "/api/v2/conversations/" + conversation_id}};
}

Json ConversationToJson(Conversation const& conversation) {
  Json json;
  json["conversationId"] = conversation.conversation_id;
  json["conversationStart"] = FormatIsoMs(conversation.start_ms);
  if (conversation.end_ms) json["conversationEnd"] = FormatIsoMs(*conversation.end_ms);
  PutIfSet(json, "originatingDirection", conversation.originating_direction);
  json["divisionIds"] = conversation.division_ids;
  Json participants = Json::array();
  for (auto const& participant : conversation.participants)
    participants.push_back(ParticipantToJson(participant));
  json["participants"] = std::move(participants);
  return json;
}

Json StaToJson(std::string const& conversation_id, StaMetrics const& metrics) {
  Json json;
  json["conversation"] = ConversationRef(conversation_id);
  json["sentimentScore"] = metrics.sentiment_score;
  json["sentimentTrend"] = metrics.sentiment_trend;
  PutIfSet(json, "sentimentTrendClass", metrics.sentiment_trend_class);
  Json empathy = Json::array();
  for (auto const& score : metrics.empathy_scores)
    empathy.push_back(Json{{"userId", score.user_id}, {"score", score.score}});
  json["empathyScores"] = std::move(empathy);
  json["participantMetrics"] = Json{{"agentDurationPercentage", metrics.agent_pct},
                                    {"customerDurationPercentage", metrics.customer_pct},
                                    {"silenceDurationPercentage", metrics.silence_pct},
                                    {"ivrDurationPercentage", metrics.ivr_pct},
                                    {"acdDurationPercentage", metrics.acd_pct},
                                    {"overtalkDurationPercentage", metrics.overtalk_pct},
                                    {"otherDurationPercentage", metrics.other_pct},
                                    {"overtalkCount", metrics.overtalk_count}};
  return json;
}

namespace {

Json PhraseToJson(Phrase const& phrase) {
  Json json;
  json["phraseIndex"] = phrase.phrase_index;
  json["text"] = phrase.text;
  json["decoratedText"] = phrase.text;
  json["stability"] = phrase.stability;
  json["confidence"] = phrase.confidence;
  json["offset"] = Milliseconds(phrase.offset_ms);
  json["startTimeMs"] = phrase.start_ms;
  json["duration"] = Milliseconds(phrase.duration_ms);
  Json words = Json::array();
  for (auto const& word : phrase.words)
    words.push_back(Json{{"word", word.word},
                         {"confidence", word.confidence},
                         {"offset", Milliseconds(word.offset_ms)},
                         {"startTimeMs", word.start_ms},
                         {"duration", Milliseconds(word.duration_ms)}});
  json["words"] = std::move(words);
  json["alternatives"] = Json::array();
  json["participantPurpose"] = phrase.participant_purpose;
  return json;
}

Json AnalyticsToJson(TranscriptDocument const& transcript) {
  Json sentiment = Json::array();
  for (auto const& phrase : transcript.phrases) {
    if (phrase.sentiment == 0) continue;
    sentiment.push_back(Json{{"participant", phrase.participant_purpose},
                             {"phrase", phrase.text},
                             {"phraseIndex", phrase.phrase_index},
                             {"sentiment", phrase.sentiment},
                             {"offset", Milliseconds(phrase.offset_ms)},
                             {"startTimeMs", phrase.start_ms},
                             {"duration", Milliseconds(phrase.duration_ms)}});
  }
  Json topics = Json::array();
  for (auto const& topic : transcript.topics)
    topics.push_back(Json{{"participant", topic.participant},
                          {"topicId", topic.topic_id},
                          {"topicName", topic.topic_name},
                          {"topicPhrase", topic.topic_phrase},
                          {"transcriptPhrase", topic.transcript_phrase},
                          {"confidence", topic.confidence},
                          {"offset", Milliseconds(topic.offset_ms)},
                          {"startTimeMs", topic.start_ms},
                          {"duration", Milliseconds(topic.duration_ms)}});
  return Json{
      {"sentiment", std::move(sentiment)}, {"topics", std::move(topics)}, {"acoustic", Json::array()}};
}

Json TranscriptParticipantToJson(TranscriptDocument::TranscriptParticipant const& participant) {
  Json json;
  json["participantPurpose"] = participant.purpose;
  PutIfSet(json, "userId", participant.user_id);
  PutIfSet(json, "initialDirection", participant.initial_direction);
  PutIfSet(json, "queueId", participant.queue_id);
  PutIfSet(json, "divisionId", participant.division_id);
  PutIfSet(json, "ani", participant.ani);
  PutIfSet(json, "dnis", participant.dnis);
  json["startTimeMs"] = participant.start_ms;
  json["endTimeMs"] = participant.end_ms;
  return json;
}

}  // namespace

Json TranscriptToJson(TranscriptDocument const& transcript) {
  Json phrases = Json::array();
  for (auto const& phrase : transcript.phrases) phrases.push_back(PhraseToJson(phrase));
  Json entry;
  entry["transcriptId"] = transcript.transcript_id;
  entry["language"] = transcript.language;
  entry["programId"] = transcript.program_id;
  entry["engineId"] = transcript.engine_id;
  entry["startTime"] = transcript.start_ms;
  entry["duration"] = Milliseconds(transcript.duration_ms);
  entry["phrases"] = std::move(phrases);
  entry["analytics"] = AnalyticsToJson(transcript);

  Json participants = Json::array();
  for (auto const& participant : transcript.participants)
    participants.push_back(TranscriptParticipantToJson(participant));

  Json json;
  json["organizationId"] = transcript.organization_id;
  json["conversationId"] = transcript.conversation_id;
  json["communicationId"] = transcript.communication_id;
  json["transcripts"] = Json::array({std::move(entry)});
  json["participants"] = std::move(participants);
  json["uri"] = "/transcript/v1/organizations/" + transcript.organization_id + "/conversations/" +
                transcript.conversation_id + "/communications/" + transcript.communication_id;
  json["startTime"] = transcript.start_ms;
  json["duration"] = Milliseconds(transcript.duration_ms);
  json["mediaType"] = "call";
  json["conversationStartTime"] = transcript.conversation_start_ms;
  return json;
}

}  // namespace gctq_emulator::server
