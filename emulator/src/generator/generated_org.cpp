#include "generator/generated_org.h"

#include <algorithm>
#include <cmath>
#include <ctime>
#include <tuple>

#include "generator/conversation_gen.h"
#include "generator/conversation_ids.h"
#include "generator/dialogue_builder.h"
#include "generator/directory_gen.h"
#include "generator/keywords.h"
#include "generator/sta_gen.h"
#include "generator/time_shape.h"
#include "generator/transcript_gen.h"

namespace gctq_emulator::gen {
namespace {

constexpr std::int64_t kMinuteMs = 60'000;
constexpr std::int64_t kHourMs = 60 * kMinuteMs;

std::int64_t AnchorMs(std::int64_t anchor_epoch_s) {
  if (anchor_epoch_s == 0) anchor_epoch_s = std::time(nullptr) / 86'400 * 86'400;
  return anchor_epoch_s * 1000;
}

std::string OrgPhoneDigits(std::uint64_t seed) {
  Rng rng(seed, Stream::kOrg, 0);
  std::string digits = rng.Chance(0.5) ? "800" : "888";
  digits.push_back(static_cast<char>('2' + rng.Below(8)));
  for (int i = 0; i < 6; ++i) digits.push_back(static_cast<char>('0' + rng.Below(10)));
  return digits;
}

struct PlannedStart {
  std::int64_t start_ms;
  bool in_progress;
};

/// Finished calls start in [anchor - days, anchor - 1h) so they end before the anchor; calls still
/// going on started in the last two hours.
std::vector<PlannedStart> DrawStarts(OrgContext const& org) {
  GeneratorSettings const& s = org.settings;
  Rng rng(s.seed, Stream::kStartTimes, 0);
  int const total = std::max(0, s.conversations);
  int const in_progress = std::min(total, static_cast<int>(std::lround(total * s.in_progress_rate)));
  std::int64_t const range_start =
      org.anchor_ms - static_cast<std::int64_t>(std::max(1, s.days)) * 24 * kHourMs;
  std::vector<PlannedStart> starts;
  starts.reserve(total);
  for (int i = 0; i < total; ++i) {
    bool const ongoing = i < in_progress;
    std::int64_t const from = ongoing ? org.anchor_ms - 2 * kHourMs : range_start;
    std::int64_t const to = ongoing ? org.anchor_ms - 10 * kMinuteMs : org.anchor_ms - kHourMs;
    starts.push_back({SampleStartMs(rng, std::min(from, to - 1), to), ongoing});
  }
  std::sort(starts.begin(), starts.end(), [](PlannedStart const& a, PlannedStart const& b) {
    return std::tie(a.start_ms, a.in_progress) < std::tie(b.start_ms, b.in_progress);
  });
  return starts;
}

}  // namespace

GeneratedOrg::GeneratedOrg(GeneratorSettings const& settings) {
  context_.settings = settings;
  context_.anchor_ms = AnchorMs(settings.anchor_epoch_s);
  context_.directory = GenerateDirectory(settings.seed);
  context_.queue_members = QueueMembers(context_.directory);
  context_.org_phone_digits = OrgPhoneDigits(settings.seed);

  auto const starts = DrawStarts(context_);
  summaries_.reserve(starts.size());
  id_index_.reserve(starts.size());
  for (std::uint32_t i = 0; i < starts.size(); ++i) {
    ConversationPlan const plan = PlanConversation(context_, i, starts[i].start_ms, starts[i].in_progress);
    ConversationSummary summary;
    summary.start_ms = plan.start_ms;
    summary.end_ms = plan.end_ms;
    summary.index = i;
    for (std::size_t leg = 0; leg < plan.legs.size() && leg < 2; ++leg) {
      summary.queue_indexes[leg] = plan.legs[leg].queue;
      summary.agent_indexes[leg] = plan.legs[leg].agent;
    }
    if (!plan.in_progress) summary.wrap_up_index = plan.legs.back().wrap_up;
    summary.inbound = plan.inbound;
    summary.has_transcript = plan.has_transcript;
    summaries_.push_back(summary);
    id_index_.push_back({ConversationIdOf(settings.seed, i), i});
  }
  std::sort(id_index_.begin(), id_index_.end(),
            [](IdEntry const& a, IdEntry const& b) { return a.id < b.id; });
}

ConversationPlan GeneratedOrg::Plan(std::size_t i) const {
  ConversationSummary const& summary = summaries_.at(i);
  return PlanConversation(context_, static_cast<std::uint32_t>(i), summary.start_ms, summary.end_ms == 0);
}

Conversation GeneratedOrg::Expand(std::size_t i) const {
  return ExpandConversation(context_, Plan(i));
}

std::string GeneratedOrg::CommunicationId(std::size_t i) const {
  return ToString(MakeConversationIds(context_.settings.seed, summaries_.at(i).index).customer.session);
}

std::optional<std::size_t> GeneratedOrg::Find(std::string const& conversation_id) const {
  auto const id = ParseUuid(conversation_id);
  if (!id) return std::nullopt;
  auto const it = std::lower_bound(id_index_.begin(), id_index_.end(), *id,
                                   [](IdEntry const& entry, Uuid const& key) { return entry.id < key; });
  if (it == id_index_.end() || it->id != *id) return std::nullopt;
  return it->index;
}

std::optional<TranscriptDocument> GeneratedOrg::Transcript(std::size_t i) const {
  ConversationPlan const plan = Plan(i);
  if (!plan.has_transcript) return std::nullopt;
  return BuildTranscript(context_, plan, BuildDialogue(context_, plan));
}

std::optional<StaMetrics> GeneratedOrg::Sta(std::size_t i) const {
  ConversationPlan const plan = Plan(i);
  if (!plan.has_transcript) return std::nullopt;
  return ComputeSta(context_, plan, BuildTranscript(context_, plan, BuildDialogue(context_, plan)));
}

Truth GeneratedOrg::TruthOf(std::size_t i) const {
  return TruthAndSentiment(i).first;
}

std::pair<Truth, std::optional<double>> GeneratedOrg::TruthAndSentiment(std::size_t i) const {
  ConversationPlan const plan = Plan(i);
  Truth truth;
  truth.conversation_id = ToString(ConversationIdOf(context_.settings.seed, i));
  truth.has_transcript = plan.has_transcript;
  if (!plan.has_transcript) return {std::move(truth), std::nullopt};
  Dialogue dialogue = BuildDialogue(context_, plan);
  double const sentiment = SentimentScore(dialogue);
  std::vector<Words const*> agent_text, customer_text;
  for (auto const& line : dialogue.lines)
    (line.who == Who::kAgent ? agent_text : customer_text).push_back(&line.words);
  truth.agent_keywords = VocabularyWordsIn(agent_text);
  truth.customer_keywords = VocabularyWordsIn(customer_text);
  truth.pii = std::move(dialogue.pii);
  return {std::move(truth), sentiment};
}

std::size_t GeneratedOrg::ConversationBytes() const {
  return summaries_.capacity() * sizeof(ConversationSummary) + id_index_.capacity() * sizeof(IdEntry);
}

}  // namespace gctq_emulator::gen

namespace gctq_emulator {

std::unique_ptr<Org> GenerateOrg(GeneratorSettings const& settings) {
  return std::make_unique<gen::GeneratedOrg>(settings);
}

}  // namespace gctq_emulator
