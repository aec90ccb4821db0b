// Inbound account scenarios: upgrades, complaints, payments, fraud, warranty, address, fees, contracts.

#include "generator/scenario_builders.h"

namespace gctq_emulator::gen {

void AddAccountScenarios(std::vector<Scenario>& s) {
  s.push_back({"plan_upgrade", "Upgrade", {"upgrade", "faster plan"}, false, 7, 6, true,
               {C({"i'm interested in an upgrade to a faster plan", "what would it cost to upgrade my package",
                   "i saw an offer online for an upgrade"},
                  {"i love the service and want to upgrade"}),
                A({"great choice let me check what's available at your address", "sure we have three plans to choose from",
                   "i can definitely help you upgrade"},
                  {"wonderful i have a great offer for you"}),
                A({"the premium plan is {amount} a month with a twelve month contract",
                   "the plus plan is {amount} and includes a free router"}),
                C({"does that include installation", "can i start it from {date}", "what about the early termination fee"}),
                A({"installation is free and it starts on {date}", "there's no fee if you upgrade before {date}"}),
                C({"okay let's do it", "sounds good please go ahead"}, {"perfect that's exactly what i wanted"},
                  {"that's more than i expected but fine"}),
                A({"your account is upgraded you'll get a confirmation by email", "all done your upgraded plan starts {date}"})}});

  s.push_back({"complaint", "Complaint", {"complaint", "unacceptable", "complain"}, false, 8, 8, false,
               {C({"i want to make a complaint about the service", "i'd like to file a formal complaint",
                   "i'm calling to complain about one of your engineers"},
                  {}, {"the way i was treated was unacceptable", "i've never had such bad service in my life"}),
                A({"i'm really sorry to hear that please tell me what happened", "i'll record your complaint can you give me the details"}),
                C({"the engineer was booked for {date} at {time} and never showed up",
                   "i was promised a callback on {date} and nobody called"},
                  {}, {"your engineer was rude and left a mess", "i've wasted three days waiting at home"}),
                A({"that's not the experience we want for you i've logged the complaint", "i'll pass this to the manager of that team",
                   "i've recorded everything and your complaint reference is {case}"}),
                C({"okay what happens next", "will i get any compensation"}, {"thanks for listening at least"},
                  {"i want compensation or i'm going to the regulator"}),
                A({"a manager will review it within five working days", "i can offer a goodwill credit of {amount}"},
                  {"i've applied a credit of {amount} as an apology"})}});

  s.push_back({"payment_update", "Payment Update", {"payment", "new card", "direct debit"}, false, 1, 0, true,
               {C({"i need to update my payment details", "i got a new card and want to change it on the account",
                   "i'd like to make a payment on my account"}),
                A({"sure i can update that for you", "no problem i'll take the new details now",
                   "of course how much would you like to pay today"}),
                C({"i'd like to pay {amount}", "the full balance please", "just update the card for now"}),
                A({"thank you the payment of {amount} went through", "the card has been updated for future payments",
                   "the next payment will be taken on {date}"},
                  {"all done thank you for keeping the account up to date"}),
                C({"great can i get a receipt", "will i get a confirmation"}, {"perfect that was easy"},
                  {"why was the last payment declined then"}),
                A({"you'll get a receipt by email shortly", "the confirmation number is {case}"})}});

  s.push_back({"fraud_report", "Fraud Report", {"fraud", "didn't make", "unauthorized"}, false, 9, 2, false,
               {C({"there are charges on my account that i didn't make", "i think someone used my account without permission",
                   "i want to report fraud on my account"},
                  {}, {"someone stole my details and spent {amount}", "i'm really worried someone has hacked my account"}),
                A({"i'm sorry that's worrying let's secure the account first", "i'll need to verify you before we continue",
                   "i'm going to freeze the account while we look into this"}),
                C({"there was a purchase on {date} for {amount}", "i got a text at {time} about an order i never placed"}),
                A({"i've blocked the account and opened a fraud case {case}", "our fraud team will investigate within {days} days",
                   "i'd recommend you change your password and your security questions"}),
                C({"will i get the money back", "do i need to file a police report"}, {"thank you for acting so fast"},
                  {"how did you let this happen"}),
                A({"if the charges are confirmed as fraud you'll get a full credit", "a dispute has been raised with the merchant"})}});

  s.push_back({"warranty_claim", "Warranty Claim", {"warranty", "still covered", "repair"}, false, 5, 3, false,
               {C({"my device stopped working and i think it's still under warranty", "i'd like to make a warranty claim",
                   "is my laptop still covered by the warranty"}),
                A({"let me check the warranty status", "when did you buy it", "can you read me the serial number"}),
                C({"i bought it on {date}", "the serial is {tracking}", "about eleven months ago from your store"}),
                A({"good news it's covered until {date}", "the warranty expired on {date} but we can offer a paid repair",
                   "i'll book a technician to collect it"}),
                C({"how long will the repair take", "do i need the original receipt"}, {"oh brilliant thank you"},
                  {"it's barely a year old that's ridiculous"}),
                A({"repairs take about {days} days", "we'll call you on {date} when it's ready"})}});

  s.push_back({"address_change", "Account Update", {"address", "moving", "update my details"}, false, 0, 0, false,
               {C({"i'm moving house and need to change my address", "i need to update my details on the account",
                   "can i transfer my service to a new address"},
                  {"hi we're moving next month and wanted to sort everything early"}),
                A({"congratulations on the move what's the new address", "sure when are you moving",
                   "i can update that what date should it take effect"}),
                C({"we move on {date}", "the move is the weekend of {date}"}),
                A({"i've scheduled the transfer for {date}", "there's no fee to move your service",
                   "an engineer will visit on {date} between {time} and six pm"}),
                C({"perfect thank you", "will there be any downtime"}, {"that's brilliant so easy"}),
                A({"there may be a few hours of downtime on the day", "your reference is {case}"})}});

  s.push_back({"late_fee", "Late Fee", {"late fee", "fee", "late payment"}, false, 10, 1, true,
               {C({"i was charged a late fee and i don't think it's fair", "why is there a late payment fee on my bill",
                   "can you remove the late fee please"},
                  {}, {"you charged me a late fee even though i paid on time"}),
                A({"let me look at the payment history", "i can see the payment arrived on {date}",
                   "the due date was {date} and the payment came in two days after"}),
                C({"my bank said it went out on {date}", "it was only one day late"},
                  {}, {"i've been a customer for ten years and this is how you treat me"}),
                A({"as a one time courtesy i'll waive the fee", "i can't remove it but i can split it over two bills"},
                  {"i've removed the fee and credited {amount} back"}),
                C({"okay thank you", "fine i'll accept that"}, {"thank you that's really kind"},
                  {"that's still unfair"}),
                A({"you can set up autopay to avoid future fees", "the credit will show by {date}"})}});

  s.push_back({"contract_question", "Contract Inquiry", {"contract", "early termination", "end date"}, false, 3, 7, false,
               {C({"when does my contract end", "i'd like to know the terms of my contract",
                   "what is the early termination charge on my contract"}),
                A({"let me pull up your contract", "your contract started on {date}", "you're on a twenty four month contract"}),
                C({"so how much would it cost to leave now", "can i change plans in the middle of the contract"}),
                A({"the early termination charge would be {amount}", "you can change plans at any time without a penalty",
                   "your contract ends on {date}"}),
                C({"okay good to know", "i'll think about it"}, {"great that's very clear thank you"},
                  {"nobody told me about that when i signed up"}),
                A({"i'll email you a copy of the contract terms", "feel free to call back before {date} to discuss options"})}});
}

}  // namespace gctq_emulator::gen
