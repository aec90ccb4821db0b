#pragma once

// Shared fixtures for the generator tests: one cached org and small independent decoders, written
// without the generator's helpers so the tests check its output rather than repeat its code.

#include <cctype>
#include <map>
#include <memory>
#include <sstream>
#include <string>
#include <vector>

#include "generator/generate.h"

namespace gctq_emulator::testing {

inline constexpr std::int64_t kAnchorEpochS = 1'767'225'600;  // 2026-01-01T00:00:00Z, a Thursday.

inline GeneratorSettings SmallSettings(std::uint64_t seed = 7, int conversations = 1500) {
  GeneratorSettings settings;
  settings.seed = seed;
  settings.conversations = conversations;
  settings.days = 30;
  settings.anchor_epoch_s = kAnchorEpochS;
  settings.in_progress_rate = 0.02;
  return settings;
}

/// Generated once per test binary.
inline Org const& SharedOrg() {
  static std::unique_ptr<Org> const org = GenerateOrg(SmallSettings());
  return *org;
}

inline std::string TruthBytes(Org const& org) {
  std::ostringstream out;
  WriteTruthJsonl(org, out);
  return out.str();
}

/// Spoken digits back to digits: "four oh double seven" -> "4077". Other words are ignored.
inline std::string DecodeSpokenDigits(std::vector<std::string> const& words) {
  static std::map<std::string, char> const kDigits = {
      {"zero", '0'}, {"oh", '0'},  {"one", '1'},   {"two", '2'},   {"three", '3'}, {"four", '4'},
      {"five", '5'}, {"six", '6'}, {"seven", '7'}, {"eight", '8'}, {"nine", '9'}};
  std::string digits;
  int repeat = 1;
  for (auto const& word : words) {
    if (word == "double") {
      repeat = 2;
      continue;
    }
    auto const it = kDigits.find(word);
    if (it != kDigits.end()) digits.append(repeat, it->second);
    repeat = 1;
  }
  return digits;
}

/// Single letters and spoken digits back to text: "g b eight two" -> "GB82".
inline std::string DecodeSpokenAlphanumeric(std::vector<std::string> const& words) {
  std::string text;
  for (std::size_t i = 0; i < words.size(); ++i) {
    if (words[i].size() == 1 && std::isalpha(static_cast<unsigned char>(words[i][0]))) {
      text.push_back(static_cast<char>(std::toupper(static_cast<unsigned char>(words[i][0]))));
      continue;
    }
    std::vector<std::string> one = {words[i]};
    if (words[i] == "double" && i + 1 < words.size()) one.push_back(words[++i]);
    text += DecodeSpokenDigits(one);
  }
  return text;
}

inline bool PassesLuhn(std::string const& digits) {
  int sum = 0;
  for (std::size_t i = 0; i < digits.size(); ++i) {
    int digit = digits[digits.size() - 1 - i] - '0';
    if (i % 2 == 1) digit = digit * 2 > 9 ? digit * 2 - 9 : digit * 2;
    sum += digit;
  }
  return !digits.empty() && sum % 10 == 0;
}

/// Lower-cased whole words with surrounding punctuation stripped.
inline std::vector<std::string> Tokens(std::string const& text) {
  std::vector<std::string> tokens;
  std::istringstream in(text);
  std::string raw;
  while (in >> raw) {
    std::string token;
    for (char c : raw) {
      if (std::isalnum(static_cast<unsigned char>(c)) || c == '\'') {
        token.push_back(static_cast<char>(std::tolower(static_cast<unsigned char>(c))));
      } else if (!token.empty()) {
        tokens.push_back(token);
        token.clear();
      }
    }
    if (!token.empty()) tokens.push_back(token);
  }
  return tokens;
}

}  // namespace gctq_emulator::testing
