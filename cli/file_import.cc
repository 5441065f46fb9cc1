#include "file_import.h"

#include <algorithm>
#include <cerrno>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <system_error>
#include <utility>

#include "absl/strings/ascii.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "kg/loaders/commit_order.h"
#include "kg/loaders/csv_facts.h"
#include "kg/loaders/document_importer.h"
#include "kg/loaders/jsonl_facts.h"

namespace kg::cli {
namespace {

using Result = absl::StatusOr<kg::v1::CommitSummary>;

enum class FileFormat { kText, kJsonl, kCsv, kUnsupported };

FileFormat FormatOf(const std::string& path) {
  if (loaders::IsTextDocumentPath(path)) return FileFormat::kText;
  const std::string extension =
      absl::AsciiStrToLower(std::filesystem::path(path).extension().string());
  if (extension == ".jsonl") return FileFormat::kJsonl;
  if (extension == ".csv") return FileFormat::kCsv;
  return FileFormat::kUnsupported;
}

// Where a file goes in the import order: CSV nodes files first, CSV edges
// files last. An unreadable CSV file stays in place; importing it reports
// why.
int OrderRank(const PlannedFile& file) {
  constexpr int kNodes = 0, kOther = 1, kEdges = 2;
  if (!file.error.ok() || FormatOf(file.path) != FileFormat::kCsv) {
    return kOther;
  }
  const absl::StatusOr<std::string> text = ReadImportFile(file.path);
  if (!text.ok()) return kOther;
  const absl::StatusOr<loaders::CsvFileKind> kind =
      loaders::CsvKindOf(*text, file.path);
  if (!kind.ok()) return kOther;
  return *kind == loaders::CsvFileKind::kNodes ? kNodes : kEdges;
}

void AddDirectory(const std::string& dir, std::vector<PlannedFile>* files) {
  std::vector<std::string> paths;
  std::error_code error;
  for (std::filesystem::directory_iterator it(dir, error), end;
       !error && it != end; it.increment(error)) {
    const std::string path = it->path().string();
    if (FormatOf(path) != FileFormat::kUnsupported) paths.push_back(path);
  }
  if (error) {
    files->push_back(
        {dir, absl::NotFoundError(absl::StrCat(dir, ": ", error.message()))});
    return;
  }
  std::sort(paths.begin(), paths.end());
  for (std::string& path : paths) files->push_back({std::move(path), {}});
}

// A commit's error, naming the file and document it came from.
Result InContext(Result result, const std::string& path,
                 const std::string& document_key) {
  if (result.ok()) return result;
  return absl::Status(
      result.status().code(),
      absl::StrCat(path, ": ", document_key, ": ", result.status().message()));
}

absl::Status NoFacts(const std::string& path) {
  return absl::InvalidArgumentError(absl::StrCat(path, ": holds no facts"));
}

std::vector<Result> ImportJsonl(const std::string& path,
                                const std::string& text,
                                const std::string& default_key,
                                ImportSink& sink) {
  absl::StatusOr<std::vector<graph::DocumentFacts>> documents =
      loaders::ParseJsonlFacts(text, default_key, path);
  if (!documents.ok()) return {documents.status()};
  if (documents->empty()) return {NoFacts(path)};
  std::vector<Result> results = loaders::CommitInDependencyOrder(
      *documents, [&sink](const graph::DocumentFacts& facts) {
        return sink.ImportFacts(facts);
      });
  for (size_t i = 0; i < results.size(); ++i) {
    results[i] =
        InContext(std::move(results[i]), path, (*documents)[i].document_key);
  }
  return results;
}

Result ImportCsv(const std::string& path, const std::string& text,
                 const std::string& key, ImportSink& sink) {
  absl::StatusOr<graph::DocumentFacts> facts =
      loaders::ParseCsvFacts(text, key, path);
  if (!facts.ok()) return facts.status();
  if (facts->nodes.empty() && facts->edges.empty()) return NoFacts(path);
  return InContext(sink.ImportFacts(*facts), path, key);
}

Result ImportText(const std::string& path, std::string text,
                  const text::TextDocument& metadata, ImportSink& sink) {
  text::TextDocument document = metadata;
  // The server sees the file's name, not where it lives on this machine.
  document.file_name = std::filesystem::path(path).filename().string();
  document.text = std::move(text);
  return InContext(sink.ImportText(document), path,
                   text::DocumentKeyOf(document));
}

}  // namespace

std::vector<PlannedFile> PlanImport(const std::vector<std::string>& arguments) {
  std::vector<PlannedFile> files;
  for (const std::string& argument : arguments) {
    std::error_code error;
    if (std::filesystem::is_directory(argument, error)) {
      AddDirectory(argument, &files);
    } else {
      files.push_back({argument, {}});
    }
  }
  std::vector<std::pair<int, PlannedFile>> ranked;
  for (PlannedFile& file : files) {
    const int rank = OrderRank(file);
    ranked.emplace_back(rank, std::move(file));
  }
  std::stable_sort(
      ranked.begin(), ranked.end(),
      [](const auto& a, const auto& b) { return a.first < b.first; });
  files.clear();
  for (auto& [rank, file] : ranked) files.push_back(std::move(file));
  return files;
}

absl::StatusOr<std::string> ReadImportFile(const std::string& path) {
  std::error_code error;
  const std::filesystem::file_status status =
      std::filesystem::status(path, error);
  if (error) {
    return absl::NotFoundError(absl::StrCat(path, ": ", error.message()));
  }
  if (!std::filesystem::is_regular_file(status)) {
    return absl::InvalidArgumentError(
        absl::StrCat(path, ": not a regular file"));
  }
  // Checked before reading, so that a huge file is refused without being
  // read into memory.
  const uintmax_t size = std::filesystem::file_size(path, error);
  if (!error && size > text::kMaxDocumentBytes) {
    return absl::InvalidArgumentError(
        absl::StrFormat("%s: the file has %d bytes; the limit is %d", path,
                        size, text::kMaxDocumentBytes));
  }
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    const int code = errno;
    return absl::ErrnoToStatus(code, path);
  }
  std::ostringstream text;
  text << in.rdbuf();
  if (in.bad()) {
    return absl::DataLossError(absl::StrCat(path, ": read failed"));
  }
  std::string contents = text.str();
  absl::Status valid = text::CheckDocumentText(contents, path);
  if (!valid.ok()) return valid;
  return contents;
}

std::vector<Result> ImportFile(const PlannedFile& file,
                               const text::TextDocument& metadata,
                               ImportSink& sink) {
  if (!file.error.ok()) return {file.error};
  const FileFormat format = FormatOf(file.path);
  if (format == FileFormat::kUnsupported) {
    return {absl::InvalidArgumentError(absl::StrCat(
        file.path, ": not a file kg import reads (.txt, .md, .jsonl, .csv)"))};
  }
  absl::StatusOr<std::string> text = ReadImportFile(file.path);
  if (!text.ok()) return {text.status()};
  const std::string key = metadata.key.empty()
                              ? loaders::DocumentKeyForPath(file.path)
                              : metadata.key;
  if (format == FileFormat::kText) {
    return {ImportText(file.path, *std::move(text), metadata, sink)};
  }
  if (format == FileFormat::kJsonl) {
    return ImportJsonl(file.path, *text, key, sink);
  }
  return {ImportCsv(file.path, *text, key, sink)};
}

}  // namespace kg::cli
