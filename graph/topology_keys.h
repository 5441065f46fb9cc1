// NodeKeys: node keys by node id, packed in one buffer, so a Topology can
// name nodes without reading their records. Immutable once built; ids
// without a node have the empty key.
#ifndef KG_GRAPH_TOPOLOGY_KEYS_H_
#define KG_GRAPH_TOPOLOGY_KEYS_H_

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "rocksdb/db.h"

namespace kg::graph {

class NodeKeys {
 public:
  // `keys[id]` is the key of node `id` ("" for none).
  explicit NodeKeys(const std::vector<absl::string_view>& keys);

  // Reads the `keys` family (key -> id) as of `snapshot`.
  static absl::StatusOr<std::shared_ptr<const NodeKeys>> Load(
      rocksdb::DB* db, rocksdb::ColumnFamilyHandle* keys_family,
      const rocksdb::Snapshot* snapshot);

  // "" for ids past the end or without a node.
  absl::string_view Get(uint64_t id) const {
    if (id + 1 >= ends_.size()) return absl::string_view();
    return absl::string_view(bytes_.data() + ends_[id],
                             ends_[id + 1] - ends_[id]);
  }

  size_t bytes() const {
    return bytes_.capacity() + ends_.capacity() * sizeof(uint64_t);
  }

 private:
  std::string bytes_;
  // Key `id` is bytes_[ends_[id], ends_[id + 1]).
  std::vector<uint64_t> ends_;
};

}  // namespace kg::graph

#endif  // KG_GRAPH_TOPOLOGY_KEYS_H_
