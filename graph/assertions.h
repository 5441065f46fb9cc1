// Assertions: how one document's statement of a node or edge is recorded,
// and the index entries a node record calls for. Shared by commits and the
// bulk loader, so both write the same records.
#ifndef KG_GRAPH_ASSERTIONS_H_
#define KG_GRAPH_ASSERTIONS_H_

#include <cstdint>
#include <string>
#include <utility>
#include <vector>

#include "absl/functional/function_ref.h"
#include "absl/strings/string_view.h"
#include "dictionary.h"
#include "kg/v1/types.pb.h"
#include "records.pb.h"
#include "schema.h"

namespace kg::graph {

// Adds `sources` to `assertion`, naming the document and dropping repeats
// of one span by one extractor.
void AddSources(
    const google::protobuf::RepeatedPtrField<kg::v1::Source>& sources,
    absl::string_view document_key, kg::storage::Assertion* assertion);

// Gives an assertion with no source one naming the document alone.
void EnsureSource(absl::string_view document_key, absl::string_view extractor,
                  kg::storage::Assertion* assertion);

// Merges what `node` (or `edge`) says into the document's assertion.
void MergeNodeInto(const kg::v1::Node& node, absl::string_view document_key,
                   kg::storage::Assertion* assertion);
void MergeEdgeInto(const kg::v1::Edge& edge, absl::string_view document_key,
                   kg::storage::Assertion* assertion);

// The `labels`, `names` and `props` keys of a node as viewed, sorted; none
// for a record without assertions. `property_id` gives a property name's
// dictionary id.
std::vector<std::pair<schema::Family, std::string>> NodeIndexEntries(
    uint64_t id, const kg::storage::NodeRecord& record,
    const Dictionary& dictionary,
    absl::FunctionRef<uint32_t(absl::string_view)> property_id);

// The same for a node with label `label_id` whose merged view (as
// NodeView makes it, or a node asserted by one document alone) is `view`.
std::vector<std::pair<schema::Family, std::string>> NodeIndexEntriesOfView(
    uint64_t id, uint32_t label_id, const kg::v1::Node& view,
    absl::FunctionRef<uint32_t(absl::string_view)> property_id);

}  // namespace kg::graph

#endif  // KG_GRAPH_ASSERTIONS_H_
