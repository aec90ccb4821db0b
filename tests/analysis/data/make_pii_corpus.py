#!/usr/bin/env python3
"""Deterministic generator of the spoken-form PII corpus (pii_corpus.jsonl).

Synthetic test values only: documented test card numbers, SSNs in issued ranges that belong to no
one we know of, 555-01xx phone numbers, example.com e-mails, the IBAN registry's example IBANs.
Each line: {"id", "expect": [types] (empty = hard negative), "phrases": [[speaker, text], ...]}.
Run: python3 make_pii_corpus.py > pii_corpus.jsonl
"""
import json
import random

rng = random.Random(5)
WORDS = "zero one two three four five six seven eight nine".split()
out = []


def luhn(digits):
    total = 0
    for i, c in enumerate(reversed(digits)):
        v = int(c) * (2 if i % 2 else 1)
        total += v - 9 if v > 9 else v
    return total % 10 == 0


def add(kind, expect, phrases):
    out.append({"id": f"{kind}-{len(out)}", "expect": expect, "phrases": phrases})


def spoken(digits, oh=False, doubles=False):
    words, i = [], 0
    while i < len(digits):
        d = digits[i]
        run = 1
        while i + run < len(digits) and digits[i + run] == d and run < 3:
            run += 1
        if doubles and run >= 2:
            words += ["triple" if run == 3 else "double", WORDS[int(d)]]
            i += run
            continue
        flanked = 0 < i < len(digits) - 1
        words.append("oh" if (oh and d == "0" and flanked) else WORDS[int(d)])
        i += 1
    return " ".join(words)


def groups(digits, size=4, sep=" "):
    return sep.join(digits[i:i + size] for i in range(0, len(digits), size))


CARDS = ["4111111111111111", "5555555555554444", "4012888888881881", "378282246310005", "6011111111111117",
         "5105105105105100", "4242424242424242", "3530111333300000", "2223003122003222", "6011000990139424",
         "4000056655665556", "5200828282828210"]
CARD_CUES = ["my card number is", "it's a visa, the number is", "the long number on the card is", "sure, it's",
             "okay the card is", "credit card"]
for n, card in enumerate(CARDS):
    cue = CARD_CUES[n % len(CARD_CUES)]
    add("card-digits", ["card_number"], [["customer", f"{cue} {groups(card)}"]])
    add("card-dashes", ["card_number"], [["customer", f"{cue} {groups(card, sep='-')}"]])
    add("card-words", ["card_number"], [["customer", f"{cue} {spoken(card)}"]])
    add("card-oh", ["card_number"], [["customer", f"{cue} {spoken(card, oh=True)}"]])
    add("card-double", ["card_number"], [["customer", f"{cue} {spoken(card, doubles=True)}"]])
    parts = [card[i:i + 4] for i in range(0, len(card), 4)]
    add("card-split3", ["card_number"], [["agent", "can I have the card number please"],
                                          ["customer", spoken("".join(parts[:2]))],
                                          ["agent", "mm-hmm"], ["customer", spoken(parts[2])],
                                          ["customer", spoken("".join(parts[3:]))]])
    add("card-readback", ["card_number", "card_number"],
        [["customer", f"{cue} {groups(card)}"], ["agent", f"let me read that back {spoken(card)}"]])
    add("card-nocontext", ["card_number"], [["customer", f"um {groups(card, sep='')} is what I have"]])
    # Masked forms are not leaks; a mask showing more than first 6 + last 4 is.
    add("card-masked", [], [["customer", f"my card is **** **** **** {card[-4:]}"]])
    add("card-masked-6-4", [], [["customer", f"card {card[:6]}{'*' * (len(card) - 10)}{card[-4:]}"]])
    add("card-bracket", [], [["customer", "my card number is [card number] and it expires [card expiry date]"]])
    add("card-partial-leak", ["card_number"],
        [["customer", f"my card is {card[:8]} **** {card[-4:]}"]])

# Hard negatives for cards: 16 digits failing Luhn, order numbers, amounts, dates, times, extensions.
for n in range(40):
    d = "".join(rng.choice("0123456789") for _ in range(15))
    for last in "0123456789":
        cand = "4" + d[:14] + last
        if not luhn(cand):
            break
    add("neg-non-luhn", [], [["customer", f"the number is {groups(cand)}"]])
    order = str(rng.randint(10**15, 10**16 - 1))
    add("neg-order", [], [["customer", f"my order number is {groups(order)}"]])
    add("neg-tracking", [], [["agent", f"your tracking number is {spoken(order[:12])}"]])
    add("neg-amount", [], [["agent", f"the balance is ${rng.randint(100, 9999)}.{rng.randint(10, 99)} due on "
                                     f"{rng.randint(1, 12)}/{rng.randint(1, 28)}/2024"]])
    add("neg-time", [], [["customer", f"call me back at {rng.randint(1, 12)}:{rng.randint(10, 59)} tomorrow"]])
    add("neg-ext", [], [["agent", f"you can reach me on extension {rng.randint(1000, 9999)}"]])
    add("neg-words", [], [["customer", f"I paid {spoken(str(rng.randint(100, 999)))} dollars on the "
                                       f"{rng.choice(['first', 'second', 'fifth'])} of may"]])
    add("neg-date", [], [["customer", f"it was march {rng.randint(1, 28)} twenty twenty four at two thirty"]])

