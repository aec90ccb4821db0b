#pragma once

// The emulator's own model of an org. Private to the emulator: the client has its own, written
// separately from the API reference, and the two meet only over HTTP.

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace gctq_emulator {

struct Division {
  std::string id, name;
};
struct Queue {
  std::string id, name, division_id;
};
struct Agent {
  std::string user_id, name, division_id;
};
struct WrapUpCode {
  std::string id, name;
};

/// The org's directory: ids are UUID-shaped strings, deterministic by seed.
struct Directory {
  std::string organization_id;
  std::vector<Division> divisions;
  std::vector<Queue> queues;
  std::vector<Agent> agents;
  std::vector<WrapUpCode> wrap_up_codes;
};

struct Metric {
  std::string name;
  std::int64_t value = 0;
  std::int64_t emit_ms = 0;
};

struct Segment {
  std::int64_t start_ms = 0;
  std::optional<std::int64_t> end_ms;  ///< Absent while the segment is ongoing.
  std::string segment_type;            ///< alert, interact, hold, wrapup, ivr, system, dialing, ...
  std::string queue_id;
  std::string wrap_up_code;
  std::string disconnect_type;  ///< client, endpoint, peer, transfer, system, ...
};

struct Session {
  std::string session_id;
  std::string media_type = "voice";
  std::string direction;  ///< inbound | outbound
  std::string ani, dnis;  ///< "tel:+1555..."
  std::string peer_id;
  std::optional<bool> recording;
  std::vector<Segment> segments;
  std::vector<Metric> metrics;  ///< tTalk, tHeld, tHandle, tAcw, ... (ms)
};

struct Participant {
  std::string participant_id;
  std::string participant_name;
  std::string purpose;  ///< customer, ivr, acd, agent, external
  std::string user_id;  ///< agents only
  std::vector<Session> sessions;
};

/// One conversation as the analytics details query returns it.
struct Conversation {
  std::string conversation_id;
  std::int64_t start_ms = 0;
  std::optional<std::int64_t> end_ms;  ///< Absent while in progress.
  std::string originating_direction;   ///< inbound | outbound
  std::vector<std::string> division_ids;
  std::vector<Participant> participants;
  std::int64_t t_conversation_duration_ms = 0;
};

/// Speech & Text Analytics metrics for a conversation.
struct StaMetrics {
  double sentiment_score = 0;  ///< -1..+1
  double sentiment_trend = 0;
  std::string sentiment_trend_class;  ///< NotCalculated | Declining | ... | Improving
  struct Empathy {
    std::string user_id;
    double score;
  };
  std::vector<Empathy> empathy_scores;
  double agent_pct = 0, customer_pct = 0, silence_pct = 0, ivr_pct = 0, acd_pct = 0, overtalk_pct = 0,
         other_pct = 0;
  int overtalk_count = 0;
};

struct Word {
  std::string word;
  double confidence = 0;
  std::int64_t offset_ms = 0, start_ms = 0, duration_ms = 0;
};

struct Phrase {
  int phrase_index = 0;
  std::string text;
  std::string participant_purpose;  ///< internal (agent side) | external (customer)
  double confidence = 0, stability = 0;
  std::int64_t offset_ms = 0, start_ms = 0, duration_ms = 0;
  std::vector<Word> words;
  int sentiment = 0;  ///< -1 | 0 | 1 (analytics.sentiment)
};

struct Topic {
  std::string topic_id, topic_name, topic_phrase, transcript_phrase, participant;
  double confidence = 0;
  std::int64_t offset_ms = 0, start_ms = 0, duration_ms = 0;
};

/// The document behind a pre-signed transcript URL.
struct TranscriptDocument {
  std::string organization_id, conversation_id, communication_id;
  std::int64_t conversation_start_ms = 0, start_ms = 0, duration_ms = 0;
  std::string transcript_id, language = "en-US", program_id, engine_id;
  std::vector<Phrase> phrases;
  std::vector<Topic> topics;
  struct TranscriptParticipant {
    std::string purpose, user_id, queue_id, division_id, ani, dnis, initial_direction;
    std::int64_t start_ms = 0, end_ms = 0;
  };
  std::vector<TranscriptParticipant> participants;
};

/// What the generator put in a conversation: for scoring the client's analysis.
struct PiiInstance {
  std::string type;                 ///< card_number, card_expiry, cvv, ssn, phone, email, iban, name
  std::vector<int> phrase_indexes;  ///< A leak split across phrases lists each of them.
  bool masked = false;
  std::string speaker;  ///< agent | customer
};

struct Truth {
  std::string conversation_id;
  std::vector<std::string> agent_keywords;     ///< Vocabulary words the agent said (sorted, unique).
  std::vector<std::string> customer_keywords;  ///< Vocabulary words the customer said.
  std::vector<PiiInstance> pii;
  bool has_transcript = false;
};

/// Compact per-conversation facts the server filters on without expanding the full model.
struct ConversationSummary {
  std::int64_t start_ms = 0;
  std::int64_t end_ms = 0;  ///< 0 while in progress.
  std::uint32_t index = 0;  ///< Position in the org, for Expand/Transcript/Truth.
  // Filter facts filled by the generator: indexes into the Directory's vectors, kNoIndex when absent.
  static constexpr std::uint16_t kNoIndex = 0xFFFF;
  std::array<std::uint16_t, 2> queue_indexes{kNoIndex, kNoIndex};  ///< One per agent leg (transfer: two).
  std::array<std::uint16_t, 2> agent_indexes{kNoIndex, kNoIndex};
  std::uint16_t wrap_up_index = kNoIndex;  ///< The final leg's wrap-up; kNoIndex while in progress.
  bool inbound = true;                     ///< originatingDirection
  bool has_transcript = false;
};

/// A generated org: deterministic from its settings; conversations sorted by start time.
/// Expansion is lazy so 100,000 conversations fit in well under 1 GB.
class Org {
 public:
  virtual ~Org() = default;
  [[nodiscard]] virtual Directory const& directory() const = 0;
  [[nodiscard]] virtual std::size_t size() const = 0;
  [[nodiscard]] virtual ConversationSummary const& summary(std::size_t i) const = 0;
  [[nodiscard]] virtual Conversation Expand(std::size_t i) const = 0;
  /// The customer's voice session id: the communicationId of transcript URLs.
  [[nodiscard]] virtual std::string CommunicationId(std::size_t i) const = 0;
  [[nodiscard]] virtual std::optional<std::size_t> Find(std::string const& conversation_id) const = 0;
  [[nodiscard]] virtual std::optional<StaMetrics> Sta(std::size_t i) const = 0;  ///< nullopt: not analysed
  [[nodiscard]] virtual std::optional<TranscriptDocument> Transcript(std::size_t i) const = 0;
  [[nodiscard]] virtual Truth TruthOf(std::size_t i) const = 0;
};

}  // namespace gctq_emulator
