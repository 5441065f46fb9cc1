#include "kg/loaders/jsonl_facts.h"

#include <algorithm>
#include <cerrno>
#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>
#include <utility>
#include <variant>

#include "absl/status/status.h"
#include "absl/strings/ascii.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_split.h"
#include "absl/strings/strip.h"
#include "jsonl_line.h"

namespace kg::loaders {
namespace {

// Collects facts by document, documents in order of first appearance. A
// fact goes to every document its sources name, with that document's
// sources only.
class DocumentGrouper {
 public:
  explicit DocumentGrouper(absl::string_view default_key)
      : default_key_(default_key) {}

  void Add(kg::v1::Node node) {
    Distribute(std::move(node), &graph::DocumentFacts::nodes);
  }
  void Add(kg::v1::Edge edge) {
    Distribute(std::move(edge), &graph::DocumentFacts::edges);
  }

  std::vector<graph::DocumentFacts> Take() && { return std::move(documents_); }

 private:
  template <typename FactMessage>
  void Distribute(FactMessage fact,
                  std::vector<FactMessage> graph::DocumentFacts::*facts) {
    google::protobuf::RepeatedPtrField<kg::v1::Source> sources;
    sources.Swap(fact.mutable_sources());
    // (document index, index of the fact's copy in that document).
    std::vector<std::pair<size_t, size_t>> copies;
    for (kg::v1::Source& source : sources) {
      if (source.document_key().empty()) source.set_document_key(default_key_);
      const size_t document = DocumentIndex(source.document_key());
      std::vector<FactMessage>& list = documents_[document].*facts;
      auto copy = std::find_if(copies.begin(), copies.end(),
                               [&](auto& c) { return c.first == document; });
      if (copy == copies.end()) {
        list.push_back(fact);
        copy = copies.emplace(copies.end(), document, list.size() - 1);
      }
      *list[copy->second].add_sources() = std::move(source);
    }
  }

  size_t DocumentIndex(const std::string& key) {
    auto [it, inserted] = index_.emplace(key, documents_.size());
    if (inserted) documents_.push_back(graph::DocumentFacts{key, {}, {}});
    return it->second;
  }

  std::string default_key_;
  std::map<std::string, size_t> index_;
  std::vector<graph::DocumentFacts> documents_;
};

}  // namespace

std::string DocumentKeyForPath(absl::string_view path) {
  const size_t slash = path.rfind('/');
  absl::string_view name =
      slash == absl::string_view::npos ? path : path.substr(slash + 1);
  const size_t dot = name.rfind('.');
  if (dot != absl::string_view::npos && dot > 0) name = name.substr(0, dot);
  return absl::StrCat("doc:", name);
}

absl::StatusOr<std::vector<graph::DocumentFacts>> ParseJsonlFacts(
    absl::string_view text, absl::string_view default_document_key,
    absl::string_view file_name) {
  DocumentGrouper grouper(default_document_key);
  int line_number = 0;
  for (absl::string_view line : absl::StrSplit(text, '\n')) {
    ++line_number;
    line = absl::StripSuffix(line, "\r");
    if (line_number == 1) line = absl::StripPrefix(line, "\xEF\xBB\xBF");
    if (absl::StripAsciiWhitespace(line).empty()) continue;
    absl::StatusOr<Fact> fact = ParseFactLine(line);
    if (!fact.ok()) {
      return absl::InvalidArgumentError(absl::StrCat(
          file_name, ":", line_number, ": ", fact.status().message()));
    }
    std::visit([&grouper](auto& parsed) { grouper.Add(std::move(parsed)); },
               *fact);
  }
  return std::move(grouper).Take();
}

absl::StatusOr<std::vector<graph::DocumentFacts>> ReadJsonlFactsFile(
    const std::string& path) {
  std::error_code error;
  if (std::filesystem::is_directory(path, error)) {
    return absl::InvalidArgumentError(absl::StrCat(path, ": is a directory"));
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
  return ParseJsonlFacts(text.str(), DocumentKeyForPath(path), path);
}

}  // namespace kg::loaders
