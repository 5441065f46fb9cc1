// GraphStore commits: facts merge across documents, a document replaces
// what it said before, and removing it deletes what only it asserted.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <algorithm>
#include <map>
#include <string>
#include <vector>

#include "graph_store_fixture.h"

namespace kg::graph::test {
namespace {

using ::testing::ElementsAre;
using ::testing::HasSubstr;
using ::testing::IsEmpty;
using ::testing::UnorderedElementsAre;

// Upsert and merge.

TEST_F(GraphStoreTest, UpsertMergesAcrossDocuments) {
  kg::v1::CommitSummary first = Commit(MakeDocument(
      "doc:a",
      {MakeNode("state:KOR", "State", "Republic of Korea", {"ROK"},
                {{"iso2", StringValue("KR")}, {"population", IntValue(51)}},
                {MakeSource(0, 10, "gazetteer", 0.9)}),
       MakeNode("network:fpn", "Network", "Focal Points Network")},
      {MakeEdge("state:KOR", "MEMBER_OF", "network:fpn",
                {{"as_of", DateValue(2018)}}, {MakeSource(3, 8, "rule")})}));
  EXPECT_TRUE(first.changed());
  EXPECT_EQ(first.document_key(), "doc:a");
  EXPECT_EQ(first.nodes_created(), 2u);
  EXPECT_EQ(first.edges_created(), 1u);

  kg::v1::CommitSummary second = Commit(MakeDocument(
      "doc:b",
      {MakeNode("state:KOR", "State", "South Korea", {"Korea", "ROK"},
                {{"population", IntValue(52)}, {"un_member", BoolValue(true)}},
                {MakeSource(5, 15, "ner", 0.5)})},
      {MakeEdge("state:KOR", "MEMBER_OF", "network:fpn",
                {{"as_of", DateValue(2019)}, {"role", StringValue("member")}},
                {MakeSource(1, 2, "ner")})}));
  EXPECT_TRUE(second.changed());
  EXPECT_EQ(second.nodes_created(), 0u);
  EXPECT_EQ(second.edges_created(), 0u);

  kg::v1::Node kor = Get("state:KOR");
  EXPECT_EQ(kor.label(), "State");
  EXPECT_EQ(kor.name(), "Republic of Korea");  // From the first document.
  EXPECT_THAT(kor.aliases(), ElementsAre("ROK", "Korea"));  // The union.
  EXPECT_EQ(kor.props().at("iso2").string_value(), "KR");
  EXPECT_EQ(kor.props().at("population").int_value(), 52);  // Later wins.
  EXPECT_TRUE(kor.props().at("un_member").bool_value());
  EXPECT_THAT(SourceDocuments(kor.sources()), ElementsAre("doc:a", "doc:b"));
  ASSERT_EQ(kor.sources_size(), 2);
  EXPECT_EQ(kor.sources(0).start(), 0u);
  EXPECT_EQ(kor.sources(0).end(), 10u);
  EXPECT_EQ(kor.sources(0).extractor(), "gazetteer");
  EXPECT_DOUBLE_EQ(kor.sources(0).confidence(), 0.9);
  EXPECT_EQ(kor.sources(1).extractor(), "ner");
  EXPECT_NE(kor.id(), 0u);

  std::vector<std::string> edges = EdgeTriples(EdgesOf("state:KOR"));
  ASSERT_THAT(edges, ElementsAre("state:KOR -MEMBER_OF-> network:fpn"));
  absl::StatusOr<EdgePage> page =
      store_->NewSnapshot()->ListEdges(EdgesOf("state:KOR"), "", 10);
  ASSERT_TRUE(page.ok());
  const kg::v1::Edge& edge = page->edges[0];
  EXPECT_EQ(edge.props().at("as_of").date_value().year(), 2019);
  EXPECT_EQ(edge.props().at("role").string_value(), "member");
  EXPECT_THAT(SourceDocuments(edge.sources()), ElementsAre("doc:a", "doc:b"));

  // Both documents' aliases are found by name; the index follows the view.
  EXPECT_THAT(NodeKeys(ByName("korea")), ElementsAre("state:KOR"));
  EXPECT_THAT(NodeKeys(ByName("rok")), ElementsAre("state:KOR"));
  EXPECT_THAT(NodeKeys(ByProp("population", IntValue(52))),
              ElementsAre("state:KOR"));
  EXPECT_THAT(NodeKeys(ByProp("population", IntValue(51))), IsEmpty());

  // Re-committing the first document keeps its place in the merge order:
  // the second document's value still wins.
  Commit(MakeDocument(
      "doc:a",
      {MakeNode("state:KOR", "State", "Republic of Korea", {"ROK"},
                {{"iso2", StringValue("KR")}, {"population", IntValue(50)}},
                {MakeSource(0, 10, "gazetteer", 0.9)}),
       MakeNode("network:fpn", "Network", "Focal Points Network")},
      {MakeEdge("state:KOR", "MEMBER_OF", "network:fpn",
                {{"as_of", DateValue(2018)}}, {MakeSource(3, 8, "rule")})}));
  EXPECT_EQ(Get("state:KOR").props().at("population").int_value(), 52);
  EXPECT_TRUE(test::IsConsistent(db_path()));
}

TEST_F(GraphStoreTest, SameFactTwiceInOneDocumentIsStoredOnce) {
  kg::v1::Node mention1 = MakeNode(
      "mission:UNMISS", "Mission", "UNMISS", {"United Nations Mission"},
      {{"start_year", IntValue(2011)}}, {MakeSource(0, 6, "ner")});
  kg::v1::Node mention2 =
      MakeNode("mission:UNMISS", "Mission", "UNMISS",
               {"United Nations Mission", "UN Mission"},
               {{"start_year", IntValue(2011)}}, {MakeSource(0, 6, "ner")});
  kg::v1::Node state = MakeNode("state:SSD", "State", "South Sudan");
  kg::v1::Edge deployed = MakeEdge("mission:UNMISS", "DEPLOYED_IN", "state:SSD",
                                   {}, {MakeSource(10, 20, "rule")});
  kg::v1::CommitSummary summary = Commit(MakeDocument(
      "doc:a", {mention1, state, mention2}, {deployed, deployed, deployed}));
  EXPECT_EQ(summary.nodes_asserted(), 2u);
  EXPECT_EQ(summary.edges_asserted(), 1u);
  EXPECT_EQ(summary.nodes_created(), 2u);
  EXPECT_EQ(summary.edges_created(), 1u);

  kg::v1::Node unmiss = Get("mission:UNMISS");
  EXPECT_EQ(unmiss.sources_size(), 1);  // One span by one extractor.
  EXPECT_THAT(unmiss.aliases(),
              ElementsAre("United Nations Mission", "UN Mission"));
  EXPECT_EQ(Stats().node_count, 2u);
  EXPECT_EQ(Stats().edge_count, 1u);
  std::vector<std::string> edges = EdgeTriples(EdgesOf(""));
  EXPECT_THAT(edges, ElementsAre("mission:UNMISS -DEPLOYED_IN-> state:SSD"));
  absl::StatusOr<EdgePage> page =
      store_->NewSnapshot()->ListEdges(EdgesOf(""), "", 10);
  ASSERT_TRUE(page.ok());
  EXPECT_EQ(page->edges[0].sources_size(), 1);
  EXPECT_EQ(Degree("mission:UNMISS", Direction::kOut, "DEPLOYED_IN"), 1u);

  // A fact with no source gets one naming the document alone.
  kg::v1::Node bare = Get("state:SSD");
  ASSERT_EQ(bare.sources_size(), 1);
  EXPECT_EQ(bare.sources(0).document_key(), "doc:a");

  // Different spans of one fact are both kept.
  kg::v1::Node other_span = mention1;
  *other_span.mutable_sources(0) = MakeSource(30, 36, "ner");
  Commit(MakeDocument("doc:a", {mention1, state, other_span}, {deployed}));
  EXPECT_EQ(Get("mission:UNMISS").sources_size(), 2);
  EXPECT_TRUE(test::IsConsistent(db_path()));
}

TEST_F(GraphStoreTest, RecommittingTheSameDocumentWritesNothing) {
  // Several properties per fact: a stored record must compare equal to the
  // rebuilt one whatever order its maps were filled in.
  std::map<std::string, kg::v1::Value> props = {
      {"kind", StringValue("ministerial")},
      {"start_date", DateValue(2021, 12, 7)},
      {"end_date", DateValue(2021, 12, 8)},
      {"attendance", IntValue(155)},
      {"virtual", BoolValue(false)},
      {"score", DoubleValue(0.25)},
      {"tags", ListValue({StringValue("a"), StringValue("b")})}};
  std::vector<kg::v1::Node> nodes;
  std::vector<kg::v1::Edge> edges;
  for (int i = 0; i < 10; ++i) {
    nodes.push_back(MakeNode(absl::StrCat("event:e", i), "Event",
                             absl::StrCat("Event ", i), {"Alias", "Other"},
                             props, {MakeSource(i, i + 5, "x", 0.5)}));
    if (i > 0) {
      edges.push_back(MakeEdge(absl::StrCat("event:e", i), "PART_OF",
                               absl::StrCat("event:e", i - 1), props));
    }
  }
  DocumentFacts facts = MakeDocument("doc:a", nodes, edges);
  ASSERT_TRUE(Commit(facts).changed());
  DbDump before = Dump();

  for (int round = 0; round < 5; ++round) {
    kg::v1::CommitSummary again = Commit(facts);
    EXPECT_FALSE(again.changed()) << "round " << round;
    EXPECT_EQ(again.nodes_created() + again.edges_created() +
                  again.nodes_deleted() + again.edges_deleted(),
              0u);
    EXPECT_EQ(again.nodes_asserted(), 10u);
    EXPECT_EQ(again.edges_asserted(), 9u);
  }
  // The same facts in another order, maps filled in another order.
  DocumentFacts shuffled = facts;
  std::reverse(shuffled.nodes.begin(), shuffled.nodes.end());
  std::reverse(shuffled.edges.begin(), shuffled.edges.end());
  for (kg::v1::Node& node : shuffled.nodes) {
    kg::v1::Node copy = node;
    node.clear_props();
    std::vector<std::string> names;
    for (const auto& [name, value] : copy.props()) names.push_back(name);
    std::reverse(names.begin(), names.end());
    for (const std::string& name : names) {
      (*node.mutable_props())[name] = copy.props().at(name);
    }
  }
  EXPECT_FALSE(Commit(shuffled).changed());
  EXPECT_TRUE(Dump() == before) << "a commit that changed nothing wrote";

  // And across a restart.
  Reopen();
  EXPECT_FALSE(Commit(facts).changed());
  store_.reset();
  EXPECT_TRUE(Dump().families == before.families);
  EXPECT_TRUE(test::IsConsistent(db_path()));
}

TEST_F(GraphStoreTest, RecommitWithFewerFactsDropsExactlyThose) {
  Commit(MakeDocument(
      "doc:a",
      {MakeNode("org:au", "Organization", "African Union", {"AU"},
                {{"founded", IntValue(2002)}, {"hq", StringValue("Addis")}}),
       MakeNode("org:ecowas", "Organization", "ECOWAS", {},
                {{"founded", IntValue(1975)}}),
       MakeNode("place:addis", "Place", "Addis Ababa", {"Addis"}),
       MakeNode("topic:pos", "Topic", "Protection of Civilians", {"PoC"})},
      {MakeEdge("org:ecowas", "MEMBER_OF", "org:au"),
       MakeEdge("org:au", "HELD_IN", "place:addis"),
       MakeEdge("org:au", "ABOUT", "topic:pos")}));
  Commit(MakeDocument("doc:b", {MakeNode("topic:pos", "Topic", "PoC topic")},
                      {MakeEdge("org:au", "ABOUT", "topic:pos")}));
  ASSERT_TRUE(test::IsConsistent(db_path()));
  EXPECT_EQ(Degree("org:au", Direction::kBoth, "HELD_IN"), 1u);

  // doc:a now asserts less: no place, no HELD_IN, no ABOUT, no AU alias, a
  // changed property and one property fewer.
  kg::v1::CommitSummary summary =
      Commit(MakeDocument("doc:a",
                          {MakeNode("org:au", "Organization", "African Union",
                                    {}, {{"founded", IntValue(2001)}}),
                           MakeNode("org:ecowas", "Organization", "ECOWAS", {},
                                    {{"founded", IntValue(1975)}})},
                          {MakeEdge("org:ecowas", "MEMBER_OF", "org:au")}));
  EXPECT_TRUE(summary.changed());
  EXPECT_EQ(summary.nodes_deleted(), 1u);  // place:addis.
  EXPECT_EQ(summary.edges_deleted(), 1u);  // HELD_IN; ABOUT has doc:b.
  EXPECT_EQ(summary.nodes_created(), 0u);

  EXPECT_FALSE(Exists("place:addis"));
  EXPECT_THAT(NodeKeys(ByName("addis ababa")), IsEmpty());
  EXPECT_THAT(NodeKeys(ByName("addis")), IsEmpty());
  EXPECT_THAT(NodeKeys(ByName("au")), IsEmpty());
  EXPECT_THAT(NodeKeys(ByName("african union")), ElementsAre("org:au"));
  EXPECT_THAT(NodeKeys(ByProp("hq", StringValue("Addis"))), IsEmpty());
  EXPECT_THAT(NodeKeys(ByProp("founded", IntValue(2002))), IsEmpty());
  EXPECT_THAT(NodeKeys(ByProp("founded", IntValue(2001))),
              ElementsAre("org:au"));
  EXPECT_THAT(NodeKeys(ByLabel("Place")), IsEmpty());
  EXPECT_EQ(Get("org:au").props().count("hq"), 0u);

  EXPECT_THAT(EdgeTriples(EdgesOf("org:au")),
              UnorderedElementsAre("org:au -ABOUT-> topic:pos",
                                   "org:ecowas -MEMBER_OF-> org:au"));
  EXPECT_EQ(Degree("org:au", Direction::kBoth, "HELD_IN"), 0u);
  // The topic and the ABOUT edge now stand on doc:b alone.
  EXPECT_THAT(SourceDocuments(Get("topic:pos").sources()),
              ElementsAre("doc:b"));
  EXPECT_EQ(Get("topic:pos").name(), "PoC topic");
  EXPECT_THAT(NodeKeys(ByName("poc")), IsEmpty());  // doc:a's alias.

  GraphStats stats = Stats();
  EXPECT_EQ(stats.node_count, 3u);
  EXPECT_EQ(stats.edge_count, 2u);
  EXPECT_EQ(stats.nodes_by_label.count("Place"), 0u);
  EXPECT_EQ(stats.edges_by_type.count("HELD_IN"), 0u);
  EXPECT_TRUE(test::IsConsistent(db_path()));
}

// Removal.

TEST_F(GraphStoreTest, RemoveDocumentDeletesWhatOnlyItAsserted) {
  Commit(MakeDocument(
      "doc:a",
      {MakeNode("state:DEU", "State", "Germany", {"Deutschland"}),
       MakeNode("network:fpn", "Network", "WPS Focal Points Network"),
       MakeNode("place:berlin", "Place", "Berlin")},
      {MakeEdge("state:DEU", "MEMBER_OF", "network:fpn"),
       MakeEdge("place:berlin", "PART_OF", "state:DEU")}));
  Commit(MakeDocument(
      "doc:b",
      {MakeNode("network:fpn", "Network", "Focal Points Network", {"FPN"}),
       MakeNode("state:FRA", "State", "France")},
      {MakeEdge("state:FRA", "MEMBER_OF", "network:fpn"),
       // doc:b names Germany only as an edge end.
       MakeEdge("state:DEU", "CHAIRS", "network:fpn")}));
  EXPECT_THAT(Documents(), ElementsAre("doc:a", "doc:b"));

  kg::v1::CommitSummary summary = Remove("doc:a");
  EXPECT_TRUE(summary.changed());
  EXPECT_EQ(summary.document_key(), "doc:a");
  EXPECT_EQ(summary.nodes_deleted(), 1u);  // Berlin.
  EXPECT_EQ(summary.edges_deleted(), 2u);

  EXPECT_FALSE(Exists("place:berlin"));
  kg::v1::Node fpn = Get("network:fpn");
  EXPECT_THAT(SourceDocuments(fpn.sources()), ElementsAre("doc:b"));
  EXPECT_EQ(fpn.name(), "Focal Points Network");
  EXPECT_THAT(fpn.aliases(), ElementsAre("FPN"));
  EXPECT_THAT(NodeKeys(ByName("wps focal points network")), IsEmpty());
  // Germany stays: doc:b's CHAIRS edge needs it.
  kg::v1::Node deu = Get("state:DEU");
  EXPECT_EQ(deu.label(), "State");
  EXPECT_THAT(SourceDocuments(deu.sources()), ElementsAre("doc:b"));
  EXPECT_THAT(EdgeTriples(EdgesOf("state:DEU")),
              ElementsAre("state:DEU -CHAIRS-> network:fpn"));
  EXPECT_THAT(
      EdgeTriples(EdgesOf("network:fpn", Direction::kIn, {"MEMBER_OF"})),
      ElementsAre("state:FRA -MEMBER_OF-> network:fpn"));
  EXPECT_THAT(Documents(), ElementsAre("doc:b"));
  EXPECT_TRUE(test::IsConsistent(db_path()));

  absl::StatusOr<kg::v1::CommitSummary> again = store_->RemoveDocument("doc:a");
  EXPECT_EQ(again.status().code(), absl::StatusCode::kNotFound);
  EXPECT_THAT(std::string(again.status().message()), HasSubstr("doc:a"));
  EXPECT_EQ(store_->RemoveDocument("doc:never").status().code(),
            absl::StatusCode::kNotFound);
  EXPECT_EQ(store_->RemoveDocument("nodoc").status().code(),
            absl::StatusCode::kInvalidArgument);

  Remove("doc:b");
  GraphStats stats = Stats();
  EXPECT_EQ(stats.node_count, 0u);
  EXPECT_EQ(stats.edge_count, 0u);
  EXPECT_EQ(stats.document_count, 0u);
  EXPECT_TRUE(stats.nodes_by_label.empty());
  EXPECT_TRUE(stats.edges_by_type.empty());
  EXPECT_THAT(NodeKeys(NodeQuery()), IsEmpty());
  EXPECT_THAT(EdgeTriples(EdgesOf("")), IsEmpty());
  EXPECT_THAT(Documents(), IsEmpty());
  EXPECT_TRUE(test::IsConsistent(db_path()));
  // Nothing but dictionaries, counters and zeroed degree counters remain.
  DbDump dump = Dump();
  for (const char* family : {"nodes", "edges", "adj", "keys", "labels", "names",
                             "props", "doc_facts"}) {
    EXPECT_THAT(dump.families[family], IsEmpty()) << family;
  }
}

TEST_F(GraphStoreTest, CommittingNoFactsRemovesTheDocument) {
  Commit(MakeDocument("doc:a", {MakeNode("topic:crsv", "Topic", "CRSV")}));
  kg::v1::CommitSummary summary = Commit(MakeDocument("doc:a", {}));
  EXPECT_TRUE(summary.changed());
  EXPECT_EQ(summary.nodes_deleted(), 1u);
  EXPECT_FALSE(Exists("topic:crsv"));
  EXPECT_FALSE(Commit(MakeDocument("doc:a", {})).changed());
  EXPECT_TRUE(test::IsConsistent(db_path()));
}

}  // namespace
}  // namespace kg::graph::test
