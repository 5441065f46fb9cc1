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
#include <random>
#include <set>
#include <string>
#include <vector>

#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "kg/graph/graph_store.h"
#include "kg/graph/snapshot.h"
#include "kg/graph/text_normalize.h"
#include "test_util.h"

namespace kg::graph {
namespace {

using test::MakeDocument;
using test::MakeEdge;
using test::MakeNode;

constexpr int kKeys = 30;
constexpr int kDocuments = 8;

// What one document says about one fact (the engine's Assertion, minus
// sources).
struct ModelAssertion {
  std::string name;
  std::vector<std::string> aliases;
  std::map<std::string, std::string> props;  // Serialized values.
};

// The expected effective view of one fact.
struct ModelView {
  std::string name;
  std::vector<std::string> aliases;
  std::map<std::string, std::string> props;
  std::set<std::string> documents;
  bool operator==(const ModelView& o) const {
    return name == o.name && aliases == o.aliases && props == o.props &&
           documents == o.documents;
  }
};

std::ostream& operator<<(std::ostream& os, const ModelView& v) {
  os << "{name=\"" << v.name << "\" aliases=[";
  for (const std::string& a : v.aliases) os << "\"" << a << "\" ";
  os << "] props=[";
  for (const auto& [k, value] : v.props) {
    kg::v1::Value parsed;
    parsed.ParseFromString(value);
    os << k << ":" << parsed.ShortDebugString() << " ";
  }
  os << "] docs=[";
  for (const std::string& d : v.documents) os << d << " ";
  return os << "]}";
}

std::string TripleOf(const std::string& src, const std::string& type,
                     const std::string& dst) {
  return absl::StrCat(src, " -", type, "-> ", dst);
}

// The graph as the merge rules say it must be: per fact, the assertions of
// the live documents in the order they first asserted it.
class Model {
 public:
  // True when the engine must accept `facts` (edge ends known).
  bool EndsKnown(const DocumentFacts& facts) const {
    std::set<std::string> in_doc;
    for (const kg::v1::Node& n : facts.nodes) in_doc.insert(n.key());
    for (const kg::v1::Edge& e : facts.edges) {
      for (const std::string& end : {e.src_key(), e.dst_key()}) {
        if (!in_doc.count(end) && !node_order_.count(end)) return false;
      }
    }
    return true;
  }

  void Commit(const DocumentFacts& facts) {
    const std::string& doc = facts.document_key;
    std::map<std::string, ModelAssertion> nodes, edges;
    std::map<std::string, std::string> labels;
    for (const kg::v1::Node& n : facts.nodes) {
      ModelAssertion& a = nodes[n.key()];
      labels.emplace(n.key(), n.label());
      if (a.name.empty()) a.name = n.name();
      for (const std::string& alias : n.aliases()) {
        if (std::find(a.aliases.begin(), a.aliases.end(), alias) ==
            a.aliases.end()) {
          a.aliases.push_back(alias);
        }
      }
      for (const auto& [k, v] : n.props()) a.props[k] = v.SerializeAsString();
    }
    for (const kg::v1::Edge& e : facts.edges) {
      ModelAssertion& a = edges[TripleOf(e.src_key(), e.type(), e.dst_key())];
      for (const auto& [k, v] : e.props()) a.props[k] = v.SerializeAsString();
      // An edge end the document does not assert as a node gets an empty
      // assertion by the document.
      nodes.try_emplace(e.src_key());
      nodes.try_emplace(e.dst_key());
      edge_types_[TripleOf(e.src_key(), e.type(), e.dst_key())] = e.type();
    }
    for (const auto& [key, label] : labels) {
      if (!node_order_.count(key)) labels_[key] = label;
    }
    Replace(doc, nodes, &node_assertions_, &node_order_);
    Replace(doc, edges, &edge_assertions_, &edge_order_);
    if (nodes.empty() && edges.empty()) {
      documents_.erase(doc);
    } else {
      documents_[doc] = facts;
    }
  }

  void Remove(const std::string& doc) { Commit(MakeDocument(doc, {}, {})); }

