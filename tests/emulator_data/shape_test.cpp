#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <set>

#include "emulator_data/test_org.h"

namespace gctq_emulator::testing {
namespace {

constexpr std::int64_t kAnchorMs = kAnchorEpochS * 1000;
constexpr std::int64_t kHourMs = 3'600'000;

std::int64_t MetricValue(Session const& session, std::string const& name) {
  for (auto const& metric : session.metrics)
    if (metric.name == name) return metric.value;
  return 0;
}

TEST(GeneratorShape, ConversationsAreSortedAndInRange) {
  Org const& org = SharedOrg();
  ASSERT_EQ(org.size(), 1500u);
  for (std::size_t i = 0; i < org.size(); ++i) {
    auto const& summary = org.summary(i);
    EXPECT_EQ(summary.index, i);
    EXPECT_GE(summary.start_ms, kAnchorMs - 30 * 24 * kHourMs);
    EXPECT_LT(summary.start_ms, kAnchorMs);
    if (i) {
      EXPECT_LE(org.summary(i - 1).start_ms, summary.start_ms);
    }
    if (summary.end_ms) {
      EXPECT_GT(summary.end_ms, summary.start_ms);
      EXPECT_LE(summary.end_ms, kAnchorMs);
    }
  }
}

TEST(GeneratorShape, SessionsSegmentsAndMetricsAreConsistent) {
  Org const& org = SharedOrg();
  for (std::size_t i = 0; i < org.size(); ++i) {
    SCOPED_TRACE(i);
    Conversation const c = org.Expand(i);
    ASSERT_EQ(org.Find(c.conversation_id), i);
    ASSERT_FALSE(c.participants.empty());
    Participant const& customer = c.participants.front();
    ASSERT_EQ(customer.purpose, "customer");
    std::string const& customer_session = customer.sessions.front().session_id;
    EXPECT_EQ(customer_session, org.CommunicationId(i));
    EXPECT_FALSE(c.division_ids.empty());
    EXPECT_EQ(c.end_ms.has_value(), org.summary(i).end_ms != 0);
    if (c.end_ms) {
      EXPECT_EQ(c.t_conversation_duration_ms, *c.end_ms - c.start_ms);
    }
    bool has_ivr = false;
    for (auto const& p : c.participants) {
      has_ivr |= p.purpose == "ivr";
      ASSERT_EQ(p.sessions.size(), 1u);
      Session const& s = p.sessions.front();
      EXPECT_EQ(s.media_type, "voice");
      EXPECT_EQ(s.direction, c.originating_direction);
      EXPECT_EQ(s.ani.rfind("tel:+1", 0), 0u);
      EXPECT_EQ(s.dnis.rfind("tel:+1", 0), 0u);
      if (&p != &customer) {
        EXPECT_EQ(s.peer_id, customer_session);
      }
      std::int64_t previous_start = c.start_ms, held = 0;
      for (auto const& segment : s.segments) {
        EXPECT_GE(segment.start_ms, previous_start);
        previous_start = segment.start_ms;
        if (segment.end_ms) {
          EXPECT_GE(*segment.end_ms, segment.start_ms);
        }
        if (c.end_ms && segment.segment_type != "wrapup") {
          EXPECT_TRUE(segment.end_ms.has_value());
        }
        if (segment.segment_type == "hold") held += *segment.end_ms - segment.start_ms;
        if (segment.segment_type == "wrapup") {
          EXPECT_FALSE(segment.wrap_up_code.empty());
        }
      }
      if (p.purpose == "agent") {
        EXPECT_FALSE(p.user_id.empty());
        EXPECT_EQ(MetricValue(s, "tHeld"), held);
        if (c.end_ms) {
          EXPECT_GT(MetricValue(s, "tTalk"), 0);
          EXPECT_EQ(MetricValue(s, "tHandle"), MetricValue(s, "tTalk") + held + MetricValue(s, "tAcw"));
        }
      }
    }
    EXPECT_EQ(has_ivr, c.originating_direction == "inbound");
    if (!c.end_ms) {
      EXPECT_GE(c.start_ms, kAnchorMs - 2 * kHourMs);
      bool open_segment = false;
      for (auto const& p : c.participants)
        for (auto const& segment : p.sessions.front().segments) {
          open_segment |= !segment.end_ms.has_value();
          EXPECT_NE(segment.segment_type, "wrapup");
        }
      EXPECT_TRUE(open_segment);
      EXPECT_FALSE(org.Transcript(i).has_value());
    }
  }
}

TEST(GeneratorShape, SummaryFilterFactsMatchTheExpansion) {
  Org const& org = SharedOrg();
  auto const& directory = org.directory();
  for (std::size_t i = 0; i < org.size(); i += 3) {
    auto const& summary = org.summary(i);
    Conversation const c = org.Expand(i);
    EXPECT_EQ(summary.inbound, c.originating_direction == "inbound");
    std::vector<std::string> users;
    for (auto const& p : c.participants)
      if (p.purpose == "agent") users.push_back(p.user_id);
    for (std::size_t leg = 0; leg < 2; ++leg) {
      auto const agent = summary.agent_indexes[leg];
      ASSERT_EQ(agent != ConversationSummary::kNoIndex, leg < users.size());
      if (leg < users.size()) {
        EXPECT_EQ(directory.agents[agent].user_id, users[leg]);
      }
    }
    EXPECT_EQ(summary.has_transcript, org.Transcript(i).has_value());
  }
}

TEST(GeneratorShape, TheMixLooksLikeAContactCentre) {
  Org const& org = SharedOrg();
  int inbound = 0, in_progress = 0, transferred = 0, held = 0, without_transcript = 0, business_hours = 0;
  for (std::size_t i = 0; i < org.size(); ++i) {
    auto const& summary = org.summary(i);
    inbound += summary.inbound;
    in_progress += summary.end_ms == 0;
    transferred += summary.agent_indexes[1] != ConversationSummary::kNoIndex;
    without_transcript += !summary.has_transcript;
    std::int64_t const local_ms = summary.start_ms - 5 * kHourMs;
    int const hour = static_cast<int>(local_ms / kHourMs % 24);
    int const weekday = static_cast<int>((local_ms / (24 * kHourMs) + 4) % 7);
    business_hours += weekday >= 1 && weekday <= 5 && hour >= 8 && hour < 18;
    if (i % 5 == 0) {
      for (auto const& p : org.Expand(i).participants)
        for (auto const& segment : p.sessions.front().segments) held += segment.segment_type == "hold";
    }
  }
  double const n = static_cast<double>(org.size());
  EXPECT_NEAR(inbound / n, 0.75, 0.05);
  EXPECT_EQ(in_progress, 30);
  EXPECT_GT(transferred, 50);
  EXPECT_GT(held, 20);
  EXPECT_NEAR(without_transcript / n, 0.1 + 0.02, 0.04);
  EXPECT_GT(business_hours / n, 0.6);
}

TEST(GeneratorShape, TranscriptsAndStaAgreeWithTheCall) {
  Org const& org = SharedOrg();
  std::set<std::string> topic_names;
  for (std::size_t i = 0; i < org.size(); i += 4) {
    SCOPED_TRACE(i);
    auto const transcript = org.Transcript(i);
    auto const sta = org.Sta(i);
    ASSERT_EQ(transcript.has_value(), sta.has_value());
    if (!transcript) continue;
    EXPECT_EQ(transcript->communication_id, org.CommunicationId(i));
    EXPECT_EQ(transcript->conversation_start_ms, org.summary(i).start_ms);
    std::int64_t const end = transcript->start_ms + transcript->duration_ms, start = transcript->start_ms;
    std::int64_t previous_end = start;
    int customer_sum = 0;
    for (std::size_t p = 0; p < transcript->phrases.size(); ++p) {
      Phrase const& phrase = transcript->phrases[p];
      EXPECT_EQ(phrase.phrase_index, static_cast<int>(p));
      EXPECT_TRUE(phrase.participant_purpose == "internal" || phrase.participant_purpose == "external");
      EXPECT_GE(phrase.start_ms, previous_end);
      EXPECT_LE(phrase.start_ms + phrase.duration_ms, end);
      EXPECT_EQ(phrase.offset_ms, phrase.start_ms - start);
      previous_end = phrase.start_ms + phrase.duration_ms;
      EXPECT_TRUE(phrase.sentiment >= -1 && phrase.sentiment <= 1);
      if (phrase.participant_purpose == "external") customer_sum += phrase.sentiment;
      ASSERT_FALSE(phrase.words.empty());
      for (auto const& word : phrase.words) {
        EXPECT_GE(word.start_ms, phrase.start_ms);
        EXPECT_LE(word.start_ms + word.duration_ms, phrase.start_ms + phrase.duration_ms);
        EXPECT_EQ(word.offset_ms, word.start_ms - start);
      }
    }
    EXPECT_GE(sta->sentiment_score, -1.0);
    EXPECT_LE(sta->sentiment_score, 1.0);
    EXPECT_EQ(sta->sentiment_score > 0, customer_sum > 0);
    EXPECT_EQ(sta->sentiment_score < 0, customer_sum < 0);
    double const total = sta->agent_pct + sta->customer_pct + sta->silence_pct + sta->ivr_pct + sta->acd_pct +
                         sta->overtalk_pct + sta->other_pct;
    EXPECT_NEAR(total, 100.0, 0.5);
    EXPECT_FALSE(sta->empathy_scores.empty());
    for (auto const& topic : transcript->topics) {
      EXPECT_NE((" " + topic.transcript_phrase + " ").find(" " + topic.topic_phrase + " "),
                std::string::npos);
      topic_names.insert(topic.topic_name);
    }
  }
  EXPECT_GE(topic_names.size(), 15u);
}

TEST(GeneratorShape, NoSpeechDuringHolds) {
  Org const& org = SharedOrg();
  int checked = 0;
  for (std::size_t i = 0; i < org.size() && checked < 40; ++i) {
    auto const transcript = org.Transcript(i);
    if (!transcript) continue;
    for (auto const& p : org.Expand(i).participants)
      for (auto const& segment : p.sessions.front().segments) {
        if (segment.segment_type != "hold") continue;
        ++checked;
        for (auto const& phrase : transcript->phrases) {
          bool const overlaps =
              phrase.start_ms < *segment.end_ms && phrase.start_ms + phrase.duration_ms > segment.start_ms;
          EXPECT_FALSE(overlaps) << i << " phrase " << phrase.phrase_index;
        }
      }
  }
  EXPECT_GT(checked, 10);
}

}  // namespace
}  // namespace gctq_emulator::testing
