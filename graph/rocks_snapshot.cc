#include "rocks_snapshot.h"

#include <algorithm>
#include <string>
#include <thread>
#include <tuple>

#include "absl/container/flat_hash_map.h"
#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "absl/types/span.h"
#include "google/protobuf/io/coded_stream.h"
#include "google/protobuf/wire_format_lite.h"
#include "kg/graph/encoding.h"
#include "kg/graph/text_normalize.h"
#include "record_view.h"
#include "records.pb.h"
#include "schema.h"
#include "topology.h"

namespace kg::graph {
namespace {

using schema::Family;

absl::Status FromRocks(const rocksdb::Status& s) {
  return absl::InternalError(s.ToString());
}

using schema::ToSlice;

bool SameValue(const kg::v1::Value& a, const kg::v1::Value& b) {
  return a.SerializeAsString() == b.SerializeAsString();
}

// The `adj` directions a Direction covers, in key order.
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

class RocksSnapshot : public Snapshot {
 public:
  // `topology` is null or the version of `snapshot`'s sequence.
  RocksSnapshot(const StoreCore& core, const rocksdb::Snapshot* snapshot,
                std::shared_ptr<const Topology> topology)
      : db_(core.db),
        families_(core.families),
        dictionary_(core.dictionary),
        snapshot_(snapshot),
        topology_(std::move(topology)) {
    read_options_.snapshot = snapshot_;
  }

  ~RocksSnapshot() override { db_->ReleaseSnapshot(snapshot_); }

  absl::StatusOr<kg::v1::Node> GetNode(absl::string_view key) override {
    absl::StatusOr<uint64_t> id = NodeId(key);
    if (!id.ok()) return id.status();
    return LoadNode(*id);
  }

  absl::StatusOr<NodePage> ListNodes(const NodeQuery& query,
                                     absl::string_view cursor,
                                     size_t limit) override {
    absl::StatusOr<Scan> scan = PlanNodeScan(query);
    if (!scan.ok()) return scan.status();
    NodePage page;
    if (scan->empty) return page;
    std::unique_ptr<rocksdb::Iterator> it = NewIterator(scan->family, false);
    std::string last_key;
    for (SeekAfter(it.get(), scan->prefix, cursor);
         it->Valid() && it->key().starts_with(scan->prefix); it->Next()) {
      absl::string_view key = schema::ToView(it->key());
      uint64_t id;
      if (!scan->IdOf(key, &id)) continue;
      absl::StatusOr<kg::v1::Node> node = LoadNode(id);
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
    std::optional<std::vector<uint32_t>> types = TypeIds(query.types);
    if (!types) return EdgePage();
    if (query.node_key.empty()) return ListAllEdges(*types, cursor, limit);
    absl::StatusOr<uint64_t> node = NodeId(query.node_key);
    if (!node.ok()) return node.status();
    EdgePage page;
    absl::Status scanned = ScanAdjacency(
        *node, query.direction, *types, cursor, limit, &page.next_cursor,
        [&](const schema::AdjEntry&, uint64_t edge_id) -> absl::Status {
          absl::StatusOr<kg::v1::Edge> edge = LoadEdge(edge_id);
          if (!edge.ok()) return edge.status();
          page.edges.push_back(*std::move(edge));
          return absl::OkStatus();
        });
    if (!scanned.ok()) return scanned;
    return page;
  }

  absl::StatusOr<AdjacencyPage> ListAdjacent(
      uint64_t node_id, Direction direction,
      const std::vector<std::string>& type_names, absl::string_view cursor,
      size_t limit) override {
    std::optional<std::vector<uint32_t>> types = TypeIds(type_names);
    AdjacencyPage page;
    if (!types) return page;
    // Type names by id, looked up once per call rather than per edge.
    absl::flat_hash_map<uint32_t, std::string> names;
    absl::Status scanned = ScanAdjacency(
        node_id, direction, *types, cursor, limit, &page.next_cursor,
        [&](const schema::AdjEntry& entry, uint64_t edge_id) {
          auto name = names.find(entry.type);
          if (name == names.end()) {
            name =
                names
                    .emplace(entry.type,
                             dictionary_.Name(DictKind::kEdgeType, entry.type))
                    .first;
          }
          page.edges.push_back(AdjacentEdge{
              edge_id, entry.other, name->second,
              entry.dir == schema::kOut ? Direction::kOut : Direction::kIn});
          return absl::OkStatus();
        });
    if (!scanned.ok()) return scanned;
    return page;
  }

  absl::StatusOr<uint64_t> Degree(absl::string_view node_key,
                                  Direction direction,
                                  absl::string_view type) override {
    absl::StatusOr<uint64_t> node = NodeId(node_key);
    if (!node.ok()) return node.status();
    std::optional<uint32_t> type_id =
        dictionary_.Find(DictKind::kEdgeType, type);
    if (!type_id) return 0;
    int64_t total = 0;
    for (schema::AdjDir dir : DirectionsOf(direction)) {
      if (topology_ != nullptr) {
        total += topology_->Adjacent(*node, dir, *type_id).size();
        continue;
      }
      std::string value;
      rocksdb::Status s =
          db_->Get(read_options_, cf(schema::kMeta),
                   schema::DegreeKey(*node, dir, *type_id), &value);
      if (s.IsNotFound()) continue;
      if (!s.ok()) return FromRocks(s);
      total += schema::DecodeCounter(value);
    }
    return static_cast<uint64_t>(std::max<int64_t>(total, 0));
  }

  absl::StatusOr<std::vector<DegreeCount>> Degrees(
      absl::string_view node_key) override {
    absl::StatusOr<uint64_t> node = NodeId(node_key);
    if (!node.ok()) return node.status();
    if (topology_ != nullptr) return TopologyDegrees(*node);
    // Degree keys are "degree/" + the node's adj prefix + direction + type.
    const std::string prefix =
        absl::StrCat("degree/", schema::AdjPrefix(*node));
    std::vector<DegreeCount> out;
    std::unique_ptr<rocksdb::Iterator> it = NewIterator(schema::kMeta, false);
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
      out.push_back(DegreeCount{direction,
                                dictionary_.Name(DictKind::kEdgeType, type),
                                static_cast<uint64_t>(count)});
    }
    if (!it->status().ok()) return FromRocks(it->status());
    return out;
  }

