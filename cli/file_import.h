// What `kg import` does with its arguments, whatever the sink: which files
// they name, in which order those commit, and how each file is read by its
// extension: a text document (.txt, .md), JSONL facts (.jsonl) or CSV facts
// (.csv).
#ifndef KG_CLI_FILE_IMPORT_H_
#define KG_CLI_FILE_IMPORT_H_

#include <string>
#include <vector>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "import_sink.h"
#include "kg/text/text_importer.h"
#include "kg/v1/ingest_service.pb.h"

namespace kg::cli {

struct PlannedFile {
  std::string path;
  // Set for a directory that could not be listed.
  absl::Status error;
};

// The files of `arguments` in the order to import them: a file as given, a
// directory as every .txt, .md, .jsonl and .csv file in it, sorted by name.
// CSV nodes files move to the front and CSV edges files to the back
// (otherwise keeping their order), so that edges find the nodes they link.
std::vector<PlannedFile> PlanImport(const std::vector<std::string>& arguments);

// The contents of a file to import. Errors name the file: it must exist,
// be a readable regular file and hold a document (text::CheckDocumentText:
// not empty, at most text::kMaxDocumentBytes, UTF-8 without NUL bytes).
absl::StatusOr<std::string> ReadImportFile(const std::string& path);

// Reads, checks and parses `file` and imports it with `sink`: one result
// per document of the file (a JSONL file may hold several), or one error
// when the file cannot be read. Every error names the file. `metadata`
// holds the document key, title, date, kind and source URL given for the
// file (its file_name and text are not used); title, date, kind and source
// URL apply to text documents only.
std::vector<absl::StatusOr<kg::v1::CommitSummary>> ImportFile(
    const PlannedFile& file, const text::TextDocument& metadata,
    ImportSink& sink);

}  // namespace kg::cli

#endif  // KG_CLI_FILE_IMPORT_H_
