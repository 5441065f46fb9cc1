// The synthetic domain-shaped graph the benchmarks read.
//
// 20,000 nodes (states, organizations, events, commitments, frameworks,
// topics, documents, ...) with 8 out-edges per node whose ends favour hubs
// (the Security Council, the WPS agenda, big states), committed as
// ~100-fact documents, in a temporary directory that is removed at exit.
// Node i has the key "<prefix>:n<i>", the name "<Label> number <i>" and
// the alias "N<i>"; commitments also have a `kind` and a `text`.
#ifndef KG_BENCH_SYNTHETIC_GRAPH_H_
#define KG_BENCH_SYNTHETIC_GRAPH_H_

#include <initializer_list>
#include <iterator>
#include <memory>
#include <random>
#include <string>
#include <vector>

#include "kg/graph/document_facts.h"
#include "kg/graph/graph_store.h"

namespace kg::bench {

inline constexpr int kNodes = 20000;
inline constexpr int kNodesPerDocument = 11;
inline constexpr int kOutEdgesPerNode = 8;  // 11 nodes + 88 edges = 99 facts.

struct Kind {
  const char* label;
  const char* prefix;
  int weight;  // Share of the nodes, in parts of 100.
};

inline constexpr Kind kKinds[] = {
    {"State", "state", 5},         {"Organization", "org", 15},
    {"UNBody", "unbody", 3},       {"Person", "person", 12},
    {"Event", "event", 15},        {"Commitment", "commitment", 25},
    {"Framework", "framework", 3}, {"Topic", "topic", 4},
    {"Document", "doc", 13},       {"Place", "place", 5},
};

inline constexpr const char* kEdgeTypes[] = {
    "MEMBER_OF", "PARTICIPATED_IN", "PLEDGED",  "RECOMMENDED", "ADDRESSED_TO",
    "UNDER",     "ABOUT",           "MENTIONS", "HOSTED",      "HELD_IN"};
inline constexpr int kEdgeTypeCount = std::size(kEdgeTypes);

class Corpus {
 public:
  Corpus();

  const std::vector<std::string>& keys() const { return keys_; }

  static const Kind& KindOf(int i);
  static std::string KeyOf(int i);
  // The keys of the nodes with one of `labels`, in node order.
  static std::vector<std::string> KeysOf(
      std::initializer_list<std::string> labels);

  // The document that asserts nodes [first, first + n) and their edges;
  // edge ends are among the nodes that exist by then.
  graph::DocumentFacts Document(const std::string& doc_key, int first, int n);

  // A 99-fact document of new nodes (keys never seen) linked to the graph.
  graph::DocumentFacts NewDocument(int serial);

  std::mt19937_64& rng() { return rng_; }

 private:
  kg::v1::Node NodeOf(int i, const std::string& key);
  // An end among the first `known` nodes, skewed so that a few hubs get
  // many edges, as the Security Council or the WPS agenda do.
  int RandomEnd(int known);
  kg::v1::Edge EdgeOf(const std::string& src, const std::string& dst);

  std::mt19937_64 rng_;
  std::vector<std::string> keys_;
};

// The graph, built on first use (once per benchmark run).
class BenchGraph {
 public:
  static BenchGraph& Get();
  // Removes the graph's directory, if it was built (a
  // --benchmark_list_tests run builds nothing).
  static void Destroy();

  graph::GraphStore& store() { return *store_; }
  Corpus& corpus() { return corpus_; }

 private:
  BenchGraph();
  std::unique_ptr<graph::GraphStore> Open(const graph::StoreOptions& options);
  void Close();

  static inline bool built_ = false;
  std::string dir_;
  Corpus corpus_;
  std::unique_ptr<graph::GraphStore> store_;
};

}  // namespace kg::bench

#endif  // KG_BENCH_SYNTHETIC_GRAPH_H_
