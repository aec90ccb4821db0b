#include <algorithm>
#include <cctype>

#include "gctq/http/transport.h"

namespace gctq::http {

std::string_view FindHeader(HeaderList const& headers, std::string_view name) {
  auto const same = [name](std::string const& candidate) {
    return std::ranges::equal(candidate, name, [](char a, char b) {
      return std::tolower(static_cast<unsigned char>(a)) == std::tolower(static_cast<unsigned char>(b));
    });
  };
  for (auto const& [key, value] : headers) {
    if (same(key)) return value;
  }
  return {};
}

}  // namespace gctq::http
