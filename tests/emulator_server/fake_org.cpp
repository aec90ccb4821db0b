#include "emulator_server/fake_org.h"

#include <cstdio>
#include <vector>

namespace gctq_emulator::testing {
namespace {

constexpr std::int64_t kMinute = 60'000, kDay = 86'400'000;

struct Spec {
  std::int64_t start_ms;
  std::int64_t duration_ms;  ///< 0: in progress.
  bool inbound;
  char const* queue;
  char const* agent;
  char const* wrap_up;
  char const* division;
  bool transcript;
};

std::string Id(char prefix, std::size_t index) {
  char buffer[48];
  std::snprintf(buffer, sizeof buffer, "%c0000000-0000-4000-8000-%012zu", prefix, index);
  return buffer;
}

class FakeOrg final : public Org {
 public:
  FakeOrg(std::vector<Spec> specs) : specs_(std::move(specs)) {
    directory_.organization_id = kOrgId;
    directory_.divisions = {{kDivision1, "Home"}, {kDivision2, "Sales"}};
    directory_.queues = {{kQueue1, "Support", kDivision1}, {kQueue2, "Sales", kDivision2}};
    directory_.agents = {{kAgent1, "Ada Agent", kDivision1}, {kAgent2, "Bob Agent", kDivision2}};
    directory_.wrap_up_codes = {{kWrapUp1, "Resolved"}, {kWrapUp2, "Callback"}};
    for (std::size_t i = 0; i < specs_.size(); ++i) {
      std::int64_t const end = specs_[i].duration_ms ? specs_[i].start_ms + specs_[i].duration_ms : 0;
      summaries_.push_back({specs_[i].start_ms, end, std::uint32_t(i)});
    }
  }

  Directory const& directory() const override { return directory_; }
  std::size_t size() const override { return specs_.size(); }
  ConversationSummary const& summary(std::size_t i) const override { return summaries_[i]; }
  std::string CommunicationId(std::size_t i) const override { return Id('5', i); }

  std::optional<std::size_t> Find(std::string const& conversation_id) const override {
    for (std::size_t i = 0; i < specs_.size(); ++i)
      if (FakeConversationId(i) == conversation_id) return i;
    return std::nullopt;
  }

  Conversation Expand(std::size_t i) const override {
    Spec const& spec = specs_[i];
    std::int64_t const start = spec.start_ms;
    std::optional<std::int64_t> end;
    if (spec.duration_ms) end = start + spec.duration_ms;
    std::string const direction = spec.inbound ? "inbound" : "outbound";
    std::string const customer_number = "tel:+1555000" + std::to_string(1000 + i),
                      our_number = "tel:+18005550100";
    Conversation conversation;
    conversation.conversation_id = FakeConversationId(i);
    conversation.start_ms = start;
    conversation.end_ms = end;
    conversation.originating_direction = direction;
    conversation.division_ids = {spec.division};
    conversation.t_conversation_duration_ms = spec.duration_ms;

    Session customer{CommunicationId(i),
                     "voice",
                     direction,
                     spec.inbound ? customer_number : our_number,
                     spec.inbound ? our_number : customer_number,
                     "",
                     std::nullopt,
                     {},
                     {}};
    customer.segments.push_back({start, end, "interact", spec.queue, "", end ? "peer" : ""});
    Session acd{Id('6', i),   "voice", direction, customer.ani, customer.dnis, CommunicationId(i),
                std::nullopt, {},      {}};
    acd.segments.push_back({start, start + 5000, "interact", spec.queue, "", "transfer"});
    Session agent{Id('7', i), "voice", direction, customer.ani, customer.dnis, CommunicationId(i),
                  true,       {},      {}};
    agent.segments.push_back({start + 5000, start + 8000, "alert", spec.queue, "", ""});
    std::int64_t const talk_end = end ? *end - 10'000 : start + 9000;
    agent.segments.push_back(
        {start + 8000, end ? std::optional(talk_end) : std::nullopt, "interact", spec.queue, "", ""});
    if (end) {
      agent.segments.push_back({talk_end, end, "wrapup", spec.queue, spec.wrap_up, "client"});
      agent.metrics = {{"tTalk", talk_end - start - 8000, talk_end}, {"tHandle", *end - start - 8000, *end}};
    }
    conversation.participants = {
        {Id('8', i), "Customer " + std::to_string(i), "customer", "", {customer}},
        {Id('9', i), spec.queue == std::string(kQueue1) ? "Support" : "Sales", "acd", "", {acd}},
        {Id('a', i),
         spec.agent == std::string(kAgent1) ? "Ada Agent" : "Bob Agent",
         "agent",
         spec.agent,
         {agent}},
    };
    return conversation;
  }

