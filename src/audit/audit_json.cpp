#include "audit/audit_json.h"

#include <nlohmann/json.hpp>

namespace gctq::internal {

std::string FieldsToJson(audit::AuditFields const& fields) {
  nlohmann::json data = nlohmann::json::object();
  for (auto const& field : fields) {
    std::visit(
        [&](auto const& value) {
          using T = std::decay_t<decltype(value)>;
          if constexpr (std::is_same_v<T, audit::AuditStringMap>) {
            nlohmann::json map = nlohmann::json::object();
            for (auto const& [k, v] : value) map[k] = v;
            data[field.key] = std::move(map);
          } else {
            data[field.key] = value;
          }
        },
        field.value);
  }
  return data.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

}  // namespace gctq::internal
