// GraphService through a real channel: every RPC and every error path.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <set>
#include <string>
#include <vector>

#include "test_server.h"

namespace kg::testing {
namespace {

using ::testing::ElementsAre;
using ::testing::HasSubstr;
using ::testing::IsEmpty;
using ::testing::Pair;
using ::testing::UnorderedElementsAre;

constexpr char kDoc[] = "doc:test-graph";
constexpr char kNetwork[] = "network:wps-focal-points-network";
constexpr char kUnion[] = "org:african-union";

std::string EdgeId(const kg::v1::Edge& edge) {
  return edge.src_key() + " " + edge.type() + " " + edge.dst_key();
}

std::vector<std::string> IdsOf(const kg::v1::ListNodesResponse& response) {
  std::vector<std::string> keys;
  for (const kg::v1::Node& node : response.nodes()) keys.push_back(node.key());
  return keys;
}

std::vector<std::string> IdsOf(const kg::v1::ListEdgesResponse& response) {
  std::vector<std::string> ids;
  for (const kg::v1::Edge& edge : response.edges()) ids.push_back(EdgeId(edge));
  return ids;
}

// Five states, a network and an organization (plus the Document node the
// import adds), with eight edges between them.
class GraphServiceTest : public ServerTest {
 protected:
  void SetUp() override {
    ServerTest::SetUp();
    if (HasFatalFailure()) return;
    std::vector<kg::v1::Node> nodes = {
        MakeNode("state:CIV", "State", "Côte d'Ivoire", {"Ivory Coast"},
                 {{"iso2", StringValue("CI")}, {"m49", IntValue(384)}}),
        MakeNode("state:DEU", "State", "Germany",
                 {"Federal Republic of Germany"},
                 {{"iso2", StringValue("DE")}, {"m49", IntValue(276)}}),
        MakeNode("state:FRA", "State", "France", {},
                 {{"iso2", StringValue("FR")}, {"m49", IntValue(250)}}),
        MakeNode("state:GHA", "State", "Ghana", {},
                 {{"iso2", StringValue("GH")}, {"m49", IntValue(288)}}),
        MakeNode("state:GIN", "State", "Guinea", {},
                 {{"iso2", StringValue("GN")}, {"m49", IntValue(324)}}),
        MakeNode(kNetwork, "Network", "WPS Focal Points Network", {"WPS-FPN"}),
        MakeNode(kUnion, "Organization", "African Union", {"AU"}),
    };
    std::vector<kg::v1::Edge> edges = {
        MakeEdge("state:DEU", "MEMBER_OF", kNetwork),
        MakeEdge("state:FRA", "MEMBER_OF", kNetwork),
        MakeEdge("state:GHA", "MEMBER_OF", kNetwork),
        MakeEdge(kUnion, "MEMBER_OF", kNetwork),
        MakeEdge("state:DEU", "CHAIRS", kNetwork),
        MakeEdge("state:CIV", "MEMBER_OF", kUnion),
        MakeEdge("state:GHA", "MEMBER_OF", kUnion),
        MakeEdge("state:GIN", "MEMBER_OF", kUnion),
    };
    grpc::Status status = Import(kDoc, nodes, edges);
    ASSERT_TRUE(status.ok()) << status.error_message();
  }

  grpc::Status GetNode(const std::string& key, kg::v1::Node* node) {
    grpc::ClientContext context;
    kg::v1::GetNodeRequest request;
    request.set_key(key);
    return graph_->GetNode(&context, request, node);
  }

  grpc::Status BatchGet(const std::vector<std::string>& keys,
                        kg::v1::BatchGetNodesResponse* response) {
    grpc::ClientContext context;
    kg::v1::BatchGetNodesRequest request;
    for (const std::string& key : keys) request.add_keys(key);
    return graph_->BatchGetNodes(&context, request, response);
  }

  grpc::Status List(const kg::v1::ListNodesRequest& request,
                    kg::v1::ListNodesResponse* response) {
    grpc::ClientContext context;
    return graph_->ListNodes(&context, request, response);
  }

