#include <gtest/gtest.h>

#include "analysis/transcript_builder.h"
#include "gctq/analysis/tokens.h"

namespace gctq::analysis {
namespace {

std::vector<std::string> Words(std::string_view text) {
  return NormalizeWords(text);
}

TEST(NormalizerTest, AsciiCaseAndPunctuation) {
  EXPECT_EQ(Words("Hello,   WORLD!  It's  fine."),
            (std::vector<std::string>{"hello", "world", "it's", "fine"}));
  EXPECT_EQ(Words("don`t"), (std::vector<std::string>{"don't"}));
  EXPECT_EQ(Words("'quoted'"), (std::vector<std::string>{"quoted"}));
}

TEST(NormalizerTest, UnicodeNfkcCaseFoldAndApostrophes) {
  EXPECT_EQ(Words("Don\u2019t STRASSE Stra\u00DFe"),
            (std::vector<std::string>{"don't", "strasse", "strasse"}));
  EXPECT_EQ(Words("\uFF32\uFF25\uFF26\uFF35\uFF2E\uFF24"),
            (std::vector<std::string>{"refund"}));  // fullwidth
  EXPECT_EQ(Words("caf\u0065\u0301 Caf\u00E9"),
            (std::vector<std::string>{"caf\u00E9", "caf\u00E9"}));     // NFC + fold
  EXPECT_EQ(Words("\uFB01nal"), (std::vector<std::string>{"final"}));  // ligature
}

TEST(NormalizerTest, NumbersKeepSeparatorsBetweenDigits) {
  EXPECT_EQ(Words("$12.50 at 10:30 on 09/26, 4111-1111"),
            (std::vector<std::string>{"12.50", "at", "10:30", "on", "09/26", "4111", "1111"}));
}

TEST(NormalizerTest, MasksBecomeMaskTokens) {
  Transcript t;
  t.text_arena = "my card is [Card Number] or ****-****-1234 and XXX-XX-6789 [PII]";
  t.phrases.push_back(
      Phrase{0, static_cast<std::uint32_t>(t.text_arena.size()), 0, 0, Speaker::kCustomer, 0, 0});
  TokenStream s;
  Tokenize(t, s);
  std::vector<std::string> kinds;
  for (auto const& tok : s.tokens)
    kinds.push_back(tok.kind == TokenKind::kMask ? std::string("<") + std::string(ToString(tok.mask)) + ">"
                                                 : std::string(s.Text(tok)));
  EXPECT_EQ(kinds,
            (std::vector<std::string>{"my", "card", "is", "<card number>", "or", "<symbols>", "<symbols>",
                                      "1234", "and", "<symbols>", "<symbols>", "6789", "<pii>"}));
}

TEST(NormalizerTest, TokenMapsBackToPhraseSpeakerAndTime) {
  testing::TranscriptBuilder b;
  b.Agent(1000, "Hello there").Customer(5000, "hi").Agent(9000, "how can I help");
  Transcript t;
  ASSERT_TRUE(ParseTranscript(b.Json(), t).ok());
  TokenStream s;
  Tokenize(t, s);
  ASSERT_EQ(s.tokens.size(), 7u);
  EXPECT_EQ(s.tokens[1].phrase, 0u);
  EXPECT_EQ(s.tokens[1].word, 1u);
  EXPECT_EQ(s.tokens[1].offset_ms, 1300);  // words[1].startTimeMs relative to the start
  EXPECT_EQ(s.tokens[2].speaker, Speaker::kCustomer);
  EXPECT_EQ(s.tokens[1].next_same_speaker, 3u);  // skips the customer's "hi"
  EXPECT_EQ(s.tokens[3].speaker_pos, 2u);
  EXPECT_EQ(s.phrase_first_token, (std::vector<std::uint32_t>{0, 2, 3, 7}));
}

}  // namespace
}  // namespace gctq::analysis
