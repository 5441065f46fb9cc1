// Helpers shared by the engine tests: temporary database directories, fact
// builders, a raw dump of every column family and the consistency check as
// an assertion.
#ifndef KG_TESTS_GRAPH_TEST_UTIL_H_
#define KG_TESTS_GRAPH_TEST_UTIL_H_

#include <chrono>
#include <cstdint>
#include <map>
#include <string>
#include <thread>
#include <utility>
#include <vector>

#include "absl/status/statusor.h"
#include "gtest/gtest.h"
#include "kg/graph/document_facts.h"
#include "kg/graph/values.h"
#include "kg/v1/types.pb.h"
#include "rocksdb/options.h"

namespace kg::graph::test {

// A fresh directory under the system temp dir, removed with everything in
// it when the object goes away.
class TempDir {
 public:
  TempDir();
  ~TempDir();
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;

  const std::string& path() const { return path_; }
  // A path inside the directory (not created).
  std::string Sub(const std::string& name) const { return path_ + "/" + name; }

 private:
  std::string path_;
};

kg::v1::Date MakeDate(int year, int month = 0, int day = 0);
kg::v1::Value DateValue(int year, int month = 0, int day = 0);
kg::v1::Value ListValue(const std::vector<kg::v1::Value>& values);

kg::v1::Source MakeSource(uint64_t start, uint64_t end,
                          const std::string& extractor = "test",
                          double confidence = 1.0);

kg::v1::Node MakeNode(const std::string& key, const std::string& label,
                      const std::string& name,
                      const std::vector<std::string>& aliases = {},
                      const std::map<std::string, kg::v1::Value>& props = {},
                      const std::vector<kg::v1::Source>& sources = {});

kg::v1::Edge MakeEdge(const std::string& src, const std::string& type,
                      const std::string& dst,
                      const std::map<std::string, kg::v1::Value>& props = {},
                      const std::vector<kg::v1::Source>& sources = {});

DocumentFacts MakeDocument(const std::string& key,
                           std::vector<kg::v1::Node> nodes,
                           std::vector<kg::v1::Edge> edges = {});

// Every key and value of every column family, by family name, and the last
// sequence number: two equal dumps mean nothing was written in between.
struct DbDump {
  std::map<std::string, std::vector<std::pair<std::string, std::string>>>
      families;
  uint64_t sequence = 0;

  bool operator==(const DbDump& o) const {
    return families == o.families && sequence == o.sequence;
  }
  // Number of key/value pairs in all families.
  size_t size() const;
};

// Options for opening a store's database read-only from a test: RocksDB
// otherwise starts 16 table-opening threads per column family on each open.
rocksdb::DBOptions ReadOnlyOptions();

// Runs `read` (which opens the database read-only) until it succeeds, at
// most a few times: a read-only open beside an open store can race with a
// compaction that deletes the files the manifest it read still lists.
template <typename T, typename Read>
absl::StatusOr<T> RetryWhileFilesMove(Read read) {
  absl::StatusOr<T> result = read();
  for (int attempt = 0; attempt < 20 && !result.ok(); ++attempt) {
    std::this_thread::sleep_for(std::chrono::milliseconds(50));
    result = read();
  }
  return result;
}

// Reads the database at `path` through a separate read-only instance (the
// store may stay open: it is not written to meanwhile in these tests).
absl::StatusOr<DbDump> DumpDatabase(const std::string& path);

// For EXPECT_TRUE / ASSERT_TRUE: the consistency check of the database at
// `path` (consistency_check.h) finds no fault, else the faults it found.
// The store may stay open if no commit runs meanwhile.
::testing::AssertionResult IsConsistent(const std::string& path);

// The source document keys of a fact, sorted and without repeats.
std::vector<std::string> SourceDocuments(
    const google::protobuf::RepeatedPtrField<kg::v1::Source>& sources);

}  // namespace kg::graph::test

#endif  // KG_TESTS_GRAPH_TEST_UTIL_H_
