#pragma once

// A loopback QA receiver for delivery tests. It verifies Standard Webhooks signatures with its
// own implementation written from the spec (OpenSSL HMAC + base64 here, not gctq's signer) and
// de-duplicates by webhook-id.
#include <httplib.h>
#include <openssl/evp.h>
#include <openssl/hmac.h>

#include <atomic>
#include <condition_variable>
#include <functional>
#include <mutex>
#include <set>
#include <string>
#include <thread>
#include <vector>

namespace gctq::qa::testing {

/// The receiver's verdict on a request, per the Standard Webhooks spec.
inline bool SpecSignatureValid(std::string const& raw_key, std::string const& id,
                               std::string const& timestamp, std::string const& body,
                               std::string const& header, std::int64_t now_seconds,
                               std::int64_t tolerance_seconds = 300) {
  if (id.empty() || timestamp.empty() || id.find('.') != std::string::npos) return false;
  std::int64_t ts = 0;
  try {
    ts = std::stoll(timestamp);
  } catch (...) {
    return false;
  }
  if (ts < now_seconds - tolerance_seconds || ts > now_seconds + tolerance_seconds) return false;
  std::string content = id + "." + timestamp + "." + body;
  unsigned char mac[EVP_MAX_MD_SIZE];
  unsigned int mac_len = 0;
  HMAC(EVP_sha256(), raw_key.data(), static_cast<int>(raw_key.size()),
       reinterpret_cast<unsigned char const*>(content.data()), content.size(), mac, &mac_len);
  std::string expected(4 * ((mac_len + 2) / 3) + 1, '\0');
  expected.resize(static_cast<std::size_t>(
      EVP_EncodeBlock(reinterpret_cast<unsigned char*>(expected.data()), mac, static_cast<int>(mac_len))));
  std::size_t start = 0;
  while (start < header.size()) {
    auto end = header.find(' ', start);
    auto part = header.substr(start, end == std::string::npos ? std::string::npos : end - start);
    if (part.rfind("v1,", 0) == 0 && part.size() - 3 == expected.size() &&
        CRYPTO_memcmp(part.data() + 3, expected.data(), expected.size()) == 0) {
      return true;
    }
    if (end == std::string::npos) break;
    start = end + 1;
  }
  return false;
}

/// The raw key of a whsec_ secret, decoded independently of gctq.
inline std::string SpecDecodeSecret(std::string secret) {
  if (secret.rfind("whsec_", 0) == 0) secret.erase(0, 6);
  std::string out(secret.size(), '\0');
  int n =
      EVP_DecodeBlock(reinterpret_cast<unsigned char*>(out.data()),
                      reinterpret_cast<unsigned char const*>(secret.data()), static_cast<int>(secret.size()));
  out.resize(static_cast<std::size_t>(n));
  while (!secret.empty() && secret.back() == '=') {
    secret.pop_back();
    out.pop_back();
  }
  return out;
}

struct Reply {
  int status = 200;
  std::string retry_after;             ///< Retry-After header when non-empty.
  std::chrono::milliseconds delay{0};  ///< Sleep before answering (a hanging receiver).
  bool block_until_released = false;   ///< Hold the answer until Release() (crash tests).
};

class FakeQaReceiver {
 public:
  using Script = std::function<Reply(int request_index)>;

  FakeQaReceiver(std::string raw_key, std::function<std::int64_t()> now_seconds)
      : raw_key_(std::move(raw_key)), now_seconds_(std::move(now_seconds)) {}
  ~FakeQaReceiver() { Stop(); }

  void SetScript(Script script) {
    std::lock_guard lock(mu_);
    script_ = std::move(script);
  }

  /// Binds 127.0.0.1: an ephemeral port the first time, the same port after a Stop(). Starts no thread.
  bool Bind() {
    released_ = false;
    server_ = std::make_unique<httplib::Server>();
    server_->Post("/hook", [this](httplib::Request const& req, httplib::Response& res) { Handle(req, res); });
    if (port_ == 0) {
      port_ = server_->bind_to_any_port("127.0.0.1");
      return port_ > 0;
    }
    return server_->bind_to_port("127.0.0.1", port_);
  }

  /// Serves on a background thread.
  void Listen() {
    thread_ = std::thread([this] { server_->listen_after_bind(); });
    for (int i = 0; i < 5000 && !server_->is_running(); ++i) {
      std::this_thread::sleep_for(std::chrono::milliseconds(1));
    }
  }

  bool Start() {
    if (!Bind()) return false;
    Listen();
    return true;
  }

  void Stop() {
    Release();
    if (server_) server_->stop();
    if (thread_.joinable()) thread_.join();
    server_.reset();
  }

  void Release() {
    std::lock_guard lock(mu_);
    released_ = true;
    cv_.notify_all();
  }

  [[nodiscard]] std::string url() const { return "http://127.0.0.1:" + std::to_string(port_) + "/hook"; }

  struct Stats {
    int requests = 0;
    int rejected = 0;
    int duplicates = 0;
    std::set<std::string> ids;  ///< De-duplicated ids of accepted (2xx, valid) deliveries.
    std::vector<std::string> bodies;
  };
  Stats stats() {
    std::lock_guard lock(mu_);
    return stats_;
  }
  int requests() {
    std::lock_guard lock(mu_);
    return stats_.requests;
  }

 private:
  void Handle(httplib::Request const& req, httplib::Response& res) {
    std::unique_lock lock(mu_);
    int index = stats_.requests++;
    bool valid = SpecSignatureValid(raw_key_, req.get_header_value("webhook-id"),
                                    req.get_header_value("webhook-timestamp"), req.body,
                                    req.get_header_value("webhook-signature"), now_seconds_());
    Reply reply = script_ ? script_(index) : Reply{};
    if (reply.block_until_released) cv_.wait(lock, [this] { return released_; });
    if (reply.delay.count() > 0) cv_.wait_for(lock, reply.delay, [this] { return released_; });
    if (!valid) {
      ++stats_.rejected;
      res.status = 400;
      return;
    }
    res.status = reply.status;
    if (!reply.retry_after.empty()) res.set_header("Retry-After", reply.retry_after);
    if (reply.status >= 200 && reply.status < 300) {
      if (!stats_.ids.insert(req.get_header_value("webhook-id")).second) ++stats_.duplicates;
      stats_.bodies.push_back(req.body);
    }
  }

  std::string raw_key_;
  std::function<std::int64_t()> now_seconds_;
  std::unique_ptr<httplib::Server> server_;
  std::thread thread_;
  int port_ = 0;
  std::mutex mu_;
  std::condition_variable cv_;
  bool released_ = false;
  Script script_;
  Stats stats_;
};

}  // namespace gctq::qa::testing
