#include "run_setup.h"

#include <cstdio>
#include <filesystem>
#include <utility>

#include "absl/strings/str_cat.h"
#include "absl/time/clock.h"
#include "absl/time/time.h"
#include "domain_graph.h"

namespace kg::bench {

absl::StatusOr<PreparedRun> PrepareRun(const std::string& work_dir,
                                       uint32_t nodes, uint64_t seed,
                                       const WorkloadSizes& sizes,
                                       const std::string& machine) {
  if (work_dir.empty()) {
    return absl::InvalidArgumentError("--work_dir: required");
  }
  PreparedRun run;
  run.csv_dir = work_dir + "/csv";
  std::error_code error;
  std::filesystem::create_directories(run.csv_dir, error);
  if (error) {
    return absl::InternalError(run.csv_dir + ": " + error.message());
  }
  run.info.nodes = nodes;
  run.info.machine = machine;
  run.info.date =
      absl::FormatTime("%Y-%m-%d %H:%M UTC", absl::Now(), absl::UTCTimeZone());
  // The graph is dropped once written: each system loads the CSV.
  DomainGraph graph = GenerateDomainGraph(nodes, seed);
  run.info.edges = graph.edges.size();
  absl::Status written = WriteCsv(graph, run.csv_dir);
  if (!written.ok()) return written;
  run.workload = MakeWorkload(graph, sizes, seed + 1);
  return run;
}

services::ServerOptions UncappedServerOptions() {
  services::ServerOptions options;
  options.listen_address = "127.0.0.1:0";
  services::QueryLimits& limits = options.query_limits;
  limits.max_depth = kMaxPathEdges;
  limits.max_fan_out = 1 << 30;
  limits.max_rows = uint64_t{1} << 40;
  limits.max_expansions = uint64_t{1} << 40;
  limits.max_time = absl::Hours(1);
  return options;
}

std::vector<std::string> KgServerCommandLine(const std::string& binary,
                                             const std::string& db_dir,
                                             const std::string& log_file) {
  const services::QueryLimits limits = UncappedServerOptions().query_limits;
  return {binary,
          "--db=" + db_dir,
          "--listen=127.0.0.1:0",
          "--http_listen=",
          "--reference_dir=",
          "--log_file=" + log_file,
          absl::StrCat("--block_cache_mb=", kKgBlockCacheBytes >> 20),
          absl::StrCat("--query_max_depth=", limits.max_depth),
          absl::StrCat("--query_max_fan_out=", limits.max_fan_out),
          absl::StrCat("--query_max_rows=", limits.max_rows),
          absl::StrCat("--query_max_expansions=", limits.max_expansions),
          "--query_max_time=" + absl::FormatDuration(limits.max_time)};
}

absl::StatusOr<SystemResult> RunOneClient(const std::string& name,
                                          double load_seconds,
                                          std::unique_ptr<Client> client,
                                          const Workload& workload) {
  std::vector<std::unique_ptr<Client>> clients;
  clients.push_back(std::move(client));
  return RunClients(name, load_seconds, clients, workload);
}

absl::Status CheckedResults::Add(absl::StatusOr<SystemResult> result) {
  if (!result.ok()) return result.status();
  if (!results_.empty()) {
    absl::Status same = CheckSameAnswers(results_.front(), *result, workload_);
    if (!same.ok()) return same;
  }
  fprintf(stderr, "%s: %s done\n", program_.c_str(), result->name.c_str());
  results_.push_back(*std::move(result));
  return absl::OkStatus();
}

}  // namespace kg::bench
