// NodeScan: the nodes a query starts from, found by key or through an
// index (label, name or name prefix, property value).
//
// Produces rows of one column: [node]. With the context's `as_of`, nodes
// that do not hold then are skipped. Each node read is charged as an
// expansion.
#ifndef KG_GRAPH_QUERY_NODE_SCAN_H_
#define KG_GRAPH_QUERY_NODE_SCAN_H_

#include <cstddef>
#include <string>
#include <vector>

#include "kg/graph/query/operator.h"
#include "kg/graph/query/query_context.h"
#include "kg/graph/snapshot.h"

namespace kg::graph::query {

struct NodeScanSpec {
  // When set: these nodes in this order, those of `index.label` only if
  // that is set; unknown keys are skipped.
  std::vector<std::string> keys;
  // Otherwise: the matches of this query, in the index's order (node id
  // order for a label or an exact property value).
  NodeQuery index;
  // A position() of an earlier scan of the same spec: continue from it.
  std::string resume_from;
};

class NodeScan final : public Operator {
 public:
  NodeScan(QueryContext& context, NodeScanSpec spec);

  absl::StatusOr<bool> Next(Row* row) override;

  // Where a scan of the same spec resumes to produce the last row again
  // and then the rest: lets a paged RPC pick up where a page ended.
  std::string position() const;

 private:
  absl::Status FetchPage();

  QueryContext& context_;
  const NodeScanSpec spec_;
  // The current page of index matches and the cursors around it.
  std::vector<kg::v1::Node> page_;
  std::string page_cursor_;
  std::string next_cursor_;
  // page_[next_ - 1] is the last node produced.
  size_t next_ = 0;
  bool started_ = false;
  bool exhausted_ = false;
};

}  // namespace kg::graph::query

#endif  // KG_GRAPH_QUERY_NODE_SCAN_H_
