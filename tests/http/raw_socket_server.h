#pragma once

// RawSocketServer: a loopback TCP server for faults an HTTP library will not produce
// (truncated bodies, connection resets). Each accepted connection's request head is read, then
// `reply` bytes are written and the socket is closed (with an RST when `reset` is true).

#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include <string>
#include <thread>

namespace gctq::testing {

class RawSocketServer {
 public:
  RawSocketServer(std::string reply, bool reset) : reply_(std::move(reply)), reset_(reset) {
    listen_fd_ = ::socket(AF_INET, SOCK_STREAM, 0);
    sockaddr_in addr{};
    addr.sin_family = AF_INET;
    addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    addr.sin_port = 0;
    ::bind(listen_fd_, reinterpret_cast<sockaddr*>(&addr), sizeof(addr));
    ::listen(listen_fd_, 8);
    socklen_t len = sizeof(addr);
    ::getsockname(listen_fd_, reinterpret_cast<sockaddr*>(&addr), &len);
    port_ = ntohs(addr.sin_port);
    thread_ = std::thread([this] { Serve(); });
  }
  ~RawSocketServer() {
    ::shutdown(listen_fd_, SHUT_RDWR);
    ::close(listen_fd_);
    thread_.join();
  }
  RawSocketServer(RawSocketServer const&) = delete;
  RawSocketServer& operator=(RawSocketServer const&) = delete;

  std::string url(std::string const& path = "/") const {
    return "http://127.0.0.1:" + std::to_string(port_) + path;
  }

 private:
  void Serve() {
    for (int served = 0; served < 64; ++served) {
      int const fd = ::accept(listen_fd_, nullptr, nullptr);
      if (fd < 0) return;
      std::string head;
      char buf[1024];
      while (head.find("\r\n\r\n") == std::string::npos) {
        auto const n = ::recv(fd, buf, sizeof(buf), 0);
        if (n <= 0) break;
        head.append(buf, static_cast<std::size_t>(n));
      }
      (void)!::send(fd, reply_.data(), reply_.size(), MSG_NOSIGNAL);
      if (reset_) {
        linger hard{1, 0};
        ::setsockopt(fd, SOL_SOCKET, SO_LINGER, &hard, sizeof(hard));
      }
      ::close(fd);
    }
  }

  std::string const reply_;
  bool const reset_;
  int listen_fd_ = -1;
  int port_ = 0;
  std::thread thread_;
};

}  // namespace gctq::testing
