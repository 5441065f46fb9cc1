// Decoding of stored bytes: ordered values, dates and the keys of the
// RocksDB layout. Decoders fail cleanly on garbage, and what they decode
// encodes back (to the same value, or for keys to the same bytes).
#include <string>

#include "absl/strings/str_cat.h"
#include "fuzz_targets.h"
#include "kg/graph/encoding.h"
#include "schema.h"

namespace kg::fuzz {
namespace {

void CheckOrderedValues(absl::string_view in) {
  while (!in.empty()) {
    absl::StatusOr<kg::v1::Value> value = graph::DecodeOrderedValue(&in);
    if (!value.ok()) return;
    std::string encoded;
    absl::Status status = graph::EncodeOrderedValue(*value, &encoded);
    Require(status.ok(), absl::StrCat("a decoded value does not encode: ",
                                      status.ToString()));
    absl::string_view again_in = encoded;
    absl::StatusOr<kg::v1::Value> again = graph::DecodeOrderedValue(&again_in);
    Require(again.ok() && again_in.empty() &&
                again->SerializeAsString() == value->SerializeAsString(),
            absl::StrCat("value changes in a round trip: ",
                         value->ShortDebugString()));
  }
}

void CheckDate(absl::string_view text) {
  absl::StatusOr<kg::v1::Date> date = graph::ParseDate(text);
  if (!date.ok()) return;
  absl::StatusOr<kg::v1::Date> again =
      graph::ParseDate(graph::FormatDate(*date));
  Require(again.ok() && again->SerializeAsString() == date->SerializeAsString(),
          absl::StrCat("date changes in a round trip: ", text));
}

void CheckKeys(absl::string_view key) {
  namespace schema = graph::schema;
  uint64_t id;
  if (schema::ParseIdKey(key, &id)) {
    Require(schema::IdKey(id) == key, "id key changes in a round trip");
  }
  schema::AdjEntry adj;
  if (schema::ParseAdjKey(key, &adj)) {
    Require(schema::AdjKey(adj) == key, "adj key changes in a round trip");
  }
  schema::DocFact fact;
  if (schema::ParseDocFactKey(key, &fact)) {
    Require(schema::DocFactKey(fact.document_key, fact.kind, fact.id) == key,
            "doc fact key changes in a round trip");
  }
  if (schema::TrailingNodeId(key, &id)) {
    Require(key.substr(key.size() - 8) == schema::IdKey(id),
            "trailing node id changes in a round trip");
  }
  schema::DecodeCounter(key);
}

}  // namespace

int FuzzEncoding(const uint8_t* data, size_t size) {
  absl::string_view bytes(reinterpret_cast<const char*>(data), size);
  CheckOrderedValues(bytes);
  CheckDate(bytes);
  CheckKeys(bytes);
  return 0;
}

}  // namespace kg::fuzz
