#include "query_options.h"

#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_split.h"
#include "kg/graph/encoding.h"

namespace kg::cli {

std::vector<OptionSpec> WalkOptions() {
  return {
      {"type", "T", true, "Follow only edges of this type (repeat or T1,T2)."},
      {"direction", "out|in|both", false,
       "Follow edges this way (default: both)."},
      {"label", "L", true,
       "Reach only nodes with this label (repeat or L1,L2)."},
  };
}

OptionSpec AsOfOption() {
  return {"as-of", "DATE", false,
          "Only facts that hold at this date (2018, 2018-05, 2018-05-24)."};
}

absl::StatusOr<WalkFilter> ParseWalkFilter(const ParsedArgs& args) {
  WalkFilter filter;
  filter.edge_types = ListValues(args, "type");
  filter.node_labels = ListValues(args, "label");
  absl::StatusOr<kg::v1::Direction> direction =
      ParseDirection(args.Value("direction", "both"), "--direction");
  if (!direction.ok()) return direction.status();
  filter.direction = *direction;
  return filter;
}

std::vector<OptionSpec> TraverseOptions() {
  std::vector<OptionSpec> options = WalkOptions();
  options.insert(
      options.end(),
      {{"depth", "N", false, "Walk at most N edges from a start (default 1)."},
       {"min-depth", "N", false, "Return only nodes at least N edges away."},
       {"fan-out", "N", false,
        "Follow at most N edges from each node (default: the server's cap)."},
       {"max-nodes", "N", false, "Stop after N nodes."},
       {"max-edges", "N", false, "Stop after N edges."},
       AsOfOption()});
  return options;
}

absl::StatusOr<kg::v1::TraverseRequest> ParseTraverseRequest(
    const ParsedArgs& args) {
  kg::v1::TraverseRequest request;
  for (const std::string& key : args.positional()) request.add_start_keys(key);
  absl::StatusOr<WalkFilter> filter = ParseWalkFilter(args);
  if (!filter.ok()) return filter.status();
  ApplyWalkFilter(*filter, &request);
  const std::pair<const char*, void (kg::v1::TraverseRequest::*)(int32_t)>
      counts[] = {{"min-depth", &kg::v1::TraverseRequest::set_min_depth},
                  {"depth", &kg::v1::TraverseRequest::set_max_depth},
                  {"fan-out", &kg::v1::TraverseRequest::set_max_fan_out},
                  {"max-nodes", &kg::v1::TraverseRequest::set_max_nodes},
                  {"max-edges", &kg::v1::TraverseRequest::set_max_edges}};
  for (const auto& [option, set] : counts) {
    absl::StatusOr<int32_t> count = ParseCountOption(args, option, 0);
    if (!count.ok()) return count.status();
    (request.*set)(*count);
  }
  if (absl::Status as_of = ApplyAsOf(args, &request); !as_of.ok()) {
    return as_of;
  }
  request.set_result_mode(kg::v1::TraverseRequest::RESULT_MODE_SUBGRAPH);
  return request;
}

absl::Status ForEachTraverseBatch(
    const Connection& connection, const kg::v1::TraverseRequest& request,
    const std::function<void(const kg::v1::TraverseResponse&)>& consume) {
  std::unique_ptr<grpc::ClientContext> call = connection.NewContext();
  std::unique_ptr<grpc::ClientReader<kg::v1::TraverseResponse>> reader =
      connection.query().Traverse(call.get(), request);
  kg::v1::TraverseResponse batch;
  while (reader->Read(&batch)) consume(batch);
  return ToAbslStatus(reader->Finish());
}

absl::StatusOr<kg::v1::Direction> ParseDirection(absl::string_view text,
                                                 absl::string_view option) {
  if (text == "out") return kg::v1::DIRECTION_OUT;
  if (text == "in") return kg::v1::DIRECTION_IN;
  if (text == "both") return kg::v1::DIRECTION_BOTH;
  return absl::InvalidArgumentError(
      absl::StrCat(option, ": expected out, in or both, got \"", text, "\""));
}

std::vector<std::string> ListValues(const ParsedArgs& args,
                                    absl::string_view option) {
  std::vector<std::string> values;
  for (const std::string& value : args.Values(option)) {
    for (absl::string_view item :
         absl::StrSplit(value, ',', absl::SkipEmpty())) {
      values.emplace_back(item);
    }
  }
  return values;
}

absl::StatusOr<std::optional<kg::v1::Date>> ParseDateOption(
    const ParsedArgs& args, absl::string_view option) {
  if (!args.Has(option)) return std::nullopt;
  absl::StatusOr<kg::v1::Date> date = graph::ParseDate(args.Value(option));
  if (!date.ok()) {
    return absl::InvalidArgumentError(
        absl::StrCat("--", option, ": expected a date such as 2018, 2018-05 ",
                     "or 2018-05-24, got \"", args.Value(option), "\""));
  }
  return *date;
}

absl::StatusOr<int32_t> ParseCountOption(const ParsedArgs& args,
                                         absl::string_view option,
                                         int32_t fallback, int32_t max) {
  if (!args.Has(option)) return fallback;
  int32_t count = 0;
  if (!absl::SimpleAtoi(args.Value(option), &count) || count < 0 ||
      count > max) {
    return absl::InvalidArgumentError(
        absl::StrCat("--", option, ": expected a whole number from 0 to ", max,
                     ", got \"", args.Value(option), "\""));
  }
  return count;
}

int ReportUsageError(const absl::Status& status, std::ostream& err) {
  err << "kg: " << status.message() << "\n";
  return kExitUsage;
}

std::string EntityText(absl::string_view key, absl::string_view label,
                       absl::string_view name) {
  std::string text(key);
  if (!label.empty()) absl::StrAppend(&text, " (", label, ")");
  if (!name.empty()) absl::StrAppend(&text, " ", name);
  return text;
}

std::string EntityText(const kg::v1::EntityRef& ref) {
  return EntityText(ref.key(), ref.label(), ref.name());
}

std::string StepText(const kg::v1::Edge& edge, absl::string_view from_key) {
  return edge.src_key() == from_key ? absl::StrCat("-[", edge.type(), "]->")
                                    : absl::StrCat("<-[", edge.type(), "]-");
}

std::string PathText(const kg::v1::Path& path) {
  if (path.nodes().empty()) return "";
  std::string text = path.nodes(0).key();
  for (int i = 0; i < path.edges_size() && i + 1 < path.nodes_size(); ++i) {
    absl::StrAppend(&text, " ", StepText(path.edges(i), path.nodes(i).key()),
                    " ", path.nodes(i + 1).key());
  }
  return text;
}

}  // namespace kg::cli
