// The consistency check's core: the checks themselves, over the contents of
// a database read into memory (consistency_check.cc reads them).
#ifndef KG_GRAPH_CONSISTENCY_CHECKER_H_
#define KG_GRAPH_CONSISTENCY_CHECKER_H_

#include <cstdint>
#include <map>
#include <string>

#include "dictionary.h"
#include "kg/graph/consistency_check.h"
#include "schema.h"

namespace kg::graph {

// Every family's keys and values as of one view, and the dictionary.
struct DatabaseContents {
  std::map<std::string, std::string> families[schema::kFamilyCount];
  Dictionary dictionary;
  uint64_t entries = 0;
};

ConsistencyReport CheckContents(const DatabaseContents& contents);

}  // namespace kg::graph

#endif  // KG_GRAPH_CONSISTENCY_CHECKER_H_
