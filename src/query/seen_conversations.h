#pragma once

// The set of conversation ids already seen in a run, for de-duplication across pages and windows.
// UUID-shaped ids are kept as 16 bytes; anything else as a string.

#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_set>

namespace gctq::internal {

class SeenConversations {
 public:
  /// True when `id` was not seen before (and is now).
  bool Insert(std::string_view id);
  [[nodiscard]] std::size_t size() const { return uuids_.size() + others_.size(); }

 private:
  struct Uuid {
    std::uint64_t high = 0, low = 0;
    friend bool operator==(Uuid const&, Uuid const&) = default;
  };
  struct UuidHash {
    std::size_t operator()(Uuid const& u) const { return u.high ^ (u.low * 0x9E3779B97F4A7C15ULL); }
  };
  static bool ParseUuid(std::string_view id, Uuid& out);

  std::unordered_set<Uuid, UuidHash> uuids_;
  std::unordered_set<std::string> others_;
};

}  // namespace gctq::internal
