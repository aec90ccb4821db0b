#include "sentiment.h"

#include <fmt/format.h>

#include <algorithm>
#include <cctype>
#include <charconv>
#include <cmath>
#include <optional>

namespace gctq::analysis {
namespace {

void Add(SentimentBucket& bucket, double value) {
  ++bucket.phrases;
  if (value > 0)
    ++bucket.positive;
  else if (value < 0)
    ++bucket.negative;
  else
    ++bucket.neutral;
  bucket.mean += (value - bucket.mean) / bucket.phrases;
}

/// Pools two buckets (for speaker `any` over the whole call).
SentimentBucket Pool(SentimentBucket const& a, SentimentBucket const& b) {
  SentimentBucket out;
  out.phrases = a.phrases + b.phrases;
  out.positive = a.positive + b.positive;
  out.neutral = a.neutral + b.neutral;
  out.negative = a.negative + b.negative;
  if (out.phrases > 0) out.mean = (a.mean * a.phrases + b.mean * b.phrases) / out.phrases;
  return out;
}

SentimentBucket Select(SentimentCondition const& c, SentimentSummary const& s) {
  if (c.quarter < 0) {
    if (c.speaker == SpeakerScope::kAgent) return s.agent;
    if (c.speaker == SpeakerScope::kCustomer) return s.customer;
    return Pool(s.agent, s.customer);
  }
  auto q = static_cast<std::size_t>(c.quarter);
  if (c.speaker == SpeakerScope::kAgent) return s.agent_quarters[q];
  if (c.speaker == SpeakerScope::kCustomer) return s.customer_quarters[q];
  return s.quarters[q];
}

std::string Name(SentimentCondition const& c) {
  if (c.measure == SentimentCondition::Measure::kStaScore) return "sta_score";
  if (c.quarter < 0) return fmt::format("sentiment({})", ToString(c.speaker));
  return fmt::format("sentiment({}, q{})", ToString(c.speaker), c.quarter + 1);
}

// ---- parsing ----

bool IsIdent(char c) {
  return std::isalnum(static_cast<unsigned char>(c)) || c == '_';
}

std::string Lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

class ConditionParser {
 public:
  ConditionParser(std::string_view text, std::size_t pos) : text_(text), pos_(pos) {}

  Result<std::size_t> Parse(SentimentCondition& out) {
    std::size_t start = pos_;
    std::string head = Ident();
    if (head == "sta_score") {
      out.measure = SentimentCondition::Measure::kStaScore;
      if (!Comparison(out))
        return Fail(pos_, "sta_score needs a comparison with a number in -100..100, e.g. sta_score < -25");
      GCTQ_TRY(Number(out, 100));
      return End();
    }
    out.measure = SentimentCondition::Measure::kPhraseMean;
    SkipSpace();
    if (!Eat('(')) return Fail(pos_, "expected '(' after sentiment");
    SkipSpace();
    std::size_t at = pos_;
    std::string speaker = Ident();
    if (speaker == "agent")
      out.speaker = SpeakerScope::kAgent;
    else if (speaker == "customer")
      out.speaker = SpeakerScope::kCustomer;
    else if (speaker == "any")
      out.speaker = SpeakerScope::kAny;
    else
      return Fail(at, "sentiment speaker must be agent, customer or any, e.g. sentiment(customer, q4)");
    SkipSpace();
    if (Eat(',')) {
      SkipSpace();
      at = pos_;
      GCTQ_TRY(Period(Ident(), at, out));
      SkipSpace();
    }
    if (!Eat(')')) return Fail(pos_, "expected ')' to close sentiment(speaker, period)");
    std::size_t after = pos_;
    if (Comparison(out)) {
      GCTQ_TRY(Number(out, 1));
      return End();
    }
    pos_ = after;
    SkipSpace();
    at = pos_;
    std::string cls = Ident();
    out.value = 0;
    if (cls == "negative")
      out.compare = SentimentCondition::Compare::kLess;
    else if (cls == "positive")
      out.compare = SentimentCondition::Compare::kGreater;
    else if (cls == "neutral")
      out.compare = SentimentCondition::Compare::kEqual;
    else
      return Fail(at, fmt::format("{} needs a comparison (< <= > >= = !=) with a number in -1..1, or "
                                  "negative, neutral or positive",
                                  text_.substr(start, after - start)));
    return End();
  }

 private:
  Error Fail(std::size_t position, std::string_view reason) const {
    return MakeError(ErrorCode::kInvalidArgument, fmt::format("position {}: {}", position + 1, reason));
  }
  void SkipSpace() {
    while (pos_ < text_.size() && std::isspace(static_cast<unsigned char>(text_[pos_]))) ++pos_;
  }
  bool Eat(char c) {
    if (pos_ >= text_.size() || text_[pos_] != c) return false;
    ++pos_;
    return true;
  }
  std::string Ident() {
    std::size_t begin = pos_;
    while (pos_ < text_.size() && IsIdent(text_[pos_])) ++pos_;
    return Lower(text_.substr(begin, pos_ - begin));
  }

  static Status Period(std::string const& name, std::size_t at, SentimentCondition& out) {
    if (name == "call") {
      out.quarter = -1;
    } else if (name.size() == 2 && name[0] == 'q' && name[1] >= '1' && name[1] <= '4') {
      out.quarter = static_cast<std::int8_t>(name[1] - '1');
    } else if (name == "first_quarter") {
      out.quarter = 0;
    } else if (name == "last_quarter") {
      out.quarter = 3;
    } else {
      return MakeError(ErrorCode::kInvalidArgument,
                       fmt::format("position {}: sentiment period must be call, q1, q2, q3, q4, "
                                   "first_quarter or last_quarter",
                                   at + 1));
    }
    return Ok{};
  }

