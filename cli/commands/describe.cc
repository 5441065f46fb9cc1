// kg describe KEY: one entity, its properties, and its neighbours grouped
// by edge type and direction, with each group's exact count.
#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "commands/command.h"
#include "format.h"
#include "query_options.h"
#include "table.h"

namespace kg::cli {
namespace {

void PrintDescription(const kg::v1::DescribeResponse& description,
                      std::ostream& out) {
  const kg::v1::Node& node = description.node();
  out << EntityText(node.key(), node.label(), node.name()) << "\n";
  if (!node.aliases().empty()) {
    out << "aliases: " << absl::StrJoin(node.aliases(), "; ") << "\n";
  }
  if (!node.props().empty())
    out << "props: " << PropsText(node.props()) << "\n";
  if (!node.sources().empty()) {
    out << "documents: " << DocumentsText(node.sources()) << "\n";
  }
  out << "\n";
  Table table({"DIR", "TYPE", "COUNT", "NEIGHBOUR", "LABEL", "NAME"});
  for (const kg::v1::EdgeGroup& group : description.groups()) {
    const std::string direction =
        group.direction() == kg::v1::DIRECTION_IN ? "in" : "out";
    const std::string count = absl::StrCat(group.count());
    if (group.neighbours().empty()) {
      table.AddRow({direction, group.type(), count, "", "", ""});
    }
    for (const kg::v1::Neighbour& neighbour : group.neighbours()) {
      const kg::v1::EntityRef& ref = neighbour.node();
      table.AddRow(
          {direction, group.type(), count, ref.key(), ref.label(), ref.name()});
    }
    const int unlisted =
        static_cast<int>(group.count()) - group.neighbours_size();
    if (unlisted > 0) {
      table.AddRow({direction, group.type(), count,
                    absl::StrCat("(", unlisted, " more)"), "", ""});
    }
  }
  table.Print(out);
}

int Run(const ParsedArgs& args, CommandContext& context) {
  kg::v1::DescribeRequest request;
  request.set_key(args.positional()[0]);
  absl::StatusOr<int32_t> per_group = ParseCountOption(args, "neighbours", 0);
  if (!per_group.ok()) return ReportUsageError(per_group.status(), context.err);
  request.set_max_per_group(*per_group);
  if (absl::Status as_of = ApplyAsOf(args, &request); !as_of.ok()) {
    return ReportUsageError(as_of, context.err);
  }
  const std::unique_ptr<grpc::ClientContext> call =
      context.connection.NewContext();
  kg::v1::DescribeResponse response;
  const grpc::Status status =
      context.connection.query().Describe(call.get(), request, &response);
  if (!status.ok()) return ReportError(ToAbslStatus(status), context.err);
  if (context.json) {
    context.out << MessageJson(response) << "\n";
  } else {
    PrintDescription(response, context.out);
  }
  return kExitOk;
}

}  // namespace

Command DescribeCommand() {
  return Command{
      "describe",
      "KEY",
      "Show one entity with its properties and its neighbours grouped by "
      "edge type, with each group's count.",
      {{"neighbours", "N", false,
        "Neighbours listed per group (default 20); counts stay exact."},
       AsOfOption()},
      1,
      1,
      Run};
}

}  // namespace kg::cli
