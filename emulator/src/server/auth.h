#pragma once

// OAuth clients of the emulated org and the bearer tokens issued to them.

#include <cstdint>
#include <map>
#include <mutex>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "gctq_emulator/emulator.h"

namespace gctq_emulator::server {

inline constexpr char kPermConversationDetail[] = "analytics:conversationDetail:view";
inline constexpr char kPermAgentConversationDetail[] = "analytics:agentConversationDetail:view";
inline constexpr char kPermRecording[] = "recording:recording:view";
inline constexpr char kPermRecordingSegment[] = "recording:recordingSegment:view";
inline constexpr char kPermStaData[] = "speechAndTextAnalytics:data:view";

/// The demo client (every permission) and the limited client (no STA permissions).
std::vector<OAuthClientSpec> DefaultClients();

/// Reads `[{id, secret, permissions:[...]}]`; nullopt with `error` set when malformed.
std::optional<std::vector<OAuthClientSpec>> LoadClients(std::string const& path, std::string* error);

struct TokenInfo {
  std::string client_id;
  std::set<std::string> permissions;
  std::int64_t expires_ms = 0;
};

/// Issued tokens. Thread-safe.
class TokenStore {
 public:
  TokenStore(std::vector<OAuthClientSpec> clients, std::int64_t lifetime_ms);

  /// A new token for the client, or nullopt when the credentials are wrong.
  std::optional<std::string> Issue(std::string const& client_id, std::string const& secret,
                                   std::int64_t now_ms);
  /// The token's grant, or nullopt when it is unknown, expired or revoked.
  std::optional<TokenInfo> Validate(std::string const& token, std::int64_t now_ms) const;
  void Revoke(std::string const& token);
  [[nodiscard]] std::int64_t lifetime_ms() const { return lifetime_ms_; }

 private:
  std::vector<OAuthClientSpec> clients_;
  std::int64_t lifetime_ms_;
  mutable std::mutex mutex_;
  std::map<std::string, TokenInfo> tokens_;
};

}  // namespace gctq_emulator::server
