#include "topology.h"

#include <algorithm>
#include <limits>
#include <optional>
#include <tuple>
#include <utility>

#include "absl/strings/str_cat.h"
#include "kg/graph/encoding.h"

namespace kg::graph {

// The CSR arrays: node n's edges in direction d are
// entries[d][offsets[d][n] .. offsets[d][n + 1]).
struct Topology::Base {
  std::vector<uint32_t> labels;  // By node id; 0: no node.
  std::vector<uint64_t> offsets[2];
  std::vector<TopologyEntry> entries[2];
  // Shared by the bases folded from this one; null: none kept.
  std::shared_ptr<const NodeKeys> keys;

  size_t node_limit() const { return labels.size(); }
  size_t bytes() const {
    return (keys != nullptr ? keys->bytes() : 0) +
           labels.capacity() * sizeof(uint32_t) +
           (offsets[0].capacity() + offsets[1].capacity()) * sizeof(uint64_t) +
           (entries[0].capacity() + entries[1].capacity()) *
               sizeof(TopologyEntry);
  }
};

// A node changed since the base was built: its whole state.
struct Topology::NodeDelta {
  uint32_t label = 0;
  std::vector<TopologyEntry> edges[2];

  size_t bytes() const {
    return sizeof(NodeDelta) + 32 +
           (edges[0].size() + edges[1].size()) * sizeof(TopologyEntry);
  }
};

namespace {

constexpr uint64_t kMaxNodeId = std::numeric_limits<uint32_t>::max();

bool EntryLess(const TopologyEntry& a, const TopologyEntry& b) {
  return std::tie(a.type, a.other) < std::tie(b.type, b.other);
}

bool SameEnds(const TopologyEntry& a, const TopologyEntry& b) {
  return a.type == b.type && a.other == b.other;
}

// Sizes the offsets of a base of `node_limit` nodes.
void SizeOffsets(Topology::Base* base, size_t node_limit) {
  base->labels.resize(node_limit, 0);
  for (auto& offsets : base->offsets) offsets.assign(node_limit + 1, 0);
}

// A commit's changes to one node, gathered from its write batch.
struct NodeChange {
  std::optional<uint32_t> label;
  std::vector<TopologyEntry> added[2];
  std::vector<TopologyEntry> removed[2];
};

// Collects the `adj` and `labels` puts and deletes of a write batch.
class ChangeCollector : public rocksdb::WriteBatch::Handler {
 public:
  ChangeCollector(uint32_t adj_family, uint32_t labels_family)
      : adj_family_(adj_family), labels_family_(labels_family) {}

  rocksdb::Status PutCF(uint32_t family, const rocksdb::Slice& key,
                        const rocksdb::Slice& value) override {
    return Record(family, key, &value);
  }
  rocksdb::Status DeleteCF(uint32_t family,
                           const rocksdb::Slice& key) override {
    return Record(family, key, nullptr);
  }
  rocksdb::Status MergeCF(uint32_t, const rocksdb::Slice&,
                          const rocksdb::Slice&) override {
    return rocksdb::Status::OK();
  }

  absl::flat_hash_map<uint64_t, NodeChange>& changes() { return changes_; }

 private:
  // `value` is null for a delete.
  rocksdb::Status Record(uint32_t family, const rocksdb::Slice& key,
                         const rocksdb::Slice* value) {
    if (family == adj_family_) {
      schema::AdjEntry entry;
      uint64_t edge = 0;
      if (!schema::ParseAdjKey(schema::ToView(key), &entry) ||
          (value != nullptr &&
           !schema::ParseIdKey(schema::ToView(*value), &edge))) {
        return rocksdb::Status::Corruption("adj entry");
      }
      NodeChange& change = changes_[entry.node];
      TopologyEntry topology_entry{entry.type,
                                   static_cast<uint32_t>(entry.other), edge};
      (value != nullptr ? change.added : change.removed)[entry.dir].push_back(
          topology_entry);
    } else if (family == labels_family_) {
      absl::string_view rest = schema::ToView(key);
      uint32_t label = 0;
      uint64_t node = 0;
      if (!GetFixed32BE(&rest, &label) || !GetFixed64BE(&rest, &node)) {
        return rocksdb::Status::Corruption("labels entry");
      }
      changes_[node].label = value != nullptr ? label : 0;
    }
    return rocksdb::Status::OK();
  }

