#pragma once

// The emulator's model written in the real API's JSON shapes.

#include <nlohmann/json.hpp>

#include <string>

#include "model/org.h"

namespace gctq_emulator::server {

/// AnalyticsConversationWithoutAttributes (sync query) or AnalyticsConversation (async results).
nlohmann::ordered_json ConversationToJson(Conversation const& conversation);

/// ConversationMetrics of GET /api/v2/speechandtextanalytics/conversations/{id}.
nlohmann::ordered_json StaToJson(std::string const& conversation_id, StaMetrics const& metrics);

/// The transcript document served behind a pre-signed URL (epoch-ms times, {milliseconds} durations).
nlohmann::ordered_json TranscriptToJson(TranscriptDocument const& transcript);

/// {id, selfUri} of a conversation.
nlohmann::ordered_json ConversationRef(std::string const& conversation_id);

}  // namespace gctq_emulator::server
