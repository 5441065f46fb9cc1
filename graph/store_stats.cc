#include "kg/graph/store_stats.h"

#include <memory>

#include "absl/strings/numbers.h"
#include "rocks_maintenance.h"
#include "rocksdb/statistics.h"

namespace kg::graph {
namespace {

uint64_t Property(rocksdb::DB* db, rocksdb::ColumnFamilyHandle* family,
                  const std::string& name) {
  uint64_t value = 0;
  // A property the build does not know stays 0.
  db->GetIntProperty(family, name, &value);
  return value;
}

// Levels' file counts are string properties only.
uint64_t Level0Files(rocksdb::DB* db, rocksdb::ColumnFamilyHandle* family) {
  std::string text;
  uint64_t value = 0;
  if (db->GetProperty(family,
                      rocksdb::DB::Properties::kNumFilesAtLevelPrefix + "0",
                      &text)) {
    absl::SimpleAtoi(text, &value);
  }
  return value;
}

}  // namespace

StoreStats ReadStoreStats(
    rocksdb::DB* db,
    const std::vector<rocksdb::ColumnFamilyHandle*>& families) {
  using P = rocksdb::DB::Properties;
  StoreStats stats;
  for (rocksdb::ColumnFamilyHandle* family : families) {
    FamilyStats f;
    f.name = family->GetName();
    f.estimated_keys = Property(db, family, P::kEstimateNumKeys);
    f.sst_bytes = Property(db, family, P::kTotalSstFilesSize);
    f.memtable_bytes = Property(db, family, P::kCurSizeAllMemTables);
    f.level0_files = Level0Files(db, family);
    stats.pending_compaction_bytes +=
        Property(db, family, P::kEstimatePendingCompactionBytes);
    stats.families.push_back(std::move(f));
  }
  rocksdb::ColumnFamilyHandle* any = db->DefaultColumnFamily();
  stats.running_compactions = Property(db, any, P::kNumRunningCompactions);
  stats.running_flushes = Property(db, any, P::kNumRunningFlushes);
  stats.background_errors = Property(db, any, P::kBackgroundErrors);
  stats.block_cache_bytes = Property(db, any, P::kBlockCacheUsage);
  stats.delayed_write_rate = Property(db, any, P::kActualDelayedWriteRate);
  stats.writes_stopped = Property(db, any, P::kIsWriteStopped) != 0;
  stats.live_snapshots = Property(db, any, P::kNumSnapshots);
  // Null for a database opened without statistics.
  if (const std::shared_ptr<rocksdb::Statistics> tickers =
          db->GetDBOptions().statistics) {
    stats.block_cache_hits = tickers->getTickerCount(rocksdb::BLOCK_CACHE_HIT);
    stats.block_cache_misses =
        tickers->getTickerCount(rocksdb::BLOCK_CACHE_MISS);
    stats.write_stall_micros = tickers->getTickerCount(rocksdb::STALL_MICROS);
  }
  return stats;
}

}  // namespace kg::graph
