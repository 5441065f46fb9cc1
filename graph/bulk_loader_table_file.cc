#include "bulk_loader_table_file.h"

#include <utility>

#include "kg/graph/encoding.h"

namespace kg::graph {

TableFile::TableFile(const StoreCore& core, schema::Family family,
                     std::string path)
    : family_(core.families[family]),
      path_(std::move(path)),
      writer_(rocksdb::EnvOptions(),
              rocksdb::Options(rocksdb::DBOptions(),
                               core.descriptors[family].options),
              family_,
              // The files are read right after their ingestion: their
              // pages stay cached.
              /*invalidate_page_cache=*/false) {}

absl::Status TableFile::Put(const rocksdb::Slice& key,
                            const rocksdb::Slice& value) {
  rocksdb::Status s;
  if (entries_++ == 0) s = writer_.Open(path_);
  if (s.ok()) s = writer_.Put(key, value);
  return s.ok() ? absl::OkStatus() : FromRocks(s, "writing " + path_);
}

absl::Status TableFile::Finish() {
  if (entries_ == 0) return absl::OkStatus();
  rocksdb::Status s = writer_.Finish();
  return s.ok() ? absl::OkStatus() : FromRocks(s, "finishing " + path_);
}

void TableFile::AddTo(
    std::vector<rocksdb::IngestExternalFileArg>* ingest) const {
  if (entries_ == 0) return;
  for (rocksdb::IngestExternalFileArg& arg : *ingest) {
    if (arg.column_family == family_) {
      arg.external_files.push_back(path_);
      return;
    }
  }
  rocksdb::IngestExternalFileArg arg;
  arg.column_family = family_;
  arg.external_files = {path_};
  arg.options.move_files = true;
  ingest->push_back(std::move(arg));
}

void SetTrailingId(uint64_t id, std::string* key) {
  key->resize(key->size() - sizeof(id));
  PutFixed64BE(key, id);
}

}  // namespace kg::graph