  grpc::Status List(const kg::v1::ListEdgesRequest& request,
                    kg::v1::ListEdgesResponse* response) {
    grpc::ClientContext context;
    return graph_->ListEdges(&context, request, response);
  }

  // The ids (node keys, EdgeId) of a request's first and only page.
  template <typename Response, typename Request>
  std::vector<std::string> Ids(const Request& request) {
    Response response;
    grpc::Status status = List(request, &response);
    EXPECT_TRUE(status.ok()) << status.error_message();
    EXPECT_THAT(response.next_page_token(), IsEmpty());
    return IdsOf(response);
  }

  // Pages through a list RPC and returns every id seen, in order; `pages`
  // counts the calls.
  template <typename Response, typename Request>
  std::vector<std::string> AllIds(Request request, int* pages) {
    std::vector<std::string> ids;
    *pages = 0;
    do {
      Response response;
      grpc::Status status = List(request, &response);
      EXPECT_TRUE(status.ok()) << status.error_message();
      if (!status.ok() || ++*pages > 100) break;
      std::vector<std::string> page = IdsOf(response);
      EXPECT_LE(page.size(), static_cast<size_t>(request.page_size()));
      ids.insert(ids.end(), page.begin(), page.end());
      request.set_page_token(response.next_page_token());
    } while (!request.page_token().empty());
    return ids;
  }

