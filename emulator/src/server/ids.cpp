#include "server/ids.h"

#include <openssl/crypto.h>
#include <openssl/evp.h>
#include <openssl/hmac.h>
#include <openssl/rand.h>
#include <openssl/sha.h>

#include <algorithm>
#include <array>
#include <random>
#include <stdexcept>

namespace gctq_emulator::server {
namespace {

std::string Hex(unsigned char const* data, std::size_t size) {
  static constexpr char kDigits[] = "0123456789abcdef";
  std::string out;
  out.reserve(size * 2);
  for (std::size_t i = 0; i < size; ++i) {
    out.push_back(kDigits[data[i] >> 4]);
    out.push_back(kDigits[data[i] & 0xf]);
  }
  return out;
}

std::string UuidFromBytes(std::array<unsigned char, 16> bytes) {
  bytes[6] = (bytes[6] & 0x0f) | 0x40;
  bytes[8] = (bytes[8] & 0x3f) | 0x80;
  std::string const hex = Hex(bytes.data(), bytes.size());
  return hex.substr(0, 8) + "-" + hex.substr(8, 4) + "-" + hex.substr(12, 4) + "-" + hex.substr(16, 4) + "-" +
         hex.substr(20);
}

void FillRandom(unsigned char* data, int size) {
  if (RAND_bytes(data, size) != 1) throw std::runtime_error("RAND_bytes failed");
}

}  // namespace

std::string RandomUuid() {
  std::array<unsigned char, 16> bytes{};
  FillRandom(bytes.data(), int(bytes.size()));
  return UuidFromBytes(bytes);
}

std::string RandomHex(int bytes) {
  std::string raw(std::size_t(bytes), '\0');
  FillRandom(reinterpret_cast<unsigned char*>(raw.data()), bytes);
  return Hex(reinterpret_cast<unsigned char const*>(raw.data()), raw.size());
}

std::string DerivedUuid(std::string_view name) {
  std::array<unsigned char, SHA256_DIGEST_LENGTH> digest{};
  SHA256(reinterpret_cast<unsigned char const*>(name.data()), name.size(), digest.data());
  std::array<unsigned char, 16> bytes{};
  std::copy_n(digest.begin(), bytes.size(), bytes.begin());
  return UuidFromBytes(bytes);
}

std::string HmacSha256Hex(std::string_view key, std::string_view message) {
  std::array<unsigned char, EVP_MAX_MD_SIZE> digest{};
  unsigned int length = 0;
  HMAC(EVP_sha256(), key.data(), int(key.size()), reinterpret_cast<unsigned char const*>(message.data()),
       message.size(), digest.data(), &length);
  return Hex(digest.data(), length);
}

bool SecureEquals(std::string_view a, std::string_view b) {
  return a.size() == b.size() && CRYPTO_memcmp(a.data(), b.data(), a.size()) == 0;
}

}  // namespace gctq_emulator::server
