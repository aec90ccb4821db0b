#pragma once

#include <memory>
#include <string>
#include <string_view>

#include "gctq/core/result.h"

typedef struct evp_pkey_st EVP_PKEY;  // NOLINT: OpenSSL's forward declaration.

namespace gctq::internal {

/// An Ed25519 key pair (or public key only) for audit checkpoints. The private key lives in a PEM
/// file of mode 0600; the public key is written beside it as `<path>.pub`.
class Ed25519Key {
 public:
  /// Loads the private key at `private_path`, generating it (and `<path>.pub`) on first use.
  /// Refuses an existing private key file readable by group or others.
  static Result<Ed25519Key> LoadOrCreate(std::string const& private_path);
  static Result<Ed25519Key> LoadPublic(std::string const& public_path);

  [[nodiscard]] Result<std::string> Sign(std::string_view message) const;  ///< Raw 64-byte signature.
  [[nodiscard]] bool Verify(std::string_view message, std::string_view signature) const;
  /// First 16 hex digits of SHA-256 of the raw public key: names the key in checkpoints.
  [[nodiscard]] std::string const& key_id() const { return key_id_; }

 private:
  struct Deleter {
    void operator()(EVP_PKEY* key) const;
  };
  explicit Ed25519Key(EVP_PKEY* key);

  std::shared_ptr<EVP_PKEY> key_;
  std::string key_id_;
};

}  // namespace gctq::internal
