// Parses the Genesys transcript document with simdjson on-demand: one pass, no DOM, texts copied
// into one arena. Field order is not assumed (the document start may come after transcripts[]).
#include <fmt/format.h>
#include <simdjson.h>

#include <algorithm>
#include <cstring>
#include <optional>

#include "gctq/analysis/transcript.h"

namespace gctq::analysis {

std::string_view ToString(Speaker speaker) {
  return speaker == Speaker::kAgent ? "agent" : "customer";
}

void Transcript::Clear() {
  conversation_id.clear();
  communication_id.clear();
  start_epoch_ms = 0;
  duration_ms = 0;
  phrases.clear();
  word_offsets_ms.clear();
  sentiments.clear();
  text_arena.clear();
}

namespace {

using simdjson::ondemand::value;
namespace od = simdjson::ondemand;

struct PendingSentiment {
  std::optional<Speaker> speaker;
  std::optional<std::int64_t> phrase_index;
  std::optional<std::int64_t> epoch_ms;
  double value = 0;
};

struct ParseState {
  Transcript& out;
  TranscriptLimits const& limits;
  std::optional<std::int64_t> doc_start, conversation_start, first_transcript_start;
  std::int64_t declared_duration = 0;
  std::vector<PendingSentiment> sentiments;
};

Error Bad(std::string const& path, std::string_view what) {
  return MakeError(ErrorCode::kDataLoss, fmt::format("transcript document: {}: {}", path, what));
}

Error FromSimdjson(std::string const& path, simdjson::error_code code) {
  if (code == simdjson::UTF8_ERROR) return Bad(path, "invalid UTF-8");
  if (code == simdjson::INCORRECT_TYPE) return Bad(path, "wrong type");
  if (code == simdjson::NO_SUCH_FIELD) return Bad(path, "missing field");
  return Bad(path, fmt::format("malformed JSON ({})", simdjson::error_message(code)));
}

/// Epoch or duration milliseconds: integers, or doubles as some exporters write them.
simdjson::error_code GetMillis(value v, std::int64_t& out) {
  od::json_type json_type;
  if (auto e = v.type().get(json_type)) return e;
  if (json_type != od::json_type::number) return simdjson::INCORRECT_TYPE;
  od::number_type type;
  if (auto e = v.get_number_type().get(type)) return e;
  if (type == od::number_type::floating_point_number) {
    double d = 0;
    if (auto e = v.get_double().get(d)) return e;
    out = static_cast<std::int64_t>(d);
    return simdjson::SUCCESS;
  }
  return v.get_int64().get(out);
}

/// `{"milliseconds": N}` objects (durations and offsets).
simdjson::error_code GetMillisObject(value v, std::int64_t& out) {
  od::object obj;
  if (auto e = v.get_object().get(obj)) return e;
  for (auto field : obj) {
    std::string_view key;
    if (auto e = field.unescaped_key().get(key)) return e;
    if (key == "milliseconds") return GetMillis(field.value(), out);
  }
  return simdjson::NO_SUCH_FIELD;
}

std::optional<Speaker> SpeakerFromPurpose(std::string_view purpose) {
  if (purpose == "internal" || purpose == "agent" || purpose == "ivr" || purpose == "acd")
    return Speaker::kAgent;
  if (purpose == "external" || purpose == "customer") return Speaker::kCustomer;
  return std::nullopt;
}

Status ParseWords(value v, std::string const& path, ParseState& st) {
  od::array words;
  if (auto e = v.get_array().get(words)) return FromSimdjson(path, e);
  for (auto word_result : words) {
    od::object word;
    if (auto e = word_result.get_object().get(word)) return FromSimdjson(path + "[]", e);
    std::int64_t epoch = -1;
    for (auto field : word) {
      std::string_view key;
      if (auto e = field.unescaped_key().get(key)) return FromSimdjson(path, e);
      if (key == "startTimeMs") {
        if (auto e = GetMillis(field.value(), epoch)) return FromSimdjson(path + "[].startTimeMs", e);
      }
    }
    st.out.word_offsets_ms.push_back(epoch);
  }
  return Ok{};
}

Status ParsePhrase(od::object phrase, std::string const& path, std::int64_t transcript_start,
                   ParseState& st) {
  Phrase p;
  bool has_text = false, has_time = false, has_epoch = false, has_purpose = false;
  p.words_begin = static_cast<std::uint32_t>(st.out.word_offsets_ms.size());
  for (auto field_result : phrase) {
    od::field field;
    if (auto e = std::move(field_result).get(field)) return FromSimdjson(path, e);
    std::string_view key;
    if (auto e = field.unescaped_key().get(key)) return FromSimdjson(path, e);
    value v = field.value();
    if (key == "text") {
      std::string_view text;
      if (auto e = v.get_string().get(text)) return FromSimdjson(path + ".text", e);
      if (text.size() > st.limits.max_phrase_bytes)
        return Bad(path + ".text",
                   fmt::format("{} bytes exceeds the limit of {}", text.size(), st.limits.max_phrase_bytes));
      p.text_begin = static_cast<std::uint32_t>(st.out.text_arena.size());
      p.text_size = static_cast<std::uint32_t>(text.size());
      st.out.text_arena.append(text);
      has_text = true;
    } else if (key == "participantPurpose") {
      std::string_view purpose;
      if (auto e = v.get_string().get(purpose)) return FromSimdjson(path + ".participantPurpose", e);
      auto speaker = SpeakerFromPurpose(purpose);
      if (!speaker) return Bad(path + ".participantPurpose", "expected internal or external");
      p.speaker = *speaker;
      has_purpose = true;
    } else if (key == "startTimeMs") {
      if (auto e = GetMillis(v, p.offset_ms)) return FromSimdjson(path + ".startTimeMs", e);
      has_time = has_epoch = true;
    } else if (key == "offset" && !has_epoch) {
      std::int64_t relative = 0;
      if (auto e = GetMillisObject(v, relative)) return FromSimdjson(path + ".offset", e);
      p.offset_ms = transcript_start + relative;
      has_time = true;
    } else if (key == "duration") {
      if (auto e = GetMillisObject(v, p.duration_ms)) return FromSimdjson(path + ".duration", e);
    } else if (key == "words") {
      GCTQ_TRY(ParseWords(v, path + ".words", st));
    }
  }
  if (!has_text) return Bad(path + ".text", "missing field");
  if (!has_purpose) return Bad(path + ".participantPurpose", "missing field");
  if (!has_time) return Bad(path + ".startTimeMs", "missing field");
  p.words_count = static_cast<std::uint32_t>(st.out.word_offsets_ms.size()) - p.words_begin;
  if (st.out.phrases.size() >= st.limits.max_phrases)
    return Bad(path, fmt::format("more than {} phrases", st.limits.max_phrases));
  st.out.phrases.push_back(p);
  return Ok{};
}

Status ParseSentiment(value v, std::string const& path, ParseState& st) {
  od::array items;
  if (auto e = v.get_array().get(items)) return FromSimdjson(path, e);
  for (auto item_result : items) {
    od::object item;
    if (auto e = item_result.get_object().get(item)) return FromSimdjson(path + "[]", e);
    PendingSentiment s;
    for (auto field : item) {
      std::string_view key;
      if (auto e = field.unescaped_key().get(key)) return FromSimdjson(path, e);
      value fv = field.value();
      if (key == "participant") {
        std::string_view purpose;
        if (fv.get_string().get(purpose) == simdjson::SUCCESS) s.speaker = SpeakerFromPurpose(purpose);
      } else if (key == "phraseIndex") {
        std::int64_t index = 0;
        if (GetMillis(fv, index) == simdjson::SUCCESS) s.phrase_index = index;
      } else if (key == "startTimeMs") {
        std::int64_t epoch = 0;
        if (GetMillis(fv, epoch) == simdjson::SUCCESS) s.epoch_ms = epoch;
      } else if (key == "sentiment") {
        if (auto e = fv.get_double().get(s.value)) return FromSimdjson(path + "[].sentiment", e);
      }
    }
    st.sentiments.push_back(s);
  }
  return Ok{};
}

Status ParseTranscriptEntry(od::object transcript, std::string const& path, ParseState& st) {
  std::int64_t transcript_start = st.doc_start.value_or(0);
  for (auto field_result : transcript) {
    od::field field;
    if (auto e = std::move(field_result).get(field)) return FromSimdjson(path, e);
    std::string_view key;
    if (auto e = field.unescaped_key().get(key)) return FromSimdjson(path, e);
    value v = field.value();
    if (key == "startTime") {
      if (auto e = GetMillis(v, transcript_start)) return FromSimdjson(path + ".startTime", e);
      if (!st.first_transcript_start) st.first_transcript_start = transcript_start;
    } else if (key == "phrases") {
      od::array phrases;
      if (auto e = v.get_array().get(phrases)) return FromSimdjson(path + ".phrases", e);
      std::size_t index = 0;
      for (auto phrase_result : phrases) {
        std::string phrase_path = fmt::format("{}.phrases[{}]", path, index++);
        od::object phrase;
        if (auto e = phrase_result.get_object().get(phrase)) return FromSimdjson(phrase_path, e);
        GCTQ_TRY(ParsePhrase(phrase, phrase_path, transcript_start, st));
      }
    } else if (key == "analytics") {
      od::object analytics;
      if (auto e = v.get_object().get(analytics)) return FromSimdjson(path + ".analytics", e);
      for (auto af : analytics) {
        std::string_view akey;
        if (auto e = af.unescaped_key().get(akey)) return FromSimdjson(path + ".analytics", e);
        if (akey == "sentiment") GCTQ_TRY(ParseSentiment(af.value(), path + ".analytics.sentiment", st));
      }
    }
  }
  return Ok{};
}

Status ParseDocumentObject(od::object root, ParseState& st, int depth) {
  bool has_transcripts = false;
  for (auto field_result : root) {
    od::field field;
    if (auto e = std::move(field_result).get(field)) return FromSimdjson("$", e);
    std::string_view key;
    if (auto e = field.unescaped_key().get(key)) return FromSimdjson("$", e);
    value v = field.value();
    if (key == "document" && depth == 0) {
      od::object inner;
      if (auto e = v.get_object().get(inner)) return FromSimdjson("document", e);
      return ParseDocumentObject(inner, st, depth + 1);
    } else if (key == "conversationId" || key == "communicationId") {
      std::string_view id;
      if (auto e = v.get_string().get(id)) return FromSimdjson(std::string(key), e);
      (key == "conversationId" ? st.out.conversation_id : st.out.communication_id).assign(id);
    } else if (key == "startTime") {
      std::int64_t start = 0;
      if (auto e = GetMillis(v, start)) return FromSimdjson("startTime", e);
      st.doc_start = start;
    } else if (key == "conversationStartTime") {
      std::int64_t start = 0;
      if (auto e = GetMillis(v, start)) return FromSimdjson("conversationStartTime", e);
      st.conversation_start = start;
    } else if (key == "duration") {
      if (auto e = GetMillisObject(v, st.declared_duration)) return FromSimdjson("duration", e);
    } else if (key == "transcripts") {
      od::array transcripts;
      if (auto e = v.get_array().get(transcripts)) return FromSimdjson("transcripts", e);
      std::size_t index = 0;
      for (auto t : transcripts) {
        std::string path = fmt::format("transcripts[{}]", index++);
        od::object transcript;
        if (auto e = t.get_object().get(transcript)) return FromSimdjson(path, e);
        GCTQ_TRY(ParseTranscriptEntry(transcript, path, st));
      }
      has_transcripts = true;
    }
  }
  if (!has_transcripts) return Bad("transcripts", "missing field");
  return Ok{};
}

/// Resolves epoch times into offsets from the document start and orders phrases by time.
void Finish(ParseState& st) {
  Transcript& t = st.out;
  std::int64_t start =
      st.doc_start.value_or(st.first_transcript_start.value_or(st.conversation_start.value_or(0)));
  if (!st.doc_start && !st.first_transcript_start && !st.conversation_start && !t.phrases.empty()) {
    start = std::min_element(t.phrases.begin(), t.phrases.end(), [](auto& a, auto& b) {
              return a.offset_ms < b.offset_ms;
            })->offset_ms;
  }
  t.start_epoch_ms = start;
  std::int64_t end = st.declared_duration;
  for (auto& p : t.phrases) {
    p.offset_ms -= start;
    end = std::max(end, p.offset_ms + p.duration_ms);
  }
  for (auto& w : t.word_offsets_ms) w = w < 0 ? -1 : w - start;
  t.duration_ms = end;
  for (auto const& s : st.sentiments) {
    PhraseSentiment out;
    out.value = s.value;
    bool has_phrase = s.phrase_index && *s.phrase_index >= 0 &&
                      static_cast<std::size_t>(*s.phrase_index) < t.phrases.size();
    if (s.speaker)
      out.speaker = *s.speaker;
    else if (has_phrase)
      out.speaker = t.phrases[*s.phrase_index].speaker;
    else
      continue;
    if (s.epoch_ms)
      out.offset_ms = *s.epoch_ms - start;
    else if (has_phrase)
      out.offset_ms = t.phrases[*s.phrase_index].offset_ms;
    t.sentiments.push_back(out);
  }
  auto by_time = [](Phrase const& a, Phrase const& b) { return a.offset_ms < b.offset_ms; };
  if (!std::is_sorted(t.phrases.begin(), t.phrases.end(), by_time))
    std::stable_sort(t.phrases.begin(), t.phrases.end(), by_time);
}

}  // namespace

Status ParseTranscript(std::string_view json, Transcript& out, TranscriptLimits const& limits) {
  out.Clear();
  if (json.size() > limits.max_document_bytes)
    return Bad("$", fmt::format("{} bytes exceeds the limit of {}", json.size(), limits.max_document_bytes));
  thread_local od::parser parser;
  thread_local std::string padded;
  if (padded.size() < json.size() + simdjson::SIMDJSON_PADDING)
    padded.resize(json.size() + simdjson::SIMDJSON_PADDING);
  std::memcpy(padded.data(), json.data(), json.size());
  od::document doc;
  if (auto e = parser.iterate(padded.data(), json.size(), padded.size()).get(doc))
    return FromSimdjson("$", e);
  od::object root;
  if (auto e = doc.get_object().get(root)) return FromSimdjson("$", e);
  ParseState st{out, limits, {}, {}, {}, 0, {}};
  GCTQ_TRY(ParseDocumentObject(root, st, 0));
  Finish(st);
  return Ok{};
}

}  // namespace gctq::analysis
