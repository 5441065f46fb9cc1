// kg search QUERY: ranked matches of names, aliases (by prefix, ignoring
// case and diacritics) and, with --texts, commitment texts.
#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "commands/command.h"
#include "format.h"
#include "query_options.h"
#include "table.h"

namespace kg::cli {
namespace {

std::string MatchText(kg::v1::SearchHit::Match match) {
  switch (match) {
    case kg::v1::SearchHit::MATCH_KEY:
      return "key";
    case kg::v1::SearchHit::MATCH_NAME:
      return "name";
    case kg::v1::SearchHit::MATCH_ALIAS:
      return "alias";
    case kg::v1::SearchHit::MATCH_NAME_PREFIX:
      return "name prefix";
    case kg::v1::SearchHit::MATCH_ALIAS_PREFIX:
      return "alias prefix";
    case kg::v1::SearchHit::MATCH_TEXT:
      return "text";
    default:
      return "";
  }
}

int Run(const ParsedArgs& args, CommandContext& context) {
  kg::v1::SearchRequest request;
  request.set_query(args.positional()[0]);
  for (const std::string& label : ListValues(args, "label")) {
    request.add_labels(label);
  }
  request.set_include_texts(args.Has("texts"));
  absl::StatusOr<int32_t> limit = ParseCountOption(args, "limit", 0, 100);
  if (!limit.ok()) return ReportUsageError(limit.status(), context.err);
  request.set_limit(*limit);
  if (absl::Status as_of = ApplyAsOf(args, &request); !as_of.ok()) {
    return ReportUsageError(as_of, context.err);
  }
  const std::unique_ptr<grpc::ClientContext> call =
      context.connection.NewContext();
  kg::v1::SearchResponse response;
  const grpc::Status status =
      context.connection.query().Search(call.get(), request, &response);
  if (!status.ok()) return ReportError(ToAbslStatus(status), context.err);
  Table table({"SCORE", "KEY", "LABEL", "NAME", "MATCH", "MATCHED"});
  for (const kg::v1::SearchHit& hit : response.hits()) {
    if (context.json) {
      context.out << MessageJson(hit) << "\n";
      continue;
    }
    table.AddRow({absl::StrFormat("%.3f", hit.score()), hit.node().key(),
                  hit.node().label(), hit.node().name(), MatchText(hit.match()),
                  hit.matched()});
  }
  if (!context.json) table.Print(context.out);
  return kExitOk;
}

}  // namespace

Command SearchCommand() {
  return Command{
      "search",
      "QUERY",
      "Search names and aliases by prefix, best match first (--json: one "
      "hit a line).",
      {{"label", "L", true, "Only nodes with this label (repeat or L1,L2)."},
       {"limit", "N", false, "At most N hits (default 10, at most 100)."},
       {"texts", "", false, "Also search the texts of commitments."},
       AsOfOption()},
      1,
      1,
      Run};
}

}  // namespace kg::cli
