// GraphStore: a property graph persisted in RocksDB.
//
// Writes are whole documents: CommitDocument replaces everything one
// document asserts in a single synced write batch, so a reader or a crash
// sees all of it or none of it. Writes are serialized; reads go through a
// Snapshot and never block writes.
//
// Errors: InvalidArgument names the malformed field ("nodes[3].key");
// FailedPrecondition names the key an edge needs and cannot find;
// NotFound for unknown keys on reads; Internal/DataLoss for storage faults.
#ifndef KG_GRAPH_GRAPH_STORE_H_
#define KG_GRAPH_GRAPH_STORE_H_

#include <cstdint>
#include <memory>
#include <string>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "kg/graph/backup.h"
#include "kg/graph/consistency_check.h"
#include "kg/graph/document_facts.h"
#include "kg/graph/snapshot.h"
#include "kg/graph/store_stats.h"
#include "kg/v1/ingest_service.pb.h"

namespace kg::graph {

struct StoreOptions {
  // Create the database when the directory holds none.
  bool create_if_missing = true;
  // Sync the write-ahead log on every commit: an acknowledged commit
  // survives a crash of the process or the machine.
  bool sync_writes = true;
  // RocksDB block cache, bytes.
  size_t block_cache_bytes = 64 << 20;
  // Memory for the in-memory topology (every node's label and edges, about
  // 32 bytes an edge and 20 a node) that traversals, adjacency lists and
  // degrees read instead of RocksDB. A graph that outgrows it is read
  // from RocksDB alone (correct, slower) until the store is reopened;
  // 0 turns the topology off.
  size_t topology_budget_bytes = size_t{2} << 30;
};

// Loads a large initial graph into an empty store, much faster than
// commits: it writes sorted table files and ingests them at Finish. One
// document, the loader's `document_key`, asserts every node and edge (a
// fact's sources name it; one with none gets an "import" source), so
// removing that document removes them all. Add nodes before the edges that
// name them. Nothing is visible before Finish succeeds; a loader dropped
// unfinished leaves the store as it was. Must not outlive its store.
class BulkLoader {
 public:
  virtual ~BulkLoader() = default;

  // The node's id in the store, for AddEdgeBetween. InvalidArgument
  // naming the field ("node.key: ...") for a malformed node, or one whose
  // key was added before.
  virtual absl::StatusOr<uint64_t> AddNode(const kg::v1::Node& node) = 0;

  // InvalidArgument for a malformed edge; FailedPrecondition naming the
  // end when a key was not added as a node. Edges are written in the
  // background: a failure writing earlier ones may be returned here.
  virtual absl::Status AddEdge(const kg::v1::Edge& edge) = 0;

  // AddEdge of an edge with no properties and no sources, its ends given
  // by the ids AddNode returned: no key is looked up again.
  // InvalidArgument naming "edge.type" for a malformed type;
  // FailedPrecondition naming the end ("edge.src_id") for an id AddNode
  // did not return.
  virtual absl::Status AddEdgeBetween(uint64_t src_id, absl::string_view type,
                                      uint64_t dst_id) = 0;

  // Makes everything added visible, atomically. InvalidArgument when two
  // edges share (src, type, dst); FailedPrecondition when the store took
  // a commit meanwhile; the error of any failed write, with nothing made
  // visible.
  virtual absl::StatusOr<kg::v1::CommitSummary> Finish() = 0;
};

class GraphStore {
 public:
  static absl::StatusOr<std::unique_ptr<GraphStore>> Open(
      const std::string& path, const StoreOptions& options = {});

  virtual ~GraphStore() = default;

  // Replaces the facts `facts.document_key` asserted with `facts`, in one
  // atomic commit. Committing the same facts again writes nothing.
  virtual absl::StatusOr<kg::v1::CommitSummary> CommitDocument(
      const DocumentFacts& facts) = 0;

  // Removes the document's sources from every fact; facts left with no
  // source are deleted. NotFound when the document asserted nothing.
  virtual absl::StatusOr<kg::v1::CommitSummary> RemoveDocument(
      absl::string_view document_key) = 0;

  // A consistent read view of the graph as of now.
  virtual std::unique_ptr<Snapshot> NewSnapshot() const = 0;

  // A loader for the store's first contents. FailedPrecondition when the
  // store holds facts; InvalidArgument for a malformed document key.
  virtual absl::StatusOr<std::unique_ptr<BulkLoader>> NewBulkLoader(
      absl::string_view document_key) = 0;

  // Runs the consistency check (consistency_check.h) on a consistent view
  // of the store as of now; commits go on meanwhile.
  virtual absl::StatusOr<ConsistencyReport> CheckConsistency() const = 0;

  // Adds a backup of the store as of now to `backup_dir` (created when
  // missing; see backup.h). Commits go on meanwhile; backups into one
  // directory must not run concurrently.
  virtual absl::StatusOr<BackupInfo> CreateBackup(
      const std::string& backup_dir) = 0;

  virtual StoreStats GetStats() const = 0;
};

}  // namespace kg::graph

#endif  // KG_GRAPH_GRAPH_STORE_H_
