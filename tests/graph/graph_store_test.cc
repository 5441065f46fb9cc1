// GraphStore and Snapshot against a real RocksDB directory: upsert merge,
// document replacement and removal, atomicity, validation, persistence,
// snapshot isolation, and every read.
#include "kg/graph/graph_store.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <algorithm>
#include <atomic>
#include <cmath>
#include <limits>
#include <map>
#include <set>
#include <string>
#include <thread>
#include <utility>
#include <vector>

#include "absl/strings/str_cat.h"
#include "kg/graph/snapshot.h"
#include "test_util.h"

namespace kg::graph {
namespace {

using graph::BoolValue;
using graph::DoubleValue;
using graph::IntValue;
using graph::StringValue;
using test::DateValue;
using test::DbDump;
using test::ListValue;
using test::MakeDocument;
using test::MakeEdge;
using test::MakeNode;
using test::MakeSource;
using test::SourceDocuments;
using ::testing::ElementsAre;
using ::testing::HasSubstr;
using ::testing::IsEmpty;
using ::testing::UnorderedElementsAre;

std::string Triple(const kg::v1::Edge& e) {
  return absl::StrCat(e.src_key(), " -", e.type(), "-> ", e.dst_key());
}

class GraphStoreTest : public ::testing::Test {
 protected:
  void SetUp() override { Reopen(); }

  std::string db_path() const { return dir_.Sub("db"); }

  void Reopen() {
    store_.reset();
    absl::StatusOr<std::unique_ptr<GraphStore>> store =
        GraphStore::Open(db_path());
    ASSERT_TRUE(store.ok()) << store.status();
    store_ = *std::move(store);
  }

  kg::v1::CommitSummary Commit(const DocumentFacts& facts) {
    absl::StatusOr<kg::v1::CommitSummary> summary =
        store_->CommitDocument(facts);
    EXPECT_TRUE(summary.ok()) << summary.status();
    return summary.ok() ? *summary : kg::v1::CommitSummary();
  }

  kg::v1::CommitSummary Remove(const std::string& document_key) {
    absl::StatusOr<kg::v1::CommitSummary> summary =
        store_->RemoveDocument(document_key);
    EXPECT_TRUE(summary.ok()) << summary.status();
    return summary.ok() ? *summary : kg::v1::CommitSummary();
  }

  kg::v1::Node Get(const std::string& key) {
    absl::StatusOr<kg::v1::Node> node = store_->NewSnapshot()->GetNode(key);
    EXPECT_TRUE(node.ok()) << key << ": " << node.status();
    return node.ok() ? *node : kg::v1::Node();
  }

  bool Exists(const std::string& key) {
    absl::StatusOr<kg::v1::Node> node = store_->NewSnapshot()->GetNode(key);
    EXPECT_TRUE(node.ok() || absl::IsNotFound(node.status())) << node.status();
    return node.ok();
  }

  DbDump Dump() {
    absl::StatusOr<DbDump> dump = test::DumpDatabase(db_path());
    EXPECT_TRUE(dump.ok()) << dump.status();
    return dump.ok() ? *dump : DbDump();
  }

  // Every node matching `query`, page by page with `limit`; checks that no
  // page is larger than `limit` and that no node comes twice.
  static std::vector<std::string> NodeKeys(Snapshot& snapshot,
                                           const NodeQuery& query,
                                           size_t limit = 1000) {
    std::vector<std::string> keys;
    std::string cursor;
    for (int pages = 0; pages < 100000; ++pages) {
      absl::StatusOr<NodePage> page = snapshot.ListNodes(query, cursor, limit);
      EXPECT_TRUE(page.ok()) << page.status();
      if (!page.ok()) break;
      EXPECT_LE(page->nodes.size(), limit);
      // A page that says "more" holds something.
      if (!page->next_cursor.empty()) EXPECT_FALSE(page->nodes.empty());
      for (const kg::v1::Node& node : page->nodes) keys.push_back(node.key());
      if (page->next_cursor.empty()) break;
      cursor = page->next_cursor;
    }
    std::set<std::string> distinct(keys.begin(), keys.end());
    EXPECT_EQ(distinct.size(), keys.size()) << "a node came twice";
    return keys;
  }

  std::vector<std::string> NodeKeys(const NodeQuery& query,
                                    size_t limit = 1000) {
    return NodeKeys(*store_->NewSnapshot(), query, limit);
  }

  static std::vector<std::string> EdgeTriples(Snapshot& snapshot,
                                              const EdgeQuery& query,
                                              size_t limit = 1000) {
    std::vector<std::string> triples;
    std::string cursor;
    for (int pages = 0; pages < 100000; ++pages) {
      absl::StatusOr<EdgePage> page = snapshot.ListEdges(query, cursor, limit);
      EXPECT_TRUE(page.ok()) << page.status();
      if (!page.ok()) break;
      EXPECT_LE(page->edges.size(), limit);
      if (!page->next_cursor.empty()) EXPECT_FALSE(page->edges.empty());
      for (const kg::v1::Edge& edge : page->edges) {
        triples.push_back(Triple(edge));
      }
      if (page->next_cursor.empty()) break;
      cursor = page->next_cursor;
    }
    return triples;
  }

  std::vector<std::string> EdgeTriples(const EdgeQuery& query,
                                       size_t limit = 1000) {
    return EdgeTriples(*store_->NewSnapshot(), query, limit);
  }

  GraphStats Stats() {
    absl::StatusOr<GraphStats> stats = store_->NewSnapshot()->Stats();
    EXPECT_TRUE(stats.ok()) << stats.status();
    return stats.ok() ? *stats : GraphStats();
  }

  std::vector<std::string> Documents() {
    absl::StatusOr<std::vector<std::string>> docs =
        store_->NewSnapshot()->ListDocuments();
    EXPECT_TRUE(docs.ok()) << docs.status();
    return docs.ok() ? *docs : std::vector<std::string>();
  }

  uint64_t Degree(const std::string& key, Direction direction,
                  const std::string& type) {
    absl::StatusOr<uint64_t> degree =
        store_->NewSnapshot()->Degree(key, direction, type);
    EXPECT_TRUE(degree.ok()) << degree.status();
    return degree.ok() ? *degree : 0;
  }

