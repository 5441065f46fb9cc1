// StoreCore: the state of one open RocksDB-backed GraphStore that its
// writers (commits, the bulk loader) and its snapshots share.
#ifndef KG_GRAPH_STORE_CORE_H_
#define KG_GRAPH_STORE_CORE_H_

#include <atomic>
#include <memory>
#include <string>
#include <vector>

#include "absl/base/thread_annotations.h"
#include "absl/status/status.h"
#include "absl/strings/string_view.h"
#include "absl/synchronization/mutex.h"
#include "commit_builder.h"
#include "dictionary.h"
#include "kg/graph/graph_store.h"
#include "rocksdb/db.h"
#include "topology.h"

namespace kg::graph {

struct StoreCore {
  StoreCore(const StoreOptions& options, std::string path, rocksdb::DB* db,
            std::vector<rocksdb::ColumnFamilyDescriptor> descriptors,
            std::vector<rocksdb::ColumnFamilyHandle*> families)
      : options(options),
        path(std::move(path)),
        db(db),
        descriptors(std::move(descriptors)),
        families(std::move(families)) {}

  // The topology readers pair with a RocksDB snapshot of the same
  // sequence; null when off or over budget.
  std::shared_ptr<const Topology> topology() const {
    return std::atomic_load(&topology_);
  }
  // Called by the writer right after each write, under write_mu.
  void Publish(std::shared_ptr<const Topology> next) {
    std::atomic_store(&topology_, std::move(next));
  }
  // Publishes the current topology with `batch`, just written, applied.
  void PublishCommit(const rocksdb::WriteBatch& batch)
      ABSL_EXCLUSIVE_LOCKS_REQUIRED(write_mu) {
    std::shared_ptr<const Topology> current = topology();
    if (current == nullptr) return;
    Publish(current->Apply(batch, families, db->GetLatestSequenceNumber(),
                           options.topology_budget_bytes));
  }

  const StoreOptions options;
  const std::string path;
  rocksdb::DB* const db;
  // The families' options, as opened (table files must match them).
  const std::vector<rocksdb::ColumnFamilyDescriptor> descriptors;
  const std::vector<rocksdb::ColumnFamilyHandle*> families;
  Dictionary dictionary;
  absl::Mutex write_mu;
  IdCounters ids ABSL_GUARDED_BY(write_mu);

 private:
  std::shared_ptr<const Topology> topology_;
};

// A RocksDB error as a Status: DataLoss for corruption, FailedPrecondition
// for a held lock, else Internal; `what` says what was being done.
absl::Status FromRocks(const rocksdb::Status& s, absl::string_view what);

}  // namespace kg::graph

#endif  // KG_GRAPH_STORE_CORE_H_
