// A test fixture whose server (test_server.h) holds the gold facts of the
// shared corpus (../shared/gold/*.jsonl), imported through its
// ImportFacts in dependency order. The shared corpus sits beside the
// checkout in CI but not on a user's machine: without it the tests skip.
#ifndef KG_TESTS_SUPPORT_GOLD_GRAPH_H_
#define KG_TESTS_SUPPORT_GOLD_GRAPH_H_

#include <vector>

#include "kg/graph/document_facts.h"
#include "test_server.h"

namespace kg::testing {

class GoldGraphTest : public ServerTest {
 protected:
  void SetUp() override;

  // Every document the gold files assert, as read from them.
  std::vector<graph::DocumentFacts> gold_;
};

}  // namespace kg::testing

#endif  // KG_TESTS_SUPPORT_GOLD_GRAPH_H_