  std::optional<StaMetrics> Sta(std::size_t i) const override {
    if (!specs_[i].transcript) return std::nullopt;
    StaMetrics metrics;
    metrics.sentiment_score = 0.4;
    metrics.sentiment_trend = 0.25;
    metrics.sentiment_trend_class = "SlightlyImproving";
    metrics.empathy_scores = {{specs_[i].agent, 0.6}};
    metrics.agent_pct = 41.2, metrics.customer_pct = 38.5, metrics.silence_pct = 12.1, metrics.ivr_pct = 3.0;
    metrics.acd_pct = 2.2, metrics.overtalk_pct = 1.5, metrics.other_pct = 1.5, metrics.overtalk_count = 3;
    return metrics;
  }

  std::optional<TranscriptDocument> Transcript(std::size_t i) const override {
    Spec const& spec = specs_[i];
    if (!spec.transcript || !spec.duration_ms) return std::nullopt;
    TranscriptDocument document;
    document.organization_id = kOrgId;
    document.conversation_id = FakeConversationId(i);
    document.communication_id = CommunicationId(i);
    document.conversation_start_ms = spec.start_ms;
    document.start_ms = spec.start_ms + 8000;
    document.duration_ms = spec.duration_ms - 18'000;
    document.transcript_id = Id('b', i);
    document.program_id = "p0000000-0000-4000-8000-000000000000";
    document.engine_id = "Genesys";
    std::int64_t const t0 = document.start_ms;
    Phrase hello{0, "hello how can I help", "internal", 0.9, 1, 0, t0, 2000, {}, 1};
    hello.words = {{"hello", 0.95, 0, t0, 400}, {"how", 0.9, 500, t0 + 500, 300}};
    Phrase card{1, "my card is [card number]", "external", 0.8, 1, 3000, t0 + 3000, 2500, {}, -1};
    card.words = {{"my", 0.9, 3000, t0 + 3000, 200}, {"[card number]", 1, 3800, t0 + 3800, 900}};
    document.phrases = {hello, card};
    document.topics = {{"t0000000-0000-4000-8000-000000000001", "Payment", "card", "my card", "external", 0.7,
                        3000, t0 + 3000, 2500}};
    document.participants = {
        {"customer", "", spec.queue, spec.division, "tel:+15550001000", "tel:+18005550100",
         spec.inbound ? "inbound" : "outbound", spec.start_ms, spec.start_ms + spec.duration_ms},
        {"agent", spec.agent, spec.queue, spec.division, "tel:+15550001000", "tel:+18005550100",
         spec.inbound ? "inbound" : "outbound", spec.start_ms + 5000, spec.start_ms + spec.duration_ms}};
    return document;
  }

  Truth TruthOf(std::size_t i) const override {
    return Truth{FakeConversationId(i), {}, {}, {}, specs_[i].transcript};
  }

 private:
  std::vector<Spec> specs_;
  std::vector<ConversationSummary> summaries_;
  Directory directory_;
};

}  // namespace

std::string FakeConversationId(std::size_t index) {
  return Id('c', index);
}

std::shared_ptr<Org const> MakeFakeOrg(std::int64_t now_ms, int bulk) {
  std::vector<Spec> specs = {
      {now_ms - 40 * kDay, 60'000, true, kQueue1, kAgent1, kWrapUp1, kDivision1, true},
      {now_ms - 10 * kDay, 60'000, true, kQueue1, kAgent1, kWrapUp1, kDivision1, true},
      {now_ms - 3 * kDay, 120'000, false, kQueue2, kAgent2, kWrapUp2, kDivision2, true},
      {now_ms - 2 * kDay, 180'000, true, kQueue1, kAgent2, kWrapUp1, kDivision1, false},
      {now_ms - 1 * kDay - 6 * 60 * kMinute, 240'000, true, kQueue2, kAgent1, kWrapUp2, kDivision1, true},
  };
  for (int k = 0; k < bulk; ++k)
    specs.push_back({now_ms - 29 * 60 * kMinute + k * 5 * kMinute, 90'000, k % 2 == 0, kQueue1, kAgent1,
                     kWrapUp1, kDivision2, true});
  specs.push_back({now_ms - 10 * kMinute, 0, true, kQueue1, kAgent1, "", kDivision1, false});
  return std::make_shared<FakeOrg>(std::move(specs));
}

}  // namespace gctq_emulator::testing
