// AIP-158 pagination for list RPCs.
//
// A page token is opaque to clients: the web-safe base64 of the engine's
// cursor plus a fingerprint of the request's query (every field except
// page_size and page_token). A token used with a different query is
// rejected instead of silently resuming some other scan; changing
// page_size between pages is allowed.
#ifndef KG_SERVICES_PAGE_TOKEN_H_
#define KG_SERVICES_PAGE_TOKEN_H_

#include <cstddef>
#include <cstdint>
#include <string>

#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"

namespace kg::services {

inline constexpr int32_t kDefaultPageSize = 100;
inline constexpr int32_t kMaxPageSize = 1000;

// Where one page of a scan starts and how long it may be.
struct PageRequest {
  std::string cursor;  // The engine's cursor; empty for the first page.
  size_t limit = 0;
};

// The bytes that identify a list request's query: the request with its
// page fields cleared. Requests hold no maps, so serialization is stable.
template <typename ListRequest>
std::string QueryOf(const ListRequest& request) {
  ListRequest query = request;
  query.clear_page_size();
  query.clear_page_token();
  return query.SerializeAsString();
}

// Validates page_size ("page_size: must be between 0 and 1000") and decodes
// page_token: InvalidArgument "page_token: malformed" or "page_token: does
// not match the request".
absl::StatusOr<PageRequest> ParsePageRequest(int32_t page_size,
                                             absl::string_view page_token,
                                             absl::string_view query);

// The next_page_token for a page whose scan stopped at `next_cursor`;
// empty when the scan is done.
std::string NextPageToken(absl::string_view next_cursor,
                          absl::string_view query);

// Both of the above for a list request.
template <typename ListRequest>
absl::StatusOr<PageRequest> ParsePageRequest(const ListRequest& request) {
  return ParsePageRequest(request.page_size(), request.page_token(),
                          QueryOf(request));
}
template <typename ListRequest>
std::string NextPageToken(const ListRequest& request,
                          absl::string_view next_cursor) {
  return NextPageToken(next_cursor, QueryOf(request));
}

}  // namespace kg::services

#endif  // KG_SERVICES_PAGE_TOKEN_H_
