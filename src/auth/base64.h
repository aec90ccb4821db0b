#pragma once

#include <string>
#include <string_view>

namespace gctq::auth::internal {

/// Standard base64 with padding (RFC 4648 §4).
std::string Base64Encode(std::string_view bytes);

}  // namespace gctq::auth::internal
