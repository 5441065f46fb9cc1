#include <memory>
#include <string>
#include <vector>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "absl/synchronization/mutex.h"
#include "bulk_loader.h"
#include "commit_builder.h"
#include "dictionary.h"
#include "fact_validation.h"
#include "kg/graph/encoding.h"
#include "kg/graph/graph_store.h"
#include "rocks_maintenance.h"
#include "rocks_snapshot.h"
#include "rocksdb/db.h"
#include "rocksdb/statistics.h"
#include "schema.h"
#include "store_core.h"
#include "topology.h"

namespace kg::graph {

absl::Status FromRocks(const rocksdb::Status& s, absl::string_view what) {
  std::string message = absl::StrCat(what, ": ", s.ToString());
  if (s.IsCorruption()) return absl::DataLossError(message);
  if (s.IsIOError() && s.ToString().find("lock") != std::string::npos) {
    return absl::FailedPreconditionError(message);
  }
  return absl::InternalError(message);
}

namespace {

class RocksGraphStore : public GraphStore {
 public:
  RocksGraphStore(const StoreOptions& options, std::string path,
                  rocksdb::DB* db,
                  std::vector<rocksdb::ColumnFamilyDescriptor> descriptors,
                  std::vector<rocksdb::ColumnFamilyHandle*> families)
      : core_(options, std::move(path), db, std::move(descriptors),
              std::move(families)) {}

  ~RocksGraphStore() override {
    core_.Publish(nullptr);
    for (rocksdb::ColumnFamilyHandle* handle : core_.families) {
      core_.db->DestroyColumnFamilyHandle(handle);
    }
    delete core_.db;
  }

  absl::Status Init() {
    rocksdb::DB* db = core_.db;
    rocksdb::ColumnFamilyHandle* meta = core_.families[schema::kMeta];
    std::string value;
    rocksdb::Status s =
        db->Get(rocksdb::ReadOptions(), meta,
                schema::ToSlice(schema::kFormatVersionKey), &value);
    if (s.IsNotFound()) {
      std::string version;
      PutFixed32BE(&version, schema::kFormatVersion);
      rocksdb::WriteOptions sync;
      sync.sync = true;
      s = db->Put(sync, meta, schema::ToSlice(schema::kFormatVersionKey),
                  version);
      if (!s.ok()) return FromRocks(s, "writing the format version");
    } else if (!s.ok()) {
      return FromRocks(s, "reading the format version");
    } else {
      absl::string_view in(value);
      uint32_t version = 0;
      if (!GetFixed32BE(&in, &version) || version != schema::kFormatVersion) {
        return absl::FailedPreconditionError(
            absl::StrFormat("database format version %d, this build reads %d",
                            version, schema::kFormatVersion));
      }
    }
    if (absl::Status st = core_.dictionary.Load(db, meta); !st.ok()) {
      return st;
    }
    absl::MutexLock lock(&core_.write_mu);
    for (auto [key, counter] :
         {std::pair{schema::kNextNodeIdKey, &core_.ids.next_node_id},
          std::pair{schema::kNextEdgeIdKey, &core_.ids.next_edge_id}}) {
      s = db->Get(rocksdb::ReadOptions(), meta, schema::ToSlice(key), &value);
      if (s.IsNotFound()) continue;
      if (!s.ok() || !schema::ParseIdKey(value, counter)) {
        return absl::DataLossError("corrupt id counter in meta");
      }
    }
    if (core_.options.topology_budget_bytes == 0) return absl::OkStatus();
    const rocksdb::Snapshot* snapshot = db->GetSnapshot();
    absl::StatusOr<std::shared_ptr<const Topology>> topology = Topology::Load(
        db, core_.families, snapshot, core_.options.topology_budget_bytes);
    db->ReleaseSnapshot(snapshot);
    if (!topology.ok()) return topology.status();
    core_.Publish(*std::move(topology));
    return absl::OkStatus();
  }

  absl::StatusOr<kg::v1::CommitSummary> CommitDocument(
      const DocumentFacts& facts) override {
    if (absl::Status s = ValidateDocumentFacts(facts); !s.ok()) return s;
    absl::MutexLock lock(&core_.write_mu);
    return CommitLocked(facts);
  }

