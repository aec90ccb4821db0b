// Outbound scenarios: the agent calls the customer.

#include "generator/scenario_builders.h"

namespace gctq_emulator::gen {

void AddOutboundScenarios(std::vector<Scenario>& s) {
  s.push_back({"callback_followup",
               "Follow-up",
               {"following up", "case"},
               true,
               8,
               0,
               false,
               {A({"i'm following up on case {case} you opened on {date}",
                   "i'm calling back about the issue you reported last week"}),
                C({"yes i remember", "right is it resolved now"}, {"oh great thanks for following up"},
                  {"about time i've been waiting for days"}),
                A({"our team fixed the issue on {date}", "we've applied a credit of {amount} for the trouble",
                   "the technician visit is confirmed for {date} at {time}"}),
                C({"okay that sounds fine", "can you confirm that by email"}, {"that's great news thank you"},
                  {"it's still not working properly"}),
                A({"i'll send a summary by email", "i'll keep the case open until {date} just in case"})}});

  s.push_back(
      {"payment_reminder",
       "Collections",
       {"overdue", "balance", "payment"},
       true,
       10,
       3,
       true,
       {A({"i'm calling about an overdue balance of {amount} on your account",
           "our records show a missed payment from {date}"}),
        C({"oh i didn't realise", "i thought that was paid already"}, {},
          {"i already told you people i paid it", "stop calling me about this"}),
        A({"would you like to make a payment today", "we can set up a payment plan over three months"}),
        C({"yes i can pay now", "a payment plan would help"}, {"sure let's get it sorted"},
          {"i'm going to dispute this balance"}),
        A({"thank you i've noted the arrangement on case {case}",
           "the first instalment will be {amount} on {date}"})}});

  s.push_back(
      {"renewal_offer",
       "Renewal Offer",
       {"renewal", "discount", "offer"},
       true,
       7,
       6,
       false,
       {A({"your plan is up for renewal on {date} and we have an offer for you",
           "as a loyal customer we'd like to offer you a discount on your renewal"},
          {"great news you qualify for our best loyalty discount"}),
        C({"what's the offer", "okay i'm listening"}, {"oh nice tell me more"},
          {"i'm not interested in sales calls"}),
        A({"it's {amount} a month for the next twelve months", "you'd save about {amount} over the year"}),
        C({"let me think about it", "okay sign me up"}, {"that's a great deal yes please"},
          {"that's still too expensive"}),
        A({"i'll send the details by email", "the new price starts on {date}"})}});

  s.push_back(
      {"delivery_reschedule",
       "Delivery Scheduling",
       {"delivery", "reschedule"},
       true,
       6,
       0,
       false,
       {A({"i'm calling to arrange the delivery of order {order}",
           "we need to reschedule your delivery because of a stock delay"}),
        C({"okay what days do you have", "sure when can you come"}, {},
          {"this is the second time you've moved it"}),
        A({"we can do {date} between {time} and noon", "the earliest slot is {date} in the afternoon"}),
        C({"that works for me", "can we do the following day instead"}, {"perfect that's great"},
          {"that's too late i needed it this week"}),
        A({"you're booked in the driver will call thirty minutes before",
           "the delivery reference is {tracking}"})}});
}

}  // namespace gctq_emulator::gen
