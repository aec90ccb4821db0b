#pragma once

#include "gctq/analysis/analysis_result.h"
#include "gctq/analysis/tokens.h"

namespace gctq::analysis {

/// Verifies PII masking: recognizes masks, finds unmasked PII in spoken and written form, and sets
/// out.pii_status, out.masks_seen and out.findings.
void ScanPii(Transcript const& transcript, TokenStream const& tokens, AnalysisResult& out);

}  // namespace gctq::analysis
