// CommitBuilder: turns "document D now asserts exactly these facts" into one
// RocksDB write batch that updates records, every index and every counter.
//
// It reads the latest committed state, so the caller must hold the store's
// writer lock from Build until the batch is written. A document's removal is
// a commit of no facts.
#ifndef KG_GRAPH_COMMIT_BUILDER_H_
#define KG_GRAPH_COMMIT_BUILDER_H_

#include <cstdint>
#include <string>
#include <utility>
#include <vector>

#include "absl/status/statusor.h"
#include "dictionary.h"
#include "kg/graph/document_facts.h"
#include "kg/v1/ingest_service.pb.h"
#include "rocksdb/db.h"

namespace kg::graph {

// The next unused node and edge ids; persisted in `meta` by each commit
// that allocates.
struct IdCounters {
  uint64_t next_node_id = 1;
  uint64_t next_edge_id = 1;
};

class CommitBuilder {
 public:
  CommitBuilder(rocksdb::DB* db,
                const std::vector<rocksdb::ColumnFamilyHandle*>& families,
                Dictionary* dictionary, IdCounters* ids);

  // Fills `batch` so that `facts.document_key` asserts exactly `facts`.
  // `facts` must have passed ValidateDocumentFacts. The summary's `changed`
  // is false (and `batch` empty) when nothing would change.
  absl::StatusOr<kg::v1::CommitSummary> Build(const DocumentFacts& facts,
                                              rocksdb::WriteBatch* batch);

  // Dictionary names Build added, for Dictionary::Forget if the batch is
  // not written.
  const std::vector<std::pair<DictKind, std::string>>& added_names() const {
    return added_names_;
  }

 private:
  rocksdb::DB* db_;
  const std::vector<rocksdb::ColumnFamilyHandle*>& families_;
  Dictionary* dictionary_;
  IdCounters* ids_;
  std::vector<std::pair<DictKind, std::string>> added_names_;
};

}  // namespace kg::graph

#endif  // KG_GRAPH_COMMIT_BUILDER_H_
