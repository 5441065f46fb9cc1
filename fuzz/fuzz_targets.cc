#include "fuzz_targets.h"

#include <cstdio>
#include <cstdlib>

#include "reference_store.h"

namespace kg::fuzz {

const std::vector<FuzzTarget>& AllFuzzTargets() {
  static const auto* targets = new std::vector<FuzzTarget>{
      {"text_importer", FuzzTextImporter, [] { ReferenceGazetteer(); }},
      {"jsonl_facts", FuzzJsonlFacts, nullptr},
      {"csv_facts", FuzzCsvFacts, nullptr},
      {"encoding", FuzzEncoding, nullptr},
      {"requests", FuzzRequests,
       [] {
         ReferenceStore();
         ScratchStore();
       }},
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
