// Ground truth for scoring a client run, as JSON Lines: one object per conversation, in org order
// (ascending conversation start). Keys always appear in this order:
//
//   conversationId    string  the analytics conversationId
//   communicationId   string  the customer's voice sessionId (transcript URLs use it)
//   start             string  conversationStart, ISO-8601 UTC with milliseconds
//   end               string  conversationEnd, or null while the call is in progress
//   direction         string  originatingDirection: inbound | outbound
//   divisionIds       [string]
//   queueIds          [string]  queues the call went through, in order
//   userIds           [string]  agents who handled it, in order
//   wrapUpCodeIds     [string]  wrap-up code ids of the agent legs, in order
//   hasTranscript     bool      false: transcripturl answers 404 and STA has no metrics
//   sentimentScore    number    the STA sentimentScore (-1..1), or null without a transcript
//   agentKeywords     [string]  vocabulary words the agent side said, whole words only, sorted
//   customerKeywords  [string]  the same for the customer side
//   pii               [object]  every PII instance said in the call:
//       type           card_number | card_expiry | cvv | ssn | phone | email | iban | name | postal_code
//       phraseIndexes  [int]     transcript phraseIndex values holding it (a split leak lists each)
//       masked         bool      true: the transcript shows the Genesys bracket label instead
//       speaker        agent | customer

#include <ctime>
#include <nlohmann/json.hpp>

#include "generator/generate.h"
#include "generator/generated_org.h"

namespace gctq_emulator {
namespace {

std::string IsoUtc(std::int64_t epoch_ms) {
  std::time_t const seconds = static_cast<std::time_t>(epoch_ms / 1000);
  std::tm utc{};
  gmtime_r(&seconds, &utc);
  char buffer[64];
  std::snprintf(buffer, sizeof buffer, "%04d-%02d-%02dT%02d:%02d:%02d.%03dZ", utc.tm_year + 1900,
                utc.tm_mon + 1, utc.tm_mday, utc.tm_hour, utc.tm_min, utc.tm_sec,
                static_cast<int>(epoch_ms % 1000));
  return buffer;
}

nlohmann::ordered_json TruthLine(Org const& org, std::size_t i) {
  Conversation const conversation = org.Expand(i);
  auto const* generated = dynamic_cast<gen::GeneratedOrg const*>(&org);
  auto [truth, sentiment] =
      generated ? generated->TruthAndSentiment(i) : std::pair{org.TruthOf(i), std::optional<double>()};
  if (!generated && truth.has_transcript) {
    if (auto const sta = org.Sta(i)) sentiment = sta->sentiment_score;
  }
  nlohmann::ordered_json queue_ids = nlohmann::json::array(), user_ids = nlohmann::json::array(),
                         wrap_ups = nlohmann::json::array();
  for (auto const& participant : conversation.participants) {
    if (participant.purpose == "acd" || participant.purpose == "agent") {
      auto const& queue = participant.sessions.front().segments.front().queue_id;
      if (participant.purpose == "acd" || conversation.originating_direction == "outbound")
        queue_ids.push_back(queue);
    }
    if (participant.purpose != "agent") continue;
    user_ids.push_back(participant.user_id);
    for (auto const& segment : participant.sessions.front().segments) {
      if (!segment.wrap_up_code.empty()) wrap_ups.push_back(segment.wrap_up_code);
    }
  }
  nlohmann::ordered_json line;
  line["conversationId"] = conversation.conversation_id;
  line["communicationId"] = org.CommunicationId(i);
  line["start"] = IsoUtc(conversation.start_ms);
  line["end"] = conversation.end_ms ? nlohmann::ordered_json(IsoUtc(*conversation.end_ms)) : nullptr;
  line["direction"] = conversation.originating_direction;
  line["divisionIds"] = conversation.division_ids;
  line["queueIds"] = std::move(queue_ids);
  line["userIds"] = std::move(user_ids);
  line["wrapUpCodeIds"] = std::move(wrap_ups);
  line["hasTranscript"] = truth.has_transcript;
  line["sentimentScore"] = sentiment ? nlohmann::ordered_json(*sentiment) : nullptr;
  line["agentKeywords"] = truth.agent_keywords;
  line["customerKeywords"] = truth.customer_keywords;
  nlohmann::ordered_json pii = nlohmann::json::array();
  for (auto const& instance : truth.pii) {
    pii.push_back({{"type", instance.type},
                   {"phraseIndexes", instance.phrase_indexes},
                   {"masked", instance.masked},
                   {"speaker", instance.speaker}});
  }
  line["pii"] = std::move(pii);
  return line;
}

}  // namespace

void WriteTruthJsonl(Org const& org, std::ostream& out) {
  for (std::size_t i = 0; i < org.size(); ++i) out << TruthLine(org, i).dump() << '\n';
}

}  // namespace gctq_emulator
