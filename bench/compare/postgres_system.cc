// PostgreSQL through libpq: the SQL of sql_text.h as prepared statements,
// and for Q5 a breadth-first search that asks for a whole frontier's
// neighbours in one round trip.
#include <libpq-fe.h>

#include <chrono>
#include <fstream>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "absl/strings/str_replace.h"
#include "sql_text.h"
#include "systems.h"

namespace kg::bench {
namespace {

constexpr const char* kNeighbours =
    "SELECT dst FROM edges WHERE src = ANY($1::int[]) UNION ALL "
    "SELECT src FROM edges WHERE dst = ANY($1::int[])";

class PostgresClient : public Client {
 public:
  ~PostgresClient() override { PQfinish(conn_); }

  absl::Status Connect(const std::string& conninfo) {
    conn_ = PQconnectdb(conninfo.c_str());
    if (PQstatus(conn_) != CONNECTION_OK) return Error("connect");
    return Exec("SET client_min_messages = warning");
  }

  absl::Status Load(const std::string& csv_dir) {
    absl::Status status = Exec("DROP TABLE IF EXISTS nodes, edges");
    for (const char* sql : sql::kCreateTables) {
      if (status.ok()) status = Exec(sql);
    }
    if (status.ok()) status = Copy("nodes", csv_dir + "/nodes.csv");
    if (status.ok()) status = Copy("edges", csv_dir + "/edges.csv");
    for (const char* sql : sql::kCreateIndexes) {
      if (status.ok()) status = Exec(sql);
    }
    for (int q = 0; status.ok() && q < 4; ++q) {
      status = Prepare(absl::StrCat("q", q), sql::kQuestions[q]);
    }
    if (status.ok()) status = Prepare("id_of_key", sql::kIdOfKey);
    if (status.ok()) status = Prepare("neighbours", kNeighbours);
    return status;
  }

  absl::StatusOr<Answer> Query(const Ask& ask) override {
    if (ask.question < 4) return Rows(absl::StrCat("q", ask.question), ask.a);
    absl::StatusOr<Answer> from = Rows("id_of_key", ask.a);
    absl::StatusOr<Answer> to = Rows("id_of_key", ask.b);
    if (!from.ok()) return from.status();
    if (!to.ok()) return to.status();
    if (from->empty() || to->empty()) {
      return absl::NotFoundError(absl::StrCat("key ", ask.a, " or ", ask.b));
    }
    absl::StatusOr<int> edges = BidirectionalDistance(
        std::stoll((*from)[0]), std::stoll((*to)[0]), kMaxPathEdges,
        [&](const std::vector<int64_t>& frontier, std::vector<int64_t>* out) {
          absl::StatusOr<Answer> rows =
              Rows("neighbours",
                   absl::StrCat("{", absl::StrJoin(frontier, ","), "}"));
          if (!rows.ok()) return rows.status();
          for (const std::string& id : *rows) out->push_back(std::stoll(id));
          return absl::OkStatus();
        });
    if (!edges.ok()) return edges.status();
    return PathAnswer(*edges);
  }

 private:
  absl::Status Error(const std::string& what) {
    return absl::InternalError(
        absl::StrCat("postgres ", what, ": ", PQerrorMessage(conn_)));
  }

  // Takes `result`, which must have ended with `expected`.
  absl::Status Check(PGresult* result, ExecStatusType expected,
                     const std::string& what) {
    bool ok = PQresultStatus(result) == expected;
    PQclear(result);
    return ok ? absl::OkStatus() : Error(what);
  }

  absl::Status Exec(const std::string& sql) {
    return Check(PQexec(conn_, sql.c_str()), PGRES_COMMAND_OK, sql);
  }

  absl::Status Prepare(const std::string& name, const char* sql) {
    std::string text = absl::StrReplaceAll(sql, {{"{1}", "$1"}});
    return Check(PQprepare(conn_, name.c_str(), text.c_str(), 1, nullptr),
                 PGRES_COMMAND_OK, text);
  }

  // Streams the file to COPY ... FROM STDIN.
  absl::Status Copy(const std::string& table, const std::string& path) {
    std::ifstream file(path, std::ios::binary);
    if (!file) return absl::NotFoundError(path + ": cannot open");
    std::string sql =
        absl::StrCat("COPY ", table, " FROM STDIN (FORMAT csv, HEADER true)");
    absl::Status status = Check(PQexec(conn_, sql.c_str()), PGRES_COPY_IN, sql);
    std::vector<char> buffer(1 << 20);
    while (status.ok() && file) {
      file.read(buffer.data(), buffer.size());
      if (file.gcount() > 0 &&
          PQputCopyData(conn_, buffer.data(), file.gcount()) != 1) {
        status = Error(sql);
      }
    }
    if (PQputCopyEnd(conn_, status.ok() ? nullptr : "aborted") != 1) {
      return Error(sql);
    }
    absl::Status end = Check(PQgetResult(conn_), PGRES_COMMAND_OK, sql);
    while (PGresult* rest = PQgetResult(conn_)) PQclear(rest);
    return status.ok() ? end : status;
  }

  // The first column of every row of prepared statement `name` run on
  // `param`.
  absl::StatusOr<Answer> Rows(const std::string& name,
                              const std::string& param) {
    const char* values[] = {param.c_str()};
    PGresult* result =
        PQexecPrepared(conn_, name.c_str(), 1, values, nullptr, nullptr, 0);
    if (PQresultStatus(result) != PGRES_TUPLES_OK) {
      return Check(result, PGRES_TUPLES_OK, name);
    }
    Answer answer;
    int rows = PQntuples(result);
    answer.reserve(rows);
    for (int i = 0; i < rows; ++i) {
      answer.emplace_back(PQgetvalue(result, i, 0), PQgetlength(result, i, 0));
    }
    PQclear(result);
    return answer;
  }

  PGconn* conn_ = nullptr;
};

}  // namespace

absl::StatusOr<Loaded<std::unique_ptr<Client>>> LoadPostgres(
    const std::string& csv_dir, const std::string& conninfo) {
  auto start = std::chrono::steady_clock::now();
  auto client = std::make_unique<PostgresClient>();
  absl::Status status = client->Connect(conninfo);
  if (status.ok()) status = client->Load(csv_dir);
  if (!status.ok()) return status;
  return Loaded<std::unique_ptr<Client>>{
      std::move(client),
      std::chrono::duration<double>(std::chrono::steady_clock::now() - start)
          .count()};
}

}  // namespace kg::bench
