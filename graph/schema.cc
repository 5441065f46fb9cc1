#include "schema.h"

#include <memory>

#include "absl/strings/str_cat.h"
#include "kg/graph/encoding.h"
#include "rocksdb/filter_policy.h"
#include "rocksdb/merge_operator.h"
#include "rocksdb/slice_transform.h"
#include "rocksdb/table.h"

namespace kg::graph::schema {
namespace {

constexpr const char* kFamilyNames[kFamilyCount] = {
    "default", "nodes", "edges", "adj",       "keys",
    "labels",  "names", "props", "doc_facts", "meta",
};

// Adds signed 64-bit counters, so a counter is updated without reading it.
class CounterAddOperator : public rocksdb::AssociativeMergeOperator {
 public:
  bool Merge(const rocksdb::Slice&, const rocksdb::Slice* existing_value,
             const rocksdb::Slice& value, std::string* new_value,
             rocksdb::Logger*) const override {
    int64_t sum = DecodeCounter(absl::string_view(value.data(), value.size()));
    if (existing_value != nullptr) {
      sum += DecodeCounter(
          absl::string_view(existing_value->data(), existing_value->size()));
    }
    *new_value = EncodeCounter(sum);
    return true;
  }
  const char* Name() const override { return "kg.CounterAdd"; }
};

rocksdb::ColumnFamilyOptions BaseOptions(
    const std::shared_ptr<rocksdb::Cache>& cache, bool prefix_bloom) {
  rocksdb::ColumnFamilyOptions options;
  rocksdb::BlockBasedTableOptions table;
  table.block_cache = cache;
  table.filter_policy.reset(rocksdb::NewBloomFilterPolicy(10));
  if (prefix_bloom) {
    table.whole_key_filtering = false;
    options.prefix_extractor.reset(rocksdb::NewFixedPrefixTransform(8));
  }
  options.table_factory.reset(rocksdb::NewBlockBasedTableFactory(table));
  options.compression = rocksdb::kLZ4Compression;
  return options;
}

}  // namespace

std::vector<rocksdb::ColumnFamilyDescriptor> FamilyDescriptors(
    const StoreOptions& options) {
  auto cache = rocksdb::NewLRUCache(options.block_cache_bytes);
  std::vector<rocksdb::ColumnFamilyDescriptor> out;
  for (int f = 0; f < kFamilyCount; ++f) {
    rocksdb::ColumnFamilyOptions cf = BaseOptions(cache, f == kAdj);
    if (f == kMeta) cf.merge_operator = std::make_shared<CounterAddOperator>();
    out.emplace_back(kFamilyNames[f], cf);
  }
  return out;
}

std::string IdKey(uint64_t id) {
  std::string key;
  PutFixed64BE(&key, id);
  return key;
}

bool ParseIdKey(absl::string_view key, uint64_t* id) {
  return key.size() == 8 && GetFixed64BE(&key, id);
}

std::string AdjPrefix(uint64_t node) { return IdKey(node); }

std::string AdjPrefix(uint64_t node, AdjDir dir) {
  std::string key = IdKey(node);
  key.push_back(static_cast<char>(dir));
  return key;
}

std::string AdjPrefix(uint64_t node, AdjDir dir, uint32_t type) {
  std::string key = AdjPrefix(node, dir);
  PutFixed32BE(&key, type);
  return key;
}

std::string AdjKey(const AdjEntry& entry) {
  std::string key = AdjPrefix(entry.node, entry.dir, entry.type);
  PutFixed64BE(&key, entry.other);
  return key;
}

bool ParseAdjKey(absl::string_view key, AdjEntry* entry) {
  if (key.size() != 21) return false;
  GetFixed64BE(&key, &entry->node);
  uint8_t dir = static_cast<uint8_t>(key.front());
  if (dir > kIn) return false;
  entry->dir = static_cast<AdjDir>(dir);
  key.remove_prefix(1);
  GetFixed32BE(&key, &entry->type);
  return GetFixed64BE(&key, &entry->other);
}

std::string LabelPrefix(uint32_t label) {
  std::string key;
  PutFixed32BE(&key, label);
  return key;
}

std::string LabelKey(uint32_t label, uint64_t node) {
  std::string key = LabelPrefix(label);
  PutFixed64BE(&key, node);
  return key;
}

std::string NameKey(absl::string_view normalized, uint64_t node) {
  std::string key(normalized);
  key.push_back('\0');
  PutFixed64BE(&key, node);
  return key;
}

absl::StatusOr<std::string> PropPrefix(uint32_t prop,
                                       const kg::v1::Value& value) {
  std::string key;
  PutFixed32BE(&key, prop);
  absl::Status status = EncodeOrderedValue(value, &key);
  if (!status.ok()) return status;
  return key;
}

absl::StatusOr<std::string> PropKey(uint32_t prop, const kg::v1::Value& value,
                                    uint64_t node) {
  absl::StatusOr<std::string> key = PropPrefix(prop, value);
  if (key.ok()) PutFixed64BE(&*key, node);
  return key;
}

std::string DocFactPrefix(absl::string_view document_key) {
  return absl::StrCat(document_key, absl::string_view("\0", 1));
}

std::string DocFactKey(absl::string_view document_key, FactKind kind,
                       uint64_t id) {
  std::string key = DocFactPrefix(document_key);
  key.push_back(static_cast<char>(kind));
  PutFixed64BE(&key, id);
  return key;
}

bool ParseDocFactKey(absl::string_view key, DocFact* fact) {
  if (key.size() < 10) return false;
  size_t sep = key.size() - 10;
  if (key[sep] != '\0') return false;
  fact->document_key = std::string(key.substr(0, sep));
  fact->kind = static_cast<FactKind>(key[sep + 1]);
  absl::string_view id = key.substr(sep + 2);
  return GetFixed64BE(&id, &fact->id);
}

bool TrailingNodeId(absl::string_view key, uint64_t* id) {
  if (key.size() < 8) return false;
  absl::string_view tail = key.substr(key.size() - 8);
  return GetFixed64BE(&tail, id);
}

std::string LabelCountKey(uint32_t label) {
  std::string key(kLabelCountPrefix);
  PutFixed32BE(&key, label);
  return key;
}

std::string TypeCountKey(uint32_t type) {
  std::string key(kTypeCountPrefix);
  PutFixed32BE(&key, type);
  return key;
}

std::string DegreeKey(uint64_t node, AdjDir dir, uint32_t type) {
  return absl::StrCat("degree/", AdjPrefix(node, dir, type));
}

std::string EncodeCounter(int64_t delta) {
  std::string out;
  PutFixed64BE(&out, static_cast<uint64_t>(delta));
  return out;
}

int64_t DecodeCounter(absl::string_view value) {
  uint64_t v = 0;
  GetFixed64BE(&value, &v);
  return static_cast<int64_t>(v);
}

}  // namespace kg::graph::schema
