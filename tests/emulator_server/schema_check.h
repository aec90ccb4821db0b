#pragma once

// Response-shape conformance against the project's copy of the API shapes (tests/data).

#include <nlohmann/json.hpp>

#include <string>
#include <vector>

namespace gctq_emulator::testing {

/// tests/data/openapi-subset.json, loaded once.
nlohmann::json const& OpenApi();
nlohmann::json LoadTestData(std::string const& file_name);

/// Problems of `value` against `#/definitions/<definition>`: keys the schema does not declare,
/// missing required keys, wrong JSON types and values outside an enum. Empty when it conforms.
std::vector<std::string> SchemaProblems(nlohmann::json const& value, std::string const& definition);

/// Problems of `value` against an example document: every key it emits must appear at the same
/// place in the example (keys of all array elements pooled) or in `extra_keys` ("path.key" names).
std::vector<std::string> SampleProblems(nlohmann::json const& value, nlohmann::json const& example,
                                        std::vector<std::string> const& extra_keys);

}  // namespace gctq_emulator::testing
