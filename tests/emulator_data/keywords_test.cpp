#include <gtest/gtest.h>

#include <algorithm>
#include <set>

#include "emulator_data/test_org.h"

namespace gctq_emulator::testing {
namespace {

std::vector<std::string> ScanSpeaker(TranscriptDocument const& transcript, std::string const& purpose,
                                     std::set<std::string> const& vocabulary) {
  std::set<std::string> found;
  for (auto const& phrase : transcript.phrases) {
    if (phrase.participant_purpose != purpose) continue;
    for (auto const& token : Tokens(phrase.text))
      if (vocabulary.count(token)) found.insert(token);
  }
  return {found.begin(), found.end()};
}

TEST(GeneratorKeywords, VocabularyIsSortedWholeWordsWithoutLabelWords) {
  auto const vocabulary = KeywordVocabulary();
  EXPECT_GE(vocabulary.size(), 20u);
  EXPECT_TRUE(std::is_sorted(vocabulary.begin(), vocabulary.end()));
  EXPECT_EQ(std::set<std::string>(vocabulary.begin(), vocabulary.end()).size(), vocabulary.size());
  for (auto label_word : {"card", "number", "expiry", "date", "phone", "email", "name", "postal", "code",
                          "national", "id", "personal", "info", "user", "location"}) {
    EXPECT_EQ(std::count(vocabulary.begin(), vocabulary.end(), label_word), 0) << label_word;
  }
}

TEST(GeneratorKeywords, TruthMatchesAWholeWordScanOfEveryTranscript) {
  Org const& org = SharedOrg();
  auto const list = KeywordVocabulary();
  std::set<std::string> const vocabulary(list.begin(), list.end());
  std::set<std::string> seen;
  for (std::size_t i = 0; i < org.size(); ++i) {
    Truth const truth = org.TruthOf(i);
    auto const transcript = org.Transcript(i);
    ASSERT_EQ(truth.has_transcript, transcript.has_value());
    if (!transcript) {
      EXPECT_TRUE(truth.agent_keywords.empty() && truth.customer_keywords.empty());
      continue;
    }
    EXPECT_EQ(truth.agent_keywords, ScanSpeaker(*transcript, "internal", vocabulary)) << i;
    EXPECT_EQ(truth.customer_keywords, ScanSpeaker(*transcript, "external", vocabulary)) << i;
    seen.insert(truth.agent_keywords.begin(), truth.agent_keywords.end());
    seen.insert(truth.customer_keywords.begin(), truth.customer_keywords.end());
  }
  EXPECT_EQ(seen, vocabulary);  // Every vocabulary word turns up somewhere.
}

TEST(GeneratorKeywords, LongerWordsContainingAKeywordDoNotCount) {
  Org const& org = SharedOrg();
  int traps = 0;
  for (std::size_t i = 0; i < org.size(); ++i) {
    auto const transcript = org.Transcript(i);
    if (!transcript) continue;
    Truth const truth = org.TruthOf(i);
    for (auto const& [longer, keyword] :
         std::vector<std::pair<std::string, std::string>>{{"cancellation", "cancel"},
                                                          {"refunded", "refund"},
                                                          {"latest", "late"},
                                                          {"passwords", "password"}}) {
      bool longer_said = false, keyword_said = false;
      for (auto const& phrase : transcript->phrases) {
        if (phrase.participant_purpose != "external") continue;
        auto const tokens = Tokens(phrase.text);
        longer_said |= std::count(tokens.begin(), tokens.end(), longer) > 0;
        keyword_said |= std::count(tokens.begin(), tokens.end(), keyword) > 0;
      }
      if (!longer_said || keyword_said) continue;
      ++traps;
      EXPECT_EQ(std::count(truth.customer_keywords.begin(), truth.customer_keywords.end(), keyword), 0);
    }
  }
  EXPECT_GT(traps, 10);
}

}  // namespace
}  // namespace gctq_emulator::testing
