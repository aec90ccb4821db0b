#include <gtest/gtest.h>

#include <algorithm>
#include <nlohmann/json.hpp>
#include <set>

#include "emulator_data/test_org.h"

namespace gctq_emulator::testing {
namespace {

nlohmann::json Fingerprint(Conversation const& c) {
  nlohmann::json participants = nlohmann::json::array();
  for (auto const& p : c.participants) {
    nlohmann::json sessions = nlohmann::json::array();
    for (auto const& s : p.sessions) {
      nlohmann::json segments = nlohmann::json::array(), metrics = nlohmann::json::array();
      for (auto const& g : s.segments) {
        segments.push_back({g.start_ms, g.end_ms.value_or(-1), g.segment_type, g.queue_id, g.wrap_up_code,
                            g.disconnect_type});
      }
      for (auto const& m : s.metrics) metrics.push_back({m.name, m.value, m.emit_ms});
      sessions.push_back({s.session_id, s.media_type, s.direction, s.ani, s.dnis, s.peer_id,
                          s.recording.value_or(false), segments, metrics});
    }
    participants.push_back({p.participant_id, p.participant_name, p.purpose, p.user_id, sessions});
  }
  return {c.conversation_id,     c.start_ms,
          c.end_ms.value_or(-1), c.originating_direction,
          c.division_ids,        c.t_conversation_duration_ms,
          participants};
}

nlohmann::json Fingerprint(TranscriptDocument const& t) {
  nlohmann::json phrases = nlohmann::json::array();
  for (auto const& p : t.phrases) {
    nlohmann::json words = nlohmann::json::array();
    for (auto const& w : p.words)
      words.push_back({w.word, w.confidence, w.offset_ms, w.start_ms, w.duration_ms});
    phrases.push_back({p.phrase_index, p.text, p.participant_purpose, p.confidence, p.start_ms, p.duration_ms,
                       p.sentiment, words});
  }
  return {t.conversation_id, t.communication_id, t.transcript_id, t.start_ms, t.duration_ms,
          phrases,           t.topics.size()};
}

TEST(GeneratorDeterminism, SameSettingsGiveIdenticalTruthBytes) {
  auto const first = GenerateOrg(SmallSettings(11, 600));
  auto const second = GenerateOrg(SmallSettings(11, 600));
  std::string const bytes = TruthBytes(*first);
  EXPECT_EQ(std::count(bytes.begin(), bytes.end(), '\n'), 600);
  EXPECT_EQ(bytes, TruthBytes(*second));
}

TEST(GeneratorDeterminism, SameSettingsGiveIdenticalExpansionsAndTranscripts) {
  auto const first = GenerateOrg(SmallSettings(11, 600));
  auto const second = GenerateOrg(SmallSettings(11, 600));
  ASSERT_EQ(first->size(), second->size());
  EXPECT_EQ(first->directory().organization_id, second->directory().organization_id);
  for (std::size_t i = 0; i < first->size(); i += 7) {
    EXPECT_EQ(Fingerprint(first->Expand(i)), Fingerprint(second->Expand(i))) << i;
    auto const a = first->Transcript(i), b = second->Transcript(i);
    ASSERT_EQ(a.has_value(), b.has_value());
    if (a) {
      EXPECT_EQ(Fingerprint(*a), Fingerprint(*b)) << i;
    }
  }
}

TEST(GeneratorDeterminism, ExpandIsStableAcrossCallsInAnyOrder) {
  Org const& org = SharedOrg();
  auto const later = Fingerprint(org.Expand(900));
  for (std::size_t i = 0; i < 50; ++i) (void)org.Expand(i);
  EXPECT_EQ(Fingerprint(org.Expand(900)), later);
  EXPECT_EQ(org.CommunicationId(900), org.CommunicationId(900));
}

TEST(GeneratorDeterminism, DifferentSeedGivesDifferentOrg) {
  auto const first = GenerateOrg(SmallSettings(11, 300));
  auto const second = GenerateOrg(SmallSettings(12, 300));
  EXPECT_NE(first->directory().organization_id, second->directory().organization_id);
  EXPECT_NE(first->Expand(0).conversation_id, second->Expand(0).conversation_id);
  EXPECT_NE(TruthBytes(*first), TruthBytes(*second));
}

TEST(GeneratorDeterminism, IdsAreUuidShapedAndUnique) {
  Org const& org = SharedOrg();
  std::set<std::string> ids;
  auto uuid_shaped = [](std::string const& id) {
    if (id.size() != 36) return false;
    for (std::size_t i = 0; i < id.size(); ++i) {
      bool const dash = i == 8 || i == 13 || i == 18 || i == 23;
      if (dash ? id[i] != '-' : !std::isxdigit(static_cast<unsigned char>(id[i]))) return false;
    }
    return true;
  };
  for (std::size_t i = 0; i < org.size(); ++i) {
    std::string const id = org.TruthOf(i).conversation_id;
    EXPECT_TRUE(uuid_shaped(id)) << id;
    ids.insert(id);
  }
  EXPECT_EQ(ids.size(), org.size());
  for (auto const& queue : org.directory().queues) EXPECT_TRUE(uuid_shaped(queue.id));
  for (auto const& agent : org.directory().agents) EXPECT_TRUE(uuid_shaped(agent.user_id));
}

}  // namespace
}  // namespace gctq_emulator::testing
