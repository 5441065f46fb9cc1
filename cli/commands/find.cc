// kg find: nodes by label, name or alias, and property value.
#include "commands/command.h"
#include "format.h"
#include "table.h"

namespace kg::cli {
namespace {

int Run(const ParsedArgs& args, CommandContext& context) {
  kg::v1::ListNodesRequest request;
  request.set_label(args.Value("label"));
  request.set_name(args.Value("name"));
  request.set_name_prefix(args.Has("prefix"));
  if (args.Has("prop")) {
    absl::StatusOr<std::pair<std::string, kg::v1::Value>> filter =
        ParsePropertyFilter(args.Value("prop"));
    if (!filter.ok()) {
      context.err << "kg: " << filter.status().message() << "\n";
      return kExitUsage;
    }
    request.set_property_name(filter->first);
    *request.mutable_property_value() = filter->second;
  }
  Table table({"KEY", "LABEL", "NAME"});
  const absl::Status status =
      ListAllPages<kg::v1::ListNodesRequest, kg::v1::ListNodesResponse>(
          context.connection, request,
          [&context](grpc::ClientContext* call, const auto& page_request,
                     auto* response) {
            return context.connection.graph().ListNodes(call, page_request,
                                                        response);
          },
          [&](const kg::v1::ListNodesResponse& response) {
            for (const kg::v1::Node& node : response.nodes()) {
              if (context.json) {
                context.out << MessageJson(node) << "\n";
              } else {
                table.AddRow({node.key(), node.label(), node.name()});
              }
            }
          });
  if (!status.ok()) return ReportError(status, context.err);
  if (!context.json) table.Print(context.out);
  return kExitOk;
}

}  // namespace

Command FindCommand() {
  return Command{
      "find",
      "",
      "List the nodes that match every filter given (all nodes with none).",
      {{"label", "L", false, "Only nodes with this label."},
       {"name", "N", false,
        "Only nodes with this name or alias (case- and accent-insensitive)."},
       {"prefix", "", false, "With --name: names that start with N."},
       {"prop", "NAME=VALUE", false,
        "Only nodes whose property NAME equals VALUE (JSON or text)."}},
      0,
      0,
      Run};
}

}  // namespace kg::cli
