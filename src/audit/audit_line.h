#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace gctq::internal {

/// One audit record is one line with a fixed key order and no optional whitespace:
///   {"seq":N,"prev":"<64 hex>","log_id":"<32 hex>","ts":"<RFC 3339 ms>","type":"<event>","data":{...}}
/// `prev` is the SHA-256 (hex) of the previous line's bytes (without its newline); the first record
/// uses kGenesisPrev. The verifier hashes the raw bytes, so no re-serialisation is ever needed.
inline constexpr std::string_view kGenesisPrev =
    "0000000000000000000000000000000000000000000000000000000000000000";
inline constexpr std::string_view kCheckpointType = "audit.checkpoint";

struct RecordLine {
  std::uint64_t seq = 0;
  std::string_view prev;
  std::string_view log_id;
  std::string_view ts;
  std::string_view type;
  std::string_view data;  ///< The JSON object text.
};

std::string FormatRecordLine(std::uint64_t seq, std::string_view prev, std::string_view log_id,
                             std::string_view ts, std::string_view type, std::string_view data_json);

/// Parses the canonical prefix; nullopt for anything else (an edited or torn line).
std::optional<RecordLine> ParseRecordLine(std::string_view line);

/// The exact bytes an audit checkpoint signs: every field of the checkpoint record except the
/// signature, so the signature binds the log, the position and the chain head.
std::string CheckpointMessage(std::string_view log_id, std::uint64_t seq, std::string_view prev,
                              std::string_view ts, std::string_view key_id);

std::string FormatTimestamp(std::int64_t unix_millis);  ///< 2026-01-02T03:04:05.678Z

}  // namespace gctq::internal
