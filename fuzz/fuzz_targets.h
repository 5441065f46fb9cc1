// Fuzz targets: each feeds arbitrary bytes to one parser or validator of kg
// and aborts when that code breaks its contract (crashes, returns an error
// of the wrong kind, or returns facts that violate their invariants).
//
// libFuzzer runs them (libfuzzer_entry.cc, built with clang when
// KG_BUILD_FUZZ is on); tests/fuzz_regressions runs them over the committed
// seed corpus (fuzz/corpus/<name>/) and crash inputs (fuzz/crashes/<name>/)
// in every build.
#ifndef KG_FUZZ_FUZZ_TARGETS_H_
#define KG_FUZZ_FUZZ_TARGETS_H_

#include <cstddef>
#include <cstdint>
#include <vector>

#include "absl/strings/string_view.h"

namespace kg::fuzz {

// libFuzzer's entry signature; returns 0.
using FuzzFunction = int (*)(const uint8_t* data, size_t size);

// The text loader: ExtractFacts on the bytes as a document.
int FuzzTextImporter(const uint8_t* data, size_t size);
// ParseJsonlFacts, and re-parsing what NodeToJsonl/EdgeToJsonl write.
int FuzzJsonlFacts(const uint8_t* data, size_t size);
// CsvKindOf and ParseCsvFacts.
int FuzzCsvFacts(const uint8_t* data, size_t size);
// Ordered value, date, key and counter decoding (graph/encoding.h and the
// key layout of graph/schema.h).
int FuzzEncoding(const uint8_t* data, size_t size);
// QueryService, GraphService and IngestService requests from their wire
// bytes, validated and run against a store holding the reference data.
int FuzzRequests(const uint8_t* data, size_t size);

struct FuzzTarget {
  // The folder name under fuzz/corpus and fuzz/crashes.
  const char* name;
  FuzzFunction run;
  // Builds what every input of the target shares (the reference store, the
  // gazetteer), or null. libFuzzer calls it before the first input, whose
  // time limit would otherwise pay for seconds of set-up.
  void (*prepare)();
};

// Every target above.
const std::vector<FuzzTarget>& AllFuzzTargets();

// Prints `what` and aborts unless `ok`: a broken contract is a crash that
// libFuzzer records.
void Require(bool ok, absl::string_view what);

}  // namespace kg::fuzz

#endif  // KG_FUZZ_FUZZ_TARGETS_H_
