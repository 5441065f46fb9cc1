#include "kg/services/auth.h"

#include <openssl/crypto.h>
#include <openssl/evp.h>

#include <utility>

#include "absl/strings/ascii.h"
#include "absl/strings/escaping.h"
#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_split.h"
#include "absl/strings/strip.h"
#include "kg/services/tls.h"

namespace kg::services {
namespace {

// The role table: every method of a service needs the service's role.
struct ServiceRole {
  const char* service;
  Role role;
};
constexpr ServiceRole kServiceRoles[] = {
    {"kg.v1.GraphService", Role::kReader},
    {"kg.v1.QueryService", Role::kReader},
    {"kg.v1.IngestService", Role::kWriter},
    {"kg.v1.AdminService", Role::kAdmin},
};
// Services anyone may call: they reveal only that the server is up and
// which API it serves.
constexpr const char* kOpenServices[] = {
    "grpc.health.v1.Health",
    "grpc.reflection.v1alpha.ServerReflection",
};

constexpr size_t kHashBytes = 32;
constexpr absl::string_view kBearer = "Bearer ";

void Sha256(absl::string_view data, unsigned char (&hash)[kHashBytes]) {
  unsigned int length = 0;
  EVP_Digest(data.data(), data.size(), hash, &length, EVP_sha256(), nullptr);
}

bool IsHex(absl::string_view text) {
  for (char c : text) {
    if (!absl::ascii_isxdigit(c)) return false;
  }
  return true;
}

absl::Status CheckName(absl::string_view name) {
  if (name.empty()) {
    return absl::InvalidArgumentError("name: must not be empty");
  }
  for (char c : name) {
    if (absl::ascii_isspace(c)) {
      return absl::InvalidArgumentError("name: must not hold whitespace");
    }
  }
  return absl::OkStatus();
}

// "/kg.v1.GraphService/GetNode" -> "kg.v1.GraphService".
absl::string_view ServiceOf(absl::string_view method) {
  absl::ConsumePrefix(&method, "/");
  return method.substr(0, method.find('/'));
}

class TokenAuthProcessor final : public grpc::AuthMetadataProcessor {
 public:
  explicit TokenAuthProcessor(std::shared_ptr<const TokenTable> tokens)
      : tokens_(std::move(tokens)) {}

  // Hashing and a scan of a small table: cheap enough for gRPC's own
  // threads.
  bool IsBlocking() const override { return false; }

  grpc::Status Process(const InputMetadata& metadata, grpc::AuthContext*,
                       OutputMetadata* consumed, OutputMetadata*) override {
    auto path = metadata.find(":path");
    auto authorization = metadata.find("authorization");
    absl::string_view method =
        path == metadata.end()
            ? absl::string_view()
            : absl::string_view(path->second.data(), path->second.size());
    absl::string_view credential =
        authorization == metadata.end()
            ? absl::string_view()
            : absl::string_view(authorization->second.data(),
                                authorization->second.size());
    absl::Status allowed = tokens_->Authorize(method, credential);
    if (!allowed.ok()) {
      return grpc::Status(static_cast<grpc::StatusCode>(allowed.code()),
                          std::string(allowed.message()));
    }
    // The services never need to see the token.
    if (authorization != metadata.end()) {
      consumed->emplace("authorization", std::string(credential));
    }
    return grpc::Status::OK;
  }

