// QueryService through a real channel: every RPC, its filters, caps, as_of
// and errors, over the test graph.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "test_graph.h"
#include "test_server.h"

namespace kg::testing {
namespace {

using ::testing::ElementsAre;
using ::testing::HasSubstr;
using ::testing::IsEmpty;
using ::testing::StartsWith;
using ::testing::UnorderedElementsAre;

kg::v1::Date Date(int year, int month = 0, int day = 0) {
  kg::v1::Date date;
  date.set_year(year);
  date.set_month(month);
  date.set_day(day);
  return date;
}

// A whole Traverse stream.
struct Traversal {
  grpc::Status status;
  std::vector<std::string> nodes;  // "key@depth"
  std::vector<std::string> edges;  // "src TYPE dst"
  std::vector<std::string> paths;  // "a>b>c"
  std::vector<std::string> truncated_by;
  int messages = 0;
  bool sources = false;
};

class QueryServiceTest : public ServerTest {
 protected:
  void SetUp() override {
    ServerTest::SetUp();
    ASSERT_TRUE(query_test::LoadTestGraph(*store_).ok());
  }

  Traversal Traverse(const kg::v1::TraverseRequest& request) {
    grpc::ClientContext context;
    auto reader = query_->Traverse(&context, request);
    Traversal out;
    kg::v1::TraverseResponse batch;
    while (reader->Read(&batch)) {
      ++out.messages;
      for (const kg::v1::TraversedNode& node : batch.nodes()) {
        out.nodes.push_back(absl::StrCat(node.node().key(), "@", node.depth()));
        out.sources = out.sources || node.node().sources_size() > 0;
      }
      for (const kg::v1::Edge& edge : batch.edges()) {
        out.edges.push_back(absl::StrCat(edge.src_key(), " ", edge.type(), " ",
                                         edge.dst_key()));
      }
      for (const kg::v1::Path& path : batch.paths()) {
        std::vector<std::string> keys;
        for (const kg::v1::Node& node : path.nodes())
          keys.push_back(node.key());
        out.paths.push_back(absl::StrJoin(keys, ">"));
      }
      out.truncated_by.assign(batch.truncated_by().begin(),
                              batch.truncated_by().end());
    }
    out.status = reader->Finish();
    return out;
  }

  static kg::v1::TraverseRequest Around(const std::string& key,
                                        kg::v1::Direction direction,
                                        std::vector<std::string> types) {
    kg::v1::TraverseRequest request;
    request.add_start_keys(key);
    request.set_direction(direction);
    for (const std::string& type : types) request.add_edge_types(type);
    return request;
  }

  grpc::Status Commitments(const kg::v1::CommitmentsRequest& request,
                           kg::v1::CommitmentsResponse* response) {
    grpc::ClientContext context;
    return query_->Commitments(&context, request, response);
  }

  // "actor RELATION commitment" of every row of every page.
  std::vector<std::string> AllCommitmentRows(kg::v1::CommitmentsRequest request,
                                             int* pages = nullptr) {
    std::vector<std::string> rows;
    int count = 0;
    do {
      kg::v1::CommitmentsResponse response;
      grpc::Status status = Commitments(request, &response);
      EXPECT_TRUE(status.ok()) << status.error_message();
      if (!status.ok()) break;
      ++count;
      for (const kg::v1::CommitmentRow& row : response.rows()) {
        rows.push_back(
            absl::StrCat(row.actor().key(), " ",
                         kg::v1::CommitmentRelation_Name(row.relation()), " ",
                         row.commitment_key()));
      }
      request.set_page_token(response.next_page_token());
    } while (!request.page_token().empty());
    if (pages != nullptr) *pages = count;
    return rows;
  }

