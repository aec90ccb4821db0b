#include "generator/sta_gen.h"

#include <algorithm>
#include <cmath>

namespace gctq_emulator::gen {
namespace {

double Round(double value, double unit) {
  return std::round(value / unit) * unit;
}

std::string TrendClass(double trend) {
  if (trend <= -0.3) return "Declining";
  if (trend <= -0.1) return "SlightlyDeclining";
  if (trend < 0.1) return "NoChange";
  if (trend < 0.3) return "SlightlyImproving";
  return "Improving";
}

double ScoreOf(int sum, int voiced) {
  return Round(static_cast<double>(sum) / (voiced + 2), 0.001);
}

}  // namespace

double SentimentScore(std::vector<Phrase> const& phrases, std::size_t from, std::size_t to) {
  int sum = 0, voiced = 0;
  for (std::size_t i = from; i < to; ++i) {
    if (phrases[i].participant_purpose != "external" || phrases[i].sentiment == 0) continue;
    sum += phrases[i].sentiment;
    ++voiced;
  }
  return ScoreOf(sum, voiced);
}

double SentimentScore(Dialogue const& dialogue) {
  int sum = 0, voiced = 0;
  for (auto const& line : dialogue.lines) {
    if (line.who != Who::kCustomer || line.sentiment == 0) continue;
    sum += line.sentiment;
    ++voiced;
  }
  return ScoreOf(sum, voiced);
}

StaMetrics ComputeSta(OrgContext const& org, ConversationPlan const& plan,
                      TranscriptDocument const& transcript) {
  auto const& phrases = transcript.phrases;
  StaMetrics sta;
  sta.sentiment_score = SentimentScore(phrases, 0, phrases.size());
  std::size_t customer_phrases = 0;
  for (auto const& phrase : phrases) customer_phrases += phrase.participant_purpose == "external";
  if (customer_phrases < 4) {
    sta.sentiment_trend_class = "NotCalculated";
  } else {
    std::size_t const half = phrases.size() / 2;
    sta.sentiment_trend = Round(
        (SentimentScore(phrases, half, phrases.size()) - SentimentScore(phrases, 0, half)) / 2.0, 0.001);
    sta.sentiment_trend_class = TrendClass(sta.sentiment_trend);
  }

  for (std::size_t leg = 0; leg < plan.legs.size(); ++leg) {
    // Agent phrases of this leg: the transfer splits the agent side in time.
    std::int64_t const from = plan.legs[leg].answer_ms, to = plan.legs[leg].talk_end_ms;
    int spoken = 0, warm = 0;
    for (auto const& phrase : phrases) {
      if (phrase.participant_purpose != "internal" || phrase.start_ms < from || phrase.start_ms >= to)
        continue;
      ++spoken;
      warm += phrase.sentiment > 0;
    }
    double const score = spoken ? 0.45 + 0.5 * warm / spoken : 0.45;
    sta.empathy_scores.push_back({org.directory.agents[plan.legs[leg].agent].user_id, Round(score, 0.01)});
  }

  double const total_ms = static_cast<double>(std::max<std::int64_t>(1, plan.end_ms - plan.start_ms));
  std::int64_t agent_ms = 0, customer_ms = 0, acd_ms = 0, held_ms = 0;
  for (auto const& phrase : phrases) {
    (phrase.participant_purpose == "internal" ? agent_ms : customer_ms) += phrase.duration_ms;
  }
  for (auto const& leg : plan.legs) {
    if (plan.inbound) acd_ms += leg.answer_ms - leg.acd_start_ms;
    for (auto const& hold : leg.holds) held_ms += hold.end_ms - hold.start_ms;
  }
  auto percent = [&](std::int64_t ms) { return Round(100.0 * static_cast<double>(ms) / total_ms, 0.1); };
  sta.agent_pct = percent(agent_ms);
  sta.customer_pct = percent(customer_ms);
  sta.ivr_pct = percent(plan.inbound ? plan.ivr_end_ms - plan.ivr_start_ms : 0);
  sta.acd_pct = percent(acd_ms);
  sta.other_pct = percent(held_ms);
  sta.overtalk_pct = 0;
  sta.overtalk_count = 0;
  sta.silence_pct = Round(
      std::max(0.0, 100.0 - sta.agent_pct - sta.customer_pct - sta.ivr_pct - sta.acd_pct - sta.other_pct),
      0.1);
  return sta;
}

}  // namespace gctq_emulator::gen
