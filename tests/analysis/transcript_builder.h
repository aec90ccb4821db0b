#pragma once

#include <cstdint>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

namespace gctq::analysis::testing {

/// Builds a Genesys-shaped transcript document for tests: the document starts at kStart epoch ms.
struct TranscriptBuilder {
  static constexpr std::int64_t kStart = 1'700'000'000'000;
  nlohmann::json phrases = nlohmann::json::array();
  nlohmann::json sentiment = nlohmann::json::array();
  std::int64_t duration_ms = 0;

  /// purpose: "internal" (agent) or "external" (customer).
  TranscriptBuilder& Say(std::string const& purpose, std::int64_t offset_ms, std::string const& text,
                         std::optional<int> phrase_sentiment = std::nullopt) {
    nlohmann::json words = nlohmann::json::array();
    std::int64_t t = kStart + offset_ms;
    std::size_t start = 0;
    while (start < text.size()) {
      std::size_t end = text.find(' ', start);
      if (end == std::string::npos) end = text.size();
      if (end > start)
        words.push_back({{"word", text.substr(start, end - start)},
                         {"confidence", 0.9},
                         {"startTimeMs", t},
                         {"duration", {{"milliseconds", 300}}}});
      t += 300;
      start = end + 1;
    }
    phrases.push_back({{"text", text},
                       {"stability", 1},
                       {"startTimeMs", kStart + offset_ms},
                       {"duration", {{"milliseconds", t - kStart - offset_ms}}},
                       {"words", words},
                       {"alternatives", nlohmann::json::array()},
                       {"participantPurpose", purpose}});
    if (phrase_sentiment)
      sentiment.push_back({{"participant", purpose},
                           {"phraseIndex", phrases.size() - 1},
                           {"sentiment", *phrase_sentiment},
                           {"startTimeMs", kStart + offset_ms}});
    duration_ms = std::max(duration_ms, t - kStart);
    return *this;
  }
  TranscriptBuilder& Agent(std::int64_t offset_ms, std::string const& text) {
    return Say("internal", offset_ms, text);
  }
  TranscriptBuilder& Customer(std::int64_t offset_ms, std::string const& text) {
    return Say("external", offset_ms, text);
  }

  [[nodiscard]] std::string Json() const {
    nlohmann::json doc{{"organizationId", "org"},
                       {"conversationId", "conv-1"},
                       {"communicationId", "comm-1"},
                       {"mediaType", "call"},
                       {"startTime", kStart},
                       {"conversationStartTime", kStart - 500},
                       {"duration", {{"milliseconds", duration_ms}}}};
    doc["transcripts"] = nlohmann::json::array({{{"transcriptId", "t1"},
                                                 {"language", "en-US"},
                                                 {"startTime", kStart},
                                                 {"phrases", phrases},
                                                 {"analytics", {{"sentiment", sentiment}}}}});
    return doc.dump();
  }
};

}  // namespace gctq::analysis::testing
