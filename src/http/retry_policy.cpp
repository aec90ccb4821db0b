#include "gctq/http/retry_policy.h"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <ctime>
#include <random>
#include <string>

namespace gctq::http {

JitterSource DefaultJitter() {
  return [] {
    thread_local std::mt19937_64 engine{std::random_device{}()};
    return std::uniform_real_distribution<double>(0.0, 1.0)(engine);
  };
}

std::chrono::milliseconds BackoffDelay(BackoffPolicy const& policy, int retry_index, double unit_random) {
  double const cap = static_cast<double>(policy.max.count());
  double const grown = static_cast<double>(policy.initial.count()) *
                       std::pow(std::max(policy.factor, 1.0), std::max(retry_index, 0));
  double const ceiling = std::min(cap, grown);
  double const unit = std::clamp(unit_random, 0.0, 1.0);
  return std::chrono::milliseconds(static_cast<std::int64_t>(std::floor(unit * ceiling)));
}

std::optional<std::chrono::milliseconds> ParseRetryAfter(std::string_view value,
                                                         std::chrono::system_clock::time_point now) {
  while (!value.empty() && value.front() == ' ') value.remove_prefix(1);
  while (!value.empty() && value.back() == ' ') value.remove_suffix(1);
  if (value.empty()) return std::nullopt;
  std::int64_t seconds = 0;
  auto const [end, ec] = std::from_chars(value.data(), value.data() + value.size(), seconds);
  if (ec == std::errc() && end == value.data() + value.size()) {
    if (seconds < 0) return std::nullopt;
    return std::chrono::milliseconds(std::min<std::int64_t>(seconds, 10'000'000) * 1000);
  }
  std::tm tm{};
  std::string const text(value);
  char const* parsed = strptime(text.c_str(), "%a, %d %b %Y %H:%M:%S GMT", &tm);
  if (parsed == nullptr || *parsed != '\0') return std::nullopt;
  auto const at = std::chrono::system_clock::from_time_t(timegm(&tm));
  auto const delta = std::chrono::duration_cast<std::chrono::milliseconds>(at - now);
  return std::max(delta, std::chrono::milliseconds::zero());
}

bool IsIdempotent(EndpointClass endpoint_class, std::string_view method) {
  switch (endpoint_class) {
    case EndpointClass::kAsyncJobSubmit: return false;
    case EndpointClass::kOther: return method != "POST" && method != "PATCH";
    default: return true;
  }
}

}  // namespace gctq::http
