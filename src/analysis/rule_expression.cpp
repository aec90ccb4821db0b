// Rule expression parser. Precedence, loosest first: OR, AND, NOT, NEAR/n; parentheses group.
// Operators are upper-case; lower-case "and"/"or"/"not"/"near" are ordinary words.
// Sentiment conditions (`sentiment(customer, q4) < 0`, `sta_score <= -25`) are single lexemes.
#include <fmt/format.h>

#include <cctype>

#include "gctq/analysis/rules.h"
#include "gctq/analysis/tokens.h"
#include "sentiment.h"

namespace gctq::analysis {

std::string_view ToString(SpeakerScope scope) {
  switch (scope) {
    case SpeakerScope::kAny: return "any";
    case SpeakerScope::kAgent: return "agent";
    case SpeakerScope::kCustomer: return "customer";
  }
  return "any";
}

namespace {

struct Lexeme {
  enum class Kind { kEnd, kTerm, kCondition, kAnd, kOr, kNot, kNear, kOpen, kClose } kind = Kind::kEnd;
  std::string_view text;
  std::size_t position = 0;
  std::uint32_t distance = 0;
  bool quoted = false;
  SentimentCondition condition;  ///< kCondition.
};

class ExpressionParser {
 public:
  ExpressionParser(std::string_view text, Rule& rule) : text_(text), rule_(rule) {}

  Status Parse() {
    GCTQ_TRY(Advance());
    auto root = ParseOr();
    if (!root) return root.error();
    if (current_.kind != Lexeme::Kind::kEnd) {
      if (current_.kind == Lexeme::Kind::kTerm || current_.kind == Lexeme::Kind::kCondition)
        return Fail(current_.position,
                    "two terms without an operator between them (use AND, OR, "
                    "NEAR/n, or quote a phrase)");
      return Fail(current_.position, "unexpected token");
    }
    rule_.root = *root;
    return Ok{};
  }

 private:
  Error Fail(std::size_t position, std::string_view reason) const {
    return MakeError(ErrorCode::kInvalidArgument, fmt::format("position {}: {}", position + 1, reason));
  }

  Status Advance() {
    while (pos_ < text_.size() && std::isspace(static_cast<unsigned char>(text_[pos_]))) ++pos_;
    current_ = Lexeme{};
    current_.position = pos_;
    if (pos_ >= text_.size()) return Ok{};
    char c = text_[pos_];
    if (c == '(' || c == ')') {
      current_.kind = c == '(' ? Lexeme::Kind::kOpen : Lexeme::Kind::kClose;
      ++pos_;
      return Ok{};
    }
    if (c == '"') {
      std::size_t close = text_.find('"', pos_ + 1);
      if (close == std::string_view::npos) return Fail(pos_, "unterminated quoted phrase");
      current_.kind = Lexeme::Kind::kTerm;
      current_.text = text_.substr(pos_ + 1, close - pos_ - 1);
      current_.quoted = true;
      pos_ = close + 1;
      return Ok{};
    }
    if (StartsSentimentCondition(text_, pos_)) {
      auto end = ParseSentimentCondition(text_, pos_, current_.condition);
      if (!end) return end.error();
      current_.kind = Lexeme::Kind::kCondition;
      current_.text = text_.substr(pos_, *end - pos_);
      pos_ = *end;
      return Ok{};
    }
    std::size_t end = pos_;
    while (end < text_.size() && !std::isspace(static_cast<unsigned char>(text_[end])) && text_[end] != '(' &&
           text_[end] != ')' && text_[end] != '"')
      ++end;
    std::string_view word = text_.substr(pos_, end - pos_);
    pos_ = end;
    current_.text = word;
    if (word == "AND")
      current_.kind = Lexeme::Kind::kAnd;
    else if (word == "OR")
      current_.kind = Lexeme::Kind::kOr;
    else if (word == "NOT")
      current_.kind = Lexeme::Kind::kNot;
    else if (word.starts_with("NEAR/")) {
      std::string_view digits = word.substr(5);
      if (digits.empty() || digits.size() > 4)
        return Fail(current_.position, "NEAR needs a distance 1..9999, e.g. NEAR/5");
      std::uint32_t n = 0;
      for (char d : digits) {
        if (!std::isdigit(static_cast<unsigned char>(d)))
          return Fail(current_.position, "NEAR needs a distance, e.g. NEAR/5");
        n = n * 10 + static_cast<std::uint32_t>(d - '0');
      }
      if (n == 0) return Fail(current_.position, "NEAR distance must be at least 1");
      current_.kind = Lexeme::Kind::kNear;
      current_.distance = n;
    } else if (word == "NEAR") {
      return Fail(current_.position, "NEAR needs a distance, e.g. NEAR/5");
    } else {
      current_.kind = Lexeme::Kind::kTerm;
    }
    return Ok{};
  }

  std::uint32_t Add(RuleNode node) {
    rule_.nodes.push_back(std::move(node));
    return static_cast<std::uint32_t>(rule_.nodes.size() - 1);
  }

  Result<std::uint32_t> Binary(RuleNode::Kind kind, Lexeme::Kind op,
                               Result<std::uint32_t> (ExpressionParser::*next)()) {
    auto first = (this->*next)();
    if (!first) return first;
    if (current_.kind != op) return first;
    RuleNode node;
    node.kind = kind;
    node.children.push_back(*first);
    while (current_.kind == op) {
      GCTQ_TRY(Advance());
      auto rhs = (this->*next)();
      if (!rhs) return rhs;
      node.children.push_back(*rhs);
    }
    return Add(std::move(node));
  }

