// The maintenance operations of an open RocksDB graph database, for
// RocksGraphStore: each is implemented beside its public module
// (consistency_check.cc, backup.cc, store_stats.cc).
#ifndef KG_GRAPH_ROCKS_MAINTENANCE_H_
#define KG_GRAPH_ROCKS_MAINTENANCE_H_

#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "kg/graph/backup.h"
#include "kg/graph/consistency_check.h"
#include "kg/graph/store_stats.h"
#include "rocksdb/db.h"

namespace kg::graph {

// `families` in schema::Family order.
absl::StatusOr<ConsistencyReport> CheckOpenDatabase(
    rocksdb::DB* db, const std::vector<rocksdb::ColumnFamilyHandle*>& families);

absl::StatusOr<BackupInfo> BackupOpenDatabase(rocksdb::DB* db,
                                              const std::string& backup_dir);

StoreStats ReadStoreStats(
    rocksdb::DB* db, const std::vector<rocksdb::ColumnFamilyHandle*>& families);

}  // namespace kg::graph

#endif  // KG_GRAPH_ROCKS_MAINTENANCE_H_
