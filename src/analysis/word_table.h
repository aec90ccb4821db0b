#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace gctq::analysis {

/// FNV-1a, usable incrementally so that every prefix of a token gets its hash in one pass.
inline constexpr std::uint64_t kFnvBasis = 14695981039346656037ull;
inline std::uint64_t FnvStep(std::uint64_t h, char c) {
  return (h ^ static_cast<unsigned char>(c)) * 1099511628211ull;
}
inline std::uint64_t FnvHash(std::string_view s) {
  std::uint64_t h = kFnvBasis;
  for (char c : s) h = FnvStep(h, c);
  return h;
}

/// Open-addressing map from a normalized word to a word id: one probe sequence per lookup, no
/// allocation, keys stored in one arena.
class WordTable {
 public:
  static constexpr std::uint32_t kMissing = 0xFFFFFFFFu;

  void Insert(std::string_view key, std::uint32_t id);
  [[nodiscard]] std::uint32_t Find(std::string_view key, std::uint64_t hash) const;
  [[nodiscard]] std::uint32_t Find(std::string_view key) const { return Find(key, FnvHash(key)); }
  [[nodiscard]] std::size_t size() const { return size_; }

 private:
  struct Slot {
    std::uint64_t hash = 0;
    std::uint32_t id = kMissing;
    std::uint32_t key_begin = 0;
    std::uint32_t key_size = 0;
  };
  static std::uint64_t Mix(std::uint64_t h) { return (h ^ (h >> 31)) * 0x9E3779B97F4A7C15ull; }
  void Grow();

  std::vector<Slot> slots_;
  std::string keys_;
  std::size_t size_ = 0;
};

}  // namespace gctq::analysis