  bool Comparison(SentimentCondition& out) {
    SkipSpace();
    using C = SentimentCondition::Compare;
    auto two = text_.substr(pos_, 2);
    if (two == "<=" || two == ">=" || two == "!=" || two == "==") {
      out.compare = two == "<="   ? C::kLessEqual
                    : two == ">=" ? C::kGreaterEqual
                    : two == "!=" ? C::kNotEqual
                                  : C::kEqual;
      pos_ += 2;
      return true;
    }
    if (pos_ < text_.size() && (text_[pos_] == '<' || text_[pos_] == '>' || text_[pos_] == '=')) {
      out.compare = text_[pos_] == '<' ? C::kLess : text_[pos_] == '>' ? C::kGreater : C::kEqual;
      ++pos_;
      return true;
    }
    return false;
  }

  Status Number(SentimentCondition& out, double limit) {
    SkipSpace();
    std::size_t begin = pos_;
    while (pos_ < text_.size() && !std::isspace(static_cast<unsigned char>(text_[pos_])) &&
           text_[pos_] != ')' && text_[pos_] != '(')
      ++pos_;
    std::string_view raw = text_.substr(begin, pos_ - begin);
    std::string_view digits = raw.starts_with('+') ? raw.substr(1) : raw;
    double value = 0;
    auto [end, ec] = std::from_chars(digits.data(), digits.data() + digits.size(), value);
    if (digits.empty() || ec != std::errc{} || end != digits.data() + digits.size() || !std::isfinite(value))
      return Fail(begin, raw.empty() ? "expected a number after the comparison"
                                     : fmt::format("'{}' is not a number", raw));
    if (value < -limit || value > limit)
      return Fail(begin, limit == 1 ? "phrase sentiment is compared with a number in -1..1 (sta_score uses "
                                      "-100..100)"
                                    : "sta_score is compared with a number in -100..100");
    out.value = value;
    return Ok{};
  }

  Result<std::size_t> End() {
    if (pos_ < text_.size() && !std::isspace(static_cast<unsigned char>(text_[pos_])) && text_[pos_] != ')')
      return Fail(pos_, "unexpected text after the sentiment condition (use AND, OR)");
    return pos_;
  }

  std::string_view text_;
  std::size_t pos_;
};

}  // namespace

void SummarizeSentiment(Transcript const& transcript, SentimentSummary& out) {
  std::int64_t duration = std::max<std::int64_t>(transcript.duration_ms, 1);
  for (auto const& s : transcript.sentiments) {
    auto quarter = static_cast<std::size_t>(std::clamp<std::int64_t>(s.offset_ms * 4 / duration, 0, 3));
    bool agent = s.speaker == Speaker::kAgent;
    Add(agent ? out.agent : out.customer, s.value);
    Add(out.quarters[quarter], s.value);
    Add(agent ? out.agent_quarters[quarter] : out.customer_quarters[quarter], s.value);
  }
}

bool StartsSentimentCondition(std::string_view text, std::size_t pos) {
  std::size_t end = pos;
  while (end < text.size() && IsIdent(text[end])) ++end;
  std::string word = Lower(text.substr(pos, end - pos));
  if (word == "sta_score") return true;
  if (word != "sentiment") return false;
  while (end < text.size() && std::isspace(static_cast<unsigned char>(text[end]))) ++end;
  return end < text.size() && text[end] == '(';
}

Result<std::size_t> ParseSentimentCondition(std::string_view text, std::size_t pos, SentimentCondition& out) {
  out = SentimentCondition{};
  return ConditionParser(text, pos).Parse(out);
}

bool SentimentHolds(SentimentCondition const& c, SentimentSummary const& s) {
  double value = 0;
  if (c.measure == SentimentCondition::Measure::kStaScore) {
    if (!s.sta_score) return false;
    value = *s.sta_score;
  } else {
    SentimentBucket bucket = Select(c, s);
    if (bucket.phrases == 0) return false;
    value = bucket.mean;
  }
  // Means of -1/0/+1 values are compared with a small tolerance so that 1/3-style fractions and
  // running-mean rounding do not flip `= 0` or `<= -0.5`.
  constexpr double kEps = 1e-9;
  using C = SentimentCondition::Compare;
  switch (c.compare) {
    case C::kLess: return value < c.value - kEps;
    case C::kLessEqual: return value <= c.value + kEps;
    case C::kGreater: return value > c.value + kEps;
    case C::kGreaterEqual: return value >= c.value - kEps;
    case C::kEqual: return std::abs(value - c.value) <= kEps;
    case C::kNotEqual: return std::abs(value - c.value) > kEps;
  }
  return false;
}

std::string DescribeSentiment(SentimentCondition const& c, SentimentSummary const& s) {
  if (c.measure == SentimentCondition::Measure::kStaScore)
    return s.sta_score ? fmt::format("sta_score = {:g}", *s.sta_score) : "sta_score unknown";
  SentimentBucket b = Select(c, s);
  if (b.phrases == 0) return fmt::format("{}: no sentiment phrases", Name(c));
  return fmt::format("{} = {:.3f} over {} phrases ({} positive, {} neutral, {} negative)", Name(c), b.mean,
                     b.phrases, b.positive, b.neutral, b.negative);
}

}  // namespace gctq::analysis
