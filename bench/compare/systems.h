// The systems of the comparison, each loading the CSV of domain_graph.h
// and answering the questions of workload.h its own way. Load functions
// return what they loaded and the seconds it took, CSV parsing included.
#ifndef KG_BENCH_COMPARE_SYSTEMS_H_
#define KG_BENCH_COMPARE_SYSTEMS_H_

#include <memory>
#include <string>

#include "absl/status/statusor.h"
#include "kg/graph/graph_store.h"
#include "measure.h"
#include "workload.h"

namespace kg::bench {

template <typename T>
struct Loaded {
  T loaded;
  double seconds = 0;
};

// kg: a new store at `db_dir` filled by its bulk loader.
absl::StatusOr<Loaded<std::unique_ptr<graph::GraphStore>>> LoadKg(
    const std::string& csv_dir, const std::string& db_dir);
// Asks through the query operators on a fresh snapshot per ask.
std::unique_ptr<Client> NewKgInProcessClient(graph::GraphStore& store);
// Asks a kg server through GraphService and QueryService, on a channel of
// its own.
std::unique_ptr<Client> NewKgGrpcClient(const std::string& address);

// SQLite: a new database file at `db_path`, tables nodes(id, key, label,
// name) and edges(src, dst, type) indexed on key, (src, type) and
// (dst, type). The client owns the connection.
absl::StatusOr<Loaded<std::unique_ptr<Client>>> LoadSqlite(
    const std::string& csv_dir, const std::string& db_path);

// PostgreSQL through libpq at `conninfo`: the same tables and indexes,
// filled by COPY; any tables of an earlier run are dropped first.
absl::StatusOr<Loaded<std::unique_ptr<Client>>> LoadPostgres(
    const std::string& csv_dir, const std::string& conninfo);

// Kuzu: runs `node` on run_kuzu.js in `kuzu_dir` (where the kuzu package
// is installed), which loads `csv_dir` into a database under `work_dir`
// and answers `workload`.
absl::StatusOr<SystemResult> RunKuzu(const std::string& kuzu_dir,
                                     const std::string& csv_dir,
                                     const std::string& work_dir,
                                     const Workload& workload);

}  // namespace kg::bench

#endif  // KG_BENCH_COMPARE_SYSTEMS_H_
