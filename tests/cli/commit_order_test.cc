#include "kg/loaders/commit_order.h"

#include <set>
#include <string>
#include <vector>

#include "absl/status/status.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"

namespace kg::loaders {
namespace {

graph::DocumentFacts Document(const std::string& key) {
  return graph::DocumentFacts{key, {}, {}};
}

// A store where "doc:c" needs "doc:b", which needs "doc:a"; "doc:x" needs a
// document that never comes.
struct FakeStore {
  std::vector<std::string> attempts;
  std::set<std::string> committed;

  absl::StatusOr<kg::v1::CommitSummary> Commit(
      const graph::DocumentFacts& facts) {
    attempts.push_back(facts.document_key);
    const std::string& key = facts.document_key;
    if (key == "doc:bad") return absl::InvalidArgumentError("bad");
    const std::string needs = key == "doc:c"   ? "doc:b"
                              : key == "doc:b" ? "doc:a"
                              : key == "doc:x" ? "doc:never"
                                               : "";
    if (!needs.empty() && committed.count(needs) == 0) {
      return absl::FailedPreconditionError("needs " + needs);
    }
    committed.insert(key);
    kg::v1::CommitSummary summary;
    summary.set_document_key(key);
    return summary;
  }
};

TEST(CommitInDependencyOrderTest, RetriesDocumentsThatNeedLaterOnes) {
  FakeStore store;
  const std::vector<graph::DocumentFacts> documents = {
      Document("doc:c"), Document("doc:bad"), Document("doc:b"),
      Document("doc:x"), Document("doc:a")};
  const std::vector<absl::StatusOr<kg::v1::CommitSummary>> results =
      CommitInDependencyOrder(documents, [&store](const auto& facts) {
        return store.Commit(facts);
      });
  ASSERT_EQ(results.size(), documents.size());
  for (size_t i : {0, 2, 4}) {
    ASSERT_TRUE(results[i].ok()) << results[i].status();
    EXPECT_EQ(results[i]->document_key(), documents[i].document_key);
  }
  EXPECT_EQ(results[1].status().code(), absl::StatusCode::kInvalidArgument);
  EXPECT_EQ(results[3].status().code(), absl::StatusCode::kFailedPrecondition);
  // Round 1 commits a; round 2 commits b; round 3 commits c; round 4 sees
  // no progress for x. The invalid document is not tried again.
  EXPECT_THAT(store.attempts,
              ::testing::ElementsAre("doc:c", "doc:bad", "doc:b", "doc:x",
                                     "doc:a", "doc:c", "doc:b", "doc:x",
                                     "doc:c", "doc:x", "doc:x"));
}

TEST(CommitInDependencyOrderTest, NothingToCommit) {
  EXPECT_TRUE(CommitInDependencyOrder({}, [](const auto&) {
                return absl::StatusOr<kg::v1::CommitSummary>();
              }).empty());
}

}  // namespace
}  // namespace kg::loaders
