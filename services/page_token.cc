#include "kg/services/page_token.h"

#include "absl/status/status.h"
#include "absl/strings/escaping.h"
#include "absl/strings/str_cat.h"
#include "kg/graph/encoding.h"

namespace kg::services {
namespace {

// Token layout before base64: version byte, 64-bit query fingerprint
// (big-endian), then the engine cursor. The version byte lets a later
// layout reject old tokens cleanly.
constexpr char kTokenVersion = 1;

// FNV-1a: stable across processes and builds (absl::Hash is not), so a
// token stays valid across a server restart.
uint64_t Fingerprint(absl::string_view bytes) {
  uint64_t hash = 14695981039346656037ull;
  for (unsigned char c : bytes) {
    hash ^= c;
    hash *= 1099511628211ull;
  }
  return hash;
}

// Splits a token into its fingerprint and a non-empty cursor; false when
// the token is not one NextPageToken made.
bool DecodeToken(absl::string_view token, uint64_t* fingerprint,
                 std::string* cursor) {
  std::string raw;
  if (!absl::WebSafeBase64Unescape(token, &raw)) return false;
  absl::string_view rest = raw;
  if (rest.empty() || rest.front() != kTokenVersion) return false;
  rest.remove_prefix(1);
  if (!graph::GetFixed64BE(&rest, fingerprint) || rest.empty()) return false;
  *cursor = std::string(rest);
  return true;
}

}  // namespace

absl::StatusOr<PageRequest> ParsePageRequest(int32_t page_size,
                                             absl::string_view page_token,
                                             absl::string_view query) {
  if (page_size < 0 || page_size > kMaxPageSize) {
    return absl::InvalidArgumentError(
        absl::StrCat("page_size: must be between 0 and ", kMaxPageSize));
  }
  PageRequest page;
  page.limit = page_size == 0 ? kDefaultPageSize : page_size;
  if (page_token.empty()) return page;

  uint64_t fingerprint = 0;
  if (!DecodeToken(page_token, &fingerprint, &page.cursor)) {
    return absl::InvalidArgumentError("page_token: malformed");
  }
  if (fingerprint != Fingerprint(query)) {
    return absl::InvalidArgumentError("page_token: does not match the request");
  }
  return page;
}

std::string NextPageToken(absl::string_view next_cursor,
                          absl::string_view query) {
  if (next_cursor.empty()) return "";
  std::string raw(1, kTokenVersion);
  graph::PutFixed64BE(&raw, Fingerprint(query));
  absl::StrAppend(&raw, next_cursor);
  return absl::WebSafeBase64Escape(raw);
}

}  // namespace kg::services
