// Index and counter consistency after every operation of long random
// sequences of commits, re-commits, failed commits and removals, checked
// against the RocksDB directory itself and against a model of the merge
// rules (record_view.h).
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <algorithm>
#include <iostream>
#include <map>
#include <memory>
#include <set>
#include <string>
#include <vector>

#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "kg/graph/graph_store.h"
#include "kg/graph/snapshot.h"
#include "kg/graph/text_normalize.h"
#include "merge_model.h"
#include "random_documents.h"
#include "test_util.h"

namespace kg::graph::test {
namespace {

class RandomOperationsTest : public ::testing::TestWithParam<uint64_t> {
 protected:
  std::string db_path() const { return dir_.Sub("db"); }

  void Open() {
    // Durability is not under test here; syncing every commit only slows
    // the sequence down.
    StoreOptions options;
    options.sync_writes = false;
    absl::StatusOr<std::unique_ptr<GraphStore>> store =
        GraphStore::Open(db_path(), options);
    ASSERT_TRUE(store.ok()) << store.status();
    store_ = *std::move(store);
  }

  test::DbDump Dump() {
    absl::StatusOr<test::DbDump> dump = test::DumpDatabase(db_path());
    EXPECT_TRUE(dump.ok()) << dump.status();
    return dump.ok() ? *dump : test::DbDump();
  }

  // Runs a commit that must fail with `code` and checks it wrote nothing.
  void ExpectFails(const DocumentFacts& facts, absl::StatusCode code) {
    test::DbDump before = Dump();
    absl::StatusOr<kg::v1::CommitSummary> result =
        store_->CommitDocument(facts);
    EXPECT_EQ(result.status().code(), code) << result.status();
    EXPECT_TRUE(Dump() == before) << "a failed commit wrote";
  }

  // The store's reads against the model.
  void ExpectMatchesModel() {
    std::unique_ptr<Snapshot> snapshot = store_->NewSnapshot();
    std::map<std::string, ModelView> nodes = model_.NodeViews();
    std::map<std::string, ModelView> edges = model_.EdgeViews();

    std::set<std::string> listed;
    std::string cursor;
    do {
      absl::StatusOr<NodePage> page =
          snapshot->ListNodes(NodeQuery(), cursor, 7);
      ASSERT_TRUE(page.ok()) << page.status();
      for (const kg::v1::Node& node : page->nodes) {
        EXPECT_TRUE(listed.insert(node.key()).second) << node.key();
        auto want = nodes.find(node.key());
        if (want == nodes.end()) {
          ADD_FAILURE() << "unexpected node " << node.key();
          continue;
        }
        EXPECT_EQ(ViewOf(node), want->second) << node.key();
        EXPECT_EQ(node.label(), model_.label(node.key()));
      }
      cursor = page->next_cursor;
    } while (!cursor.empty());
    EXPECT_EQ(listed.size(), nodes.size());

    std::set<std::string> listed_edges;
    do {
      EdgeQuery all;
      absl::StatusOr<EdgePage> page = snapshot->ListEdges(all, cursor, 7);
      ASSERT_TRUE(page.ok()) << page.status();
      for (const kg::v1::Edge& edge : page->edges) {
        std::string triple =
            TripleOf(edge.src_key(), edge.type(), edge.dst_key());
        EXPECT_TRUE(listed_edges.insert(triple).second) << triple;
        auto want = edges.find(triple);
        if (want == edges.end()) {
          ADD_FAILURE() << "unexpected edge " << triple;
          continue;
        }
        EXPECT_EQ(ViewOf(edge), want->second) << triple;
      }
      cursor = page->next_cursor;
    } while (!cursor.empty());
    EXPECT_EQ(listed_edges.size(), edges.size());

    absl::StatusOr<GraphStats> stats = snapshot->Stats();
    ASSERT_TRUE(stats.ok());
    EXPECT_EQ(stats->node_count, nodes.size());
    EXPECT_EQ(stats->edge_count, edges.size());
    EXPECT_EQ(stats->nodes_by_label, model_.NodesByLabel());
    EXPECT_EQ(stats->edges_by_type, model_.EdgesByType());
    std::vector<std::string> documents;
    for (const auto& [doc, facts] : model_.documents())
      documents.push_back(doc);
    EXPECT_EQ(*snapshot->ListDocuments(), documents);
    EXPECT_EQ(stats->document_count, documents.size());

    // Index lookups against the model: every pool name exactly and by a
    // two-letter prefix, every property value the model holds.
    auto list = [&](const NodeQuery& query) {
      std::set<std::string> keys;
      std::string cursor;
      do {
        absl::StatusOr<NodePage> page = snapshot->ListNodes(query, cursor, 5);
        EXPECT_TRUE(page.ok()) << page.status();
        if (!page.ok()) break;
        for (const kg::v1::Node& node : page->nodes) {
          EXPECT_TRUE(keys.insert(node.key()).second) << node.key();
        }
        cursor = page->next_cursor;
      } while (!cursor.empty());
      return keys;
    };
    for (const char* name : Generator::kNames) {
      std::string normalized = NormalizeName(name);
      for (bool prefix : {false, true}) {
        NodeQuery query;
        query.name = prefix ? normalized.substr(0, 2) : name;
        query.name_prefix = prefix;
        std::set<std::string> want;
        for (const auto& [key, view] : nodes) {
          std::vector<std::string> names = view.aliases;
          names.push_back(view.name);
          for (const std::string& n : names) {
            std::string nn = NormalizeName(n);
            if (prefix ? absl::StartsWith(nn, query.name) : nn == normalized) {
              want.insert(key);
            }
          }
        }
        EXPECT_EQ(list(query), want)
            << (prefix ? "prefix " : "name ") << query.name;
      }
    }
    std::map<std::pair<std::string, std::string>, std::set<std::string>>
        by_value;
    for (const auto& [key, view] : nodes) {
      for (const auto& [prop, value] : view.props) {
        by_value[{prop, value}].insert(key);
      }
    }
    for (const auto& [prop_value, want] : by_value) {
      NodeQuery query;
      query.property_name = prop_value.first;
      kg::v1::Value value;
      value.ParseFromString(prop_value.second);
      if (value.has_list_value()) continue;
      query.property_value = value;
      EXPECT_EQ(list(query), want)
          << prop_value.first << " = " << value.ShortDebugString();
    }
  }