  const uint32_t adj_family_;
  const uint32_t labels_family_;
  absl::flat_hash_map<uint64_t, NodeChange> changes_;
};

}  // namespace

Topology::Topology(std::shared_ptr<const Base> base,
                   std::shared_ptr<const Delta> delta, uint64_t sequence)
    : base_(std::move(base)), delta_(std::move(delta)), sequence_(sequence) {}

absl::StatusOr<std::shared_ptr<const Topology>> Topology::Load(
    rocksdb::DB* db, const std::vector<rocksdb::ColumnFamilyHandle*>& families,
    const rocksdb::Snapshot* snapshot, size_t budget_bytes) {
  rocksdb::ReadOptions read;
  read.snapshot = snapshot;
  read.total_order_seek = true;
  auto base = std::make_shared<Base>();
  // Labels first: they fix the node id range.
  std::vector<std::pair<uint64_t, uint32_t>> labels;
  uint64_t node_limit = 1;
  {
    std::unique_ptr<rocksdb::Iterator> it(
        db->NewIterator(read, families[schema::kLabels]));
    for (it->SeekToFirst(); it->Valid(); it->Next()) {
      absl::string_view key = schema::ToView(it->key());
      uint32_t label = 0;
      uint64_t node = 0;
      if (!GetFixed32BE(&key, &label) || !GetFixed64BE(&key, &node)) {
        return absl::DataLossError("corrupt labels entry");
      }
      if (node > kMaxNodeId) return nullptr;
      labels.emplace_back(node, label);
      node_limit = std::max(node_limit, node + 1);
    }
    if (!it->status().ok()) return absl::InternalError(it->status().ToString());
  }
  if (node_limit * (sizeof(uint32_t) + 2 * sizeof(uint64_t)) > budget_bytes) {
    return nullptr;
  }
  SizeOffsets(base.get(), node_limit);
  for (const auto& [node, label] : labels) base->labels[node] = label;
  labels.clear();
  labels.shrink_to_fit();

  // `adj` keys come by node, then direction, type and other end: each
  // direction's entries arrive in CSR order.
  std::unique_ptr<rocksdb::Iterator> it(
      db->NewIterator(read, families[schema::kAdj]));
  uint64_t filled[2] = {0, 0};  // Offsets set for nodes <= filled[d].
  size_t entry_bytes = 0;
  for (it->SeekToFirst(); it->Valid(); it->Next()) {
    schema::AdjEntry entry;
    uint64_t edge = 0;
    if (!schema::ParseAdjKey(schema::ToView(it->key()), &entry) ||
        !schema::ParseIdKey(schema::ToView(it->value()), &edge)) {
      return absl::DataLossError("corrupt adj entry");
    }
    if (entry.node >= node_limit || entry.other >= node_limit) {
      return absl::DataLossError(
          absl::StrCat("adj entry of unknown node ", entry.node));
    }
    std::vector<TopologyEntry>& entries = base->entries[entry.dir];
    std::vector<uint64_t>& offsets = base->offsets[entry.dir];
    for (uint64_t& n = filled[entry.dir]; n < entry.node;) {
      offsets[++n] = entries.size();
    }
    entries.push_back(
        TopologyEntry{entry.type, static_cast<uint32_t>(entry.other), edge});
    entry_bytes += sizeof(TopologyEntry);
    if (entry_bytes > budget_bytes) return nullptr;
  }
  if (!it->status().ok()) return absl::InternalError(it->status().ToString());
  for (int d = 0; d < 2; ++d) {
    for (uint64_t n = filled[d]; n < node_limit; ++n) {
      base->offsets[d][n + 1] = base->entries[d].size();
    }
    base->entries[d].shrink_to_fit();
  }
  absl::StatusOr<std::shared_ptr<const NodeKeys>> keys =
      NodeKeys::Load(db, families[schema::kKeys], snapshot);
  if (!keys.ok()) return keys.status();
  base->keys = *std::move(keys);
  if (base->bytes() > budget_bytes) return nullptr;
  return std::make_shared<const Topology>(std::move(base),
                                          std::make_shared<const Delta>(),
                                          snapshot->GetSequenceNumber());
}

absl::StatusOr<std::shared_ptr<const Topology>> Topology::FromEdges(
    std::vector<uint32_t> labels, std::shared_ptr<const NodeKeys> keys,
    const std::vector<TopologyEdge>& edges, uint64_t sequence,
    size_t budget_bytes) {
  const size_t node_limit = std::max<size_t>(labels.size(), 1);
  const size_t estimate =
      node_limit * (sizeof(uint32_t) + 2 * sizeof(uint64_t)) +
      2 * edges.size() * sizeof(TopologyEntry);
  if (node_limit - 1 > kMaxNodeId || estimate > budget_bytes) return nullptr;
  auto base = std::make_shared<Base>();
  SizeOffsets(base.get(), node_limit);
  std::copy(labels.begin(), labels.end(), base->labels.begin());
  base->keys = std::move(keys);
  // A counting sort by node, then each node's entries by (type, other).
  for (const TopologyEdge& edge : edges) {
    if (edge.src >= node_limit || edge.dst >= node_limit) {
      return absl::InvalidArgumentError(
          absl::StrCat("edge ", edge.id, " names an unknown node"));
    }
    ++base->offsets[schema::kOut][edge.src + 1];
    ++base->offsets[schema::kIn][edge.dst + 1];
  }
  for (int d = 0; d < 2; ++d) {
    std::vector<uint64_t>& offsets = base->offsets[d];
    for (size_t n = 1; n <= node_limit; ++n) offsets[n] += offsets[n - 1];
    base->entries[d].resize(edges.size());
  }
  std::vector<uint64_t> next[2] = {base->offsets[0], base->offsets[1]};
  for (const TopologyEdge& edge : edges) {
    base->entries[schema::kOut][next[schema::kOut][edge.src]++] =
        TopologyEntry{edge.type, static_cast<uint32_t>(edge.dst), edge.id};
    base->entries[schema::kIn][next[schema::kIn][edge.dst]++] =
        TopologyEntry{edge.type, static_cast<uint32_t>(edge.src), edge.id};
  }
  for (int d = 0; d < 2; ++d) {
    const std::vector<uint64_t>& offsets = base->offsets[d];
    TopologyEntry* entries = base->entries[d].data();
    for (size_t n = 0; n < node_limit; ++n) {
      TopologyEntry* first = entries + offsets[n];
      TopologyEntry* last = entries + offsets[n + 1];
      std::sort(first, last, EntryLess);
      if (std::adjacent_find(first, last, SameEnds) != last) {
        return absl::InvalidArgumentError(
            absl::StrCat("two edges of one type join node ", n, " to node ",
                         std::adjacent_find(first, last, SameEnds)->other));
      }
    }
  }
  return std::make_shared<const Topology>(
      std::move(base), std::make_shared<const Delta>(), sequence);
}

std::shared_ptr<const Topology> Topology::Apply(
    const rocksdb::WriteBatch& batch,
    const std::vector<rocksdb::ColumnFamilyHandle*>& families,
    uint64_t sequence, size_t budget_bytes) const {
  ChangeCollector collector(families[schema::kAdj]->GetID(),
                            families[schema::kLabels]->GetID());
  if (!batch.Iterate(&collector).ok()) return nullptr;
  auto delta = std::make_shared<Delta>(*delta_);
  uint64_t node_limit = base_->node_limit();
  for (auto& [node, change] : collector.changes()) {
    if (node > kMaxNodeId) return nullptr;
    node_limit = std::max(node_limit, node + 1);
    auto updated = std::make_shared<NodeDelta>();
    updated->label = change.label.value_or(Label(node));
    for (int d = 0; d < 2; ++d) {
      absl::Span<const TopologyEntry> current =
          Adjacent(node, static_cast<schema::AdjDir>(d));
      std::vector<TopologyEntry>& edges = updated->edges[d];
      std::vector<TopologyEntry>& removed = change.removed[d];
      std::sort(removed.begin(), removed.end(), EntryLess);
      for (const TopologyEntry& entry : current) {
        if (!std::binary_search(removed.begin(), removed.end(), entry,
                                EntryLess)) {
          edges.push_back(entry);
        }
      }
      edges.insert(edges.end(), change.added[d].begin(), change.added[d].end());
      std::sort(edges.begin(), edges.end(), EntryLess);
    }
    (*delta)[node] = std::move(updated);
  }
  Topology next(base_, delta, sequence);
  // Fold the delta into a new base once it is a sizeable part of the
  // graph: lookups stay cheap and each commit's copy of the delta small.
  if (delta->size() <= std::max<size_t>(1024, base_->node_limit() / 8)) {
    if (next.memory_bytes() > budget_bytes) return nullptr;
    return std::make_shared<const Topology>(std::move(next));
  }
  auto base = std::make_shared<Base>();
  SizeOffsets(base.get(), node_limit);
  for (int d = 0; d < 2; ++d) {
    const auto dir = static_cast<schema::AdjDir>(d);
    std::vector<uint64_t>& offsets = base->offsets[d];
    for (uint64_t n = 0; n < node_limit; ++n) {
      offsets[n + 1] = offsets[n] + next.Adjacent(n, dir).size();
    }
    base->entries[d].reserve(offsets[node_limit]);
    for (uint64_t n = 0; n < node_limit; ++n) {
      absl::Span<const TopologyEntry> edges = next.Adjacent(n, dir);
      base->entries[d].insert(base->entries[d].end(), edges.begin(),
                              edges.end());
    }
  }
  for (uint64_t n = 0; n < node_limit; ++n) base->labels[n] = next.Label(n);
  base->keys = base_->keys;
  if (base->bytes() > budget_bytes) return nullptr;
  return std::make_shared<const Topology>(
      std::move(base), std::make_shared<const Delta>(), sequence);
}

absl::Span<const TopologyEntry> Topology::Adjacent(uint64_t node,
                                                   schema::AdjDir dir) const {
  if (!delta_->empty()) {
    auto it = delta_->find(node);
    if (it != delta_->end()) return it->second->edges[dir];
  }
  if (node >= base_->node_limit()) return {};
  const std::vector<uint64_t>& offsets = base_->offsets[dir];
  return absl::Span<const TopologyEntry>(
      base_->entries[dir].data() + offsets[node],
      offsets[node + 1] - offsets[node]);
}

absl::Span<const TopologyEntry> Topology::Adjacent(uint64_t node,
                                                   schema::AdjDir dir,
                                                   uint32_t type) const {
  absl::Span<const TopologyEntry> all = Adjacent(node, dir);
  auto [first, last] =
      std::equal_range(all.begin(), all.end(), TopologyEntry{type, 0, 0},
                       [](const TopologyEntry& a, const TopologyEntry& b) {
                         return a.type < b.type;
                       });
  return absl::Span<const TopologyEntry>(first, last - first);
}

uint32_t Topology::Label(uint64_t node) const {
  if (!delta_->empty()) {
    auto it = delta_->find(node);
    if (it != delta_->end()) return it->second->label;
  }
  return node < base_->node_limit() ? base_->labels[node] : 0;
}

absl::string_view Topology::Key(uint64_t node) const {
  if (base_->keys == nullptr || Label(node) == 0) return absl::string_view();
  return base_->keys->Get(node);
}

size_t Topology::memory_bytes() const {
  size_t bytes = base_->bytes();
  for (const auto& [node, delta] : *delta_) bytes += delta->bytes();
  return bytes;
}

}  // namespace kg::graph
