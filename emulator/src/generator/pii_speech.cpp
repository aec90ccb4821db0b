#include "generator/pii_speech.h"

#include <array>
#include <string>

namespace gctq_emulator::gen {
namespace {

struct KindInfo {
  std::string_view type, label;
  std::array<std::string_view, 3> prompts;
};

constexpr std::array<KindInfo, 9> kKinds = {{
    {"card_number",
     "[card number]",
     {"can i take the long card number please", "what's the card number you'd like to use",
      "please go ahead with the sixteen digits on the front of the card"}},
    {"card_expiry",
     "[card expiry date]",
     {"and the expiry date", "what's the expiration date on the card", "and when does the card expire"}},
    {"cvv",
     "[card number]",
     {"and the three digit security code on the back", "can i have the security code please",
      "lastly the code on the back of the card"}},
    {"ssn",
     "[national id]",
     {"for verification can i have your social security number",
      "i'll need your social security number to verify you", "can you confirm your social please"}},
    {"phone",
     "[phone]",
     {"what's the best number to reach you on", "can i get a callback number",
      "which phone number should we use"}},
    {"email",
     "[email]",
     {"what email address should we use", "can you spell out your email address", "and your email please"}},
    {"iban",
     "[personal info]",
     {"can you read me your i b a n for the transfer", "i'll need the i b a n of your bank account",
      "please read out the international bank account number"}},
    {"name",
     "[name]",
     {"can i get your full name please", "who am i speaking with today", "can i take your name"}},
    {"postal_code",
     "[postal code]",
     {"and the zip code on the account", "can you confirm your zip code", "what's the postal code there"}},
}};

KindInfo const& Info(PiiKind kind) {
  return kKinds[static_cast<int>(kind)];
}

Words Preamble(Rng& rng) {
  static constexpr std::array<std::string_view, 6> kPreambles = {"sure it's", "yeah it's", "okay it's",
                                                                 "it's",      "um it's",   "yes"};
  return SplitWords(rng.PickFrom(kPreambles));
}

/// Splits `groups` into 1 to 3 runs of consecutive groups, one phrase each.
std::vector<Words> SplitAcrossPhrases(Rng& rng, std::vector<Words> const& groups) {
  int parts = static_cast<int>(rng.Below(10) < 4 ? 1 : rng.Below(10) < 7 ? 2 : 3);
  if (parts > static_cast<int>(groups.size())) parts = static_cast<int>(groups.size());
  std::vector<std::size_t> cuts;  // Group index where each later part starts.
  while (static_cast<int>(cuts.size()) < parts - 1) {
    std::size_t const cut = 1 + rng.Below(groups.size() - 1);
    bool seen = false;
    for (auto c : cuts) seen |= c == cut;
    if (!seen) cuts.push_back(cut);
  }
  std::vector<Words> phrases(1);
  for (std::size_t g = 0; g < groups.size(); ++g) {
    for (auto c : cuts)
      if (c == g) phrases.emplace_back();
    Append(phrases.back(), groups[g]);
  }
  return phrases;
}

std::vector<Words> DigitGroups(std::string const& digits, std::initializer_list<int> sizes,
                               DigitStyle style) {
  std::vector<Words> groups;
  std::size_t position = 0;
  for (int size : sizes) {
    groups.push_back(SpeakDigits(std::string_view(digits).substr(position, size), style));
    position += size;
  }
  return groups;
}

/// The unmasked answer, as one or more phrases.
std::vector<Words> LeakedAnswer(Rng& rng, PiiKind kind, Persona const& persona) {
  DigitStyle const style = RandomDigitStyle(rng);
  switch (kind) {
    case PiiKind::kCardNumber:
      return SplitAcrossPhrases(rng, DigitGroups(persona.card_digits, {4, 4, 4, 4}, style));
    case PiiKind::kCardExpiry: {
      Words month = persona.card_expiry_month < 10
                        ? Words{style.oh_for_zero ? "oh" : "zero", SpeakNumber(persona.card_expiry_month)[0]}
                        : SpeakNumber(persona.card_expiry_month);
      if (rng.Chance(0.3)) month = {std::string(MonthName(persona.card_expiry_month))};
      Words answer = rng.Chance(0.5) ? Words{"it", "expires"} : Words{};
      Append(answer, month);
      Append(answer, SpeakNumber(persona.card_expiry_year));
      return {answer};
    }
    case PiiKind::kCvv: return {SpeakDigits(persona.cvv_digits, style)};
    case PiiKind::kSsn: return SplitAcrossPhrases(rng, DigitGroups(persona.ssn_digits, {3, 2, 4}, style));
    case PiiKind::kPhone: return SplitAcrossPhrases(rng, DigitGroups(persona.phone_digits, {3, 3, 4}, style));
    case PiiKind::kEmail: {
      Words answer = SplitWords(persona.email_local_spoken);
      answer.emplace_back("at");
      Append(answer, SplitWords(persona.email_domain_spoken));
      return {answer};
    }
    case PiiKind::kIban: {
      std::vector<Words> groups;
      for (std::size_t i = 0; i < persona.iban.size(); i += 4) {
        groups.push_back(SpeakAlphanumeric(std::string_view(persona.iban).substr(i, 4), style));
      }
      return SplitAcrossPhrases(rng, groups);
    }
    case PiiKind::kName: {
      static constexpr std::array<std::string_view, 4> kCues = {"my name is", "it's", "this is",
                                                                "the name is"};
      Words answer = SplitWords(rng.PickFrom(kCues));
      answer.push_back(persona.first_name);
      answer.push_back(persona.last_name);
      return {answer};
    }
    case PiiKind::kPostalCode: return {SpeakDigits(persona.zip_digits, style)};
  }
  return {};
}

Words ReadBackPrefix(Rng& rng) {
  static constexpr std::array<std::string_view, 3> kReadBacks = {"let me read that back",
                                                                 "just to confirm that's", "so that's"};
  return SplitWords(rng.PickFrom(kReadBacks));
}

}  // namespace

std::string_view PiiTypeName(PiiKind kind) {
  return Info(kind).type;
}
std::string_view MaskLabel(PiiKind kind) {
  return Info(kind).label;
}

PiiUtterance SpeakPii(Rng& rng, PiiKind kind, bool masked, Persona const& persona) {
  PiiUtterance utterance;
  utterance.lines.push_back({Who::kAgent, SplitWords(rng.PickFrom(Info(kind).prompts)), -1});
  utterance.instances.push_back({kind, masked, Who::kCustomer});
  if (masked) {
    Words answer = rng.Chance(0.6) ? Preamble(rng) : Words{};
    if (kind == PiiKind::kName) answer = {"my", "name", "is"};
    answer.emplace_back(MaskLabel(kind));
    utterance.lines.push_back({Who::kCustomer, std::move(answer), 0});
  } else {
    std::vector<Words> phrases = LeakedAnswer(rng, kind, persona);
    bool const with_preamble = kind != PiiKind::kName && rng.Chance(0.5);
    for (std::size_t p = 0; p < phrases.size(); ++p) {
      Words line = p == 0 && with_preamble ? Preamble(rng) : Words{};
      Append(line, phrases[p]);
      utterance.lines.push_back({Who::kCustomer, std::move(line), 0});
    }
  }
  bool const reads_back = (kind == PiiKind::kPhone || kind == PiiKind::kEmail) && rng.Chance(0.3);
  if (reads_back) {
    Words line = ReadBackPrefix(rng);
    if (masked) {
      line.emplace_back(MaskLabel(kind));
    } else {
      for (auto const& part : LeakedAnswer(rng, kind, persona)) Append(line, part);
    }
    utterance.instances.push_back({kind, masked, Who::kAgent});
    utterance.lines.push_back({Who::kAgent, std::move(line), 1});
  }
  return utterance;
}

}  // namespace gctq_emulator::gen
