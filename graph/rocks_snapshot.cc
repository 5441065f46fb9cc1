#include "rocks_snapshot.h"

#include <algorithm>
#include <string>
#include <thread>
#include <utility>

#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "kg/graph/encoding.h"
#include "kg/graph/text_normalize.h"
#include "record_view.h"
#include "records.pb.h"
#include "rocks_snapshot_adjacency.h"
#include "rocks_snapshot_records.h"
#include "schema.h"
#include "topology.h"

namespace kg::graph {
namespace {

using schema::Family;

bool SameValue(const kg::v1::Value& a, const kg::v1::Value& b) {
  return a.SerializeAsString() == b.SerializeAsString();
}

// How ListNodes walks one index: the family, the key prefix, and how a
// key ends in the node id.
struct NodeScan {
  Family family = schema::kNodes;
  std::string prefix;
  // Nothing can match (an unknown label or property name).
  bool empty = false;
  bool IdOf(absl::string_view key, uint64_t* id) const {
    if (family == schema::kNodes) return schema::ParseIdKey(key, id);
    // Exact lookups end the prefix where the id begins.
    if (family != schema::kNames && key.size() != prefix.size() + 8) {
      return false;
    }
    return schema::TrailingNodeId(key, id);
  }
};

absl::StatusOr<NodeScan> PlanNodeScan(const Dictionary& dictionary,
                                      const NodeQuery& query) {
  NodeScan scan;
  if (!query.name.empty()) {
    scan.family = schema::kNames;
    scan.prefix = NormalizeName(query.name);
    if (!query.name_prefix) scan.prefix.push_back('\0');
    return scan;
  }
  if (!query.property_name.empty()) {
    if (!query.property_value.has_value()) {
      return absl::InvalidArgumentError(
          "property_value: required with property_name");
    }
    if (query.property_value->has_list_value()) {
      return absl::InvalidArgumentError(
          "property_value: a list cannot be matched by the index");
    }
    std::optional<uint32_t> prop =
        dictionary.Find(DictKind::kProperty, query.property_name);
    scan.family = schema::kProps;
    scan.empty = !prop.has_value();
    if (prop) {
      absl::StatusOr<std::string> prefix =
          schema::PropPrefix(*prop, *query.property_value);
      if (!prefix.ok()) {
        return absl::InvalidArgumentError(
            absl::StrCat("property_value: ", prefix.status().message()));
      }
      scan.prefix = *std::move(prefix);
    }
    return scan;
  }
  if (!query.label.empty()) {
    std::optional<uint32_t> label =
        dictionary.Find(DictKind::kLabel, query.label);
    scan.family = schema::kLabels;
    scan.empty = !label.has_value();
    if (label) scan.prefix = schema::LabelPrefix(*label);
  }
  return scan;
}

// Filters the index scan did not apply. A node found by name prefix is
// returned at its first matching name only, so pages never repeat it.
bool Matches(const NodeQuery& query, const NodeScan& scan,
             absl::string_view key, const kg::v1::Node& node) {
  if (!query.label.empty() && node.label() != query.label) return false;
  if (!query.property_name.empty()) {
    auto it = node.props().find(query.property_name);
    if (it == node.props().end() ||
        !SameValue(it->second, *query.property_value)) {
      return false;
    }
  }
  if (scan.family == schema::kNames && query.name_prefix) {
    absl::string_view entry_name = key.substr(0, key.size() - 9);
    for (const std::string& name : NormalizedNames(node)) {
      if (absl::StartsWith(name, scan.prefix) && name < entry_name) {
        return false;
      }
    }
  }
  return true;
}

class RocksSnapshot : public Snapshot {
 public:
  RocksSnapshot(const StoreCore& core, const rocksdb::Snapshot* snapshot,
                std::shared_ptr<const Topology> topology)
      : records_(core, snapshot, std::move(topology)),
        dictionary_(records_.dictionary()) {}

