#include "bulk_loader_node_ids.h"

#include <algorithm>
#include <cstring>

namespace kg::graph {

bool NodeIds::Add(absl::string_view key, uint64_t id) {
  if (ids_.contains(key)) return false;
  if (key.size() > block_capacity_ - block_used_) {
    block_capacity_ = std::max(kBlockBytes, key.size());
    blocks_.push_back(std::make_unique<char[]>(block_capacity_));
    block_used_ = 0;
  }
  char* copy = blocks_.back().get() + block_used_;
  if (!key.empty()) std::memcpy(copy, key.data(), key.size());
  block_used_ += key.size();
  ids_.emplace(absl::string_view(copy, key.size()), id);
  return true;
}

absl::StatusOr<uint64_t> NodeIds::Find(absl::string_view key,
                                       schema::AdjDir end) {
  std::pair<absl::string_view, uint64_t>& last = last_found_[end];
  if (last.first == key && !key.empty()) return last.second;
  auto it = ids_.find(key);
  if (it == ids_.end()) return absl::NotFoundError(key);
  last = *it;
  return it->second;
}

std::vector<absl::string_view> NodeIds::KeysById(uint64_t id_end) const {
  std::vector<absl::string_view> keys(id_end);
  for (const auto& [key, id] : ids_) keys[id] = key;
  return keys;
}

std::vector<std::pair<absl::string_view, uint64_t>> NodeIds::SortedByKey()
    const {
  std::vector<std::pair<absl::string_view, uint64_t>> keys(ids_.begin(),
                                                           ids_.end());
  std::sort(keys.begin(), keys.end());
  return keys;
}

}  // namespace kg::graph
