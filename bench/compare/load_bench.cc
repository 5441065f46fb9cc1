// kg_load_bench: kg's load of the comparison's domain graph, the load
// column of kg_compare: LoadKg from the CSV files to a queryable store,
// parsing included. Items are edges, so items_per_second is edges/s.
//
//   kg_load_bench --benchmark_filter=BM_BulkLoad/nodes:100000
//
// The CSV is written once per size under $TMPDIR; each iteration loads it
// into a new store, closed and deleted untimed.
#include <benchmark/benchmark.h>

#include <cstdlib>
#include <filesystem>
#include <string>

#include "absl/strings/str_cat.h"
#include "domain_graph.h"
#include "systems.h"

namespace kg::bench {
namespace {

void BM_BulkLoad(benchmark::State& state) {
  const char* tmp = std::getenv("TMPDIR");
  const std::string dir =
      absl::StrCat(tmp != nullptr ? tmp : "/tmp", "/kg_load_bench-", getpid());
  const std::string csv_dir = dir + "/csv";
  std::filesystem::create_directories(csv_dir);
  const DomainGraph graph =
      GenerateDomainGraph(static_cast<uint32_t>(state.range(0)), 1);
  if (absl::Status s = WriteCsv(graph, csv_dir); !s.ok()) {
    state.SkipWithError(s.ToString().c_str());
  }
  for (auto _ : state) {
    absl::StatusOr<Loaded<std::unique_ptr<graph::GraphStore>>> loaded =
        LoadKg(csv_dir, dir + "/db");
    state.PauseTiming();
    if (!loaded.ok()) {
      state.SkipWithError(loaded.status().ToString().c_str());
      break;
    }
    loaded->loaded.reset();
    std::filesystem::remove_all(dir + "/db");
    state.ResumeTiming();
  }
  state.SetItemsProcessed(state.iterations() * graph.edges.size());
  std::filesystem::remove_all(dir);
}
BENCHMARK(BM_BulkLoad)
    ->ArgName("nodes")
    ->Arg(10000)
    ->Arg(100000)
    ->Arg(1000000)
    ->Unit(benchmark::kMillisecond)
    ->UseRealTime();

}  // namespace
}  // namespace kg::bench

BENCHMARK_MAIN();
