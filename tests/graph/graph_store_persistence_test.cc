// GraphStore across reopening, and snapshots that see one moment only
// while commits go on.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <atomic>
#include <cstdint>
#include <memory>
#include <set>
#include <string>
#include <thread>
#include <vector>

#include "graph_store_fixture.h"

namespace kg::graph::test {
namespace {

using ::testing::ElementsAre;
using ::testing::IsEmpty;

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

}  // namespace
}  // namespace kg::graph::test