  absl::StatusOr<kg::v1::Node> GetNode(absl::string_view key) override {
    absl::StatusOr<uint64_t> id = records_.NodeId(key);
    if (!id.ok()) return id.status();
    return records_.LoadNode(*id);
  }

  absl::StatusOr<NodePage> ListNodes(const NodeQuery& query,
                                     absl::string_view cursor,
                                     size_t limit) override {
    absl::StatusOr<NodeScan> scan = PlanNodeScan(dictionary_, query);
    if (!scan.ok()) return scan.status();
    NodePage page;
    if (scan->empty) return page;
    std::unique_ptr<rocksdb::Iterator> it =
        records_.NewIterator(scan->family, false);
    std::string last_key;
    for (SnapshotRecords::SeekAfter(it.get(), scan->prefix, cursor);
         it->Valid() && it->key().starts_with(scan->prefix); it->Next()) {
      absl::string_view key = schema::ToView(it->key());
      uint64_t id;
      if (!scan->IdOf(key, &id)) continue;
      absl::StatusOr<kg::v1::Node> node = records_.LoadNode(id);
      if (!node.ok()) return node.status();
      if (!Matches(query, *scan, key, *node)) continue;
      if (page.nodes.size() == limit) {
        page.next_cursor = last_key;
        return page;
      }
      page.nodes.push_back(*std::move(node));
      last_key = std::string(key);
    }
    if (!it->status().ok()) return FromRocks(it->status());
    return page;
  }

  absl::StatusOr<EdgePage> ListEdges(const EdgeQuery& query,
                                     absl::string_view cursor,
                                     size_t limit) override {
    std::optional<std::vector<uint32_t>> types =
        EdgeTypeIds(dictionary_, query.types);
    if (query.node_key.empty()) {
      if (!types) return EdgePage();
      return ListAllEdges(*types, cursor, limit);
    }
    // An unknown node is NotFound even when no edge has the types asked.
    absl::StatusOr<uint64_t> node = records_.NodeId(query.node_key);
    if (!node.ok()) return node.status();
    if (!types) return EdgePage();
    EdgePage page;
    std::vector<uint64_t> edge_ids;
    absl::Status scanned = ScanAdjacency(
        records_, *node, query.direction, *types, cursor, limit,
        &page.next_cursor,
        [&](const schema::AdjEntry&, uint64_t edge_id) -> absl::Status {
          edge_ids.push_back(edge_id);
          return absl::OkStatus();
        });
    if (!scanned.ok()) return scanned;
    absl::StatusOr<std::vector<kg::v1::Edge>> edges =
        records_.LoadEdges(edge_ids);
    if (!edges.ok()) return edges.status();
    page.edges = *std::move(edges);
    return page;
  }

  absl::StatusOr<AdjacencyPage> ListAdjacent(
      uint64_t node_id, Direction direction,
      const std::vector<std::string>& type_names, absl::string_view cursor,
      size_t limit) override {
    std::optional<std::vector<uint32_t>> types =
        EdgeTypeIds(dictionary_, type_names);
    AdjacencyPage page;
    if (!types) return page;
    absl::Status scanned = ScanAdjacency(
        records_, node_id, direction, *types, cursor, limit, &page.next_cursor,
        [&](const schema::AdjEntry& entry, uint64_t edge_id) {
          page.edges.push_back(AdjacentEdge{
              edge_id, entry.other, records_.EdgeTypeName(entry.type),
              entry.dir == schema::kOut ? Direction::kOut : Direction::kIn});
          return absl::OkStatus();
        });
    if (!scanned.ok()) return scanned;
    return page;
  }

  absl::StatusOr<uint64_t> Degree(absl::string_view node_key,
                                  Direction direction,
                                  absl::string_view type) override {
    absl::StatusOr<uint64_t> node = records_.NodeId(node_key);
    if (!node.ok()) return node.status();
    std::optional<uint32_t> type_id =
        dictionary_.Find(DictKind::kEdgeType, type);
    if (!type_id) return 0;
    return CountAdjacent(records_, *node, direction, *type_id);
  }