  absl::StatusOr<kg::v1::Node> GetNodeById(uint64_t id) override {
    absl::StatusOr<kg::v1::Node> node = LoadNode(id);
    if (absl::IsDataLoss(node.status()) && !Exists(schema::kNodes, id)) {
      return absl::NotFoundError(absl::StrCat("no node with id ", id));
    }
    return node;
  }

  absl::StatusOr<kg::v1::Edge> GetEdgeById(uint64_t id) override {
    absl::StatusOr<kg::v1::Edge> edge = LoadEdge(id);
    if (absl::IsDataLoss(edge.status()) && !Exists(schema::kEdges, id)) {
      return absl::NotFoundError(absl::StrCat("no edge with id ", id));
    }
    return edge;
  }

  absl::StatusOr<std::string> NodeLabel(uint64_t id) override {
    uint32_t label = 0;
    if (topology_ != nullptr) {
      label = topology_->Label(id);
    } else {
      absl::StatusOr<NodeHead> head = ReadNodeHead(id);
      if (absl::IsDataLoss(head.status()) && !Exists(schema::kNodes, id)) {
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

  absl::StatusOr<GraphStats> Stats() override {
    GraphStats stats;
    std::unique_ptr<rocksdb::Iterator> it = NewIterator(schema::kMeta, false);
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
        NewIterator(schema::kDocFacts, false);
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
  // How ListNodes walks one index: the family, the key prefix, and how a
  // key ends in the node id.
  struct Scan {
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

  absl::StatusOr<Scan> PlanNodeScan(const NodeQuery& query) const {
    Scan scan;
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
          dictionary_.Find(DictKind::kProperty, query.property_name);
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
          dictionary_.Find(DictKind::kLabel, query.label);
      scan.family = schema::kLabels;
      scan.empty = !label.has_value();
      if (label) scan.prefix = schema::LabelPrefix(*label);
    }
    return scan;
  }

  // Filters the index scan did not apply. A node found by name prefix is
  // returned at its first matching name only, so pages never repeat it.
  bool Matches(const NodeQuery& query, const Scan& scan, absl::string_view key,
               const kg::v1::Node& node) const {
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

  // The ids of the named edge types, sorted and without repeats; nullopt
  // when names were given and none is known (nothing can match).
  std::optional<std::vector<uint32_t>> TypeIds(
      const std::vector<std::string>& names) const {
    std::vector<uint32_t> ids;
    for (const std::string& name : names) {
      std::optional<uint32_t> id = dictionary_.Find(DictKind::kEdgeType, name);
      if (id) ids.push_back(*id);
    }
    if (!names.empty() && ids.empty()) return std::nullopt;
    std::sort(ids.begin(), ids.end());
    ids.erase(std::unique(ids.begin(), ids.end()), ids.end());
    return ids;
  }

  // Calls `visit(entry, edge_id)` for up to `limit` `adj` entries of `node`
  // in `direction` with a type in `types` (all when empty), in key order
  // after `cursor`; sets `*next_cursor` when more remain.
  template <typename Visit>
  absl::Status ScanAdjacency(uint64_t node, Direction direction,
                             const std::vector<uint32_t>& types,
                             absl::string_view cursor, size_t limit,
                             std::string* next_cursor, Visit visit) {
    schema::AdjEntry after;
    if (topology_ != nullptr &&
        (cursor.empty() || schema::ParseAdjKey(cursor, &after))) {
      return ScanTopology(node, direction, types,
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
    std::unique_ptr<rocksdb::Iterator> it = NewIterator(schema::kAdj, true);
    for (const std::string& prefix : prefixes) {
      // Ranges wholly before the cursor were returned by earlier pages.
      if (!cursor.empty() && prefix < cursor &&
          !absl::StartsWith(cursor, prefix)) {
        continue;
      }
      for (SeekAfter(it.get(), prefix, cursor);
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

  // ScanAdjacency from the topology: the same entries in the same order,
  // resuming after the `adj` entry `after` (none: from the start).
  template <typename Visit>
  absl::Status ScanTopology(uint64_t node, Direction direction,
                            const std::vector<uint32_t>& types,
                            const schema::AdjEntry* after, size_t limit,
                            std::string* next_cursor, Visit visit) {
    size_t visited = 0;
    schema::AdjEntry last;
    for (schema::AdjDir dir : DirectionsOf(direction)) {
      std::vector<absl::Span<const TopologyEntry>> spans;
      if (types.empty()) spans.push_back(topology_->Adjacent(node, dir));
      for (uint32_t type : types) {
        spans.push_back(topology_->Adjacent(node, dir, type));
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

  // The part of `span` (entries of `node` in `dir`) whose `adj` keys sort
  // after `after`'s.
  static absl::Span<const TopologyEntry> SkipThrough(
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

  // Degrees() from the topology: a node's entries are grouped by type.
  std::vector<DegreeCount> TopologyDegrees(uint64_t node) const {
    std::vector<DegreeCount> out;
    for (schema::AdjDir dir : {schema::kOut, schema::kIn}) {
      absl::Span<const TopologyEntry> edges = topology_->Adjacent(node, dir);
      for (size_t first = 0; first < edges.size();) {
        size_t end = first;
        while (end < edges.size() && edges[end].type == edges[first].type) {
          ++end;
        }
        out.push_back(DegreeCount{
            dir == schema::kOut ? Direction::kOut : Direction::kIn,
            dictionary_.Name(DictKind::kEdgeType, edges[first].type),
            end - first});
        first = end;
      }
    }
    return out;
  }

  bool Exists(Family family, uint64_t id) const {
    std::string ignored;
    return db_->Get(read_options_, cf(family), schema::IdKey(id), &ignored)
        .ok();
  }

  absl::StatusOr<EdgePage> ListAllEdges(const std::vector<uint32_t>& types,
                                        absl::string_view cursor,
                                        size_t limit) {
    EdgePage page;
    std::string last_key;
    std::unique_ptr<rocksdb::Iterator> it = NewIterator(schema::kEdges, false);
    for (SeekAfter(it.get(), "", cursor); it->Valid(); it->Next()) {
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
      absl::StatusOr<kg::v1::Edge> edge = ViewEdge(id, record);
      if (!edge.ok()) return edge.status();
      page.edges.push_back(*std::move(edge));
      last_key = std::string(schema::ToView(it->key()));
    }
    if (!it->status().ok()) return FromRocks(it->status());
    return page;
  }

  rocksdb::ColumnFamilyHandle* cf(Family f) const { return families_[f]; }

  std::unique_ptr<rocksdb::Iterator> NewIterator(Family f,
                                                 bool same_prefix) const {
    rocksdb::ReadOptions options = read_options_;
    options.prefix_same_as_start = same_prefix;
    options.total_order_seek = !same_prefix;
    return std::unique_ptr<rocksdb::Iterator>(db_->NewIterator(options, cf(f)));
  }

  // Positions `it` at the first key with `prefix` after `cursor` (or at the
  // prefix's start without one).
  static void SeekAfter(rocksdb::Iterator* it, absl::string_view prefix,
                        absl::string_view cursor) {
    if (cursor.empty() || cursor < prefix) {
      it->Seek(rocksdb::Slice(prefix.data(), prefix.size()));
      return;
    }
    it->Seek(rocksdb::Slice(cursor.data(), cursor.size()));
    if (it->Valid() && schema::ToView(it->key()) == cursor) it->Next();
  }

  absl::StatusOr<uint64_t> NodeId(absl::string_view key) const {
    std::string value;
    rocksdb::Status s =
        db_->Get(read_options_, cf(schema::kKeys), ToSlice(key), &value);
    if (s.IsNotFound()) {
      return absl::NotFoundError(absl::StrFormat("no node with key '%s'", key));
    }
    if (!s.ok()) return FromRocks(s);
    uint64_t id;
    if (!schema::ParseIdKey(value, &id)) {
      return absl::DataLossError(absl::StrCat("corrupt keys entry for ", key));
    }
    return id;
  }

  absl::StatusOr<kg::v1::Node> LoadNode(uint64_t id) const {
    std::string value;
    rocksdb::Status s =
        db_->Get(read_options_, cf(schema::kNodes), schema::IdKey(id), &value);
    if (s.IsNotFound()) {
      return absl::DataLossError(absl::StrCat("missing node record ", id));
    }
    if (!s.ok()) return FromRocks(s);
    kg::storage::NodeRecord record;
    if (!record.ParseFromString(value)) {
      return absl::DataLossError(absl::StrCat("corrupt node record ", id));
    }
    return NodeView(id, record, dictionary_);
  }

  // The fields of a node record before its assertions.
  struct NodeHead {
    std::string key;
    uint32_t label = 0;
  };

  // Reads only the record's first two fields, its key and label
  // (serialization writes fields in number order), from the block cache
  // without a copy: a hub's record holds an assertion per document that
  // links to it, too many to parse just to name an edge end.
  absl::StatusOr<NodeHead> ReadNodeHead(uint64_t id) const {
    using google::protobuf::internal::WireFormatLite;
    rocksdb::PinnableSlice value;
    rocksdb::Status s =
        db_->Get(read_options_, cf(schema::kNodes), schema::IdKey(id), &value);
    if (!s.ok()) {
      return absl::DataLossError(absl::StrCat("missing node record ", id));
    }
    google::protobuf::io::CodedInputStream in(
        reinterpret_cast<const uint8_t*>(value.data()), value.size());
    uint32_t length = 0;
    NodeHead head;
    if (in.ReadTag() != WireFormatLite::MakeTag(
                            kg::storage::NodeRecord::kKeyFieldNumber,
                            WireFormatLite::WIRETYPE_LENGTH_DELIMITED) ||
        !in.ReadVarint32(&length) || !in.ReadString(&head.key, length) ||
        in.ReadTag() != WireFormatLite::MakeTag(
                            kg::storage::NodeRecord::kLabelIdFieldNumber,
                            WireFormatLite::WIRETYPE_VARINT) ||
        !in.ReadVarint32(&head.label)) {
      return absl::DataLossError(absl::StrCat("corrupt node record ", id));
    }
    return head;
  }

  absl::StatusOr<std::string> NodeKey(uint64_t id) {
    auto it = key_cache_.find(id);
    if (it != key_cache_.end()) return it->second;
    absl::StatusOr<NodeHead> head = ReadNodeHead(id);
    if (!head.ok()) return head.status();
    return key_cache_[id] = std::move(head->key);
  }

  absl::StatusOr<kg::v1::Edge> LoadEdge(uint64_t id) {
    std::string value;
    rocksdb::Status s =
        db_->Get(read_options_, cf(schema::kEdges), schema::IdKey(id), &value);
    if (!s.ok()) {
      return absl::DataLossError(absl::StrCat("missing edge record ", id));
    }
    kg::storage::EdgeRecord record;
    if (!record.ParseFromString(value)) {
      return absl::DataLossError(absl::StrCat("corrupt edge record ", id));
    }
    return ViewEdge(id, record);
  }

  absl::StatusOr<kg::v1::Edge> ViewEdge(uint64_t id,
                                        const kg::storage::EdgeRecord& record) {
    absl::StatusOr<std::string> src = NodeKey(record.src());
    if (!src.ok()) return src.status();
    absl::StatusOr<std::string> dst = NodeKey(record.dst());
    if (!dst.ok()) return dst.status();
    return EdgeView(id, record, dictionary_, *std::move(src), *std::move(dst));
  }

  rocksdb::DB* db_;
  const std::vector<rocksdb::ColumnFamilyHandle*>& families_;
  const Dictionary& dictionary_;
  const rocksdb::Snapshot* snapshot_;
  const std::shared_ptr<const Topology> topology_;
  rocksdb::ReadOptions read_options_;
  // Edge views name their ends by key; many edges share ends.
  absl::flat_hash_map<uint64_t, std::string> key_cache_;
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
