// What both comparison programs (kg_compare, kg_compare_cypher) do before
// they time anything: generate the graph, write its CSV, draw the
// workload; and the server options under which the questions run uncapped.
#ifndef KG_BENCH_COMPARE_RUN_SETUP_H_
#define KG_BENCH_COMPARE_RUN_SETUP_H_

#include <cstdint>
#include <memory>
#include <string>
#include <utility>
#include <vector>

#include "absl/status/statusor.h"
#include "kg/services/server_builder.h"
#include "measure.h"
#include "workload.h"

namespace kg::bench {

struct PreparedRun {
  RunInfo info;
  Workload workload;
  std::string csv_dir;  // work_dir/csv, holding the generated graph
};

// Generates a graph of `nodes` nodes from `seed`, writes it as CSV under
// work_dir/csv and draws the workload from seed + 1. InvalidArgument if
// work_dir is empty.
absl::StatusOr<PreparedRun> PrepareRun(const std::string& work_dir,
                                       uint32_t nodes, uint64_t seed,
                                       const WorkloadSizes& sizes,
                                       const std::string& machine);

// A loopback server whose query limits let every question finish.
services::ServerOptions UncappedServerOptions();

// The RocksDB block cache of kg's store, in process and in kg-server.
constexpr size_t kKgBlockCacheBytes = size_t{256} << 20;

// The command line of the kg-server `binary` serving the database `db_dir`
// (which no other process may hold open) as the in-process runs do: on a
// free 127.0.0.1 port, with UncappedServerOptions' query limits and
// kKgBlockCacheBytes of block cache, no HTTP listener and no reference
// data, its log appended to `log_file`.
std::vector<std::string> KgServerCommandLine(const std::string& binary,
                                             const std::string& db_dir,
                                             const std::string& log_file);

// RunClients with `client` alone.
absl::StatusOr<SystemResult> RunOneClient(const std::string& name,
                                          double load_seconds,
                                          std::unique_ptr<Client> client,
                                          const Workload& workload);

// One program's results, each checked against the first's answers as it
// is added (the first is the reference).
class CheckedResults {
 public:
  // `program` prefixes the progress lines on stderr.
  CheckedResults(std::string program, const Workload& workload)
      : program_(std::move(program)), workload_(workload) {}

  // Keeps `result` once its answers equal the first result's; returns the
  // run's error or the first difference otherwise.
  absl::Status Add(absl::StatusOr<SystemResult> result);

  std::vector<SystemResult>& results() { return results_; }

 private:
  const std::string program_;
  const Workload& workload_;
  std::vector<SystemResult> results_;
};

}  // namespace kg::bench

#endif  // KG_BENCH_COMPARE_RUN_SETUP_H_
