#include "bulk_loader_topology_tables.h"

#include <map>
#include <string>

#include "absl/types/span.h"
#include "schema.h"

namespace kg::graph {
namespace {

// Calls `run(node, dir, entries)` for each node's entries of one type in
// one direction, in `adj` key order, until one fails.
template <typename Run>
absl::Status ForEachTypeRun(const Topology& topology, uint64_t node_begin,
                            uint64_t node_end, Run run) {
  for (uint64_t node = node_begin; node < node_end; ++node) {
    for (schema::AdjDir dir : {schema::kOut, schema::kIn}) {
      absl::Span<const TopologyEntry> entries = topology.Adjacent(node, dir);
      for (size_t first = 0; first < entries.size();) {
        size_t end = first + 1;
        while (end < entries.size() &&
               entries[end].type == entries[first].type) {
          ++end;
        }
        absl::Status s = run(node, dir, entries.subspan(first, end - first));
        if (!s.ok()) return s;
        first = end;
      }
    }
  }
  return absl::OkStatus();
}

}  // namespace

absl::Status WriteAdjacencyTable(const Topology& topology, uint64_t node_begin,
                                 uint64_t node_end, TableFile* adj) {
  return ForEachTypeRun(
      topology, node_begin, node_end,
      [&](uint64_t node, schema::AdjDir dir,
          absl::Span<const TopologyEntry> run) {
        std::string key = schema::AdjKey({node, dir, run[0].type, 0});
        for (const TopologyEntry& entry : run) {
          SetTrailingId(entry.other, &key);
          absl::Status s = adj->Put(key, schema::IdKey(entry.edge));
          if (!s.ok()) return s;
        }
        return absl::OkStatus();
      });
}

uint64_t AdjacencyMidpoint(const Topology& topology, uint64_t node_end) {
  auto entries_of = [&](uint64_t node) {
    return topology.Adjacent(node, schema::kOut).size() +
           topology.Adjacent(node, schema::kIn).size();
  };
  size_t total = 0;
  for (uint64_t node = 1; node < node_end; ++node) total += entries_of(node);
  size_t before = 0;
  uint64_t node = 1;
  while (node < node_end && 2 * before < total) before += entries_of(node++);
  return node;
}

// count/label, count/type, degree and next_id keys sort in that order.
absl::Status WriteCounterTable(const Topology& topology,
                               const std::vector<uint32_t>& labels,
                               const std::vector<TopologyEdge>& edges,
                               TableFile* meta) {
  std::map<uint32_t, int64_t> label_counts, type_counts;
  for (uint64_t id = 1; id < labels.size(); ++id) ++label_counts[labels[id]];
  for (const TopologyEdge& edge : edges) ++type_counts[edge.type];
  for (const auto& [label, count] : label_counts) {
    absl::Status s =
        meta->Put(schema::LabelCountKey(label), schema::EncodeCounter(count));
    if (!s.ok()) return s;
  }
  for (const auto& [type, count] : type_counts) {
    absl::Status s =
        meta->Put(schema::TypeCountKey(type), schema::EncodeCounter(count));
    if (!s.ok()) return s;
  }
  absl::Status s = ForEachTypeRun(
      topology, 1, labels.size(),
      [&](uint64_t node, schema::AdjDir dir,
          absl::Span<const TopologyEntry> run) {
        return meta->Put(schema::DegreeKey(node, dir, run[0].type),
                         schema::EncodeCounter(run.size()));
      });
  if (!s.ok()) return s;
  s = meta->Put(schema::ToSlice(schema::kNextEdgeIdKey),
                schema::IdKey(edges.size() + 1));
  if (!s.ok()) return s;
  return meta->Put(schema::ToSlice(schema::kNextNodeIdKey),
                   schema::IdKey(labels.size()));
}

}  // namespace kg::graph
