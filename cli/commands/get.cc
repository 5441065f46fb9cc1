// kg get KEY: one node with its properties and sources.
#include <algorithm>
#include <string>
#include <vector>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "commands/command.h"
#include "format.h"
#include "table.h"

namespace kg::cli {
namespace {

void PrintNode(const kg::v1::Node& node, std::ostream& out) {
  Table fields;
  fields.AddRow({"key", node.key()});
  fields.AddRow({"label", node.label()});
  fields.AddRow({"name", node.name()});
  fields.AddRow({"aliases", absl::StrJoin(node.aliases(), "; ")});
  std::vector<std::string> names;
  for (const auto& [name, value] : node.props()) names.push_back(name);
  std::sort(names.begin(), names.end());
  for (const std::string& name : names) {
    fields.AddRow(
        {absl::StrCat("props.", name), ValueText(node.props().at(name))});
  }
  fields.Print(out);
  out << "\n";
  Table sources({"DOCUMENT", "SPAN", "EXTRACTOR", "CONFIDENCE", "EVIDENCE"});
  for (const kg::v1::Source& source : node.sources()) {
    sources.AddRow({source.document_key(),
                    absl::StrCat(source.start(), "-", source.end()),
                    source.extractor(), absl::StrCat(source.confidence()),
                    source.evidence()});
  }
  sources.Print(out);
}

int Run(const ParsedArgs& args, CommandContext& context) {
  kg::v1::GetNodeRequest request;
  request.set_key(args.positional()[0]);
  kg::v1::Node node;
  const std::unique_ptr<grpc::ClientContext> call =
      context.connection.NewContext();
  const grpc::Status status =
      context.connection.graph().GetNode(call.get(), request, &node);
  if (!status.ok()) return ReportError(ToAbslStatus(status), context.err);
  if (context.json) {
    context.out << MessageJson(node) << "\n";
  } else {
    PrintNode(node, context.out);
  }
  return kExitOk;
}

}  // namespace

Command GetCommand() {
  return Command{
      "get", "KEY", "Show one node: its fields, properties and sources.", {}, 1,
      1,     Run};
}

}  // namespace kg::cli
