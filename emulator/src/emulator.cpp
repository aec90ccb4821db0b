#include "gctq_emulator/emulator.h"

#include <httplib.h>

#include <chrono>
#include <fstream>
#include <thread>

#include "generator/generate.h"
#include "server/app.h"
#include "server/auth.h"

namespace gctq_emulator {

struct Emulator::Impl {
  EmulatorOptions options;
  httplib::Server server;
  std::unique_ptr<server::App> app;
  std::thread thread;
  int port = 0;
};

namespace {

std::shared_ptr<Org const> MakeOrg(EmulatorOptions const& options) {
  if (options.org) return options.org;
  GeneratorSettings settings;
  settings.seed = options.seed;
  settings.conversations = options.conversations;
  settings.days = options.days;
  settings.anchor_epoch_s = options.anchor_epoch_s;
  return GenerateOrg(settings);
}

std::optional<std::vector<OAuthClientSpec>> ResolveClients(EmulatorOptions const& options,
                                                           std::string* error) {
  if (!options.clients.empty()) return options.clients;
  if (options.clients_path) return server::LoadClients(*options.clients_path, error);
  return server::DefaultClients();
}

/// Server threads: more than the connections of one client at its highest --concurrency.
constexpr std::size_t kServerThreads = 96;

/// An Accept-Encoding value without `br` (cpp-httplib picks brotli when the value contains "br").
std::string WithoutBrotli(std::string const& accept_encoding) {
  std::string kept;
  std::size_t start = 0;
  while (start <= accept_encoding.size()) {
    std::size_t end = accept_encoding.find(',', start);
    if (end == std::string::npos) end = accept_encoding.size();
    std::string token = accept_encoding.substr(start, end - start);
    token.erase(0, token.find_first_not_of(' '));
    if (!token.empty() && token.find("br") == std::string::npos) kept += (kept.empty() ? "" : ", ") + token;
    start = end + 1;
  }
  return kept.empty() ? "identity" : kept;
}

}  // namespace

Emulator::Emulator(EmulatorOptions options) : impl_(std::make_unique<Impl>()) {
  impl_->options = std::move(options);
}

Emulator::~Emulator() {
  Stop();
}

bool Emulator::Start(std::string* error) {
  EmulatorOptions const& options = impl_->options;
  auto clients = ResolveClients(options, error);
  if (!clients) return false;
  std::shared_ptr<Org const> org = MakeOrg(options);
  if (!org) {
    if (error) *error = "cannot generate the org";
    return false;
  }
  if (options.truth_path) {
    std::ofstream truth(*options.truth_path);
    if (!truth) {
      if (error) *error = "cannot write " + *options.truth_path;
      return false;
    }
    WriteTruthJsonl(*org, truth);
  }
  impl_->app = std::make_unique<server::App>(org, options, std::move(*clients));
  if (!impl_->app->LoadFaults(options.faults, error)) return false;
  impl_->app->Register(impl_->server);
  // Accepted sockets inherit this from the listener; without it keep-alive responses stall ~40 ms
  // on the client's delayed ACK (Nagle).
  impl_->server.set_tcp_nodelay(true);
  // cpp-httplib's pool defaults to max(8, cores - 1) threads, and an idle keep-alive connection
  // holds its thread for up to 5 s: with a client running more connections than that (gctq query:
  // 8 workers + the lister), a new connection waited ~5 s in the queue. Room for --concurrency 64.
  impl_->server.new_task_queue = [] { return new httplib::ThreadPool(kServerThreads); };
  // The distribution's cpp-httplib is built with brotli and answers `Accept-Encoding: br` (libcurl
  // offers it) at brotli's default quality 11: ~90% of the emulator's CPU went into compressing.
  // Serve gzip or identity instead, as the real API does.
  impl_->server.set_pre_routing_handler([](httplib::Request const& request, httplib::Response&) {
    // The server owns a mutable Request; the handler type only adds const.
    auto& headers = const_cast<httplib::Request&>(request).headers;
    if (auto it = headers.find("Accept-Encoding"); it != headers.end())
      it->second = WithoutBrotli(it->second);
    return httplib::Server::HandlerResponse::Unhandled;
  });
  impl_->port = options.port == 0
                    ? impl_->server.bind_to_any_port(options.host)
                    : (impl_->server.bind_to_port(options.host, options.port) ? options.port : -1);
  if (impl_->port <= 0) {
    if (error) *error = "cannot bind " + options.host + ":" + std::to_string(options.port);
    return false;
  }
  impl_->app->set_base_url(base_url());
  impl_->thread = std::thread([this] { impl_->server.listen_after_bind(); });
  for (int i = 0; i < 5000 && !impl_->server.is_running(); ++i)
    std::this_thread::sleep_for(std::chrono::milliseconds(1));
  return true;
}

void Emulator::Stop() {
  if (!impl_ || !impl_->thread.joinable()) return;
  impl_->server.stop();
  impl_->thread.join();
}

int Emulator::port() const {
  return impl_->port;
}

std::string Emulator::base_url() const {
  return "http://127.0.0.1:" + std::to_string(impl_->port);
}

}  // namespace gctq_emulator
