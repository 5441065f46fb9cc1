// NodeIds: the ids a bulk load gave its nodes' keys, found again for each
// edge end. The keys are copied into large blocks, so the map holds views:
// one allocation per block instead of one per key, and keys stay close.
#ifndef KG_GRAPH_BULK_LOADER_NODE_IDS_H_
#define KG_GRAPH_BULK_LOADER_NODE_IDS_H_

#include <cstdint>
#include <memory>
#include <utility>
#include <vector>

#include "absl/container/flat_hash_map.h"
#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "schema.h"

namespace kg::graph {

class NodeIds {
 public:
  // Gives `key` the id `id`; false (and nothing changed) when it has one.
  bool Add(absl::string_view key, uint64_t id);

  // The id of `key`; NotFound when it has none. Edges often come grouped
  // by an end, as an actor's pledges do: the last key looked up for `end`
  // (kOut: the source) is checked first.
  absl::StatusOr<uint64_t> Find(absl::string_view key, schema::AdjDir end);

  size_t size() const { return ids_.size(); }
  bool empty() const { return ids_.empty(); }

  // The keys by id (`id_end` entries; those of no key empty).
  std::vector<absl::string_view> KeysById(uint64_t id_end) const;

  // The (key, id) pairs in key order.
  std::vector<std::pair<absl::string_view, uint64_t>> SortedByKey() const;

 private:
  static constexpr size_t kBlockBytes = size_t{1} << 20;

  std::vector<std::unique_ptr<char[]>> blocks_;
  size_t block_capacity_ = 0;
  size_t block_used_ = 0;
  absl::flat_hash_map<absl::string_view, uint64_t> ids_;
  std::pair<absl::string_view, uint64_t> last_found_[2];
};

}  // namespace kg::graph

#endif  // KG_GRAPH_BULK_LOADER_NODE_IDS_H_
