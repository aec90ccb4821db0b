#pragma once

// Spoken hard negatives for template slots: numbers that look like PII but are order numbers,
// amounts, dates, times, extensions, case and tracking numbers.

#include <string_view>

#include "generator/rng.h"
#include "generator/spoken.h"

namespace gctq_emulator::gen {

/// Replaces each "{slot}" word of `text` with its spoken filler; other words are kept as they are.
Words FillSlots(Rng& rng, std::string_view text);

}  // namespace gctq_emulator::gen
