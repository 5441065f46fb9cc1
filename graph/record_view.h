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

// Takes `record`'s props and sources rather than copying them: an edge's
// record is read for its view alone. `type` is the name of its type id.
kg::v1::Edge EdgeView(uint64_t id, kg::storage::EdgeRecord record,
                      std::string type, std::string src_key,
                      std::string dst_key);

// Moves the sources of every assertion of `record` to the end of
// `sources`, in the order a view lists them.
void TakeSources(kg::storage::EdgeRecord* record,
                 google::protobuf::RepeatedPtrField<kg::v1::Source>* sources);

// The distinct normalized forms of the node's name and aliases: its keys in
// the `names` index.
std::vector<std::string> NormalizedNames(const kg::v1::Node& node);

}  // namespace kg::graph

#endif  // KG_GRAPH_RECORD_VIEW_H_
