#include "generator/dialogue_builder.h"

#include <algorithm>

#include "generator/persona.h"
#include "generator/pii_speech.h"
#include "generator/rng.h"
#include "generator/slot_filler.h"

namespace gctq_emulator::gen {
namespace {

constexpr std::array<PiiKind, 9> kAllKinds = {
    PiiKind::kCardNumber, PiiKind::kCardExpiry, PiiKind::kCvv,  PiiKind::kSsn,       PiiKind::kPhone,
    PiiKind::kEmail,      PiiKind::kIban,       PiiKind::kName, PiiKind::kPostalCode};

struct Mood {
  int start = 0, end = 0;
  int At(double position) const { return position < 0.5 ? start : end; }
};

Mood DrawMood(Rng& rng) {
  double const u = rng.Unit();
  Mood mood;
  mood.start = u < 0.3 ? -1 : u < 0.75 ? 0 : 1;
  double const v = rng.Unit();
  mood.end = v < 0.5 ? mood.start : v < 0.8 ? std::min(1, mood.start + 1) : std::max(-1, mood.start - 1);
  return mood;
}

class Builder {
 public:
  Builder(Rng& rng, Dialogue& dialogue) : rng_(rng), dialogue_(dialogue) {}

  void Say(Beat const& beat, int mood) {
    if (beat.probability < 1.0 && !rng_.Chance(beat.probability)) return;
    int target = mood;
    if (beat.who == Who::kAgent) target = mood >= 0 && rng_.Chance(0.4) ? 1 : 0;
    if (!rng_.Chance(0.85)) target = 0;
    std::vector<std::string_view> const* variants = &beat.neutral;
    int sentiment = 0;
    if (target > 0 && !beat.positive.empty()) {
      variants = &beat.positive;
      sentiment = 1;
    } else if (target < 0 && !beat.negative.empty()) {
      variants = &beat.negative;
      sentiment = -1;
    } else if (variants->empty()) {
      variants = !beat.positive.empty() ? &beat.positive : &beat.negative;
      sentiment = !beat.positive.empty() ? 1 : -1;
    }
    Add(beat.who, FillSlots(rng_, rng_.PickFrom(*variants)), sentiment);
  }

  void Add(Who who, Words words, int sentiment = 0, bool pause_after = false) {
    dialogue_.lines.push_back({who, std::move(words), sentiment, leg_, pause_after});
  }

  void SayPii(PiiKind kind, bool masked, Persona const& persona) {
    PiiUtterance utterance = SpeakPii(rng_, kind, masked, persona);
    std::size_t const first_instance = dialogue_.pii.size();
    for (auto const& spec : utterance.instances) {
      dialogue_.pii.push_back({std::string(PiiTypeName(spec.kind)),
                               {},
                               spec.masked,
                               spec.speaker == Who::kAgent ? "agent" : "customer"});
    }
    for (auto& line : utterance.lines) {
      if (line.instance >= 0) {
        dialogue_.pii[first_instance + line.instance].phrase_indexes.push_back(
            static_cast<int>(dialogue_.lines.size()));
      }
      Add(line.who, std::move(line.words));
    }
  }

  void NextLeg() { ++leg_; }
  void PauseAfterLastLine() { dialogue_.lines.back().pause_after = true; }

