#include "server/async_jobs.h"

#include "server/ids.h"

namespace gctq_emulator::server {

std::string JobStore::Submit(std::vector<std::uint32_t> results, JobOutcome outcome, std::int64_t now_ms) {
  std::string id = RandomUuid();
  std::lock_guard lock(mutex_);
  jobs_[id] =
      Job{now_ms, outcome, false, std::make_shared<std::vector<std::uint32_t> const>(std::move(results))};
  return id;
}

std::optional<JobStatus> JobStore::Status(std::string const& job_id, std::int64_t now_ms) const {
  std::lock_guard lock(mutex_);
  auto const found = jobs_.find(job_id);
  if (found == jobs_.end()) return std::nullopt;
  Job const& job = found->second;
  JobStatus status;
  status.submitted_ms = job.submitted_ms;
  status.completed_ms = job.submitted_ms + delay_ms_;
  status.expires_ms = status.completed_ms + retention_ms_;
  status.results = job.results;
  std::int64_t const elapsed = now_ms - job.submitted_ms;
  if (job.cancelled)
    status.state = "CANCELLED";
  else if (elapsed < delay_ms_ / 2)
    status.state = "QUEUED";
  else if (elapsed < delay_ms_)
    status.state = "PENDING";
  else if (job.outcome == JobOutcome::kFailed)
    status.state = "FAILED";
  else if (job.outcome == JobOutcome::kExpired || now_ms >= status.expires_ms)
    status.state = "EXPIRED";
  else
    status.state = "FULFILLED";
  return status;
}

bool JobStore::Cancel(std::string const& job_id) {
  std::lock_guard lock(mutex_);
  auto const found = jobs_.find(job_id);
  if (found == jobs_.end()) return false;
  found->second.cancelled = true;
  return true;
}

}  // namespace gctq_emulator::server
