// QueryService Search and Describe through a real channel, over the test
// graph.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "query_service_fixture.h"

namespace kg::testing {
namespace {

using ::testing::ElementsAre;
using ::testing::IsEmpty;

// --- Search -----------------------------------------------------------

TEST_F(QueryServiceTest, SearchRanksKeysNamesAndAliases) {
  kg::v1::SearchRequest request;
  request.set_query("Korea");
  grpc::ClientContext context;
  kg::v1::SearchResponse response;
  ASSERT_TRUE(query_->Search(&context, request, &response).ok());
  ASSERT_EQ(response.hits_size(), 1);
  EXPECT_EQ(response.hits(0).node().key(), "state:KOR");
  EXPECT_EQ(response.hits(0).match(), kg::v1::SearchHit::MATCH_ALIAS);
  EXPECT_EQ(response.hits(0).matched(), "Korea");

  request.set_query("COTE");
  EXPECT_THAT(SearchKeys(request), ElementsAre("state:CIV"));
  request.set_query("state:DEU");
  EXPECT_THAT(SearchKeys(request), ElementsAre("state:DEU"));
  // The exact alias first, then the longer alias by prefix.
  request.set_query("a4p");
  EXPECT_THAT(SearchKeys(request),
              ElementsAre("framework:a4p", "framework:a4p-plus"));
  request.set_limit(1);
  EXPECT_THAT(SearchKeys(request), ElementsAre("framework:a4p"));
}

TEST_F(QueryServiceTest, SearchFiltersLabelsAndMatchesTexts) {
  kg::v1::SearchRequest request;
  request.set_query("action");
  request.add_labels("Framework");
  EXPECT_THAT(SearchKeys(request),
              ElementsAre("framework:a4p", "framework:a4p-plus"));
  request.clear_labels();
  request.add_labels("State");
  EXPECT_THAT(SearchKeys(request), IsEmpty());

  kg::v1::SearchRequest texts;
  texts.set_query("women peacekeepers");
  EXPECT_THAT(SearchKeys(texts), IsEmpty());
  texts.set_include_texts(true);
  EXPECT_THAT(SearchKeys(texts), ElementsAre("commitment:c1"));
}

TEST_F(QueryServiceTest, SearchValidatesItsRequest) {
  kg::v1::SearchRequest request;
  request.set_query("  ");
  grpc::ClientContext context;
  kg::v1::SearchResponse response;
  EXPECT_THAT(query_->Search(&context, request, &response),
              IsStatus(grpc::StatusCode::INVALID_ARGUMENT, "query"));
  request.set_query("kor");
  request.set_limit(101);
  grpc::ClientContext again;
  EXPECT_THAT(query_->Search(&again, request, &response),
              IsStatus(grpc::StatusCode::INVALID_ARGUMENT, "limit"));
}

// --- Describe ---------------------------------------------------------

TEST_F(QueryServiceTest, DescribeGroupsNeighboursWithCounts) {
  kg::v1::DescribeRequest request;
  request.set_key("network:wps");
  request.set_max_per_group(2);
  grpc::ClientContext context;
  kg::v1::DescribeResponse response;
  ASSERT_TRUE(query_->Describe(&context, request, &response).ok());
  EXPECT_EQ(response.node().name(), "WPS Focal Points Network");
  EXPECT_GT(response.node().sources_size(), 0);
  ASSERT_EQ(response.groups_size(), 2);
  EXPECT_EQ(response.groups(0).type(), "CHAIRS");
  EXPECT_EQ(response.groups(0).direction(), kg::v1::DIRECTION_IN);
  EXPECT_EQ(response.groups(0).count(), 2);
  EXPECT_EQ(response.groups(1).type(), "MEMBER_OF");
  EXPECT_EQ(response.groups(1).count(), 3);
  EXPECT_EQ(response.groups(1).neighbours_size(), 2);
  EXPECT_EQ(response.groups(1).neighbours(0).node().key(), "state:DEU");
  EXPECT_EQ(response.groups(1).neighbours(0).edge().type(), "MEMBER_OF");
  EXPECT_EQ(response.groups(1).neighbours(0).edge().sources_size(), 0);

  *request.mutable_as_of() = MakeDate(2019);
  grpc::ClientContext dated;
  ASSERT_TRUE(query_->Describe(&dated, request, &response).ok());
  ASSERT_EQ(response.groups_size(), 2);
  EXPECT_EQ(response.groups(0).count(), 1);
  EXPECT_EQ(response.groups(0).neighbours(0).node().key(), "state:KOR");
  EXPECT_EQ(response.groups(1).count(), 2);
}

TEST_F(QueryServiceTest, DescribeValidatesItsRequest) {
  kg::v1::DescribeRequest request;
  kg::v1::DescribeResponse response;
  grpc::ClientContext empty;
  EXPECT_THAT(query_->Describe(&empty, request, &response),
              IsStatus(grpc::StatusCode::INVALID_ARGUMENT, "key"));
  request.set_key("state:none");
  grpc::ClientContext unknown;
  EXPECT_THAT(query_->Describe(&unknown, request, &response),
              IsStatus(grpc::StatusCode::NOT_FOUND, "state:none"));
  request.set_key("state:DEU");
  request.set_max_per_group(5000);
  grpc::ClientContext wide;
  EXPECT_THAT(query_->Describe(&wide, request, &response),
              IsStatus(grpc::StatusCode::RESOURCE_EXHAUSTED, "max_fan_out"));
}

}  // namespace
}  // namespace kg::testing