  absl::StatusOr<kg::v1::CommitSummary> RemoveDocument(
      absl::string_view document_key) override {
    if (absl::Status s = ValidateDocumentKey(document_key, "document_key");
        !s.ok()) {
      return s;
    }
    absl::MutexLock lock(&core_.write_mu);
    std::unique_ptr<rocksdb::Iterator> it(core_.db->NewIterator(
        rocksdb::ReadOptions(), core_.families[schema::kDocFacts]));
    std::string prefix = schema::DocFactPrefix(document_key);
    it->Seek(prefix);
    if (!it->Valid() || !it->key().starts_with(prefix)) {
      if (!it->status().ok()) return FromRocks(it->status(), "doc_facts");
      return absl::NotFoundError(
          absl::StrFormat("no document with key '%s'", document_key));
    }
    DocumentFacts none;
    none.document_key = std::string(document_key);
    return CommitLocked(none);
  }

  std::unique_ptr<Snapshot> NewSnapshot() const override {
    return NewRocksSnapshot(core_);
  }

  absl::StatusOr<std::unique_ptr<BulkLoader>> NewBulkLoader(
      absl::string_view document_key) override {
    return NewRocksBulkLoader(&core_, document_key);
  }

  absl::StatusOr<ConsistencyReport> CheckConsistency() const override {
    return CheckOpenDatabase(core_.db, core_.families);
  }

  absl::StatusOr<BackupInfo> CreateBackup(
      const std::string& backup_dir) override {
    return BackupOpenDatabase(core_.db, backup_dir);
  }

  StoreStats GetStats() const override {
    StoreStats stats = ReadStoreStats(core_.db, core_.families);
    if (std::shared_ptr<const Topology> topology = core_.topology()) {
      stats.topology_bytes = topology->memory_bytes();
    }
    return stats;
  }

 private:
  absl::StatusOr<kg::v1::CommitSummary> CommitLocked(const DocumentFacts& facts)
      ABSL_EXCLUSIVE_LOCKS_REQUIRED(core_.write_mu) {
    rocksdb::WriteBatch batch;
    CommitBuilder builder(core_.db, core_.families, &core_.dictionary,
                          &core_.ids);
    absl::StatusOr<kg::v1::CommitSummary> summary =
        builder.Build(facts, &batch);
    if (summary.ok() && batch.Count() > 0) {
      rocksdb::WriteOptions write_options;
      write_options.sync = core_.options.sync_writes;
      rocksdb::Status s = core_.db->Write(write_options, &batch);
      if (s.ok()) {
        core_.PublishCommit(batch);
      } else {
        summary = FromRocks(s, "writing the commit");
      }
    }
    if (!summary.ok()) core_.dictionary.Forget(builder.added_names());
    return summary;
  }

  StoreCore core_;
};

}  // namespace

absl::StatusOr<std::unique_ptr<GraphStore>> GraphStore::Open(
    const std::string& path, const StoreOptions& options) {
  rocksdb::DBOptions db_options;
  db_options.create_if_missing = options.create_if_missing;
  db_options.create_missing_column_families = options.create_if_missing;
  // Tickers only (block cache hits, stalls): timers would cost on every
  // read.
  db_options.statistics = rocksdb::CreateDBStatistics();
  db_options.statistics->set_stats_level(rocksdb::StatsLevel::kExceptTimers);
  std::vector<rocksdb::ColumnFamilyHandle*> handles;
  std::vector<rocksdb::ColumnFamilyDescriptor> descriptors =
      schema::FamilyDescriptors(options);
  rocksdb::DB* db = nullptr;
  rocksdb::Status s =
      rocksdb::DB::Open(db_options, path, descriptors, &handles, &db);
  if (!s.ok()) return FromRocks(s, absl::StrCat("opening ", path));
  auto store = std::make_unique<RocksGraphStore>(
      options, path, db, std::move(descriptors), std::move(handles));
  if (absl::Status init = store->Init(); !init.ok()) return init;
  return store;
}

}  // namespace kg::graph
