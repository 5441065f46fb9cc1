#include "gold_graph.h"

#include <filesystem>

#include "kg/loaders/commit_order.h"
#include "kg/loaders/jsonl_facts.h"

namespace kg::testing {

void GoldGraphTest::SetUp() {
  const std::filesystem::path gold = KG_GOLD_DIR;
  if (!std::filesystem::is_directory(gold)) {
    GTEST_SKIP() << "no gold facts of the shared corpus at " << gold;
  }
  ServerTest::SetUp();
  if (HasFatalFailure()) return;
  for (const auto& entry : std::filesystem::directory_iterator(gold)) {
    if (entry.path().extension() != ".jsonl") continue;
    auto facts = loaders::ReadJsonlFactsFile(entry.path().string());
    ASSERT_TRUE(facts.ok()) << facts.status();
    gold_.insert(gold_.end(), facts->begin(), facts->end());
  }
  ASSERT_FALSE(gold_.empty()) << "no *.jsonl in " << gold;
  for (const auto& result : loaders::CommitInDependencyOrder(
           gold_, [this](const graph::DocumentFacts& facts) {
             return ImportFacts(facts);
           })) {
    ASSERT_TRUE(result.ok()) << result.status();
  }
}

}  // namespace kg::testing
