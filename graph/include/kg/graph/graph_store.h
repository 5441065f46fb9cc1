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

#include <memory>
#include <string>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "kg/graph/document_facts.h"
#include "kg/graph/snapshot.h"
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
};

}  // namespace kg::graph

#endif  // KG_GRAPH_GRAPH_STORE_H_
