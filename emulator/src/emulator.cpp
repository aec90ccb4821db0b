#include "gctq_emulator/emulator.h"

#include <httplib.h>

#include <thread>

namespace gctq_emulator {

struct Emulator::Impl {
  EmulatorOptions options;
  httplib::Server server;
  std::thread thread;
  int port = 0;
};

Emulator::Emulator(EmulatorOptions options) : impl_(std::make_unique<Impl>()) {
  impl_->options = std::move(options);
}

Emulator::~Emulator() { Stop(); }

bool Emulator::Start(std::string* error) {
  impl_->port = impl_->server.bind_to_any_port(impl_->options.host);
  if (impl_->port <= 0) {
    if (error) *error = "cannot bind " + impl_->options.host;
    return false;
  }
  impl_->thread = std::thread([this] { impl_->server.listen_after_bind(); });
  return true;
}

void Emulator::Stop() {
  if (!impl_ || !impl_->thread.joinable()) return;
  impl_->server.stop();
  impl_->thread.join();
}

int Emulator::port() const { return impl_->port; }

std::string Emulator::base_url() const { return "http://127.0.0.1:" + std::to_string(impl_->port); }

}  // namespace gctq_emulator
