// Page tokens on their own: round trips and every way to reject one.
#include "kg/services/page_token.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "kg/v1/graph_service.pb.h"

namespace kg::services {
namespace {

using ::testing::HasSubstr;
using ::testing::IsEmpty;

kg::v1::ListNodesRequest StateRequest() {
  kg::v1::ListNodesRequest request;
  request.set_label("State");
  return request;
}

TEST(PageTokenTest, FirstPageUsesTheDefaultOrGivenSize) {
  kg::v1::ListNodesRequest request = StateRequest();
  absl::StatusOr<PageRequest> page = ParsePageRequest(request);
  ASSERT_TRUE(page.ok()) << page.status();
  EXPECT_THAT(page->cursor, IsEmpty());
  EXPECT_EQ(page->limit, 100u);
  request.set_page_size(1000);
  EXPECT_EQ(ParsePageRequest(request)->limit, 1000u);
}

TEST(PageTokenTest, TokenCarriesTheCursorAnyBytes) {
  const std::string cursor("\x00\xff/+=cursor", 11);
  kg::v1::ListNodesRequest request = StateRequest();
  std::string token = NextPageToken(request, cursor);
  EXPECT_THAT(token, ::testing::MatchesRegex("[A-Za-z0-9_-]+"));
  request.set_page_token(token);
  request.set_page_size(7);  // Changing page_size keeps the token valid.
  absl::StatusOr<PageRequest> page = ParsePageRequest(request);
  ASSERT_TRUE(page.ok()) << page.status();
  EXPECT_EQ(page->cursor, cursor);
  EXPECT_EQ(page->limit, 7u);
}

TEST(PageTokenTest, EndOfScanHasNoToken) {
  EXPECT_THAT(NextPageToken(StateRequest(), ""), IsEmpty());
}

TEST(PageTokenTest, TokenOfAnotherQueryDoesNotMatch) {
  kg::v1::ListNodesRequest other = StateRequest();
  other.set_name("ghana");
  other.set_page_token(NextPageToken(StateRequest(), "cursor"));
  absl::StatusOr<PageRequest> page = ParsePageRequest(other);
  EXPECT_EQ(page.status().code(), absl::StatusCode::kInvalidArgument);
  EXPECT_EQ(page.status().message(), "page_token: does not match the request");
}

TEST(PageTokenTest, RejectsMalformedTokensAndSizes) {
  kg::v1::ListNodesRequest request = StateRequest();
  std::string token = NextPageToken(request, "cursor");
  for (const std::string& bad :
       {std::string("!"), token.substr(0, 5), "A" + token}) {
    request.set_page_token(bad);
    EXPECT_EQ(ParsePageRequest(request).status().message(),
              "page_token: malformed")
        << bad;
  }
  request.clear_page_token();
  request.set_page_size(-5);
  EXPECT_THAT(ParsePageRequest(request).status().message(),
              HasSubstr("page_size: must be between 0 and 1000"));
}

}  // namespace
}  // namespace kg::services
