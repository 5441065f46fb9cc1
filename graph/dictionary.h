// Dictionary: the small integer ids that stand for labels, edge types and
// property names inside keys and records.
//
// Kept whole in memory (a graph has tens of each) and persisted in `meta`
// as "dict/<kind>/<name>" -> id. Only the single writer interns; readers
// look up concurrently.
#ifndef KG_GRAPH_DICTIONARY_H_
#define KG_GRAPH_DICTIONARY_H_

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "absl/base/thread_annotations.h"
#include "absl/container/flat_hash_map.h"
#include "absl/status/status.h"
#include "absl/strings/string_view.h"
#include "absl/synchronization/mutex.h"
#include "rocksdb/db.h"

namespace kg::graph {

enum class DictKind { kLabel = 0, kEdgeType = 1, kProperty = 2 };

class Dictionary {
 public:
  // Reads every entry of the `meta` family.
  absl::Status Load(rocksdb::DB* db, rocksdb::ColumnFamilyHandle* meta);

  std::optional<uint32_t> Find(DictKind kind, absl::string_view name) const;
  // "" for an unknown id.
  std::string Name(DictKind kind, uint32_t id) const;

  // The id of `name`, adding it (visible at once, its entry put in `batch`)
  // when new. New names are listed in `added` so that a failed write can
  // Forget them.
  uint32_t Intern(DictKind kind, absl::string_view name,
                  rocksdb::ColumnFamilyHandle* meta, rocksdb::WriteBatch* batch,
                  std::vector<std::pair<DictKind, std::string>>* added);
  void Forget(const std::vector<std::pair<DictKind, std::string>>& added);

 private:
  struct Table {
    absl::flat_hash_map<std::string, uint32_t> ids;
    std::vector<std::string> names;  // names[id - 1]
  };
  mutable absl::Mutex mu_;
  Table tables_[3] ABSL_GUARDED_BY(mu_);
};

}  // namespace kg::graph

#endif  // KG_GRAPH_DICTIONARY_H_
