#include "server/auth.h"

#include <nlohmann/json.hpp>

#include <fstream>

#include "server/ids.h"

namespace gctq_emulator::server {

std::vector<OAuthClientSpec> DefaultClients() {
  return {
      {kDemoClientId,
       kDemoClientSecret,
       {kPermConversationDetail, kPermAgentConversationDetail, kPermRecording, kPermRecordingSegment,
        kPermStaData}},
      {kLimitedClientId, kLimitedClientSecret, {kPermConversationDetail}},
  };
}

std::optional<std::vector<OAuthClientSpec>> LoadClients(std::string const& path, std::string* error) {
  std::ifstream in(path);
  if (!in) {
    if (error) *error = "cannot read clients file " + path;
    return std::nullopt;
  }
  auto const document = nlohmann::json::parse(in, nullptr, /*allow_exceptions=*/false);
  if (!document.is_array()) {
    if (error) *error = path + ": expected a JSON array of {id, secret, permissions}";
    return std::nullopt;
  }
  std::vector<OAuthClientSpec> clients;
  for (auto const& entry : document) {
    if (!entry.is_object() || !entry.contains("id") || !entry["id"].is_string() ||
        !entry.contains("secret") || !entry["secret"].is_string()) {
      if (error) *error = path + ": every client needs string id and secret";
      return std::nullopt;
    }
    OAuthClientSpec client{entry["id"], entry["secret"], {}};
    if (entry.contains("permissions")) {
      if (!entry["permissions"].is_array()) {
        if (error) *error = path + ": permissions must be an array of strings";
        return std::nullopt;
      }
      for (auto const& permission : entry["permissions"])
        if (permission.is_string()) client.permissions.push_back(permission);
    }
    clients.push_back(std::move(client));
  }
  return clients;
}

TokenStore::TokenStore(std::vector<OAuthClientSpec> clients, std::int64_t lifetime_ms)
    : clients_(std::move(clients)), lifetime_ms_(lifetime_ms) {}

std::optional<std::string> TokenStore::Issue(std::string const& client_id, std::string const& secret,
                                             std::int64_t now_ms) {
  for (auto const& client : clients_) {
    if (client.id != client_id || !SecureEquals(client.secret, secret)) continue;
    std::string token = RandomHex(32);
    std::lock_guard lock(mutex_);
    tokens_[token] =
        TokenInfo{client.id, {client.permissions.begin(), client.permissions.end()}, now_ms + lifetime_ms_};
    return token;
  }
  return std::nullopt;
}

std::optional<TokenInfo> TokenStore::Validate(std::string const& token, std::int64_t now_ms) const {
  std::lock_guard lock(mutex_);
  auto const found = tokens_.find(token);
  if (found == tokens_.end() || now_ms >= found->second.expires_ms) return std::nullopt;
  return found->second;
}

void TokenStore::Revoke(std::string const& token) {
  std::lock_guard lock(mutex_);
  tokens_.erase(token);
}

}  // namespace gctq_emulator::server
