#include "rocks_snapshot_adjacency.h"

#include <algorithm>
#include <memory>
#include <tuple>

#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "absl/types/span.h"
#include "kg/graph/encoding.h"
#include "topology.h"

namespace kg::graph {
namespace {

// The part of `span` (entries of `node` in `dir`) whose `adj` keys sort
// after `after`'s.
absl::Span<const TopologyEntry> SkipThrough(
    uint64_t node, schema::AdjDir dir, absl::Span<const TopologyEntry> span,
    const schema::AdjEntry* after) {
  if (after == nullptr) return span;
  if (std::tie(node, dir) < std::tie(after->node, after->dir)) return {};
  if (std::tie(after->node, after->dir) < std::tie(node, dir)) return span;
  auto first = std::upper_bound(
      span.begin(), span.end(), *after,
      [](const schema::AdjEntry& a, const TopologyEntry& e) {
        return std::tie(a.type, a.other) < std::tie(e.type, e.other);
      });
  return span.subspan(first - span.begin());
}

// ScanAdjacency from the topology: the same entries in the same order,
// resuming after the `adj` entry `after` (none: from the start).
absl::Status ScanTopology(const Topology& topology, uint64_t node,
                          Direction direction,
                          const std::vector<uint32_t>& types,
                          const schema::AdjEntry* after, size_t limit,
                          std::string* next_cursor, AdjacencyVisitor visit) {
  size_t visited = 0;
  schema::AdjEntry last;
  for (schema::AdjDir dir : DirectionsOf(direction)) {
    std::vector<absl::Span<const TopologyEntry>> spans;
    if (types.empty()) spans.push_back(topology.Adjacent(node, dir));
    for (uint32_t type : types) {
      spans.push_back(topology.Adjacent(node, dir, type));
    }
    for (absl::Span<const TopologyEntry> span : spans) {
      for (const TopologyEntry& edge : SkipThrough(node, dir, span, after)) {
        if (visited == limit) {
          *next_cursor = schema::AdjKey(last);
          return absl::OkStatus();
        }
        last = schema::AdjEntry{node, dir, edge.type, edge.other};
        if (absl::Status s = visit(last, edge.edge); !s.ok()) return s;
        ++visited;
      }
    }
  }
  return absl::OkStatus();
}

// DegreesOf from the topology: a node's entries are grouped by type.
std::vector<DegreeCount> TopologyDegrees(const Topology& topology,
                                         const Dictionary& dictionary,
                                         uint64_t node) {
  std::vector<DegreeCount> out;
  for (schema::AdjDir dir : {schema::kOut, schema::kIn}) {
    absl::Span<const TopologyEntry> edges = topology.Adjacent(node, dir);
    for (size_t first = 0; first < edges.size();) {
      size_t end = first;
      while (end < edges.size() && edges[end].type == edges[first].type) {
        ++end;
      }
      out.push_back(
          DegreeCount{dir == schema::kOut ? Direction::kOut : Direction::kIn,
                      dictionary.Name(DictKind::kEdgeType, edges[first].type),
                      end - first});
      first = end;
    }
  }
  return out;
}

}  // namespace

std::vector<schema::AdjDir> DirectionsOf(Direction direction) {
  switch (direction) {
    case Direction::kOut:
      return {schema::kOut};
    case Direction::kIn:
      return {schema::kIn};
    case Direction::kBoth:
      break;
  }
  return {schema::kOut, schema::kIn};
}

std::optional<std::vector<uint32_t>> EdgeTypeIds(
    const Dictionary& dictionary, const std::vector<std::string>& names) {
  std::vector<uint32_t> ids;
  for (const std::string& name : names) {
    std::optional<uint32_t> id = dictionary.Find(DictKind::kEdgeType, name);
    if (id) ids.push_back(*id);
  }
  if (!names.empty() && ids.empty()) return std::nullopt;
  std::sort(ids.begin(), ids.end());
  ids.erase(std::unique(ids.begin(), ids.end()), ids.end());
  return ids;
}

absl::Status ScanAdjacency(const SnapshotRecords& records, uint64_t node,
                           Direction direction,
                           const std::vector<uint32_t>& types,
                           absl::string_view cursor, size_t limit,
                           std::string* next_cursor, AdjacencyVisitor visit) {
  schema::AdjEntry after;
  if (records.topology() != nullptr &&
      (cursor.empty() || schema::ParseAdjKey(cursor, &after))) {
    return ScanTopology(*records.topology(), node, direction, types,
                        cursor.empty() ? nullptr : &after, limit, next_cursor,
                        visit);
  }
  std::vector<std::string> prefixes;
  for (schema::AdjDir dir : DirectionsOf(direction)) {
    if (types.empty()) prefixes.push_back(schema::AdjPrefix(node, dir));
    for (uint32_t type : types) {
      prefixes.push_back(schema::AdjPrefix(node, dir, type));
    }
  }
  size_t visited = 0;
  std::string last_key;
  std::unique_ptr<rocksdb::Iterator> it =
      records.NewIterator(schema::kAdj, true);
  for (const std::string& prefix : prefixes) {
    // Ranges wholly before the cursor were returned by earlier pages.
    if (!cursor.empty() && prefix < cursor &&
        !absl::StartsWith(cursor, prefix)) {
      continue;
    }
    for (SnapshotRecords::SeekAfter(it.get(), prefix, cursor);
         it->Valid() && it->key().starts_with(prefix); it->Next()) {
      if (visited == limit) {
        *next_cursor = last_key;
        return absl::OkStatus();
      }
      schema::AdjEntry entry;
      uint64_t edge_id;
      if (!schema::ParseAdjKey(schema::ToView(it->key()), &entry) ||
          !schema::ParseIdKey(schema::ToView(it->value()), &edge_id)) {
        return absl::DataLossError("corrupt adj entry");
      }
      absl::Status visited_ok = visit(entry, edge_id);
      if (!visited_ok.ok()) return visited_ok;
      ++visited;
      last_key = std::string(schema::ToView(it->key()));
    }
    if (!it->status().ok()) return FromRocks(it->status());
  }
  return absl::OkStatus();
}

absl::StatusOr<uint64_t> CountAdjacent(const SnapshotRecords& records,
                                       uint64_t node, Direction direction,
                                       uint32_t type) {
  int64_t total = 0;
  for (schema::AdjDir dir : DirectionsOf(direction)) {
    if (records.topology() != nullptr) {
      total += records.topology()->Adjacent(node, dir, type).size();
      continue;
    }
    std::string value;
    rocksdb::Status s =
        records.db()->Get(records.read_options(), records.cf(schema::kMeta),
                          schema::DegreeKey(node, dir, type), &value);
    if (s.IsNotFound()) continue;
    if (!s.ok()) return FromRocks(s);
    total += schema::DecodeCounter(value);
  }
  return static_cast<uint64_t>(std::max<int64_t>(total, 0));
}

absl::StatusOr<std::vector<DegreeCount>> DegreesOf(
    const SnapshotRecords& records, uint64_t node) {
  if (records.topology() != nullptr) {
    return TopologyDegrees(*records.topology(), records.dictionary(), node);
  }
  // Degree keys are "degree/" + the node's adj prefix + direction + type.
  const std::string prefix = absl::StrCat("degree/", schema::AdjPrefix(node));
  std::vector<DegreeCount> out;
  std::unique_ptr<rocksdb::Iterator> it =
      records.NewIterator(schema::kMeta, false);
  for (it->Seek(prefix); it->Valid() && it->key().starts_with(prefix);
       it->Next()) {
    absl::string_view rest = schema::ToView(it->key()).substr(prefix.size());
    uint32_t type;
    if (rest.empty() ||
        (rest.front() != schema::kOut && rest.front() != schema::kIn)) {
      return absl::DataLossError("corrupt degree key");
    }
    const Direction direction =
        rest.front() == schema::kOut ? Direction::kOut : Direction::kIn;
    rest.remove_prefix(1);
    if (!GetFixed32BE(&rest, &type)) {
      return absl::DataLossError("corrupt degree key");
    }
    int64_t count = schema::DecodeCounter(schema::ToView(it->value()));
    if (count <= 0) continue;
    out.push_back(DegreeCount{
        direction, records.dictionary().Name(DictKind::kEdgeType, type),
        static_cast<uint64_t>(count)});
  }
  if (!it->status().ok()) return FromRocks(it->status());
  return out;
}

}  // namespace kg::graph
