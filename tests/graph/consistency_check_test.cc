// The consistency check (kg/graph/consistency_check.h) finds damage: each
// case writes raw bad entries into one column family of a copy of a
// consistent database, through RocksDB directly, and expects a fault of
// the kind that damage is.
#include "kg/graph/consistency_check.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <filesystem>
#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "absl/strings/str_cat.h"
#include "kg/graph/graph_store.h"
#include "records.pb.h"
#include "rocksdb/db.h"
#include "schema.h"
#include "test_util.h"

namespace kg::graph {
namespace {

using ::testing::Contains;
using ::testing::Field;

// Node ids 1 and 2, edge id 1 between them, all asserted by doc:a.
void WriteConsistentDatabase(const std::string& path) {
  absl::StatusOr<std::unique_ptr<GraphStore>> store = GraphStore::Open(path);
  ASSERT_TRUE(store.ok()) << store.status();
  absl::StatusOr<kg::v1::CommitSummary> s =
      (*store)->CommitDocument(test::MakeDocument(
          "doc:a",
          {test::MakeNode("state:DEU", "State", "Germany", {"DE"},
                          {{"m49", IntValue(276)}}),
           test::MakeNode("network:fpn", "Network", "FPN")},
          {test::MakeEdge("state:DEU", "MEMBER_OF", "network:fpn")}));
  ASSERT_TRUE(s.ok()) << s.status();
  absl::StatusOr<ConsistencyReport> live = (*store)->CheckConsistency();
  ASSERT_TRUE(live.ok()) << live.status();
  EXPECT_TRUE(live->ok());
  EXPECT_EQ(live->nodes_checked, 2);
  EXPECT_EQ(live->edges_checked, 1);
}

// The database at `path` opened with RocksDB alone.
class RawDb {
 public:
  explicit RawDb(const std::string& path) {
    rocksdb::Status s = rocksdb::DB::Open(
        rocksdb::DBOptions(), path, schema::FamilyDescriptors(StoreOptions()),
        &handles_, &db_);
    EXPECT_TRUE(s.ok()) << s.ToString();
  }
  ~RawDb() {
    for (rocksdb::ColumnFamilyHandle* h : handles_) {
      db_->DestroyColumnFamilyHandle(h);
    }
    delete db_;
  }

  void Put(schema::Family f, const std::string& key, const std::string& value) {
    ASSERT_TRUE(
        db_->Put(rocksdb::WriteOptions(), handles_[f], key, value).ok());
  }
  void Delete(schema::Family f, const std::string& key) {
    ASSERT_TRUE(db_->Delete(rocksdb::WriteOptions(), handles_[f], key).ok());
  }
  void AddToCounter(const std::string& key, int64_t delta) {
    ASSERT_TRUE(db_->Merge(rocksdb::WriteOptions(), handles_[schema::kMeta],
                           key, schema::EncodeCounter(delta))
                    .ok());
  }
  // The first key of family `f`.
  std::string First(schema::Family f) {
    rocksdb::ReadOptions options;
    options.total_order_seek = true;
    std::unique_ptr<rocksdb::Iterator> it(
        db_->NewIterator(options, handles_[f]));
    it->SeekToFirst();
    EXPECT_TRUE(it->Valid());
    return it->Valid() ? it->key().ToString() : "";
  }
  std::string Get(schema::Family f, const std::string& key) {
    std::string value;
    EXPECT_TRUE(
        db_->Get(rocksdb::ReadOptions(), handles_[f], key, &value).ok());
    return value;
  }

