// JSONL facts: the exchange format of the gold files, `kg import` and
// `kg dump` (see ../shared/gold/README.md), one JSON object a line:
//
//   {"kind":"node","key":"state:DEU","label":"State","name":"Germany",
//    "aliases":["FRG"],"props":{"m49":276},"evidence":"...",
//    "sources":[{"document_key":"doc:x","start":10,"end":20,
//                "extractor":"rule","confidence":0.9,"evidence":"..."}]}
//   {"kind":"edge","src":"state:DEU","type":"MEMBER_OF",
//    "dst":"network:wps-focal-points-network","props":{"as_of":"2018-05"}}
//
// A line without "sources" belongs to the file's own document,
// `doc:<file stem>`, with one source: that document, its "evidence" (if
// any), extractor "jsonl", confidence 1.
// A line with "sources" belongs to every document its sources name, so a
// dump re-imports into the same graph; its "evidence" is that of every
// source that gives none. Property values: JSON strings,
// integers, doubles, booleans and arrays; a string under a date key
// (from, to, as_of, date, start_date, end_date) or written
// {"$date":"2018-05"} is a date; {"$double":1} is a double with an
// integral value (json_value.h has every form).
#ifndef KG_LOADERS_JSONL_FACTS_H_
#define KG_LOADERS_JSONL_FACTS_H_

#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "kg/graph/document_facts.h"
#include "kg/v1/types.pb.h"

namespace kg::loaders {

// "doc:<stem>" for "/any/dir/<stem>.<ext>".
std::string DocumentKeyForPath(absl::string_view path);

// Parses JSONL text into one DocumentFacts per document, in order of first
// appearance. Errors are InvalidArgument and name `file_name` and the line:
// "gold.jsonl:12: edge has no \"dst\"". Blank lines are skipped.
absl::StatusOr<std::vector<graph::DocumentFacts>> ParseJsonlFacts(
    absl::string_view text, absl::string_view default_document_key,
    absl::string_view file_name);

// Reads and parses a file; its default document key is
// DocumentKeyForPath(path).
absl::StatusOr<std::vector<graph::DocumentFacts>> ReadJsonlFactsFile(
    const std::string& path);

// One JSONL line (no trailing newline) with every source, such that
// parsing it back gives the same fact.
std::string NodeToJsonl(const kg::v1::Node& node);
std::string EdgeToJsonl(const kg::v1::Edge& edge);

}  // namespace kg::loaders

#endif  // KG_LOADERS_JSONL_FACTS_H_
