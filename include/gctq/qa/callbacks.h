#pragma once

#include <chrono>
#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "gctq/core/result.h"

namespace gctq::qa {

/// Figures for one page of query results, reported as soon as the page is processed.
struct PageMetrics {
  std::int64_t page_number = 0;          ///< 1-based.
  std::string window;                    ///< ISO-8601 interval "start/end" the page belongs to.
  std::int64_t total_results = 0;        ///< The API's total hits for the window.
  std::chrono::milliseconds latency{0};  ///< Time to fetch the page (all attempts).
  std::int64_t matches = 0;              ///< Conversations on the page that matched the rules.
  double keyword_coverage_mean = 0.0;    ///< Mean fraction of rule keywords found, 0..1.
};

/// How many times a rule hit, per speaker.
struct RuleHit {
  std::string name;
  std::string version;
  std::int64_t agent_count = 0;
  std::int64_t customer_count = 0;
};

/// The thin per-conversation result sent to QA platforms. By construction it has no field for
/// transcript text or PII values: only ids, counts, scores and finding TYPES.
struct ConversationEvent {
  std::string conversation_id;
  std::string window;
  std::vector<RuleHit> rule_hits;
  std::optional<double> sentiment_score;  ///< -1..1 when sentiment was available.
  std::optional<double> sentiment_trend;
  std::string pii_status = "not_scanned";      ///< not_scanned | clean | found
  std::vector<std::string> pii_finding_types;  ///< e.g. CREDIT_DEBIT_NUMBER; never the value.
};

/// JSON objects (compact) for the `data` of a webhook payload or an exec line.
std::string ToJson(PageMetrics const& page);
std::string ToJson(ConversationEvent const& conversation);

/// Webhook/exec envelope: {"type":"<type>","timestamp":"<RFC 3339>","data":<data_json>}.
inline constexpr char kPageEventType[] = "qa.page";
inline constexpr char kConversationEventType[] = "qa.conversation";
std::string MakeEnvelope(std::string_view type, std::string_view data_json,
                         std::chrono::system_clock::time_point now);

/// Receives query results as they are produced. Returning an error stops the run (e.g. the outbox
/// could not commit the event, so it would be lost).
class QaSink {
 public:
  virtual ~QaSink() = default;
  virtual Status OnPage(PageMetrics const& page) = 0;
  virtual Status OnConversation(ConversationEvent const& conversation) = 0;
};

/// Adapts plain functions (either may be empty) to a QaSink.
class FunctionQaSink : public QaSink {
 public:
  using PageFn = std::function<void(PageMetrics const&)>;
  using ConversationFn = std::function<void(ConversationEvent const&)>;
  FunctionQaSink(PageFn on_page, ConversationFn on_conversation)
      : on_page_(std::move(on_page)), on_conversation_(std::move(on_conversation)) {}
  Status OnPage(PageMetrics const& page) override;
  Status OnConversation(ConversationEvent const& conversation) override;

 private:
  PageFn on_page_;
  ConversationFn on_conversation_;
};

/// Forwards every event to several sinks in order; the first error is returned after all ran.
class FanoutQaSink : public QaSink {
 public:
  void Add(std::shared_ptr<QaSink> sink) { sinks_.push_back(std::move(sink)); }
  [[nodiscard]] bool empty() const { return sinks_.empty(); }
  Status OnPage(PageMetrics const& page) override;
  Status OnConversation(ConversationEvent const& conversation) override;

 private:
  std::vector<std::shared_ptr<QaSink>> sinks_;
};

}  // namespace gctq::qa
