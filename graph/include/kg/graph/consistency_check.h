// The consistency check: reads every record, index entry and counter of a
// graph database and reports each place where they disagree.
//
// What must hold (schema.h describes the families):
//  - every edge's ends exist, and each document asserting an edge also
//    asserts both its ends (so removing a document never strands an edge);
//  - `adj` holds exactly the out and the in entry of every edge, valued
//    with its id, and no two edges share (src, type, dst);
//  - `keys`, `labels`, `names`, `props` and `doc_facts` hold exactly the
//    entries the records call for: none pointing to no live record, none
//    missing for a record;
//  - degree counters equal the `adj` counts, label and type counters the
//    record counts, and ids are below the persisted id counters;
//  - every fact has at least one assertion, each with at least one source
//    naming the asserting document.
//
// The check reads the whole database into memory: it is meant for stores of
// up to a few million facts.
#ifndef KG_GRAPH_CONSISTENCY_CHECK_H_
#define KG_GRAPH_CONSISTENCY_CHECK_H_

#include <cstdint>
#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"

namespace kg::graph {

enum class FaultKind {
  // An edge names a node that does not exist, or that a document asserting
  // the edge does not assert.
  kEdgeEndMissing,
  // `adj` disagrees with the edge records: one direction of an edge is
  // missing, an entry names the wrong edge, or two edges share a key.
  kAdjacencyMismatch,
  // An index entry (keys, labels, names, props, adj, doc_facts) that points
  // to no live record.
  kDanglingIndexEntry,
  // A record lacks an index entry it calls for.
  kRecordNotIndexed,
  // A degree, label, type or id counter disagrees with the records.
  kCounterMismatch,
  // A node or edge with no assertion, or an assertion with no source.
  kFactWithoutSource,
  // An entry that does not parse, or holds what its family never holds.
  kCorruptEntry,
};

// "edge_end_missing", "adjacency_mismatch", ...: stable names for reports.
absl::string_view FaultKindName(FaultKind kind);

struct Fault {
  FaultKind kind;
  // What is wrong and where, naming ids, keys and (escaped) raw keys.
  std::string detail;
};

struct ConsistencyReport {
  uint64_t nodes_checked = 0;
  uint64_t edges_checked = 0;
  // Entries read from every family.
  uint64_t entries_checked = 0;
  std::vector<Fault> faults;

  bool ok() const { return faults.empty(); }
};

// Checks the database in the directory `db_path` by opening it read-only.
// Use it on a database no store has open, or that no commit changes
// meanwhile; GraphStore::CheckConsistency checks an open store. The report
// may hold faults; an error means the database could not be read at all.
absl::StatusOr<ConsistencyReport> CheckDatabase(const std::string& db_path);

}  // namespace kg::graph

#endif  // KG_GRAPH_CONSISTENCY_CHECK_H_
