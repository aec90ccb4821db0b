#include "query/seen_conversations.h"

namespace gctq::internal {

bool SeenConversations::ParseUuid(std::string_view id, Uuid& out) {
  if (id.size() != 36) return false;
  int nibbles = 0;
  for (std::size_t i = 0; i < id.size(); ++i) {
    char const c = id[i];
    if (i == 8 || i == 13 || i == 18 || i == 23) {
      if (c != '-') return false;
      continue;
    }
    std::uint64_t v = 0;
    if (c >= '0' && c <= '9')
      v = c - '0';
    else if (c >= 'a' && c <= 'f')
      v = c - 'a' + 10;
    else
      return false;  // Upper-case ids stay strings: "A" and "a" are different ids to us.
    std::uint64_t& half = nibbles < 16 ? out.high : out.low;
    half = (half << 4) | v;
    ++nibbles;
  }
  return true;
}

bool SeenConversations::Insert(std::string_view id) {
  Uuid uuid;
  if (ParseUuid(id, uuid)) return uuids_.insert(uuid).second;
  return others_.emplace(id).second;
}

}  // namespace gctq::internal
