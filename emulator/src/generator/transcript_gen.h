#pragma once

#include "generator/conversation_plan.h"
#include "generator/dialogue_builder.h"
#include "model/org.h"

namespace gctq_emulator::gen {

/// Places the dialogue's phrases and words in the call's speech windows (never during holds or
/// queueing) and fills the transcript document's metadata, topics and participants.
TranscriptDocument BuildTranscript(OrgContext const& org, ConversationPlan const& plan,
                                   Dialogue const& dialogue);

}  // namespace gctq_emulator::gen
