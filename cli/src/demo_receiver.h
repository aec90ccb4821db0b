#pragma once

#include <cstdint>
#include <memory>
#include <string>

namespace gctq::cli {

/// A QA platform stand-in for `gctq demo`: a loopback HTTP endpoint that checks every Standard
/// Webhooks signature and counts events, de-duplicated by webhook-id.
class DemoReceiver {
 public:
  struct Counts {
    std::int64_t requests = 0;
    std::int64_t unique_ids = 0;
    std::int64_t bad_signatures = 0;
  };

  explicit DemoReceiver(std::string hmac_key);
  ~DemoReceiver();
  DemoReceiver(DemoReceiver const&) = delete;
  DemoReceiver& operator=(DemoReceiver const&) = delete;

  bool Start(std::string* error);
  void Stop();
  [[nodiscard]] std::string url() const;
  [[nodiscard]] Counts Stats() const;

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace gctq::cli
