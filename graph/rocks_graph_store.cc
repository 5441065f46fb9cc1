#include <memory>
#include <string>
#include <vector>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "absl/synchronization/mutex.h"
#include "commit_builder.h"
#include "dictionary.h"
#include "fact_validation.h"
#include "kg/graph/encoding.h"
#include "kg/graph/graph_store.h"
#include "rocks_snapshot.h"
#include "rocksdb/db.h"
#include "schema.h"

namespace kg::graph {
namespace {

absl::Status FromRocks(const rocksdb::Status& s, absl::string_view what) {
  std::string message = absl::StrCat(what, ": ", s.ToString());
  if (s.IsCorruption()) return absl::DataLossError(message);
  if (s.IsIOError() && s.ToString().find("lock") != std::string::npos) {
    return absl::FailedPreconditionError(message);
  }
  return absl::InternalError(message);
}

class RocksGraphStore : public GraphStore {
 public:
  RocksGraphStore(const StoreOptions& options, rocksdb::DB* db,
                  std::vector<rocksdb::ColumnFamilyHandle*> families)
      : options_(options), db_(db), families_(std::move(families)) {}

  ~RocksGraphStore() override {
    for (rocksdb::ColumnFamilyHandle* handle : families_) {
      db_->DestroyColumnFamilyHandle(handle);
    }
    delete db_;
  }

  absl::Status Init() {
    rocksdb::ColumnFamilyHandle* meta = families_[schema::kMeta];
    std::string value;
    rocksdb::Status s =
        db_->Get(rocksdb::ReadOptions(), meta,
                 schema::ToSlice(schema::kFormatVersionKey), &value);
    if (s.IsNotFound()) {
      std::string version;
      PutFixed32BE(&version, schema::kFormatVersion);
      rocksdb::WriteOptions sync;
      sync.sync = true;
      s = db_->Put(sync, meta, schema::ToSlice(schema::kFormatVersionKey),
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
    if (absl::Status st = dictionary_.Load(db_, meta); !st.ok()) return st;
    for (auto [key, counter] :
         {std::pair{schema::kNextNodeIdKey, &ids_.next_node_id},
          std::pair{schema::kNextEdgeIdKey, &ids_.next_edge_id}}) {
      s = db_->Get(rocksdb::ReadOptions(), meta, schema::ToSlice(key), &value);
      if (s.IsNotFound()) continue;
      if (!s.ok() || !schema::ParseIdKey(value, counter)) {
        return absl::DataLossError("corrupt id counter in meta");
      }
    }
    return absl::OkStatus();
  }

  absl::StatusOr<kg::v1::CommitSummary> CommitDocument(
      const DocumentFacts& facts) override {
    if (absl::Status s = ValidateDocumentFacts(facts); !s.ok()) return s;
    absl::MutexLock lock(&write_mu_);
    return CommitLocked(facts);
  }

  absl::StatusOr<kg::v1::CommitSummary> RemoveDocument(
      absl::string_view document_key) override {
    if (absl::Status s = ValidateDocumentKey(document_key, "document_key");
        !s.ok()) {
      return s;
    }
    absl::MutexLock lock(&write_mu_);
    std::unique_ptr<rocksdb::Iterator> it(
        db_->NewIterator(rocksdb::ReadOptions(), families_[schema::kDocFacts]));
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
    return NewRocksSnapshot(db_, families_, dictionary_);
  }

 private:
  absl::StatusOr<kg::v1::CommitSummary> CommitLocked(const DocumentFacts& facts)
      ABSL_EXCLUSIVE_LOCKS_REQUIRED(write_mu_) {
    rocksdb::WriteBatch batch;
    CommitBuilder builder(db_, families_, &dictionary_, &ids_);
    absl::StatusOr<kg::v1::CommitSummary> summary =
        builder.Build(facts, &batch);
    if (summary.ok() && batch.Count() > 0) {
      rocksdb::WriteOptions write_options;
      write_options.sync = options_.sync_writes;
      rocksdb::Status s = db_->Write(write_options, &batch);
      if (!s.ok()) summary = FromRocks(s, "writing the commit");
    }
    if (!summary.ok()) dictionary_.Forget(builder.added_names());
    return summary;
  }

  const StoreOptions options_;
  rocksdb::DB* const db_;
  const std::vector<rocksdb::ColumnFamilyHandle*> families_;
  Dictionary dictionary_;
  absl::Mutex write_mu_;
  IdCounters ids_ ABSL_GUARDED_BY(write_mu_);
};

}  // namespace

absl::StatusOr<std::unique_ptr<GraphStore>> GraphStore::Open(
    const std::string& path, const StoreOptions& options) {
  rocksdb::DBOptions db_options;
  db_options.create_if_missing = options.create_if_missing;
  db_options.create_missing_column_families = options.create_if_missing;
  std::vector<rocksdb::ColumnFamilyHandle*> handles;
  rocksdb::DB* db = nullptr;
  rocksdb::Status s = rocksdb::DB::Open(
      db_options, path, schema::FamilyDescriptors(options), &handles, &db);
  if (!s.ok()) return FromRocks(s, absl::StrCat("opening ", path));
  auto store =
      std::make_unique<RocksGraphStore>(options, db, std::move(handles));
  if (absl::Status init = store->Init(); !init.ok()) return init;
  return store;
}

}  // namespace kg::graph
