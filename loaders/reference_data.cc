#include "kg/loaders/reference_data.h"

#include <algorithm>
#include <filesystem>
#include <system_error>
#include <vector>

#include "absl/status/status.h"
#include "absl/strings/str_cat.h"
#include "kg/loaders/commit_order.h"
#include "kg/loaders/jsonl_facts.h"

namespace kg::loaders {
namespace {

absl::StatusOr<std::vector<std::string>> JsonlFilesIn(const std::string& dir) {
  std::vector<std::string> paths;
  std::error_code error;
  for (std::filesystem::directory_iterator it(dir, error), end;
       !error && it != end; it.increment(error)) {
    if (it->path().extension() == ".jsonl" && it->is_regular_file(error)) {
      paths.push_back(it->path().string());
    }
  }
  if (error) {
    return absl::NotFoundError(
        absl::StrCat("reference data ", dir, ": ", error.message()));
  }
  std::sort(paths.begin(), paths.end());
  return paths;
}

}  // namespace

absl::StatusOr<ReferenceLoadSummary> LoadReferenceData(graph::GraphStore& store,
                                                       const std::string& dir) {
  absl::StatusOr<std::vector<std::string>> paths = JsonlFilesIn(dir);
  if (!paths.ok()) return paths.status();
  // Every file is parsed before anything is committed, so a malformed file
  // stops the load before it changes the store.
  std::vector<graph::DocumentFacts> documents;
  std::vector<size_t> file_of_document;
  for (size_t file = 0; file < paths->size(); ++file) {
    absl::StatusOr<std::vector<graph::DocumentFacts>> parsed =
        ReadJsonlFactsFile((*paths)[file]);
    if (!parsed.ok()) return parsed.status();
    for (graph::DocumentFacts& facts : *parsed) {
      documents.push_back(std::move(facts));
      file_of_document.push_back(file);
    }
  }
  const std::vector<absl::StatusOr<kg::v1::CommitSummary>> results =
      CommitInDependencyOrder(documents, [&store](const auto& facts) {
        return store.CommitDocument(facts);
      });
  std::vector<bool> changed(paths->size(), false);
  for (size_t i = 0; i < results.size(); ++i) {
    const std::string& path = (*paths)[file_of_document[i]];
    if (!results[i].ok()) {
      return absl::Status(results[i].status().code(),
                          absl::StrCat(path, ": ", documents[i].document_key,
                                       ": ", results[i].status().message()));
    }
    if (results[i]->changed()) changed[file_of_document[i]] = true;
  }
  ReferenceLoadSummary summary;
  summary.files = static_cast<int>(paths->size());
  summary.changed =
      static_cast<int>(std::count(changed.begin(), changed.end(), true));
  return summary;
}

}  // namespace kg::loaders
