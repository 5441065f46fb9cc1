// The Snapshot of a RocksDB-backed GraphStore: a RocksDB snapshot, the
// store's dictionary, and the topology version published with the commit
// the RocksDB snapshot ends at (when the store keeps one).
#ifndef KG_GRAPH_ROCKS_SNAPSHOT_H_
#define KG_GRAPH_ROCKS_SNAPSHOT_H_

#include <memory>

#include "kg/graph/snapshot.h"
#include "store_core.h"

namespace kg::graph {

// `core` must outlive the snapshot.
std::unique_ptr<Snapshot> NewRocksSnapshot(const StoreCore& core);

}  // namespace kg::graph

#endif  // KG_GRAPH_ROCKS_SNAPSHOT_H_
