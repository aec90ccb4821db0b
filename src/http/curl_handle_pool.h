#pragma once

#include <curl/curl.h>

#include <cstddef>
#include <memory>
#include <mutex>
#include <vector>

namespace gctq::http::internal {

struct CurlEasyDeleter {
  void operator()(CURL* handle) const { curl_easy_cleanup(handle); }
};
using CurlEasy = std::unique_ptr<CURL, CurlEasyDeleter>;

/// Idle easy handles, each keeping its live keep-alive connection. Thread-safe.
class CurlHandlePool {
 public:
  explicit CurlHandlePool(std::size_t max_idle) : max_idle_(max_idle) {}

  /// An idle handle (reset to defaults, connection kept) or a new one; null if curl fails.
  CurlEasy Acquire() {
    {
      std::lock_guard lock(mu_);
      if (!idle_.empty()) {
        CurlEasy handle = std::move(idle_.back());
        idle_.pop_back();
        curl_easy_reset(handle.get());
        return handle;
      }
    }
    return CurlEasy(curl_easy_init());
  }

  /// Returns a handle after a clean transfer; handles beyond the limit are closed.
  void Release(CurlEasy handle) {
    std::lock_guard lock(mu_);
    if (idle_.size() < max_idle_) idle_.push_back(std::move(handle));
  }

 private:
  std::size_t const max_idle_;
  std::mutex mu_;
  std::vector<CurlEasy> idle_;
};

}  // namespace gctq::http::internal
