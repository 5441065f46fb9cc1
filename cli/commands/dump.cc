// kg dump: the whole graph as JSONL facts with every source, so that
// `kg import` of the output into an empty database rebuilds the same graph.
// Nodes come first, so that a reader meets every edge's ends before it.
#include <algorithm>
#include <tuple>

#include "commands/command.h"
#include "kg/loaders/jsonl_facts.h"

namespace kg::cli {
namespace {

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
  absl::Status status =
      ForEachNode(context.connection, [&context](const kg::v1::Node& node) {
        context.out << loaders::NodeToJsonl(WithSortedSources(node)) << "\n";
      });
  if (!status.ok()) return ReportError(status, context.err);
  status =
      ForEachEdge(context.connection, [&context](const kg::v1::Edge& edge) {
        context.out << loaders::EdgeToJsonl(WithSortedSources(edge)) << "\n";
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
