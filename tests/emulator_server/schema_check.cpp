#include "emulator_server/schema_check.h"

#include <algorithm>
#include <fstream>

namespace gctq_emulator::testing {
namespace {

using nlohmann::json;

bool TypeMatches(json const& value, std::string const& type) {
  if (type == "string") return value.is_string();
  if (type == "integer") return value.is_number_integer();
  if (type == "number") return value.is_number();
  if (type == "boolean") return value.is_boolean();
  if (type == "array") return value.is_array();
  if (type == "object") return value.is_object();
  return true;
}

void Check(json const& value, json const& schema, std::string const& path,
           std::vector<std::string>& problems) {
  if (schema.contains("$ref")) {
    std::string const ref = schema["$ref"];
    std::string const name = ref.substr(ref.rfind('/') + 1);
    if (!OpenApi()["definitions"].contains(name)) {
      problems.push_back(path + ": unknown definition " + name);
      return;
    }
    Check(value, OpenApi()["definitions"][name], path, problems);
    return;
  }
  std::string type = schema.value("type", "");
  if (type.empty() && schema.contains("properties")) type = "object";
  if (!type.empty() && !TypeMatches(value, type)) {
    problems.push_back(path + ": expected " + type + ", got " + value.dump().substr(0, 60));
    return;
  }
  if (schema.contains("enum") &&
      std::find(schema["enum"].begin(), schema["enum"].end(), value) == schema["enum"].end())
    problems.push_back(path + ": " + value.dump() + " is not in the enum");
  if (value.is_array() && schema.contains("items")) {
    for (std::size_t i = 0; i < value.size(); ++i)
      Check(value[i], schema["items"], path + "[" + std::to_string(i) + "]", problems);
  }
  if (value.is_object() && schema.contains("properties")) {
    json const& properties = schema["properties"];
    for (auto const& [key, item] : value.items()) {
      if (!properties.contains(key)) {
        problems.push_back(path + ": key \"" + key + "\" is not in the schema");
        continue;
      }
      Check(item, properties[key], path + "." + key, problems);
    }
    for (auto const& required : schema.value("required", json::array()))
      if (!value.contains(required.get<std::string>()))
        problems.push_back(path + ": required key \"" + required.get<std::string>() + "\" is missing");
  }
}

/// Every key name seen under `example` at each path (array elements pooled as "[]").
void CollectKeys(json const& example, std::string const& path, std::vector<std::string>& keys) {
  if (example.is_object()) {
    for (auto const& [key, item] : example.items()) {
      keys.push_back(path + "." + key);
      CollectKeys(item, path + "." + key, keys);
    }
  } else if (example.is_array()) {
    for (auto const& item : example) CollectKeys(item, path + "[]", keys);
  }
}

void CompareKeys(json const& value, std::string const& path, std::vector<std::string> const& allowed,
                 std::vector<std::string>& problems) {
  if (value.is_object()) {
    for (auto const& [key, item] : value.items()) {
      std::string const key_path = path + "." + key;
      if (std::find(allowed.begin(), allowed.end(), key_path) == allowed.end()) {
        problems.push_back(key_path + " is neither in the sample nor an allowed newer field");
        continue;
      }
      CompareKeys(item, key_path, allowed, problems);
    }
  } else if (value.is_array()) {
    for (auto const& item : value) CompareKeys(item, path + "[]", allowed, problems);
  }
}

}  // namespace

json LoadTestData(std::string const& file_name) {
  std::ifstream in(std::string(GCTQ_TEST_DATA_DIR) + "/" + file_name);
  return json::parse(in);
}

json const& OpenApi() {
  static json const document = LoadTestData("openapi-subset.json");
  return document;
}

std::vector<std::string> SchemaProblems(json const& value, std::string const& definition) {
  std::vector<std::string> problems;
  Check(value, json{{"$ref", "#/definitions/" + definition}}, definition, problems);
  return problems;
}

std::vector<std::string> SampleProblems(json const& value, json const& example,
                                        std::vector<std::string> const& extra_keys) {
  std::vector<std::string> allowed = extra_keys;
  CollectKeys(example, "", allowed);
  std::vector<std::string> problems;
  CompareKeys(value, "", allowed, problems);
  return problems;
}

}  // namespace gctq_emulator::testing
