#pragma once

// A small hand-built Org for the server tests: fixed ids, times relative to a chosen "now".

#include <cstdint>
#include <memory>

#include "model/org.h"

namespace gctq_emulator::testing {

inline constexpr char kOrgId[] = "0rg00000-0000-4000-8000-000000000000";
inline constexpr char kDivision1[] = "d1000000-0000-4000-8000-000000000001";
inline constexpr char kDivision2[] = "d2000000-0000-4000-8000-000000000002";
inline constexpr char kQueue1[] = "q1000000-0000-4000-8000-000000000001";
inline constexpr char kQueue2[] = "q2000000-0000-4000-8000-000000000002";
inline constexpr char kAgent1[] = "a1000000-0000-4000-8000-000000000001";
inline constexpr char kAgent2[] = "a2000000-0000-4000-8000-000000000002";
inline constexpr char kWrapUp1[] = "w1000000-0000-4000-8000-000000000001";
inline constexpr char kWrapUp2[] = "w2000000-0000-4000-8000-000000000002";

/// Conversation ids are "c0000000-0000-4000-8000-00000000000N" in start order; see fake_org.cpp for
/// the six named ones (indexes 0..5). `bulk` more conversations follow, 5 minutes apart, starting
/// 29 hours before now (then the in-progress one is last, not index 5).
std::shared_ptr<Org const> MakeFakeOrg(std::int64_t now_ms, int bulk = 0);

/// The id of the conversation at `index`.
std::string FakeConversationId(std::size_t index);

/// Indexes of the named conversations (in start order).
enum FakeIndex : std::size_t {
  kOld = 0,         ///< 40 days ago: beyond the sync lookback.
  kTenDays = 1,     ///< inbound, queue 1, agent 1, wrap-up 1, division 1, transcript, 60 s
  kThreeDays = 2,   ///< outbound, queue 2, agent 2, wrap-up 2, division 2, transcript, 120 s
  kTwoDays = 3,     ///< inbound, queue 1, agent 2, wrap-up 1, division 1, NO transcript/STA, 180 s
  kOneDay = 4,      ///< inbound, queue 2, agent 1, wrap-up 2, division 1, transcript, 240 s
  kInProgress = 5,  ///< started 10 minutes ago, still going: no end, no transcript.
};

}  // namespace gctq_emulator::testing
