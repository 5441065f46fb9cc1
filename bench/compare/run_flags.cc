#include "run_flags.h"

#include <cstdint>
#include <string>

#include "absl/flags/declare.h"
#include "absl/flags/flag.h"

ABSL_DECLARE_FLAG(uint32_t, nodes);
ABSL_DECLARE_FLAG(uint64_t, seed);
ABSL_DECLARE_FLAG(std::string, work_dir);
ABSL_DECLARE_FLAG(std::string, machine);
ABSL_DECLARE_FLAG(int, q1);
ABSL_DECLARE_FLAG(int, q2);
ABSL_DECLARE_FLAG(int, q4);
ABSL_DECLARE_FLAG(int, q5);

namespace kg::bench {

absl::StatusOr<PreparedRun> PrepareRunFromFlags() {
  WorkloadSizes sizes{absl::GetFlag(FLAGS_q1), absl::GetFlag(FLAGS_q2),
                      absl::GetFlag(FLAGS_q4), absl::GetFlag(FLAGS_q5)};
  return PrepareRun(absl::GetFlag(FLAGS_work_dir), absl::GetFlag(FLAGS_nodes),
                    absl::GetFlag(FLAGS_seed), sizes,
                    absl::GetFlag(FLAGS_machine));
}

}  // namespace kg::bench
