#include "generator/keywords.h"

#include <algorithm>
#include <array>
#include <cctype>
#include <set>

#include "generator/generate.h"

namespace gctq_emulator::gen {
namespace {

// None of these is a bracket-label word (card, number, phone, email, name, ...) or part of a name
// list, so masking and PII never create or hide a keyword. Longer words that contain one of them
// (cancellation, refunded, latest, feedback, upgraded) appear on purpose and do not count.
constexpr std::array<std::string_view, 30> kVocabulary = {
    "billing",      "cancel",      "chargeback", "complaint",    "contract",    "credit",
    "damaged",      "delivery",    "discount",   "dispute",      "escalation",  "fee",
    "fraud",        "invoice",     "late",       "lawyer",       "locked",      "manager",
    "outage",       "overcharged", "password",   "refund",       "replacement", "router",
    "subscription", "supervisor",  "technician", "unacceptable", "upgrade",     "warranty"};

}  // namespace

std::span<std::string_view const> Vocabulary() {
  return kVocabulary;
}

std::vector<std::string> WholeWords(std::string_view text) {
  std::vector<std::string> words;
  std::string current;
  auto flush = [&] {
    while (!current.empty() && current.back() == '\'') current.pop_back();
    std::size_t leading = 0;
    while (leading < current.size() && current[leading] == '\'') ++leading;
    if (leading < current.size()) words.push_back(current.substr(leading));
    current.clear();
  };
  for (char c : text) {
    auto const u = static_cast<unsigned char>(c);
    if (std::isalnum(u) || c == '\'') {
      current.push_back(static_cast<char>(std::tolower(u)));
    } else {
      flush();
    }
  }
  flush();
  return words;
}

std::vector<std::string> VocabularyWordsIn(std::span<std::string const> texts) {
  std::set<std::string> found;
  for (auto const& text : texts) {
    for (auto& word : WholeWords(text)) {
      if (std::binary_search(kVocabulary.begin(), kVocabulary.end(), word)) found.insert(std::move(word));
    }
  }
  return {found.begin(), found.end()};
}

std::vector<std::string> VocabularyWordsIn(std::span<std::vector<std::string> const* const> texts) {
  std::set<std::string> found;
  for (auto const* words : texts) {
    for (auto const& word : *words) {
      bool const plain = std::all_of(word.begin(), word.end(), [](char c) { return c >= 'a' && c <= 'z'; });
      if (plain) {
        if (std::binary_search(kVocabulary.begin(), kVocabulary.end(), std::string_view(word)))
          found.insert(word);
        continue;
      }
      for (auto& part : WholeWords(word)) {
        if (std::binary_search(kVocabulary.begin(), kVocabulary.end(), part)) found.insert(std::move(part));
      }
    }
  }
  return {found.begin(), found.end()};
}

}  // namespace gctq_emulator::gen

namespace gctq_emulator {

std::vector<std::string> KeywordVocabulary() {
  return {gen::Vocabulary().begin(), gen::Vocabulary().end()};
}

}  // namespace gctq_emulator
