#include "query/ordered_pipeline.h"

#include <algorithm>

namespace gctq::internal {

OrderedPipeline::OrderedPipeline(int workers, int max_in_flight, Emit emit)
    : max_in_flight_(static_cast<std::size_t>(std::max({1, workers, max_in_flight}))),
      emit_(std::move(emit)) {
  for (int i = 0; i < std::max(1, workers); ++i) workers_.emplace_back([this] { WorkerLoop(); });
}

OrderedPipeline::~OrderedPipeline() {
  Drain();
  {
    std::lock_guard lock(mutex_);
    stopping_ = true;
  }
  work_ready_.notify_all();
  for (auto& t : workers_) t.join();
}

void OrderedPipeline::Submit(Work work) {
  std::unique_lock lock(mutex_);
  progress_.wait(lock, [&] { return next_submit_ - next_emit_ < max_in_flight_; });
  queue_.emplace_back(next_submit_++, std::move(work));
  work_ready_.notify_one();
}

void OrderedPipeline::Drain() {
  std::unique_lock lock(mutex_);
  progress_.wait(lock, [&] { return next_emit_ == next_submit_; });
}

void OrderedPipeline::WorkerLoop() {
  std::unique_lock lock(mutex_);
  while (true) {
    work_ready_.wait(lock, [&] { return stopping_ || !queue_.empty(); });
    if (queue_.empty()) return;  // stopping and nothing left
    auto [sequence, work] = std::move(queue_.front());
    queue_.pop_front();
    lock.unlock();
    std::optional<query::ConversationRecord> result = work();
    lock.lock();
    done_.emplace(sequence, std::move(result));
    EmitReady(lock);
  }
}

void OrderedPipeline::EmitReady(std::unique_lock<std::mutex>& lock) {
  if (emitting_) return;  // The thread already emitting will pick ours up.
  emitting_ = true;
  while (!done_.empty() && done_.begin()->first == next_emit_) {
    auto node = done_.extract(done_.begin());
    lock.unlock();
    emit_(std::move(node.mapped()));
    lock.lock();
    ++next_emit_;
    progress_.notify_all();
  }
  emitting_ = false;
}

}  // namespace gctq::internal
