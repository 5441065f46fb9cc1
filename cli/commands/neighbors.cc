// kg neighbors KEY: a node's edges, by direction and type.
#include "absl/strings/str_split.h"
#include "commands/command.h"
#include "format.h"
#include "query_options.h"
#include "table.h"

namespace kg::cli {
namespace {

int Run(const ParsedArgs& args, CommandContext& context) {
  const std::string& key = args.positional()[0];
  absl::StatusOr<kg::v1::Direction> direction =
      ParseDirection(args.Value("direction", "both"), "--direction");
  if (!direction.ok()) {
    context.err << "kg: " << direction.status().message() << "\n";
    return kExitUsage;
  }
  kg::v1::ListEdgesRequest request;
  request.set_node_key(key);
  request.set_direction(*direction);
  for (const std::string& types : args.Values("type")) {
    for (absl::string_view type :
         absl::StrSplit(types, ',', absl::SkipEmpty())) {
      request.add_types(std::string(type));
    }
  }
  Table table({"DIR", "TYPE", "NODE", "PROPS", "DOCUMENTS"});
  const absl::Status status =
      ListAllPages<kg::v1::ListEdgesRequest, kg::v1::ListEdgesResponse>(
          context.connection, request,
          [&context](grpc::ClientContext* call, const auto& page_request,
                     auto* response) {
            return context.connection.graph().ListEdges(call, page_request,
                                                        response);
          },
          [&](const kg::v1::ListEdgesResponse& response) {
            for (const kg::v1::Edge& edge : response.edges()) {
              if (context.json) {
                context.out << MessageJson(edge) << "\n";
                continue;
              }
              const bool out = edge.src_key() == key;
              table.AddRow({out ? "out" : "in", edge.type(),
                            out ? edge.dst_key() : edge.src_key(),
                            PropsText(edge.props()),
                            DocumentsText(edge.sources())});
            }
          });
  if (!status.ok()) return ReportError(status, context.err);
  if (!context.json) table.Print(context.out);
  return kExitOk;
}

}  // namespace

Command NeighborsCommand() {
  return Command{
      "neighbors",
      "KEY",
      "List the edges of a node and the nodes at their other ends.",
      {{"direction", "out|in|both", false, "Which edges (default: both)."},
       {"type", "T", true, "Only edges of this type (repeat or T1,T2)."}},
      1,
      1,
      Run};
}

}  // namespace kg::cli
