// SQLite through its C API: joins for Q1..Q3, a recursive CTE for Q4, and
// a breadth-first search for Q5 whose steps are indexed lookups.
#include <sqlite3.h>

#include <chrono>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_replace.h"
#include "domain_graph.h"
#include "sql_text.h"
#include "systems.h"

namespace kg::bench {
namespace {

constexpr const char* kNeighbours =
    "SELECT dst FROM edges WHERE src = ?1 UNION ALL "
    "SELECT src FROM edges WHERE dst = ?1";

std::string Dialect(const char* sql) {
  return absl::StrReplaceAll(sql, {{"{1}", "?1"}});
}

class SqliteClient : public Client {
 public:
  ~SqliteClient() override {
    for (sqlite3_stmt* statement : statements_) sqlite3_finalize(statement);
    sqlite3_close(db_);
  }

  absl::Status Open(const std::string& path) {
    if (sqlite3_open(path.c_str(), &db_) != SQLITE_OK) return Error("open");
    return Exec(
        "PRAGMA journal_mode = OFF; PRAGMA synchronous = OFF; "
        "PRAGMA cache_size = -262144; PRAGMA temp_store = MEMORY");
  }

  absl::Status Load(const DomainGraph& graph) {
    absl::Status status = Exec("BEGIN");
    for (const char* sql : sql::kCreateTables) {
      if (status.ok()) status = Exec(sql);
    }
    sqlite3_stmt* node = nullptr;
    sqlite3_stmt* edge = nullptr;
    if (status.ok())
      status = Prepare("INSERT INTO nodes VALUES (?, ?, ?, ?)", &node);
    if (status.ok())
      status = Prepare("INSERT INTO edges VALUES (?, ?, ?)", &edge);
    for (uint32_t id = 0; status.ok() && id < graph.node_count(); ++id) {
      std::string key = graph.KeyOf(id), name = graph.NameOf(id);
      sqlite3_bind_int64(node, 1, id);
      sqlite3_bind_text(node, 2, key.data(), key.size(), SQLITE_STATIC);
      sqlite3_bind_text(node, 3, LabelName(graph.labels[id]), -1,
                        SQLITE_STATIC);
      sqlite3_bind_text(node, 4, name.data(), name.size(), SQLITE_STATIC);
      status = Step(node);
    }
    for (size_t i = 0; status.ok() && i < graph.edges.size(); ++i) {
      sqlite3_bind_int64(edge, 1, graph.edges[i].src);
      sqlite3_bind_int64(edge, 2, graph.edges[i].dst);
      sqlite3_bind_text(edge, 3, EdgeTypeName(graph.edges[i].type), -1,
                        SQLITE_STATIC);
      status = Step(edge);
    }
    for (const char* sql : sql::kCreateIndexes) {
      if (status.ok()) status = Exec(sql);
    }
    if (status.ok()) status = Exec("COMMIT");
    for (const char* sql : sql::kQuestions) {
      if (status.ok())
        status = Prepare(Dialect(sql), &questions_.emplace_back());
    }
    if (status.ok()) status = Prepare(Dialect(sql::kIdOfKey), &id_of_key_);
    if (status.ok()) status = Prepare(kNeighbours, &neighbours_);
    return status;
  }

  absl::StatusOr<Answer> Query(const Ask& ask) override {
    if (ask.question < 4) return Rows(questions_[ask.question], ask.a);
    absl::StatusOr<int64_t> from = IdOf(ask.a);
    absl::StatusOr<int64_t> to = IdOf(ask.b);
    if (!from.ok()) return from.status();
    if (!to.ok()) return to.status();
    absl::StatusOr<int> edges = BidirectionalDistance(
        *from, *to, kMaxPathEdges,
        [&](const std::vector<int64_t>& frontier, std::vector<int64_t>* out) {
          for (int64_t node : frontier) {
            sqlite3_bind_int64(neighbours_, 1, node);
            int rc;
            while ((rc = sqlite3_step(neighbours_)) == SQLITE_ROW) {
              out->push_back(sqlite3_column_int64(neighbours_, 0));
            }
            sqlite3_reset(neighbours_);
            if (rc != SQLITE_DONE) return Error("neighbours");
          }
          return absl::OkStatus();
        });
    if (!edges.ok()) return edges.status();
    return PathAnswer(*edges);
  }

 private:
  absl::Status Error(const char* what) {
    return absl::InternalError(
        absl::StrCat("sqlite ", what, ": ", sqlite3_errmsg(db_)));
  }

  absl::Status Exec(const std::string& sql) {
    if (sqlite3_exec(db_, sql.c_str(), nullptr, nullptr, nullptr) !=
        SQLITE_OK) {
      return Error(sql.c_str());
    }
    return absl::OkStatus();
  }

  absl::Status Prepare(const std::string& sql, sqlite3_stmt** statement) {
    if (sqlite3_prepare_v2(db_, sql.c_str(), -1, statement, nullptr) !=
        SQLITE_OK) {
      return Error(sql.c_str());
    }
    statements_.push_back(*statement);
    return absl::OkStatus();
  }

  absl::Status Step(sqlite3_stmt* statement) {
    int rc = sqlite3_step(statement);
    sqlite3_reset(statement);
    return rc == SQLITE_DONE ? absl::OkStatus() : Error("insert");
  }

  // The first column of every row of `statement` run on `key`.
  absl::StatusOr<Answer> Rows(sqlite3_stmt* statement, const std::string& key) {
    sqlite3_bind_text(statement, 1, key.data(), key.size(), SQLITE_STATIC);
    Answer answer;
    int rc;
    while ((rc = sqlite3_step(statement)) == SQLITE_ROW) {
      answer.emplace_back(
          reinterpret_cast<const char*>(sqlite3_column_text(statement, 0)),
          sqlite3_column_bytes(statement, 0));
    }
    sqlite3_reset(statement);
    if (rc != SQLITE_DONE) return Error("query");
    return answer;
  }

  absl::StatusOr<int64_t> IdOf(const std::string& key) {
    sqlite3_bind_text(id_of_key_, 1, key.data(), key.size(), SQLITE_STATIC);
    int rc = sqlite3_step(id_of_key_);
    int64_t id = rc == SQLITE_ROW ? sqlite3_column_int64(id_of_key_, 0) : -1;
    sqlite3_reset(id_of_key_);
    if (rc == SQLITE_DONE)
      return absl::NotFoundError(absl::StrCat("key ", key));
    if (rc != SQLITE_ROW) return Error("id of key");
    return id;
  }

  sqlite3* db_ = nullptr;
  std::vector<sqlite3_stmt*> statements_;
  std::vector<sqlite3_stmt*> questions_;
  sqlite3_stmt* id_of_key_ = nullptr;
  sqlite3_stmt* neighbours_ = nullptr;
};

}  // namespace

absl::StatusOr<Loaded<std::unique_ptr<Client>>> LoadSqlite(
    const std::string& csv_dir, const std::string& db_path) {
  auto start = std::chrono::steady_clock::now();
  absl::StatusOr<DomainGraph> graph = ReadCsv(csv_dir);
  if (!graph.ok()) return graph.status();
  auto client = std::make_unique<SqliteClient>();
  absl::Status status = client->Open(db_path);
  if (status.ok()) status = client->Load(*graph);
  if (!status.ok()) return status;
  return Loaded<std::unique_ptr<Client>>{
      std::move(client),
      std::chrono::duration<double>(std::chrono::steady_clock::now() - start)
          .count()};
}

}  // namespace kg::bench