  std::map<std::string, ModelView> NodeViews() const {
    return Views(node_assertions_, node_order_);
  }
  std::map<std::string, ModelView> EdgeViews() const {
    return Views(edge_assertions_, edge_order_);
  }
  const std::map<std::string, DocumentFacts>& documents() const {
    return documents_;
  }
  const std::string& label(const std::string& key) const {
    return labels_.at(key);
  }
  bool HasNode(const std::string& key) const { return node_order_.count(key); }
  std::map<std::string, uint64_t> EdgesByType() const {
    std::map<std::string, uint64_t> out;
    for (const auto& [triple, docs] : edge_order_)
      ++out[edge_types_.at(triple)];
    return out;
  }
  std::map<std::string, uint64_t> NodesByLabel() const {
    std::map<std::string, uint64_t> out;
    for (const auto& [key, docs] : node_order_) ++out[labels_.at(key)];
    return out;
  }

 private:
  using Assertions =
      std::map<std::string, std::map<std::string, ModelAssertion>>;  // fact ->
                                                                     // doc ->
  using Order = std::map<std::string, std::vector<std::string>>;

  static void Replace(const std::string& doc,
                      const std::map<std::string, ModelAssertion>& now,
                      Assertions* assertions, Order* order) {
    for (auto it = order->begin(); it != order->end();) {
      if (!now.count(it->first)) {
        auto& docs = it->second;
        docs.erase(std::remove(docs.begin(), docs.end(), doc), docs.end());
        (*assertions)[it->first].erase(doc);
        if (docs.empty()) {
          assertions->erase(it->first);
          it = order->erase(it);
          continue;
        }
      }
      ++it;
    }
    for (const auto& [fact, assertion] : now) {
      auto& docs = (*order)[fact];
      if (std::find(docs.begin(), docs.end(), doc) == docs.end()) {
        docs.push_back(doc);
      }
      (*assertions)[fact][doc] = assertion;
    }
  }

  static std::map<std::string, ModelView> Views(const Assertions& assertions,
                                                const Order& order) {
    std::map<std::string, ModelView> out;
    for (const auto& [fact, docs] : order) {
      ModelView& view = out[fact];
      const auto& by_doc = assertions.at(fact);
      for (const std::string& doc : docs) {
        view.documents.insert(doc);
        if (view.name.empty()) view.name = by_doc.at(doc).name;
      }
      std::set<std::string> seen = {view.name};
      for (const std::string& doc : docs) {
        const ModelAssertion& a = by_doc.at(doc);
        for (const std::string& alias : a.aliases) {
          if (seen.insert(alias).second) view.aliases.push_back(alias);
        }
        for (const auto& [k, v] : a.props) view.props[k] = v;
      }
    }
    return out;
  }

  std::map<std::string, DocumentFacts> documents_;
  Assertions node_assertions_, edge_assertions_;
  Order node_order_, edge_order_;
  std::map<std::string, std::string> labels_;
  std::map<std::string, std::string> edge_types_;
};

ModelView ViewOf(const kg::v1::Node& node) {
  ModelView v;
  v.name = node.name();
  v.aliases.assign(node.aliases().begin(), node.aliases().end());
  for (const auto& [k, value] : node.props()) {
    v.props[k] = value.SerializeAsString();
  }
  for (const kg::v1::Source& s : node.sources())
    v.documents.insert(s.document_key());
  return v;
}

ModelView ViewOf(const kg::v1::Edge& edge) {
  ModelView v;
  for (const auto& [k, value] : edge.props()) {
    v.props[k] = value.SerializeAsString();
  }
  for (const kg::v1::Source& s : edge.sources())
    v.documents.insert(s.document_key());
  return v;
}

// Random documents over a small pool of keys, names, properties and edge
// types, so that facts overlap across documents all the time.
class Generator {
 public:
  explicit Generator(uint64_t seed) : rng_(seed) {}

  static std::string Key(int i) {
    return absl::StrCat(kPrefixes[i % 5], ":k", i);
  }
  static std::string Label(int i) { return kLabels[i % 5]; }
  static std::string Document(int i) { return absl::StrCat("doc:d", i); }

  size_t Uniform(size_t n) { return rng_() % n; }
  bool Chance(int percent) {
    return Uniform(100) < static_cast<size_t>(percent);
  }

