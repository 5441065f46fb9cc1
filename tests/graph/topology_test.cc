// The in-memory topology: it answers adjacency, degree and label reads
// exactly as RocksDB does, after any sequence of commits and removals, for
// each snapshot as of its own commit, and the store falls back to RocksDB
// when the topology is over its memory budget.
#include <gtest/gtest.h>

#include <atomic>
#include <map>
#include <memory>
#include <random>
#include <string>
#include <thread>
#include <tuple>
#include <vector>

#include "absl/strings/str_cat.h"
#include "kg/graph/graph_store.h"
#include "kg/graph/snapshot.h"
#include "schema.h"
#include "test_util.h"

namespace kg::graph::test {
namespace {

// (node, direction, type, neighbour, edge id), in ListAdjacent order.
using AdjacencyRow =
    std::tuple<uint64_t, Direction, std::string, uint64_t, uint64_t>;

constexpr const char* kTypes[] = {"MEMBER_OF", "PLEDGED", "MENTIONS"};
constexpr int kKeyPool = 40;
// Above every node id the tests allocate.
constexpr uint64_t kIdLimit = 3000;

std::string KeyOf(int i) { return absl::StrCat("org:k", i); }

// What a snapshot says of every node id below `id_limit`: adjacency read in
// pages of 3 (so cursors resume mid-list), degrees and labels.
struct GraphView {
  std::vector<AdjacencyRow> adjacency;
  std::map<uint64_t, std::string> labels;
  std::map<uint64_t, std::string> keys;
  std::map<std::string,
           std::vector<std::tuple<Direction, std::string, uint64_t>>>
      degrees;

  bool operator==(const GraphView& o) const {
    return adjacency == o.adjacency && labels == o.labels && keys == o.keys &&
           degrees == o.degrees;
  }
};

GraphView ViewOf(Snapshot& snapshot, uint64_t id_limit) {
  GraphView view;
  for (uint64_t id = 1; id < id_limit; ++id) {
    std::string cursor;
    do {
      absl::StatusOr<AdjacencyPage> page =
          snapshot.ListAdjacent(id, Direction::kBoth, {}, cursor, 3);
      EXPECT_TRUE(page.ok()) << page.status();
      if (!page.ok()) break;
      for (const AdjacentEdge& e : page->edges) {
        view.adjacency.emplace_back(id, e.direction, e.type, e.neighbour_id,
                                    e.edge_id);
      }
      cursor = page->next_cursor;
    } while (!cursor.empty());
    absl::StatusOr<std::string> label = snapshot.NodeLabel(id);
    if (label.ok()) {
      view.labels[id] = *label;
    } else {
      EXPECT_TRUE(absl::IsNotFound(label.status())) << label.status();
    }
    absl::StatusOr<std::string> key = snapshot.NodeKey(id);
    if (key.ok()) {
      view.keys[id] = *key;
    } else {
      EXPECT_TRUE(absl::IsNotFound(key.status())) << key.status();
    }
  }
  for (int i = 0; i < kKeyPool; ++i) {
    absl::StatusOr<std::vector<DegreeCount>> degrees =
        snapshot.Degrees(KeyOf(i));
    if (!degrees.ok()) continue;
    for (const DegreeCount& d : *degrees) {
      view.degrees[KeyOf(i)].emplace_back(d.direction, d.type, d.count);
    }
  }
  return view;
}

// The `adj` family as read by a separate read-only RocksDB instance.
std::vector<std::tuple<uint64_t, Direction, uint64_t, uint64_t>> RawAdjacency(
    const std::string& path) {
  std::vector<std::tuple<uint64_t, Direction, uint64_t, uint64_t>> out;
  absl::StatusOr<DbDump> dump = DumpDatabase(path);
  EXPECT_TRUE(dump.ok()) << dump.status();
  if (!dump.ok()) return out;
  for (const auto& [key, value] : dump->families["adj"]) {
    schema::AdjEntry entry;
    uint64_t edge = 0;
    EXPECT_TRUE(schema::ParseAdjKey(key, &entry));
    EXPECT_TRUE(schema::ParseIdKey(value, &edge));
    out.emplace_back(
        entry.node,
        entry.dir == schema::kOut ? Direction::kOut : Direction::kIn,
        entry.other, edge);
  }
  return out;
}

class TopologyTest : public ::testing::Test {
 protected:
  std::unique_ptr<GraphStore> Open(size_t budget) {
    StoreOptions options;
    options.sync_writes = false;
    options.topology_budget_bytes = budget;
    absl::StatusOr<std::unique_ptr<GraphStore>> store =
        GraphStore::Open(dir_.path(), options);
    EXPECT_TRUE(store.ok()) << store.status();
    return store.ok() ? *std::move(store) : nullptr;
  }

