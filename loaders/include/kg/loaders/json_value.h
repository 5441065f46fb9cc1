// Property values in JSON, as the JSONL facts format writes them (see
// jsonl_facts.h): the JSON ↔ kg::v1::Value mapping on its own, for the
// loaders and for clients that take values as text.
//
// A JSON number that is an integer of at most 2^53 in magnitude (exactly
// representable, so parsed without loss) is an int; any other number is a
// double. What plain JSON cannot say is written as a one-member object:
//   {"$date":"2018-05"}    a date (plain strings are dates under date keys)
//   {"$double":1}          a double with an integral value; also "NaN",
//                          "Infinity", "-Infinity"
//   {"$int":"9007199254740993"}  an int beyond 2^53
//   {"$string":"2018"}     a string under a date key
#ifndef KG_LOADERS_JSON_VALUE_H_
#define KG_LOADERS_JSON_VALUE_H_

#include <string>

#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "google/protobuf/struct.pb.h"
#include "kg/v1/types.pb.h"

namespace kg::loaders {

// The properties whose string values are dates: from, to, as_of, date,
// start_date, end_date.
bool IsDateProperty(absl::string_view property);

// Converts the JSON value of property `property` (list elements take their
// list's property). InvalidArgument names what is wrong, without the
// property's name (the caller knows where it is).
absl::StatusOr<kg::v1::Value> ValueFromJson(
    absl::string_view property, const google::protobuf::Value& json);

// Appends `value` as JSON such that ValueFromJson(property, ...) gives it
// back.
void AppendValueJson(absl::string_view property, const kg::v1::Value& value,
                     std::string* out);

// Appends `text` as a quoted JSON string.
void AppendJsonString(absl::string_view text, std::string* out);

// Appends the shortest JSON number that parses back to `number`, or null
// when it is not finite (JSON has no such numbers).
void AppendJsonNumber(double number, std::string* out);

}  // namespace kg::loaders

#endif  // KG_LOADERS_JSON_VALUE_H_
