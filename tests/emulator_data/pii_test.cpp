#include <gtest/gtest.h>

#include <algorithm>
#include <map>
#include <set>

#include "emulator_data/test_org.h"

namespace gctq_emulator::testing {
namespace {

std::vector<std::string> WordsOf(TranscriptDocument const& transcript, std::vector<int> const& indexes) {
  std::vector<std::string> words;
  for (int index : indexes)
    for (auto const& word : transcript.phrases.at(index).words) words.push_back(word.word);
  return words;
}

bool IsLabel(std::string const& word) {
  return word.size() > 2 && word.front() == '[' && word.back() == ']';
}

bool IbanMod97(std::string const& iban) {
  std::string const rearranged = iban.substr(4) + iban.substr(0, 4);
  int remainder = 0;
  for (char c : rearranged) {
    std::string const digits =
        std::isdigit(static_cast<unsigned char>(c)) ? std::string(1, c) : std::to_string(c - 'A' + 10);
    for (char d : digits) remainder = (remainder * 10 + (d - '0')) % 97;
  }
  return remainder == 1;
}

struct Counts {
  std::map<std::string, int> leaked, masked;
  int split_leaks = 0, agent_speaker = 0;
};

Counts CheckEveryInstance(Org const& org) {
  Counts counts;
  for (std::size_t i = 0; i < org.size(); ++i) {
    Truth const truth = org.TruthOf(i);
    if (truth.pii.empty()) continue;
    auto const transcript = org.Transcript(i);
    EXPECT_TRUE(transcript.has_value());
    if (!transcript) continue;
    for (auto const& pii : truth.pii) {
      SCOPED_TRACE(truth.conversation_id + " " + pii.type);
      EXPECT_FALSE(pii.phrase_indexes.empty());
      std::string const purpose = pii.speaker == "agent" ? "internal" : "external";
      for (std::size_t k = 0; k < pii.phrase_indexes.size(); ++k) {
        EXPECT_EQ(transcript->phrases.at(pii.phrase_indexes[k]).participant_purpose, purpose);
        if (k) {  // Consecutive phrases of the same speaker.
          EXPECT_EQ(pii.phrase_indexes[k], pii.phrase_indexes[k - 1] + 1);
        }
      }
      auto const words = WordsOf(*transcript, pii.phrase_indexes);
      bool const has_label = std::any_of(words.begin(), words.end(), IsLabel);
      EXPECT_EQ(has_label, pii.masked);
      (pii.masked ? counts.masked : counts.leaked)[pii.type]++;
      counts.agent_speaker += pii.speaker == "agent";
      if (pii.masked) continue;
      counts.split_leaks += pii.phrase_indexes.size() > 1;
      std::string const digits = DecodeSpokenDigits(words);
      if (pii.type == "card_number") {
        EXPECT_EQ(digits.size(), 16u);
        EXPECT_TRUE(PassesLuhn(digits)) << digits;
      } else if (pii.type == "ssn") {
        EXPECT_EQ(digits.size(), 9u);
        if (digits.size() != 9) continue;
        std::string const area = digits.substr(0, 3);
        EXPECT_NE(area, "000");
        EXPECT_NE(area, "666");
        EXPECT_NE(area[0], '9');
        EXPECT_NE(digits.substr(3, 2), "00");
        EXPECT_NE(digits.substr(5), "0000");
      } else if (pii.type == "phone") {
        EXPECT_EQ(digits.size(), 10u);
        EXPECT_GE(digits[0], '2');
      } else if (pii.type == "iban") {
        std::string const iban = DecodeSpokenAlphanumeric(words);
        EXPECT_TRUE(IbanMod97(iban)) << iban;
      } else if (pii.type == "email") {
        EXPECT_NE(std::find(words.begin(), words.end(), "at"), words.end());
        EXPECT_NE(std::find(words.begin(), words.end(), "dot"), words.end());
      } else if (pii.type == "name") {
        EXPECT_TRUE(
            std::any_of(words.begin(), words.end(), [](auto const& w) { return std::isupper(w[0]); }));
      } else if (pii.type == "postal_code") {
        EXPECT_EQ(digits.size(), 5u);
      } else if (pii.type == "cvv") {
        EXPECT_EQ(digits.size(), 3u);
      }
    }
  }
  return counts;
}

TEST(GeneratorPii, EveryInstanceDecodesToValidData) {
  Counts const counts = CheckEveryInstance(SharedOrg());
  for (auto type :
       {"card_number", "card_expiry", "cvv", "ssn", "phone", "email", "iban", "name", "postal_code"}) {
    EXPECT_GT(counts.leaked.count(type) ? counts.leaked.at(type) : 0, 3) << type;
    EXPECT_GT(counts.masked.count(type) ? counts.masked.at(type) : 0, 3) << type;
  }
  EXPECT_GT(counts.split_leaks, 20);
  EXPECT_GT(counts.agent_speaker, 5);
}

TEST(GeneratorPii, RatesControlHowMuchPiiThereIs) {
  GeneratorSettings none = SmallSettings(3, 300);
  none.pii_leak_rate = 0;
  none.pii_mask_rate = 0;
  auto const clean = GenerateOrg(none);
  for (std::size_t i = 0; i < clean->size(); ++i) EXPECT_TRUE(clean->TruthOf(i).pii.empty());

  GeneratorSettings all = none;
  all.pii_leak_rate = 1;
  auto const leaky = GenerateOrg(all);
  for (std::size_t i = 0; i < leaky->size(); ++i) {
    Truth const truth = leaky->TruthOf(i);
    if (!truth.has_transcript) continue;
    ASSERT_FALSE(truth.pii.empty()) << i;
    for (auto const& pii : truth.pii) EXPECT_FALSE(pii.masked);
  }
}

TEST(GeneratorPii, HardNegativesAppearOutsideAnyInstance) {
  Org const& org = SharedOrg();
  int order_numbers = 0, extensions = 0;
  for (std::size_t i = 0; i < org.size(); i += 2) {
    auto const transcript = org.Transcript(i);
    if (!transcript) continue;
    std::set<int> pii_phrases;
    for (auto const& pii : org.TruthOf(i).pii)
      pii_phrases.insert(pii.phrase_indexes.begin(), pii.phrase_indexes.end());
    for (auto const& phrase : transcript->phrases) {
      if (pii_phrases.count(phrase.phrase_index)) continue;
      bool const order = phrase.text.find("order ") != std::string::npos;
      bool const extension = phrase.text.find("extension ") != std::string::npos;
      std::vector<std::string> words;
      for (auto const& w : phrase.words) words.push_back(w.word);
      bool const digits = DecodeSpokenDigits(words).size() >= 4;
      order_numbers += order && digits;
      extensions += extension && digits;
    }
  }
  EXPECT_GT(order_numbers, 20);
  EXPECT_GT(extensions, 5);
}

}  // namespace
}  // namespace gctq_emulator::testing
