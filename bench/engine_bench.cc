// kg_engine_bench: the engine's costs on a synthetic domain-shaped graph.
//
// Builds, once per run, a graph of 20,000 nodes (states, organizations,
// events, commitments, frameworks, topics, documents, ...) with 8 out-edges
// per node whose ends favour hubs (the Security Council, the WPS agenda,
// big states), committed as ~100-fact documents, in a temporary directory
// that is removed at exit. Then measures a point lookup, a node's
// neighbours (all types, one type), a 100-fact document commit and an
// unchanged re-commit, each as one request on its own snapshot.
//
//   kg_engine_bench --benchmark_repetitions=5 \
//       --benchmark_report_aggregates_only=true
#include <benchmark/benchmark.h>
#include <stdlib.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <memory>
#include <random>
#include <string>
#include <vector>

#include "absl/strings/str_cat.h"
#include "kg/graph/graph_store.h"
#include "kg/graph/snapshot.h"

namespace kg::graph {
namespace {

constexpr int kNodes = 20000;
constexpr int kNodesPerDocument = 11;
constexpr int kOutEdgesPerNode = 8;  // 11 nodes + 88 edges = 99 facts.

struct Kind {
  const char* label;
  const char* prefix;
  int weight;  // Share of the nodes, in parts of 100.
};

constexpr Kind kKinds[] = {
    {"State", "state", 5},         {"Organization", "org", 15},
    {"UNBody", "unbody", 3},       {"Person", "person", 12},
    {"Event", "event", 15},        {"Commitment", "commitment", 25},
    {"Framework", "framework", 3}, {"Topic", "topic", 4},
    {"Document", "doc", 13},       {"Place", "place", 5},
};

constexpr const char* kEdgeTypes[] = {
    "MEMBER_OF", "PARTICIPATED_IN", "PLEDGED",  "RECOMMENDED", "ADDRESSED_TO",
    "UNDER",     "ABOUT",           "MENTIONS", "HOSTED",      "HELD_IN"};

kg::v1::Value StringValue(const std::string& s) {
  kg::v1::Value v;
  v.set_string_value(s);
  return v;
}

kg::v1::Value IntValue(int64_t i) {
  kg::v1::Value v;
  v.set_int_value(i);
  return v;
}

class Corpus {
 public:
  Corpus() : rng_(42) {
    for (int i = 0; i < kNodes; ++i) keys_.push_back(KeyOf(i));
  }

  const std::vector<std::string>& keys() const { return keys_; }

  static const Kind& KindOf(int i) {
    int slot = i % 100;
    for (const Kind& kind : kKinds) {
      if (slot < kind.weight) return kind;
      slot -= kind.weight;
    }
    return kKinds[0];
  }

  static std::string KeyOf(int i) {
    return absl::StrCat(KindOf(i).prefix, ":n", i);
  }

  kg::v1::Node NodeOf(int i, const std::string& key) {
    const Kind& kind = KindOf(i);
    kg::v1::Node node;
    node.set_key(key);
    node.set_label(kind.label);
    node.set_name(absl::StrCat(kind.label, " number ", i));
    node.add_aliases(absl::StrCat("N", i));
    (*node.mutable_props())["year"] = IntValue(2000 + i % 25);
    (*node.mutable_props())["kind"] = StringValue(kind.prefix);
    kg::v1::Source* source = node.add_sources();
    source->set_start(i % 1000);
    source->set_end(i % 1000 + 20);
    source->set_extractor("bench");
    source->set_confidence(0.9);
    return node;
  }

  // An end among the first `known` nodes, skewed so that a few hubs get
  // many edges, as the Security Council or the WPS agenda do.
  int RandomEnd(int known) {
    std::uniform_real_distribution<double> u(0, 1);
    double x = u(rng_);
    return std::min(known - 1, static_cast<int>(known * x * x * x));
  }

  kg::v1::Edge EdgeOf(const std::string& src, const std::string& dst) {
    kg::v1::Edge edge;
    edge.set_src_key(src);
    edge.set_type(kEdgeTypes[rng_() % std::size(kEdgeTypes)]);
    edge.set_dst_key(dst);
    kg::v1::Source* source = edge.add_sources();
    source->set_start(rng_() % 1000);
    source->set_end(source->start() + 30);
    source->set_extractor("bench");
    source->set_confidence(0.8);
    return edge;
  }

  // The document that asserts nodes [first, first + n) and their edges;
  // edge ends are among the nodes that exist by then.
  DocumentFacts Document(const std::string& doc_key, int first, int n) {
    DocumentFacts facts;
    facts.document_key = doc_key;
    for (int i = first; i < first + n; ++i) {
      facts.nodes.push_back(NodeOf(i, keys_[i]));
    }
    for (int i = first; i < first + n; ++i) {
      for (int e = 0; e < kOutEdgesPerNode; ++e) {
        facts.edges.push_back(EdgeOf(keys_[i], keys_[RandomEnd(first + n)]));
      }
    }
    return facts;
  }

