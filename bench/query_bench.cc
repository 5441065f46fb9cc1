// kg_query_bench: the QueryService's plans, in process (no gRPC), on the
// synthetic graph of synthetic_graph.h: Traverse to 3 hops, ShortestPath
// between actors, Commitments by framework and by actor, and Search by
// name prefix and through commitment texts. Each call reads its own
// snapshot and builds its response messages, as the service does.
//
//   kg_query_bench --benchmark_repetitions=5 \
//       --benchmark_report_aggregates_only=true
#include <benchmark/benchmark.h>

#include <memory>
#include <random>
#include <string>
#include <vector>

#include "absl/strings/str_cat.h"
#include "bench_main.h"
#include "kg/graph/query/query_budget.h"
#include "kg/services/query_plans.h"
#include "synthetic_graph.h"

namespace kg::services {
namespace {

using bench::BenchGraph;
using bench::Corpus;

// Caps no benchmark reaches: what is measured is the work, not a refusal.
const QueryLimits& Limits() {
  static const QueryLimits* limits = [] {
    auto* out = new QueryLimits();
    out->max_rows = 1'000'000;
    out->max_expansions = 100'000'000;
    out->max_time = absl::Minutes(1);
    return out;
  }();
  return *limits;
}

// Runs one plan on a fresh snapshot; a failure ends the benchmark.
template <typename Plan>
bool Call(benchmark::State& state, Plan plan) {
  graph::query::QueryBudget budget(
      BudgetFor(Limits(), absl::InfiniteFuture(), nullptr));
  std::unique_ptr<graph::Snapshot> snapshot =
      BenchGraph::Get().store().NewSnapshot();
  absl::Status status = plan(QueryEnv{*snapshot, budget, Limits()});
  if (!status.ok()) state.SkipWithError(status.ToString().c_str());
  return status.ok();
}

// Everything 3 hops out of a random node (the server's fan-out cap of
// 1,000 applies).
void BM_Traverse3Hops(benchmark::State& state) {
  const std::vector<std::string>& keys = BenchGraph::Get().corpus().keys();
  std::mt19937_64 rng(11);
  int64_t nodes = 0;
  for (auto _ : state) {
    kg::v1::TraverseRequest request;
    request.add_start_keys(keys[rng() % keys.size()]);
    request.set_direction(kg::v1::DIRECTION_OUT);
    request.set_max_depth(3);
    bool ok = Call(state, [&](const QueryEnv& env) {
      return RunTraverse(env, request,
                         [&](const kg::v1::TraverseResponse& batch) {
                           nodes += batch.nodes_size();
                           return true;
                         });
    });
    if (!ok) break;
  }
  state.counters["nodes/call"] = benchmark::Counter(
      static_cast<double>(nodes), benchmark::Counter::kAvgIterations);
}
BENCHMARK(BM_Traverse3Hops)->Unit(benchmark::kMicrosecond);

// Between two random states or organizations, either direction, at most
// 6 edges.
void BM_ShortestPath(benchmark::State& state) {
  static const std::vector<std::string> actors =
      Corpus::KeysOf({"State", "Organization"});
  std::mt19937_64 rng(12);
  int64_t found = 0;
  int64_t edges = 0;
  for (auto _ : state) {
    kg::v1::ShortestPathRequest request;
    request.set_from_key(actors[rng() % actors.size()]);
    request.set_to_key(actors[rng() % actors.size()]);
    kg::v1::ShortestPathResponse response;
    if (!Call(state, [&](const QueryEnv& env) {
          return RunShortestPath(env, request, &response);
        })) {
      break;
    }
    found += response.found();
    edges += response.path().edges_size();
  }
  state.counters["found"] = benchmark::Counter(
      static_cast<double>(found), benchmark::Counter::kAvgIterations);
  state.counters["edges/path"] =
      benchmark::Counter(found == 0 ? 0 : static_cast<double>(edges) / found);
}
BENCHMARK(BM_ShortestPath)->Unit(benchmark::kMicrosecond);

// One page of up to 1,000 rows: under a random framework (arg 0, with the
// frameworks PART_OF it) or by a random state or organization (arg 1).
void BM_Commitments(benchmark::State& state) {
  static const std::vector<std::string> frameworks =
      Corpus::KeysOf({"Framework"});
  static const std::vector<std::string> actors =
      Corpus::KeysOf({"State", "Organization"});
  std::mt19937_64 rng(13);
  int64_t rows = 0;
  for (auto _ : state) {
    kg::v1::CommitmentsRequest request;
    if (state.range(0) == 0) {
      request.set_framework_key(frameworks[rng() % frameworks.size()]);
    } else {
      request.set_actor_key(actors[rng() % actors.size()]);
    }
    request.set_page_size(1000);
    kg::v1::CommitmentsResponse response;
    if (!Call(state, [&](const QueryEnv& env) {
          return RunCommitments(env, request, &response);
        })) {
      break;
    }
    rows += response.rows_size();
  }
  state.counters["rows/call"] = benchmark::Counter(
      static_cast<double>(rows), benchmark::Counter::kAvgIterations);
}
BENCHMARK(BM_Commitments)
    ->ArgName("by_actor")
    ->Arg(0)
    ->Arg(1)
    ->Unit(benchmark::kMicrosecond);

// Autocomplete on an alias prefix ("N" and 1-3 digits, arg 0), or a phrase
// in every commitment's text (arg 1).
void BM_Search(benchmark::State& state) {
  std::mt19937_64 rng(14);
  int64_t hits = 0;
  for (auto _ : state) {
    kg::v1::SearchRequest request;
    if (state.range(0) == 0) {
      request.set_query(absl::StrCat("N", rng() % 1000));
    } else {
      request.set_query("women peacekeepers");
      request.set_include_texts(true);
    }
    kg::v1::SearchResponse response;
    if (!Call(state, [&](const QueryEnv& env) {
          return RunSearch(env, request, &response);
        })) {
      break;
    }
    hits += response.hits_size();
  }
  state.counters["hits/call"] = benchmark::Counter(
      static_cast<double>(hits), benchmark::Counter::kAvgIterations);
}
BENCHMARK(BM_Search)->ArgName("texts")->Arg(0)->Arg(1)->Unit(
    benchmark::kMicrosecond);

}  // namespace
}  // namespace kg::services

int main(int argc, char** argv) { return kg::bench::RunBenchmarks(argc, argv); }
