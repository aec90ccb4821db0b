#pragma once

#include <sys/types.h>

#include <cstdint>
#include <string>

#include "gctq/core/result.h"

namespace gctq::internal {

/// The end of an audit file as found under the writer's lock.
struct AuditTail {
  off_t size = 0;                ///< File size after any recovery.
  std::string last_line;         ///< Last complete line without its newline; empty for an empty file.
  std::uint64_t torn_bytes = 0;  ///< Bytes of a torn last line that were moved aside.
  std::string moved_to;          ///< Where the torn bytes went.
};

/// Reads the last complete line of the file open as `fd`; a partial last line (no newline: a crash
/// mid-write) is copied to `<path>.torn-<unix_ms>`, then truncated away and the file synced.
Result<AuditTail> ReadAndRepairTail(int fd, std::string const& path, std::int64_t unix_millis);

/// Writes all of `bytes` with one write() (retrying only on EINTR / short writes).
Status WriteAll(int fd, std::string_view bytes);

/// fsync the directory holding `path`, so a newly created file survives a crash.
Status SyncParentDirectory(std::string const& path);

}  // namespace gctq::internal
