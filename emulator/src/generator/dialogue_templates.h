#pragma once

// Scenario templates: what a call is about and the many ways each turn can be phrased.
// Template text is lower-case speech; {slots} are filled with spoken hard negatives (order numbers,
// amounts, dates, times, extensions) that look like PII but are not.

#include <span>
#include <string_view>
#include <vector>

namespace gctq_emulator::gen {

enum class Who : unsigned char { kAgent, kCustomer };

/// One turn. Variants are grouped by the phrase sentiment they carry (-1 / 0 / +1).
struct Beat {
  Who who = Who::kAgent;
  std::vector<std::string_view> neutral, positive, negative;
  double probability = 1.0;  ///< Optional turns are said only sometimes.
};

struct Scenario {
  std::string_view key;
  std::string_view topic_name;
  std::vector<std::string_view> topic_phrases;  ///< Whole-word phrases that mark the topic in the transcript.
  bool outbound = false;
  int preferred_queue = 0;     ///< Index into the generated directory's queues.
  int wrap_up = 0;             ///< Index into the generated directory's wrap-up codes.
  bool takes_payment = false;  ///< Card details come up naturally.
  std::vector<Beat> beats;
};

std::span<Scenario const> Scenarios();
/// Indexes of the scenarios for inbound or for outbound calls.
std::span<int const> ScenarioIndexes(bool outbound);

/// Turns shared by every call.
struct CommonBeats {
  Beat agent_greeting, customer_opening, agent_outbound_greeting, customer_outbound_answer;
  Beat agent_hold, agent_back_from_hold, agent_closing, customer_goodbye;
  Beat small_talk_agent, small_talk_customer;  ///< Hard negatives: times, dates, extensions.
  Beat agent_filler, customer_filler;          ///< Back-channel between turns: "one moment", "sure".
  Beat agent_thanks;                           ///< After the caller gives a detail.
};
CommonBeats const& Common();

}  // namespace gctq_emulator::gen
