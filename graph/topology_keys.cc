#include "topology_keys.h"

#include <algorithm>
#include <utility>

#include "schema.h"

namespace kg::graph {

NodeKeys::NodeKeys(const std::vector<absl::string_view>& keys) {
  size_t total = 0;
  for (absl::string_view key : keys) total += key.size();
  bytes_.reserve(total);
  ends_.reserve(keys.size() + 1);
  ends_.push_back(0);
  for (absl::string_view key : keys) {
    bytes_.append(key.data(), key.size());
    ends_.push_back(bytes_.size());
  }
}

absl::StatusOr<std::shared_ptr<const NodeKeys>> NodeKeys::Load(
    rocksdb::DB* db, rocksdb::ColumnFamilyHandle* keys_family,
    const rocksdb::Snapshot* snapshot) {
  rocksdb::ReadOptions read;
  read.snapshot = snapshot;
  read.total_order_seek = true;
  // The family is in key order: the keys are kept in one buffer and
  // placed by id once all are read.
  std::string buffer;
  std::vector<std::pair<uint64_t, std::pair<size_t, size_t>>> spans;
  std::unique_ptr<rocksdb::Iterator> it(db->NewIterator(read, keys_family));
  for (it->SeekToFirst(); it->Valid(); it->Next()) {
    uint64_t id = 0;
    if (!schema::ParseIdKey(schema::ToView(it->value()), &id)) {
      return absl::DataLossError("corrupt keys entry");
    }
    spans.push_back({id, {buffer.size(), it->key().size()}});
    buffer.append(it->key().data(), it->key().size());
  }
  if (!it->status().ok()) return absl::InternalError(it->status().ToString());
  uint64_t limit = 0;
  for (const auto& span : spans) limit = std::max(limit, span.first + 1);
  std::vector<absl::string_view> keys(limit);
  for (const auto& [id, span] : spans) {
    keys[id] = absl::string_view(buffer.data() + span.first, span.second);
  }
  return std::make_shared<const NodeKeys>(keys);
}

}  // namespace kg::graph
