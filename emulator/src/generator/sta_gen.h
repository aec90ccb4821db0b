#pragma once

#include "generator/conversation_plan.h"
#include "generator/dialogue_builder.h"
#include "model/org.h"

namespace gctq_emulator::gen {

/// Speech & Text Analytics metrics computed from the transcript itself, so they agree with it:
/// sentimentScore = sum of customer phrase sentiments / (customer phrases with a sentiment + 2),
/// trend = (score of the later half - score of the earlier half) / 2; durations are shares of the call.
StaMetrics ComputeSta(OrgContext const& org, ConversationPlan const& plan,
                      TranscriptDocument const& transcript);

/// The score rule above, for any run of phrases.
double SentimentScore(std::vector<Phrase> const& phrases, std::size_t from, std::size_t to);
/// The same score straight from the dialogue (its lines are the transcript's phrases).
double SentimentScore(Dialogue const& dialogue);

}  // namespace gctq_emulator::gen