  absl::StatusOr<std::vector<DegreeCount>> Degrees(
      absl::string_view node_key) override {
    absl::StatusOr<uint64_t> node = records_.NodeId(node_key);
    if (!node.ok()) return node.status();
    return DegreesOf(records_, *node);
  }

  absl::StatusOr<kg::v1::Node> GetNodeById(uint64_t id) override {
    absl::StatusOr<kg::v1::Node> node = records_.LoadNode(id);
    if (absl::IsDataLoss(node.status()))
      return Missing(schema::kNodes, {id}, node);
    return node;
  }

  absl::StatusOr<std::vector<kg::v1::Node>> GetNodesById(
      const std::vector<uint64_t>& ids) override {
    absl::StatusOr<std::vector<kg::v1::Node>> nodes = records_.LoadNodes(ids);
    if (absl::IsDataLoss(nodes.status()))
      return Missing(schema::kNodes, ids, nodes);
    return nodes;
  }

  absl::StatusOr<kg::v1::Edge> GetEdgeById(uint64_t id) override {
    absl::StatusOr<kg::v1::Edge> edge = records_.LoadEdge(id);
    if (absl::IsDataLoss(edge.status()))
      return Missing(schema::kEdges, {id}, edge);
    return edge;
  }

  absl::StatusOr<std::vector<kg::v1::Edge>> GetEdgesById(
      const std::vector<uint64_t>& ids) override {
    absl::StatusOr<std::vector<kg::v1::Edge>> edges = records_.LoadEdges(ids);
    if (absl::IsDataLoss(edges.status()))
      return Missing(schema::kEdges, ids, edges);
    return edges;
  }

  absl::StatusOr<std::vector<EdgeSources>> GetEdgeSourcesById(
      const std::vector<uint64_t>& ids) override {
    absl::StatusOr<std::vector<EdgeSources>> sources =
        records_.LoadEdgeSources(ids);
    if (absl::IsDataLoss(sources.status()))
      return Missing(schema::kEdges, ids, sources);
    return sources;
  }

  absl::StatusOr<std::string> NodeLabel(uint64_t id) override {
    uint32_t label = 0;
    if (records_.topology() != nullptr) {
      label = records_.topology()->Label(id);
    } else {
      absl::StatusOr<SnapshotRecords::NodeHead> head =
          records_.ReadNodeHead(id);
      if (absl::IsDataLoss(head.status()) &&
          !records_.Exists(schema::kNodes, id)) {
        label = 0;
      } else if (!head.ok()) {
        return head.status();
      } else {
        label = head->label;
      }
    }
    if (label == 0) {
      return absl::NotFoundError(absl::StrCat("no node with id ", id));
    }
    return dictionary_.Name(DictKind::kLabel, label);
  }

  absl::StatusOr<std::string> NodeKey(uint64_t id) override {
    return records_.NodeKey(id);
  }

  absl::StatusOr<GraphStats> Stats() override {
    GraphStats stats;
    std::unique_ptr<rocksdb::Iterator> it =
        records_.NewIterator(schema::kMeta, false);
    struct Counted {
      absl::string_view prefix;
      DictKind kind;
      std::map<std::string, uint64_t>* by_name;
      uint64_t* total;
    };
    for (const Counted& counted :
         {Counted{schema::kLabelCountPrefix, DictKind::kLabel,
                  &stats.nodes_by_label, &stats.node_count},
          Counted{schema::kTypeCountPrefix, DictKind::kEdgeType,
                  &stats.edges_by_type, &stats.edge_count}}) {
      std::string prefix(counted.prefix);
      for (it->Seek(prefix); it->Valid() && it->key().starts_with(prefix);
           it->Next()) {
        absl::string_view id_bytes =
            schema::ToView(it->key()).substr(prefix.size());
        uint32_t id;
        int64_t count = schema::DecodeCounter(schema::ToView(it->value()));
        if (!kg::graph::GetFixed32BE(&id_bytes, &id)) {
          return absl::DataLossError("corrupt counter key");
        }
        if (count <= 0) continue;
        (*counted.by_name)[dictionary_.Name(counted.kind, id)] = count;
        *counted.total += count;
      }
      if (!it->status().ok()) return FromRocks(it->status());
    }
    absl::StatusOr<std::vector<std::string>> documents = ListDocuments();
    if (!documents.ok()) return documents.status();
    stats.document_count = documents->size();
    return stats;
  }

