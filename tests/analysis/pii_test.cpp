#include <gtest/gtest.h>

#include "analysis/pii_validators.h"
#include "analysis/transcript_builder.h"
#include "gctq/analysis/analyzer.h"

namespace gctq::analysis {
namespace {

using testing::TranscriptBuilder;

std::vector<PiiFinding> Findings(TranscriptBuilder const& b) {
  static auto analyzer = Analyzer::Create({});
  auto result = analyzer->Analyze(b.Json());
  EXPECT_TRUE(result.ok());
  return result.ok() ? result->findings : std::vector<PiiFinding>{};
}

std::vector<PiiType> Types(TranscriptBuilder const& b) {
  std::vector<PiiType> types;
  for (auto const& f : Findings(b)) types.push_back(f.type);
  return types;
}

TEST(PiiValidatorsTest, Luhn) {
  EXPECT_TRUE(pii::LuhnValid("4111111111111111"));
  EXPECT_TRUE(pii::LuhnValid("378282246310005"));
  EXPECT_FALSE(pii::LuhnValid("4111111111111112"));
  EXPECT_FALSE(pii::LuhnValid(""));
}

TEST(PiiValidatorsTest, CardPrefix) {
  EXPECT_TRUE(pii::CardPrefixPlausible("2223003122003222"));
  EXPECT_FALSE(pii::CardPrefixPlausible("9111111111111111"));
  EXPECT_FALSE(pii::CardPrefixPlausible("5011111111111111"));
}

TEST(PiiValidatorsTest, SsnRanges) {
  EXPECT_TRUE(pii::SsnValid("512346789"));
  std::string why;
  EXPECT_FALSE(pii::SsnValid("000123456", &why));
  EXPECT_EQ(why, "area number 000, 666 or 9xx is never issued");
  EXPECT_FALSE(pii::SsnValid("666123456"));
  EXPECT_FALSE(pii::SsnValid("912345678"));
  EXPECT_FALSE(pii::SsnValid("123001234"));
  EXPECT_FALSE(pii::SsnValid("123450000"));
  EXPECT_FALSE(pii::SsnValid("078051120"));
}

TEST(PiiValidatorsTest, PhoneIbanEmail) {
  EXPECT_TRUE(pii::NanpValid("2125550147"));
  EXPECT_FALSE(pii::NanpValid("1125550147"));
  EXPECT_FALSE(pii::NanpValid("2115550147"));
  EXPECT_TRUE(pii::IbanMod97Valid("GB82WEST12345698765432"));
  EXPECT_TRUE(pii::IbanMod97Valid("gb82west12345698765432"));
  EXPECT_FALSE(pii::IbanMod97Valid("GB83WEST12345698765432"));
  EXPECT_EQ(pii::IbanLength("de"), 22u);
  EXPECT_TRUE(pii::IsEmailTld("com"));
  EXPECT_EQ(pii::MaskKeepLast("4111111111111111", 4), "************1111");
  EXPECT_EQ(pii::MaskKeepLast("123", 4), "**3");  // never the whole of a short value
}

TEST(PiiDetectorsTest, SpokenCardWithOhDoubleAndSplitPhrases) {
  EXPECT_EQ(Types(TranscriptBuilder{}.Customer(
                0, "it's six oh one one one one one one one one one one one one one seven")),
            std::vector<PiiType>{PiiType::kCardNumber});
  EXPECT_EQ(
      Types(TranscriptBuilder{}.Customer(0, "four triple one triple one triple one triple one triple one")),
      std::vector<PiiType>{PiiType::kCardNumber});
  auto split = Findings(TranscriptBuilder{}
                            .Customer(0, "card is four one one one one one one one")
                            .Agent(3000, "yes")
                            .Customer(5000, "one one one one")
                            .Customer(8000, "one one one one"));
  ASSERT_EQ(split.size(), 1u);
  EXPECT_EQ(split[0].phrase_indexes, (std::vector<std::uint32_t>{0, 2, 3}));
  EXPECT_EQ(split[0].speaker, Speaker::kCustomer);
  EXPECT_EQ(split[0].preview, "************1111");
}

TEST(PiiDetectorsTest, OhOnlyBetweenDigits) {
  // "oh" at the start is not a zero: 15 digits remain, no valid card.
  EXPECT_TRUE(Types(TranscriptBuilder{}.Customer(
                        0, "oh four one one one one one one one one one one one one one one"))
                  .size() <= 1);
  EXPECT_TRUE(Types(TranscriptBuilder{}.Customer(0, "oh okay thanks")).empty());
}

TEST(PiiDetectorsTest, CardHardNegatives) {
  EXPECT_TRUE(Types(TranscriptBuilder{}.Customer(0, "card 4111 1111 1111 1112")).empty());  // Luhn fails
  EXPECT_TRUE(Types(TranscriptBuilder{}.Customer(0, "my order number is 4111 1111 1111 1111")).empty());
  EXPECT_TRUE(Types(TranscriptBuilder{}.Customer(0, "it costs $1,234.56 on 03/05/2024 at 10:30")).empty());
  EXPECT_TRUE(Types(TranscriptBuilder{}.Customer(0, "my card is **** **** **** 1111")).empty());
  EXPECT_TRUE(Types(TranscriptBuilder{}.Customer(0, "card 411111******1111")).empty());
  EXPECT_EQ(Types(TranscriptBuilder{}.Customer(0, "card 41111111 **** 1111")),
            std::vector<PiiType>{PiiType::kCardNumber});
}

TEST(PiiDetectorsTest, SsnNeedsContextOrShape) {
  EXPECT_EQ(
      Types(TranscriptBuilder{}.Customer(0, "my social is five one two three four six seven eight nine")),
      std::vector<PiiType>{PiiType::kSsn});
  EXPECT_EQ(Types(TranscriptBuilder{}.Customer(0, "it is 512-34-6789")), std::vector<PiiType>{PiiType::kSsn});
  EXPECT_TRUE(Types(TranscriptBuilder{}.Customer(0, "my social is 666-12-3456")).empty());
  EXPECT_TRUE(Types(TranscriptBuilder{}.Customer(0, "zip 12345-6789")).empty());
  auto f = Findings(TranscriptBuilder{}.Customer(0, "ssn 512 34 6789"));
  ASSERT_EQ(f.size(), 1u);
  EXPECT_EQ(f[0].preview, "***-**-6789");
}

TEST(PiiDetectorsTest, Phone) {
  EXPECT_EQ(Types(TranscriptBuilder{}.Customer(0, "call me at two one two five five five oh one four seven")),
            std::vector<PiiType>{PiiType::kPhone});
  EXPECT_EQ(Types(TranscriptBuilder{}.Customer(0, "it's 212.555.0147")),
            std::vector<PiiType>{PiiType::kPhone});
  EXPECT_TRUE(Types(TranscriptBuilder{}.Customer(0, "extension 4567")).empty());
  EXPECT_TRUE(Types(TranscriptBuilder{}.Customer(0, "account number 2125550147")).empty());
}

TEST(PiiDetectorsTest, EmailsSpokenAndWritten) {
  auto f = Findings(TranscriptBuilder{}.Customer(0, "my email is john dot smith at example dot com"));
  ASSERT_EQ(f.size(), 1u);
  EXPECT_EQ(f[0].type, PiiType::kEmail);
  EXPECT_EQ(f[0].preview, "j***@e***.com");
  EXPECT_EQ(Types(TranscriptBuilder{}.Customer(0, "write to jane_doe@example.org")),
            std::vector<PiiType>{PiiType::kEmail});
  EXPECT_TRUE(Types(TranscriptBuilder{}.Agent(0, "look at the website dot com page")).empty());
}

TEST(PiiDetectorsTest, IbanExpiryCvvName) {
  EXPECT_EQ(Types(TranscriptBuilder{}.Customer(0, "GB82 WEST 1234 5698 7654 32")),
            std::vector<PiiType>{PiiType::kIban});
  EXPECT_TRUE(Types(TranscriptBuilder{}.Customer(0, "GB83 WEST 1234 5698 7654 32")).empty());
  EXPECT_EQ(Types(TranscriptBuilder{}.Customer(0, "it expires twelve twenty five")),
            std::vector<PiiType>{PiiType::kCardExpiry});
  EXPECT_TRUE(Types(TranscriptBuilder{}.Customer(0, "it expires in twelve months")).empty());
  EXPECT_EQ(Types(TranscriptBuilder{}.Agent(0, "and the cvv").Customer(2000, "four five six")),
            std::vector<PiiType>{PiiType::kCardCvv});
  auto name = Findings(TranscriptBuilder{}.Customer(0, "hi my name is John Carter"));
  ASSERT_EQ(name.size(), 1u);
  EXPECT_EQ(name[0].preview, "J***");
  EXPECT_TRUE(Types(TranscriptBuilder{}.Customer(0, "my name is [name]")).empty());
  EXPECT_TRUE(Types(TranscriptBuilder{}.Customer(0, "my name is on the account")).empty());
}

TEST(PiiDetectorsTest, FindingsNeverContainTheValue) {
  auto f = Findings(
      TranscriptBuilder{}.Customer(0, "card 4111 1111 1111 1111 and ssn 512-34-6789 phone 212-555-0147"));
  ASSERT_EQ(f.size(), 3u);
  for (auto const& finding : f) {
    EXPECT_EQ(finding.preview.find("41111111"), std::string::npos);
    EXPECT_EQ(finding.reason.find("4111"), std::string::npos);
    EXPECT_EQ(finding.reason.find("512"), std::string::npos);
    EXPECT_EQ(finding.preview.find("555"), std::string::npos);
  }
}

}  // namespace
}  // namespace gctq::analysis
