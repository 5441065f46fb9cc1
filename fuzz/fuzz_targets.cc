#include "fuzz_targets.h"

#include <cstdio>
#include <cstdlib>

namespace kg::fuzz {

const std::vector<FuzzTarget>& AllFuzzTargets() {
  static const auto* targets = new std::vector<FuzzTarget>{
      {"text_importer", FuzzTextImporter}, {"jsonl_facts", FuzzJsonlFacts},
      {"csv_facts", FuzzCsvFacts},         {"encoding", FuzzEncoding},
      {"requests", FuzzRequests},
  };
  return *targets;
}

void Require(bool ok, absl::string_view what) {
  if (ok) return;
  std::fprintf(stderr, "kg fuzz: %.*s\n", static_cast<int>(what.size()),
               what.data());
  std::abort();
}

}  // namespace kg::fuzz