  // A document asserting a random part of the key pool and random edges
  // among the nodes it asserts.
  DocumentFacts RandomDocument(const std::string& doc, std::mt19937_64& rng) {
    std::vector<kg::v1::Node> nodes;
    std::vector<int> chosen;
    for (int i = 0; i < kKeyPool; ++i) {
      if (rng() % 4 != 0) continue;
      chosen.push_back(i);
      nodes.push_back(MakeNode(KeyOf(i), "Organization", absl::StrCat("N", i)));
    }
    std::vector<kg::v1::Edge> edges;
    for (size_t n = 0; !chosen.empty() && n < 2 * chosen.size(); ++n) {
      edges.push_back(MakeEdge(KeyOf(chosen[rng() % chosen.size()]),
                               kTypes[rng() % std::size(kTypes)],
                               KeyOf(chosen[rng() % chosen.size()])));
    }
    return MakeDocument(doc, std::move(nodes), std::move(edges));
  }

  TempDir dir_;
};

TEST_F(TopologyTest, MatchesRocksDbAfterRandomCommitsAndRemovals) {
  for (uint64_t seed : {1, 2, 3}) {
    SCOPED_TRACE(absl::StrCat("seed ", seed));
    TempDir dir;
    std::mt19937_64 rng(seed);
    StoreOptions options;
    options.sync_writes = false;
    auto store = GraphStore::Open(dir.path(), options);
    ASSERT_TRUE(store.ok()) << store.status();
    // Enough operations to fold the delta into a new base several times.
    for (int op = 0; op < 300; ++op) {
      const std::string doc = absl::StrCat("doc:d", rng() % 12);
      if (rng() % 4 == 0) {
        absl::StatusOr<kg::v1::CommitSummary> removed =
            (*store)->RemoveDocument(doc);
        ASSERT_TRUE(removed.ok() || absl::IsNotFound(removed.status()))
            << removed.status();
      } else {
        ASSERT_TRUE((*store)->CommitDocument(RandomDocument(doc, rng)).ok());
      }
      if (op % 50 != 49) continue;
      // The topology's adjacency is the `adj` family's.
      std::unique_ptr<Snapshot> snapshot = (*store)->NewSnapshot();
      std::vector<std::tuple<uint64_t, Direction, uint64_t, uint64_t>> served;
      for (const AdjacencyRow& row : ViewOf(*snapshot, kIdLimit).adjacency) {
        served.emplace_back(std::get<0>(row), std::get<1>(row),
                            std::get<3>(row), std::get<4>(row));
      }
      std::vector<std::tuple<uint64_t, Direction, uint64_t, uint64_t>> raw =
          RawAdjacency(dir.path());
      EXPECT_EQ(served, raw);
      EXPECT_FALSE(raw.empty());
    }
    GraphView kept = ViewOf(*(*store)->NewSnapshot(), kIdLimit);
    store->reset();
    // The same answers from RocksDB alone, and from a topology loaded at
    // open rather than kept current by commits.
    for (size_t budget : {size_t{0}, size_t{1} << 30}) {
      StoreOptions reopen = options;
      reopen.topology_budget_bytes = budget;
      auto again = GraphStore::Open(dir.path(), reopen);
      ASSERT_TRUE(again.ok()) << again.status();
      EXPECT_TRUE(ViewOf(*(*again)->NewSnapshot(), kIdLimit) == kept)
          << "budget " << budget;
    }
    EXPECT_TRUE(IsConsistent(dir.path()));
  }
}

TEST_F(TopologyTest, SnapshotKeepsItsVersionAcrossLaterCommits) {
  std::unique_ptr<GraphStore> store = Open(size_t{1} << 30);
  ASSERT_NE(store, nullptr);
  ASSERT_TRUE(store
                  ->CommitDocument(
                      MakeDocument("doc:a",
                                   {MakeNode(KeyOf(0), "Organization", "Zero"),
                                    MakeNode(KeyOf(1), "Organization", "One")},
                                   {MakeEdge(KeyOf(0), "MEMBER_OF", KeyOf(1))}))
                  .ok());
  std::unique_ptr<Snapshot> before = store->NewSnapshot();
  const GraphView seen = ViewOf(*before, 10);
  ASSERT_EQ(seen.adjacency.size(), 2u);

  ASSERT_TRUE(store
                  ->CommitDocument(
                      MakeDocument("doc:b",
                                   {MakeNode(KeyOf(0), "Organization", "Zero"),
                                    MakeNode(KeyOf(2), "Organization", "Two")},
                                   {MakeEdge(KeyOf(2), "PLEDGED", KeyOf(0)),
                                    MakeEdge(KeyOf(0), "MENTIONS", KeyOf(2))}))
                  .ok());
  ASSERT_TRUE(store->RemoveDocument("doc:a").ok());

  EXPECT_TRUE(ViewOf(*before, 10) == seen);
  absl::StatusOr<uint64_t> degree =
      before->Degree(KeyOf(0), Direction::kOut, "MEMBER_OF");
  ASSERT_TRUE(degree.ok());
  EXPECT_EQ(*degree, 1u);

  std::unique_ptr<Snapshot> after = store->NewSnapshot();
  const GraphView now = ViewOf(*after, 10);
  EXPECT_EQ(now.adjacency.size(), 4u);
  EXPECT_EQ(now.labels.size(), 2u);
  EXPECT_EQ(now.labels.count(3), 1u);
  EXPECT_TRUE(absl::IsNotFound(before->NodeLabel(3).status()));
  EXPECT_TRUE(absl::IsNotFound(after->NodeLabel(2).status()));
  degree = after->Degree(KeyOf(0), Direction::kOut, "MEMBER_OF");
  ASSERT_TRUE(degree.ok());
  EXPECT_EQ(*degree, 0u);
}

// A reader taking snapshots while a writer commits always finds, for every
// edge its topology lists, the edge's record in its RocksDB snapshot.
TEST_F(TopologyTest, ConcurrentReadersSeeMatchingRecords) {
  std::unique_ptr<GraphStore> store = Open(size_t{1} << 30);
  ASSERT_NE(store, nullptr);
  std::atomic<bool> done{false};
  std::atomic<int> mismatches{0};
  std::atomic<int> reads{0};
  std::thread reader([&] {
    while (!done.load()) {
      std::unique_ptr<Snapshot> snapshot = store->NewSnapshot();
      for (const AdjacencyRow& row : ViewOf(*snapshot, kIdLimit).adjacency) {
        absl::StatusOr<kg::v1::Edge> edge =
            snapshot->GetEdgeById(std::get<4>(row));
        if (!edge.ok() || edge->type() != std::get<2>(row)) ++mismatches;
      }
      ++reads;
    }
  });
  std::mt19937_64 rng(7);
  for (int op = 0; op < 200; ++op) {
    const std::string doc = absl::StrCat("doc:d", rng() % 6);
    if (rng() % 3 == 0) {
      (void)store->RemoveDocument(doc);
    } else {
      ASSERT_TRUE(store->CommitDocument(RandomDocument(doc, rng)).ok());
    }
  }
  done = true;
  reader.join();
  EXPECT_GT(reads.load(), 0);
  EXPECT_EQ(mismatches.load(), 0);
}

// A budget too small for the graph: the store answers from RocksDB, the
// same as with a topology.
TEST_F(TopologyTest, FallsBackToRocksDbOverBudget) {
  std::mt19937_64 rng(11);
  std::vector<DocumentFacts> docs;
  for (int d = 0; d < 8; ++d) {
    docs.push_back(RandomDocument(absl::StrCat("doc:d", d), rng));
  }
  GraphView with_topology;
  {
    std::unique_ptr<GraphStore> store = Open(size_t{1} << 30);
    ASSERT_NE(store, nullptr);
    for (const DocumentFacts& doc : docs) {
      ASSERT_TRUE(store->CommitDocument(doc).ok());
    }
    with_topology = ViewOf(*store->NewSnapshot(), 200);
    ASSERT_FALSE(with_topology.adjacency.empty());
  }
  TempDir other;
  StoreOptions options;
  options.sync_writes = false;
  // Room for the first document's topology only: commits outgrow it.
  options.topology_budget_bytes = 4096;
  auto store = GraphStore::Open(other.path(), options);
  ASSERT_TRUE(store.ok()) << store.status();
  for (const DocumentFacts& doc : docs) {
    ASSERT_TRUE((*store)->CommitDocument(doc).ok());
  }
  EXPECT_TRUE(ViewOf(*(*store)->NewSnapshot(), 200) == with_topology);
  store->reset();
  // Over budget at open.
  store = GraphStore::Open(other.path(), options);
  ASSERT_TRUE(store.ok()) << store.status();
  EXPECT_TRUE(ViewOf(*(*store)->NewSnapshot(), 200) == with_topology);
}

}  // namespace
}  // namespace kg::graph::test