  std::vector<std::string> SearchKeys(const kg::v1::SearchRequest& request) {
    grpc::ClientContext context;
    kg::v1::SearchResponse response;
    grpc::Status status = query_->Search(&context, request, &response);
    EXPECT_TRUE(status.ok()) << status.error_message();
    std::vector<std::string> keys;
    for (const kg::v1::SearchHit& hit : response.hits()) {
      keys.push_back(hit.node().key());
    }
    return keys;
  }
};

MATCHER_P2(IsStatus, code, text, "") {
  return arg.error_code() == code &&
         arg.error_message().find(text) != std::string::npos;
}

// --- Traverse ---------------------------------------------------------

TEST_F(QueryServiceTest, TraverseStreamsASubgraph) {
  Traversal result =
      Traverse(Around("network:wps", kg::v1::DIRECTION_IN, {"MEMBER_OF"}));
  ASSERT_TRUE(result.status.ok()) << result.status.error_message();
  EXPECT_THAT(result.nodes, ElementsAre("network:wps@0", "state:DEU@1",
                                        "state:KOR@1", "state:CIV@1"));
  EXPECT_THAT(result.edges,
              UnorderedElementsAre("state:DEU MEMBER_OF network:wps",
                                   "state:KOR MEMBER_OF network:wps",
                                   "state:CIV MEMBER_OF network:wps"));
  EXPECT_THAT(result.truncated_by, IsEmpty());
  EXPECT_FALSE(result.sources);
}

TEST_F(QueryServiceTest, TraverseAsOfHidesFactsThatDoNotHold) {
  kg::v1::TraverseRequest request =
      Around("network:wps", kg::v1::DIRECTION_IN, {"MEMBER_OF", "CHAIRS"});
  *request.mutable_as_of() = Date(2018);
  Traversal result = Traverse(request);
  ASSERT_TRUE(result.status.ok()) << result.status.error_message();
  EXPECT_THAT(result.nodes,
              ElementsAre("network:wps@0", "state:DEU@1", "state:KOR@1"));
  EXPECT_THAT(result.edges,
              UnorderedElementsAre("state:DEU MEMBER_OF network:wps",
                                   "state:KOR MEMBER_OF network:wps",
                                   "state:DEU CHAIRS network:wps"));
}

TEST_F(QueryServiceTest, TraverseAsPathsWithLabelsDepthsAndSources) {
  kg::v1::TraverseRequest request =
      Around("state:DEU", kg::v1::DIRECTION_BOTH, {});
  request.set_result_mode(kg::v1::TraverseRequest::RESULT_MODE_PATHS);
  request.add_node_labels("Commitment");
  request.add_node_labels("Mission");
  request.set_min_depth(1);
  request.set_max_depth(2);
  request.set_with_sources(true);
  Traversal result = Traverse(request);
  ASSERT_TRUE(result.status.ok()) << result.status.error_message();
  EXPECT_THAT(result.paths,
              ElementsAre("state:DEU>commitment:c1",
                          "state:DEU>commitment:c1>mission:UNMISS"));
  EXPECT_THAT(result.nodes, IsEmpty());
}

TEST_F(QueryServiceTest, TraverseReportsWhatCutItShort) {
  kg::v1::TraverseRequest request =
      Around("network:wps", kg::v1::DIRECTION_IN, {"MEMBER_OF"});
  request.set_max_fan_out(1);
  Traversal fan_out = Traverse(request);
  ASSERT_TRUE(fan_out.status.ok());
  EXPECT_EQ(fan_out.nodes.size(), 2);
  EXPECT_THAT(fan_out.truncated_by, ElementsAre("max_fan_out"));

  request.set_max_fan_out(0);
  request.set_max_nodes(2);
  Traversal nodes = Traverse(request);
  EXPECT_THAT(nodes.truncated_by, ElementsAre("max_nodes"));
  request.set_max_nodes(0);
  request.set_max_edges(2);
  Traversal edges = Traverse(request);
  EXPECT_EQ(edges.edges.size(), 2);
  EXPECT_THAT(edges.truncated_by, ElementsAre("max_edges"));
}

TEST_F(QueryServiceTest, TraverseStreamsInBatches) {
  // A hub with 600 members: more than one batch of 256.
  std::vector<kg::v1::Node> nodes = {MakeNode("network:hub", "Network", "Hub")};
  std::vector<kg::v1::Edge> edges;
  for (int i = 0; i < 600; ++i) {
    std::string key = absl::StrCat("org:member-", i);
    nodes.push_back(MakeNode(key, "Organization", key));
    edges.push_back(MakeEdge(key, "MEMBER_OF", "network:hub"));
  }
  ASSERT_TRUE(Import("doc:hub", nodes, edges).ok());
  Traversal result =
      Traverse(Around("network:hub", kg::v1::DIRECTION_IN, {"MEMBER_OF"}));
  ASSERT_TRUE(result.status.ok()) << result.status.error_message();
  EXPECT_EQ(result.nodes.size(), 601);
  EXPECT_EQ(result.edges.size(), 600);
  EXPECT_GT(result.messages, 2);
}

TEST_F(QueryServiceTest, TraverseValidatesItsRequest) {
  kg::v1::TraverseRequest empty;
  EXPECT_THAT(Traverse(empty).status,
              IsStatus(grpc::StatusCode::INVALID_ARGUMENT, "start_keys"));

  kg::v1::TraverseRequest unknown =
      Around("state:XXX", kg::v1::DIRECTION_OUT, {});
  EXPECT_THAT(Traverse(unknown).status,
              IsStatus(grpc::StatusCode::NOT_FOUND, "start_keys[0]"));

  kg::v1::TraverseRequest blank_type =
      Around("state:DEU", kg::v1::DIRECTION_OUT, {""});
  EXPECT_THAT(Traverse(blank_type).status,
              IsStatus(grpc::StatusCode::INVALID_ARGUMENT, "edge_types[0]"));

  kg::v1::TraverseRequest bad_direction =
      Around("state:DEU", static_cast<kg::v1::Direction>(42), {});
  EXPECT_THAT(Traverse(bad_direction).status,
              IsStatus(grpc::StatusCode::INVALID_ARGUMENT, "direction"));

  kg::v1::TraverseRequest depths =
      Around("state:DEU", kg::v1::DIRECTION_OUT, {});
  depths.set_min_depth(3);
  depths.set_max_depth(2);
  EXPECT_THAT(Traverse(depths).status,
              IsStatus(grpc::StatusCode::INVALID_ARGUMENT, "min_depth"));

  kg::v1::TraverseRequest bad_date =
      Around("state:DEU", kg::v1::DIRECTION_OUT, {});
  *bad_date.mutable_as_of() = Date(2018, 13);
  EXPECT_THAT(Traverse(bad_date).status,
              IsStatus(grpc::StatusCode::INVALID_ARGUMENT, "as_of"));
}

TEST_F(QueryServiceTest, TraverseBeyondTheServerCapsIsResourceExhausted) {
  kg::v1::TraverseRequest deep = Around("state:DEU", kg::v1::DIRECTION_OUT, {});
  deep.set_max_depth(7);
  Traversal too_deep = Traverse(deep);
  EXPECT_THAT(too_deep.status,
              IsStatus(grpc::StatusCode::RESOURCE_EXHAUSTED, "max_depth"));
  EXPECT_THAT(too_deep.status.error_message(), StartsWith("max_depth:"));

  kg::v1::TraverseRequest wide = Around("state:DEU", kg::v1::DIRECTION_OUT, {});
  wide.set_max_fan_out(1001);
  EXPECT_THAT(Traverse(wide).status,
              IsStatus(grpc::StatusCode::RESOURCE_EXHAUSTED, "max_fan_out"));

  services::QueryLimits limits;
  limits.max_rows = 3;
  StartServer({}, limits);
  Traversal rows =
      Traverse(Around("network:wps", kg::v1::DIRECTION_IN, {"MEMBER_OF"}));
  EXPECT_THAT(rows.status,
              IsStatus(grpc::StatusCode::RESOURCE_EXHAUSTED, "max_rows"));

  limits = services::QueryLimits();
  limits.max_expansions = 2;
  StartServer({}, limits);
  EXPECT_THAT(Traverse(Around("network:wps", kg::v1::DIRECTION_IN, {})).status,
              IsStatus(grpc::StatusCode::RESOURCE_EXHAUSTED, "max_expansions"));

  limits = services::QueryLimits();
  limits.max_time = absl::ZeroDuration();
  StartServer({}, limits);
  EXPECT_THAT(Traverse(Around("network:wps", kg::v1::DIRECTION_IN, {})).status,
              IsStatus(grpc::StatusCode::RESOURCE_EXHAUSTED, "max_time"));
}

TEST_F(QueryServiceTest, ClientDeadlineAndCancellationStopTheCall) {
  grpc::ClientContext late;
  late.set_deadline(std::chrono::system_clock::now() - std::chrono::seconds(1));
  kg::v1::DescribeRequest describe;
  describe.set_key("network:wps");
  kg::v1::DescribeResponse described;
  EXPECT_EQ(query_->Describe(&late, describe, &described).error_code(),
            grpc::StatusCode::DEADLINE_EXCEEDED);

  grpc::ClientContext cancelled;
  auto reader = query_->Traverse(
      &cancelled, Around("network:wps", kg::v1::DIRECTION_IN, {}));
  cancelled.TryCancel();
  kg::v1::TraverseResponse batch;
  while (reader->Read(&batch)) {
  }
  EXPECT_EQ(reader->Finish().error_code(), grpc::StatusCode::CANCELLED);
}

// --- ShortestPath and Paths -----------------------------------------------

TEST_F(QueryServiceTest, ShortestPathFindsTheFewestEdges) {
  grpc::ClientContext context;
  kg::v1::ShortestPathRequest request;
  request.set_from_key("state:DEU");
  request.set_to_key("resolution:unsc-1325");
  kg::v1::ShortestPathResponse response;
  grpc::Status status = query_->ShortestPath(&context, request, &response);
  ASSERT_TRUE(status.ok()) << status.error_message();
  ASSERT_TRUE(response.found());
  std::vector<std::string> keys;
  for (const kg::v1::Node& node : response.path().nodes()) {
    keys.push_back(node.key());
  }
  EXPECT_THAT(keys, ElementsAre("state:DEU", "commitment:c1", "mission:UNMISS",
                                "resolution:unsc-1325"));
  ASSERT_EQ(response.path().edges_size(), 3);
  EXPECT_EQ(response.path().edges(2).type(), "MANDATED_BY");
}

TEST_F(QueryServiceTest, ShortestPathFiltersAndReportsNone) {
  kg::v1::ShortestPathRequest request;
  request.set_from_key("mission:UNMISS");
  request.set_to_key("state:DEU");
  request.set_direction(kg::v1::DIRECTION_OUT);
  grpc::ClientContext context;
  kg::v1::ShortestPathResponse response;
  ASSERT_TRUE(query_->ShortestPath(&context, request, &response).ok());
  EXPECT_FALSE(response.found());

  request.set_direction(kg::v1::DIRECTION_IN);
  request.add_edge_types("TARGETS");
  request.add_edge_types("PLEDGED");
  grpc::ClientContext again;
  ASSERT_TRUE(query_->ShortestPath(&again, request, &response).ok());
  EXPECT_TRUE(response.found());

  request.set_max_depth(1);
  grpc::ClientContext shallow;
  ASSERT_TRUE(query_->ShortestPath(&shallow, request, &response).ok());
  EXPECT_FALSE(response.found());

  request.set_max_depth(9);
  grpc::ClientContext deep;
  EXPECT_THAT(query_->ShortestPath(&deep, request, &response),
              IsStatus(grpc::StatusCode::RESOURCE_EXHAUSTED, "max_depth"));

  request.set_max_depth(0);
  request.set_to_key("");
  grpc::ClientContext missing;
  EXPECT_THAT(query_->ShortestPath(&missing, request, &response),
              IsStatus(grpc::StatusCode::INVALID_ARGUMENT, "to_key"));
}

TEST_F(QueryServiceTest, PathsListsSimplePathsShortestFirst) {
  kg::v1::PathsRequest request;
  request.set_from_key("state:DEU");
  request.set_to_key("mission:UNMISS");
  request.set_max_depth(4);
  grpc::ClientContext context;
  kg::v1::PathsResponse response;
  ASSERT_TRUE(query_->Paths(&context, request, &response).ok());
  ASSERT_EQ(response.paths_size(), 10);
  EXPECT_FALSE(response.truncated());
  EXPECT_EQ(response.paths(0).edges_size(), 2);
  EXPECT_EQ(response.paths(9).edges_size(), 4);

  request.set_max_paths(2);
  request.add_node_labels("Commitment");
  request.add_node_labels("State");
  grpc::ClientContext limited;
  kg::v1::PathsResponse few;
  ASSERT_TRUE(query_->Paths(&limited, request, &few).ok());
  EXPECT_EQ(few.paths_size(), 2);
  EXPECT_FALSE(few.truncated());
  request.set_max_paths(1);
  grpc::ClientContext truncated;
  ASSERT_TRUE(query_->Paths(&truncated, request, &few).ok());
  EXPECT_EQ(few.paths_size(), 1);
  EXPECT_TRUE(few.truncated());

  request.set_max_paths(20000);
  grpc::ClientContext too_many;
  EXPECT_THAT(query_->Paths(&too_many, request, &few),
              IsStatus(grpc::StatusCode::RESOURCE_EXHAUSTED, "max_rows"));
  request.set_max_paths(0);
  request.set_from_key("state:none");
  grpc::ClientContext unknown;
  EXPECT_THAT(query_->Paths(&unknown, request, &few),
              IsStatus(grpc::StatusCode::NOT_FOUND, "from_key"));
}

// --- Commitments ------------------------------------------------------

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
      rows([](Request& r) { *r.mutable_date_from() = Date(2020); }).size(), 3);
  EXPECT_EQ(rows([](Request& r) {
              *r.mutable_date_from() = Date(2018, 5);
              *r.mutable_date_to() = Date(2019);
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
  *bad_date.mutable_date_to() = Date(0);
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

  *request.mutable_as_of() = Date(2019);
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
