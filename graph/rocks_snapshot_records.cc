#include "rocks_snapshot_records.h"

#include <utility>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "google/protobuf/io/coded_stream.h"
#include "google/protobuf/wire_format_lite.h"
#include "record_view.h"

namespace kg::graph {

absl::Status FromRocks(const rocksdb::Status& s) {
  return absl::InternalError(s.ToString());
}

SnapshotRecords::SnapshotRecords(const StoreCore& core,
                                 const rocksdb::Snapshot* snapshot,
                                 std::shared_ptr<const Topology> topology)
    : db_(core.db),
      families_(core.families),
      dictionary_(core.dictionary),
      snapshot_(snapshot),
      topology_(std::move(topology)) {
  read_options_.snapshot = snapshot_;
}

SnapshotRecords::~SnapshotRecords() { db_->ReleaseSnapshot(snapshot_); }

std::unique_ptr<rocksdb::Iterator> SnapshotRecords::NewIterator(
    schema::Family f, bool same_prefix) const {
  rocksdb::ReadOptions options = read_options_;
  options.prefix_same_as_start = same_prefix;
  options.total_order_seek = !same_prefix;
  return std::unique_ptr<rocksdb::Iterator>(db_->NewIterator(options, cf(f)));
}

void SnapshotRecords::SeekAfter(rocksdb::Iterator* it, absl::string_view prefix,
                                absl::string_view cursor) {
  if (cursor.empty() || cursor < prefix) {
    it->Seek(rocksdb::Slice(prefix.data(), prefix.size()));
    return;
  }
  it->Seek(rocksdb::Slice(cursor.data(), cursor.size()));
  if (it->Valid() && schema::ToView(it->key()) == cursor) it->Next();
}

bool SnapshotRecords::Exists(schema::Family family, uint64_t id) const {
  std::string ignored;
  return db_->Get(read_options_, cf(family), schema::IdKey(id), &ignored).ok();
}

absl::StatusOr<uint64_t> SnapshotRecords::NodeId(absl::string_view key) const {
  std::string value;
  rocksdb::Status s =
      db_->Get(read_options_, cf(schema::kKeys), schema::ToSlice(key), &value);
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

absl::StatusOr<kg::v1::Node> SnapshotRecords::LoadNode(uint64_t id) const {
  rocksdb::PinnableSlice value;
  rocksdb::Status s =
      db_->Get(read_options_, cf(schema::kNodes), schema::IdKey(id), &value);
  return ParseNode(id, s, schema::ToView(value));
}

template <typename Record, typename Parse>
absl::StatusOr<std::vector<Record>> SnapshotRecords::LoadBatch(
    schema::Family family, const std::vector<uint64_t>& ids,
    Parse parse) const {
  std::vector<rocksdb::PinnableSlice> values(ids.size());
  std::vector<rocksdb::Status> reads(ids.size());
  MultiRead(family, ids, values.data(), reads.data());
  std::vector<Record> out;
  out.reserve(ids.size());
  for (size_t i = 0; i < ids.size(); ++i) {
    absl::StatusOr<Record> record =
        parse(ids[i], reads[i], schema::ToView(values[i]));
    if (!record.ok()) return record.status();
    out.push_back(*std::move(record));
  }
  return out;
}

absl::StatusOr<std::vector<kg::v1::Node>> SnapshotRecords::LoadNodes(
    const std::vector<uint64_t>& ids) const {
  return LoadBatch<kg::v1::Node>(
      schema::kNodes, ids,
      [this](uint64_t id, const rocksdb::Status& read,
             absl::string_view value) { return ParseNode(id, read, value); });
}

void SnapshotRecords::MultiRead(schema::Family family,
                                const std::vector<uint64_t>& ids,
                                rocksdb::PinnableSlice* values,
                                rocksdb::Status* reads) const {
  std::vector<std::string> keys;
  keys.reserve(ids.size());
  for (uint64_t id : ids) keys.push_back(schema::IdKey(id));
  std::vector<rocksdb::Slice> key_slices(keys.begin(), keys.end());
  db_->MultiGet(read_options_, cf(family), ids.size(), key_slices.data(),
                values, reads);
}

absl::StatusOr<kg::v1::Node> SnapshotRecords::ParseNode(
    uint64_t id, const rocksdb::Status& read, absl::string_view value) const {
  if (read.IsNotFound()) {
    return absl::DataLossError(absl::StrCat("missing node record ", id));
  }
  if (!read.ok()) return FromRocks(read);
  kg::storage::NodeRecord record;
  if (!record.ParseFromArray(value.data(), static_cast<int>(value.size()))) {
    return absl::DataLossError(absl::StrCat("corrupt node record ", id));
  }
  return NodeView(id, record, dictionary_);
}

absl::StatusOr<kg::v1::Edge> SnapshotRecords::LoadEdge(uint64_t id) {
  rocksdb::PinnableSlice value;
  rocksdb::Status s =
      db_->Get(read_options_, cf(schema::kEdges), schema::IdKey(id), &value);
  return ParseEdge(id, s, schema::ToView(value));
}

absl::StatusOr<std::vector<kg::v1::Edge>> SnapshotRecords::LoadEdges(
    const std::vector<uint64_t>& ids) {
  return LoadBatch<kg::v1::Edge>(
      schema::kEdges, ids,
      [this](uint64_t id, const rocksdb::Status& read,
             absl::string_view value) { return ParseEdge(id, read, value); });
}

absl::StatusOr<std::vector<EdgeSources>> SnapshotRecords::LoadEdgeSources(
    const std::vector<uint64_t>& ids) const {
  return LoadBatch<EdgeSources>(
      schema::kEdges, ids,
      [](uint64_t id, const rocksdb::Status& read,
         absl::string_view value) -> absl::StatusOr<EdgeSources> {
        absl::StatusOr<kg::storage::EdgeRecord> record =
            ParseEdgeRecord(id, read, value);
        if (!record.ok()) return record.status();
        EdgeSources sources;
        TakeSources(&*record, &sources);
        return sources;
      });
}

absl::StatusOr<kg::storage::EdgeRecord> SnapshotRecords::ParseEdgeRecord(
    uint64_t id, const rocksdb::Status& read, absl::string_view value) {
  if (read.IsNotFound()) {
    return absl::DataLossError(absl::StrCat("missing edge record ", id));
  }
  if (!read.ok()) return FromRocks(read);
  kg::storage::EdgeRecord record;
  if (!record.ParseFromArray(value.data(), static_cast<int>(value.size()))) {
    return absl::DataLossError(absl::StrCat("corrupt edge record ", id));
  }
  return record;
}

absl::StatusOr<kg::v1::Edge> SnapshotRecords::ParseEdge(
    uint64_t id, const rocksdb::Status& read, absl::string_view value) {
  absl::StatusOr<kg::storage::EdgeRecord> record =
      ParseEdgeRecord(id, read, value);
  if (!record.ok()) return record.status();
  return ViewEdge(id, *std::move(record));
}

absl::StatusOr<kg::v1::Edge> SnapshotRecords::ViewEdge(
    uint64_t id, kg::storage::EdgeRecord record) {
  absl::StatusOr<std::string> src = NodeKey(record.src());
  if (!src.ok()) return src.status();
  absl::StatusOr<std::string> dst = NodeKey(record.dst());
  if (!dst.ok()) return dst.status();
  std::string type = EdgeTypeName(record.type_id());
  return EdgeView(id, std::move(record), std::move(type), *std::move(src),
                  *std::move(dst));
}

std::string SnapshotRecords::EdgeTypeName(uint32_t type_id) {
  auto it = type_names_.find(type_id);
  if (it == type_names_.end()) {
    it = type_names_
             .emplace(type_id, dictionary_.Name(DictKind::kEdgeType, type_id))
             .first;
  }
  return it->second;
}

// Reads only the record's first two fields, its key and label
// (serialization writes fields in number order), from the block cache
// without a copy: a hub's record holds an assertion per document that
// links to it, too many to parse just to name an edge end.
absl::StatusOr<SnapshotRecords::NodeHead> SnapshotRecords::ReadNodeHead(
    uint64_t id) const {
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
  if (in.ReadTag() !=
          WireFormatLite::MakeTag(kg::storage::NodeRecord::kKeyFieldNumber,
                                  WireFormatLite::WIRETYPE_LENGTH_DELIMITED) ||
      !in.ReadVarint32(&length) || !in.ReadString(&head.key, length) ||
      in.ReadTag() !=
          WireFormatLite::MakeTag(kg::storage::NodeRecord::kLabelIdFieldNumber,
                                  WireFormatLite::WIRETYPE_VARINT) ||
      !in.ReadVarint32(&head.label)) {
    return absl::DataLossError(absl::StrCat("corrupt node record ", id));
  }
  return head;
}

absl::StatusOr<std::string> SnapshotRecords::NodeKey(uint64_t id) {
  if (topology_ != nullptr) {
    absl::string_view key = topology_->Key(id);
    if (!key.empty()) return std::string(key);
    if (topology_->Label(id) == 0) {
      return absl::NotFoundError(absl::StrCat("no node with id ", id));
    }
  }
  auto it = key_cache_.find(id);
  if (it != key_cache_.end()) return it->second;
  absl::StatusOr<NodeHead> head = ReadNodeHead(id);
  if (absl::IsDataLoss(head.status()) && !Exists(schema::kNodes, id)) {
    return absl::NotFoundError(absl::StrCat("no node with id ", id));
  }
  if (!head.ok()) return head.status();
  return key_cache_[id] = std::move(head->key);
}

}  // namespace kg::graph