  absl::StatusOr<std::vector<std::string>> ListDocuments() override {
    std::vector<std::string> out;
    std::unique_ptr<rocksdb::Iterator> it =
        records_.NewIterator(schema::kDocFacts, false);
    for (it->SeekToFirst(); it->Valid();) {
      schema::DocFact fact;
      if (!schema::ParseDocFactKey(schema::ToView(it->key()), &fact)) {
        return absl::DataLossError("corrupt doc_facts key");
      }
      out.push_back(fact.document_key);
      // Skip the rest of this document's facts: its prefix ends in 0x00.
      it->Seek(absl::StrCat(fact.document_key, absl::string_view("\x01", 1)));
    }
    if (!it->status().ok()) return FromRocks(it->status());
    return out;
  }

 private:
  absl::StatusOr<EdgePage> ListAllEdges(const std::vector<uint32_t>& types,
                                        absl::string_view cursor,
                                        size_t limit) {
    EdgePage page;
    std::string last_key;
    std::unique_ptr<rocksdb::Iterator> it =
        records_.NewIterator(schema::kEdges, false);
    for (SnapshotRecords::SeekAfter(it.get(), "", cursor); it->Valid();
         it->Next()) {
      uint64_t id;
      kg::storage::EdgeRecord record;
      if (!schema::ParseIdKey(schema::ToView(it->key()), &id) ||
          !record.ParseFromArray(it->value().data(), it->value().size())) {
        return absl::DataLossError("corrupt edge record");
      }
      if (!types.empty() &&
          !std::binary_search(types.begin(), types.end(), record.type_id())) {
        continue;
      }
      if (page.edges.size() == limit) {
        page.next_cursor = last_key;
        return page;
      }
      absl::StatusOr<kg::v1::Edge> edge =
          records_.ViewEdge(id, std::move(record));
      if (!edge.ok()) return edge.status();
      page.edges.push_back(*std::move(edge));
      last_key = std::string(schema::ToView(it->key()));
    }
    if (!it->status().ok()) return FromRocks(it->status());
    return page;
  }

  // `failed`, a read of the nodes or edges (`family`) `ids` that found a
  // record missing or corrupt, as NotFound when one of the ids names none
  // (rather than one whose record is damaged).
  template <typename Result>
  Result Missing(schema::Family family, const std::vector<uint64_t>& ids,
                 Result failed) {
    for (uint64_t id : ids) {
      if (!records_.Exists(family, id)) {
        return absl::NotFoundError(
            absl::StrCat("no ", family == schema::kNodes ? "node" : "edge",
                         " with id ", id));
      }
    }
    return failed;
  }

  SnapshotRecords records_;
  const Dictionary& dictionary_;
};

}  // namespace

std::unique_ptr<Snapshot> NewRocksSnapshot(const StoreCore& core) {
  // The writer publishes a commit's topology right after writing it: a
  // reader that lands in between retries, and after a few tries reads
  // RocksDB alone rather than wait.
  constexpr int kTries = 64;
  for (int attempt = 0;; ++attempt) {
    std::shared_ptr<const Topology> topology = core.topology();
    const rocksdb::Snapshot* snapshot = core.db->GetSnapshot();
    if (topology != nullptr &&
        topology->sequence() != snapshot->GetSequenceNumber()) {
      if (attempt < kTries) {
        core.db->ReleaseSnapshot(snapshot);
        std::this_thread::yield();
        continue;
      }
      topology = nullptr;
    }
    return std::make_unique<RocksSnapshot>(core, snapshot, std::move(topology));
  }
}

}  // namespace kg::graph
