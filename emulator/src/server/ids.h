#pragma once

// Identifiers and digests: random ids for tokens and contexts, stable ids derived from a name.

#include <string>
#include <string_view>

namespace gctq_emulator::server {

/// A random version-4 UUID ("xxxxxxxx-xxxx-4xxx-yxxx-xxxxxxxxxxxx").
std::string RandomUuid();
/// `bytes` random bytes as lower-case hex.
std::string RandomHex(int bytes);
/// A UUID-shaped id that is a pure function of `name`.
std::string DerivedUuid(std::string_view name);
/// Lower-case hex HMAC-SHA256 of `message` under `key`.
std::string HmacSha256Hex(std::string_view key, std::string_view message);
/// Constant-time comparison of two strings.
bool SecureEquals(std::string_view a, std::string_view b);

}  // namespace gctq_emulator::server
