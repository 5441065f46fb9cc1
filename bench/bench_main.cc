#include "bench_main.h"

#include <benchmark/benchmark.h>

#include "synthetic_graph.h"

namespace kg::bench {

int RunBenchmarks(int argc, char** argv,
                  const std::function<void()>& teardown) {
  benchmark::Initialize(&argc, argv);
  if (benchmark::ReportUnrecognizedArguments(argc, argv)) return 1;
  benchmark::RunSpecifiedBenchmarks();
  benchmark::Shutdown();
  if (teardown) teardown();
  BenchGraph::Destroy();
  return 0;
}

}  // namespace kg::bench