  std::vector<std::string> NodeKeys(const kg::v1::ListNodesRequest& request) {
    return Ids<kg::v1::ListNodesResponse>(request);
  }
  std::vector<std::string> EdgeIds(const kg::v1::ListEdgesRequest& request) {
    return Ids<kg::v1::ListEdgesResponse>(request);
  }
  std::vector<std::string> AllNodeKeys(const kg::v1::ListNodesRequest& request,
                                       int* pages) {
    return AllIds<kg::v1::ListNodesResponse>(request, pages);
  }
  std::vector<std::string> AllEdgeIds(const kg::v1::ListEdgesRequest& request,
                                      int* pages) {
    return AllIds<kg::v1::ListEdgesResponse>(request, pages);
  }
};

kg::v1::ListNodesRequest ByLabel(const std::string& label) {
  kg::v1::ListNodesRequest request;
  request.set_label(label);
  return request;
}

kg::v1::ListNodesRequest ByName(const std::string& name, bool prefix) {
  kg::v1::ListNodesRequest request;
  request.set_name(name);
  request.set_name_prefix(prefix);
  return request;
}

kg::v1::ListNodesRequest ByProperty(const std::string& name,
                                    const kg::v1::Value& value) {
  kg::v1::ListNodesRequest request;
  request.set_property_name(name);
  *request.mutable_property_value() = value;
  return request;
}

kg::v1::ListEdgesRequest EdgesOf(const std::string& key,
                                 kg::v1::Direction direction,
                                 std::vector<std::string> types = {}) {
  kg::v1::ListEdgesRequest request;
  request.set_node_key(key);
  request.set_direction(direction);
  for (const std::string& type : types) request.add_types(type);
  return request;
}

void ExpectInvalid(const grpc::Status& status, const std::string& message) {
  EXPECT_EQ(status.error_code(), grpc::StatusCode::INVALID_ARGUMENT);
  EXPECT_THAT(status.error_message(), HasSubstr(message));
}

TEST_F(GraphServiceTest, GetNodeReturnsTheMergedNodeWithItsSource) {
  kg::v1::Node node;
  grpc::Status status = GetNode("state:DEU", &node);
  ASSERT_TRUE(status.ok()) << status.error_message();
  EXPECT_EQ(node.key(), "state:DEU");
  EXPECT_EQ(node.label(), "State");
  EXPECT_EQ(node.name(), "Germany");
  EXPECT_THAT(node.aliases(), ElementsAre("Federal Republic of Germany"));
  EXPECT_EQ(node.props().at("iso2").string_value(), "DE");
  EXPECT_EQ(node.props().at("m49").int_value(), 276);
  ASSERT_EQ(node.sources_size(), 1);
  EXPECT_EQ(node.sources(0).document_key(), kDoc);
  EXPECT_NE(node.id(), 0u);
}

TEST_F(GraphServiceTest, GetNodeUnknownKeyIsNotFound) {
  kg::v1::Node node;
  grpc::Status status = GetNode("state:XYZ", &node);
  EXPECT_EQ(status.error_code(), grpc::StatusCode::NOT_FOUND);
  EXPECT_THAT(status.error_message(), HasSubstr("state:XYZ"));
}

TEST_F(GraphServiceTest, GetNodeEmptyKeyIsInvalid) {
  kg::v1::Node node;
  ExpectInvalid(GetNode("", &node), "key: must not be empty");
}

TEST_F(GraphServiceTest, BatchGetNodesKeepsTheRequestOrder) {
  kg::v1::BatchGetNodesResponse response;
  grpc::Status status =
      BatchGet({"state:FRA", kNetwork, "state:FRA"}, &response);
  ASSERT_TRUE(status.ok()) << status.error_message();
  ASSERT_EQ(response.nodes_size(), 3);
  EXPECT_EQ(response.nodes(0).name(), "France");
  EXPECT_EQ(response.nodes(1).name(), "WPS Focal Points Network");
  EXPECT_EQ(response.nodes(2).name(), "France");
}

TEST_F(GraphServiceTest, BatchGetNodesUnknownKeyIsNotFoundNamingIt) {
  kg::v1::BatchGetNodesResponse response;
  grpc::Status status = BatchGet({"state:FRA", "state:XYZ"}, &response);
  EXPECT_EQ(status.error_code(), grpc::StatusCode::NOT_FOUND);
  EXPECT_THAT(status.error_message(), HasSubstr("keys[1]"));
  EXPECT_THAT(status.error_message(), HasSubstr("state:XYZ"));
}

TEST_F(GraphServiceTest, BatchGetNodesRejectsEmptyAndTooManyKeys) {
  kg::v1::BatchGetNodesResponse response;
  ExpectInvalid(BatchGet({"state:FRA", ""}, &response),
                "keys[1]: must not be empty");
  std::vector<std::string> keys(services::kMaxBatchKeys + 1, "state:FRA");
  ExpectInvalid(BatchGet(keys, &response), "keys: at most 1000");
}

TEST_F(GraphServiceTest, ListNodesByLabel) {
  EXPECT_THAT(NodeKeys(ByLabel("State")),
              UnorderedElementsAre("state:CIV", "state:DEU", "state:FRA",
                                   "state:GHA", "state:GIN"));
  EXPECT_THAT(NodeKeys(ByLabel("Document")), ElementsAre(kDoc));
  EXPECT_THAT(NodeKeys(ByLabel("Mission")), IsEmpty());
}

TEST_F(GraphServiceTest, ListNodesByExactNameIgnoresCaseAndDiacritics) {
  EXPECT_THAT(NodeKeys(ByName("cote d'ivoire", false)),
              ElementsAre("state:CIV"));
  EXPECT_THAT(NodeKeys(ByName("GERMANY", false)), ElementsAre("state:DEU"));
  EXPECT_THAT(NodeKeys(ByName("ivory  coast", false)),
              ElementsAre("state:CIV"));
  EXPECT_THAT(NodeKeys(ByName("au", false)), ElementsAre(kUnion));
  EXPECT_THAT(NodeKeys(ByName("germ", false)), IsEmpty());
}

TEST_F(GraphServiceTest, ListNodesByNamePrefixMatchesNamesAndAliases) {
  EXPECT_THAT(NodeKeys(ByName("G", true)),
              UnorderedElementsAre("state:DEU", "state:GHA", "state:GIN"));
  // Germany matches through its alias, once.
  EXPECT_THAT(NodeKeys(ByName("f", true)),
              UnorderedElementsAre("state:DEU", "state:FRA"));
  EXPECT_THAT(NodeKeys(ByName("côte", true)), ElementsAre("state:CIV"));
  EXPECT_THAT(NodeKeys(ByName("zz", true)), IsEmpty());
}

TEST_F(GraphServiceTest, ListNodesByPropertyEquality) {
  EXPECT_THAT(NodeKeys(ByProperty("iso2", StringValue("DE"))),
              ElementsAre("state:DEU"));
  EXPECT_THAT(NodeKeys(ByProperty("m49", IntValue(384))),
              ElementsAre("state:CIV"));
  EXPECT_THAT(NodeKeys(ByProperty("iso2", StringValue("XX"))), IsEmpty());
  EXPECT_THAT(NodeKeys(ByProperty("no_such_property", StringValue("DE"))),
              IsEmpty());
}

TEST_F(GraphServiceTest, ListNodesCombinesFilters) {
  kg::v1::ListNodesRequest request = ByName("g", true);
  request.set_label("State");
  EXPECT_THAT(NodeKeys(request),
              UnorderedElementsAre("state:DEU", "state:GHA", "state:GIN"));
  request.set_property_name("iso2");
  *request.mutable_property_value() = StringValue("GH");
  EXPECT_THAT(NodeKeys(request), ElementsAre("state:GHA"));
  request.set_label("Network");
  EXPECT_THAT(NodeKeys(request), IsEmpty());
}

TEST_F(GraphServiceTest, ListNodesWithoutFilterListsEveryNode) {
  EXPECT_THAT(
      NodeKeys(kg::v1::ListNodesRequest()),
      UnorderedElementsAre("state:CIV", "state:DEU", "state:FRA", "state:GHA",
                           "state:GIN", kNetwork, kUnion, kDoc));
}

TEST_F(GraphServiceTest, ListNodesPaginatesCollectingEachNodeOnce) {
  kg::v1::ListNodesRequest request = ByLabel("State");
  request.set_page_size(2);
  int pages = 0;
  std::vector<std::string> keys = AllNodeKeys(request, &pages);
  EXPECT_EQ(pages, 3);
  EXPECT_THAT(keys, UnorderedElementsAre("state:CIV", "state:DEU", "state:FRA",
                                         "state:GHA", "state:GIN"));

  kg::v1::ListNodesRequest everything;
  everything.set_page_size(2);
  keys = AllNodeKeys(everything, &pages);
  EXPECT_EQ(pages, 4);
  EXPECT_EQ(keys.size(), 8u);
  EXPECT_EQ(std::set<std::string>(keys.begin(), keys.end()).size(), 8u);

  kg::v1::ListNodesRequest prefix = ByName("g", true);
  prefix.set_page_size(1);
  keys = AllNodeKeys(prefix, &pages);
  EXPECT_THAT(keys,
              UnorderedElementsAre("state:DEU", "state:GHA", "state:GIN"));
}

TEST_F(GraphServiceTest, ListNodesAllowsAnotherPageSizeForTheNextPage) {
  kg::v1::ListNodesRequest request = ByLabel("State");
  request.set_page_size(2);
  kg::v1::ListNodesResponse first;
  ASSERT_TRUE(List(request, &first).ok());
  request.set_page_size(10);
  request.set_page_token(first.next_page_token());
  kg::v1::ListNodesResponse rest;
  grpc::Status status = List(request, &rest);
  ASSERT_TRUE(status.ok()) << status.error_message();
  EXPECT_EQ(rest.nodes_size(), 3);
  EXPECT_THAT(rest.next_page_token(), IsEmpty());
}

TEST_F(GraphServiceTest, ListNodesRejectsPageSizeOutOfRange) {
  kg::v1::ListNodesResponse response;
  kg::v1::ListNodesRequest request = ByLabel("State");
  request.set_page_size(-1);
  ExpectInvalid(List(request, &response),
                "page_size: must be between 0 and 1000");
  request.set_page_size(1001);
  ExpectInvalid(List(request, &response),
                "page_size: must be between 0 and 1000");
}

TEST_F(GraphServiceTest, ListNodesRejectsABadPageToken) {
  kg::v1::ListNodesResponse response;
  kg::v1::ListNodesRequest request = ByLabel("State");
  for (const char* token : {"not a token!", "AAAA", "AQ"}) {
    request.set_page_token(token);
    ExpectInvalid(List(request, &response), "page_token: malformed");
  }
}

TEST_F(GraphServiceTest, ListNodesRejectsATokenReusedWithOtherFilters) {
  kg::v1::ListNodesRequest request = ByLabel("State");
  request.set_page_size(2);
  kg::v1::ListNodesResponse first;
  ASSERT_TRUE(List(request, &first).ok());
  ASSERT_THAT(first.next_page_token(), ::testing::Not(IsEmpty()));

  kg::v1::ListNodesRequest other = ByLabel("Network");
  other.set_page_token(first.next_page_token());
  kg::v1::ListNodesResponse response;
  ExpectInvalid(List(other, &response),
                "page_token: does not match the request");
  other = ByName("g", true);
  other.set_label("State");
  other.set_page_token(first.next_page_token());
  ExpectInvalid(List(other, &response),
                "page_token: does not match the request");
}

TEST_F(GraphServiceTest, ListNodesRejectsIncompleteFilters) {
  kg::v1::ListNodesResponse response;
  ExpectInvalid(List(ByName("", true), &response), "name:");

  kg::v1::ListNodesRequest request;
  request.set_property_name("iso2");
  ExpectInvalid(List(request, &response), "property_value:");

  request = ByProperty("", StringValue("DE"));
  ExpectInvalid(List(request, &response), "property_name:");

  kg::v1::Value list;
  *list.mutable_list_value()->add_values() = StringValue("DE");
  ExpectInvalid(List(ByProperty("iso2", list), &response), "property_value:");
}

TEST_F(GraphServiceTest, ListEdgesByDirection) {
  EXPECT_THAT(
      EdgeIds(EdgesOf("state:DEU", kg::v1::DIRECTION_OUT)),
      UnorderedElementsAre("state:DEU MEMBER_OF " + std::string(kNetwork),
                           "state:DEU CHAIRS " + std::string(kNetwork)));
  EXPECT_THAT(EdgeIds(EdgesOf("state:DEU", kg::v1::DIRECTION_IN)), IsEmpty());
  EXPECT_EQ(EdgeIds(EdgesOf(kNetwork, kg::v1::DIRECTION_IN)).size(), 5u);
  EXPECT_THAT(EdgeIds(EdgesOf(kNetwork, kg::v1::DIRECTION_OUT)), IsEmpty());
  // The union is a member of the network and has members of its own.
  EXPECT_EQ(EdgeIds(EdgesOf(kUnion, kg::v1::DIRECTION_BOTH)).size(), 4u);
  EXPECT_EQ(EdgeIds(EdgesOf(kUnion, kg::v1::DIRECTION_UNSPECIFIED)).size(), 4u);
}

TEST_F(GraphServiceTest, ListEdgesByTypes) {
  EXPECT_THAT(EdgeIds(EdgesOf(kNetwork, kg::v1::DIRECTION_IN, {"CHAIRS"})),
              ElementsAre("state:DEU CHAIRS " + std::string(kNetwork)));
  EXPECT_EQ(
      EdgeIds(EdgesOf(kNetwork, kg::v1::DIRECTION_IN, {"MEMBER_OF", "CHAIRS"}))
          .size(),
      5u);
  EXPECT_THAT(EdgeIds(EdgesOf(kNetwork, kg::v1::DIRECTION_IN, {"HOSTED"})),
              IsEmpty());
}

TEST_F(GraphServiceTest, ListEdgesPaginatesCollectingEachEdgeOnce) {
  kg::v1::ListEdgesRequest request = EdgesOf(kNetwork, kg::v1::DIRECTION_IN);
  request.set_page_size(2);
  int pages = 0;
  std::vector<std::string> ids = AllEdgeIds(request, &pages);
  EXPECT_EQ(pages, 3);
  EXPECT_THAT(
      ids, UnorderedElementsAre("state:DEU MEMBER_OF " + std::string(kNetwork),
                                "state:FRA MEMBER_OF " + std::string(kNetwork),
                                "state:GHA MEMBER_OF " + std::string(kNetwork),
                                std::string(kUnion) + " MEMBER_OF " + kNetwork,
                                "state:DEU CHAIRS " + std::string(kNetwork)));

  request = EdgesOf(kNetwork, kg::v1::DIRECTION_IN, {"MEMBER_OF"});
  request.set_page_size(3);
  EXPECT_EQ(AllEdgeIds(request, &pages).size(), 4u);
  EXPECT_EQ(pages, 2);
}

TEST_F(GraphServiceTest, ListEdgesWithoutNodeKeyListsEveryEdge) {
  kg::v1::ListEdgesRequest request;
  request.set_page_size(3);
  int pages = 0;
  std::vector<std::string> ids = AllEdgeIds(request, &pages);
  EXPECT_EQ(pages, 3);
  EXPECT_EQ(ids.size(), 8u);
  EXPECT_EQ(std::set<std::string>(ids.begin(), ids.end()).size(), 8u);
}

TEST_F(GraphServiceTest, ListEdgesUnknownNodeIsNotFound) {
  kg::v1::ListEdgesResponse response;
  grpc::Status status =
      List(EdgesOf("state:XYZ", kg::v1::DIRECTION_BOTH), &response);
  EXPECT_EQ(status.error_code(), grpc::StatusCode::NOT_FOUND);
  EXPECT_THAT(status.error_message(), HasSubstr("state:XYZ"));
}

TEST_F(GraphServiceTest, ListEdgesRejectsATokenReusedWithOtherFilters) {
  kg::v1::ListEdgesRequest request = EdgesOf(kNetwork, kg::v1::DIRECTION_IN);
  request.set_page_size(2);
  kg::v1::ListEdgesResponse first;
  ASSERT_TRUE(List(request, &first).ok());
  ASSERT_THAT(first.next_page_token(), ::testing::Not(IsEmpty()));

  kg::v1::ListEdgesResponse response;
  for (kg::v1::ListEdgesRequest other :
       {EdgesOf(kNetwork, kg::v1::DIRECTION_OUT),
        EdgesOf(kNetwork, kg::v1::DIRECTION_IN, {"CHAIRS"}),
        EdgesOf(kUnion, kg::v1::DIRECTION_IN)}) {
    other.set_page_token(first.next_page_token());
    ExpectInvalid(List(other, &response),
                  "page_token: does not match the request");
  }
  request.set_page_token("%%%");
  ExpectInvalid(List(request, &response), "page_token: malformed");
}

TEST_F(GraphServiceTest, ListEdgesRejectsMalformedRequests) {
  kg::v1::ListEdgesResponse response;
  kg::v1::ListEdgesRequest request =
      EdgesOf(kNetwork, static_cast<kg::v1::Direction>(7));
  ExpectInvalid(List(request, &response), "direction:");

  request = EdgesOf(kNetwork, kg::v1::DIRECTION_IN, {"CHAIRS", ""});
  ExpectInvalid(List(request, &response), "types[1]: must not be empty");

  request = EdgesOf(kNetwork, kg::v1::DIRECTION_IN);
  request.set_page_size(5000);
  ExpectInvalid(List(request, &response),
                "page_size: must be between 0 and 1000");
}

TEST_F(GraphServiceTest, GetStatsCountsNodesEdgesAndDocuments) {
  kg::v1::GetStatsResponse stats = Stats();
  EXPECT_EQ(stats.node_count(), 8u);
  EXPECT_EQ(stats.edge_count(), 8u);
  EXPECT_EQ(stats.document_count(), 1u);
  EXPECT_THAT(
      stats.nodes_by_label(),
      UnorderedElementsAre(Pair("State", 5), Pair("Network", 1),
                           Pair("Organization", 1), Pair("Document", 1)));
  EXPECT_THAT(stats.edges_by_type(),
              UnorderedElementsAre(Pair("MEMBER_OF", 7), Pair("CHAIRS", 1)));
}

}  // namespace
}  // namespace kg::testing
