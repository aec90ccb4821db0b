#include "generator/transcript_gen.h"

#include <algorithm>
#include <cmath>

#include "generator/conversation_ids.h"
#include "generator/persona.h"
#include "generator/rng.h"

namespace gctq_emulator::gen {
namespace {

double Round2(double value) {
  return std::round(value * 100.0) / 100.0;
}

struct NaturalPhrase {
  std::vector<std::int64_t> word_ms, gap_before_ms;  // Per word; the first gap is 0.
  std::int64_t total_ms = 0;
};

NaturalPhrase NaturalTiming(Rng& rng, Words const& words) {
  NaturalPhrase phrase;
  for (std::size_t w = 0; w < words.size(); ++w) {
    bool const masked = words[w].front() == '[';
    std::int64_t const ms = masked
                                ? rng.Between(2'500, 6'000)
                                : 110 + 35 * static_cast<std::int64_t>(words[w].size()) + rng.Between(0, 100);
    std::int64_t const gap = w == 0 ? 0 : rng.Between(10, 90);
    phrase.word_ms.push_back(ms);
    phrase.gap_before_ms.push_back(gap);
    phrase.total_ms += ms + gap;
  }
  return phrase;
}

/// Lines grouped by speech window: a pause_after line closes its group.
std::vector<std::vector<int>> GroupByWindow(Dialogue const& dialogue, std::size_t windows) {
  std::vector<std::vector<int>> groups(1);
  for (int i = 0; i < static_cast<int>(dialogue.lines.size()); ++i) {
    groups.back().push_back(i);
    if (dialogue.lines[i].pause_after && groups.size() < windows) groups.emplace_back();
  }
  return groups;
}

std::string MatchingTopicPhrase(Scenario const& scenario, std::string const& text) {
  std::string const padded = " " + text + " ";
  for (auto phrase : scenario.topic_phrases) {
    if (padded.find(" " + std::string(phrase) + " ") != std::string::npos) return std::string(phrase);
  }
  return {};
}

void AddParticipants(OrgContext const& org, ConversationPlan const& plan, TranscriptDocument& doc) {
  Persona const persona = MakePersona(org.settings.seed, plan.index);
  std::string const customer = TelUri(persona.phone_digits), org_number = TelUri(org.org_phone_digits);
  std::string const direction = plan.inbound ? "inbound" : "outbound";
  std::string const& ani = plan.inbound ? customer : org_number;
  std::string const& dnis = plan.inbound ? org_number : customer;
  doc.participants.push_back({"customer", "", "", "", ani, dnis, direction, plan.start_ms, plan.end_ms});
  if (plan.inbound) {
    doc.participants.push_back({"ivr", "", "", "", ani, dnis, direction, plan.ivr_start_ms, plan.ivr_end_ms});
  }
  for (auto const& leg : plan.legs) {
    Queue const& queue = org.directory.queues[leg.queue];
    if (plan.inbound) {
      doc.participants.push_back(
          {"acd", "", queue.id, queue.division_id, ani, dnis, direction, leg.acd_start_ms, leg.answer_ms});
    }
    doc.participants.push_back({"agent", org.directory.agents[leg.agent].user_id, queue.id, queue.division_id,
                                ani, dnis, direction, leg.alert_start_ms, leg.wrapup_end_ms});
  }
}

}  // namespace

TranscriptDocument BuildTranscript(OrgContext const& org, ConversationPlan const& plan,
                                   Dialogue const& dialogue) {
  Rng rng(org.settings.seed, Stream::kTiming, plan.index);
  ConversationIds const ids = MakeConversationIds(org.settings.seed, plan.index);
  Scenario const& scenario = Scenarios()[plan.scenario];
  std::vector<HoldWindow> const windows = SpeechWindows(plan);

  TranscriptDocument doc;
  doc.organization_id = org.directory.organization_id;
  doc.conversation_id = ToString(ids.conversation);
  doc.communication_id = ToString(ids.customer.session);
  doc.transcript_id = ToString(ids.transcript);
  doc.engine_id = "Genesys";
  doc.conversation_start_ms = plan.start_ms;
  doc.start_ms = windows.front().start_ms;
  doc.duration_ms = windows.back().end_ms - doc.start_ms;

  auto const groups = GroupByWindow(dialogue, windows.size());
  for (std::size_t g = 0; g < groups.size(); ++g) {
    HoldWindow const& window = windows[g];
    std::vector<NaturalPhrase> natural;
    std::int64_t natural_total = 0;
    for (int line : groups[g]) {
      natural.push_back(NaturalTiming(rng, dialogue.lines[line].words));
      natural_total += natural.back().total_ms;
    }
    std::int64_t const window_ms = window.end_ms - window.start_ms;
    double const scale =
        std::min(1.0, 0.9 * static_cast<double>(window_ms) / static_cast<double>(natural_total));
    std::int64_t const silence_ms =
        window_ms - static_cast<std::int64_t>(scale * static_cast<double>(natural_total));
    std::int64_t const gap_ms = silence_ms / static_cast<std::int64_t>(groups[g].size() + 1);

    std::int64_t cursor = window.start_ms;
    for (std::size_t k = 0; k < groups[g].size(); ++k) {
      DialogueLine const& line = dialogue.lines[groups[g][k]];
      cursor += rng.Between(gap_ms / 2, gap_ms);
      Phrase phrase;
      phrase.phrase_index = groups[g][k];
      phrase.text = LineText(line);
      phrase.participant_purpose = line.who == Who::kAgent ? "internal" : "external";
      phrase.confidence = Round2(0.7 + 0.28 * rng.Unit());
      phrase.stability = 1.0;
      phrase.sentiment = line.sentiment;
      phrase.start_ms = cursor;
      for (std::size_t w = 0; w < line.words.size(); ++w) {
        cursor += static_cast<std::int64_t>(scale * static_cast<double>(natural[k].gap_before_ms[w]));
        std::int64_t const word_ms =
            std::max<std::int64_t>(60, static_cast<std::int64_t>(scale * natural[k].word_ms[w]));
        phrase.words.push_back(
            {line.words[w], Round2(0.55 + 0.45 * rng.Unit()), cursor - doc.start_ms, cursor, word_ms});
        cursor += word_ms;
      }
      phrase.duration_ms = cursor - phrase.start_ms;
      phrase.offset_ms = phrase.start_ms - doc.start_ms;
      doc.phrases.push_back(std::move(phrase));
    }
  }

  Rng topic_ids(org.settings.seed, Stream::kOrg, 1000 + static_cast<std::uint64_t>(plan.scenario));
  std::string const topic_id = ToString(RandomUuid(topic_ids));
  for (auto const& phrase : doc.phrases) {
    std::string const topic_phrase = MatchingTopicPhrase(scenario, phrase.text);
    if (topic_phrase.empty()) continue;
    doc.topics.push_back({topic_id, std::string(scenario.topic_name), topic_phrase, phrase.text,
                          phrase.participant_purpose, Round2(0.7 + 0.3 * rng.Unit()), phrase.offset_ms,
                          phrase.start_ms, phrase.duration_ms});
  }
  AddParticipants(org, plan, doc);
  return doc;
}

}  // namespace gctq_emulator::gen
