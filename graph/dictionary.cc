#include "dictionary.h"

#include <memory>

#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "kg/graph/encoding.h"

namespace kg::graph {
namespace {

constexpr absl::string_view kDictPrefix = "dict/";

std::string EntryKey(DictKind kind, absl::string_view name) {
  return absl::StrCat(kDictPrefix, static_cast<int>(kind), "/", name);
}

}  // namespace

absl::Status Dictionary::Load(rocksdb::DB* db,
                              rocksdb::ColumnFamilyHandle* meta) {
  absl::MutexLock lock(&mu_);
  std::unique_ptr<rocksdb::Iterator> it(
      db->NewIterator(rocksdb::ReadOptions(), meta));
  for (it->Seek(std::string(kDictPrefix)); it->Valid(); it->Next()) {
    absl::string_view key(it->key().data(), it->key().size());
    if (!absl::StartsWith(key, kDictPrefix)) break;
    key.remove_prefix(kDictPrefix.size());
    absl::string_view value(it->value().data(), it->value().size());
    uint32_t id;
    int kind = key.empty() ? -1 : key[0] - '0';
    if (kind < 0 || kind > 2 || key.size() < 2 || key[1] != '/' ||
        !GetFixed32BE(&value, &id) || id == 0) {
      return absl::DataLossError("corrupt dictionary entry in meta");
    }
    std::string name(key.substr(2));
    Table& table = tables_[kind];
    if (table.names.size() < id) table.names.resize(id);
    table.names[id - 1] = name;
    table.ids[name] = id;
  }
  if (!it->status().ok()) return absl::InternalError(it->status().ToString());
  return absl::OkStatus();
}

std::optional<uint32_t> Dictionary::Find(DictKind kind,
                                         absl::string_view name) const {
  absl::ReaderMutexLock lock(&mu_);
  const Table& table = tables_[static_cast<int>(kind)];
  auto it = table.ids.find(name);
  if (it == table.ids.end()) return std::nullopt;
  return it->second;
}

std::string Dictionary::Name(DictKind kind, uint32_t id) const {
  absl::ReaderMutexLock lock(&mu_);
  const Table& table = tables_[static_cast<int>(kind)];
  if (id == 0 || id > table.names.size()) return "";
  return table.names[id - 1];
}

uint32_t Dictionary::Intern(
    DictKind kind, absl::string_view name, rocksdb::ColumnFamilyHandle* meta,
    rocksdb::WriteBatch* batch,
    std::vector<std::pair<DictKind, std::string>>* added) {
  absl::MutexLock lock(&mu_);
  Table& table = tables_[static_cast<int>(kind)];
  auto it = table.ids.find(name);
  if (it != table.ids.end()) return it->second;
  table.names.emplace_back(name);
  uint32_t id = static_cast<uint32_t>(table.names.size());
  table.ids.emplace(std::string(name), id);
  std::string value;
  PutFixed32BE(&value, id);
  batch->Put(meta, EntryKey(kind, name), value);
  added->emplace_back(kind, std::string(name));
  return id;
}

void Dictionary::Forget(
    const std::vector<std::pair<DictKind, std::string>>& added) {
  absl::MutexLock lock(&mu_);
  // Entries are appended in order, so undo in reverse.
  for (auto it = added.rbegin(); it != added.rend(); ++it) {
    Table& table = tables_[static_cast<int>(it->first)];
    table.ids.erase(it->second);
    table.names.pop_back();
  }
}

}  // namespace kg::graph
