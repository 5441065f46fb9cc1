#include "kg/loaders/json_value.h"

#include <charconv>
#include <cmath>
#include <cstdint>
#include <limits>

#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "kg/graph/encoding.h"

namespace kg::loaders {
namespace {

using JsonValue = google::protobuf::Value;

// 2^53: every integer up to this magnitude survives the trip through a
// double, which is how protobuf's JSON parser reads numbers.
constexpr double kMaxExactInteger = 9007199254740992.0;

bool IsExactInteger(double number) {
  return std::isfinite(number) && std::trunc(number) == number &&
         std::fabs(number) <= kMaxExactInteger;
}

absl::StatusOr<kg::v1::Value> DateValue(absl::string_view text) {
  absl::StatusOr<kg::v1::Date> date = graph::ParseDate(text);
  if (!date.ok()) return date.status();
  kg::v1::Value value;
  *value.mutable_date_value() = *date;
  return value;
}

absl::StatusOr<kg::v1::Value> DoubleValue(const JsonValue& json) {
  kg::v1::Value value;
  if (json.kind_case() == JsonValue::kNumberValue) {
    value.set_double_value(json.number_value());
    return value;
  }
  if (json.kind_case() == JsonValue::kStringValue) {
    const std::string& text = json.string_value();
    constexpr double kInfinity = std::numeric_limits<double>::infinity();
    if (text == "NaN") {
      value.set_double_value(std::numeric_limits<double>::quiet_NaN());
      return value;
    }
    if (text == "Infinity" || text == "-Infinity") {
      value.set_double_value(text[0] == '-' ? -kInfinity : kInfinity);
      return value;
    }
  }
  return absl::InvalidArgumentError(
      "\"$double\" takes a number, \"NaN\", \"Infinity\" or \"-Infinity\"");
}

absl::StatusOr<kg::v1::Value> TypedValue(
    const google::protobuf::Struct& object) {
  if (object.fields_size() != 1) {
    return absl::InvalidArgumentError(
        "an object value has exactly one member: \"$date\", \"$double\", "
        "\"$int\" or \"$string\"");
  }
  const auto& [type, member] = *object.fields().begin();
  if (type == "$double") return DoubleValue(member);
  if (type != "$date" && type != "$int" && type != "$string") {
    return absl::InvalidArgumentError(
        absl::StrCat("unknown typed value \"", type,
                     "\" (expected \"$date\", \"$double\", \"$int\" or "
                     "\"$string\")"));
  }
  if (member.kind_case() != JsonValue::kStringValue) {
    return absl::InvalidArgumentError(
        absl::StrCat("\"", type, "\" takes a string"));
  }
  const std::string& text = member.string_value();
  kg::v1::Value value;
  if (type == "$date") return DateValue(text);
  if (type == "$string") {
    value.set_string_value(text);
    return value;
  }
  int64_t number;
  if (!absl::SimpleAtoi(text, &number)) {
    return absl::InvalidArgumentError(
        absl::StrCat("\"$int\": \"", text, "\" is not a 64-bit integer"));
  }
  value.set_int_value(number);
  return value;
}

}  // namespace

bool IsDateProperty(absl::string_view property) {
  return property == "from" || property == "to" || property == "as_of" ||
         property == "date" || property == "start_date" ||
         property == "end_date";
}

absl::StatusOr<kg::v1::Value> ValueFromJson(absl::string_view property,
                                            const JsonValue& json) {
  kg::v1::Value value;
  switch (json.kind_case()) {
    case JsonValue::kNumberValue:
      if (IsExactInteger(json.number_value())) {
        value.set_int_value(static_cast<int64_t>(json.number_value()));
      } else {
        value.set_double_value(json.number_value());
      }
      return value;
    case JsonValue::kStringValue:
      if (IsDateProperty(property)) return DateValue(json.string_value());
      value.set_string_value(json.string_value());
      return value;
    case JsonValue::kBoolValue:
      value.set_bool_value(json.bool_value());
      return value;
    case JsonValue::kStructValue:
      return TypedValue(json.struct_value());
    case JsonValue::kListValue:
      for (const JsonValue& element : json.list_value().values()) {
        absl::StatusOr<kg::v1::Value> converted =
            ValueFromJson(property, element);
        if (!converted.ok()) return converted.status();
        *value.mutable_list_value()->add_values() = *std::move(converted);
      }
      // Set the oneof even for an empty list.
      value.mutable_list_value();
      return value;
    case JsonValue::kNullValue:
    case JsonValue::KIND_NOT_SET:
      break;
  }
  return absl::InvalidArgumentError("null is not a property value");
}

void AppendValueJson(absl::string_view property, const kg::v1::Value& value,
                     std::string* out) {
  switch (value.kind_case()) {
    case kg::v1::Value::kStringValue:
      if (IsDateProperty(property)) {
        out->append("{\"$string\":");
        AppendJsonString(value.string_value(), out);
        out->append("}");
      } else {
        AppendJsonString(value.string_value(), out);
      }
      return;
    case kg::v1::Value::kIntValue:
      if (std::abs(static_cast<double>(value.int_value())) <=
          kMaxExactInteger) {
        absl::StrAppend(out, value.int_value());
      } else {
        absl::StrAppend(out, "{\"$int\":\"", value.int_value(), "\"}");
      }
      return;
    case kg::v1::Value::kDoubleValue: {
      const double number = value.double_value();
      if (std::isnan(number)) {
        out->append("{\"$double\":\"NaN\"}");
      } else if (std::isinf(number)) {
        out->append(number < 0 ? "{\"$double\":\"-Infinity\"}"
                               : "{\"$double\":\"Infinity\"}");
      } else if (IsExactInteger(number)) {
        out->append("{\"$double\":");
        AppendJsonNumber(number, out);
        out->append("}");
      } else {
        AppendJsonNumber(number, out);
      }
      return;
    }
    case kg::v1::Value::kBoolValue:
      out->append(value.bool_value() ? "true" : "false");
      return;
    case kg::v1::Value::kDateValue:
      if (IsDateProperty(property)) {
        AppendJsonString(graph::FormatDate(value.date_value()), out);
      } else {
        out->append("{\"$date\":");
        AppendJsonString(graph::FormatDate(value.date_value()), out);
        out->append("}");
      }
      return;
    case kg::v1::Value::kListValue: {
      out->append("[");
      const char* separator = "";
      for (const kg::v1::Value& element : value.list_value().values()) {
        out->append(separator);
        AppendValueJson(property, element, out);
        separator = ",";
      }
      out->append("]");
      return;
    }
    case kg::v1::Value::KIND_NOT_SET:
      break;
  }
  out->append("null");
}

void AppendJsonString(absl::string_view text, std::string* out) {
  out->push_back('"');
  for (char c : text) {
    switch (c) {
      case '"':
        out->append("\\\"");
        break;
      case '\\':
        out->append("\\\\");
        break;
      case '\n':
        out->append("\\n");
        break;
      case '\r':
        out->append("\\r");
        break;
      case '\t':
        out->append("\\t");
        break;
      default:
        if (static_cast<unsigned char>(c) < 0x20) {
          absl::StrAppendFormat(out, "\\u%04x", c);
        } else {
          out->push_back(c);
        }
    }
  }
  out->push_back('"');
}

void AppendJsonNumber(double number, std::string* out) {
  if (!std::isfinite(number)) {
    out->append("null");
    return;
  }
  char buffer[32];
  const std::to_chars_result result =
      std::to_chars(buffer, buffer + sizeof(buffer), number);
  out->append(buffer, result.ptr);
}

}  // namespace kg::loaders