  // A 99-fact document of new nodes (keys never seen) linked to the graph.
  DocumentFacts NewDocument(int serial) {
    DocumentFacts facts;
    facts.document_key = absl::StrCat("doc:bench-new-", serial);
    std::vector<std::string> fresh;
    for (int k = 0; k < kNodesPerDocument; ++k) {
      int i = kNodes + serial * kNodesPerDocument + k;
      fresh.push_back(KeyOf(i));
      facts.nodes.push_back(NodeOf(i, fresh.back()));
    }
    for (const std::string& src : fresh) {
      for (int e = 0; e < kOutEdgesPerNode; ++e) {
        const std::string& dst = e % 4 == 0 ? fresh[rng_() % fresh.size()]
                                            : keys_[RandomEnd(kNodes)];
        facts.edges.push_back(EdgeOf(src, dst));
      }
    }
    return facts;
  }

  std::mt19937_64& rng() { return rng_; }

 private:
  std::mt19937_64 rng_;
  std::vector<std::string> keys_;
};

// The graph every benchmark reads, built on first use.
class Bench {
 public:
  static Bench& Get() {
    static Bench* bench = new Bench();
    return *bench;
  }

  static void Destroy() {
    // Only when built: a --benchmark_list_tests run builds nothing.
    if (instance_built_) Get().Close();
  }

  GraphStore& store() { return *store_; }
  Corpus& corpus() { return corpus_; }

 private:
  Bench() {
    std::string tmpl =
        (std::filesystem::temp_directory_path() / "kg-engine-bench-XXXXXX")
            .string();
    if (mkdtemp(tmpl.data()) == nullptr) abort();
    dir_ = tmpl;
    instance_built_ = true;
    auto start = std::chrono::steady_clock::now();
    // Build without syncing each commit, then reopen as a server would.
    StoreOptions fast;
    fast.sync_writes = false;
    store_ = Open(fast);
    int documents = 0;
    for (int first = 0; first < kNodes; first += kNodesPerDocument) {
      int n = std::min(kNodesPerDocument, kNodes - first);
      auto summary = store_->CommitDocument(
          corpus_.Document(absl::StrCat("doc:bench-", first), first, n));
      if (!summary.ok()) {
        fprintf(stderr, "build: %s\n", summary.status().ToString().c_str());
        abort();
      }
      ++documents;
    }
    store_.reset();
    store_ = Open(StoreOptions());
    GraphStats stats = *store_->NewSnapshot()->Stats();
    double seconds =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - start)
            .count();
    fprintf(stderr,
            "graph: %llu nodes, %llu edges, %d documents, built in %.1f s "
            "(%s)\n",
            static_cast<unsigned long long>(stats.node_count),
            static_cast<unsigned long long>(stats.edge_count), documents,
            seconds, dir_.c_str());
  }

  std::unique_ptr<GraphStore> Open(const StoreOptions& options) {
    auto store = GraphStore::Open(dir_ + "/db", options);
    if (!store.ok()) {
      fprintf(stderr, "open: %s\n", store.status().ToString().c_str());
      abort();
    }
    return *std::move(store);
  }

  void Close() {
    store_.reset();
    std::error_code ignored;
    std::filesystem::remove_all(dir_, ignored);
  }

