// The effective view of a stored fact: the merge of its assertions.
//
// Name: the first assertion (in commit order) that gives one. Aliases: the
// union, in order, without the name. Properties: a later assertion's value
// for a property overrides an earlier one's. Sources: every assertion's.
#ifndef KG_GRAPH_RECORD_VIEW_H_
#define KG_GRAPH_RECORD_VIEW_H_

#include <cstdint>
#include <string>
#include <vector>

#include "dictionary.h"
#include "kg/v1/types.pb.h"
#include "records.pb.h"

namespace kg::graph {

kg::v1::Node NodeView(uint64_t id, const kg::storage::NodeRecord& record,
                      const Dictionary& dictionary);

kg::v1::Edge EdgeView(uint64_t id, const kg::storage::EdgeRecord& record,
                      const Dictionary& dictionary, std::string src_key,
                      std::string dst_key);

// The distinct normalized forms of the node's name and aliases: its keys in
// the `names` index.
std::vector<std::string> NormalizedNames(const kg::v1::Node& node);

}  // namespace kg::graph

#endif  // KG_GRAPH_RECORD_VIEW_H_
