#pragma once

// Async analytics details jobs: QUEUED -> PENDING -> FULFILLED as the clock passes the job delay.

#include <cstdint>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <vector>

namespace gctq_emulator::server {

enum class JobOutcome { kFulfilled, kFailed, kExpired };

struct JobStatus {
  std::string state;  ///< QUEUED | PENDING | FAILED | CANCELLED | FULFILLED | EXPIRED
  std::int64_t submitted_ms = 0;
  std::int64_t completed_ms = 0;  ///< Meaningful once FULFILLED/FAILED.
  std::int64_t expires_ms = 0;
  std::shared_ptr<std::vector<std::uint32_t> const> results;  ///< Conversation indexes, in order.
};

class JobStore {
 public:
  /// `delay_ms`: submission to completion; results stay available `retention_ms` after it.
  JobStore(std::int64_t delay_ms, std::int64_t retention_ms)
      : delay_ms_(delay_ms), retention_ms_(retention_ms) {}

  std::string Submit(std::vector<std::uint32_t> results, JobOutcome outcome, std::int64_t now_ms);
  [[nodiscard]] std::optional<JobStatus> Status(std::string const& job_id, std::int64_t now_ms) const;
  /// False when there is no such job.
  bool Cancel(std::string const& job_id);

 private:
  struct Job {
    std::int64_t submitted_ms = 0;
    JobOutcome outcome = JobOutcome::kFulfilled;
    bool cancelled = false;
    std::shared_ptr<std::vector<std::uint32_t> const> results;
  };
  std::int64_t delay_ms_, retention_ms_;
  mutable std::mutex mutex_;
  std::map<std::string, Job> jobs_;
};

}  // namespace gctq_emulator::server
