// GraphStore::NewBulkLoader: a bulk load leaves the database consistent and
// reads the same as committing the same facts as one document, and bad
// input fails whole without writing facts.
#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <map>
#include <memory>
#include <set>
#include <string>
#include <tuple>
#include <vector>

#include "absl/strings/str_cat.h"
#include "kg/graph/graph_store.h"
#include "kg/graph/snapshot.h"
#include "test_util.h"

namespace kg::graph::test {
namespace {

constexpr int kNodes = 60;

std::string KeyOf(int i) {
  return i % 3 == 0 ? absl::StrCat("state:s", i) : absl::StrCat("org:o", i);
}

DocumentFacts Facts() {
  DocumentFacts facts;
  facts.document_key = "doc:bulk";
  for (int i = 0; i < kNodes; ++i) {
    std::map<std::string, kg::v1::Value> props;
    if (i % 2 == 0) props["founded"] = DateValue(1900 + i);
    facts.nodes.push_back(
        MakeNode(KeyOf(i), i % 3 == 0 ? "State" : "Organization",
                 absl::StrCat("Name ", i), {absl::StrCat("Alias", i)}, props,
                 {MakeSource(i, i + 5)}));
  }
  std::set<std::tuple<int, std::string, int>> triples;
  for (int i = 0; i < kNodes; ++i) {
    for (int step : {1, 7, 13}) {
      triples.emplace(i, step == 7 ? "PLEDGED" : "MEMBER_OF",
                      (i * step + 3) % kNodes);
    }
  }
  for (const auto& [src, type, dst] : triples) {
    facts.edges.push_back(MakeEdge(KeyOf(src), type, KeyOf(dst)));
  }
  // Edges with sources and properties besides the bare ones.
  kg::v1::Edge sourced = MakeEdge(KeyOf(1), "FUNDS", KeyOf(2));
  *sourced.add_sources() = MakeSource(3, 9);
  (*sourced.mutable_props())["amount"].set_int_value(5);
  facts.edges.push_back(sourced);
  // A hub: everything points at node 0.
  for (int i = 1; i < kNodes; ++i) {
    facts.edges.push_back(MakeEdge(KeyOf(i), "MENTIONS", KeyOf(0)));
  }
  return facts;
}

std::unique_ptr<GraphStore> OpenStore(const std::string& path) {
  StoreOptions options;
  options.sync_writes = false;
  absl::StatusOr<std::unique_ptr<GraphStore>> store =
      GraphStore::Open(path, options);
  EXPECT_TRUE(store.ok()) << store.status();
  return store.ok() ? *std::move(store) : nullptr;
}

// With `by_id`, edges without properties or sources name their ends by the
// ids AddNode returned.
absl::StatusOr<kg::v1::CommitSummary> BulkLoad(GraphStore& store,
                                               const DocumentFacts& facts,
                                               bool by_id = false) {
  absl::StatusOr<std::unique_ptr<BulkLoader>> loader =
      store.NewBulkLoader(facts.document_key);
  if (!loader.ok()) return loader.status();
  std::map<std::string, uint64_t> ids;
  for (const kg::v1::Node& node : facts.nodes) {
    absl::StatusOr<uint64_t> id = (*loader)->AddNode(node);
    if (!id.ok()) return id.status();
    ids[node.key()] = *id;
  }
  for (const kg::v1::Edge& edge : facts.edges) {
    absl::Status s =
        by_id && edge.props().empty() && edge.sources().empty()
            ? (*loader)->AddEdgeBetween(ids.at(edge.src_key()), edge.type(),
                                        ids.at(edge.dst_key()))
            : (*loader)->AddEdge(edge);
    if (!s.ok()) return s;
  }
  return (*loader)->Finish();
}

// Every read a client makes of every node, as text.
std::vector<std::string> Reads(GraphStore& store) {
  std::vector<std::string> out;
  std::unique_ptr<Snapshot> snapshot = store.NewSnapshot();
  for (int i = 0; i < kNodes; ++i) {
    absl::StatusOr<kg::v1::Node> node = snapshot->GetNode(KeyOf(i));
    EXPECT_TRUE(node.ok()) << node.status();
    if (!node.ok()) continue;
    absl::StatusOr<std::string> key = snapshot->NodeKey(node->id());
    EXPECT_TRUE(key.ok()) << key.status();
    if (key.ok()) EXPECT_EQ(*key, KeyOf(i));
    node->clear_id();
    out.push_back(node->ShortDebugString());
    EdgeQuery query;
    query.node_key = KeyOf(i);
    absl::StatusOr<EdgePage> edges = snapshot->ListEdges(query, "", 1000);
    EXPECT_TRUE(edges.ok()) << edges.status();
    if (!edges.ok()) continue;
    for (kg::v1::Edge& edge : edges->edges) {
      edge.clear_id();
      out.push_back(edge.ShortDebugString());
    }
    absl::StatusOr<std::vector<DegreeCount>> degrees =
        snapshot->Degrees(KeyOf(i));
    EXPECT_TRUE(degrees.ok());
    for (const DegreeCount& d : *degrees) {
      out.push_back(
          absl::StrCat(static_cast<int>(d.direction), d.type, d.count));
    }
  }
  EXPECT_TRUE(absl::IsNotFound(snapshot->NodeKey(kNodes + 100).status()));
  absl::StatusOr<GraphStats> stats = snapshot->Stats();
  EXPECT_TRUE(stats.ok());
  out.push_back(absl::StrCat(stats->node_count, " ", stats->edge_count, " ",
                             stats->document_count));
  // Type ids, and so edge order, follow the order names were first seen.
  std::sort(out.begin(), out.end());
  return out;
}

// After a failed load.
void ExpectNoFactsAndConsistent(GraphStore& store, const std::string& path) {
  EXPECT_TRUE(
      absl::IsNotFound(store.NewSnapshot()->GetNode(KeyOf(1)).status()));
  EXPECT_TRUE(IsConsistent(path));
}

TEST(BulkLoadTest, ReadsLikeACommitAndStaysConsistent) {
  TempDir dir;
  std::unique_ptr<GraphStore> committed = OpenStore(dir.Sub("committed"));
  std::unique_ptr<GraphStore> loaded = OpenStore(dir.Sub("loaded"));
  ASSERT_NE(committed, nullptr);
  ASSERT_NE(loaded, nullptr);
  const DocumentFacts facts = Facts();
  ASSERT_TRUE(committed->CommitDocument(facts).ok());
  absl::StatusOr<kg::v1::CommitSummary> summary = BulkLoad(*loaded, facts);
  ASSERT_TRUE(summary.ok()) << summary.status();
  EXPECT_EQ(summary->nodes_created(), kNodes);
  EXPECT_EQ(summary->edges_created(), facts.edges.size());
  EXPECT_TRUE(summary->changed());

  EXPECT_EQ(Reads(*loaded), Reads(*committed));
  EXPECT_TRUE(IsConsistent(dir.Sub("loaded")));
  absl::StatusOr<ConsistencyReport> report = loaded->CheckConsistency();
  ASSERT_TRUE(report.ok()) << report.status();
  EXPECT_TRUE(report->ok());
  // Edges named by the ids AddNode returned load the same.
  std::unique_ptr<GraphStore> by_id = OpenStore(dir.Sub("by_id"));
  ASSERT_NE(by_id, nullptr);
  summary = BulkLoad(*by_id, facts, /*by_id=*/true);
  ASSERT_TRUE(summary.ok()) << summary.status();
  EXPECT_EQ(summary->edges_created(), facts.edges.size());
  EXPECT_EQ(Reads(*by_id), Reads(*committed));
  EXPECT_TRUE(IsConsistent(dir.Sub("by_id")));

  // Commits and removals go on from the loaded state; the topology loaded
  // at reopen agrees.
  ASSERT_TRUE(loaded
                  ->CommitDocument(MakeDocument(
                      "doc:later", {MakeNode(KeyOf(1), "Organization", "x")},
                      {MakeEdge(KeyOf(1), "PLEDGED", KeyOf(2))}))
                  .ok());
  std::vector<std::string> before_reopen = Reads(*loaded);
  loaded.reset();
  loaded = OpenStore(dir.Sub("loaded"));
  ASSERT_NE(loaded, nullptr);
  EXPECT_EQ(Reads(*loaded), before_reopen);
  ASSERT_TRUE(loaded->RemoveDocument("doc:bulk").ok());
  EXPECT_TRUE(IsConsistent(dir.Sub("loaded")));
  std::unique_ptr<Snapshot> snapshot = loaded->NewSnapshot();
  absl::StatusOr<GraphStats> stats = snapshot->Stats();
  ASSERT_TRUE(stats.ok());
  EXPECT_EQ(stats->node_count, 2u);
  EXPECT_EQ(stats->edge_count, 1u);
}

TEST(BulkLoadTest, RejectsBadInputAndNonEmptyStores) {
  TempDir dir;
  std::unique_ptr<GraphStore> store = OpenStore(dir.path());
  ASSERT_NE(store, nullptr);
  EXPECT_TRUE(
      absl::IsInvalidArgument(store->NewBulkLoader("not a key").status()));

  auto loader = store->NewBulkLoader("doc:bulk");
  ASSERT_TRUE(loader.ok());
  kg::v1::Node node = MakeNode(KeyOf(1), "Organization", "One");
  absl::StatusOr<uint64_t> id = (*loader)->AddNode(node);
  ASSERT_TRUE(id.ok());
  EXPECT_EQ(*id, 1u);
  absl::Status repeated = (*loader)->AddNode(node).status();
  EXPECT_TRUE(absl::IsInvalidArgument(repeated));
  EXPECT_NE(repeated.message().find("node.key"), std::string::npos);
  absl::Status unknown_end =
      (*loader)->AddEdge(MakeEdge(KeyOf(1), "PLEDGED", KeyOf(2)));
  EXPECT_TRUE(absl::IsFailedPrecondition(unknown_end));
  EXPECT_NE(unknown_end.message().find("edge.dst_key"), std::string::npos);
  EXPECT_TRUE(absl::IsInvalidArgument(
      (*loader)->AddEdge(MakeEdge(KeyOf(1), "lower", KeyOf(1)))));
  // AddNode gave the first node id 1; no node has id 2.
  absl::Status unknown_id = (*loader)->AddEdgeBetween(1, "PLEDGED", 2);
  EXPECT_TRUE(absl::IsFailedPrecondition(unknown_id));
  EXPECT_NE(unknown_id.message().find("edge.dst_id"), std::string::npos);
  EXPECT_TRUE(
      absl::IsFailedPrecondition((*loader)->AddEdgeBetween(0, "PLEDGED", 1)));
  absl::Status bad_type = (*loader)->AddEdgeBetween(1, "lower", 1);
  EXPECT_TRUE(absl::IsInvalidArgument(bad_type));
  EXPECT_NE(bad_type.message().find("edge.type"), std::string::npos);
  ASSERT_TRUE((*loader)->AddEdge(MakeEdge(KeyOf(1), "PLEDGED", KeyOf(1))).ok());
  ASSERT_TRUE((*loader)->AddEdgeBetween(1, "PLEDGED", 1).ok());
  EXPECT_TRUE(absl::IsInvalidArgument((*loader)->Finish().status()));
  loader->reset();
  // Nothing was written but dictionary entries.
  ExpectNoFactsAndConsistent(*store, dir.path());

  // A commit during a load makes Finish fail; a store with facts refuses.
  loader = store->NewBulkLoader("doc:bulk");
  ASSERT_TRUE(loader.ok());
  ASSERT_TRUE((*loader)->AddNode(node).ok());
  ASSERT_TRUE(store
                  ->CommitDocument(MakeDocument(
                      "doc:c", {MakeNode(KeyOf(4), "Organization", "Four")}))
                  .ok());
  EXPECT_TRUE(absl::IsFailedPrecondition((*loader)->Finish().status()));
  EXPECT_TRUE(
      absl::IsFailedPrecondition(store->NewBulkLoader("doc:bulk").status()));
  EXPECT_TRUE(IsConsistent(dir.path()));
}

// More edges than the loader hands its background writer at a time.
constexpr int kManyNodes = 400;
constexpr int kEdgesPerNode = 50;

absl::Status AddManyNodes(BulkLoader& loader) {
  for (int i = 0; i < kManyNodes; ++i) {
    kg::v1::Node node =
        MakeNode(KeyOf(i), i % 3 == 0 ? "State" : "Organization", "N");
    if (absl::Status s = loader.AddNode(node).status(); !s.ok()) return s;
  }
  return absl::OkStatus();
}

absl::Status AddManyEdges(BulkLoader& loader) {
  for (int i = 0; i < kManyNodes; ++i) {
    for (int step = 1; step <= kEdgesPerNode; ++step) {
      kg::v1::Edge edge =
          MakeEdge(KeyOf(i), step % 2 == 0 ? "FUNDS" : "PLEDGED",
                   KeyOf((i + step) % kManyNodes));
      // Records kept whole, in batches of bare ones.
      if (step == 7) (*edge.mutable_props())["amount"].set_int_value(i);
      if (absl::Status s = loader.AddEdge(edge); !s.ok()) return s;
    }
  }
  return absl::OkStatus();
}

// Loads the many facts into the empty store at `path` and checks them.
void LoadManyFacts(GraphStore& store, const std::string& path) {
  auto loader = store.NewBulkLoader("doc:bulk");
  ASSERT_TRUE(loader.ok());
  ASSERT_TRUE(AddManyNodes(**loader).ok());
  ASSERT_TRUE(AddManyEdges(**loader).ok());
  absl::StatusOr<kg::v1::CommitSummary> summary = (*loader)->Finish();
  ASSERT_TRUE(summary.ok()) << summary.status();
  EXPECT_EQ(summary->edges_created(), kManyNodes * kEdgesPerNode);

  std::unique_ptr<Snapshot> snapshot = store.NewSnapshot();
  absl::StatusOr<GraphStats> stats = snapshot->Stats();
  ASSERT_TRUE(stats.ok());
  EXPECT_EQ(stats->edge_count, kManyNodes * kEdgesPerNode);
  EdgeQuery query;
  query.node_key = KeyOf(kManyNodes - 1);
  query.direction = Direction::kOut;
  absl::StatusOr<EdgePage> edges = snapshot->ListEdges(query, "", 1000);
  ASSERT_TRUE(edges.ok()) << edges.status();
  ASSERT_EQ(edges->edges.size(), kEdgesPerNode);
  int with_amount = 0;
  for (const kg::v1::Edge& edge : edges->edges) {
    auto amount = edge.props().find("amount");
    if (amount == edge.props().end()) continue;
    ++with_amount;
    EXPECT_EQ(amount->second.int_value(), kManyNodes - 1);
  }
  EXPECT_EQ(with_amount, 1);
  EXPECT_TRUE(IsConsistent(path));
}

TEST(BulkLoadTest, LoadsEdgesWrittenInBatches) {
  TempDir dir;
  std::unique_ptr<GraphStore> store = OpenStore(dir.path());
  ASSERT_NE(store, nullptr);
  LoadManyFacts(*store, dir.path());
}

TEST(BulkLoadTest, WriterFailureFailsFinishAndWritesNothing) {
  TempDir dir;
  std::unique_ptr<GraphStore> store = OpenStore(dir.path());
  ASSERT_NE(store, nullptr);
  auto loader = store->NewBulkLoader("doc:bulk");
  ASSERT_TRUE(loader.ok());
  ASSERT_TRUE(AddManyNodes(**loader).ok());
  // The background writer's files go in the loader's work directory:
  // without it, its first batch of edges fails.
  for (const auto& entry : std::filesystem::directory_iterator(dir.path())) {
    if (entry.path().filename().string().rfind("bulk-load-", 0) == 0) {
      std::filesystem::remove_all(entry.path());
    }
  }
  absl::Status added = AddManyEdges(**loader);
  absl::Status finished = (*loader)->Finish().status();
  EXPECT_FALSE(finished.ok());
  EXPECT_NE(finished.message().find("writing"), std::string::npos) << finished;
  // AddEdge may report it first, once a later batch is handed over.
  if (!added.ok()) EXPECT_EQ(added, finished);
  loader->reset();
  ExpectNoFactsAndConsistent(*store, dir.path());

  // The store is still empty: a new load succeeds.
  LoadManyFacts(*store, dir.path());
}

}  // namespace
}  // namespace kg::graph::test
