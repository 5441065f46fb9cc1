#include "kg/graph/consistency_check.h"

#include <memory>

#include "absl/strings/str_cat.h"
#include "consistency_checker.h"
#include "kg/graph/graph_store.h"
#include "rocks_maintenance.h"
#include "rocksdb/db.h"
#include "schema.h"

namespace kg::graph {
namespace {

// Reads every family of `db` as of `snapshot` (null: as of now). The
// dictionary is read afterwards: names are only ever added, so it then
// knows every id the view uses.
absl::Status ReadContents(
    rocksdb::DB* db, const std::vector<rocksdb::ColumnFamilyHandle*>& families,
    const rocksdb::Snapshot* snapshot, DatabaseContents* contents) {
  for (int f = 0; f < schema::kFamilyCount; ++f) {
    rocksdb::ReadOptions options;
    options.total_order_seek = true;
    options.snapshot = snapshot;
    std::unique_ptr<rocksdb::Iterator> it(
        db->NewIterator(options, families[f]));
    for (it->SeekToFirst(); it->Valid(); it->Next()) {
      contents->families[f][it->key().ToString()] = it->value().ToString();
      ++contents->entries;
    }
    if (!it->status().ok()) {
      return absl::DataLossError(absl::StrCat(
          "reading ", families[f]->GetName(), ": ", it->status().ToString()));
    }
  }
  return contents->dictionary.Load(db, families[schema::kMeta]);
}

}  // namespace

absl::string_view FaultKindName(FaultKind kind) {
  switch (kind) {
    case FaultKind::kEdgeEndMissing:
      return "edge_end_missing";
    case FaultKind::kAdjacencyMismatch:
      return "adjacency_mismatch";
    case FaultKind::kDanglingIndexEntry:
      return "dangling_index_entry";
    case FaultKind::kRecordNotIndexed:
      return "record_not_indexed";
    case FaultKind::kCounterMismatch:
      return "counter_mismatch";
    case FaultKind::kFactWithoutSource:
      return "fact_without_source";
    case FaultKind::kCorruptEntry:
      return "corrupt_entry";
  }
  return "unknown";
}

absl::StatusOr<ConsistencyReport> CheckOpenDatabase(
    rocksdb::DB* db,
    const std::vector<rocksdb::ColumnFamilyHandle*>& families) {
  auto contents = std::make_unique<DatabaseContents>();
  const rocksdb::Snapshot* snapshot = db->GetSnapshot();
  absl::Status read = ReadContents(db, families, snapshot, contents.get());
  db->ReleaseSnapshot(snapshot);
  if (!read.ok()) return read;
  return CheckContents(*contents);
}

absl::StatusOr<ConsistencyReport> CheckDatabase(const std::string& db_path) {
  rocksdb::DBOptions options;
  // RocksDB otherwise starts 16 table-opening threads per family.
  options.max_file_opening_threads = 1;
  std::vector<rocksdb::ColumnFamilyHandle*> families;
  rocksdb::DB* db = nullptr;
  rocksdb::Status s = rocksdb::DB::OpenForReadOnly(
      options, db_path, schema::FamilyDescriptors(StoreOptions()), &families,
      &db);
  if (!s.ok()) {
    return absl::FailedPreconditionError(
        absl::StrCat("opening ", db_path, " read-only: ", s.ToString()));
  }
  absl::StatusOr<ConsistencyReport> report = CheckOpenDatabase(db, families);
  for (rocksdb::ColumnFamilyHandle* family : families) {
    db->DestroyColumnFamilyHandle(family);
  }
  delete db;
  return report;
}

}  // namespace kg::graph
