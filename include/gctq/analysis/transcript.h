#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "gctq/core/result.h"

namespace gctq::analysis {

/// Who spoke a phrase. Genesys `participantPurpose`: internal = agent (or IVR/ACD), external = customer.
enum class Speaker : std::uint8_t { kAgent, kCustomer };

std::string_view ToString(Speaker speaker);

/// One phrase of the transcript, in chronological order across all transcripts[] of the document.
struct Phrase {
  std::uint32_t text_begin = 0;  ///< Into Transcript::text_arena.
  std::uint32_t text_size = 0;
  std::uint32_t words_begin = 0;  ///< Into Transcript::word_offsets_ms.
  std::uint32_t words_count = 0;
  Speaker speaker = Speaker::kAgent;
  std::int64_t offset_ms = 0;  ///< startTimeMs minus the document start.
  std::int64_t duration_ms = 0;
};

/// One analytics.sentiment[] entry: -1, 0 or +1 per phrase.
struct PhraseSentiment {
  Speaker speaker = Speaker::kAgent;
  std::int64_t offset_ms = 0;
  double value = 0;
};

/// A parsed transcript document. Phrase texts live in one arena (no allocation per phrase).
struct Transcript {
  std::string conversation_id;
  std::string communication_id;
  std::int64_t start_epoch_ms = 0;  ///< The document start all offsets are relative to.
  std::int64_t duration_ms = 0;     ///< max(duration.milliseconds, end of the last phrase).
  std::vector<Phrase> phrases;
  std::vector<std::int64_t> word_offsets_ms;  ///< words[].startTimeMs relative to the start.
  std::vector<PhraseSentiment> sentiments;
  std::string text_arena;

  [[nodiscard]] std::string_view PhraseText(Phrase const& phrase) const {
    return std::string_view(text_arena).substr(phrase.text_begin, phrase.text_size);
  }
  void Clear();
};

/// Limits that turn hostile input into a per-document error instead of unbounded work.
struct TranscriptLimits {
  std::size_t max_document_bytes = 256u << 20;
  std::size_t max_phrase_bytes = 64u << 10;
  std::size_t max_phrases = 200'000;
};

/// Parses a Genesys transcript document (the body behind the transcript URL). Also accepts the
/// repository's sample wrapper `{"document": {...}}`. Errors are kDataLoss naming the field.
/// `out` is reused (cleared first) so a scan allocates only when a document is bigger than before.
Status ParseTranscript(std::string_view json, Transcript& out, TranscriptLimits const& limits = {});

}  // namespace gctq::analysis
