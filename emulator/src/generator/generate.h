#pragma once

// The synthetic org generator: a whole contact centre, deterministic from its settings.

#include <cstdint>
#include <memory>
#include <ostream>
#include <string>
#include <vector>

#include "model/org.h"

namespace gctq_emulator {

struct GeneratorSettings {
  std::uint64_t seed = 42;
  int conversations = 5000;
  int days = 30;
  std::int64_t anchor_epoch_s = 0;  ///< End of the range; 0 = today's UTC midnight.
  double transcript_rate = 0.9;     ///< Share of finished conversations with a transcript.
  double in_progress_rate = 0.01;   ///< Share still going on; they start in the last two hours.
  double pii_leak_rate = 0.3;       ///< Share of transcripts with unmasked PII spoken out loud.
  double pii_mask_rate = 0.3;       ///< Share of transcripts with PII masked by bracket labels.
};

std::unique_ptr<Org> GenerateOrg(GeneratorSettings const& settings);
/// One JSON line per conversation, in org order; the schema is documented in truth_writer.cpp.
void WriteTruthJsonl(Org const& org, std::ostream& out);
/// The whole words counted as keywords in Truth::agent_keywords / customer_keywords, sorted.
std::vector<std::string> KeywordVocabulary();

}  // namespace gctq_emulator
