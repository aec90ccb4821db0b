#pragma once

// Every id inside one conversation, drawn in a fixed order from the conversation's id stream.

#include <array>
#include <cstdint>

#include "generator/uuid.h"

namespace gctq_emulator::gen {

struct ParticipantIds {
  Uuid participant, session;
};

struct ConversationIds {
  Uuid conversation;
  ParticipantIds customer, ivr;
  std::array<ParticipantIds, 2> acd, agent;  ///< One per leg.
  Uuid transcript;
};

inline Uuid ConversationIdOf(std::uint64_t seed, std::uint64_t index) {
  Rng rng(seed, Stream::kIds, index);
  return RandomUuid(rng);
}

inline ConversationIds MakeConversationIds(std::uint64_t seed, std::uint64_t index) {
  Rng rng(seed, Stream::kIds, index);
  ConversationIds ids;
  ids.conversation = RandomUuid(rng);
  for (ParticipantIds* p :
       {&ids.customer, &ids.ivr, &ids.acd[0], &ids.acd[1], &ids.agent[0], &ids.agent[1]}) {
    p->participant = RandomUuid(rng);
    p->session = RandomUuid(rng);
  }
  ids.transcript = RandomUuid(rng);
  return ids;
}

}  // namespace gctq_emulator::gen
