// The JSONL facts parser on arbitrary bytes: it accepts or rejects with
// InvalidArgument, and what it accepts survives a dump.
#include <vector>

#include "facts_checks.h"
#include "fuzz_targets.h"
#include "kg/loaders/jsonl_facts.h"

namespace kg::fuzz {

int FuzzJsonlFacts(const uint8_t* data, size_t size) {
  absl::string_view text(reinterpret_cast<const char*>(data), size);
  absl::StatusOr<std::vector<graph::DocumentFacts>> documents =
      loaders::ParseJsonlFacts(text, "doc:fuzz", "fuzz.jsonl");
  if (!documents.ok()) {
    RequireInvalidArgument(documents.status());
    return 0;
  }
  for (const graph::DocumentFacts& facts : *documents) {
    RequireJsonlRoundTrip(facts);
  }
  return 0;
}

}  // namespace kg::fuzz
