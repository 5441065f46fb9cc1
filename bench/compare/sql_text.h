// The SQL the comparison's SQLite and PostgreSQL clients share: the same
// tables, indexes and questions, with `?N` / `$N` parameters written as
// {N} and filled in by each dialect.
#ifndef KG_BENCH_COMPARE_SQL_TEXT_H_
#define KG_BENCH_COMPARE_SQL_TEXT_H_

namespace kg::bench::sql {

inline constexpr const char* kCreateTables[] = {
    "CREATE TABLE nodes (id INTEGER PRIMARY KEY, key TEXT NOT NULL, "
    "label TEXT NOT NULL, name TEXT NOT NULL)",
    "CREATE TABLE edges (src INTEGER NOT NULL, dst INTEGER NOT NULL, "
    "type TEXT NOT NULL)",
};

// Built after the rows are in, as a bulk load would.
inline constexpr const char* kCreateIndexes[] = {
    "CREATE UNIQUE INDEX nodes_key ON nodes (key)",
    "CREATE INDEX edges_src ON edges (src, type)",
    "CREATE INDEX edges_dst ON edges (dst, type)",
    "ANALYZE",
};

// Q1..Q4 (workload.h), each on the node's key; Q4 goes kReachHops = 3
// hops. Q5 is a breadth-first search (BidirectionalDistance) whose steps
// each dialect asks its own way.
inline constexpr const char* kQuestions[] = {
    "SELECT label || '|' || name FROM nodes WHERE key = {1}",
    "SELECT c.key FROM nodes a JOIN edges e ON e.src = a.id AND "
    "e.type = 'PLEDGED' JOIN nodes c ON c.id = e.dst WHERE a.key = {1}",
    "SELECT a.key || '>' || c.key FROM nodes f "
    "JOIN edges u ON u.dst = f.id AND u.type = 'UNDER' "
    "JOIN edges p ON p.dst = u.src AND p.type = 'PLEDGED' "
    "JOIN nodes a ON a.id = p.src JOIN nodes c ON c.id = u.src "
    "WHERE f.key = {1}",
    "WITH RECURSIVE reach (id, depth) AS ("
    " SELECT id, 0 FROM nodes WHERE key = {1}"
    " UNION SELECT e.dst, r.depth + 1 FROM reach r"
    " JOIN edges e ON e.src = r.id WHERE r.depth < 3) "
    "SELECT DISTINCT n.key FROM reach r JOIN nodes n ON n.id = r.id",
};

inline constexpr const char* kIdOfKey = "SELECT id FROM nodes WHERE key = {1}";

}  // namespace kg::bench::sql

#endif  // KG_BENCH_COMPARE_SQL_TEXT_H_
