#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "gctq/query/iso_time.h"

namespace gctq::query {

struct AgentRef {
  std::string user_id;
  std::string name;  ///< participantName; may be empty.

  friend bool operator==(AgentRef const&, AgentRef const&) = default;
};

/// The client's compact view of one conversation of the details response (its own model, not the
/// emulator's). Lists keep the order of first appearance and hold no duplicates.
struct ConversationSummary {
  std::string conversation_id;
  TimePoint start;
  std::optional<TimePoint> end;       ///< Absent while in progress.
  std::string originating_direction;  ///< inbound | outbound (may be empty on old data)
  std::vector<std::string> division_ids;
  std::vector<std::string> queue_ids;
  std::vector<AgentRef> agents;  ///< Participants with purpose agent (or user) and a userId.
  std::vector<std::string> wrap_up_codes;
  std::int64_t duration_ms = 0;  ///< end - start; 0 while in progress.
  /// The customer's voice sessionId: the communicationId of the transcript URL. Empty when the
  /// conversation has no customer (or external) voice session.
  std::string communication_id;

  [[nodiscard]] bool in_progress() const { return !end.has_value(); }
};

}  // namespace gctq::query
