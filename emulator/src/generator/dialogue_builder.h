#pragma once

// The words of a call: scenario turns in a mood, PII exchanges, hold and transfer announcements.

#include <vector>

#include "generator/conversation_plan.h"
#include "generator/dialogue_templates.h"
#include "generator/spoken.h"
#include "model/org.h"

namespace gctq_emulator::gen {

struct DialogueLine {
  Who who = Who::kAgent;
  Words words;
  int sentiment = 0;         ///< -1 | 0 | +1
  int leg = 0;               ///< Which agent leg is on the line.
  bool pause_after = false;  ///< A hold or transfer follows: the next line starts in the next speech window.
};

struct Dialogue {
  std::vector<DialogueLine> lines;
  std::vector<PiiInstance> pii;  ///< phrase_indexes index `lines`.
};

/// Deterministic from (seed, plan.index); call only for plans with a transcript.
Dialogue BuildDialogue(OrgContext const& org, ConversationPlan const& plan);

/// The line's text as it appears in the transcript: words joined by single spaces.
std::string LineText(DialogueLine const& line);

}  // namespace gctq_emulator::gen
