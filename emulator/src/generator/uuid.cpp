#include "generator/uuid.h"

namespace gctq_emulator::gen {

Uuid RandomUuid(Rng& rng) {
  Uuid uuid{rng.Next(), rng.Next()};
  uuid.high = (uuid.high & ~0xF000ULL) | 0x4000ULL;                // version 4
  uuid.low = (uuid.low & ~(0xC000ULL << 48)) | (0x8000ULL << 48);  // RFC 4122 variant
  return uuid;
}

std::string ToString(Uuid const& uuid) {
  static constexpr char kHex[] = "0123456789abcdef";
  std::string text;
  text.reserve(36);
  auto append = [&](std::uint64_t value, int from_nibble, int count) {
    for (int i = 0; i < count; ++i) text.push_back(kHex[(value >> (4 * (from_nibble - i))) & 0xF]);
  };
  append(uuid.high, 15, 8);
  text.push_back('-');
  append(uuid.high, 7, 4);
  text.push_back('-');
  append(uuid.high, 3, 4);
  text.push_back('-');
  append(uuid.low, 15, 4);
  text.push_back('-');
  append(uuid.low, 11, 12);
  return text;
}

std::optional<Uuid> ParseUuid(std::string_view text) {
  if (text.size() != 36) return std::nullopt;
  Uuid uuid;
  int nibbles = 0;
  for (std::size_t i = 0; i < text.size(); ++i) {
    char const c = text[i];
    if (i == 8 || i == 13 || i == 18 || i == 23) {
      if (c != '-') return std::nullopt;
      continue;
    }
    int value;
    if (c >= '0' && c <= '9')
      value = c - '0';
    else if (c >= 'a' && c <= 'f')
      value = c - 'a' + 10;
    else if (c >= 'A' && c <= 'F')
      value = c - 'A' + 10;
    else
      return std::nullopt;
    std::uint64_t& word = nibbles < 16 ? uuid.high : uuid.low;
    word = (word << 4) | static_cast<std::uint64_t>(value);
    ++nibbles;
  }
  return uuid;
}

}  // namespace gctq_emulator::gen
