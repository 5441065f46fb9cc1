// CSV facts: bulk nodes or edges in RFC 4180 CSV, one document a file.
//
// The header row says what the file holds. A nodes file has the columns
// `key` and `label`, optionally `name` and `aliases` (several separated by
// `|`); an edges file has `src`, `type` and `dst`. Either may have an
// `evidence` column (the evidence of the row's source) and any other
// columns, which become properties: strings, unless the header types them
// as `NAME:int`, `NAME:double`, `NAME:bool` or `NAME:date` (an untyped
// column under a date key such as `from` or `as_of` holds dates, as in
// JSONL facts). An empty cell sets no property.
//
//   key,label,name,aliases,m49:int
//   state:DEU,State,Germany,Federal Republic of Germany|FRG,276
//
// Every fact gets one source: the document, extractor "csv", confidence 1.
#ifndef KG_LOADERS_CSV_FACTS_H_
#define KG_LOADERS_CSV_FACTS_H_

#include <string>

#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "kg/graph/document_facts.h"

namespace kg::loaders {

enum class CsvFileKind { kNodes, kEdges };

// What a CSV file holds, read from the header row at the start of `text`
// (the rest of the text may be missing). Errors as for ParseCsvFacts.
absl::StatusOr<CsvFileKind> CsvKindOf(absl::string_view text,
                                      absl::string_view file_name);

// Parses UTF-8 CSV text into the facts of the document `document_key`.
// Errors are InvalidArgument and name `file_name` and the line where the
// faulty row starts: "nodes.csv:7: expected 4 fields, got 3".
absl::StatusOr<graph::DocumentFacts> ParseCsvFacts(
    absl::string_view text, absl::string_view document_key,
    absl::string_view file_name);

}  // namespace kg::loaders

#endif  // KG_LOADERS_CSV_FACTS_H_
