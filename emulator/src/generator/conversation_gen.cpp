#include "generator/conversation_gen.h"

#include <algorithm>

#include "generator/conversation_ids.h"
#include "generator/persona.h"

namespace gctq_emulator::gen {
namespace {

Segment MakeSegment(std::string type, std::int64_t start, std::optional<std::int64_t> end,
                    std::string queue_id = {}) {
  Segment segment;
  segment.segment_type = std::move(type);
  segment.start_ms = start;
  segment.end_ms = end;
  segment.queue_id = std::move(queue_id);
  return segment;
}

void AddMetric(Session& session, std::string name, std::int64_t value, std::int64_t emit_ms) {
  session.metrics.push_back({std::move(name), value, emit_ms});
}

std::optional<std::int64_t> EndOrOngoing(std::int64_t end_ms) {
  return end_ms ? std::optional<std::int64_t>(end_ms) : std::nullopt;
}

struct CallParties {
  std::string customer_uri, org_uri, customer_session_id;
};

Session MakeSession(CallParties const& parties, bool inbound, Uuid session_id, bool linked) {
  Session session;
  session.session_id = ToString(session_id);
  session.direction = inbound ? "inbound" : "outbound";
  session.ani = inbound ? parties.customer_uri : parties.org_uri;
  session.dnis = inbound ? parties.org_uri : parties.customer_uri;
  if (linked) session.peer_id = parties.customer_session_id;
  return session;
}

Participant MakeAgentParticipant(OrgContext const& org, ConversationPlan const& plan, AgentLeg const& leg,
                                 ParticipantIds const& ids, CallParties const& parties) {
  Agent const& agent = org.directory.agents[leg.agent];
  std::string const& queue_id = org.directory.queues[leg.queue].id;
  Participant participant{ToString(ids.participant), agent.name, "agent", agent.user_id, {}};
  Session session = MakeSession(parties, plan.inbound, ids.session, true);
  session.recording = plan.recording;
  if (plan.inbound) {
    session.segments.push_back(MakeSegment("alert", leg.alert_start_ms, leg.answer_ms, queue_id));
    AddMetric(session, "tAlert", leg.answer_ms - leg.alert_start_ms, leg.answer_ms);
    AddMetric(session, "tAnswered", leg.answer_ms - leg.acd_start_ms, leg.answer_ms);
  } else {
    session.segments.push_back(MakeSegment("dialing", leg.alert_start_ms, leg.answer_ms, queue_id));
    AddMetric(session, "nOutbound", 1, leg.alert_start_ms);
    AddMetric(session, "tDialing", leg.answer_ms - leg.alert_start_ms, leg.answer_ms);
  }
  std::int64_t cursor = leg.answer_ms, held_ms = 0;
  for (auto const& hold : leg.holds) {
    session.segments.push_back(MakeSegment("interact", cursor, hold.start_ms, queue_id));
    session.segments.push_back(MakeSegment("hold", hold.start_ms, hold.end_ms, queue_id));
    held_ms += hold.end_ms - hold.start_ms;
    cursor = hold.end_ms;
  }
  Segment last_talk = MakeSegment("interact", cursor, EndOrOngoing(leg.talk_end_ms), queue_id);
  if (leg.talk_end_ms) {
    last_talk.disconnect_type = leg.transferred_out ? "transfer" : plan.customer_hung_up ? "peer" : "client";
  }
  session.segments.push_back(std::move(last_talk));
  if (!leg.talk_end_ms) {
    participant.sessions.push_back(std::move(session));
    return participant;
  }
  Segment wrapup = MakeSegment("wrapup", leg.talk_end_ms, leg.wrapup_end_ms, queue_id);
  wrapup.wrap_up_code = org.directory.wrap_up_codes[leg.wrap_up].id;
  wrapup.disconnect_type = "client";
  session.segments.push_back(std::move(wrapup));

  std::int64_t const talk_ms = leg.talk_end_ms - leg.answer_ms - held_ms;
  std::int64_t const acw_ms = leg.wrapup_end_ms - leg.talk_end_ms;
  AddMetric(session, "tTalk", talk_ms, leg.talk_end_ms);
  AddMetric(session, "tTalkComplete", talk_ms, leg.talk_end_ms);
  if (held_ms) {
    AddMetric(session, "nHeld", static_cast<std::int64_t>(leg.holds.size()), leg.talk_end_ms);
    AddMetric(session, "tHeld", held_ms, leg.talk_end_ms);
    AddMetric(session, "tHeldComplete", held_ms, leg.talk_end_ms);
  }
  if (leg.transferred_out) AddMetric(session, "nTransferred", 1, leg.talk_end_ms);
  AddMetric(session, "tAcw", acw_ms, leg.wrapup_end_ms);
  AddMetric(session, "tHandle", talk_ms + held_ms + acw_ms, leg.wrapup_end_ms);
  participant.sessions.push_back(std::move(session));
  return participant;
}

Participant MakeAcdParticipant(OrgContext const& org, ConversationPlan const& plan, AgentLeg const& leg,
                               ParticipantIds const& ids, CallParties const& parties) {
  Queue const& queue = org.directory.queues[leg.queue];
  Participant participant{ToString(ids.participant), queue.name, "acd", {}, {}};
  Session session = MakeSession(parties, plan.inbound, ids.session, true);
  Segment waiting = MakeSegment("interact", leg.acd_start_ms, leg.answer_ms, queue.id);
  waiting.disconnect_type = "transfer";
  session.segments.push_back(std::move(waiting));
  AddMetric(session, "nOffered", 1, leg.acd_start_ms);
  AddMetric(session, "tAcd", leg.answer_ms - leg.acd_start_ms, leg.answer_ms);
  participant.sessions.push_back(std::move(session));
  return participant;
}

Participant MakeIvrParticipant(ConversationPlan const& plan, ParticipantIds const& ids,
                               CallParties const& parties) {
  Participant participant{ToString(ids.participant), "Main Menu", "ivr", {}, {}};
  Session session = MakeSession(parties, true, ids.session, true);
  session.segments.push_back(MakeSegment("system", plan.start_ms, plan.ivr_start_ms));
  Segment menu = MakeSegment("ivr", plan.ivr_start_ms, plan.ivr_end_ms);
  menu.disconnect_type = "transfer";
  session.segments.push_back(std::move(menu));
  AddMetric(session, "tIvr", plan.ivr_end_ms - plan.ivr_start_ms, plan.ivr_end_ms);
  participant.sessions.push_back(std::move(session));
  return participant;
}

Participant MakeCustomerParticipant(ConversationPlan const& plan, Persona const& persona,
                                    ParticipantIds const& ids, CallParties const& parties) {
  Participant participant{
      ToString(ids.participant), persona.first_name + " " + persona.last_name, "customer", {}, {}};
  Session session = MakeSession(parties, plan.inbound, ids.session, false);
  session.recording = plan.recording;
  std::int64_t const connected_ms = plan.inbound ? plan.start_ms : plan.legs.front().answer_ms;
  if (!plan.inbound) session.segments.push_back(MakeSegment("alert", plan.start_ms, connected_ms));
  Segment talk = MakeSegment("interact", connected_ms, EndOrOngoing(plan.end_ms));
  if (plan.end_ms) talk.disconnect_type = plan.customer_hung_up ? "endpoint" : "peer";
  session.segments.push_back(std::move(talk));
  AddMetric(session, "nConnected", 1, connected_ms);
  if (plan.end_ms) AddMetric(session, "tConversationDuration", plan.end_ms - plan.start_ms, plan.end_ms);
  participant.sessions.push_back(std::move(session));
  return participant;
}

}  // namespace

Conversation ExpandConversation(OrgContext const& org, ConversationPlan const& plan) {
  ConversationIds const ids = MakeConversationIds(org.settings.seed, plan.index);
  Persona const persona = MakePersona(org.settings.seed, plan.index);
  CallParties const parties{TelUri(persona.phone_digits), TelUri(org.org_phone_digits),
                            ToString(ids.customer.session)};

  Conversation conversation;
  conversation.conversation_id = ToString(ids.conversation);
  conversation.start_ms = plan.start_ms;
  conversation.end_ms = EndOrOngoing(plan.end_ms);
  conversation.originating_direction = plan.inbound ? "inbound" : "outbound";
  conversation.t_conversation_duration_ms = plan.end_ms ? plan.end_ms - plan.start_ms : 0;
  for (auto const& leg : plan.legs) {
    std::string const& division = org.directory.queues[leg.queue].division_id;
    auto& divisions = conversation.division_ids;
    if (std::find(divisions.begin(), divisions.end(), division) == divisions.end())
      divisions.push_back(division);
  }

  auto& participants = conversation.participants;
  participants.push_back(MakeCustomerParticipant(plan, persona, ids.customer, parties));
  if (plan.inbound) participants.push_back(MakeIvrParticipant(plan, ids.ivr, parties));
  for (std::size_t leg = 0; leg < plan.legs.size(); ++leg) {
    if (plan.inbound)
      participants.push_back(MakeAcdParticipant(org, plan, plan.legs[leg], ids.acd[leg], parties));
    participants.push_back(MakeAgentParticipant(org, plan, plan.legs[leg], ids.agent[leg], parties));
  }
  return conversation;
}

}  // namespace gctq_emulator::gen
