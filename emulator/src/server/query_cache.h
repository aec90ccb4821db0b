#pragma once

// Remembers the matches of recent details queries so paging through one does not re-run it.

#include <cstdint>
#include <deque>
#include <functional>
#include <memory>
#include <mutex>
#include <string>
#include <utility>
#include <vector>

namespace gctq_emulator::server {

class QueryCache {
 public:
  using Matches = std::shared_ptr<std::vector<std::uint32_t> const>;

  explicit QueryCache(std::size_t capacity) : capacity_(capacity) {}

  /// The cached matches for `key`, or `run()`'s result (then cached).
  Matches GetOrRun(std::string const& key, std::function<std::vector<std::uint32_t>()> const& run) {
    {
      std::lock_guard lock(mutex_);
      for (auto const& [cached_key, matches] : entries_)
        if (cached_key == key) return matches;
    }
    auto matches = std::make_shared<std::vector<std::uint32_t> const>(run());
    std::lock_guard lock(mutex_);
    entries_.emplace_front(key, matches);
    if (entries_.size() > capacity_) entries_.pop_back();
    return matches;
  }

 private:
  std::size_t capacity_;
  std::mutex mutex_;
  std::deque<std::pair<std::string, Matches>> entries_;
};

}  // namespace gctq_emulator::server
