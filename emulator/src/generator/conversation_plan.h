#pragma once

// The shape of one conversation (who, when, how long), re-derived on demand from (seed, index):
// the org keeps only a ConversationSummary and calls PlanConversation again to expand.

#include <cstdint>
#include <vector>

#include "generator/org_context.h"

namespace gctq_emulator::gen {

struct HoldWindow {
  std::int64_t start_ms = 0, end_ms = 0;
};

/// One queue + agent stretch of the call. A transfer adds a second leg.
struct AgentLeg {
  std::uint16_t queue = 0, agent = 0, wrap_up = 0;
  std::int64_t acd_start_ms = 0;    ///< Enters the queue (inbound only).
  std::int64_t alert_start_ms = 0;  ///< Agent's phone rings (inbound) or agent starts dialling (outbound).
  std::int64_t answer_ms = 0;       ///< Talk starts.
  std::int64_t talk_end_ms = 0;     ///< 0 while the call is still going on.
  std::vector<HoldWindow> holds;    ///< Inside [answer_ms, talk_end_ms).
  std::int64_t wrapup_end_ms = 0;   ///< 0 without wrap-up (still talking).
  bool transferred_out = false;
};

struct ConversationPlan {
  std::uint32_t index = 0;
  std::int64_t start_ms = 0;
  std::int64_t end_ms = 0;  ///< 0 while in progress.
  bool inbound = true;
  bool in_progress = false;
  bool has_transcript = false;
  bool recording = false;
  bool customer_hung_up = true;
  int scenario = 0;
  std::int64_t ivr_start_ms = 0, ivr_end_ms = 0;  ///< Inbound only.
  std::vector<AgentLeg> legs;
};

ConversationPlan PlanConversation(OrgContext const& org, std::uint32_t index, std::int64_t start_ms,
                                  bool in_progress);

/// Talk windows of the call in time order (agent interacts minus holds): where speech can happen.
std::vector<HoldWindow> SpeechWindows(ConversationPlan const& plan);

}  // namespace gctq_emulator::gen
