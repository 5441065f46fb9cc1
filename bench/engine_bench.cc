// kg_engine_bench: the engine's costs on the synthetic graph of
// synthetic_graph.h: a point lookup, a node's neighbours (all types, one
// type), a 100-fact document commit and an unchanged re-commit, each as
// one request on its own snapshot.
//
//   kg_engine_bench --benchmark_repetitions=5 \
//       --benchmark_report_aggregates_only=true
#include <benchmark/benchmark.h>
#include <stdlib.h>

#include <algorithm>
#include <filesystem>
#include <memory>
#include <random>
#include <string>
#include <vector>

#include "absl/strings/str_cat.h"
#include "bench_main.h"
#include "kg/graph/graph_store.h"
#include "kg/graph/snapshot.h"
#include "synthetic_graph.h"

namespace kg::graph {
namespace {

using bench::BenchGraph;
using bench::kEdgeTypeCount;
using bench::kEdgeTypes;
using bench::kNodes;

// A random node (arg 0), or the biggest hub (arg 1): every document that
// links to a node adds an assertion (an "edge-endpoint" source) to it.
void BM_GetNode(benchmark::State& state) {
  BenchGraph& bench = BenchGraph::Get();
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
  BenchGraph& bench = BenchGraph::Get();
  std::mt19937_64 rng(2);
  const std::vector<std::string>& keys = bench.corpus().keys();
  int64_t edges = 0;
  for (auto _ : state) {
    EdgeQuery query;
    query.node_key = keys[rng() % keys.size()];
    if (state.range(0) == 1) query.types = {kEdgeTypes[rng() % kEdgeTypeCount]};
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
  BenchGraph& bench = BenchGraph::Get();
  std::mt19937_64 rng(3);
  const std::vector<std::string>& keys = bench.corpus().keys();
  for (auto _ : state) {
    std::unique_ptr<Snapshot> snapshot = bench.store().NewSnapshot();
    absl::StatusOr<uint64_t> degree =
        snapshot->Degree(keys[rng() % keys.size()], Direction::kBoth,
                         kEdgeTypes[rng() % kEdgeTypeCount]);
    if (!degree.ok()) state.SkipWithError("Degree failed");
    benchmark::DoNotOptimize(degree);
  }
}
BENCHMARK(BM_Degree);

// Exact name lookup through the `names` index.
void BM_ListNodesByName(benchmark::State& state) {
  BenchGraph& bench = BenchGraph::Get();
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
  BenchGraph& bench = BenchGraph::Get();
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
  BenchGraph& bench = BenchGraph::Get();
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

// Bulk load of N nodes (arg) and 8 edges per node with skewed ends into an
// empty store, until Finish returns (the data are ingested and the topology
// is built). Each fact has one source, as a CSV import gives it.
void BM_BulkLoad(benchmark::State& state) {
  const int nodes = static_cast<int>(state.range(0));
  std::vector<std::string> keys;
  keys.reserve(nodes);
  for (int i = 0; i < nodes; ++i) keys.push_back(bench::Corpus::KeyOf(i));
  // 8 distinct (type, dst) per source, ends skewed toward low ids (hubs).
  struct EdgeSpec {
    int src, type, dst;
  };
  std::vector<EdgeSpec> edges;
  edges.reserve(static_cast<size_t>(nodes) * 8);
  std::mt19937_64 rng(5);
  std::uniform_real_distribution<double> u(0, 1);
  for (int src = 0; src < nodes; ++src) {
    const size_t first = edges.size();
    while (edges.size() - first < 8) {
      const double x = u(rng);
      EdgeSpec e{src, static_cast<int>(rng() % kEdgeTypeCount),
                 std::min(nodes - 1, static_cast<int>(nodes * x * x * x))};
      if (std::none_of(edges.begin() + first, edges.end(),
                       [&](const EdgeSpec& o) {
                         return o.type == e.type && o.dst == e.dst;
                       })) {
        edges.push_back(e);
      }
    }
  }
  for (auto _ : state) {
    state.PauseTiming();
    std::string dir =
        absl::StrCat(std::filesystem::temp_directory_path().string(),
                     "/kg_bulk_bench_XXXXXX");
    if (mkdtemp(dir.data()) == nullptr) {
      state.SkipWithError("mkdtemp failed");
      break;
    }
    StoreOptions options;
    options.sync_writes = false;
    absl::StatusOr<std::unique_ptr<GraphStore>> store =
        GraphStore::Open(dir, options);
    state.ResumeTiming();
    absl::Status status = store.status();
    if (status.ok()) {
      absl::StatusOr<std::unique_ptr<BulkLoader>> loader =
          (*store)->NewBulkLoader("doc:bulk");
      status = loader.status();
      kg::v1::Node node;
      kg::v1::Source* node_source = node.add_sources();
      node_source->set_extractor("csv");
      for (int i = 0; status.ok() && i < nodes; ++i) {
        const bench::Kind& kind = bench::Corpus::KindOf(i);
        node.set_key(keys[i]);
        node.set_label(kind.label);
        node.set_name(absl::StrCat(kind.label, " ", i));
        node_source->set_start(i);
        node_source->set_end(i + 1);
        status = (*loader)->AddNode(node).status();
      }
      kg::v1::Edge edge;
      kg::v1::Source* edge_source = edge.add_sources();
      edge_source->set_extractor("csv");
      for (size_t i = 0; status.ok() && i < edges.size(); ++i) {
        edge.set_src_key(keys[edges[i].src]);
        edge.set_type(kEdgeTypes[edges[i].type]);
        edge.set_dst_key(keys[edges[i].dst]);
        edge_source->set_start(i);
        edge_source->set_end(i + 1);
        status = (*loader)->AddEdge(edge);
      }
      if (status.ok()) status = (*loader)->Finish().status();
    }
    state.PauseTiming();
    store = absl::CancelledError();
    std::filesystem::remove_all(dir);
    if (!status.ok()) {
      state.SkipWithError(status.ToString().c_str());
      break;
    }
    state.ResumeTiming();
  }
  state.counters["edges/s"] =
      benchmark::Counter(static_cast<double>(edges.size()) * state.iterations(),
                         benchmark::Counter::kIsRate);
}
BENCHMARK(BM_BulkLoad)
    ->ArgName("nodes")
    ->Arg(100'000)
    ->Arg(1'000'000)
    ->Iterations(1)
    ->Unit(benchmark::kMillisecond)
    ->UseRealTime();

}  // namespace
}  // namespace kg::graph

int main(int argc, char** argv) { return kg::bench::RunBenchmarks(argc, argv); }
