// kg_compare: loads one generated graph into kg (in process and over
// gRPC), SQLite, PostgreSQL and Kuzu, asks each the same questions, checks
// that every system's answers equal kg's, and only then prints load times
// and each question's median, p99 and throughput, with ratios to kg.
// bench/compare/run.sh sets up the peers and runs this.
//
//   kg_compare --nodes=100000 --work_dir=/tmp/x --json=out.json \
//       [--postgres='host=... port=...'] [--kuzu_dir=DIR]
#include <cstdio>

#include "absl/flags/flag.h"
#include "absl/flags/parse.h"
#include "absl/strings/str_cat.h"
#include "absl/time/time.h"
#include "child_process.h"
#include "run_flags.h"
#include "run_setup.h"
#include "systems.h"

ABSL_FLAG(uint32_t, nodes, 100000, "Nodes of the generated graph.");
ABSL_FLAG(uint64_t, seed, 1, "Seed of the graph and the workload.");
ABSL_FLAG(std::string, work_dir, "",
          "Directory for the CSV and the databases (required).");
ABSL_FLAG(std::string, json, "", "Where to write the results as JSON.");
ABSL_FLAG(std::string, postgres, "",
          "libpq connection string; empty skips PostgreSQL.");
ABSL_FLAG(std::string, postgres_skipped, "not set up",
          "Why PostgreSQL is skipped when --postgres is empty.");
ABSL_FLAG(std::string, kuzu_dir, "",
          "Directory of run_kuzu.js with the kuzu package installed; empty "
          "skips Kuzu.");
ABSL_FLAG(std::string, kuzu_skipped, "not set up",
          "Why Kuzu is skipped when --kuzu_dir is empty.");
ABSL_FLAG(std::string, machine, "unknown machine", "Described in the results.");
ABSL_FLAG(int, q1, 10000, "Q1 asks.");
ABSL_FLAG(int, q2, 1000, "Q2 asks.");
ABSL_FLAG(int, q4, 200, "Q4 asks.");
ABSL_FLAG(int, q5, 50, "Q5 asks.");
ABSL_FLAG(int, grpc_clients, 8, "Concurrent clients of the second gRPC run.");
ABSL_FLAG(std::string, kg_server, KG_SERVER_PATH,
          "The kg-server binary the gRPC runs start on the loaded store.");
ABSL_FLAG(bool, kg_only, false,
          "Runs kg alone (no peers), e.g. to measure its memory or profile "
          "its load.");

