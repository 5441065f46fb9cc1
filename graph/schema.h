// The engine's RocksDB layout: column families and their key formats.
//
//   nodes     node id                                   -> NodeRecord
//   edges     edge id                                   -> EdgeRecord
//   adj       node id | dir | type id | other node id   -> edge id
//   keys      external key                              -> node id
//   labels    label id | node id                        -> ""
//   names     normalized name or alias | 0x00 | node id -> ""
//   props     property id | ordered value | node id     -> ""
//   doc_facts document key | 0x00 | kind | fact id      -> ""
//   meta      dictionaries, id counters, per-label / per-type counts and
//             per-node degree counters (int64 added by a merge operator)
//
// Integers are fixed-width big-endian (see encoding.h). `adj` has an
// 8-byte prefix extractor with bloom filters, so a node's edges, or its
// edges of one direction and type, are one prefix scan.
#ifndef KG_GRAPH_SCHEMA_H_
#define KG_GRAPH_SCHEMA_H_

#include <cstdint>
#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "kg/graph/graph_store.h"
#include "kg/v1/types.pb.h"
#include "rocksdb/db.h"

namespace kg::graph::schema {

enum Family {
  kDefault,
  kNodes,
  kEdges,
  kAdj,
  kKeys,
  kLabels,
  kNames,
  kProps,
  kDocFacts,
  kMeta,
  kFamilyCount,
};

// Descriptors for every family, in Family order.
std::vector<rocksdb::ColumnFamilyDescriptor> FamilyDescriptors(
    const StoreOptions& options);

// Bumped when a key or record format changes incompatibly.
inline constexpr uint32_t kFormatVersion = 1;

// The direction byte of an `adj` key.
enum AdjDir : uint8_t { kOut = 0, kIn = 1 };

enum FactKind : uint8_t { kNodeFact = 'n', kEdgeFact = 'e' };

std::string IdKey(uint64_t id);
bool ParseIdKey(absl::string_view key, uint64_t* id);

struct AdjEntry {
  uint64_t node = 0;
  AdjDir dir = kOut;
  uint32_t type = 0;
  uint64_t other = 0;
};
std::string AdjKey(const AdjEntry& entry);
// The prefix of every `adj` key of `node` (and, optionally, of one
// direction, and of one type in it).
std::string AdjPrefix(uint64_t node);
std::string AdjPrefix(uint64_t node, AdjDir dir);
std::string AdjPrefix(uint64_t node, AdjDir dir, uint32_t type);
bool ParseAdjKey(absl::string_view key, AdjEntry* entry);

std::string LabelKey(uint32_t label, uint64_t node);
std::string LabelPrefix(uint32_t label);

// `normalized` as made by NormalizeName.
std::string NameKey(absl::string_view normalized, uint64_t node);

absl::StatusOr<std::string> PropKey(uint32_t prop, const kg::v1::Value& value,
                                    uint64_t node);
absl::StatusOr<std::string> PropPrefix(uint32_t prop,
                                       const kg::v1::Value& value);

std::string DocFactKey(absl::string_view document_key, FactKind kind,
                       uint64_t id);
std::string DocFactPrefix(absl::string_view document_key);
struct DocFact {
  std::string document_key;
  FactKind kind = kNodeFact;
  uint64_t id = 0;
};
bool ParseDocFactKey(absl::string_view key, DocFact* fact);

// The node id every index key above ends with.
bool TrailingNodeId(absl::string_view key, uint64_t* id);

// meta keys.
inline constexpr absl::string_view kFormatVersionKey = "format_version";
inline constexpr absl::string_view kNextNodeIdKey = "next_id/node";
inline constexpr absl::string_view kNextEdgeIdKey = "next_id/edge";
std::string LabelCountKey(uint32_t label);
std::string TypeCountKey(uint32_t type);
inline constexpr absl::string_view kLabelCountPrefix = "count/label/";
inline constexpr absl::string_view kTypeCountPrefix = "count/type/";
std::string DegreeKey(uint64_t node, AdjDir dir, uint32_t type);

// Abseil's string_view is not std::string_view in this build: convert.
inline rocksdb::Slice ToSlice(absl::string_view s) {
  return rocksdb::Slice(s.data(), s.size());
}
inline absl::string_view ToView(const rocksdb::Slice& s) {
  return absl::string_view(s.data(), s.size());
}

// Counter values as stored and merged in `meta`.
std::string EncodeCounter(int64_t delta);
int64_t DecodeCounter(absl::string_view value);

}  // namespace kg::graph::schema

#endif  // KG_GRAPH_SCHEMA_H_