  static inline bool instance_built_ = false;
  std::string dir_;
  Corpus corpus_;
  std::unique_ptr<GraphStore> store_;
};

// A random node (arg 0), or the biggest hub (arg 1): every document that
// links to a node adds an assertion (an "edge-endpoint" source) to it.
void BM_GetNode(benchmark::State& state) {
  Bench& bench = Bench::Get();
  std::mt19937_64 rng(1);
  const std::vector<std::string>& keys = bench.corpus().keys();
  int64_t sources = 0;
  for (auto _ : state) {
    std::unique_ptr<Snapshot> snapshot = bench.store().NewSnapshot();
    absl::StatusOr<kg::v1::Node> node = snapshot->GetNode(
        state.range(0) == 1 ? keys[0] : keys[rng() % keys.size()]);
    if (!node.ok()) {
      state.SkipWithError("GetNode failed");
      break;
    }
    sources += node->sources_size();
    benchmark::DoNotOptimize(node);
  }
  state.SetItemsProcessed(state.iterations());
  state.counters["sources/node"] = benchmark::Counter(
      static_cast<double>(sources), benchmark::Counter::kAvgIterations);
}
BENCHMARK(BM_GetNode)->ArgName("hub")->Arg(0)->Arg(1);

// A random node's edges in both directions: all types (arg 0) or one type
// (arg 1), one page of up to 1,000.
void BM_ListEdges(benchmark::State& state) {
  Bench& bench = Bench::Get();
  std::mt19937_64 rng(2);
  const std::vector<std::string>& keys = bench.corpus().keys();
  int64_t edges = 0;
  for (auto _ : state) {
    EdgeQuery query;
    query.node_key = keys[rng() % keys.size()];
    if (state.range(0) == 1) query.types = {kEdgeTypes[rng() % 10]};
    std::unique_ptr<Snapshot> snapshot = bench.store().NewSnapshot();
    absl::StatusOr<EdgePage> page = snapshot->ListEdges(query, "", 1000);
    if (!page.ok()) {
      state.SkipWithError("ListEdges failed");
      break;
    }
    edges += page->edges.size();
    benchmark::DoNotOptimize(page);
  }
  state.SetItemsProcessed(state.iterations());
  state.counters["edges/call"] = benchmark::Counter(
      static_cast<double>(edges), benchmark::Counter::kAvgIterations);
}
BENCHMARK(BM_ListEdges)->ArgName("one_type")->Arg(0)->Arg(1);

// A node's neighbours by the degree counters alone.
void BM_Degree(benchmark::State& state) {
  Bench& bench = Bench::Get();
  std::mt19937_64 rng(3);
  const std::vector<std::string>& keys = bench.corpus().keys();
  for (auto _ : state) {
    std::unique_ptr<Snapshot> snapshot = bench.store().NewSnapshot();
    absl::StatusOr<uint64_t> degree = snapshot->Degree(
        keys[rng() % keys.size()], Direction::kBoth, kEdgeTypes[rng() % 10]);
    if (!degree.ok()) state.SkipWithError("Degree failed");
    benchmark::DoNotOptimize(degree);
  }
}
BENCHMARK(BM_Degree);

// Exact name lookup through the `names` index.
void BM_ListNodesByName(benchmark::State& state) {
  Bench& bench = Bench::Get();
  std::mt19937_64 rng(4);
  for (auto _ : state) {
    NodeQuery query;
    query.name = absl::StrCat("n", rng() % kNodes);
    std::unique_ptr<Snapshot> snapshot = bench.store().NewSnapshot();
    absl::StatusOr<NodePage> page = snapshot->ListNodes(query, "", 10);
    if (!page.ok() || page->nodes.size() != 1) {
      state.SkipWithError("ListNodes failed");
    }
    benchmark::DoNotOptimize(page);
  }
}
BENCHMARK(BM_ListNodesByName);

// One 99-fact document of new nodes and edges per iteration, committed
// with the default (synced) options.
void BM_CommitDocument(benchmark::State& state) {
  Bench& bench = Bench::Get();
  static int serial = 0;
  for (auto _ : state) {
    state.PauseTiming();
    DocumentFacts facts = bench.corpus().NewDocument(serial++);
    state.ResumeTiming();
    absl::StatusOr<kg::v1::CommitSummary> summary =
        bench.store().CommitDocument(facts);
    if (!summary.ok() || !summary->changed()) {
      state.SkipWithError("CommitDocument failed");
    }
  }
  state.SetItemsProcessed(state.iterations() * 99);
}
BENCHMARK(BM_CommitDocument)->UseRealTime();

// Re-committing a stored 99-fact document: read and compare, write nothing.
void BM_RecommitUnchanged(benchmark::State& state) {
  Bench& bench = Bench::Get();
  DocumentFacts facts = bench.corpus().Document("doc:bench-0", 0, 11);
  // Make it the stored version first (the corpus's random edges differ).
  if (!bench.store().CommitDocument(facts).ok()) {
    state.SkipWithError("setup commit failed");
    return;
  }
  for (auto _ : state) {
    absl::StatusOr<kg::v1::CommitSummary> summary =
        bench.store().CommitDocument(facts);
    if (!summary.ok() || summary->changed()) {
      state.SkipWithError("re-commit changed something");
    }
  }
  state.SetItemsProcessed(state.iterations() * 99);
}
BENCHMARK(BM_RecommitUnchanged)->UseRealTime();

}  // namespace
}  // namespace kg::graph

int main(int argc, char** argv) {
  benchmark::Initialize(&argc, argv);
  if (benchmark::ReportUnrecognizedArguments(argc, argv)) return 1;
  benchmark::RunSpecifiedBenchmarks();
  benchmark::Shutdown();
  kg::graph::Bench::Destroy();
  return 0;
}