 private:
  Rng& rng_;
  Dialogue& dialogue_;
  int leg_ = 0;
};

/// Which kinds leak and which are masked in this call; never the same kind twice.
std::vector<std::pair<PiiKind, bool>> DrawPii(Rng& rng, OrgContext const& org, Scenario const& scenario) {
  std::vector<std::pair<PiiKind, bool>> chosen;
  auto taken = [&](PiiKind kind) {
    return std::any_of(chosen.begin(), chosen.end(), [&](auto const& c) { return c.first == kind; });
  };
  auto add_some = [&](bool masked, int count) {
    for (int i = 0; i < count; ++i) {
      PiiKind kind = rng.PickFrom(kAllKinds);
      if (scenario.takes_payment && i == 0 && rng.Chance(0.6)) kind = PiiKind::kCardNumber;
      if (taken(kind)) continue;
      chosen.emplace_back(kind, masked);
      if (kind == PiiKind::kCardNumber && rng.Chance(0.6)) {  // The rest of the card usually follows.
        if (!taken(PiiKind::kCardExpiry)) chosen.emplace_back(PiiKind::kCardExpiry, masked);
        if (!taken(PiiKind::kCvv) && rng.Chance(0.7)) chosen.emplace_back(PiiKind::kCvv, masked);
      }
    }
  };
  if (rng.Chance(org.settings.pii_leak_rate)) add_some(false, static_cast<int>(rng.Between(1, 3)));
  if (rng.Chance(org.settings.pii_mask_rate)) add_some(true, static_cast<int>(rng.Between(1, 2)));
  return chosen;
}

}  // namespace

std::string LineText(DialogueLine const& line) {
  return JoinWords(line.words);
}

Dialogue BuildDialogue(OrgContext const& org, ConversationPlan const& plan) {
  Rng rng(org.settings.seed, Stream::kDialogue, plan.index);
  Persona const persona = MakePersona(org.settings.seed, plan.index);
  Scenario const& scenario = Scenarios()[plan.scenario];
  CommonBeats const& common = Common();
  Mood const mood = DrawMood(rng);
  Dialogue dialogue;
  Builder say(rng, dialogue);

  if (plan.inbound) {
    say.Say(common.agent_greeting, mood.start);
    say.Say(common.customer_opening, mood.start);
  } else {
    say.Say(common.agent_outbound_greeting, mood.start);
    say.Say(common.customer_outbound_answer, mood.start);
  }

  int const beats = static_cast<int>(scenario.beats.size());
  bool const transfer = plan.legs.size() > 1;
  int const transfer_at = transfer ? static_cast<int>(rng.Between(2, beats - 1)) : beats;
  std::vector<int> hold_at;  // Beat index before which each hold happens, in time order.
  for (std::size_t leg = 0; leg < plan.legs.size(); ++leg) {
    int const lo = leg == 0 ? 1 : transfer_at, hi = leg == 0 ? transfer_at - 1 : beats - 1;
    std::vector<int> positions;
    for (std::size_t h = 0; h < plan.legs[leg].holds.size(); ++h)
      positions.push_back(static_cast<int>(rng.Between(lo, hi)));
    std::sort(positions.begin(), positions.end());
    hold_at.insert(hold_at.end(), positions.begin(), positions.end());
  }
  auto const pii = DrawPii(rng, org, scenario);
  int const pii_at = static_cast<int>(rng.Between(1, beats - 1));

  std::size_t next_hold = 0;
  for (int b = 0; b < beats; ++b) {
    double const position = static_cast<double>(b) / beats;
    if (b == transfer_at) {
      say.Add(
          Who::kAgent,
          SplitWords("i'm going to transfer you to a colleague who can help further please stay on the line"),
          0, true);
      say.NextLeg();
      say.Add(Who::kAgent, SplitWords("hi thanks for waiting i've read the notes from my colleague"));
    }
    if (b == pii_at) {
      for (auto const& [kind, masked] : pii) {
        say.SayPii(kind, masked, persona);
        if (rng.Chance(0.5)) say.Say(common.agent_thanks, 0);
      }
    }
    while (next_hold < hold_at.size() && hold_at[next_hold] == b) {
      say.Say(common.agent_hold, mood.At(position));
      say.PauseAfterLastLine();
      say.Say(common.agent_back_from_hold, mood.At(position));
      ++next_hold;
    }
    say.Say(scenario.beats[b], mood.At(position));
    if (rng.Chance(0.3)) say.Say(common.agent_filler, mood.At(position));
    if (rng.Chance(0.3)) say.Say(common.customer_filler, mood.At(position));
  }
  say.Say(rng.Chance(0.5) ? common.small_talk_agent : common.small_talk_customer, mood.end);
  say.Say(common.agent_closing, mood.end);
  say.Say(common.customer_goodbye, mood.end);
  return dialogue;
}

}  // namespace gctq_emulator::gen