SSNS = ["512346789", "401223344", "078051121", "123456788", "234567890", "665123456", "772014533", "001014567"]
for s in SSNS:
    add("ssn-digits", ["ssn"], [["customer", f"my social is {s[:3]} {s[3:5]} {s[5:]}"]])
    add("ssn-dashed", ["ssn"], [["customer", f"it's {s[:3]}-{s[3:5]}-{s[5:]}"]])
    add("ssn-words", ["ssn"], [["customer", f"social security number {spoken(s)}"]])
    add("ssn-oh", ["ssn"], [["agent", "and your ssn please"], ["customer", spoken(s, oh=True)]])
    add("ssn-split", ["ssn"], [["agent", "what is your social security number"], ["customer", spoken(s[:5])],
                               ["customer", spoken(s[5:])]])
    add("ssn-masked", [], [["customer", f"my social is XXX-XX-{s[5:]}"]])
for bad in ["000123456", "666123456", "912345678", "123001234", "123450000", "111111111", "123456789"]:
    add("neg-ssn-invalid", [], [["customer", f"my social is {bad[:3]} {bad[3:5]} {bad[5:]}"]])
add("neg-zip4", [], [["customer", "the zip is 12345-6789"]])

PHONES = ["2125550147", "3105550199", "4155550123", "6175550172", "7735550110", "2025550164"]
for p in PHONES:
    add("phone-digits", ["phone"], [["customer", f"you can call me at ({p[:3]}) {p[3:6]}-{p[6:]}"]])
    add("phone-words", ["phone"], [["customer", f"my phone number is {spoken(p, oh=True)}"]])
    add("phone-double", ["phone"], [["customer", f"my cell is {spoken(p, oh=True, doubles=True)}"]])
    add("phone-one", ["phone"], [["customer", f"reach me on 1-{p[:3]}-{p[3:6]}-{p[6:]}"]])
    add("phone-dots", ["phone"], [["customer", f"it's {p[:3]}.{p[3:6]}.{p[6:]}"]])
    add("phone-split", ["phone"], [["customer", f"the best number is {spoken(p[:3])}"],
                                   ["customer", spoken(p[3:6])], ["customer", spoken(p[6:], oh=True)]])
    add("phone-masked", [], [["agent", f"the number on file ends in {p[-4:]}"], ["customer", "my phone is [phone]"]])
for n in range(6):
    add("neg-acct10", [], [["customer", f"my account number is {rng.randint(2 * 10**9, 9 * 10**9)}"]])

EMAILS = [("john dot smith at example dot com", "john.smith@example.com"),
          ("jane underscore doe at example dot org", "jane_doe@example.org"),
          ("m a r y at gmail dot com", "mary@gmail.com"),
          ("bob dot jones seventy seven at example dot net", "bob.jones77@example.net"),
          ("alex at example dot co dot uk", "alex@example.co.uk"),
          ("support dash team at example dot io", "support-team@example.io")]
for spoken_form, written in EMAILS:
    add("email-spoken", ["email"], [["customer", f"my email is {spoken_form}"]])
    add("email-spoken-nocue", ["email"], [["customer", f"send it to {spoken_form} please"]])
    add("email-written", ["email"], [["customer", f"my email is {written}"]])
    add("email-masked", [], [["customer", "my email is [email]"]])
add("neg-email-at", [], [["customer", "I'll be at home after five and at work dot com is a website"]])
add("neg-email-look", [], [["agent", "look at the website dot com page for details"]])
add("neg-email-meet", [], [["customer", "meet me at noon at the office"]])

IBANS = ["GB82WEST12345698765432", "DE89370400440532013000", "FR1420041010050500013M02606", "NL91ABNA0417164300",
         "ES9121000418450200051332", "IT60X0542811101000000123456"]
for iban in IBANS:
    add("iban-written", ["iban"], [["customer", f"my IBAN is {groups(iban)}"]])
    add("iban-compact", ["iban"], [["customer", f"account {iban}"]])
    letters = " ".join(WORDS[int(c)] if c.isdigit() else c.lower() for c in iban)
    add("iban-spoken", ["iban"], [["customer", f"the iban is {letters}"]])
    broken = iban[:2] + ("%02d" % ((int(iban[2:4]) + 1) % 100)) + iban[4:]
    add("neg-iban-check", [], [["customer", f"my IBAN is {groups(broken)}"]])

