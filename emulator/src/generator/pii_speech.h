#pragma once

// How a caller says sensitive data out loud, and how the transcript looks when Genesys masks it
// with its bracket labels ("[card number]", "[phone]", ...).

#include <string_view>
#include <vector>

#include "generator/dialogue_templates.h"
#include "generator/persona.h"
#include "generator/rng.h"
#include "generator/spoken.h"

namespace gctq_emulator::gen {

enum class PiiKind { kCardNumber, kCardExpiry, kCvv, kSsn, kPhone, kEmail, kIban, kName, kPostalCode };

/// The truth's type names: card_number, card_expiry, cvv, ssn, phone, email, iban, name, postal_code.
std::string_view PiiTypeName(PiiKind kind);
/// The Genesys redaction label for a kind.
std::string_view MaskLabel(PiiKind kind);

struct PiiSpec {
  PiiKind kind;
  bool masked = false;
  Who speaker = Who::kCustomer;
};

struct SpokenLine {
  Who who = Who::kAgent;
  Words words;
  int instance = -1;  ///< Index into PiiUtterance::instances when this line carries (part of) it.
};

/// An agent prompt and the answer: one or more instances, possibly split across consecutive lines.
struct PiiUtterance {
  std::vector<SpokenLine> lines;
  std::vector<PiiSpec> instances;
};

PiiUtterance SpeakPii(Rng& rng, PiiKind kind, bool masked, Persona const& persona);

}  // namespace gctq_emulator::gen
