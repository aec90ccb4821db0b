#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "gctq/analysis/transcript.h"

namespace gctq::analysis {

enum class TokenKind : std::uint8_t {
  kWord,    ///< Letters (and digits mixed in), apostrophes kept inside: "don't".
  kNumber,  ///< ASCII digits, possibly with '.', ',', ':' or '/' between digits ("12.50", "09/26").
  kMask,    ///< A redaction mask: "[card number]", "[PII]", "****", "XXX".
};

/// Which mask a kMask token is. Bracket labels are the Genesys FAQ's, plus generic ones.
enum class MaskLabel : std::uint8_t {
  kNone,
  kCardNumber,
  kCardExpiryDate,
  kPhone,
  kEmail,
  kName,
  kPostalCode,
  kLocation,
  kNationalId,
  kUserInfo,
  kPersonalInfo,
  kPii,
  kRedacted,
  kSymbols,
};

std::string_view ToString(MaskLabel label);

/// One normalized token and where it came from.
struct Token {
  std::uint32_t text_begin = 0;  ///< Into TokenStream::text (normalized, NFKC case-folded).
  std::uint32_t text_size = 0;
  std::uint32_t raw_begin = 0;  ///< Into Transcript::text_arena (the phrase for non-ASCII phrases).
  std::uint32_t raw_size = 0;
  std::uint32_t phrase = 0;             ///< Phrase index (chronological).
  std::uint32_t word = 0;               ///< Token index within its phrase.
  std::uint32_t speaker_pos = 0;        ///< Position within this speaker's token stream.
  std::uint32_t next_same_speaker = 0;  ///< Next token of the same speaker, or kNoToken.
  std::int64_t offset_ms = 0;           ///< words[].startTimeMs when words align, else the phrase start.
  Speaker speaker = Speaker::kAgent;
  TokenKind kind = TokenKind::kWord;
  MaskLabel mask = MaskLabel::kNone;
  std::uint8_t mask_chars = 0;  ///< For kSymbols masks: how many digits the mask hides.
};

inline constexpr std::uint32_t kNoToken = 0xFFFFFFFFu;

/// The normalized token stream of a transcript (global order = phrase order).
struct TokenStream {
  std::string text;
  std::vector<Token> tokens;
  std::vector<std::uint32_t> phrase_first_token;  ///< Per phrase; size = phrases + 1.

  [[nodiscard]] std::string_view Text(Token const& t) const {
    return std::string_view(text).substr(t.text_begin, t.text_size);
  }
  void Clear() {
    text.clear();
    tokens.clear();
    phrase_first_token.clear();
  }
};

/// Normalizes and tokenizes every phrase. ASCII phrases take a fast path; others go through ICU
/// NFKC_Casefold. Reuses `out`'s capacity.
void Tokenize(Transcript const& transcript, TokenStream& out);

/// Normalizes free text (a rule term) into its word tokens, exactly as transcripts are normalized.
std::vector<std::string> NormalizeWords(std::string_view text);

}  // namespace gctq::analysis
