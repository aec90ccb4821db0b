#include "gctq/http/url.h"

#include <algorithm>
#include <cctype>

namespace gctq::http {
namespace {

std::string Lower(std::string_view s) {
  std::string out(s);
  std::ranges::transform(out, out.begin(),
                         [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return out;
}

bool IsIpv4Loopback(std::string_view host) {
  if (!host.starts_with("127.")) return false;
  int parts = 0;
  std::size_t i = 0;
  while (i <= host.size()) {
    std::size_t const end = std::min(host.find('.', i), host.size());
    std::string_view const part = host.substr(i, end - i);
    if (part.empty() || part.size() > 3 || !std::ranges::all_of(part, ::isdigit) ||
        std::stoi(std::string(part)) > 255)
      return false;
    ++parts;
    i = end + 1;
  }
  return parts == 4;
}

}  // namespace

std::optional<UrlParts> ParseUrl(std::string_view url) {
  auto const scheme_end = url.find("://");
  if (scheme_end == std::string_view::npos || scheme_end == 0) return std::nullopt;
  UrlParts parts;
  parts.scheme = Lower(url.substr(0, scheme_end));
  std::string_view rest = url.substr(scheme_end + 3);
  auto const authority_end = std::min(rest.find_first_of("/?#"), rest.size());
  std::string_view authority = rest.substr(0, authority_end);
  std::string_view const tail = rest.substr(authority_end);
  if (auto const at = authority.rfind('@'); at != std::string_view::npos) authority.remove_prefix(at + 1);
  std::string_view host = authority;
  std::string_view port;
  if (authority.starts_with('[')) {
    auto const close = authority.find(']');
    if (close == std::string_view::npos) return std::nullopt;
    host = authority.substr(1, close - 1);
    std::string_view const after = authority.substr(close + 1);
    if (!after.empty()) {
      if (after.front() != ':') return std::nullopt;
      port = after.substr(1);
    }
  } else if (auto const colon = authority.rfind(':'); colon != std::string_view::npos) {
    host = authority.substr(0, colon);
    port = authority.substr(colon + 1);
  }
  if (host.empty() || !std::ranges::all_of(port, ::isdigit)) return std::nullopt;
  parts.host = Lower(host);
  parts.port = std::string(port);
  std::string_view const path = tail.substr(0, std::min(tail.find_first_of("?#"), tail.size()));
  parts.path = path.empty() ? "/" : std::string(path);
  return parts;
}

bool IsLoopbackHost(std::string_view host) {
  std::string const h = Lower(host);
  return h == "localhost" || h == "::1" || h == "[::1]" || IsIpv4Loopback(h);
}

std::string SanitizeUrl(std::string_view url) {
  auto const parts = ParseUrl(url);
  if (!parts) return "<invalid url>";
  std::string const host = parts->host.find(':') != std::string::npos ? "[" + parts->host + "]" : parts->host;
  return parts->scheme + "://" + host + (parts->port.empty() ? "" : ":" + parts->port) + parts->path;
}

Status CheckTransportSecurity(std::string_view url) {
  auto const parts = ParseUrl(url);
  if (!parts)
    return MakeError(ErrorCode::kInvalidArgument, "not an absolute http(s) URL: " + SanitizeUrl(url));
  if (parts->scheme == "https") return Ok{};
  if (parts->scheme == "http" && IsLoopbackHost(parts->host)) return Ok{};
  if (parts->scheme == "http") {
    return MakeError(ErrorCode::kInvalidArgument,
                     "plain http is only allowed to loopback (127.0.0.0/8, ::1, localhost); use https for " +
                         SanitizeUrl(url));
  }
  return MakeError(ErrorCode::kInvalidArgument, "unsupported URL scheme '" + parts->scheme + "'");
}

bool UrlIsUnderBase(std::string_view url, std::string_view base) {
  auto const u = ParseUrl(url);
  auto const b = ParseUrl(base);
  if (!u || !b || u->scheme != b->scheme || u->host != b->host || u->port != b->port) return false;
  std::string_view base_path = b->path;
  while (base_path.size() > 1 && base_path.ends_with('/')) base_path.remove_suffix(1);
  if (base_path == "/") return true;
  return u->path == base_path || u->path.starts_with(std::string(base_path) + "/");
}

}  // namespace gctq::http
