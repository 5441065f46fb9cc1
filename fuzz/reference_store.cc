#include "reference_store.h"

#include <stdlib.h>

#include <filesystem>
#include <memory>
#include <string>

#include "absl/status/status.h"
#include "absl/strings/str_cat.h"
#include "fuzz_targets.h"
#include "kg/loaders/reference_data.h"
#include "kg/text/text_importer.h"

namespace kg::fuzz {
namespace {

// A store in its own temporary folder, closed and deleted on destruction.
class TempStore {
 public:
  TempStore() {
    std::string pattern =
        (std::filesystem::temp_directory_path() / "kg-fuzz-XXXXXX").string();
    Require(mkdtemp(pattern.data()) != nullptr, "cannot make a temp folder");
    dir_ = pattern;
    graph::StoreOptions options;
    options.sync_writes = false;
    absl::StatusOr<std::unique_ptr<graph::GraphStore>> store =
        graph::GraphStore::Open((dir_ / "db").string(), options);
    Require(store.ok(),
            absl::StrCat("cannot open a store: ", store.status().ToString()));
    store_ = *std::move(store);
    absl::StatusOr<loaders::ReferenceLoadSummary> loaded =
        loaders::LoadReferenceData(*store_, KG_REFERENCE_DIR);
    Require(loaded.ok(), absl::StrCat("cannot load the reference data: ",
                                      loaded.status().ToString()));
  }
  ~TempStore() {
    store_.reset();
    std::error_code ignored;
    std::filesystem::remove_all(dir_, ignored);
  }

  graph::GraphStore& store() { return *store_; }

 private:
  std::filesystem::path dir_;
  std::unique_ptr<graph::GraphStore> store_;
};

}  // namespace

const graph::GraphStore& ReferenceStore() {
  static TempStore store;
  return store.store();
}

const text::Gazetteer& ReferenceGazetteer() {
  static const text::Gazetteer gazetteer = [] {
    std::unique_ptr<graph::Snapshot> snapshot = ReferenceStore().NewSnapshot();
    absl::StatusOr<text::Gazetteer> made = text::GazetteerFromGraph(*snapshot);
    Require(made.ok(), absl::StrCat("cannot make the gazetteer: ",
                                    made.status().ToString()));
    return *std::move(made);
  }();
  return gazetteer;
}

graph::GraphStore& ScratchStore() {
  static TempStore store;
  return store.store();
}

}  // namespace kg::fuzz
