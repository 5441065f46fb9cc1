#include "extraction_fixture.h"

#include <filesystem>
#include <fstream>
#include <sstream>

#include "gtest/gtest.h"
#include "kg/loaders/jsonl_facts.h"
#include "kg/text/text_importer.h"

namespace kg::text {

const Gazetteer& ReferenceGazetteer() {
  static const Gazetteer* gazetteer = [] {
    auto* g = new Gazetteer;
    for (const auto& file :
         std::filesystem::directory_iterator(KG_REFERENCE_DIR)) {
      auto docs = loaders::ReadJsonlFactsFile(file.path().string());
      EXPECT_TRUE(docs.ok()) << docs.status();
      if (!docs.ok()) continue;
      for (const graph::DocumentFacts& doc : *docs) {
        for (const kg::v1::Node& node : doc.nodes) AddKnownEntity(node, *g);
      }
    }
    return g;
  }();
  return *gazetteer;
}

graph::DocumentFacts ExtractText(const std::string& name,
                                 const std::string& text) {
  TextDocument doc;
  doc.file_name = name;
  doc.text = text;
  absl::StatusOr<graph::DocumentFacts> facts =
      ExtractFacts(doc, ReferenceGazetteer());
  if (!facts.ok()) {
    ADD_FAILURE() << name << ": " << facts.status();
    return {};
  }
  // Every source's span lies in the text and its evidence shows it.
  for (const kg::v1::Node& node : facts->nodes) {
    for (const kg::v1::Source& s : node.sources()) {
      EXPECT_LE(s.end(), doc.text.size());
      EXPECT_TRUE(EvidenceShowsSpan(doc.text, s))
          << node.key() << ": " << s.evidence();
      EXPECT_EQ(s.document_key(), facts->document_key);
    }
  }
  return *std::move(facts);
}

graph::DocumentFacts Extract(const std::string& name) {
  const std::string path = std::string(KG_TEXT_DOCUMENTS) + "/" + name;
  std::ifstream in(path);
  if (!in.is_open()) {
    ADD_FAILURE() << "cannot open " << path;
    return {};
  }
  std::stringstream text;
  text << in.rdbuf();
  return ExtractText(name, text.str());
}

std::set<Triple> Edges(const graph::DocumentFacts& facts) {
  std::set<Triple> out;
  for (const kg::v1::Edge& e : facts.edges) {
    out.insert({e.src_key(), e.type(), e.dst_key()});
  }
  return out;
}

std::set<std::string> Keys(const graph::DocumentFacts& facts) {
  std::set<std::string> out;
  for (const kg::v1::Node& n : facts.nodes) out.insert(n.key());
  return out;
}

bool Has(const std::set<Triple>& edges, const std::string& src,
         const std::string& type, const std::string& dst) {
  return edges.count({src, type, dst}) > 0;
}

}  // namespace kg::text