 private:
  rocksdb::DB* db_ = nullptr;
  std::vector<rocksdb::ColumnFamilyHandle*> handles_;
};

struct Damage {
  std::string name;
  FaultKind expected;
  std::function<void(RawDb&)> apply;
};

std::vector<Damage> Damages() {
  const uint32_t member_of = 1;  // The first edge type interned.
  return {
      {"edge to a missing node", FaultKind::kEdgeEndMissing,
       [](RawDb& db) {
         kg::storage::EdgeRecord edge;
         edge.ParseFromString(db.Get(schema::kEdges, schema::IdKey(1)));
         edge.set_dst(99);
         db.Put(schema::kEdges, schema::IdKey(1), edge.SerializeAsString());
       }},
      {"in entry of an edge deleted", FaultKind::kAdjacencyMismatch,
       [&](RawDb& db) {
         db.Delete(schema::kAdj,
                   schema::AdjKey({2, schema::kIn, member_of, 1}));
       }},
      {"adj entry naming no edge", FaultKind::kDanglingIndexEntry,
       [&](RawDb& db) {
         db.Put(schema::kAdj, schema::AdjKey({2, schema::kOut, member_of, 1}),
                schema::IdKey(42));
       }},
      {"keys entry naming no node", FaultKind::kDanglingIndexEntry,
       [](RawDb& db) {
         db.Put(schema::kKeys, "state:FRA", schema::IdKey(77));
       }},
      {"stray names entry", FaultKind::kDanglingIndexEntry,
       [](RawDb& db) { db.Put(schema::kNames, schema::NameKey("x", 5), ""); }},
      {"stray labels entry", FaultKind::kDanglingIndexEntry,
       [](RawDb& db) { db.Put(schema::kLabels, schema::LabelKey(7, 1), ""); }},
      {"stray doc_facts entry", FaultKind::kDanglingIndexEntry,
       [](RawDb& db) {
         db.Put(schema::kDocFacts,
                schema::DocFactKey("doc:b", schema::kNodeFact, 1), "");
       }},
      {"keys entry deleted", FaultKind::kRecordNotIndexed,
       [](RawDb& db) { db.Delete(schema::kKeys, db.First(schema::kKeys)); }},
      {"labels entry deleted", FaultKind::kRecordNotIndexed,
       [](RawDb& db) {
         db.Delete(schema::kLabels, db.First(schema::kLabels));
       }},
      {"names entry deleted", FaultKind::kRecordNotIndexed,
       [](RawDb& db) { db.Delete(schema::kNames, db.First(schema::kNames)); }},
      {"props entry deleted", FaultKind::kRecordNotIndexed,
       [](RawDb& db) { db.Delete(schema::kProps, db.First(schema::kProps)); }},
      {"doc_facts entry deleted", FaultKind::kRecordNotIndexed,
       [](RawDb& db) {
         db.Delete(schema::kDocFacts, db.First(schema::kDocFacts));
       }},
      {"degree counter off by one", FaultKind::kCounterMismatch,
       [&](RawDb& db) {
         db.AddToCounter(schema::DegreeKey(1, schema::kOut, member_of), 1);
       }},
      {"label counter off by one", FaultKind::kCounterMismatch,
       [](RawDb& db) { db.AddToCounter(schema::LabelCountKey(1), -1); }},
      {"next node id behind", FaultKind::kCounterMismatch,
       [](RawDb& db) {
         db.Put(schema::kMeta, std::string(schema::kNextNodeIdKey),
                schema::IdKey(1));
       }},
      {"node whose sources are gone", FaultKind::kFactWithoutSource,
       [](RawDb& db) {
         kg::storage::NodeRecord node;
         node.ParseFromString(db.Get(schema::kNodes, schema::IdKey(2)));
         node.mutable_assertions(0)->clear_sources();
         db.Put(schema::kNodes, schema::IdKey(2), node.SerializeAsString());
       }},
      {"edge with no assertion", FaultKind::kFactWithoutSource,
       [](RawDb& db) {
         kg::storage::EdgeRecord edge;
         edge.ParseFromString(db.Get(schema::kEdges, schema::IdKey(1)));
         edge.clear_assertions();
         db.Put(schema::kEdges, schema::IdKey(1), edge.SerializeAsString());
       }},
      {"node record that does not parse", FaultKind::kCorruptEntry,
       [](RawDb& db) {
         db.Put(schema::kNodes, schema::IdKey(2), std::string("\xff\xff", 2));
       }},
      {"entry in the default family", FaultKind::kCorruptEntry,
       [](RawDb& db) { db.Put(schema::kDefault, "stray", "x"); }},
  };
}

TEST(ConsistencyCheckTest, ReportsEachKindOfDamage) {
  test::TempDir dir;
  const std::string path = dir.Sub("db");
  WriteConsistentDatabase(path);
  ASSERT_TRUE(test::IsConsistent(path));

  for (const Damage& damage : Damages()) {
    SCOPED_TRACE(damage.name);
    test::TempDir copy_dir;
    const std::string copy = copy_dir.Sub("db");
    std::filesystem::copy(path, copy, std::filesystem::copy_options::recursive);
    {
      RawDb db(copy);
      damage.apply(db);
    }
    absl::StatusOr<ConsistencyReport> report = CheckDatabase(copy);
    ASSERT_TRUE(report.ok()) << report.status();
    EXPECT_FALSE(report->ok());
    EXPECT_THAT(report->faults, Contains(Field(&Fault::kind, damage.expected)))
        << "expected " << FaultKindName(damage.expected) << "; "
        << test::IsConsistent(copy).message();
  }
}

TEST(ConsistencyCheckTest, MissingDatabaseIsAnError) {
  test::TempDir dir;
  absl::StatusOr<ConsistencyReport> report = CheckDatabase(dir.Sub("none"));
  EXPECT_EQ(report.status().code(), absl::StatusCode::kFailedPrecondition);
}

}  // namespace
}  // namespace kg::graph
