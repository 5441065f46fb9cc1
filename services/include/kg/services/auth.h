// Bearer-token authorization for kg-server.
//
// Clients send `authorization: Bearer <token>` metadata with each call. The
// server holds only SHA-256 hashes of the tokens, in a token file of lines
//
//   <sha256 hex of the token> <role> <name>
//
// ('#' starts a comment line; blank lines are ignored). Roles nest: a
// writer is also a reader, an admin is everything. Which role each method
// needs is decided by RequiredRole; health checks and reflection need none.
//
// A call without a token, or with one the file does not hold, fails with
// UNAUTHENTICATED; a known token lacking the method's role fails with
// PERMISSION_DENIED naming both.
#ifndef KG_SERVICES_AUTH_H_
#define KG_SERVICES_AUTH_H_

#include <grpcpp/security/auth_metadata_processor.h>

#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"

namespace kg::services {

// Ordered: a role grants every role before it.
enum class Role { kReader = 0, kWriter = 1, kAdmin = 2 };

// "reader", "writer", "admin".
absl::string_view RoleName(Role role);
absl::StatusOr<Role> ParseRole(absl::string_view name);

// The role a call of `method` ("/kg.v1.GraphService/GetNode") needs;
// nullopt for methods open to anyone (health, reflection). Methods of
// services this build does not know need admin.
std::optional<Role> RequiredRole(absl::string_view method);

// Lowercase hex SHA-256 of `token`.
std::string HashToken(absl::string_view token);

// The token-file line for `token`: "<hash> <role> <name>". InvalidArgument
// for an empty token or a name that is empty or holds whitespace.
absl::StatusOr<std::string> TokenFileLine(absl::string_view token, Role role,
                                          absl::string_view name);

class TokenTable {
 public:
  // InvalidArgument naming --token_file, and the line for a malformed
  // one.
  static absl::StatusOr<TokenTable> Load(const std::string& path);
  static absl::StatusOr<TokenTable> Parse(absl::string_view text);

  size_t size() const { return entries_.size(); }

  // OK when `authorization` (the metadata value, empty when absent) carries
  // a token allowed to call `method`; otherwise Unauthenticated or
  // PermissionDenied with a message naming what is missing.
  absl::Status Authorize(absl::string_view method,
                         absl::string_view authorization) const;

 private:
  struct Entry {
    unsigned char hash[32];
    Role role;
    std::string name;
  };

  // The entry whose hash is the token's, comparing every entry in constant
  // time; nullptr when none.
  const Entry* Find(absl::string_view token) const;

  std::vector<Entry> entries_;
};

// A processor that authorizes every call against `tokens`; install it on
// the server's (TLS) credentials.
std::shared_ptr<grpc::AuthMetadataProcessor> NewTokenAuthProcessor(
    std::shared_ptr<const TokenTable> tokens);

}  // namespace kg::services

#endif  // KG_SERVICES_AUTH_H_
