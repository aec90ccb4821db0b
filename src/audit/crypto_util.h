#pragma once

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace gctq::internal {

using Sha256Digest = std::array<std::uint8_t, 32>;

Sha256Digest Sha256(std::string_view data);
std::string Sha256Hex(std::string_view data);
std::string ToHex(std::string_view bytes);
std::string ToHex(Sha256Digest const& digest);
std::string HmacSha256(std::string_view key, std::string_view data);  ///< Raw 32 bytes.
std::string Base64Encode(std::string_view bytes);
std::optional<std::string> Base64Decode(std::string_view text);
std::string RandomBytes(std::size_t count);  ///< From the OpenSSL CSPRNG.
std::string RandomHex(std::size_t bytes);
bool ConstantTimeEquals(std::string_view a, std::string_view b);

}  // namespace gctq::internal