  kg::v1::Value RandomValue(bool allow_list = true) {
    switch (Uniform(allow_list ? 7 : 6)) {
      case 0:
        return StringValue(kNames[Uniform(std::size(kNames))]);
      case 1:
        return IntValue(static_cast<int64_t>(Uniform(5)) - 2);
      case 2:
        return DoubleValue(Chance(20) ? -0.0 : Uniform(4) * 0.5 - 1);
      case 3:
        return BoolValue(Chance(50));
      case 4:
        return Chance(50) ? test::DateValue(2000 + Uniform(3))
                          : test::DateValue(2000 + Uniform(3), 1 + Uniform(2),
                                            Uniform(2));
      case 5:
        return StringValue(Chance(50) ? "" : std::string("a\xc3\xbf"));
      default: {
        std::vector<kg::v1::Value> items;
        for (size_t i = Uniform(3); i > 0; --i)
          items.push_back(RandomValue(false));
        return test::ListValue(items);
      }
    }
  }

  std::map<std::string, kg::v1::Value> RandomProps() {
    std::map<std::string, kg::v1::Value> props;
    for (size_t i = Uniform(4); i > 0; --i) {
      props[kProps[Uniform(std::size(kProps))]] = RandomValue();
    }
    return props;
  }

  std::vector<kg::v1::Source> RandomSources() {
    std::vector<kg::v1::Source> sources;
    for (size_t i = Uniform(3); i > 0; --i) {
      uint64_t start = Uniform(3) * 10;
      sources.push_back(test::MakeSource(
          start, start + 5, Chance(50) ? "ner" : "rule", Uniform(3) * 0.5));
    }
    return sources;
  }

  kg::v1::Node RandomNode(int i) {
    std::vector<std::string> aliases;
    for (size_t k = Uniform(3); k > 0; --k) {
      aliases.push_back(kNames[Uniform(std::size(kNames))]);
    }
    std::string name = Chance(10) ? "" : kNames[Uniform(std::size(kNames))];
    return MakeNode(Key(i), Label(i), name, aliases, RandomProps(),
                    RandomSources());
  }

  // A document of a few nodes (repeats allowed) and edges mostly among
  // them; some edges name other pool keys, which may not exist.
  DocumentFacts RandomDocument(const std::string& doc) {
    DocumentFacts facts;
    facts.document_key = doc;
    std::vector<int> ids;
    for (size_t n = Uniform(7); n > 0; --n) {
      int i = static_cast<int>(Uniform(kKeys));
      ids.push_back(i);
      facts.nodes.push_back(RandomNode(i));
      if (Chance(15)) facts.nodes.push_back(RandomNode(i));  // Said twice.
    }
    for (size_t n = Uniform(7); n > 0; --n) {
      auto end = [&] {
        if (!ids.empty() && Chance(90)) return Key(ids[Uniform(ids.size())]);
        return Key(static_cast<int>(Uniform(kKeys)));
      };
      std::string src = end(), dst = end();
      std::map<std::string, kg::v1::Value> props;
      if (Chance(50)) props = RandomProps();
      kg::v1::Edge edge = MakeEdge(src, kTypes[Uniform(std::size(kTypes))], dst,
                                   props, RandomSources());
      facts.edges.push_back(edge);
      if (Chance(10)) facts.edges.push_back(edge);
    }
    return facts;
  }

  static constexpr const char* kPrefixes[] = {"state", "org", "event",
                                              "framework", "topic"};
  static constexpr const char* kLabels[] = {"State", "Organization", "Event",
                                            "Framework", "Topic"};
  static constexpr const char* kNames[] = {"Côte d'Ivoire",
                                           "cote d’ivoire",
                                           "Korea",
                                           "Republic of Korea",
                                           "South Korea",
                                           "UN",
                                           "UN Women",
                                           "United Nations",
                                           "Alpha",
                                           "alpha beta",
                                           "ALPHA  beta",
                                           "Ünïcode",
                                           "x",
                                           "São Tomé",
                                           "sao tome"};
  static constexpr const char* kProps[] = {"kind",   "year",  "score",
                                           "active", "since", "tags"};
  static constexpr const char* kTypes[] = {"MEMBER_OF", "PART_OF", "ABOUT",
                                           "SIGNED", "HOSTED"};

 private:
  std::mt19937_64 rng_;
};

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
}  // namespace kg::graph
