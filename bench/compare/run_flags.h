// The flags both comparison programs (kg_compare, kg_compare_cypher) read
// before they time anything. Each program defines them with its own
// defaults (ABSL_FLAG: nodes, seed, work_dir, machine, q1, q2, q4, q5);
// this file is compiled into both and reads them in one place.
#ifndef KG_BENCH_COMPARE_RUN_FLAGS_H_
#define KG_BENCH_COMPARE_RUN_FLAGS_H_

#include "absl/status/statusor.h"
#include "run_setup.h"

namespace kg::bench {

// PrepareRun with the graph size, seed, work directory, machine and
// workload sizes of the command line.
absl::StatusOr<PreparedRun> PrepareRunFromFlags();

}  // namespace kg::bench

#endif  // KG_BENCH_COMPARE_RUN_FLAGS_H_
