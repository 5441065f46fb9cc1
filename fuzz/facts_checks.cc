#include "facts_checks.h"

#include <string>
#include <vector>

#include "absl/strings/str_cat.h"
#include "fuzz_targets.h"
#include "kg/loaders/jsonl_facts.h"

namespace kg::fuzz {
namespace {

void RequireParses(const std::string& line) {
  absl::StatusOr<std::vector<graph::DocumentFacts>> parsed =
      loaders::ParseJsonlFacts(line, "doc:dump", "dump.jsonl");
  Require(parsed.ok(), absl::StrCat("a dumped fact does not parse back: ",
                                    parsed.status().ToString(), "\n", line));
}

}  // namespace

void RequireInvalidArgument(const absl::Status& status) {
  Require(absl::IsInvalidArgument(status),
          absl::StrCat("not InvalidArgument: ", status.ToString()));
}

void RequireJsonlRoundTrip(const graph::DocumentFacts& facts) {
  for (const kg::v1::Node& node : facts.nodes) {
    RequireParses(loaders::NodeToJsonl(node));
  }
  for (const kg::v1::Edge& edge : facts.edges) {
    RequireParses(loaders::EdgeToJsonl(edge));
  }
}

}  // namespace kg::fuzz
