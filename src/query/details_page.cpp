#include "gctq/query/details_page.h"

#include <fmt/format.h>

#include <algorithm>
#include <nlohmann/json.hpp>

namespace gctq::query {
namespace {

using nlohmann::json;

std::string StringAt(json const& object, char const* key) {
  auto it = object.find(key);
  return it != object.end() && it->is_string() ? it->get<std::string>() : std::string();
}

void AddUnique(std::vector<std::string>& list, std::string value) {
  if (value.empty() || std::find(list.begin(), list.end(), value) != list.end()) return;
  list.push_back(std::move(value));
}

json const& ArrayAt(json const& object, char const* key) {
  static json const kEmpty = json::array();
  auto it = object.find(key);
  return it != object.end() && it->is_array() ? *it : kEmpty;
}

/// Queue ids and wrap-up codes of every segment; the customer's voice session id.
void ReadParticipant(json const& participant, ConversationSummary& out, std::string& external_session) {
  std::string const purpose = StringAt(participant, "purpose");
  std::string const user_id = StringAt(participant, "userId");
  if ((purpose == "agent" || purpose == "user") && !user_id.empty()) {
    bool known = std::any_of(out.agents.begin(), out.agents.end(),
                             [&](auto const& a) { return a.user_id == user_id; });
    if (!known) out.agents.push_back({user_id, StringAt(participant, "participantName")});
  }
  for (json const& session : ArrayAt(participant, "sessions")) {
    bool const voice = StringAt(session, "mediaType") == "voice";
    if (voice && purpose == "customer" && out.communication_id.empty()) {
      out.communication_id = StringAt(session, "sessionId");
    }
    if (voice && purpose == "external" && external_session.empty())
      external_session = StringAt(session, "sessionId");
    for (json const& segment : ArrayAt(session, "segments")) {
      AddUnique(out.queue_ids, StringAt(segment, "queueId"));
      AddUnique(out.wrap_up_codes, StringAt(segment, "wrapUpCode"));
    }
  }
}

Result<ConversationSummary> ReadConversation(json const& c) {
  ConversationSummary out;
  out.conversation_id = StringAt(c, "conversationId");
  if (out.conversation_id.empty())
    return MakeError(ErrorCode::kDataLoss, "details page: a conversation has no conversationId");
  auto start = ParseIsoTime("conversationStart", StringAt(c, "conversationStart"));
  if (!start) {
    return MakeError(ErrorCode::kDataLoss, fmt::format("details page: conversation {}: {}",
                                                       out.conversation_id, start.error().message));
  }
  out.start = *start;
  if (std::string end_text = StringAt(c, "conversationEnd"); !end_text.empty()) {
    auto end = ParseIsoTime("conversationEnd", end_text);
    if (!end) return MakeError(ErrorCode::kDataLoss, fmt::format("details page: {}", end.error().message));
    out.end = *end;
    out.duration_ms = std::max<std::int64_t>(0, (*end - *start).count());
  }
  out.originating_direction = StringAt(c, "originatingDirection");
  for (json const& d : ArrayAt(c, "divisionIds")) {
    if (d.is_string()) AddUnique(out.division_ids, d.get<std::string>());
  }
  std::string external_session;
  for (json const& p : ArrayAt(c, "participants")) ReadParticipant(p, out, external_session);
  if (out.communication_id.empty()) out.communication_id = std::move(external_session);
  return out;
}

}  // namespace

Result<DetailsPage> ParseDetailsPage(std::string_view body) {
  json doc = json::parse(body, nullptr, /*allow_exceptions=*/false);
  if (doc.is_discarded() || !doc.is_object()) {
    return MakeError(ErrorCode::kDataLoss,
                     fmt::format("details page: not a JSON object ({} bytes)", body.size()));
  }
  DetailsPage page;
  if (auto it = doc.find("totalHits"); it != doc.end() && it->is_number_integer())
    page.total_hits = it->get<std::int64_t>();
  if (auto cursor = StringAt(doc, "cursor"); !cursor.empty()) page.cursor = std::move(cursor);
  if (auto date = StringAt(doc, "dataAvailabilityDate"); !date.empty()) {
    if (auto t = ParseIsoTime("dataAvailabilityDate", date)) page.data_availability = *t;
  }
  json const& conversations = ArrayAt(doc, "conversations");
  page.conversations.reserve(conversations.size());
  for (json const& c : conversations) {
    auto summary = ReadConversation(c);
    if (!summary) return std::move(summary).error();
    page.conversations.push_back(std::move(*summary));
  }
  return page;
}

}  // namespace gctq::query
