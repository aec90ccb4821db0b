#include "audit/audit_file.h"

#include <fcntl.h>
#include <fmt/format.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <filesystem>

namespace gctq::internal {
namespace {

Error IoError(std::string_view what, std::string const& path) {
  return MakeError(ErrorCode::kIo, fmt::format("audit log {}: {} ({})", path, what, std::strerror(errno)));
}

Result<std::string> ReadRange(int fd, off_t offset, std::size_t length, std::string const& path) {
  std::string buffer(length, '\0');
  std::size_t done = 0;
  while (done < length) {
    ssize_t n = ::pread(fd, buffer.data() + done, length - done, offset + static_cast<off_t>(done));
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) return IoError("read failed", path);
    done += static_cast<std::size_t>(n);
  }
  return buffer;
}

/// The bytes after the last newline before `end` (the whole file if there is none), and where they start.
Result<std::pair<off_t, std::string>> LastSegment(int fd, off_t end, std::string const& path) {
  constexpr off_t kChunk = 64 * 1024;
  std::string tail;
  off_t start = end;
  while (start > 0) {
    off_t from = std::max<off_t>(0, start - kChunk);
    auto chunk = ReadRange(fd, from, static_cast<std::size_t>(start - from), path);
    if (!chunk) return chunk.error();
    tail.insert(0, *chunk);
    start = from;
    auto newline = tail.rfind('\n');
    if (newline != std::string::npos)
      return std::pair{start + static_cast<off_t>(newline) + 1, tail.substr(newline + 1)};
  }
  return std::pair{off_t{0}, tail};
}

}  // namespace

Status WriteAll(int fd, std::string_view bytes) {
  while (!bytes.empty()) {
    ssize_t n = ::write(fd, bytes.data(), bytes.size());
    if (n < 0 && errno == EINTR) continue;
    if (n < 0) return MakeError(ErrorCode::kIo, fmt::format("write failed: {}", std::strerror(errno)));
    bytes.remove_prefix(static_cast<std::size_t>(n));
  }
  return Ok{};
}

Status SyncParentDirectory(std::string const& path) {
  auto parent = std::filesystem::absolute(path).parent_path();
  int dir = ::open(parent.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  if (dir < 0) return IoError("cannot open parent directory", path);
  int rc = ::fsync(dir);
  ::close(dir);
  if (rc != 0) return IoError("cannot sync parent directory", path);
  return Ok{};
}

Result<AuditTail> ReadAndRepairTail(int fd, std::string const& path, std::int64_t unix_millis) {
  struct stat info {};
  if (::fstat(fd, &info) != 0) return IoError("stat failed", path);
  AuditTail tail;
  tail.size = info.st_size;
  if (tail.size == 0) return tail;
  auto last_byte = ReadRange(fd, tail.size - 1, 1, path);
  if (!last_byte) return last_byte.error();
  if (*last_byte != "\n") {
    auto torn = LastSegment(fd, tail.size, path);
    if (!torn) return torn.error();
    tail.moved_to = fmt::format("{}.torn-{}", path, unix_millis);
    int out = ::open(tail.moved_to.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0600);
    if (out < 0) return IoError("cannot save torn tail", tail.moved_to);
    auto written = WriteAll(out, torn->second);
    bool synced = ::fsync(out) == 0;
    ::close(out);
    if (!written || !synced) return IoError("cannot save torn tail", tail.moved_to);
    if (::ftruncate(fd, torn->first) != 0 || ::fsync(fd) != 0)
      return IoError("cannot truncate torn tail", path);
    tail.torn_bytes = torn->second.size();
    tail.size = torn->first;
  }
  if (tail.size == 0) return tail;
  auto last = LastSegment(fd, tail.size - 1, path);
  if (!last) return last.error();
  tail.last_line = std::move(last->second);
  return tail;
}

}  // namespace gctq::internal
