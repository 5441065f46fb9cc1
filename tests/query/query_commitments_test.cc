// QueryService Commitments through a real channel: rows, filters, pages,
// caps and errors, over the test graph (and 150 commitments more where
// pages must cross batches of reads).
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "absl/container/flat_hash_map.h"
#include "query_service_fixture.h"

namespace kg::testing {
namespace {

using ::testing::ElementsAre;
using ::testing::HasSubstr;

// What CommitBulk committed: its rows, and of them those a document is a
// source of and those with two sources.
struct BulkRows {
  int all = 0;
  absl::flat_hash_map<std::string, int> by_document;
  int two_sourced = 0;
};

// More commitments than one prefetch batch (64) holds: 150 of kind "bulk"
// UNDER framework:bulk, from three documents, by four actors. Commitment i
// is in document i % 3 and PLEDGED by actor i % 4; every fifth is also
// RECOMMENDED by actor (i + 1) % 4; every seventh pledge is asserted again
// by document (i + 1) % 3, so that its row has two sources.
BulkRows CommitBulk(graph::GraphStore& store) {
  constexpr int kCommitments = 150, kDocuments = 3, kActors = 4;
  using graph::test::MakeEdge;
  using graph::test::MakeNode;
  auto document_key = [](int d) { return absl::StrCat("doc:bulk-", d); };
  auto actor_key = [](int a) { return absl::StrCat("state:bulk-", a); };
  std::vector<graph::DocumentFacts> documents;
  for (int d = 0; d < kDocuments; ++d) {
    documents.push_back(graph::test::MakeDocument(
        document_key(d),
        {MakeNode(document_key(d), "Document", document_key(d), {},
                  {{"date", graph::test::DateValue(2022, d + 1)}}),
         MakeNode("framework:bulk", "Framework", "Bulk framework")}));
    for (int a = 0; a < kActors; ++a) {
      documents.back().nodes.push_back(
          MakeNode(actor_key(a), "State", actor_key(a)));
    }
  }
  BulkRows rows;
  auto add_row = [&](const std::vector<int>& sources) {
    ++rows.all;
    for (int d : sources) ++rows.by_document[document_key(d)];
    if (sources.size() == 2) ++rows.two_sourced;
  };
  for (int i = 0; i < kCommitments; ++i) {
    const std::string key = absl::StrCat("commitment:bulk-", i);
    const kg::v1::Node node =
        MakeNode(key, "Commitment", key, {},
                 {{"kind", graph::StringValue("bulk")},
                  {"text", graph::StringValue(absl::StrCat("Bulk ", i))}});
    graph::DocumentFacts& home = documents[i % kDocuments];
    home.nodes.push_back(node);
    home.edges.push_back(MakeEdge(key, "UNDER", "framework:bulk"));
    const kg::v1::Edge pledge =
        MakeEdge(actor_key(i % kActors), "PLEDGED", key);
    home.edges.push_back(pledge);
    if (i % 7 == 0) {
      graph::DocumentFacts& again = documents[(i + 1) % kDocuments];
      again.nodes.push_back(node);
      again.edges.push_back(pledge);
      add_row({i % kDocuments, (i + 1) % kDocuments});
    } else {
      add_row({i % kDocuments});
    }
    if (i % 5 == 0) {
      home.edges.push_back(
          MakeEdge(actor_key((i + 1) % kActors), "RECOMMENDED", key));
      add_row({i % kDocuments});
    }
  }
  for (const graph::DocumentFacts& document : documents) {
    absl::StatusOr<kg::v1::CommitSummary> committed =
        store.CommitDocument(document);
    EXPECT_TRUE(committed.ok()) << committed.status();
  }
  return rows;
}

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

// Pages cut anywhere in or across prefetch batches, and rows a document
// filter leaves out, add up to the one page that holds every row.
TEST_F(QueryServiceTest, CommitmentsPagesAcrossPrefetchBatches) {
  const BulkRows bulk = CommitBulk(*store_);
  // By framework (candidates read and prefetched in batches) and by kind
  // (a scan of the label).
  for (bool scan : {false, true}) {
    for (const std::string& document :
         std::vector<std::string>{"", "doc:bulk-1"}) {
      SCOPED_TRACE(absl::StrCat("scan ", scan, ", document ", document));
      kg::v1::CommitmentsRequest request;
      if (scan) {
        request.set_kind("bulk");
      } else {
        request.set_framework_key("framework:bulk");
      }
      request.set_document_key(document);
      request.set_page_size(1000);
      kg::v1::CommitmentsResponse whole;
      ASSERT_TRUE(Commitments(request, &whole).ok());
      EXPECT_TRUE(whole.next_page_token().empty());
      ASSERT_EQ(whole.rows_size(),
                document.empty() ? bulk.all : bulk.by_document.at(document));
      if (document.empty()) {
        int two_sourced = 0;
        for (const kg::v1::CommitmentRow& row : whole.rows()) {
          if (row.document_keys_size() == 2) ++two_sourced;
        }
        EXPECT_EQ(two_sourced, bulk.two_sourced);
      }
      const std::vector<std::string> expected = AllCommitmentRows(request);
      for (int page_size : {1, 7, 64, 65, 1000}) {
        request.set_page_size(page_size);
        int pages = 0;
        EXPECT_EQ(AllCommitmentRows(request, &pages), expected) << page_size;
        EXPECT_EQ(pages, (whole.rows_size() + page_size - 1) / page_size)
            << page_size;
      }
    }
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
