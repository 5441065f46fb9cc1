// Command-line options the query commands (traverse, path, commitments,
// search, describe, export) share, read into QueryService request fields,
// and the text forms of the results they share.
#ifndef KG_CLI_QUERY_OPTIONS_H_
#define KG_CLI_QUERY_OPTIONS_H_

#include <cstdint>
#include <functional>
#include <optional>
#include <ostream>
#include <string>
#include <vector>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "args.h"
#include "connection.h"
#include "kg/v1/query_service.pb.h"

namespace kg::cli {

// --type, --direction and --label: which edges a walk follows and which
// nodes it may reach.
std::vector<OptionSpec> WalkOptions();
// --as-of DATE.
OptionSpec AsOfOption();

// What WalkOptions() read, with the errors naming the option.
struct WalkFilter {
  std::vector<std::string> edge_types;
  kg::v1::Direction direction = kg::v1::DIRECTION_BOTH;
  std::vector<std::string> node_labels;
};
absl::StatusOr<WalkFilter> ParseWalkFilter(const ParsedArgs& args);

// Copies `filter` into a request with edge_types, direction and
// node_labels fields.
template <typename Request>
void ApplyWalkFilter(const WalkFilter& filter, Request* request) {
  for (const std::string& type : filter.edge_types)
    request->add_edge_types(type);
  request->set_direction(filter.direction);
  for (const std::string& label : filter.node_labels) {
    request->add_node_labels(label);
  }
}

// WalkOptions() and --as-of plus the depth and limits of a traversal:
// --min-depth, --depth, --fan-out, --max-nodes, --max-edges.
std::vector<OptionSpec> TraverseOptions();
// A subgraph request from the start keys (the positional arguments) and
// TraverseOptions(); the start nodes are part of the result (min depth 0)
// unless --min-depth says otherwise, so that the edges from them are too.
absl::StatusOr<kg::v1::TraverseRequest> ParseTraverseRequest(
    const ParsedArgs& args);

// Runs Traverse, handing each streamed batch to `consume`.
absl::Status ForEachTraverseBatch(
    const Connection& connection, const kg::v1::TraverseRequest& request,
    const std::function<void(const kg::v1::TraverseResponse&)>& consume);

// "out", "in" or "both"; `option` names the option in the error.
absl::StatusOr<kg::v1::Direction> ParseDirection(absl::string_view text,
                                                 absl::string_view option);

// Every value of a repeated option, each split at commas ("--type A,B
// --type C" is A, B, C).
std::vector<std::string> ListValues(const ParsedArgs& args,
                                    absl::string_view option);

// The option's date ("2018", "2018-05", "2018-05-24"), nullopt when the
// option is absent.
absl::StatusOr<std::optional<kg::v1::Date>> ParseDateOption(
    const ParsedArgs& args, absl::string_view option);

// Sets the request's as_of from --as-of, when given.
template <typename Request>
absl::Status ApplyAsOf(const ParsedArgs& args, Request* request) {
  absl::StatusOr<std::optional<kg::v1::Date>> as_of =
      ParseDateOption(args, "as-of");
  if (!as_of.ok()) return as_of.status();
  if (as_of->has_value()) *request->mutable_as_of() = **as_of;
  return absl::OkStatus();
}

// The option's value as a count in [0, max]; `fallback` when absent.
absl::StatusOr<int32_t> ParseCountOption(const ParsedArgs& args,
                                         absl::string_view option,
                                         int32_t fallback,
                                         int32_t max = INT32_MAX);

// Writes "kg: message" and returns the exit status of a bad command line.
int ReportUsageError(const absl::Status& status, std::ostream& err);

// "state:DEU (State) Germany".
std::string EntityText(absl::string_view key, absl::string_view label,
                       absl::string_view name);
std::string EntityText(const kg::v1::EntityRef& ref);

// How an edge of a path reads from the node before it: "-[TYPE]->" when it
// points away from `from_key`, "<-[TYPE]-" when it points back at it.
std::string StepText(const kg::v1::Edge& edge, absl::string_view from_key);

// "mission:UNMISS -[MANDATED_BY]-> resolution:unsc-1996 <-[...]- ...".
std::string PathText(const kg::v1::Path& path);

}  // namespace kg::cli

#endif  // KG_CLI_QUERY_OPTIONS_H_
