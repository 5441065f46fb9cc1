// The basic and full views (AIP-157) of GraphService.ListEdges and
// QueryService.Commitments through a real channel: the same items in the
// same order across pages, the basic view without what it leaves out,
// and the errors for unknown views and tokens reused across views.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "absl/strings/str_cat.h"
#include "test_server.h"

namespace kg::testing {
namespace {

using ::testing::HasSubstr;
using ::testing::SizeIs;

constexpr char kFramework[] = "framework:views";
constexpr char kMission[] = "mission:views";
constexpr char kTopic[] = "topic:views";
constexpr char kNetwork[] = "network:views";
constexpr int kCommitments = 20;
constexpr int kStates = 4;
constexpr int kPageSizes[] = {1, 7, 1000};

std::string StateKey(int i) { return absl::StrCat("state:V", i % kStates); }
std::string DocumentKey(int i) {
  return i % 2 == 0 ? "doc:views-even" : "doc:views-odd";
}

// Twenty commitments UNDER one framework from two documents (even and odd
// ones, dated 2019 and 2021), each PLEDGED by state i % 4; every third also
// RECOMMENDED by the next state, every fifth PLEDGED by a second state too;
// every second TARGETS a mission, every third is ABOUT a topic. States 0
// and 1 are members of a network; UNDER edges carry a property.
class ViewsTest : public ServerTest {
 protected:
  void SetUp() override {
    ServerTest::SetUp();
    if (HasFatalFailure()) return;
    for (int half = 0; half < 2; ++half) {
      std::vector<kg::v1::Node> nodes = {
          MakeNode(kFramework, "Framework", "Views framework"),
          MakeNode(kMission, "Mission", "Views mission"),
          MakeNode(kTopic, "Topic", "Views topic"),
          MakeNode(kNetwork, "Network", "Views network")};
      for (int s = 0; s < kStates; ++s) {
        nodes.push_back(MakeNode(StateKey(s), "State", StateKey(s)));
      }
      // One document says who the members are, so each edge has one source.
      std::vector<kg::v1::Edge> edges;
      if (half == 0) {
        edges.push_back(MakeEdge(StateKey(0), "MEMBER_OF", kNetwork));
        edges.push_back(MakeEdge(StateKey(1), "MEMBER_OF", kNetwork));
      }
      for (int i = half; i < kCommitments; i += 2) {
        const std::string key = absl::StrCat("commitment:v", i);
        nodes.push_back(MakeNode(
            key, "Commitment", key, {},
            {{"kind", StringValue(i % 4 == 0 ? "pledge" : "commitment")},
             {"text", StringValue(absl::StrCat("Text ", i))}}));
        kg::v1::Edge under = MakeEdge(key, "UNDER", kFramework);
        (*under.mutable_props())["note"] = StringValue(absl::StrCat("n", i));
        edges.push_back(under);
        edges.push_back(MakeEdge(StateKey(i), "PLEDGED", key));
        if (i % 2 == 0) edges.push_back(MakeEdge(key, "TARGETS", kMission));
        if (i % 3 == 0) edges.push_back(MakeEdge(key, "ABOUT", kTopic));
        if (i % 3 == 0) {
          edges.push_back(MakeEdge(StateKey(i + 1), "RECOMMENDED", key));
        }
        if (i % 5 == 0)
          edges.push_back(MakeEdge(StateKey(i + 2), "PLEDGED", key));
      }
      kg::v1::Document document;
      document.set_key(DocumentKey(half));
      document.mutable_date()->set_year(half == 0 ? 2019 : 2021);
      std::vector<kg::v1::ImportFactsRequest> messages = {
          DocumentMessage(document)};
      for (const kg::v1::Node& node : nodes) {
        messages.push_back(NodeMessage(node));
      }
      for (const kg::v1::Edge& edge : edges) {
        messages.push_back(EdgeMessage(edge));
      }
      kg::v1::ImportFactsResponse response;
      grpc::Status status = ImportMessages(messages, &response);
      ASSERT_TRUE(status.ok()) << status.error_message();
    }
  }