  // The order of members matters: the store closes before the directory
  // is removed.
  test::TempDir dir_;
  std::unique_ptr<GraphStore> store_;
};

NodeQuery ByLabel(const std::string& label) {
  NodeQuery q;
  q.label = label;
  return q;
}

NodeQuery ByName(const std::string& name, bool prefix = false) {
  NodeQuery q;
  q.name = name;
  q.name_prefix = prefix;
  return q;
}

NodeQuery ByProp(const std::string& name, const kg::v1::Value& value) {
  NodeQuery q;
  q.property_name = name;
  q.property_value = value;
  return q;
}

EdgeQuery EdgesOf(const std::string& key,
                  Direction direction = Direction::kBoth,
                  std::vector<std::string> types = {}) {
  EdgeQuery q;
  q.node_key = key;
  q.direction = direction;
  q.types = std::move(types);
  return q;
}

// ---------------------------------------------------------------------------
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

// ---------------------------------------------------------------------------
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

// ---------------------------------------------------------------------------
// Atomicity.

TEST_F(GraphStoreTest, UnknownEdgeEndFailsWholeAndWritesNothing) {
  Commit(MakeDocument("doc:base", {MakeNode("state:DEU", "State", "Germany")}));
  DbDump before = Dump();
  GraphStats stats_before = Stats();

  // New label, new edge type, new property names, then a bad last edge.
  absl::StatusOr<kg::v1::CommitSummary> result = store_->CommitDocument(
      MakeDocument("doc:bad",
                   {MakeNode("topic:crsv", "Topic", "CRSV", {},
                             {{"weight", IntValue(1)}}),
                    MakeNode("state:DEU", "State", "Germany", {"Deutschland"}),
                    MakeNode("framework:a4p", "Framework", "A4P")},
                   {MakeEdge("framework:a4p", "ABOUT", "topic:crsv"),
                    MakeEdge("state:DEU", "SIGNED", "framework:a4p"),
                    MakeEdge("state:DEU", "SIGNED", "org:nowhere")}));
  ASSERT_EQ(result.status().code(), absl::StatusCode::kFailedPrecondition)
      << result.status();
  EXPECT_THAT(std::string(result.status().message()), HasSubstr("org:nowhere"));
  EXPECT_THAT(std::string(result.status().message()),
              HasSubstr("edges[2].dst_key"));
  EXPECT_TRUE(Dump() == before) << "a failed commit wrote";

  EXPECT_FALSE(Exists("topic:crsv"));
  EXPECT_FALSE(Exists("framework:a4p"));
  EXPECT_THAT(Get("state:DEU").aliases(), IsEmpty());
  GraphStats stats = Stats();
  EXPECT_EQ(stats.node_count, stats_before.node_count);
  EXPECT_EQ(stats.nodes_by_label, stats_before.nodes_by_label);
  EXPECT_THAT(Documents(), ElementsAre("doc:base"));
  EXPECT_THAT(NodeKeys(ByLabel("Topic")), IsEmpty());

  // The names the failed commit interned are forgotten: later commits that
  // use them store and read them right, also after a restart.
  Commit(MakeDocument("doc:good",
                      {MakeNode("framework:wps", "Framework", "WPS agenda", {},
                                {{"kind", StringValue("agenda")}})},
                      {MakeEdge("state:DEU", "SIGNED", "framework:wps")}));
  Reopen();
  EXPECT_EQ(Get("framework:wps").label(), "Framework");
  EXPECT_THAT(EdgeTriples(EdgesOf("state:DEU")),
              ElementsAre("state:DEU -SIGNED-> framework:wps"));
  EXPECT_THAT(NodeKeys(ByProp("kind", StringValue("agenda"))),
              ElementsAre("framework:wps"));
  EXPECT_TRUE(test::IsConsistent(db_path()));
}

TEST_F(GraphStoreTest, UnknownEdgeStartFailsNamingTheKey) {
  DbDump before = Dump();
  absl::StatusOr<kg::v1::CommitSummary> result = store_->CommitDocument(
      MakeDocument("doc:bad", {MakeNode("topic:crsv", "Topic", "CRSV")},
                   {MakeEdge("state:XXX", "ABOUT", "topic:crsv")}));
  ASSERT_EQ(result.status().code(), absl::StatusCode::kFailedPrecondition);
  EXPECT_THAT(std::string(result.status().message()), HasSubstr("state:XXX"));
  EXPECT_THAT(std::string(result.status().message()),
              HasSubstr("edges[0].src_key"));
  EXPECT_TRUE(Dump() == before);
}

TEST_F(GraphStoreTest, LabelConflictWithStoredNodeFailsWhole) {
  Commit(MakeDocument("doc:a", {MakeNode("state:KOR", "State", "Korea")}));
  DbDump before = Dump();
  // "Country" is not an ontology label, so any key prefix passes
  // validation; it conflicts with the stored label.
  absl::StatusOr<kg::v1::CommitSummary> result = store_->CommitDocument(
      MakeDocument("doc:b",
                   {MakeNode("topic:x", "Topic", "X"),
                    MakeNode("state:KOR", "Country", "Korea")},
                   {MakeEdge("state:KOR", "ABOUT", "topic:x")}));
  ASSERT_EQ(result.status().code(), absl::StatusCode::kFailedPrecondition)
      << result.status();
  EXPECT_THAT(std::string(result.status().message()),
              HasSubstr("nodes[1].label"));
  EXPECT_THAT(std::string(result.status().message()), HasSubstr("state:KOR"));
  EXPECT_THAT(std::string(result.status().message()), HasSubstr("State"));
  EXPECT_TRUE(Dump() == before);
  EXPECT_FALSE(Exists("topic:x"));
  EXPECT_EQ(Get("state:KOR").label(), "State");
  EXPECT_EQ(Stats().nodes_by_label.count("Country"), 0u);
  EXPECT_TRUE(test::IsConsistent(db_path()));
}

// ---------------------------------------------------------------------------
// Validation.

struct InvalidCase {
  std::string what;
  DocumentFacts facts;
  std::string field;
};

std::vector<InvalidCase> InvalidCases() {
  kg::v1::Node ok = MakeNode("state:DEU", "State", "Germany");
  auto with_prop = [&](const std::string& name, const kg::v1::Value& value) {
    kg::v1::Node node = ok;
    (*node.mutable_props())[name] = value;
    return node;
  };
  kg::v1::Source foreign = MakeSource(0, 1);
  foreign.set_document_key("doc:other");
  kg::v1::Source backwards = MakeSource(5, 1);
  kg::v1::Source too_sure = MakeSource(0, 1, "x", 1.5);
  kg::v1::Source bad_evidence = MakeSource(0, 1);
  bad_evidence.set_evidence("Germany\xff");
  return {
      {"bad node key",
       MakeDocument("doc:a", {ok, MakeNode("germany", "State", "Germany")}),
       "nodes[1].key"},
      {"empty node key", MakeDocument("doc:a", {MakeNode("", "State", "X")}),
       "nodes[0].key"},
      {"key with a space",
       MakeDocument("doc:a", {MakeNode("state:D EU", "State", "X")}),
       "nodes[0].key"},
      {"key prefix not the label's",
       MakeDocument("doc:a", {MakeNode("org:x", "State", "X")}),
       "nodes[0].key"},
      {"bad label",
       MakeDocument("doc:a", {MakeNode("state:DEU", "state", "Germany")}),
       "nodes[0].label"},
      {"bad edge type",
       MakeDocument("doc:a", {ok},
                    {MakeEdge("state:DEU", "member_of", "state:DEU")}),
       "edges[0].type"},
      {"bad edge end",
       MakeDocument("doc:a", {ok}, {MakeEdge("state:DEU", "MEMBER_OF", "x")}),
       "edges[0].dst_key"},
      {"source of another document",
       MakeDocument("doc:a", {MakeNode("state:DEU", "State", "Germany", {}, {},
                                       {foreign})}),
       "nodes[0].sources[0].document_key"},
      {"edge source of another document",
       MakeDocument("doc:a", {ok},
                    {MakeEdge("state:DEU", "MEMBER_OF", "state:DEU", {},
                              {MakeSource(0, 1), foreign})}),
       "edges[0].sources[1].document_key"},
      {"span backwards",
       MakeDocument("doc:a",
                    {MakeNode("state:DEU", "State", "G", {}, {}, {backwards})}),
       "nodes[0].sources[0].start"},
      {"confidence above 1",
       MakeDocument("doc:a",
                    {MakeNode("state:DEU", "State", "G", {}, {}, {too_sure})}),
       "nodes[0].sources[0].confidence"},
      {"bad property name",
       MakeDocument("doc:a", {with_prop("bad-name", IntValue(1))}),
       "nodes[0].props[bad-name]"},
      {"NaN", MakeDocument("doc:a", {with_prop("score", DoubleValue(NAN))}),
       "nodes[0].props[score]"},
      {"nested list",
       MakeDocument("doc:a",
                    {with_prop("tags", ListValue({ListValue({IntValue(1)})}))}),
       "nodes[0].props[tags][0]"},
      {"unset value", MakeDocument("doc:a", {with_prop("x", kg::v1::Value())}),
       "nodes[0].props[x]"},
      {"invalid date",
       MakeDocument("doc:a", {with_prop("since", DateValue(2019, 2, 29))}),
       "nodes[0].props[since]"},
      {"day without month",
       MakeDocument("doc:a", {with_prop("since", DateValue(2019, 0, 3))}),
       "nodes[0].props[since]"},
      {"control character in a name",
       MakeDocument("doc:a", {MakeNode("state:DEU", "State", "Ger\nmany")}),
       "nodes[0].name"},
      {"control character in an alias",
       MakeDocument("doc:a", {MakeNode("state:DEU", "State", "Germany",
                                       {"ok", "b\tad"})}),
       "nodes[0].aliases[1]"},
      {"one key with two labels",
       MakeDocument("doc:a", {ok, MakeNode("topic:x", "Topic", "X"),
                              MakeNode("state:DEU", "Country", "Germany")}),
       "nodes[2].label"},
      // Protocol Buffers refuse to parse invalid UTF-8 in a string field:
      // stored, it would make the record unreadable.
      {"invalid UTF-8 in a name",
       MakeDocument("doc:a", {MakeNode("state:DEU", "State", "Ger\xffmany")}),
       "nodes[0].name"},
      {"invalid UTF-8 in an alias",
       MakeDocument("doc:a",
                    {MakeNode("state:DEU", "State", "Germany", {"\xc0\x80"})}),
       "nodes[0].aliases[0]"},
      {"invalid UTF-8 in a key",
       MakeDocument("doc:a", {MakeNode("state:D\xe9U", "State", "Germany")}),
       "nodes[0].key"},
      {"invalid UTF-8 in a string value",
       MakeDocument("doc:a", {with_prop("kind", StringValue("a\xff"))}),
       "nodes[0].props[kind]"},
      {"invalid UTF-8 in a list value",
       MakeDocument(
           "doc:a",
           {with_prop("tags", ListValue({StringValue("ok"),
                                         StringValue("\xed\xa0\x80")}))}),
       "nodes[0].props[tags][1]"},
      {"invalid UTF-8 in an extractor",
       MakeDocument("doc:a", {MakeNode("state:DEU", "State", "G", {}, {},
                                       {MakeSource(0, 1, "n\xe2r")})}),
       "nodes[0].sources[0].extractor"},
      {"invalid UTF-8 in evidence",
       MakeDocument("doc:a", {MakeNode("state:DEU", "State", "G", {}, {},
                                       {bad_evidence})}),
       "nodes[0].sources[0].evidence"},
      {"bad document key", MakeDocument("state:DEU", {ok}), "document_key"},
      {"empty document key", MakeDocument("", {ok}), "document_key"},
  };
}

TEST_F(GraphStoreTest, AcceptsAnyValidUtf8) {
  kg::v1::Source evidence = MakeSource(0, 9, "ner");
  evidence.set_evidence("line one\nline two — “quoted”");
  Commit(MakeDocument(
      "doc:a",
      {MakeNode("state:CIV", "State", "Côte d’Ivoire",
                {"Кот-д’Ивуар", "科特迪瓦", "😀"},
                {{"motto", StringValue("Union – Discipline – Travail")},
                 {"max", StringValue("\xf4\x8f\xbf\xbf")}},
                {evidence})}));
  kg::v1::Node civ = Get("state:CIV");
  EXPECT_EQ(civ.name(), "Côte d’Ivoire");
  EXPECT_THAT(civ.aliases(), ElementsAre("Кот-д’Ивуар", "科特迪瓦", "😀"));
  EXPECT_EQ(civ.sources(0).evidence(), "line one\nline two — “quoted”");
  EXPECT_THAT(NodeKeys(ByName("科特迪瓦")), ElementsAre("state:CIV"));
  EXPECT_THAT(NodeKeys(ByProp("max", StringValue("\xf4\x8f\xbf\xbf"))),
              ElementsAre("state:CIV"));
  EXPECT_TRUE(test::IsConsistent(db_path()));
}

TEST_F(GraphStoreTest, ValidationErrorsNameTheFieldAndWriteNothing) {
  Commit(MakeDocument("doc:base", {MakeNode("state:FRA", "State", "France")}));
  DbDump before = Dump();
  for (const InvalidCase& c : InvalidCases()) {
    absl::StatusOr<kg::v1::CommitSummary> result =
        store_->CommitDocument(c.facts);
    EXPECT_EQ(result.status().code(), absl::StatusCode::kInvalidArgument)
        << c.what << ": " << result.status();
    EXPECT_THAT(std::string(result.status().message()),
                testing::StartsWith(c.field + ":"))
        << c.what;
  }
  EXPECT_TRUE(Dump() == before);
}

// ---------------------------------------------------------------------------
// Persistence.

TEST_F(GraphStoreTest, ReopeningSeesEverything) {
  Commit(MakeDocument(
      "doc:a",
      {MakeNode("state:SSD", "State", "South Sudan", {"SSD"},
                {{"m49", IntValue(728)}, {"joined", DateValue(2011, 7, 14)}}),
       MakeNode("mission:UNMISS", "Mission", "UNMISS", {},
                {{"start_year", IntValue(2011)}})},
      {MakeEdge("mission:UNMISS", "DEPLOYED_IN", "state:SSD")}));
  Commit(MakeDocument("doc:b", {MakeNode("place:abyei", "Place", "Abyei")},
                      {MakeEdge("place:abyei", "PART_OF", "state:SSD")}));
  auto capture = [&] {
    std::vector<std::string> out;
    auto snapshot = store_->NewSnapshot();
    for (const std::string& key : NodeKeys(*snapshot, NodeQuery())) {
      out.push_back(snapshot->GetNode(key)->DebugString());
    }
    absl::StatusOr<EdgePage> edges = snapshot->ListEdges(EdgesOf(""), "", 100);
    for (const kg::v1::Edge& edge : edges->edges) {
      out.push_back(edge.DebugString());
    }
    GraphStats stats = *snapshot->Stats();
    out.push_back(absl::StrCat(stats.node_count, " ", stats.edge_count, " ",
                               stats.document_count));
    for (const auto& [label, n] : stats.nodes_by_label) {
      out.push_back(absl::StrCat(label, "=", n));
    }
    for (const auto& [type, n] : stats.edges_by_type) {
      out.push_back(absl::StrCat(type, "=", n));
    }
    return out;
  };
  std::vector<std::string> before = capture();
  uint64_t ssd_id = Get("state:SSD").id();
  Reopen();
  EXPECT_EQ(capture(), before);
  EXPECT_THAT(NodeKeys(ByProp("m49", IntValue(728))), ElementsAre("state:SSD"));
  EXPECT_THAT(NodeKeys(ByName("ssd")), ElementsAre("state:SSD"));
  EXPECT_EQ(Degree("state:SSD", Direction::kIn, "DEPLOYED_IN"), 1u);
  EXPECT_THAT(Documents(), ElementsAre("doc:a", "doc:b"));

  // Ids continue after the persisted counters; the dictionary is reloaded.
  Commit(MakeDocument("doc:c", {MakeNode("state:SDN", "State", "Sudan")},
                      {MakeEdge("state:SDN", "PART_OF", "state:SSD")}));
  EXPECT_NE(Get("state:SDN").id(), ssd_id);
  std::set<uint64_t> ids;
  for (const std::string& key : NodeKeys(NodeQuery()))
    ids.insert(Get(key).id());
  EXPECT_EQ(ids.size(), 4u);
  EXPECT_EQ(Stats().edges_by_type.at("PART_OF"), 2u);
  store_.reset();
  EXPECT_TRUE(test::IsConsistent(db_path()));
}

TEST_F(GraphStoreTest, OpenFailsCleanly) {
  // A second instance on the same directory is refused while one is open.
  absl::StatusOr<std::unique_ptr<GraphStore>> second =
      GraphStore::Open(db_path());
  EXPECT_FALSE(second.ok());
  // No database and create_if_missing off.
  StoreOptions options;
  options.create_if_missing = false;
  EXPECT_FALSE(GraphStore::Open(dir_.Sub("absent"), options).ok());
}

// ---------------------------------------------------------------------------
// Snapshot isolation.

TEST_F(GraphStoreTest, SnapshotSeesOneMomentOnly) {
  Commit(MakeDocument("doc:a", {MakeNode("state:DEU", "State", "Germany")}));
  std::unique_ptr<Snapshot> before = store_->NewSnapshot();
  Commit(MakeDocument("doc:b", {MakeNode("state:FRA", "State", "France")},
                      {MakeEdge("state:FRA", "MEMBER_OF", "state:DEU")}));
  std::unique_ptr<Snapshot> after = store_->NewSnapshot();

  EXPECT_EQ(before->GetNode("state:FRA").status().code(),
            absl::StatusCode::kNotFound);
  EXPECT_TRUE(after->GetNode("state:FRA").ok());
  EXPECT_EQ(before->Stats()->node_count, 1u);
  EXPECT_EQ(after->Stats()->node_count, 2u);
  EXPECT_THAT(EdgeTriples(*before, EdgesOf("state:DEU")), IsEmpty());
  EXPECT_THAT(EdgeTriples(*after, EdgesOf("state:DEU")),
              ElementsAre("state:FRA -MEMBER_OF-> state:DEU"));
  EXPECT_EQ(*before->Degree("state:DEU", Direction::kIn, "MEMBER_OF"), 0u);
  EXPECT_THAT(*before->ListDocuments(), ElementsAre("doc:a"));

  // Later writes do not reach `after` either.
  Remove("doc:b");
  Commit(
      MakeDocument("doc:a", {MakeNode("state:DEU", "State", "Deutschland")}));
  EXPECT_TRUE(after->GetNode("state:FRA").ok());
  EXPECT_EQ(after->GetNode("state:DEU")->name(), "Germany");
  EXPECT_THAT(NodeKeys(*after, ByName("germany")), ElementsAre("state:DEU"));
  EXPECT_EQ(*after->Degree("state:DEU", Direction::kIn, "MEMBER_OF"), 1u);
  EXPECT_THAT(*after->ListDocuments(), ElementsAre("doc:a", "doc:b"));
  EXPECT_EQ(Get("state:DEU").name(), "Deutschland");
  EXPECT_FALSE(Exists("state:FRA"));
}

TEST_F(GraphStoreTest, LongScanOverSnapshotIgnoresConcurrentCommits) {
  constexpr int kNodes = 300;
  std::vector<kg::v1::Node> nodes;
  std::vector<kg::v1::Edge> edges;
  for (int i = 0; i < kNodes; ++i) {
    nodes.push_back(MakeNode(absl::StrCat("topic:t", 1000 + i), "Topic",
                             absl::StrCat("Topic ", i), {},
                             {{"n", IntValue(i % 7)}}));
    if (i > 0) {
      edges.push_back(MakeEdge(absl::StrCat("topic:t", 1000 + i), "PART_OF",
                               "topic:t1000"));
    }
  }
  Commit(MakeDocument("doc:base", nodes, edges));

  std::unique_ptr<Snapshot> snapshot = store_->NewSnapshot();
  std::vector<std::string> all_nodes = NodeKeys(*snapshot, NodeQuery());
  std::vector<std::string> by_prop =
      NodeKeys(*snapshot, ByProp("n", IntValue(3)));
  std::vector<std::string> by_name =
      NodeKeys(*snapshot, ByName("topic 1", true));
  std::vector<std::string> hub_edges =
      EdgeTriples(*snapshot, EdgesOf("topic:t1000"));
  ASSERT_EQ(all_nodes.size(), static_cast<size_t>(kNodes));
  ASSERT_EQ(hub_edges.size(), static_cast<size_t>(kNodes - 1));

  // A writer replaces doc:base with ever fewer facts, renames, adds nodes
  // and edges, while the scans page through the old snapshot.
  std::atomic<bool> stop = false;
  std::atomic<int> commits = 0;
  std::thread writer([&] {
    for (int round = 0; !stop && round < 1000; ++round) {
      size_t keep = kNodes - (round * 13) % kNodes;
      std::vector<kg::v1::Node> some(nodes.begin(), nodes.begin() + keep);
      for (kg::v1::Node& node : some) {
        node.set_name(absl::StrCat(node.name(), " r", round));
        (*node.mutable_props())["n"] = IntValue(round);
      }
      std::vector<kg::v1::Edge> some_edges(edges.begin(),
                                           edges.begin() + (keep - 1));
      absl::StatusOr<kg::v1::CommitSummary> s =
          store_->CommitDocument(MakeDocument("doc:base", some, some_edges));
      ASSERT_TRUE(s.ok()) << s.status();
      s = store_->CommitDocument(MakeDocument(
          absl::StrCat("doc:extra", round % 5),
          {MakeNode(absl::StrCat("topic:x", round), "Topic", "Topic 1 extra")},
          {MakeEdge(absl::StrCat("topic:x", round), "ABOUT", "topic:t1000")}));
      ASSERT_TRUE(s.ok()) << s.status();
      commits += 2;
    }
  });
  // Keep scanning, small pages, until the writer has done real work.
  int passes = 0;
  while (passes < 3 || (commits < 40 && passes < 200)) {
    size_t limit = 1 + passes % 3;
    EXPECT_EQ(NodeKeys(*snapshot, NodeQuery(), limit), all_nodes);
    EXPECT_EQ(NodeKeys(*snapshot, ByProp("n", IntValue(3)), limit), by_prop);
    EXPECT_EQ(NodeKeys(*snapshot, ByName("topic 1", true), limit), by_name);
    EXPECT_EQ(EdgeTriples(*snapshot, EdgesOf("topic:t1000"), limit), hub_edges);
    EXPECT_EQ(snapshot->Stats()->node_count, static_cast<uint64_t>(kNodes));
    ++passes;
  }
  stop = true;
  writer.join();
  EXPECT_GE(commits, 2);
  snapshot.reset();
  EXPECT_TRUE(test::IsConsistent(db_path()));
}

// ---------------------------------------------------------------------------
// ListNodes.

class ListNodesTest : public GraphStoreTest {
 protected:
  void SetUp() override {
    GraphStoreTest::SetUp();
    Commit(MakeDocument(
        "doc:ref",
        {MakeNode("state:CIV", "State", "Côte d'Ivoire", {"Ivory Coast"},
                  {{"m49", IntValue(384)}, {"un_member", BoolValue(true)}}),
         MakeNode("state:TUR", "State", "Türkiye", {"Turkey"},
                  {{"m49", IntValue(792)}, {"un_member", BoolValue(true)}}),
         MakeNode("state:STP", "State", "São Tomé and Príncipe", {},
                  {{"m49", IntValue(678)}, {"un_member", BoolValue(true)}}),
         MakeNode("state:PSE", "State", "State of Palestine", {"Palestine"},
                  {{"un_member", BoolValue(false)}}),
         MakeNode("mission:UNMISS", "Mission",
                  "United Nations Mission in South Sudan",
                  {"United Nations Mission in the Republic of South Sudan",
                   "UNMISS", "united  nations mission in south sudan"},
                  {{"start_year", IntValue(2011)},
                   {"start", DateValue(2011, 7, 9)}}),
         MakeNode("mission:UNMIL", "Mission",
                  "United Nations Mission in Liberia", {"UNMIL"},
                  {{"start_year", IntValue(2003)},
                   {"end_year", IntValue(2018)},
                   {"score", DoubleValue(-0.5)},
                   {"tags", ListValue({StringValue("closed")})}}),
         MakeNode("unbody:un-women", "UNBody", "UN Women", {"UN-Women"},
                  {{"kind", StringValue("entity")}}),
         MakeNode("org:united-nations", "Organization", "United Nations",
                  {"UN"})}));
  }

