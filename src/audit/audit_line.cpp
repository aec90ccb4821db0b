#include "audit/audit_line.h"

#include <fmt/format.h>

#include <charconv>
#include <ctime>

namespace gctq::internal {
namespace {

bool Consume(std::string_view& text, std::string_view expected) {
  if (!text.starts_with(expected)) return false;
  text.remove_prefix(expected.size());
  return true;
}

bool IsHex(std::string_view s) {
  for (char c : s) {
    if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'))) return false;
  }
  return true;
}

std::optional<std::string_view> QuotedUntil(std::string_view& text, std::string_view terminator) {
  auto end = text.find(terminator);
  if (end == std::string_view::npos) return std::nullopt;
  auto value = text.substr(0, end);
  if (value.find_first_of("\"\\") != std::string_view::npos) return std::nullopt;
  text.remove_prefix(end + terminator.size());
  return value;
}

}  // namespace

std::string FormatRecordLine(std::uint64_t seq, std::string_view prev, std::string_view log_id,
                             std::string_view ts, std::string_view type, std::string_view data_json) {
  return fmt::format(R"({{"seq":{},"prev":"{}","log_id":"{}","ts":"{}","type":"{}","data":{}}})", seq, prev,
                     log_id, ts, type, data_json);
}

std::optional<RecordLine> ParseRecordLine(std::string_view text) {
  RecordLine line;
  if (!Consume(text, R"({"seq":)")) return std::nullopt;
  auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), line.seq);
  if (ec != std::errc() || end == text.data()) return std::nullopt;
  text.remove_prefix(static_cast<std::size_t>(end - text.data()));
  if (!Consume(text, R"(,"prev":")") || text.size() < 64) return std::nullopt;
  line.prev = text.substr(0, 64);
  text.remove_prefix(64);
  if (!IsHex(line.prev) || !Consume(text, R"(","log_id":")")) return std::nullopt;
  auto log_id = QuotedUntil(text, R"(","ts":")");
  if (!log_id || log_id->empty() || !IsHex(*log_id)) return std::nullopt;
  auto ts = QuotedUntil(text, R"(","type":")");
  auto type = ts ? QuotedUntil(text, R"(","data":)") : std::nullopt;
  if (!type || type->empty() || text.size() < 3 || text.front() != '{' || !text.ends_with("}}")) {
    return std::nullopt;
  }
  line.log_id = *log_id;
  line.ts = *ts;
  line.type = *type;
  line.data = text.substr(0, text.size() - 1);
  return line;
}

std::string CheckpointMessage(std::string_view log_id, std::uint64_t seq, std::string_view prev,
                              std::string_view ts, std::string_view key_id) {
  return fmt::format("gctq-audit-checkpoint/v1\n{}\n{}\n{}\n{}\n{}\n", log_id, seq, prev, ts, key_id);
}

std::string FormatTimestamp(std::int64_t unix_millis) {
  std::time_t seconds = static_cast<std::time_t>(unix_millis / 1000);
  std::tm utc{};
  ::gmtime_r(&seconds, &utc);
  return fmt::format("{:04}-{:02}-{:02}T{:02}:{:02}:{:02}.{:03}Z", utc.tm_year + 1900, utc.tm_mon + 1,
                     utc.tm_mday, utc.tm_hour, utc.tm_min, utc.tm_sec, unix_millis % 1000);
}

}  // namespace gctq::internal
