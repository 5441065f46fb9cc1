// The property columns of a subgraph, as the export writers declare and
// fill them.
#ifndef KG_CLI_EXPORT_ATTRIBUTES_H_
#define KG_CLI_EXPORT_ATTRIBUTES_H_

#include <string>
#include <vector>

#include "export/subgraph_writers.h"
#include "google/protobuf/map.h"
#include "kg/v1/types.pb.h"

namespace kg::cli {

enum class AttributeType { kBool, kInt, kDouble, kString };

// One property as a column of the export.
struct Attribute {
  // The property's name in the graph.
  std::string property;
  // Its name in the export: `property`, or "prop_<property>" when that is
  // one of the fixed fields (id, key, label, name, aliases, source, target,
  // type).
  std::string name;
  AttributeType type;
};

// Every property of the nodes (or of the edges), sorted by name, each with
// the narrowest type that holds all its values: kBool, kInt, kDouble when
// ints and doubles mix, else kString.
std::vector<Attribute> NodeAttributes(const Subgraph& graph);
std::vector<Attribute> EdgeAttributes(const Subgraph& graph);

// The value of `attribute` in `props`, null when absent.
const kg::v1::Value* FindValue(
    const google::protobuf::Map<std::string, kg::v1::Value>& props,
    const Attribute& attribute);

// A value as text for a typed attribute or a CSV cell: ValueText's form
// (format.h), but with doubles in their shortest exact form.
std::string ValueString(const kg::v1::Value& value);

// A finite double in its shortest form that reads back the same.
std::string DoubleString(double value);

}  // namespace kg::cli

#endif  // KG_CLI_EXPORT_ATTRIBUTES_H_
