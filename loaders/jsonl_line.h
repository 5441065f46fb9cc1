// One line of JSONL facts ↔ a Node or an Edge (the format is described in
// kg/loaders/jsonl_facts.h). Internal to kg_loaders.
#ifndef KG_LOADERS_JSONL_LINE_H_
#define KG_LOADERS_JSONL_LINE_H_

#include <variant>

#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "kg/v1/types.pb.h"

namespace kg::loaders {

using Fact = std::variant<kg::v1::Node, kg::v1::Edge>;

// The source a line without "sources" gets, besides its document and
// evidence: curated facts, read as written.
inline constexpr char kJsonlExtractor[] = "jsonl";
inline constexpr double kJsonlConfidence = 1.0;

// Parses one line. The fact always has at least one source; a source whose
// document the line does not name (no "sources", or a source without
// "document_key") has an empty document_key, for the caller to fill in.
// Errors are InvalidArgument and do not name the file or line.
absl::StatusOr<Fact> ParseFactLine(absl::string_view line);

}  // namespace kg::loaders

#endif  // KG_LOADERS_JSONL_LINE_H_