namespace kg::bench {
namespace {

int Fail(const absl::Status& status) {
  fprintf(stderr, "kg_compare: %s\n", status.ToString().c_str());
  return 1;
}

SystemResult Skipped(const std::string& name, const std::string& why) {
  SystemResult result;
  result.name = name;
  result.skipped = why;
  fprintf(stderr, "kg_compare: %s skipped: %s\n", name.c_str(), why.c_str());
  return result;
}

int Report(const RunInfo& info, const std::vector<SystemResult>& results);

// kg over gRPC with one client, then --grpc_clients at once, against
// kg-server in a process of its own on the database work_dir/kg-db.
absl::Status RunGrpc(const std::string& work_dir, double load_seconds,
                     const Workload& workload, CheckedResults& checked) {
  const std::string log_file = work_dir + "/kg-server.log";
  // Opening a large store builds its in-memory topology first.
  auto server = tools::ChildProcess::StartServer(
      KgServerCommandLine(absl::GetFlag(FLAGS_kg_server), work_dir + "/kg-db",
                          log_file),
      absl::Minutes(10));
  if (absl::IsUnavailable(server.status())) {
    return absl::UnavailableError(
        absl::StrCat(server.status().message(), "; see ", log_file));
  }
  if (!server.ok()) return server.status();
  const std::string& address = (*server)->address();
  absl::Status status = checked.Add(RunOneClient(
      "kg gRPC 1 client", load_seconds, NewKgGrpcClient(address), workload));
  if (status.ok()) {
    std::vector<std::unique_ptr<Client>> clients;
    for (int i = 0; i < absl::GetFlag(FLAGS_grpc_clients); ++i) {
      clients.push_back(NewKgGrpcClient(address));
    }
    status = checked.Add(
        RunClients(absl::StrCat("kg gRPC ", clients.size(), " clients"),
                   load_seconds, clients, workload));
  }
  if (!status.ok()) return status;
  // The clients have hung up: the server stops without waiting for them.
  const int exit_code = (*server)->Stop();
  return exit_code == 0 ? absl::OkStatus()
                        : absl::InternalError(absl::StrCat(
                              "kg-server exited with status ", exit_code));
}

int Main() {
  absl::StatusOr<PreparedRun> prepared = PrepareRunFromFlags();
  if (!prepared.ok()) return Fail(prepared.status());
  const RunInfo& info = prepared->info;
  const Workload& workload = prepared->workload;
  const std::string& csv_dir = prepared->csv_dir;
  const std::string work_dir = absl::GetFlag(FLAGS_work_dir);
  fprintf(stderr, "kg_compare: %u nodes, %zu edges in %s\n", info.nodes,
          info.edges, csv_dir.c_str());

  CheckedResults checked("kg_compare", workload);
  std::vector<SystemResult>& results = checked.results();

  auto kg = LoadKg(csv_dir, work_dir + "/kg-db");
  if (!kg.ok()) return Fail(kg.status());
  absl::Status status =
      checked.Add(RunOneClient("kg in process", kg->seconds,
                               NewKgInProcessClient(*kg->loaded), workload));
  if (!status.ok()) return Fail(status);
  // The server opens the store itself.
  kg->loaded.reset();
  status = RunGrpc(work_dir, kg->seconds, workload, checked);
  if (!status.ok()) return Fail(status);

  if (absl::GetFlag(FLAGS_kg_only)) return Report(info, results);

  auto sqlite = LoadSqlite(csv_dir, work_dir + "/sqlite.db");
  if (!sqlite.ok()) return Fail(sqlite.status());
  status = checked.Add(RunOneClient("SQLite", sqlite->seconds,
                                    std::move(sqlite->loaded), workload));
  if (!status.ok()) return Fail(status);

  const std::string conninfo = absl::GetFlag(FLAGS_postgres);
  absl::StatusOr<Loaded<std::unique_ptr<Client>>> postgres =
      absl::UnavailableError(absl::GetFlag(FLAGS_postgres_skipped));
  if (!conninfo.empty()) postgres = LoadPostgres(csv_dir, conninfo);
  if (postgres.ok()) {
    status = checked.Add(RunOneClient("PostgreSQL (libpq)", postgres->seconds,
                                      std::move(postgres->loaded), workload));
    if (!status.ok()) return Fail(status);
  } else {
    results.push_back(Skipped("PostgreSQL (libpq)",
                              std::string(postgres.status().message())));
  }

  const std::string kuzu_dir = absl::GetFlag(FLAGS_kuzu_dir);
  if (kuzu_dir.empty()) {
    results.push_back(
        Skipped("Kuzu (node)", absl::GetFlag(FLAGS_kuzu_skipped)));
  } else {
    absl::StatusOr<SystemResult> kuzu =
        RunKuzu(kuzu_dir, csv_dir, work_dir, workload);
    // A peer that cannot run is skipped; one that answers wrong fails.
    if (!kuzu.ok()) {
      results.push_back(Skipped("Kuzu (node)", kuzu.status().ToString()));
    } else if (status = checked.Add(std::move(kuzu)); !status.ok()) {
      return Fail(status);
    }
  }

  fprintf(stderr, "kg_compare: every system's answers equal kg's\n");
  return Report(info, results);
}

// Prints the table and writes the JSON.
int Report(const RunInfo& info, const std::vector<SystemResult>& results) {
  PrintTable(info, results, stdout);
  const std::string json_path = absl::GetFlag(FLAGS_json);
  if (!json_path.empty()) {
    FILE* json = fopen(json_path.c_str(), "w");
    if (json == nullptr) return Fail(absl::InternalError(json_path));
    fputs(ResultsJson(info, results).c_str(), json);
    fclose(json);
  }
  return 0;
}

}  // namespace
}  // namespace kg::bench

int main(int argc, char** argv) {
  absl::ParseCommandLine(argc, argv);
  return kg::bench::Main();
}
