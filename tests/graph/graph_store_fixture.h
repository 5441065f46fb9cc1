// The fixture of the GraphStore tests (graph_store_*_test.cc): a store in a
// fresh directory, with helpers that read it back page by page and fail the
// test on any error, and the queries the tests build.
#ifndef KG_TESTS_GRAPH_GRAPH_STORE_FIXTURE_H_
#define KG_TESTS_GRAPH_GRAPH_STORE_FIXTURE_H_

#include <gtest/gtest.h>

#include <memory>
#include <set>
#include <string>
#include <utility>
#include <vector>

#include "absl/strings/str_cat.h"
#include "kg/graph/graph_store.h"
#include "kg/graph/snapshot.h"
#include "test_util.h"

namespace kg::graph::test {

// "src -TYPE-> dst".
inline std::string Triple(const kg::v1::Edge& e) {
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

inline NodeQuery ByLabel(const std::string& label) {
  NodeQuery q;
  q.label = label;
  return q;
}

inline NodeQuery ByName(const std::string& name, bool prefix = false) {
  NodeQuery q;
  q.name = name;
  q.name_prefix = prefix;
  return q;
}

inline NodeQuery ByProp(const std::string& name, const kg::v1::Value& value) {
  NodeQuery q;
  q.property_name = name;
  q.property_value = value;
  return q;
}

inline EdgeQuery EdgesOf(const std::string& key,
                         Direction direction = Direction::kBoth,
                         std::vector<std::string> types = {}) {
  EdgeQuery q;
  q.node_key = key;
  q.direction = direction;
  q.types = std::move(types);
  return q;
}

}  // namespace kg::graph::test

#endif  // KG_TESTS_GRAPH_GRAPH_STORE_FIXTURE_H_