for code in ["123", "456", "7890", "042"]:
    add("cvv-digits", ["card_cvv"], [["customer", f"the security code is {code}"]])
    add("cvv-words", ["card_cvv"], [["agent", "and the cvv on the back"], ["customer", spoken(code)]])
add("neg-cvv", [], [["customer", "the promo code is 123 and the room is 42"]])
for spoken_date, _ in [("12/25", 0), ("twelve twenty five", 0), ("oh nine twenty six", 0), ("09/2027", 0),
                       ("zero three two eight", 0)]:
    add("expiry", ["card_expiry"], [["customer", f"it expires {spoken_date}"]])
    add("expiry-date", ["card_expiry"], [["agent", "what is the expiration date"], ["customer", spoken_date]])
add("neg-expiry", [], [["customer", "my subscription expires in twelve months"]])

for name in ["John Carter", "Maria", "Priya Raman", "Wei Chen", "Olusegun"]:
    add("name-cue", ["name"], [["customer", f"hi my name is {name} and I have a question"]])
    add("name-first", ["name"], [["customer", f"my first name is {name.split()[0]}"]])
add("name-masked", [], [["customer", "my name is [name]"]])
add("neg-name", [], [["customer", "my name is on the account already"]])
add("neg-name2", [], [["customer", "my name is not important"]])

# Hard negatives and positives for patterns found scoring against the emulator's ground truth.
add("neg-ref-call-later", [], [["agent", "your reference is five oh three eight four four one"],
                               ["agent", "we'll call you back on the sixteenth of june at ten"]])
add("neg-ticket-reach", [], [["agent", "your ticket number is five one oh six four three eight"],
                             ["agent", "you can reach our team directly on extension three five eight three"]])
add("neg-case-call", [], [["agent", "you're booked in the driver will call thirty minutes before"],
                          ["agent", "i've noted everything on case six four five eight nine nine three"]])
add("neg-tracking-alnum", [], [["agent", "the delivery reference is one z one four one four three one one three "
                                         "seven four four seven"],
                               ["agent", "you can reach our team directly on extension five oh four oh"]])
add("neg-order-nanp", [], [["agent", "a manager will call you within twenty four hours"],
                           ["customer", "my order was eight seven seven three one one five oh nine nine from last week"]])
add("neg-expiry-subscription", [], [["customer", "my subscription expires march twenty six"]])
add("neg-expiry-ordinal", [], [["customer", "the card offer expires on march twenty first"]])
add("neg-name-request", [], [["agent", "can i take your name"], ["customer", "this is ridiculous I already gave it"]])
add("neg-name-call-me", [], [["customer", "you can call me back tomorrow"]])
add("ssn-then-card", ["ssn", "card_number"],
    [["agent", "can you confirm your social please"], ["customer", "five eight five"],
     ["customer", "seven two four six five three"], ["agent", "perfect thank you"],
     ["agent", "what's the card number you'd like to use"], ["customer", spoken("4111111111111111")]])
add("expiry-then-cvv", ["card_expiry", "card_cvv"],
    [["agent", "and the expiry date"], ["customer", "it expires ten thirty"], ["agent", "great thanks"],
     ["agent", "lastly the code on the back of the card"], ["customer", "two two nine"]])
add("expiry-month-name", ["card_expiry"], [["agent", "what's the expiration date on the card"],
                                           ["customer", "it's december twenty twenty seven"]])
add("cvv-trailing-oh", ["card_cvv"], [["agent", "and the security code"], ["customer", "three oh oh"]])
add("ssn-leading-oh", ["ssn"], [["agent", "can you confirm your social please"], ["customer", "oh oh seven"],
                                ["customer", "one two one three six seven"]])
add("phone-trailing-oh", ["phone"], [["agent", "what's the best number to reach you on"], ["customer", "six oh two"],
                                     ["customer", "two nine nine oh one two oh"]])
add("iban-oh-check-digits", ["iban"], [["agent", "please read out your i b a n"],
                                       ["customer", "d e eight nine three seven oh four oh oh four four"],
                                       ["customer", "oh five three two oh one three oh oh oh"]])
add("name-answer", ["name"], [["agent", "who am i speaking with today"], ["customer", "yeah it's Priya Raman"]])
add("email-initial-readback", ["email", "email"],
    [["customer", "it's j smith at example dot com"], ["agent", "let me read that back j smith at example dot com"]])
add("phone-then-claim", ["phone"], [["agent", "can i get a callback number"], ["customer", "okay it's nine three two"],
                                    ["customer", "five zero seven"], ["customer", "four four nine three"],
                                    ["agent", "the claim number is four two nine eight seven nine eight"]])

for row in out:
    print(json.dumps(row))
