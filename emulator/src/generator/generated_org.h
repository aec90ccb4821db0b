#pragma once

// The Org the generator builds: a compact summary per conversation, everything else re-derived
// on demand from (seed, index).

#include <cstdint>
#include <utility>
#include <vector>

#include "generator/conversation_plan.h"
#include "generator/org_context.h"
#include "generator/uuid.h"
#include "model/org.h"

namespace gctq_emulator::gen {

class GeneratedOrg final : public Org {
 public:
  explicit GeneratedOrg(GeneratorSettings const& settings);

  Directory const& directory() const override { return context_.directory; }
  std::size_t size() const override { return summaries_.size(); }
  ConversationSummary const& summary(std::size_t i) const override { return summaries_[i]; }
  Conversation Expand(std::size_t i) const override;
  std::string CommunicationId(std::size_t i) const override;
  std::optional<std::size_t> Find(std::string const& conversation_id) const override;
  std::optional<StaMetrics> Sta(std::size_t i) const override;
  std::optional<TranscriptDocument> Transcript(std::size_t i) const override;
  Truth TruthOf(std::size_t i) const override;

  /// TruthOf(i) plus the STA sentimentScore (nullopt without transcript), from one dialogue build.
  std::pair<Truth, std::optional<double>> TruthAndSentiment(std::size_t i) const;

  OrgContext const& context() const { return context_; }
  ConversationPlan Plan(std::size_t i) const;
  /// Bytes held for the conversations (summaries and the id index), capacity included.
  std::size_t ConversationBytes() const;

 private:
  struct IdEntry {
    Uuid id;
    std::uint32_t index;
  };

  OrgContext context_;
  std::vector<ConversationSummary> summaries_;
  std::vector<IdEntry> id_index_;  ///< Sorted by id.
};

}  // namespace gctq_emulator::gen
