// QueryService Commitments through a real channel: rows, filters, pages,
// caps and errors, over the test graph.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "query_service_fixture.h"

namespace kg::testing {
namespace {

using ::testing::ElementsAre;
using ::testing::HasSubstr;

TEST_F(QueryServiceTest, CommitmentsListsWhoPledgedWhat) {
  EXPECT_THAT(AllCommitmentRows(kg::v1::CommitmentsRequest()),
              ElementsAre("state:DEU COMMITMENT_RELATION_PLEDGED commitment:c1",
                          "unbody:dpo COMMITMENT_RELATION_RECOMMENDED "
                          "commitment:c2",
                          "state:KOR COMMITMENT_RELATION_PLEDGED commitment:c3",
                          "unbody:dpo COMMITMENT_RELATION_PLEDGED "
                          "commitment:c3"));
}

TEST_F(QueryServiceTest, CommitmentRowsCarryTheirContext) {
  kg::v1::CommitmentsRequest request;
  request.set_actor_key("state:DEU");
  kg::v1::CommitmentsResponse response;
  ASSERT_TRUE(Commitments(request, &response).ok());
  ASSERT_EQ(response.rows_size(), 1);
  const kg::v1::CommitmentRow& row = response.rows(0);
  EXPECT_EQ(row.actor().name(), "Germany");
  EXPECT_EQ(row.actor().label(), "State");
  EXPECT_EQ(row.kind(), "pledge");
  EXPECT_THAT(row.text(), HasSubstr("women peacekeepers"));
  ASSERT_EQ(row.frameworks_size(), 1);
  EXPECT_EQ(row.frameworks(0).key(), "framework:a4p-plus");
  ASSERT_EQ(row.targets_size(), 1);
  EXPECT_EQ(row.targets(0).key(), "mission:UNMISS");
  ASSERT_EQ(row.topics_size(), 1);
  EXPECT_EQ(row.topics(0).key(), "topic:gender-parity");
  ASSERT_EQ(row.addressees_size(), 1);
  EXPECT_EQ(row.addressees(0).key(), "state:KOR");
  ASSERT_EQ(row.sources_size(), 1);
  EXPECT_EQ(row.sources(0).document_key(), "doc:summit-2018");
  EXPECT_THAT(row.document_keys(), ElementsAre("doc:summit-2018"));
  EXPECT_EQ(row.date().year(), 2018);
  EXPECT_EQ(row.date().month(), 5);
  EXPECT_TRUE(response.next_page_token().empty());
}

TEST_F(QueryServiceTest, CommitmentsFilters) {
  auto rows = [&](auto set) {
    kg::v1::CommitmentsRequest request;
    set(request);
    return AllCommitmentRows(request);
  };
  using Request = kg::v1::CommitmentsRequest;
  EXPECT_THAT(rows([](Request& r) { r.set_member_of_key("network:wps"); }),
              ElementsAre(HasSubstr("state:DEU"), HasSubstr("state:KOR")));
  EXPECT_THAT(rows([](Request& r) {
                r.set_member_of_key("network:wps");
                r.set_actor_key("state:KOR");
              }),
              ElementsAre(HasSubstr("state:KOR")));
  // A4P+ is PART_OF A4P.
  EXPECT_THAT(
      rows([](Request& r) { r.set_framework_key("framework:a4p"); }),
      ElementsAre(HasSubstr("commitment:c1"), HasSubstr("commitment:c3"),
                  HasSubstr("commitment:c3")));
  EXPECT_THAT(
      rows([](Request& r) { r.set_framework_key("framework:a4p-plus"); }),
      ElementsAre(HasSubstr("commitment:c1")));
  EXPECT_EQ(rows([](Request& r) { r.set_target_key("mission:UNMISS"); }).size(),
            3);
  EXPECT_THAT(
      rows([](Request& r) { r.set_topic_key("topic:gender-parity"); }),
      ElementsAre(HasSubstr("commitment:c1"), HasSubstr("commitment:c2")));
  EXPECT_EQ(rows([](Request& r) { r.set_kind("pledge"); }).size(), 3);
  EXPECT_EQ(rows([](Request& r) { r.set_kind("recommendation"); }).size(), 1);
  EXPECT_EQ(rows([](Request& r) {
              r.set_relation(kg::v1::COMMITMENT_RELATION_RECOMMENDED);
            }).size(),
            1);
  EXPECT_EQ(
      rows([](Request& r) { r.set_document_key("doc:brief-2021"); }).size(), 3);
  EXPECT_EQ(
      rows([](Request& r) { *r.mutable_date_from() = MakeDate(2020); }).size(),
      3);
  EXPECT_EQ(rows([](Request& r) {
              *r.mutable_date_from() = MakeDate(2018, 5);
              *r.mutable_date_to() = MakeDate(2019);
            }).size(),
            1);
  EXPECT_THAT(rows([](Request& r) {
                r.set_actor_key("unbody:dpo");
                r.set_kind("pledge");
                r.set_framework_key("framework:a4p");
                r.set_target_key("mission:UNMISS");
              }),
              ElementsAre("unbody:dpo COMMITMENT_RELATION_PLEDGED "
                          "commitment:c3"));
}

TEST_F(QueryServiceTest, CommitmentsPagesEveryPlan) {
  for (bool scan : {true, false}) {
    kg::v1::CommitmentsRequest request;
    if (!scan) request.set_target_key("mission:UNMISS");
    std::vector<std::string> whole = AllCommitmentRows(request);
    request.set_page_size(1);
    int pages = 0;
    EXPECT_EQ(AllCommitmentRows(request, &pages), whole);
    EXPECT_EQ(pages, whole.size());
  }
}

TEST_F(QueryServiceTest, CommitmentsValidatesItsRequest) {
  kg::v1::CommitmentsResponse response;
  kg::v1::CommitmentsRequest unknown;
  unknown.set_framework_key("framework:none");
  EXPECT_THAT(Commitments(unknown, &response),
              IsStatus(grpc::StatusCode::NOT_FOUND, "framework_key"));
  kg::v1::CommitmentsRequest bad_date;
  *bad_date.mutable_date_to() = MakeDate(0);
  EXPECT_THAT(Commitments(bad_date, &response),
              IsStatus(grpc::StatusCode::INVALID_ARGUMENT, "date_to"));
  kg::v1::CommitmentsRequest bad_page;
  bad_page.set_page_size(5000);
  EXPECT_THAT(Commitments(bad_page, &response),
              IsStatus(grpc::StatusCode::INVALID_ARGUMENT, "page_size"));
  kg::v1::CommitmentsRequest paged;
  paged.set_page_size(1);
  ASSERT_TRUE(Commitments(paged, &response).ok());
  kg::v1::CommitmentsRequest other;
  other.set_kind("pledge");
  other.set_page_token(response.next_page_token());
  EXPECT_THAT(Commitments(other, &response),
              IsStatus(grpc::StatusCode::INVALID_ARGUMENT, "page_token"));
  kg::v1::CommitmentsRequest relation;
  relation.set_relation(static_cast<kg::v1::CommitmentRelation>(9));
  EXPECT_THAT(Commitments(relation, &response),
              IsStatus(grpc::StatusCode::INVALID_ARGUMENT, "relation"));
}

TEST_F(QueryServiceTest, CommitmentsEndsAPageEarlyAtACap) {
  services::QueryLimits limits;
  limits.max_rows = 2;
  StartServer({}, limits);
  kg::v1::CommitmentsRequest request;
  kg::v1::CommitmentsResponse first;
  ASSERT_TRUE(Commitments(request, &first).ok());
  EXPECT_EQ(first.rows_size(), 2);
  EXPECT_EQ(first.truncated_by(), "max_rows");
  ASSERT_FALSE(first.next_page_token().empty());
  // The pages still add up to every row.
  EXPECT_EQ(AllCommitmentRows(request).size(), 4);
}

}  // namespace
}  // namespace kg::testing
