#include "kg/eval/gold.h"

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <optional>
#include <sstream>
#include <system_error>
#include <utility>

#include "absl/status/status.h"
#include "absl/strings/str_cat.h"
#include "kg/loaders/jsonl_facts.h"

namespace kg::eval {
namespace {

namespace fs = std::filesystem;

// The corpus text of the document whose gold file is `gold_file`.
std::optional<std::string> CorpusText(const fs::path& gold_file,
                                      const std::string& corpus_dir) {
  for (const char* extension : {".txt", ".md"}) {
    fs::path path = fs::path(corpus_dir) / gold_file.stem();
    path += extension;
    std::ifstream in(path, std::ios::binary);
    if (!in) continue;
    std::ostringstream text;
    text << in.rdbuf();
    return text.str();
  }
  return std::nullopt;
}

}  // namespace

absl::StatusOr<std::vector<GoldDocument>> ReadGold(
    const std::string& gold_dir, const std::string& corpus_dir) {
  std::vector<fs::path> files;
  std::error_code error;
  for (fs::directory_iterator it(gold_dir, error), end; !error && it != end;
       it.increment(error)) {
    if (it->path().extension() == ".jsonl") files.push_back(it->path());
  }
  if (error) {
    return absl::NotFoundError(absl::StrCat(gold_dir, ": ", error.message()));
  }
  if (files.empty()) {
    return absl::NotFoundError(
        absl::StrCat(gold_dir, ": no gold files (*.jsonl)"));
  }
  std::sort(files.begin(), files.end());
  std::vector<GoldDocument> gold;
  for (const fs::path& file : files) {
    absl::StatusOr<std::vector<graph::DocumentFacts>> parsed =
        loaders::ReadJsonlFactsFile(file.string());
    if (!parsed.ok()) return parsed.status();
    GoldDocument& document = gold.emplace_back();
    document.facts.document_key = loaders::DocumentKeyForPath(file.string());
    // A gold file is one document's facts, whatever sources its lines name.
    for (graph::DocumentFacts& facts : *parsed) {
      std::move(facts.nodes.begin(), facts.nodes.end(),
                std::back_inserter(document.facts.nodes));
      std::move(facts.edges.begin(), facts.edges.end(),
                std::back_inserter(document.facts.edges));
    }
    document.text = CorpusText(file, corpus_dir);
  }
  return gold;
}

}  // namespace kg::eval