  // Every edge of `request` in `view`, page after page of `page_size`.
  std::vector<kg::v1::Edge> AllEdges(kg::v1::ListEdgesRequest request,
                                     kg::v1::EdgeView view, int page_size) {
    request.set_view(view);
    request.set_page_size(page_size);
    std::vector<kg::v1::Edge> edges;
    do {
      grpc::ClientContext context;
      kg::v1::ListEdgesResponse response;
      grpc::Status status = graph_->ListEdges(&context, request, &response);
      EXPECT_TRUE(status.ok()) << status.error_message();
      if (!status.ok()) break;
      edges.insert(edges.end(), response.edges().begin(),
                   response.edges().end());
      request.set_page_token(response.next_page_token());
    } while (!request.page_token().empty());
    return edges;
  }

  // Every row of `request` in `view`, page after page of `page_size`.
  std::vector<kg::v1::CommitmentRow> AllRows(kg::v1::CommitmentsRequest request,
                                             kg::v1::CommitmentView view,
                                             int page_size) {
    request.set_view(view);
    request.set_page_size(page_size);
    std::vector<kg::v1::CommitmentRow> rows;
    do {
      grpc::ClientContext context;
      kg::v1::CommitmentsResponse response;
      grpc::Status status = query_->Commitments(&context, request, &response);
      EXPECT_TRUE(status.ok()) << status.error_message();
      if (!status.ok()) break;
      rows.insert(rows.end(), response.rows().begin(), response.rows().end());
      request.set_page_token(response.next_page_token());
    } while (!request.page_token().empty());
    return rows;
  }
};

std::vector<std::string> EdgeKeys(const std::vector<kg::v1::Edge>& edges) {
  std::vector<std::string> keys;
  for (const kg::v1::Edge& edge : edges) {
    keys.push_back(absl::StrCat(edge.id(), " ", edge.src_key(), " ",
                                edge.type(), " ", edge.dst_key()));
  }
  return keys;
}

std::vector<std::string> RowKeys(
    const std::vector<kg::v1::CommitmentRow>& rows) {
  std::vector<std::string> keys;
  for (const kg::v1::CommitmentRow& row : rows) {
    keys.push_back(absl::StrCat(row.actor().key(), " ",
                                kg::v1::CommitmentRelation_Name(row.relation()),
                                " ", row.commitment_key()));
  }
  return keys;
}

std::vector<kg::v1::ListEdgesRequest> EdgeRequests() {
  std::vector<kg::v1::ListEdgesRequest> requests(4);
  requests[0].set_node_key(kFramework);
  requests[1].set_node_key(StateKey(0));
  requests[2].set_node_key(StateKey(0));
  requests[2].set_direction(kg::v1::DIRECTION_OUT);
  requests[2].add_types("RECOMMENDED");
  requests[2].add_types("PLEDGED");
  // requests[3]: every edge of the graph.
  return requests;
}

TEST_F(ViewsTest, ListEdgesBasicListsTheFullViewsEdgesInOrderOnEveryPage) {
  for (const kg::v1::ListEdgesRequest& request : EdgeRequests()) {
    const std::vector<kg::v1::Edge> full =
        AllEdges(request, kg::v1::EDGE_VIEW_FULL, 1000);
    ASSERT_GT(full.size(), 7u) << request.node_key();
    for (const kg::v1::Edge& edge : full) {
      EXPECT_THAT(edge.sources(), SizeIs(1)) << edge.src_key();
      EXPECT_EQ(edge.props().empty(), edge.type() != "UNDER");
    }
    EXPECT_EQ(EdgeKeys(AllEdges(request, kg::v1::EDGE_VIEW_UNSPECIFIED, 7)),
              EdgeKeys(full));
    for (int page_size : kPageSizes) {
      const std::vector<kg::v1::Edge> basic =
          AllEdges(request, kg::v1::EDGE_VIEW_BASIC, page_size);
      EXPECT_EQ(EdgeKeys(basic), EdgeKeys(full))
          << request.node_key() << " pages of " << page_size;
      for (const kg::v1::Edge& edge : basic) {
        EXPECT_TRUE(edge.props().empty());
        EXPECT_TRUE(edge.sources().empty());
      }
    }
  }
}

TEST_F(ViewsTest, ListEdgesRejectsAnUnknownViewNamingIt) {
  kg::v1::ListEdgesRequest request;
  request.set_node_key(kFramework);
  request.set_view(static_cast<kg::v1::EdgeView>(7));
  grpc::ClientContext context;
  kg::v1::ListEdgesResponse response;
  grpc::Status status = graph_->ListEdges(&context, request, &response);
  EXPECT_EQ(status.error_code(), grpc::StatusCode::INVALID_ARGUMENT);
  EXPECT_THAT(status.error_message(), HasSubstr("view"));
}

TEST_F(ViewsTest, ListEdgesRejectsATokenOfTheOtherView) {
  kg::v1::ListEdgesRequest request;
  request.set_node_key(kFramework);
  request.set_page_size(7);
  request.set_view(kg::v1::EDGE_VIEW_FULL);
  kg::v1::ListEdgesResponse first;
  {
    grpc::ClientContext context;
    ASSERT_TRUE(graph_->ListEdges(&context, request, &first).ok());
  }
  ASSERT_FALSE(first.next_page_token().empty());
  request.set_page_token(first.next_page_token());
  request.set_view(kg::v1::EDGE_VIEW_BASIC);
  grpc::ClientContext context;
  kg::v1::ListEdgesResponse response;
  grpc::Status status = graph_->ListEdges(&context, request, &response);
  EXPECT_EQ(status.error_code(), grpc::StatusCode::INVALID_ARGUMENT);
  EXPECT_THAT(status.error_message(), HasSubstr("page_token"));
}

TEST_F(ViewsTest, ListEdgesOfAnUnknownNodeIsNotFoundInEitherView) {
  for (kg::v1::EdgeView view :
       {kg::v1::EDGE_VIEW_BASIC, kg::v1::EDGE_VIEW_FULL}) {
    // With a type no edge has, too: the node is looked up first.
    for (bool unknown_type : {false, true}) {
      kg::v1::ListEdgesRequest request;
      request.set_node_key("state:nowhere");
      request.set_view(view);
      if (unknown_type) request.add_types("NO_SUCH_TYPE");
      grpc::ClientContext context;
      kg::v1::ListEdgesResponse response;
      grpc::Status status = graph_->ListEdges(&context, request, &response);
      EXPECT_EQ(status.error_code(), grpc::StatusCode::NOT_FOUND)
          << kg::v1::EdgeView_Name(view) << " " << unknown_type;
    }
  }
}

std::vector<kg::v1::CommitmentsRequest> CommitmentRequests() {
  std::vector<kg::v1::CommitmentsRequest> requests(9);
  requests[0].set_framework_key(kFramework);
  requests[1].set_framework_key(kFramework);
  requests[1].set_relation(kg::v1::COMMITMENT_RELATION_PLEDGED);
  requests[2].set_actor_key(StateKey(1));
  requests[3].set_member_of_key(kNetwork);
  // Filters the basic view reads only their own edge types for.
  requests[4].set_framework_key(kFramework);
  requests[4].set_target_key(kMission);
  requests[5].set_topic_key(kTopic);
  // Filters that read records in the basic view too.
  requests[6].set_document_key(DocumentKey(1));
  requests[7].set_kind("pledge");
  requests[8].mutable_date_from()->set_year(2020);
  return requests;
}

TEST_F(ViewsTest, CommitmentsBasicListsTheFullViewsRowsInOrderOnEveryPage) {
  const std::vector<kg::v1::CommitmentsRequest> requests = CommitmentRequests();
  const std::vector<kg::v1::CommitmentRow> all =
      AllRows(kg::v1::CommitmentsRequest(), kg::v1::COMMITMENT_VIEW_FULL, 1000);
  for (const kg::v1::CommitmentsRequest& request : requests) {
    const std::vector<kg::v1::CommitmentRow> full =
        AllRows(request, kg::v1::COMMITMENT_VIEW_FULL, 1000);
    ASSERT_FALSE(full.empty()) << request.ShortDebugString();
    // Every filter but the framework (which all commitments are under)
    // leaves rows out, so a filter the basic view dropped would show.
    if (request.ShortDebugString() != requests[0].ShortDebugString()) {
      EXPECT_LT(full.size(), all.size()) << request.ShortDebugString();
    }
    for (const kg::v1::CommitmentRow& row : full) {
      EXPECT_FALSE(row.text().empty());
      EXPECT_THAT(row.sources(), SizeIs(1));
      EXPECT_THAT(row.frameworks(), SizeIs(1));
      EXPECT_TRUE(row.has_date());
    }
    EXPECT_EQ(RowKeys(AllRows(request, kg::v1::COMMITMENT_VIEW_UNSPECIFIED, 7)),
              RowKeys(full));
    for (int page_size : kPageSizes) {
      const std::vector<kg::v1::CommitmentRow> basic =
          AllRows(request, kg::v1::COMMITMENT_VIEW_BASIC, page_size);
      EXPECT_EQ(RowKeys(basic), RowKeys(full))
          << request.ShortDebugString() << " pages of " << page_size;
      for (const kg::v1::CommitmentRow& row : basic) {
        EXPECT_EQ(row.actor().label(), "State");
        EXPECT_TRUE(row.actor().name().empty());
        EXPECT_TRUE(row.kind().empty());
        EXPECT_TRUE(row.text().empty());
        EXPECT_TRUE(row.frameworks().empty());
        EXPECT_TRUE(row.sources().empty());
        EXPECT_TRUE(row.document_keys().empty());
        EXPECT_FALSE(row.has_date());
      }
    }
  }
}

TEST_F(ViewsTest, CommitmentsRejectsAnUnknownViewNamingIt) {
  kg::v1::CommitmentsRequest request;
  request.set_framework_key(kFramework);
  request.set_view(static_cast<kg::v1::CommitmentView>(9));
  grpc::ClientContext context;
  kg::v1::CommitmentsResponse response;
  grpc::Status status = query_->Commitments(&context, request, &response);
  EXPECT_EQ(status.error_code(), grpc::StatusCode::INVALID_ARGUMENT);
  EXPECT_THAT(status.error_message(), HasSubstr("view"));
}

TEST_F(ViewsTest, CommitmentsRejectsATokenOfTheOtherView) {
  kg::v1::CommitmentsRequest request;
  request.set_framework_key(kFramework);
  request.set_page_size(7);
  request.set_view(kg::v1::COMMITMENT_VIEW_BASIC);
  kg::v1::CommitmentsResponse first;
  {
    grpc::ClientContext context;
    ASSERT_TRUE(query_->Commitments(&context, request, &first).ok());
  }
  ASSERT_FALSE(first.next_page_token().empty());
  request.set_page_token(first.next_page_token());
  request.set_view(kg::v1::COMMITMENT_VIEW_FULL);
  grpc::ClientContext context;
  kg::v1::CommitmentsResponse response;
  grpc::Status status = query_->Commitments(&context, request, &response);
  EXPECT_EQ(status.error_code(), grpc::StatusCode::INVALID_ARGUMENT);
  EXPECT_THAT(status.error_message(), HasSubstr("page_token"));
}

}  // namespace
}  // namespace kg::testing