  test::TempDir dir_;
  std::unique_ptr<GraphStore> store_;
  Model model_;
};

TEST_P(RandomOperationsTest, IndexesAndCountersStayConsistent) {
  constexpr int kOperations = 250;
  Generator gen(GetParam());
  Open();
  std::map<std::string, int> tally;
  for (int op = 0; op < kOperations; ++op) {
    SCOPED_TRACE(absl::StrCat("operation ", op, ", seed ", GetParam()));
    std::string doc =
        Generator::Document(static_cast<int>(gen.Uniform(kDocuments)));
    size_t kind = gen.Uniform(100);
    if (kind < 55) {
      DocumentFacts facts = gen.RandomDocument(doc);
      if (model_.EndsKnown(facts)) {
        absl::StatusOr<kg::v1::CommitSummary> summary =
            store_->CommitDocument(facts);
        ASSERT_TRUE(summary.ok()) << summary.status();
        model_.Commit(facts);
        ++tally["commit"];
      } else {
        ExpectFails(facts, absl::StatusCode::kFailedPrecondition);
        ++tally["unknown end"];
      }
    } else if (kind < 62) {
      // A stored node asserted with another label.
      int i = static_cast<int>(gen.Uniform(kKeys));
      if (!model_.HasNode(Generator::Key(i))) continue;
      DocumentFacts facts = gen.RandomDocument(doc);
      // Only the wrong label is said for the key in this document.
      facts.nodes.erase(std::remove_if(facts.nodes.begin(), facts.nodes.end(),
                                       [&](const kg::v1::Node& n) {
                                         return n.key() == Generator::Key(i);
                                       }),
                        facts.nodes.end());
      kg::v1::Node wrong = gen.RandomNode(i);
      wrong.set_label("Thing");
      facts.nodes.push_back(wrong);
      ExpectFails(facts, absl::StatusCode::kFailedPrecondition);
      ++tally["label conflict"];
    } else if (kind < 65) {
      DocumentFacts facts = gen.RandomDocument(doc);
      kg::v1::Node bad = gen.RandomNode(0);
      switch (gen.Uniform(3)) {
        case 0:
          (*bad.mutable_props())["bad name"] = IntValue(1);
          break;
        case 1:
          (*bad.mutable_props())["kind"] = StringValue("a\xff");
          break;
        default:  // The key's label contradicted within the document.
          facts.nodes.push_back(bad);
          bad.set_label("Thing");
      }
      facts.nodes.push_back(bad);
      ExpectFails(facts, absl::StatusCode::kInvalidArgument);
      ++tally["invalid"];
    } else if (kind < 80) {
      auto it = model_.documents().find(doc);
      if (it == model_.documents().end()) continue;
      test::DbDump before = Dump();
      absl::StatusOr<kg::v1::CommitSummary> summary =
          store_->CommitDocument(it->second);
      ASSERT_TRUE(summary.ok()) << summary.status();
      EXPECT_FALSE(summary->changed());
      EXPECT_TRUE(Dump() == before) << "an unchanged re-commit wrote";
      ++tally["recommit"];
    } else {
      absl::StatusOr<kg::v1::CommitSummary> summary =
          store_->RemoveDocument(doc);
      if (model_.documents().count(doc)) {
        ASSERT_TRUE(summary.ok()) << summary.status();
        EXPECT_TRUE(summary->changed());
        model_.Remove(doc);
        ++tally["remove"];
      } else {
        EXPECT_EQ(summary.status().code(), absl::StatusCode::kNotFound);
        ++tally["remove unknown"];
      }
    }
    ASSERT_TRUE(test::IsConsistent(db_path()));
    ExpectMatchesModel();
    if (HasFailure()) return;
    if (op % 50 == 49) {
      store_.reset();
      ASSERT_TRUE(test::IsConsistent(db_path()));
      Open();
      ExpectMatchesModel();
    }
  }
  // The sequence exercised every kind of operation.
  for (const char* kind : {"commit", "unknown end", "label conflict", "invalid",
                           "recommit", "remove", "remove unknown"}) {
    EXPECT_GT(tally[kind], 0) << kind;
  }
  std::string summary;
  for (const auto& [kind, n] : tally)
    summary += absl::StrCat(kind, "=", n, " ");
  std::cout << "operations: " << summary << "\n";
}

INSTANTIATE_TEST_SUITE_P(Seeds, RandomOperationsTest,
                         ::testing::Values(1, 2, 3, 20240601));

}  // namespace
}  // namespace kg::graph::test