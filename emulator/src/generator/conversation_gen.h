#pragma once

#include "generator/conversation_plan.h"
#include "model/org.h"

namespace gctq_emulator::gen {

/// The analytics-details view of a planned conversation: customer, IVR, ACD and agent participants
/// with voice sessions, segments and per-session metrics.
Conversation ExpandConversation(OrgContext const& org, ConversationPlan const& plan);

}  // namespace gctq_emulator::gen
