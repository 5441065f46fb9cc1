// Constructors for typed property values: one place for what callers
// across the project would otherwise each write.
#ifndef KG_GRAPH_VALUES_H_
#define KG_GRAPH_VALUES_H_

#include <cstdint>

#include "absl/strings/string_view.h"
#include "kg/v1/types.pb.h"

namespace kg::graph {

kg::v1::Value StringValue(absl::string_view s);
kg::v1::Value IntValue(int64_t i);
kg::v1::Value DoubleValue(double d);
kg::v1::Value BoolValue(bool b);

}  // namespace kg::graph

#endif  // KG_GRAPH_VALUES_H_
