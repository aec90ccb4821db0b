#include "src/demo_receiver.h"

#include <httplib.h>
#include <openssl/crypto.h>

#include <chrono>
#include <mutex>
#include <set>
#include <thread>

#include "gctq/qa/webhook_signature.h"

namespace gctq::cli {
namespace {

constexpr std::int64_t kToleranceSeconds = 300;

bool SignatureMatches(std::string const& key, httplib::Request const& request) {
  auto const id = request.get_header_value("webhook-id");
  auto const timestamp_text = request.get_header_value("webhook-timestamp");
  auto const signatures = request.get_header_value("webhook-signature");
  if (id.empty() || timestamp_text.empty() || signatures.empty()) return false;
  std::int64_t timestamp = 0;
  try {
    timestamp = std::stoll(timestamp_text);
  } catch (...) {
    return false;
  }
  auto const now =
      std::chrono::duration_cast<std::chrono::seconds>(std::chrono::system_clock::now().time_since_epoch())
          .count();
  if (timestamp < now - kToleranceSeconds || timestamp > now + kToleranceSeconds) return false;
  std::string const expected = qa::SignWebhook(key, id, timestamp, request.body);
  std::size_t start = 0;
  while (start < signatures.size()) {
    auto end = signatures.find(' ', start);
    if (end == std::string::npos) end = signatures.size();
    std::string const candidate = signatures.substr(start, end - start);
    if (candidate.size() == expected.size() &&
        CRYPTO_memcmp(candidate.data(), expected.data(), expected.size()) == 0) {
      return true;
    }
    start = end + 1;
  }
  return false;
}

}  // namespace

struct DemoReceiver::Impl {
  std::string key;
  httplib::Server server;
  std::thread thread;
  int port = 0;
  mutable std::mutex mutex;
  Counts counts;
  std::set<std::string> ids;
};

DemoReceiver::DemoReceiver(std::string hmac_key) : impl_(std::make_unique<Impl>()) {
  impl_->key = std::move(hmac_key);
}

DemoReceiver::~DemoReceiver() {
  Stop();
}

bool DemoReceiver::Start(std::string* error) {
  impl_->server.Post("/qa-events", [this](httplib::Request const& request, httplib::Response& response) {
    std::lock_guard lock(impl_->mutex);
    ++impl_->counts.requests;
    if (!SignatureMatches(impl_->key, request)) {
      ++impl_->counts.bad_signatures;
      response.status = 401;
      return;
    }
    impl_->ids.insert(request.get_header_value("webhook-id"));
    impl_->counts.unique_ids = static_cast<std::int64_t>(impl_->ids.size());
    response.status = 204;
  });
  impl_->server.set_tcp_nodelay(true);
  impl_->port = impl_->server.bind_to_any_port("127.0.0.1");
  if (impl_->port <= 0) {
    if (error) *error = "cannot bind 127.0.0.1";
    return false;
  }
  impl_->thread = std::thread([this] { impl_->server.listen_after_bind(); });
  return true;
}

void DemoReceiver::Stop() {
  if (!impl_->thread.joinable()) return;
  impl_->server.stop();
  impl_->thread.join();
}

std::string DemoReceiver::url() const {
  return "http://127.0.0.1:" + std::to_string(impl_->port) + "/qa-events";
}

DemoReceiver::Counts DemoReceiver::Stats() const {
  std::lock_guard lock(impl_->mutex);
  return impl_->counts;
}

}  // namespace gctq::cli