  Result<std::uint32_t> ParseOr() {
    return Binary(RuleNode::Kind::kOr, Lexeme::Kind::kOr, &ExpressionParser::ParseAnd);
  }
  Result<std::uint32_t> ParseAnd() {
    return Binary(RuleNode::Kind::kAnd, Lexeme::Kind::kAnd, &ExpressionParser::ParseNot);
  }

  Result<std::uint32_t> ParseNot() {
    if (current_.kind != Lexeme::Kind::kNot) return ParseNear();
    GCTQ_TRY(Advance());
    auto child = ParseNot();
    if (!child) return child;
    RuleNode node;
    node.kind = RuleNode::Kind::kNot;
    node.children.push_back(*child);
    return Add(std::move(node));
  }

  Result<std::uint32_t> ParseNear() {
    std::size_t left_position = current_.position;
    auto left = ParsePrimary();
    if (!left) return left;
    while (current_.kind == Lexeme::Kind::kNear) {
      if (Contains(*left, RuleNode::Kind::kSentiment)) return Fail(left_position, kConditionNear);
      std::uint32_t distance = current_.distance;
      GCTQ_TRY(Advance());
      if (current_.kind == Lexeme::Kind::kNot)
        return Fail(current_.position, "NOT cannot be an operand of NEAR");
      std::size_t right_position = current_.position;
      auto right = ParsePrimary();
      if (!right) return right;
      if (Contains(*right, RuleNode::Kind::kNot))
        return Fail(current_.position, "NOT cannot be an operand of NEAR");
      if (Contains(*right, RuleNode::Kind::kSentiment)) return Fail(right_position, kConditionNear);
      RuleNode node;
      node.kind = RuleNode::Kind::kNear;
      node.distance = distance;
      node.children = {*left, *right};
      left = Add(std::move(node));
    }
    return left;
  }

  Result<std::uint32_t> ParsePrimary() {
    Lexeme lex = current_;
    switch (lex.kind) {
      case Lexeme::Kind::kOpen: {
        GCTQ_TRY(Advance());
        auto inner = ParseOr();
        if (!inner) return inner;
        if (current_.kind != Lexeme::Kind::kClose) return Fail(current_.position, "expected ')'");
        GCTQ_TRY(Advance());
        if (Contains(*inner, RuleNode::Kind::kNot) && near_follows())
          return Fail(current_.position, "NOT cannot be an operand of NEAR");
        return inner;
      }
      case Lexeme::Kind::kTerm: {
        auto term = MakeTerm(lex);
        if (!term) return term;
        GCTQ_TRY(Advance());
        return term;
      }
      case Lexeme::Kind::kCondition: {
        RuleNode node;
        node.kind = RuleNode::Kind::kSentiment;
        node.source = std::string(lex.text);
        node.condition = lex.condition;
        std::uint32_t index = Add(std::move(node));
        GCTQ_TRY(Advance());
        return index;
      }
      case Lexeme::Kind::kEnd: return Fail(lex.position, "expression ends where a term was expected");
      case Lexeme::Kind::kClose: return Fail(lex.position, "unexpected ')'");
      default: return Fail(lex.position, fmt::format("operator {} where a term was expected", lex.text));
    }
  }

  [[nodiscard]] bool near_follows() const { return current_.kind == Lexeme::Kind::kNear; }

  [[nodiscard]] bool Contains(std::uint32_t index, RuleNode::Kind kind) const {
    RuleNode const& node = rule_.nodes[index];
    if (node.kind == kind) return true;
    for (auto child : node.children)
      if (Contains(child, kind)) return true;
    return false;
  }

  static constexpr std::string_view kConditionNear =
      "a sentiment condition cannot be an operand of NEAR (combine it with AND)";

  Result<std::uint32_t> MakeTerm(Lexeme const& lex) {
    RuleNode node;
    node.kind = RuleNode::Kind::kTerm;
    node.source = std::string(lex.text);
    // Split on whitespace first so that a '*' stays attached to the word it ends.
    std::size_t i = 0;
    while (i < lex.text.size()) {
      while (i < lex.text.size() && std::isspace(static_cast<unsigned char>(lex.text[i]))) ++i;
      std::size_t end = i;
      while (end < lex.text.size() && !std::isspace(static_cast<unsigned char>(lex.text[end]))) ++end;
      if (end == i) break;
      std::string_view raw = lex.text.substr(i, end - i);
      bool prefix = raw.ends_with('*');
      if (prefix) raw.remove_suffix(1);
      if (raw.find('*') != std::string_view::npos)
        return Fail(lex.position, "'*' is only allowed at the end of a word (prefix wildcard)");
      auto words = NormalizeWords(raw);
      if (words.empty()) return Fail(lex.position, fmt::format("term '{}' has no words", lex.text));
      for (std::size_t k = 0; k < words.size(); ++k) {
        bool is_prefix = prefix && k + 1 == words.size();
        if (is_prefix && words[k].size() < 2)
          return Fail(lex.position, "a prefix wildcard needs at least 2 letters");
        node.words.push_back(WordPattern{std::move(words[k]), is_prefix});
      }
      i = end;
    }
    if (node.words.empty()) return Fail(lex.position, "empty term");
    if (node.words.size() > 16) return Fail(lex.position, "a phrase may have at most 16 words");
    return Add(std::move(node));
  }

  std::string_view text_;
  Rule& rule_;
  std::size_t pos_ = 0;
  Lexeme current_;
};

}  // namespace

Status ParseExpression(std::string_view expression, Rule& rule) {
  rule.nodes.clear();
  rule.expression = std::string(expression);
  ExpressionParser parser(expression, rule);
  return parser.Parse();
}

}  // namespace gctq::analysis
