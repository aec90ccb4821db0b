// Normalization and tokenization. ASCII phrases (the common case) are lower-cased in place with no
// allocation; other phrases go through ICU NFKC_Casefold first. One scanner then splits words,
// numbers and redaction masks for both.
#include <unicode/normalizer2.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>
#include <unicode/utf8.h>

#include <array>
#include <string>

#include "gctq/analysis/tokens.h"

namespace gctq::analysis {

std::string_view ToString(MaskLabel label) {
  switch (label) {
    case MaskLabel::kNone: return "none";
    case MaskLabel::kCardNumber: return "card number";
    case MaskLabel::kCardExpiryDate: return "card expiry date";
    case MaskLabel::kPhone: return "phone";
    case MaskLabel::kEmail: return "email";
    case MaskLabel::kName: return "name";
    case MaskLabel::kPostalCode: return "postal code";
    case MaskLabel::kLocation: return "location";
    case MaskLabel::kNationalId: return "national id";
    case MaskLabel::kUserInfo: return "user info";
    case MaskLabel::kPersonalInfo: return "personal info";
    case MaskLabel::kPii: return "pii";
    case MaskLabel::kRedacted: return "redacted";
    case MaskLabel::kSymbols: return "symbols";
  }
  return "none";
}

namespace {

bool IsAsciiAlnum(unsigned char c) {
  return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
}
bool IsDigit(unsigned char c) {
  return c >= '0' && c <= '9';
}

/// "[card number]" etc. `inner` is lower-case; spaces, '_' and '-' are interchangeable.
MaskLabel LookupLabel(std::string_view inner) {
  char buf[48];
  std::size_t n = 0;
  bool space = true;
  for (char c : inner) {
    if (c == ' ' || c == '_' || c == '-') {
      if (!space && n < sizeof buf) buf[n++] = ' ';
      space = true;
    } else {
      if (n >= sizeof buf) return MaskLabel::kNone;
      buf[n++] = c;
      space = false;
    }
  }
  if (n > 0 && buf[n - 1] == ' ') --n;
  std::string_view s(buf, n);
  static constexpr std::array<std::pair<std::string_view, MaskLabel>, 13> kLabels{{
      {"card number", MaskLabel::kCardNumber},
      {"card expiry date", MaskLabel::kCardExpiryDate},
      {"phone", MaskLabel::kPhone},
      {"email", MaskLabel::kEmail},
      {"name", MaskLabel::kName},
      {"postal code", MaskLabel::kPostalCode},
      {"location", MaskLabel::kLocation},
      {"national id", MaskLabel::kNationalId},
      {"user info", MaskLabel::kUserInfo},
      {"personal info", MaskLabel::kPersonalInfo},
      {"pii", MaskLabel::kPii},
      {"redacted", MaskLabel::kRedacted},
      {"phone number", MaskLabel::kPhone},
  }};
  for (auto const& [name, label] : kLabels)
    if (s == name) return label;
  if (s.starts_with("pii:") || s.starts_with("pii ")) return MaskLabel::kPii;
  return MaskLabel::kNone;
}

struct RawToken {
  std::size_t begin = 0, size = 0;
  TokenKind kind = TokenKind::kWord;
  MaskLabel mask = MaskLabel::kNone;
  std::uint8_t mask_chars = 0;
};

/// Length of the word character at s[i] (0 if not a word character). Non-ASCII: letters, digits, marks.
std::size_t WordCharLength(std::string_view s, std::size_t i) {
  auto c = static_cast<unsigned char>(s[i]);
  if (c < 0x80) return IsAsciiAlnum(c) ? 1 : 0;
  std::int32_t pos = static_cast<std::int32_t>(i);
  UChar32 cp = 0;
  U8_NEXT(s.data(), pos, static_cast<std::int32_t>(s.size()), cp);
  if (cp < 0) return 0;
  auto category = U_GET_GC_MASK(cp);
  bool word = u_isalnum(cp) || (category & U_GC_M_MASK) != 0;
  return word ? static_cast<std::size_t>(pos) - i : 0;
}

std::size_t CharLength(std::string_view s, std::size_t i) {
  auto c = static_cast<unsigned char>(s[i]);
  std::size_t n = c < 0x80 ? 1 : c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4;
  return std::min(n, s.size() - i);
}

/// Splits prepared (lower-case, normalized) text into tokens.
template <typename Emit>
void Scan(std::string_view s, Emit&& emit) {
  std::size_t i = 0, n = s.size();
  while (i < n) {
    char c = s[i];
    if (c == '[') {
      std::size_t close = s.find(']', i + 1);
      if (close != std::string_view::npos && close - i <= 40) {
        MaskLabel label = LookupLabel(s.substr(i + 1, close - i - 1));
        if (label != MaskLabel::kNone) {
          emit(RawToken{i, close + 1 - i, TokenKind::kMask, label, 0});
          i = close + 1;
          continue;
        }
      }
    }
    if (c == '*') {
      std::size_t j = i;
      while (j < n && s[j] == '*') ++j;
      emit(RawToken{i, j - i, TokenKind::kMask, MaskLabel::kSymbols,
                    static_cast<std::uint8_t>(std::min<std::size_t>(j - i, 255))});
      i = j;
      continue;
    }
    std::size_t len = WordCharLength(s, i);
    if (len == 0) {
      i += CharLength(s, i);
      continue;
    }
    std::size_t j = i;
    bool numeric = true, only_x = true;
    while (j < n) {
      std::size_t l = WordCharLength(s, j);
      if (l > 0) {
        auto b = static_cast<unsigned char>(s[j]);
        numeric = numeric && IsDigit(b);
        only_x = only_x && b == 'x';
        j += l;
        continue;
      }
      char d = s[j];
      bool next_word = j + 1 < n && WordCharLength(s, j + 1) > 0;
      if (d == '\'' && next_word && !numeric) {
        j += 1;
        continue;
      }
      if ((d == '.' || d == ',' || d == ':' || d == '/') && numeric && j + 1 < n &&
          IsDigit(static_cast<unsigned char>(s[j + 1]))) {
        j += 1;
        continue;
      }
      break;
    }
    RawToken t{i, j - i, numeric ? TokenKind::kNumber : TokenKind::kWord, MaskLabel::kNone, 0};
    bool dash_adjacent = (i > 0 && s[i - 1] == '-') || (j < n && s[j] == '-');
    if (only_x && (t.size >= 3 || (t.size == 2 && dash_adjacent))) {
      t.kind = TokenKind::kMask;
      t.mask = MaskLabel::kSymbols;
      t.mask_chars = static_cast<std::uint8_t>(std::min<std::size_t>(t.size, 255));
    }
    emit(t);
    i = j;
  }
}

bool IsAscii(std::string_view s) {
  unsigned char acc = 0;
  for (char c : s) acc |= static_cast<unsigned char>(c);
  return acc < 0x80;
}

void PrepareAscii(std::string_view in, std::string& out) {
  out.resize(in.size());
  for (std::size_t i = 0; i < in.size(); ++i) {
    char c = in[i];
    if (c >= 'A' && c <= 'Z')
      c = static_cast<char>(c + 32);
    else if (c == '`')
      c = '\'';
    else if (c == '\t' || c == '\n' || c == '\r')
      c = ' ';
    out[i] = c;
  }
}

/// NFKC + case folding, then apostrophe and dash variants folded to ASCII.
void PrepareUnicode(std::string_view in, std::string& out) {
  UErrorCode status = U_ZERO_ERROR;
  static icu::Normalizer2 const* normalizer = icu::Normalizer2::getNFKCCasefoldInstance(status);
  icu::UnicodeString src =
      icu::UnicodeString::fromUTF8(icu::StringPiece(in.data(), static_cast<std::int32_t>(in.size())));
  icu::UnicodeString folded;
  status = U_ZERO_ERROR;
  if (normalizer != nullptr) normalizer->normalize(src, folded, status);
  if (normalizer == nullptr || U_FAILURE(status)) folded = src.foldCase();
  for (std::int32_t k = 0; k < folded.length(); ++k) {
    char16_t ch = folded.charAt(k);
    if (ch == 0x2019 || ch == 0x2018 || ch == 0x02BC || ch == 0x00B4 || ch == 0x2032 || ch == 0x0060)
      folded.setCharAt(k, u'\'');
    else if (ch >= 0x2010 && ch <= 0x2015)
      folded.setCharAt(k, u'-');
  }
  out.clear();
  folded.toUTF8String(out);
}

}  // namespace

void Tokenize(Transcript const& transcript, TokenStream& out) {
  out.Clear();
  thread_local std::string prepared;
  std::uint32_t speaker_pos[2] = {0, 0};
  for (std::uint32_t p = 0; p < transcript.phrases.size(); ++p) {
    Phrase const& phrase = transcript.phrases[p];
    std::string_view raw = transcript.PhraseText(phrase);
    bool ascii = IsAscii(raw);
    if (ascii)
      PrepareAscii(raw, prepared);
    else
      PrepareUnicode(raw, prepared);
    auto first = static_cast<std::uint32_t>(out.tokens.size());
    out.phrase_first_token.push_back(first);
    std::uint32_t word = 0;
    auto speaker_index = static_cast<int>(phrase.speaker);
    Scan(prepared, [&](RawToken const& rt) {
      Token t;
      t.text_begin = static_cast<std::uint32_t>(out.text.size());
      t.text_size = static_cast<std::uint32_t>(rt.size);
      out.text.append(prepared, rt.begin, rt.size);
      t.raw_begin = phrase.text_begin + (ascii ? static_cast<std::uint32_t>(rt.begin) : 0);
      t.raw_size = ascii ? static_cast<std::uint32_t>(rt.size) : phrase.text_size;
      t.phrase = p;
      t.word = word++;
      t.speaker_pos = speaker_pos[speaker_index]++;
      t.offset_ms = phrase.offset_ms;
      t.speaker = phrase.speaker;
      t.kind = rt.kind;
      t.mask = rt.mask;
      t.mask_chars = rt.mask_chars;
      out.tokens.push_back(t);
    });
    if (word == phrase.words_count) {
      for (std::uint32_t k = 0; k < word; ++k) {
        std::int64_t w = transcript.word_offsets_ms[phrase.words_begin + k];
        if (w >= 0) out.tokens[first + k].offset_ms = w;
      }
    }
  }
  out.phrase_first_token.push_back(static_cast<std::uint32_t>(out.tokens.size()));
  std::uint32_t next[2] = {kNoToken, kNoToken};
  for (std::size_t k = out.tokens.size(); k-- > 0;) {
    Token& t = out.tokens[k];
    t.next_same_speaker = next[static_cast<int>(t.speaker)];
    next[static_cast<int>(t.speaker)] = static_cast<std::uint32_t>(k);
  }
}

std::vector<std::string> NormalizeWords(std::string_view text) {
  std::string prepared;
  if (IsAscii(text))
    PrepareAscii(text, prepared);
  else
    PrepareUnicode(text, prepared);
  std::vector<std::string> words;
  Scan(prepared, [&](RawToken const& rt) {
    if (rt.kind != TokenKind::kMask) words.emplace_back(prepared.substr(rt.begin, rt.size));
  });
  return words;
}

}  // namespace gctq::analysis
