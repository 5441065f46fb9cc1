// The Snapshot of a RocksDB-backed GraphStore: a RocksDB snapshot plus the
// store's dictionary.
#ifndef KG_GRAPH_ROCKS_SNAPSHOT_H_
#define KG_GRAPH_ROCKS_SNAPSHOT_H_

#include <memory>
#include <vector>

#include "dictionary.h"
#include "kg/graph/snapshot.h"
#include "rocksdb/db.h"

namespace kg::graph {

// `db`, `families` and `dictionary` must outlive the snapshot.
std::unique_ptr<Snapshot> NewRocksSnapshot(
    rocksdb::DB* db, const std::vector<rocksdb::ColumnFamilyHandle*>& families,
    const Dictionary& dictionary);

}  // namespace kg::graph

#endif  // KG_GRAPH_ROCKS_SNAPSHOT_H_
