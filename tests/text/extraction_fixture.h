// Helpers of the text importer's tests: the shipped reference data as the
// gazetteer, extraction of a text or of a document of documents/, and the
// facts as sets to look up.
#ifndef KG_TESTS_TEXT_EXTRACTION_FIXTURE_H_
#define KG_TESTS_TEXT_EXTRACTION_FIXTURE_H_

#include <set>
#include <string>
#include <tuple>

#include "kg/graph/document_facts.h"
#include "kg/text/gazetteer.h"

namespace kg::text {

using Triple = std::tuple<std::string, std::string, std::string>;

// The shipped reference data as the gazetteer, as the server builds it
// from the graph.
const Gazetteer& ReferenceGazetteer();

// The facts of `text` read as the file `name`; checks that every source's
// span lies in the text and its evidence shows it.
graph::DocumentFacts ExtractText(const std::string& name,
                                 const std::string& text);

// The facts of the document `name` of documents/.
graph::DocumentFacts Extract(const std::string& name);

std::set<Triple> Edges(const graph::DocumentFacts& facts);
std::set<std::string> Keys(const graph::DocumentFacts& facts);
bool Has(const std::set<Triple>& edges, const std::string& src,
         const std::string& type, const std::string& dst);

}  // namespace kg::text

#endif  // KG_TESTS_TEXT_EXTRACTION_FIXTURE_H_