  // Every page size gives the same matches, each exactly once.
  void ExpectPaginates(const NodeQuery& query) {
    std::vector<std::string> all = NodeKeys(query);
    for (size_t limit : {1, 2, 3}) {
      EXPECT_EQ(NodeKeys(query, limit), all) << "limit " << limit;
    }
  }
};

TEST_F(ListNodesTest, NoFilterListsEveryNode) {
  EXPECT_THAT(
      NodeKeys(NodeQuery()),
      UnorderedElementsAre("state:CIV", "state:TUR", "state:STP", "state:PSE",
                           "mission:UNMISS", "mission:UNMIL", "unbody:un-women",
                           "org:united-nations"));
  ExpectPaginates(NodeQuery());
}

TEST_F(ListNodesTest, ByLabel) {
  EXPECT_THAT(
      NodeKeys(ByLabel("State")),
      UnorderedElementsAre("state:CIV", "state:TUR", "state:STP", "state:PSE"));
  EXPECT_THAT(NodeKeys(ByLabel("Mission")),
              UnorderedElementsAre("mission:UNMISS", "mission:UNMIL"));
  EXPECT_THAT(NodeKeys(ByLabel("Person")), IsEmpty());  // Unknown label.
  EXPECT_THAT(NodeKeys(ByLabel("state")), IsEmpty());
  ExpectPaginates(ByLabel("State"));
}

TEST_F(ListNodesTest, ByExactNameIgnoringCaseDiacriticsAndSpace) {
  EXPECT_THAT(NodeKeys(ByName("cote d'ivoire")), ElementsAre("state:CIV"));
  EXPECT_THAT(NodeKeys(ByName("CÔTE D’IVOIRE")), ElementsAre("state:CIV"));
  EXPECT_THAT(NodeKeys(ByName("ivory coast")), ElementsAre("state:CIV"));
  EXPECT_THAT(NodeKeys(ByName("turkiye")), ElementsAre("state:TUR"));
  EXPECT_THAT(NodeKeys(ByName("Turkey")), ElementsAre("state:TUR"));
  EXPECT_THAT(NodeKeys(ByName("  sao tome   and principe ")),
              ElementsAre("state:STP"));
  EXPECT_THAT(NodeKeys(ByName("unmiss")), ElementsAre("mission:UNMISS"));
  EXPECT_THAT(NodeKeys(ByName("un")), ElementsAre("org:united-nations"));
  // Exact means exact: a prefix of a name is not a match.
  EXPECT_THAT(NodeKeys(ByName("united nations mission")), IsEmpty());
  EXPECT_THAT(NodeKeys(ByName("cote")), IsEmpty());
  EXPECT_THAT(NodeKeys(ByName("nowhere")), IsEmpty());
}

TEST_F(ListNodesTest, ByNamePrefixFindsEachNodeOnce) {
  // UNMISS matches through its name and two aliases (one a duplicate after
  // normalization), yet comes once.
  EXPECT_THAT(NodeKeys(ByName("united nations mission", true)),
              UnorderedElementsAre("mission:UNMISS", "mission:UNMIL"));
  EXPECT_THAT(NodeKeys(ByName("UNITED NATIONS", true)),
              UnorderedElementsAre("mission:UNMISS", "mission:UNMIL",
                                   "org:united-nations"));
  EXPECT_THAT(NodeKeys(ByName("un", true)),
              UnorderedElementsAre("mission:UNMISS", "mission:UNMIL",
                                   "org:united-nations", "unbody:un-women"));
  EXPECT_THAT(NodeKeys(ByName("côte", true)), ElementsAre("state:CIV"));
  EXPECT_THAT(NodeKeys(ByName("s", true)),
              UnorderedElementsAre("state:STP", "state:PSE"));
  EXPECT_THAT(NodeKeys(ByName("zz", true)), IsEmpty());
  ExpectPaginates(ByName("un", true));
  ExpectPaginates(ByName("united nations mission", true));
  // With a label filter too.
  NodeQuery q = ByName("un", true);
  q.label = "Mission";
  EXPECT_THAT(NodeKeys(q),
              UnorderedElementsAre("mission:UNMISS", "mission:UNMIL"));
  ExpectPaginates(q);
}

TEST_F(ListNodesTest, ByPropertyEquality) {
  EXPECT_THAT(NodeKeys(ByProp("m49", IntValue(384))), ElementsAre("state:CIV"));
  EXPECT_THAT(NodeKeys(ByProp("un_member", BoolValue(true))),
              UnorderedElementsAre("state:CIV", "state:TUR", "state:STP"));
  EXPECT_THAT(NodeKeys(ByProp("un_member", BoolValue(false))),
              ElementsAre("state:PSE"));
  EXPECT_THAT(NodeKeys(ByProp("kind", StringValue("entity"))),
              ElementsAre("unbody:un-women"));
  EXPECT_THAT(NodeKeys(ByProp("start", DateValue(2011, 7, 9))),
              ElementsAre("mission:UNMISS"));
  EXPECT_THAT(NodeKeys(ByProp("start", DateValue(2011, 7))), IsEmpty());
  EXPECT_THAT(NodeKeys(ByProp("score", DoubleValue(-0.5))),
              ElementsAre("mission:UNMIL"));
  // Type matters: 2011 as a string or a double is another value.
  EXPECT_THAT(NodeKeys(ByProp("start_year", StringValue("2011"))), IsEmpty());
  EXPECT_THAT(NodeKeys(ByProp("start_year", DoubleValue(2011))), IsEmpty());
  EXPECT_THAT(NodeKeys(ByProp("nonexistent", IntValue(1))), IsEmpty());
  ExpectPaginates(ByProp("un_member", BoolValue(true)));
  // Combined with a label.
  NodeQuery q = ByProp("un_member", BoolValue(true));
  q.label = "Mission";
  EXPECT_THAT(NodeKeys(q), IsEmpty());

  auto snapshot = store_->NewSnapshot();
  EXPECT_EQ(snapshot
                ->ListNodes(ByProp("tags", ListValue({StringValue("closed")})),
                            "", 10)
                .status()
                .code(),
            absl::StatusCode::kInvalidArgument);
  NodeQuery no_value;
  no_value.property_name = "m49";
  EXPECT_EQ(snapshot->ListNodes(no_value, "", 10).status().code(),
            absl::StatusCode::kInvalidArgument);
  // List properties are not indexed but are returned.
  EXPECT_EQ(snapshot->GetNode("mission:UNMIL")
                ->props()
                .at("tags")
                .list_value()
                .values(0)
                .string_value(),
            "closed");
}

TEST_F(ListNodesTest, GetNodeOfUnknownKeyIsNotFound) {
  absl::StatusOr<kg::v1::Node> node =
      store_->NewSnapshot()->GetNode("state:XXX");
  EXPECT_EQ(node.status().code(), absl::StatusCode::kNotFound);
  EXPECT_THAT(std::string(node.status().message()), HasSubstr("state:XXX"));
}

// ---------------------------------------------------------------------------
// ListEdges, Degree, Stats, ListDocuments.

class EdgesTest : public GraphStoreTest {
 protected:
  void SetUp() override {
    GraphStoreTest::SetUp();
    Commit(MakeDocument(
        "doc:g",
        {MakeNode("state:DEU", "State", "Germany"),
         MakeNode("state:FRA", "State", "France"),
         MakeNode("state:ITA", "State", "Italy"),
         MakeNode("network:fpn", "Network", "FPN"),
         MakeNode("event:berlin", "Event", "Berlin Ministerial"),
         MakeNode("framework:a4p", "Framework", "A4P")},
        {MakeEdge("state:DEU", "MEMBER_OF", "network:fpn"),
         MakeEdge("state:FRA", "MEMBER_OF", "network:fpn"),
         MakeEdge("state:ITA", "MEMBER_OF", "network:fpn"),
         MakeEdge("state:DEU", "CHAIRS", "network:fpn"),
         MakeEdge("state:DEU", "HOSTED", "event:berlin"),
         MakeEdge("state:DEU", "SIGNED", "framework:a4p"),
         MakeEdge("state:FRA", "SIGNED", "framework:a4p"),
         MakeEdge("event:berlin", "UNDER", "framework:a4p"),
         MakeEdge("state:FRA", "PARTICIPATED_IN", "event:berlin"),
         MakeEdge("state:DEU", "PART_OF", "state:DEU")}));  // A self loop.
  }

