// kg_compare_cypher: the comparison's questions Q1..Q5 (workload.h) asked
// of kg as openCypher queries (cypher_system.h), in process and through
// QueryService.Run, next to the typed RPCs and the query operators on the
// same generated graph. Checks every run's answers against the operators'
// and only then prints each question's median, p99 and throughput.
//
//   kg_compare_cypher --work_dir=/tmp/x [--nodes=20000] [--q1=1000] ...
#include <cstdio>
#include <string>
#include <vector>

#include "absl/flags/flag.h"
#include "absl/flags/parse.h"
#include "cypher_system.h"
#include "kg/services/server_builder.h"
#include "run_flags.h"
#include "systems.h"

ABSL_FLAG(uint32_t, nodes, 20000, "Nodes of the generated graph.");
ABSL_FLAG(uint64_t, seed, 1, "Seed of the graph and the workload.");
ABSL_FLAG(std::string, work_dir, "",
          "Directory for the CSV and the database (required).");
ABSL_FLAG(std::string, machine, "unknown machine", "Described in the results.");
ABSL_FLAG(int, q1, 1000, "Q1 asks.");
ABSL_FLAG(int, q2, 200, "Q2 asks.");
ABSL_FLAG(int, q4, 50, "Q4 asks.");
ABSL_FLAG(int, q5, 10, "Q5 asks.");

namespace kg::bench {
namespace {

int Fail(const absl::Status& status) {
  fprintf(stderr, "kg_compare_cypher: %s\n", status.ToString().c_str());
  return 1;
}

int Main() {
  absl::StatusOr<PreparedRun> prepared = PrepareRunFromFlags();
  if (!prepared.ok()) return Fail(prepared.status());
  const RunInfo& info = prepared->info;
  const Workload& workload = prepared->workload;
  const std::string& csv_dir = prepared->csv_dir;
  const std::string work_dir = absl::GetFlag(FLAGS_work_dir);
  auto kg = LoadKg(csv_dir, work_dir + "/kg-db");
  if (!kg.ok()) return Fail(kg.status());
  graph::GraphStore& store = *kg->loaded;

  auto server = services::KgServer::Start(store, UncappedServerOptions());
  if (!server.ok()) return Fail(server.status());
  const std::string address = (*server)->address();

  struct Run {
    const char* name;
    std::unique_ptr<Client> client;
  };
  std::vector<Run> runs;
  runs.push_back({"kg operators in process", NewKgInProcessClient(store)});
  runs.push_back({"kg typed RPCs (gRPC)", NewKgGrpcClient(address)});
  runs.push_back({"kg Cypher in process", NewKgCypherInProcessClient(store)});
  runs.push_back({"kg Cypher Run (gRPC)", NewKgCypherGrpcClient(address)});
  CheckedResults checked("kg_compare_cypher", workload);
  for (Run& run : runs) {
    absl::Status added = checked.Add(
        RunOneClient(run.name, kg->seconds, std::move(run.client), workload));
    if (!added.ok()) return Fail(added);
  }
  PrintTable(info, checked.results(), stdout);
  return 0;
}

}  // namespace
}  // namespace kg::bench

int main(int argc, char** argv) {
  absl::ParseCommandLine(argc, argv);
  return kg::bench::Main();
}
