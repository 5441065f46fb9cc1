// Stores for the fuzz targets that need a graph. Each is opened once per
// process in a fresh temporary folder, removed at exit.
#ifndef KG_FUZZ_REFERENCE_STORE_H_
#define KG_FUZZ_REFERENCE_STORE_H_

#include "kg/graph/graph_store.h"
#include "kg/text/gazetteer.h"

namespace kg::fuzz {

// The shipped reference data (KG_REFERENCE_DIR) and nothing else; the
// targets only read it, so every input sees the same graph.
const graph::GraphStore& ReferenceStore();

// The text loader's gazetteer of ReferenceStore(), as the server makes it.
const text::Gazetteer& ReferenceGazetteer();

// A store for targets that write: the reference data plus whatever earlier
// inputs committed. Writes are not synced, for speed.
graph::GraphStore& ScratchStore();

}  // namespace kg::fuzz

#endif  // KG_FUZZ_REFERENCE_STORE_H_
