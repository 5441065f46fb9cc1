#include "test_util.h"

#include <stdlib.h>

#include <algorithm>
#include <filesystem>
#include <memory>
#include <stdexcept>
#include <thread>

#include "absl/strings/str_cat.h"
#include "kg/graph/consistency_check.h"
#include "rocksdb/db.h"
#include "schema.h"

namespace kg::graph::test {

TempDir::TempDir() {
  std::string tmpl =
      (std::filesystem::temp_directory_path() / "kg-graph-test-XXXXXX")
          .string();
  if (mkdtemp(tmpl.data()) == nullptr) {
    throw std::runtime_error("mkdtemp failed for " + tmpl);
  }
  path_ = tmpl;
}

TempDir::~TempDir() {
  std::error_code ignored;
  std::filesystem::remove_all(path_, ignored);
}

kg::v1::Date MakeDate(int year, int month, int day) {
  kg::v1::Date date;
  date.set_year(year);
  date.set_month(month);
  date.set_day(day);
  return date;
}

kg::v1::Value DateValue(int year, int month, int day) {
  kg::v1::Value v;
  *v.mutable_date_value() = MakeDate(year, month, day);
  return v;
}

kg::v1::Value ListValue(const std::vector<kg::v1::Value>& values) {
  kg::v1::Value v;
  v.mutable_list_value();  // Set even when empty.
  for (const kg::v1::Value& item : values) {
    *v.mutable_list_value()->add_values() = item;
  }
  return v;
}

kg::v1::Source MakeSource(uint64_t start, uint64_t end,
                          const std::string& extractor, double confidence) {
  kg::v1::Source s;
  s.set_start(start);
  s.set_end(end);
  s.set_extractor(extractor);
  s.set_confidence(confidence);
  return s;
}

kg::v1::Node MakeNode(const std::string& key, const std::string& label,
                      const std::string& name,
                      const std::vector<std::string>& aliases,
                      const std::map<std::string, kg::v1::Value>& props,
                      const std::vector<kg::v1::Source>& sources) {
  kg::v1::Node node;
  node.set_key(key);
  node.set_label(label);
  node.set_name(name);
  for (const std::string& alias : aliases) node.add_aliases(alias);
  for (const auto& [prop, value] : props) (*node.mutable_props())[prop] = value;
  for (const kg::v1::Source& source : sources) *node.add_sources() = source;
  return node;
}

kg::v1::Edge MakeEdge(const std::string& src, const std::string& type,
                      const std::string& dst,
                      const std::map<std::string, kg::v1::Value>& props,
                      const std::vector<kg::v1::Source>& sources) {
  kg::v1::Edge edge;
  edge.set_src_key(src);
  edge.set_type(type);
  edge.set_dst_key(dst);
  for (const auto& [prop, value] : props) (*edge.mutable_props())[prop] = value;
  for (const kg::v1::Source& source : sources) *edge.add_sources() = source;
  return edge;
}

DocumentFacts MakeDocument(const std::string& key,
                           std::vector<kg::v1::Node> nodes,
                           std::vector<kg::v1::Edge> edges) {
  DocumentFacts facts;
  facts.document_key = key;
  facts.nodes = std::move(nodes);
  facts.edges = std::move(edges);
  return facts;
}

size_t DbDump::size() const {
  size_t n = 0;
  for (const auto& [name, entries] : families) n += entries.size();
  return n;
}

rocksdb::DBOptions ReadOnlyOptions() {
  rocksdb::DBOptions options;
  options.max_file_opening_threads = 1;
  return options;
}

namespace {

absl::StatusOr<DbDump> DumpOnce(const std::string& path) {
  std::vector<rocksdb::ColumnFamilyHandle*> handles;
  rocksdb::DB* raw = nullptr;
  std::vector<rocksdb::ColumnFamilyDescriptor> descriptors =
      schema::FamilyDescriptors(StoreOptions());
  rocksdb::Status s = rocksdb::DB::OpenForReadOnly(ReadOnlyOptions(), path,
                                                   descriptors, &handles, &raw);
  if (!s.ok()) return absl::InternalError(s.ToString());
  DbDump dump;
  dump.sequence = raw->GetLatestSequenceNumber();
  for (size_t f = 0; f < handles.size(); ++f) {
    rocksdb::ReadOptions options;
    options.total_order_seek = true;
    std::unique_ptr<rocksdb::Iterator> it(
        raw->NewIterator(options, handles[f]));
    auto& entries = dump.families[descriptors[f].name];
    for (it->SeekToFirst(); it->Valid(); it->Next()) {
      entries.emplace_back(it->key().ToString(), it->value().ToString());
    }
    if (!it->status().ok()) s = it->status();
  }
  for (rocksdb::ColumnFamilyHandle* handle : handles) {
    raw->DestroyColumnFamilyHandle(handle);
  }
  delete raw;
  if (!s.ok()) return absl::InternalError(s.ToString());
  return dump;
}

}  // namespace

absl::StatusOr<DbDump> DumpDatabase(const std::string& path) {
  return RetryWhileFilesMove<DbDump>([&] { return DumpOnce(path); });
}

::testing::AssertionResult IsConsistent(const std::string& path) {
  absl::StatusOr<ConsistencyReport> report =
      RetryWhileFilesMove<ConsistencyReport>(
          [&] { return CheckDatabase(path); });
  if (!report.ok()) {
    return ::testing::AssertionFailure() << report.status();
  }
  if (report->ok()) return ::testing::AssertionSuccess();
  ::testing::AssertionResult failure = ::testing::AssertionFailure();
  failure << report->faults.size() << " faults:";
  for (const Fault& fault : report->faults) {
    failure << "\n  " << FaultKindName(fault.kind) << ": " << fault.detail;
  }
  return failure;
}

std::vector<std::string> SourceDocuments(
    const google::protobuf::RepeatedPtrField<kg::v1::Source>& sources) {
  std::vector<std::string> out;
  for (const kg::v1::Source& source : sources) {
    out.push_back(source.document_key());
  }
  std::sort(out.begin(), out.end());
  out.erase(std::unique(out.begin(), out.end()), out.end());
  return out;
}

}  // namespace kg::graph::test
