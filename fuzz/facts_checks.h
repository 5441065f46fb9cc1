// Checks shared by the fuzz targets of the fact loaders.
#ifndef KG_FUZZ_FACTS_CHECKS_H_
#define KG_FUZZ_FACTS_CHECKS_H_

#include "absl/status/status.h"
#include "kg/graph/document_facts.h"

namespace kg::fuzz {

// A loader's error is InvalidArgument (the input's fault), nothing else.
void RequireInvalidArgument(const absl::Status& status);

// Every fact of `facts`, written as `kg dump` writes it (NodeToJsonl,
// EdgeToJsonl), parses back: what a loader accepts, a dump can carry.
void RequireJsonlRoundTrip(const graph::DocumentFacts& facts);

}  // namespace kg::fuzz

#endif  // KG_FUZZ_FACTS_CHECKS_H_
