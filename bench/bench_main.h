// The main() every Google Benchmark program here shares.
#ifndef KG_BENCH_BENCH_MAIN_H_
#define KG_BENCH_BENCH_MAIN_H_

#include <functional>

namespace kg::bench {

// Runs the benchmarks the flags select, then `teardown` (for what the
// benchmarks started, such as a server) and destroys the shared BenchGraph.
// Returns main's exit code.
int RunBenchmarks(int argc, char** argv,
                  const std::function<void()>& teardown = nullptr);

}  // namespace kg::bench

#endif  // KG_BENCH_BENCH_MAIN_H_
