// TableFile: one column family's table file of a bulk load, written in
// key order with an SstFileWriter (opened on its first entry) and closed
// into an ingestion argument.
#ifndef KG_GRAPH_BULK_LOADER_TABLE_FILE_H_
#define KG_GRAPH_BULK_LOADER_TABLE_FILE_H_

#include <cstdint>
#include <string>
#include <vector>

#include "absl/status/status.h"
#include "rocksdb/db.h"
#include "rocksdb/sst_file_writer.h"
#include "schema.h"
#include "store_core.h"

namespace kg::graph {

class TableFile {
 public:
  // `path` must not exist; the file is written only if something is put.
  TableFile(const StoreCore& core, schema::Family family, std::string path);

  // Keys must come in increasing order.
  absl::Status Put(const rocksdb::Slice& key, const rocksdb::Slice& value);

  // Closes the file (nothing when empty).
  absl::Status Finish();

  // Adds the finished file (nothing when empty) to `ingest`, to the
  // argument of its family if `ingest` has one: RocksDB takes one a
  // family. Files of one family must not overlap in key range.
  void AddTo(std::vector<rocksdb::IngestExternalFileArg>* ingest) const;

 private:
  rocksdb::ColumnFamilyHandle* const family_;
  const std::string path_;
  rocksdb::SstFileWriter writer_;
  size_t entries_ = 0;
};

// Replaces the id `key` ends with (as `adj` and `doc_facts` keys do) in
// place, so keys that share the rest are made without an allocation each.
void SetTrailingId(uint64_t id, std::string* key);

}  // namespace kg::graph

#endif  // KG_GRAPH_BULK_LOADER_TABLE_FILE_H_
