// StoreStats: the RocksDB figures that matter when operating a store: how
// much it holds, how far compaction lags, and whether writes are stalled.
#ifndef KG_GRAPH_STORE_STATS_H_
#define KG_GRAPH_STORE_STATS_H_

#include <cstdint>
#include <string>
#include <vector>

namespace kg::graph {

// One column family (schema.h).
struct FamilyStats {
  std::string name;
  // rocksdb.estimate-num-keys
  uint64_t estimated_keys = 0;
  // rocksdb.total-sst-files-size
  uint64_t sst_bytes = 0;
  // rocksdb.cur-size-all-mem-tables
  uint64_t memtable_bytes = 0;
  // rocksdb.num-files-at-level0: many mean compaction is behind.
  uint64_t level0_files = 0;
};

struct StoreStats {
  std::vector<FamilyStats> families;
  // rocksdb.estimate-pending-compaction-bytes, summed over families.
  uint64_t pending_compaction_bytes = 0;
  uint64_t running_compactions = 0;
  uint64_t running_flushes = 0;
  // rocksdb.background-errors: non-zero means the store may be read-only.
  uint64_t background_errors = 0;
  // rocksdb.block-cache-usage
  uint64_t block_cache_bytes = 0;
  // rocksdb.actual-delayed-write-rate and rocksdb.is-write-stopped.
  uint64_t delayed_write_rate = 0;
  bool writes_stopped = false;
  uint64_t live_snapshots = 0;
  // Since the store opened (RocksDB statistics tickers): block cache
  // lookups that hit and missed, and time writes spent stalled.
  uint64_t block_cache_hits = 0;
  uint64_t block_cache_misses = 0;
  uint64_t write_stall_micros = 0;
  // Memory of the in-memory topology (topology.h); 0 when it is off or
  // over its budget.
  uint64_t topology_bytes = 0;
};

}  // namespace kg::graph

#endif  // KG_GRAPH_STORE_STATS_H_
