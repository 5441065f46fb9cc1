#include "kg/graph/values.h"

#include <string>

namespace kg::graph {

kg::v1::Value StringValue(absl::string_view s) {
  kg::v1::Value v;
  v.set_string_value(std::string(s));
  return v;
}

kg::v1::Value IntValue(int64_t i) {
  kg::v1::Value v;
  v.set_int_value(i);
  return v;
}

kg::v1::Value DoubleValue(double d) {
  kg::v1::Value v;
  v.set_double_value(d);
  return v;
}

kg::v1::Value BoolValue(bool b) {
  kg::v1::Value v;
  v.set_bool_value(b);
  return v;
}

}  // namespace kg::graph
