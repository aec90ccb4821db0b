#include "generator/dialogue_templates.h"

#include "generator/scenario_builders.h"

namespace gctq_emulator::gen {
namespace {

struct Registry {
  std::vector<Scenario> scenarios;
  std::vector<int> inbound, outbound;
};

Registry const& GetRegistry() {
  static Registry const registry = [] {
    Registry r;
    AddServiceScenarios(r.scenarios);
    AddAccountScenarios(r.scenarios);
    AddOutboundScenarios(r.scenarios);
    for (int i = 0; i < static_cast<int>(r.scenarios.size()); ++i) {
      (r.scenarios[i].outbound ? r.outbound : r.inbound).push_back(i);
    }
    return r;
  }();
  return registry;
}

}  // namespace

std::span<Scenario const> Scenarios() {
  return GetRegistry().scenarios;
}

std::span<int const> ScenarioIndexes(bool outbound) {
  return outbound ? GetRegistry().outbound : GetRegistry().inbound;
}

CommonBeats const& Common() {
  static CommonBeats const common{
      .agent_greeting =
          A({"thank you for calling northwind customer service how can i help you today",
             "good morning you've reached northwind support what can i do for you",
             "thanks for calling northwind how may i help", "northwind customer care how can i help you"},
            {"thank you so much for calling northwind i'd be happy to help you today",
             "hello and welcome to northwind it's a pleasure to have you how can i assist"}),
      .customer_opening = C(
          {"hi yes i'm calling about my account", "hello hi um i need some help with something",
           "hey yeah so i have a question", "hi there i was hoping you could help me"},
          {"hi there thanks for picking up so quickly", "hello good morning hope you're doing well"},
          {"finally i've been waiting forever to get through",
           "yeah hi i've called three times already about this", "hi look i'm really frustrated right now"}),
      .agent_outbound_greeting =
          A({"hi this is a call from northwind customer service am i speaking with the account holder",
             "good afternoon i'm calling from northwind regarding your account do you have a moment",
             "hello this is northwind calling is now a good time to talk"},
            {"hi there it's northwind calling with some good news do you have a minute"}),
      .customer_outbound_answer = C({"yes speaking", "yeah this is them what's this about", "sure go ahead"},
                                    {"oh hi yes thanks for calling back", "oh great i was hoping you'd call"},
                                    {"i'm actually busy so make it quick", "not again what is it this time"}),
      .agent_hold = A({"let me put you on a brief hold while i look into this",
                       "can you hold for just a moment while i check with my team",
                       "bear with me i'm going to place you on hold for a minute or two"}),
      .agent_back_from_hold = A({"thanks for holding", "thank you for your patience i'm back",
                                 "okay i'm back sorry about the wait"},
                                {"thanks so much for waiting i have good news"}),
      .agent_closing =
          A({"is there anything else i can help you with today",
             "alright you're all set is there anything else", "okay that's done anything else on your mind"},
            {"it was a pleasure helping you have a wonderful day", "thanks for calling northwind take care"}),
      .customer_goodbye = C({"no that's everything bye", "that's all thanks bye", "nope that's it"},
                            {"thank you so much you've been really helpful",
                             "that's great thanks a lot have a nice day", "perfect i really appreciate it"},
                            {"no i'm still not happy about this but fine",
                             "whatever this was a waste of my time", "i'll be taking my business elsewhere"}),
      .small_talk_agent =
          A({"you can reach our team directly on extension {ext} if anything changes",
             "i've noted everything on case {case}", "we'll call you back on {date} at {time}",
             "our office hours are eight am to six pm eastern monday to friday",
             "the next available slot is {date} at {time}"},
            {}, {}, 0.6),
      .small_talk_customer =
          C({"i'm free after {time} on {date}", "i called on {date} around {time} and nobody answered",
             "the total was {amount} if that helps", "my order was {order} from last week"},
            {}, {}, 0.5),
      .agent_filler = A({"let me just pull that up", "one moment please", "okay bear with me", "i see",
                         "okay let me check that for you", "let me make a note of that", "got it",
                         "just a second the system is a bit slow today", "right okay"}),
      .customer_filler = C({"sure", "okay", "no problem take your time", "mm-hmm", "right", "yeah",
                            "okay thanks", "sure go ahead"}),
      .agent_thanks = A({"thank you", "got it thanks", "perfect thank you", "great thanks for that"}),
  };
  return common;
}

}  // namespace gctq_emulator::gen