 private:
  const std::shared_ptr<const TokenTable> tokens_;
};

}  // namespace

absl::string_view RoleName(Role role) {
  switch (role) {
    case Role::kReader:
      return "reader";
    case Role::kWriter:
      return "writer";
    case Role::kAdmin:
      return "admin";
  }
  return "unknown";
}

absl::StatusOr<Role> ParseRole(absl::string_view name) {
  for (Role role : {Role::kReader, Role::kWriter, Role::kAdmin}) {
    if (name == RoleName(role)) return role;
  }
  return absl::InvalidArgumentError(
      absl::StrCat("role: '", name, "' is not one of reader, writer, admin"));
}

std::optional<Role> RequiredRole(absl::string_view method) {
  const absl::string_view service = ServiceOf(method);
  for (const char* open : kOpenServices) {
    if (service == open) return std::nullopt;
  }
  for (const ServiceRole& entry : kServiceRoles) {
    if (service == entry.service) return entry.role;
  }
  return Role::kAdmin;
}

std::string HashToken(absl::string_view token) {
  unsigned char hash[kHashBytes];
  Sha256(token, hash);
  return absl::BytesToHexString(
      absl::string_view(reinterpret_cast<const char*>(hash), kHashBytes));
}

absl::StatusOr<std::string> TokenFileLine(absl::string_view token, Role role,
                                          absl::string_view name) {
  if (token.empty()) {
    return absl::InvalidArgumentError("token: must not be empty");
  }
  if (absl::Status valid = CheckName(name); !valid.ok()) return valid;
  return absl::StrCat(HashToken(token), " ", RoleName(role), " ", name);
}

absl::StatusOr<TokenTable> TokenTable::Load(const std::string& path) {
  absl::StatusOr<std::string> text = ReadSettingsFile("--token_file", path);
  if (!text.ok()) return text.status();
  absl::StatusOr<TokenTable> table = Parse(*text);
  if (!table.ok()) {
    return absl::InvalidArgumentError(
        absl::StrCat("--token_file: ", path, ": ", table.status().message()));
  }
  return table;
}

absl::StatusOr<TokenTable> TokenTable::Parse(absl::string_view text) {
  TokenTable table;
  int line_number = 0;
  for (absl::string_view line : absl::StrSplit(text, '\n')) {
    ++line_number;
    line = absl::StripAsciiWhitespace(line);
    if (line.empty() || absl::StartsWith(line, "#")) continue;
    std::vector<absl::string_view> fields =
        absl::StrSplit(line, absl::ByAnyChar(" \t"), absl::SkipEmpty());
    auto fail = [line_number](absl::string_view why) {
      return absl::InvalidArgumentError(
          absl::StrCat("line ", line_number, ": ", why,
                       " (expected '<sha256 hex> <role> <name>')"));
    };
    if (fields.size() != 3) return fail("not three fields");
    if (fields[0].size() != 2 * kHashBytes || !IsHex(fields[0])) {
      return fail("the hash is not 64 hex digits");
    }
    absl::StatusOr<Role> role = ParseRole(fields[1]);
    if (!role.ok()) return fail(role.status().message());
    Entry entry;
    const std::string bytes = absl::HexStringToBytes(fields[0]);
    std::copy(bytes.begin(), bytes.end(), entry.hash);
    entry.role = *role;
    entry.name = std::string(fields[2]);
    table.entries_.push_back(std::move(entry));
  }
  return table;
}

const TokenTable::Entry* TokenTable::Find(absl::string_view token) const {
  unsigned char hash[kHashBytes];
  Sha256(token, hash);
  // Compare against every entry so the time taken does not depend on
  // which entry, if any, matches.
  const Entry* found = nullptr;
  for (const Entry& entry : entries_) {
    if (CRYPTO_memcmp(entry.hash, hash, kHashBytes) == 0) found = &entry;
  }
  return found;
}

absl::Status TokenTable::Authorize(absl::string_view method,
                                   absl::string_view authorization) const {
  const std::optional<Role> required = RequiredRole(method);
  if (!required.has_value()) return absl::OkStatus();
  const std::string needs =
      absl::StrCat(method, " needs a ", RoleName(*required), " token");
  if (authorization.empty()) {
    return absl::UnauthenticatedError(
        absl::StrCat("authorization: missing; ", needs,
                     " (metadata 'authorization: Bearer <token>')"));
  }
  absl::string_view token = authorization;
  if (!absl::ConsumePrefix(&token, kBearer) || token.empty()) {
    return absl::UnauthenticatedError(
        "authorization: expected 'Bearer <token>'");
  }
  const Entry* entry = Find(token);
  if (entry == nullptr) {
    return absl::UnauthenticatedError(
        "authorization: the token is not one this server knows");
  }
  if (entry->role < *required) {
    return absl::PermissionDeniedError(
        absl::StrCat(needs, "; token '", entry->name, "' is a ",
                     RoleName(entry->role), " token"));
  }
  return absl::OkStatus();
}

std::shared_ptr<grpc::AuthMetadataProcessor> NewTokenAuthProcessor(
    std::shared_ptr<const TokenTable> tokens) {
  return std::make_shared<TokenAuthProcessor>(std::move(tokens));
}

}  // namespace kg::services
