#include "audit/ed25519_key.h"

#include <fcntl.h>
#include <fmt/format.h>
#include <openssl/evp.h>
#include <openssl/pem.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cstdio>
#include <memory>

#include "audit/crypto_util.h"

namespace gctq::internal {
namespace {

struct FileCloser {
  void operator()(std::FILE* f) const { std::fclose(f); }
};
using File = std::unique_ptr<std::FILE, FileCloser>;

Error KeyError(std::string const& what, std::string const& path) {
  return MakeError(ErrorCode::kIo, fmt::format("audit key {}: {}", path, what));
}

Status WritePem(std::string const& path, mode_t mode, bool private_key, EVP_PKEY* key) {
  int fd = ::open(path.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, mode);
  if (fd < 0) return KeyError("cannot create", path);
  File file(::fdopen(fd, "w"));
  if (!file) {
    ::close(fd);
    return KeyError("cannot open", path);
  }
  int ok = private_key ? PEM_write_PrivateKey(file.get(), key, nullptr, nullptr, 0, nullptr, nullptr)
                       : PEM_write_PUBKEY(file.get(), key);
  if (ok != 1 || std::fflush(file.get()) != 0 || ::fsync(fd) != 0) return KeyError("cannot write", path);
  return Ok{};
}

Status Generate(std::string const& private_path) {
  EVP_PKEY* raw = EVP_PKEY_Q_keygen(nullptr, nullptr, "ED25519");
  if (raw == nullptr) return KeyError("key generation failed", private_path);
  std::unique_ptr<EVP_PKEY, decltype(&EVP_PKEY_free)> key(raw, &EVP_PKEY_free);
  std::string temporary = fmt::format("{}.tmp.{}", private_path, ::getpid());
  GCTQ_TRY(WritePem(private_path + ".pub", 0644, false, key.get()));
  GCTQ_TRY(WritePem(temporary, 0600, true, key.get()));
  // link() publishes the key atomically and fails if another process won the race: then use theirs.
  int linked = ::link(temporary.c_str(), private_path.c_str());
  ::unlink(temporary.c_str());
  if (linked != 0 && errno != EEXIST) return KeyError("cannot publish", private_path);
  return Ok{};
}

}  // namespace

void Ed25519Key::Deleter::operator()(EVP_PKEY* key) const {
  EVP_PKEY_free(key);
}

Ed25519Key::Ed25519Key(EVP_PKEY* key) : key_(key, Deleter{}) {
  std::string raw(32, '\0');
  std::size_t size = raw.size();
  EVP_PKEY_get_raw_public_key(key, reinterpret_cast<unsigned char*>(raw.data()), &size);
  raw.resize(size);
  key_id_ = Sha256Hex(raw).substr(0, 16);
}

Result<Ed25519Key> Ed25519Key::LoadOrCreate(std::string const& private_path) {
  struct stat info {};
  if (::stat(private_path.c_str(), &info) != 0) GCTQ_TRY(Generate(private_path));
  File file(std::fopen(private_path.c_str(), "re"));
  if (!file) return KeyError("cannot open", private_path);
  if (::fstat(::fileno(file.get()), &info) != 0) return KeyError("cannot stat", private_path);
  if ((info.st_mode & 077) != 0) {
    return MakeError(ErrorCode::kInvalidArgument,
                     fmt::format("audit key {}: permissions {:04o} are too open; it must be 0600",
                                 private_path, info.st_mode & 0777));
  }
  EVP_PKEY* key = PEM_read_PrivateKey(file.get(), nullptr, nullptr, nullptr);
  if (key == nullptr || EVP_PKEY_get_base_id(key) != EVP_PKEY_ED25519) {
    EVP_PKEY_free(key);
    return KeyError("not an Ed25519 private key", private_path);
  }
  return Ed25519Key(key);
}

Result<Ed25519Key> Ed25519Key::LoadPublic(std::string const& public_path) {
  File file(std::fopen(public_path.c_str(), "re"));
  if (!file) return KeyError("cannot open public key", public_path);
  EVP_PKEY* key = PEM_read_PUBKEY(file.get(), nullptr, nullptr, nullptr);
  if (key == nullptr || EVP_PKEY_get_base_id(key) != EVP_PKEY_ED25519) {
    EVP_PKEY_free(key);
    return KeyError("not an Ed25519 public key", public_path);
  }
  return Ed25519Key(key);
}

Result<std::string> Ed25519Key::Sign(std::string_view message) const {
  std::unique_ptr<EVP_MD_CTX, decltype(&EVP_MD_CTX_free)> ctx(EVP_MD_CTX_new(), &EVP_MD_CTX_free);
  std::string signature(64, '\0');
  std::size_t size = signature.size();
  if (EVP_DigestSignInit(ctx.get(), nullptr, nullptr, nullptr, key_.get()) != 1 ||
      EVP_DigestSign(ctx.get(), reinterpret_cast<unsigned char*>(signature.data()), &size,
                     reinterpret_cast<unsigned char const*>(message.data()), message.size()) != 1) {
    return MakeError(ErrorCode::kInternal, "Ed25519 signing failed");
  }
  signature.resize(size);
  return signature;
}

bool Ed25519Key::Verify(std::string_view message, std::string_view signature) const {
  std::unique_ptr<EVP_MD_CTX, decltype(&EVP_MD_CTX_free)> ctx(EVP_MD_CTX_new(), &EVP_MD_CTX_free);
  return EVP_DigestVerifyInit(ctx.get(), nullptr, nullptr, nullptr, key_.get()) == 1 &&
         EVP_DigestVerify(ctx.get(), reinterpret_cast<unsigned char const*>(signature.data()),
                          signature.size(), reinterpret_cast<unsigned char const*>(message.data()),
                          message.size()) == 1;
}

}  // namespace gctq::internal
