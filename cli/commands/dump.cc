// kg dump: the whole graph as JSONL facts with every source, so that
// `kg import` of the output into an empty database rebuilds the same graph.
// Nodes come first, so that a reader meets every edge's ends before it.
#include <algorithm>
#include <tuple>

#include "commands/command.h"
#include "kg/loaders/jsonl_facts.h"

namespace kg::cli {
namespace {

// The largest page the API allows: fewest round trips.
constexpr int kPageSize = 1000;

// The store lists a fact's sources in the order their documents were
// committed; sorting them makes the dump depend on the graph alone, not on
// the order of the imports that built it.
template <typename FactMessage>
FactMessage WithSortedSources(FactMessage fact) {
  const auto fields = [](const kg::v1::Source& source) {
    return std::make_tuple(std::cref(source.document_key()), source.start(),
                           source.end(), std::cref(source.extractor()),
                           source.confidence(), std::cref(source.evidence()));
  };
  std::sort(fact.mutable_sources()->begin(), fact.mutable_sources()->end(),
            [&fields](const kg::v1::Source& a, const kg::v1::Source& b) {
              return fields(a) < fields(b);
            });
  return fact;
}

int Run(const ParsedArgs&, CommandContext& context) {
  Connection& connection = context.connection;
  kg::v1::ListNodesRequest nodes;
  nodes.set_page_size(kPageSize);
  absl::Status status =
      ListAllPages<kg::v1::ListNodesRequest, kg::v1::ListNodesResponse>(
          connection, nodes,
          [&connection](grpc::ClientContext* call, const auto& request,
                        auto* response) {
            return connection.graph().ListNodes(call, request, response);
          },
          [&context](const kg::v1::ListNodesResponse& response) {
            for (const kg::v1::Node& node : response.nodes()) {
              context.out << loaders::NodeToJsonl(WithSortedSources(node))
                          << "\n";
            }
          });
  if (!status.ok()) return ReportError(status, context.err);
  kg::v1::ListEdgesRequest edges;
  edges.set_page_size(kPageSize);
  status = ListAllPages<kg::v1::ListEdgesRequest, kg::v1::ListEdgesResponse>(
      connection, edges,
      [&connection](grpc::ClientContext* call, const auto& request,
                    auto* response) {
        return connection.graph().ListEdges(call, request, response);
      },
      [&context](const kg::v1::ListEdgesResponse& response) {
        for (const kg::v1::Edge& edge : response.edges()) {
          context.out << loaders::EdgeToJsonl(WithSortedSources(edge)) << "\n";
        }
      });
  if (!status.ok()) return ReportError(status, context.err);
  context.out.flush();
  if (!context.out) {
    return ReportError(absl::DataLossError("writing the dump failed"),
                       context.err);
  }
  return kExitOk;
}

}  // namespace

Command DumpCommand() {
  return Command{"dump", "", "Write the whole graph as JSONL facts to stdout.",
                 {},     0,  0,
                 Run};
}

}  // namespace kg::cli
