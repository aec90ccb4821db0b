#include "generator/conversation_plan.h"

#include <algorithm>

#include "generator/dialogue_templates.h"
#include "generator/rng.h"

namespace gctq_emulator::gen {
namespace {

constexpr std::uint16_t kEscalationsQueue = 11;
constexpr std::uint16_t kTier2Queue = 5;
constexpr std::uint16_t kTransferredWrapUp = 4;

/// Skewed toward `lo`: most calls are short, a few are long.
std::int64_t Skewed(Rng& rng, std::int64_t lo, std::int64_t hi) {
  double const u = rng.Unit();
  return lo + static_cast<std::int64_t>(static_cast<double>(hi - lo) * u * u);
}

std::uint16_t PickAgent(Rng& rng, OrgContext const& org, std::uint16_t queue, int avoid = -1) {
  auto const& members = org.queue_members[queue];
  std::size_t position = rng.Below(members.size());
  if (members[position] == avoid && members.size() > 1) position = (position + 1) % members.size();
  return members[position];
}

/// Fills answer..talk_end with talk and holds; returns talk end.
std::int64_t PlanTalk(Rng& rng, AgentLeg& leg, std::int64_t talk_ms, bool with_holds) {
  std::int64_t cursor = leg.answer_ms;
  int const hold_count = with_holds ? (rng.Chance(0.22) ? 1 : 0) + (rng.Chance(0.08) ? 1 : 0) : 0;
  std::int64_t const slice = talk_ms / (hold_count + 1);
  for (int h = 0; h < hold_count; ++h) {
    cursor += slice;
    std::int64_t const hold_ms = rng.Between(15'000, 180'000);
    leg.holds.push_back({cursor, cursor + hold_ms});
    cursor += hold_ms;
  }
  return cursor + (talk_ms - slice * hold_count);
}

}  // namespace

ConversationPlan PlanConversation(OrgContext const& org, std::uint32_t index, std::int64_t start_ms,
                                  bool in_progress) {
  Rng rng(org.settings.seed, Stream::kPlan, index);
  ConversationPlan plan;
  plan.index = index;
  plan.start_ms = start_ms;
  plan.in_progress = in_progress;
  plan.inbound = rng.Chance(0.75);
  auto const scenarios = ScenarioIndexes(!plan.inbound);
  plan.scenario = scenarios[rng.Below(scenarios.size())];
  Scenario const& scenario = Scenarios()[plan.scenario];
  plan.has_transcript = !in_progress && rng.Chance(org.settings.transcript_rate);
  plan.recording = plan.has_transcript || in_progress || rng.Chance(0.5);
  plan.customer_hung_up = rng.Chance(0.7);

  std::size_t const queue_count = org.directory.queues.size();
  auto first_queue = static_cast<std::uint16_t>(rng.Chance(0.7) ? scenario.preferred_queue % queue_count
                                                                : rng.Below(queue_count));
  bool const transfer = plan.inbound && !in_progress && rng.Chance(0.15);
  std::uint16_t wrap_up =
      static_cast<std::uint16_t>(rng.Chance(0.75) ? scenario.wrap_up % org.directory.wrap_up_codes.size()
                                                  : rng.Below(org.directory.wrap_up_codes.size()));

  AgentLeg first;
  first.queue = first_queue;
  first.agent = PickAgent(rng, org, first_queue);
  if (plan.inbound) {
    plan.ivr_start_ms = start_ms + rng.Between(40, 400);
    plan.ivr_end_ms = plan.ivr_start_ms + Skewed(rng, 8'000, 90'000);
    first.acd_start_ms = plan.ivr_end_ms + rng.Between(5, 60);
    first.answer_ms = first.acd_start_ms + Skewed(rng, 3'000, 240'000);
    first.alert_start_ms = first.answer_ms - rng.Between(2'000, 20'000);
    first.alert_start_ms = std::max(first.alert_start_ms, first.acd_start_ms + 20);
  } else {
    first.alert_start_ms = start_ms;  // Dialling.
    first.answer_ms = start_ms + rng.Between(4'000, 30'000);
  }
  std::int64_t const first_talk = Skewed(rng, 60'000, transfer ? 300'000 : 540'000);
  if (in_progress) {
    plan.legs.push_back(first);
    return plan;
  }
  first.talk_end_ms = PlanTalk(rng, first, first_talk, true);
  first.wrapup_end_ms = first.talk_end_ms + rng.Between(5'000, 120'000);
  first.wrap_up = transfer ? kTransferredWrapUp : wrap_up;
  first.transferred_out = transfer;
  plan.legs.push_back(first);

  if (transfer) {
    AgentLeg second;
    second.queue = rng.Chance(0.5) ? kEscalationsQueue : (rng.Chance(0.5) ? kTier2Queue : first_queue);
    second.queue = static_cast<std::uint16_t>(second.queue % queue_count);
    second.agent = PickAgent(rng, org, second.queue, first.agent);
    second.acd_start_ms = first.talk_end_ms + rng.Between(5, 80);
    second.answer_ms = second.acd_start_ms + Skewed(rng, 3'000, 120'000);
    second.alert_start_ms = std::max(second.answer_ms - rng.Between(2'000, 20'000), second.acd_start_ms + 20);
    second.talk_end_ms = PlanTalk(rng, second, Skewed(rng, 45'000, 400'000), true);
    second.wrapup_end_ms = second.talk_end_ms + rng.Between(5'000, 120'000);
    second.wrap_up = wrap_up;
    plan.legs.push_back(second);
  }
  plan.end_ms = plan.legs.back().talk_end_ms + rng.Between(5, 400);
  return plan;
}

std::vector<HoldWindow> SpeechWindows(ConversationPlan const& plan) {
  std::vector<HoldWindow> windows;
  for (auto const& leg : plan.legs) {
    std::int64_t cursor = leg.answer_ms;
    for (auto const& hold : leg.holds) {
      windows.push_back({cursor, hold.start_ms});
      cursor = hold.end_ms;
    }
    windows.push_back({cursor, leg.talk_end_ms});
  }
  return windows;
}

}  // namespace gctq_emulator::gen
