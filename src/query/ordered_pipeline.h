#pragma once

// A bounded worker pool whose results leave in submission order. At most `max_in_flight` items are
// queued, running or waiting for an earlier one, so memory stays flat however many items pass.

#include <condition_variable>
#include <cstdint>
#include <deque>
#include <functional>
#include <map>
#include <mutex>
#include <optional>
#include <thread>
#include <vector>

#include "gctq/query/conversation_record.h"

namespace gctq::internal {

class OrderedPipeline {
 public:
  /// A unit of work; nullopt = nothing to emit (filtered out), still consumes its place in order.
  using Work = std::function<std::optional<query::ConversationRecord>()>;
  /// Receives results in submission order; calls are serialized.
  using Emit = std::function<void(std::optional<query::ConversationRecord>&&)>;

  OrderedPipeline(int workers, int max_in_flight, Emit emit);
  ~OrderedPipeline();
  OrderedPipeline(OrderedPipeline const&) = delete;
  OrderedPipeline& operator=(OrderedPipeline const&) = delete;

  /// Queues `work`; blocks while `max_in_flight` items are not yet emitted.
  void Submit(Work work);
  /// Blocks until every submitted item has been emitted.
  void Drain();

 private:
  void WorkerLoop();
  void EmitReady(std::unique_lock<std::mutex>& lock);

  std::mutex mutex_;
  std::condition_variable work_ready_;
  std::condition_variable progress_;
  std::deque<std::pair<std::uint64_t, Work>> queue_;
  std::map<std::uint64_t, std::optional<query::ConversationRecord>> done_;
  std::uint64_t next_submit_ = 0;
  std::uint64_t next_emit_ = 0;
  bool emitting_ = false;
  bool stopping_ = false;
  std::size_t max_in_flight_;
  Emit emit_;
  std::vector<std::thread> workers_;
};

}  // namespace gctq::internal
