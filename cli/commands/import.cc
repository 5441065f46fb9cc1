// kg import FILE|DIR...: text documents, JSONL facts and CSV facts, each
// document atomically, into a running kg-server or, with --db, straight
// into a stopped database. A bad file is reported and skipped; the exit
// status says whether any failed.
#include <memory>
#include <string>
#include <vector>

#include "absl/strings/str_cat.h"
#include "commands/command.h"
#include "file_import.h"
#include "format.h"
#include "import_sink.h"
#include "kg/graph/encoding.h"
#include "kg/loaders/document_importer.h"

namespace kg::cli {
namespace {

// Options that describe one text document.
constexpr const char* kTextMetadataOptions[] = {"title", "date", "kind",
                                                "source-url"};

struct Tally {
  int imported = 0;
  int unchanged = 0;
  int failed = 0;
};

std::string FilesText(int count) {
  return absl::StrCat(count, count == 1 ? " file" : " files");
}

// InvalidArgument for options that do not fit the files or each other.
absl::Status CheckOptions(const ParsedArgs& args,
                          const std::vector<PlannedFile>& files) {
  for (const char* option : kTextMetadataOptions) {
    if (args.Has(option) &&
        (files.size() != 1 || !loaders::IsTextDocumentPath(files[0].path))) {
      return absl::InvalidArgumentError(absl::StrCat(
          "--", option, " applies to a single text document (.txt, .md)"));
    }
  }
  if (args.Has("key") && files.size() != 1) {
    return absl::InvalidArgumentError("--key applies to a single file");
  }
  if (args.Has("reference-dir") && !args.Has("db")) {
    return absl::InvalidArgumentError("--reference-dir applies with --db");
  }
  if (args.Has("date")) {
    absl::StatusOr<kg::v1::Date> date = graph::ParseDate(args.Value("date"));
    if (!date.ok()) {
      return absl::InvalidArgumentError(
          absl::StrCat("--date: ", date.status().message()));
    }
  }
  return absl::OkStatus();
}

text::TextDocument Metadata(const ParsedArgs& args) {
  text::TextDocument metadata;
  metadata.key = args.Value("key");
  metadata.title = args.Value("title");
  metadata.date = args.Value("date");
  metadata.kind = args.Value("kind");
  metadata.source_url = args.Value("source-url");
  return metadata;
}

absl::StatusOr<std::unique_ptr<ImportSink>> OpenSink(
    const ParsedArgs& args, const Connection& connection) {
  if (!args.Has("db")) return NewServerSink(connection);
  return OpenDatabaseSink(args.Value("db"),
                          args.Value("reference-dir", KG_REFERENCE_DIR));
}

// Imports one file, printing a line per document; says how it went.
void ImportOne(const PlannedFile& file, const std::string& progress,
               const text::TextDocument& metadata, ImportSink& sink,
               CommandContext& context, Tally* tally) {
  bool failed = false;
  bool changed = false;
  for (const absl::StatusOr<kg::v1::CommitSummary>& result :
       ImportFile(file, metadata, sink)) {
    if (!result.ok()) {
      failed = true;
      ReportError(result.status(), context.err);
      continue;
    }
    changed = changed || result->changed();
    context.out << (context.json ? MessageJson(*result)
                                 : progress + CommitSummaryText(*result))
                << "\n";
  }
  ++(failed ? tally->failed : changed ? tally->imported : tally->unchanged);
  // Progress shows as it happens, not when the buffer fills.
  context.out.flush();
}

int Run(const ParsedArgs& args, CommandContext& context) {
  const std::vector<PlannedFile> files = PlanImport(args.positional());
  if (const absl::Status options = CheckOptions(args, files); !options.ok()) {
    ReportError(options, context.err);
    return kExitUsage;
  }
  const text::TextDocument metadata = Metadata(args);
  absl::StatusOr<std::unique_ptr<ImportSink>> sink =
      OpenSink(args, context.connection);
  if (!sink.ok()) return ReportError(sink.status(), context.err);
  Tally tally;
  for (size_t i = 0; i < files.size(); ++i) {
    ImportOne(files[i], absl::StrCat("[", i + 1, "/", files.size(), "] "),
              metadata, **sink, context, &tally);
  }
  if (context.json) {
    context.out << "{\"imported\":" << tally.imported
                << ",\"unchanged\":" << tally.unchanged
                << ",\"failed\":" << tally.failed << "}\n";
  } else {
    context.out << FilesText(tally.imported) << " imported, " << tally.unchanged
                << " unchanged, " << tally.failed << " failed\n";
  }
  return tally.failed > 0 ? kExitFailure : kExitOk;
}

}  // namespace

Command ImportCommand() {
  return Command{
      "import",
      "FILE|DIR...",
      "Import text documents (.txt, .md), JSONL facts (.jsonl) and CSV "
      "facts (.csv), each document atomically; a directory imports every "
      "such file in it. Prints a line per document and a summary: files "
      "imported (changed), unchanged and failed.",
      {
          {"key", "KEY", false,
           "Document key of the single file (default doc:<file stem>)."},
          {"title", "TITLE", false, "Title of the single text document."},
          {"date", "DATE", false,
           "Date of the single text document (YYYY[-MM[-DD]])."},
          {"kind", "KIND", false, "Kind of the single text document."},
          {"source-url", "URL", false,
           "Source URL of the single text document."},
          {"db", "DIR", false,
           "Import into the stopped database in DIR instead of a server."},
          {"reference-dir", "DIR", false,
           absl::StrCat("With --db: reference data to load first (default ",
                        KG_REFERENCE_DIR, "; empty skips).")},
      },
      1,
      SIZE_MAX,
      Run};
}

}  // namespace kg::cli
