#pragma once

#include <string>

#include "gctq/audit/audit_fields.h"

namespace gctq::internal {

/// The `data` object of a record: compact JSON, keys sorted.
std::string FieldsToJson(audit::AuditFields const& fields);

}  // namespace gctq::internal
