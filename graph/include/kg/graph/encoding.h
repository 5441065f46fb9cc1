// Order-preserving byte encodings for RocksDB keys.
//
// Every integer in a key is fixed-width big-endian, so byte order is numeric
// order. Property values encode so that comparing the encodings with memcmp
// orders them as values of one type compare; values of different types
// order by a type tag. Encodings are self-delimiting, so a value may be
// followed by more key bytes (a node id).
#ifndef KG_GRAPH_ENCODING_H_
#define KG_GRAPH_ENCODING_H_

#include <cstdint>
#include <string>

#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "kg/v1/types.pb.h"

namespace kg::graph {

void PutFixed32BE(std::string* out, uint32_t v);
void PutFixed64BE(std::string* out, uint64_t v);
// Reads from the front of `in` and advances it; false when too short.
bool GetFixed32BE(absl::string_view* in, uint32_t* v);
bool GetFixed64BE(absl::string_view* in, uint64_t* v);

// Appends the order-preserving encoding of a scalar value (not a list).
// Returns InvalidArgument for a list or an unset value.
absl::Status EncodeOrderedValue(const kg::v1::Value& value, std::string* out);
// Decodes one value from the front of `in` and advances past it.
absl::StatusOr<kg::v1::Value> DecodeOrderedValue(absl::string_view* in);

// Dates as ISO 8601 text of year, month or day precision ("2018",
// "2018-05", "2018-05-24").
absl::StatusOr<kg::v1::Date> ParseDate(absl::string_view text);
std::string FormatDate(const kg::v1::Date& date);
// True when `text` is a valid date in that form.
bool LooksLikeDate(absl::string_view text);

}  // namespace kg::graph

#endif  // KG_GRAPH_ENCODING_H_
