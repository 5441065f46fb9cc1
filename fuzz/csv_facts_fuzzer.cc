// The CSV facts parser on arbitrary bytes: it accepts or rejects with
// InvalidArgument, and what it accepts survives a dump.
#include "facts_checks.h"
#include "fuzz_targets.h"
#include "kg/loaders/csv_facts.h"

namespace kg::fuzz {

int FuzzCsvFacts(const uint8_t* data, size_t size) {
  absl::string_view text(reinterpret_cast<const char*>(data), size);
  absl::StatusOr<loaders::CsvFileKind> kind =
      loaders::CsvKindOf(text, "fuzz.csv");
  if (!kind.ok()) RequireInvalidArgument(kind.status());
  absl::StatusOr<graph::DocumentFacts> facts =
      loaders::ParseCsvFacts(text, "doc:fuzz", "fuzz.csv");
  if (!facts.ok()) {
    RequireInvalidArgument(facts.status());
    return 0;
  }
  RequireJsonlRoundTrip(*facts);
  return 0;
}

}  // namespace kg::fuzz
