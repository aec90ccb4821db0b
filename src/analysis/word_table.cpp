#include "word_table.h"

namespace gctq::analysis {

void WordTable::Grow() {
  std::vector<Slot> old = std::move(slots_);
  slots_.assign(old.empty() ? 64 : old.size() * 2, Slot{});
  std::size_t mask = slots_.size() - 1;
  for (Slot const& s : old) {
    if (s.id == kMissing) continue;
    std::size_t i = Mix(s.hash) & mask;
    while (slots_[i].id != kMissing) i = (i + 1) & mask;
    slots_[i] = s;
  }
}

void WordTable::Insert(std::string_view key, std::uint32_t id) {
  if ((size_ + 1) * 2 > slots_.size()) Grow();
  std::uint64_t hash = FnvHash(key);
  std::size_t mask = slots_.size() - 1;
  std::size_t i = Mix(hash) & mask;
  while (slots_[i].id != kMissing) {
    Slot& s = slots_[i];
    if (s.hash == hash && std::string_view(keys_).substr(s.key_begin, s.key_size) == key) {
      s.id = id;
      return;
    }
    i = (i + 1) & mask;
  }
  slots_[i] =
      Slot{hash, id, static_cast<std::uint32_t>(keys_.size()), static_cast<std::uint32_t>(key.size())};
  keys_.append(key);
  ++size_;
}

std::uint32_t WordTable::Find(std::string_view key, std::uint64_t hash) const {
  if (slots_.empty()) return kMissing;
  std::size_t mask = slots_.size() - 1;
  std::size_t i = Mix(hash) & mask;
  while (true) {
    Slot const& s = slots_[i];
    if (s.id == kMissing) return kMissing;
    if (s.hash == hash && s.key_size == key.size() &&
        std::string_view(keys_).substr(s.key_begin, s.key_size) == key)
      return s.id;
    i = (i + 1) & mask;
  }
}

}  // namespace gctq::analysis
