// TOML rule files: [[rule]] tables with name, version, match, speaker, first_seconds/last_seconds.
#include <fmt/format.h>

#include <toml++/toml.h>
#include <fstream>
#include <set>
#include <sstream>

#include "gctq/analysis/rules.h"

namespace gctq::analysis {
namespace {

Error RuleError(std::string_view source, std::uint32_t line, std::string_view reason) {
  return MakeError(ErrorCode::kInvalidArgument, fmt::format("{}:{}: {}", source, line, reason));
}

std::uint32_t LineOf(toml::node const& node) {
  return node.source().begin.line;
}

Result<Rule> ParseRuleTable(toml::table const& table, std::string_view source) {
  static std::set<std::string, std::less<>> const kKeys{
      "name", "version", "match", "speaker", "first_seconds", "last_seconds", "description"};
  std::uint32_t line = LineOf(table);
  for (auto const& [key, value] : table)
    if (!kKeys.contains(key.str()))
      return RuleError(source, LineOf(value),
                       fmt::format("unknown key '{}' (expected one of name, version, "
                                   "match, speaker, first_seconds, last_seconds, description)",
                                   key.str()));
  Rule rule;
  auto const* name = table.get("name");
  if (name == nullptr || !name->is_string()) return RuleError(source, line, "rule needs a string 'name'");
  rule.name = name->as_string()->get();
  if (rule.name.empty()) return RuleError(source, LineOf(*name), "rule name is empty");
  if (auto const* version = table.get("version")) {
    if (version->is_string())
      rule.version = version->as_string()->get();
    else if (version->is_integer())
      rule.version = std::to_string(version->as_integer()->get());
    else
      return RuleError(source, LineOf(*version),
                       fmt::format("rule '{}': version must be a string or integer", rule.name));
  }
  auto const* match = table.get("match");
  if (match == nullptr || !match->is_string())
    return RuleError(source, line, fmt::format("rule '{}' needs a string 'match' expression", rule.name));
  if (auto parsed = ParseExpression(match->as_string()->get(), rule); !parsed)
    return RuleError(source, LineOf(*match),
                     fmt::format("rule '{}': match: {}", rule.name, parsed.error().message));
  if (auto const* speaker = table.get("speaker")) {
    std::string_view s = speaker->is_string() ? std::string_view(speaker->as_string()->get()) : "";
    if (s == "agent")
      rule.scope = SpeakerScope::kAgent;
    else if (s == "customer")
      rule.scope = SpeakerScope::kCustomer;
    else if (s == "any")
      rule.scope = SpeakerScope::kAny;
    else
      return RuleError(source, LineOf(*speaker),
                       fmt::format("rule '{}': speaker must be agent, customer or any", rule.name));
  }
  for (std::string_view key : {"first_seconds", "last_seconds"}) {
    auto const* node = table.get(key);
    if (node == nullptr) continue;
    double seconds = node->is_integer()          ? static_cast<double>(node->as_integer()->get())
                     : node->is_floating_point() ? node->as_floating_point()->get()
                                                 : -1;
    if (seconds <= 0 || seconds > 86400)
      return RuleError(source, LineOf(*node),
                       fmt::format("rule '{}': {} must be a number of seconds in 1..86400", rule.name, key));
    (key == "first_seconds" ? rule.first_ms : rule.last_ms) = static_cast<std::int64_t>(seconds * 1000);
  }
  if (rule.first_ms && rule.last_ms)
    return RuleError(source, line,
                     fmt::format("rule '{}': use first_seconds or last_seconds, not both", rule.name));
  return rule;
}

}  // namespace

Result<std::vector<Rule>> ParseRuleFile(std::string_view toml_text, std::string_view source_name) {
  toml::table root;
  try {
    root = toml::parse(toml_text, source_name);
  } catch (toml::parse_error const& e) {
    return RuleError(source_name, e.source().begin.line, fmt::format("TOML syntax: {}", e.description()));
  }
  for (auto const& [key, value] : root)
    if (key.str() != "rule")
      return RuleError(source_name, LineOf(value),
                       fmt::format("unknown top-level key '{}' (rules go in [[rule]] tables)", key.str()));
  auto const* rules = root.get("rule");
  if (rules == nullptr) return RuleError(source_name, 1, "no [[rule]] tables");
  auto const* array = rules->as_array();
  if (array == nullptr || !array->is_array_of_tables())
    return RuleError(source_name, LineOf(*rules), "'rule' must be [[rule]] tables");
  std::vector<Rule> out;
  std::set<std::string, std::less<>> names;
  for (auto const& node : *array) {
    auto rule = ParseRuleTable(*node.as_table(), source_name);
    if (!rule) return rule.error();
    if (!names.insert(rule->name).second)
      return RuleError(source_name, LineOf(node), fmt::format("duplicate rule name '{}'", rule->name));
    out.push_back(std::move(*rule));
  }
  return out;
}

Result<std::vector<Rule>> LoadRuleFile(std::string const& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return MakeError(ErrorCode::kIo, fmt::format("cannot read rule file {}", path));
  std::ostringstream text;
  text << in.rdbuf();
  return ParseRuleFile(text.str(), path);
}

Result<std::vector<Rule>> KeywordRules(std::string_view comma_separated) {
  std::vector<Rule> out;
  std::size_t start = 0;
  while (start <= comma_separated.size()) {
    std::size_t comma = comma_separated.find(',', start);
    if (comma == std::string_view::npos) comma = comma_separated.size();
    std::string_view item = comma_separated.substr(start, comma - start);
    while (!item.empty() && std::isspace(static_cast<unsigned char>(item.front()))) item.remove_prefix(1);
    while (!item.empty() && std::isspace(static_cast<unsigned char>(item.back()))) item.remove_suffix(1);
    start = comma + 1;
    if (item.empty()) continue;
    if (item.find('"') != std::string_view::npos)
      return MakeError(ErrorCode::kInvalidArgument, "--keywords: keywords may not contain '\"'");
    Rule rule;
    rule.name = std::string(item);
    rule.is_keyword = true;
    if (auto parsed = ParseExpression(fmt::format("\"{}\"", item), rule); !parsed)
      return MakeError(ErrorCode::kInvalidArgument,
                       fmt::format("--keywords '{}': {}", item, parsed.error().message));
    rule.expression = std::string(item);
    out.push_back(std::move(rule));
  }
  return out;
}

}  // namespace gctq::analysis