  void ExpectPaginates(const EdgeQuery& query) {
    std::vector<std::string> all = EdgeTriples(query);
    for (size_t limit : {1, 2, 3}) {
      EXPECT_EQ(EdgeTriples(query, limit), all) << "limit " << limit;
    }
  }
};

TEST_F(EdgesTest, ByDirection) {
  EXPECT_THAT(EdgeTriples(EdgesOf("state:DEU", Direction::kOut)),
              UnorderedElementsAre("state:DEU -MEMBER_OF-> network:fpn",
                                   "state:DEU -CHAIRS-> network:fpn",
                                   "state:DEU -HOSTED-> event:berlin",
                                   "state:DEU -SIGNED-> framework:a4p",
                                   "state:DEU -PART_OF-> state:DEU"));
  EXPECT_THAT(EdgeTriples(EdgesOf("state:DEU", Direction::kIn)),
              ElementsAre("state:DEU -PART_OF-> state:DEU"));
  EXPECT_EQ(EdgeTriples(EdgesOf("state:DEU", Direction::kBoth)).size(), 6u);
  EXPECT_THAT(EdgeTriples(EdgesOf("network:fpn", Direction::kOut)), IsEmpty());
  EXPECT_THAT(
      EdgeTriples(EdgesOf("event:berlin")),
      UnorderedElementsAre("state:DEU -HOSTED-> event:berlin",
                           "event:berlin -UNDER-> framework:a4p",
                           "state:FRA -PARTICIPATED_IN-> event:berlin"));
  // Ordered by direction (out first), then type, then other end.
  EXPECT_EQ(EdgeTriples(EdgesOf("event:berlin"))[0],
            "event:berlin -UNDER-> framework:a4p");
  EXPECT_EQ(EdgeTriples(EdgesOf("network:fpn", Direction::kIn, {"MEMBER_OF"})),
            (std::vector<std::string>{"state:DEU -MEMBER_OF-> network:fpn",
                                      "state:FRA -MEMBER_OF-> network:fpn",
                                      "state:ITA -MEMBER_OF-> network:fpn"}));
  for (Direction d : {Direction::kOut, Direction::kIn, Direction::kBoth}) {
    ExpectPaginates(EdgesOf("state:DEU", d));
    ExpectPaginates(EdgesOf("network:fpn", d));
  }
}

TEST_F(EdgesTest, ByTypes) {
  EXPECT_THAT(EdgeTriples(EdgesOf("network:fpn", Direction::kIn, {"CHAIRS"})),
              ElementsAre("state:DEU -CHAIRS-> network:fpn"));
  EXPECT_THAT(EdgeTriples(EdgesOf("state:DEU", Direction::kBoth,
                                  {"SIGNED", "HOSTED", "SIGNED", "PART_OF"})),
              UnorderedElementsAre("state:DEU -SIGNED-> framework:a4p",
                                   "state:DEU -HOSTED-> event:berlin",
                                   "state:DEU -PART_OF-> state:DEU",
                                   "state:DEU -PART_OF-> state:DEU"));
  // Unknown types match nothing; with known ones they are ignored.
  EXPECT_THAT(EdgeTriples(EdgesOf("state:DEU", Direction::kBoth, {"NOPE"})),
              IsEmpty());
  EXPECT_THAT(
      EdgeTriples(EdgesOf("state:DEU", Direction::kOut, {"NOPE", "CHAIRS"})),
      ElementsAre("state:DEU -CHAIRS-> network:fpn"));
  ExpectPaginates(EdgesOf("state:DEU", Direction::kBoth,
                          {"SIGNED", "HOSTED", "PART_OF", "MEMBER_OF"}));
  ExpectPaginates(
      EdgesOf("network:fpn", Direction::kIn, {"MEMBER_OF", "CHAIRS"}));
}

TEST_F(EdgesTest, CursorResumesAfterTheLastEdge) {
  auto snapshot = store_->NewSnapshot();
  EdgeQuery q = EdgesOf("state:DEU", Direction::kBoth);
  absl::StatusOr<EdgePage> first = snapshot->ListEdges(q, "", 2);
  ASSERT_TRUE(first.ok());
  ASSERT_EQ(first->edges.size(), 2u);
  ASSERT_FALSE(first->next_cursor.empty());
  absl::StatusOr<EdgePage> rest =
      snapshot->ListEdges(q, first->next_cursor, 10);
  ASSERT_TRUE(rest.ok());
  EXPECT_EQ(rest->edges.size(), 4u);
  EXPECT_TRUE(rest->next_cursor.empty());
  for (const kg::v1::Edge& e : rest->edges) {
    EXPECT_NE(Triple(e), Triple(first->edges[0]));
    EXPECT_NE(Triple(e), Triple(first->edges[1]));
  }
  // A page that ends exactly at the last edge says so.
  absl::StatusOr<EdgePage> exact = snapshot->ListEdges(q, "", 6);
  ASSERT_TRUE(exact.ok());
  EXPECT_EQ(exact->edges.size(), 6u);
  EXPECT_TRUE(exact->next_cursor.empty());
}

TEST_F(EdgesTest, AllEdgesOfTheGraph) {
  EXPECT_EQ(EdgeTriples(EdgesOf("")).size(), 10u);
  EXPECT_THAT(EdgeTriples(EdgesOf("", Direction::kBoth, {"SIGNED"})),
              UnorderedElementsAre("state:DEU -SIGNED-> framework:a4p",
                                   "state:FRA -SIGNED-> framework:a4p"));
  EXPECT_THAT(EdgeTriples(EdgesOf("", Direction::kBoth, {"NOPE"})), IsEmpty());
  ExpectPaginates(EdgesOf(""));
  ExpectPaginates(EdgesOf("", Direction::kBoth, {"MEMBER_OF", "UNDER"}));
}

TEST_F(EdgesTest, UnknownNodeIsNotFound) {
  auto snapshot = store_->NewSnapshot();
  EXPECT_EQ(snapshot->ListEdges(EdgesOf("state:XXX"), "", 10).status().code(),
            absl::StatusCode::kNotFound);
  EXPECT_EQ(snapshot->Degree("state:XXX", Direction::kOut, "MEMBER_OF")
                .status()
                .code(),
            absl::StatusCode::kNotFound);
}

TEST_F(EdgesTest, DegreeCountsEdgesFromCounters) {
  EXPECT_EQ(Degree("network:fpn", Direction::kIn, "MEMBER_OF"), 3u);
  EXPECT_EQ(Degree("network:fpn", Direction::kOut, "MEMBER_OF"), 0u);
  EXPECT_EQ(Degree("network:fpn", Direction::kBoth, "MEMBER_OF"), 3u);
  EXPECT_EQ(Degree("state:DEU", Direction::kOut, "MEMBER_OF"), 1u);
  EXPECT_EQ(Degree("state:DEU", Direction::kBoth, "PART_OF"), 2u);  // Loop.
  EXPECT_EQ(Degree("state:DEU", Direction::kOut, "NOPE"), 0u);
  Commit(MakeDocument("doc:g2", {},
                      {MakeEdge("state:DEU", "MEMBER_OF", "network:fpn"),
                       MakeEdge("framework:a4p", "MEMBER_OF", "network:fpn")}));
  EXPECT_EQ(Degree("network:fpn", Direction::kIn, "MEMBER_OF"), 4u);
  Remove("doc:g");
  EXPECT_EQ(Degree("network:fpn", Direction::kIn, "MEMBER_OF"), 2u);
  EXPECT_EQ(Degree("state:DEU", Direction::kBoth, "PART_OF"), 0u);
  EXPECT_TRUE(test::IsConsistent(db_path()));
}

TEST_F(EdgesTest, StatsCountByLabelAndType) {
  GraphStats stats = Stats();
  EXPECT_EQ(stats.node_count, 6u);
  EXPECT_EQ(stats.edge_count, 10u);
  EXPECT_EQ(stats.document_count, 1u);
  EXPECT_EQ(stats.nodes_by_label,
            (std::map<std::string, uint64_t>{
                {"Event", 1}, {"Framework", 1}, {"Network", 1}, {"State", 3}}));
  EXPECT_EQ(stats.edges_by_type,
            (std::map<std::string, uint64_t>{{"CHAIRS", 1},
                                             {"HOSTED", 1},
                                             {"MEMBER_OF", 3},
                                             {"PARTICIPATED_IN", 1},
                                             {"PART_OF", 1},
                                             {"SIGNED", 2},
                                             {"UNDER", 1}}));
}

TEST_F(GraphStoreTest, ListDocumentsInKeyOrder) {
  for (const char* key : {"doc:b", "doc:a-b", "doc:a", "doc:ab", "doc:a.b"}) {
    Commit(MakeDocument(key, {MakeNode("topic:t", "Topic", "T")}));
  }
  EXPECT_THAT(Documents(),
              ElementsAre("doc:a", "doc:a-b", "doc:a.b", "doc:ab", "doc:b"));
  EXPECT_EQ(Stats().document_count, 5u);
  Remove("doc:a");
  Remove("doc:ab");
  EXPECT_THAT(Documents(), ElementsAre("doc:a-b", "doc:a.b", "doc:b"));
  EXPECT_THAT(SourceDocuments(Get("topic:t").sources()),
              ElementsAre("doc:a-b", "doc:a.b", "doc:b"));
  EXPECT_TRUE(test::IsConsistent(db_path()));
}

}  // namespace
}  // namespace kg::graph
