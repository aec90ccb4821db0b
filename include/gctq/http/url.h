#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "gctq/core/result.h"

namespace gctq::http {

/// The parts of an absolute http(s) URL that gctq needs. `host` has no brackets for IPv6.
struct UrlParts {
  std::string scheme;  ///< Lower case: "http" or "https" (others are parsed but refused elsewhere).
  std::string host;    ///< Lower case.
  std::string port;    ///< Empty when absent.
  std::string path;    ///< Starts with '/', never holds the query or fragment ("/" when absent).
};

/// Splits `scheme://[userinfo@]host[:port][/path][?query][#fragment]`; nullopt when malformed.
std::optional<UrlParts> ParseUrl(std::string_view url);

/// True for localhost, 127.0.0.0/8 and ::1.
bool IsLoopbackHost(std::string_view host);

/// `scheme://host[:port]/path`: drops userinfo, query string and fragment, so pre-signed URL
/// signatures and tokens never reach logs. Unparseable input yields "<invalid url>".
std::string SanitizeUrl(std::string_view url);

/// Ok for https URLs and for plain http to a loopback host; kInvalidArgument otherwise.
Status CheckTransportSecurity(std::string_view url);

/// True when `url` has the scheme, host and port of `base` and its path is `base`'s path or lies
/// below it; so "https://api.x.com.evil/..." never matches "https://api.x.com".
bool UrlIsUnderBase(std::string_view url, std::string_view base);

}  // namespace gctq::http
