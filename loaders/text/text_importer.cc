#include "kg/text/text_importer.h"

#include <algorithm>
#include <map>

#include "absl/container/flat_hash_set.h"
#include "absl/strings/ascii.h"
#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "kg/graph/encoding.h"
#include "kg/text/document_metadata.h"
#include "kg/text/entity_recognizer.h"
#include "kg/text/relation_rules.h"
#include "speaker_requests.h"

namespace kg::text {
namespace {

constexpr size_t kMaxEvidenceBytes = 400;

bool ValidUtf8(absl::string_view s) {
  size_t i = 0;
  while (i < s.size()) {
    unsigned char c = static_cast<unsigned char>(s[i]);
    size_t len = c < 0x80         ? 1
                 : (c >> 5) == 6  ? 2
                 : (c >> 4) == 14 ? 3
                 : (c >> 3) == 30 ? 4
                                  : 0;
    if (len == 0 || i + len > s.size() || (len == 2 && c < 0xc2)) return false;
    for (size_t k = 1; k < len; ++k) {
      if ((static_cast<unsigned char>(s[i + k]) & 0xc0) != 0x80) return false;
    }
    i += len;
  }
  return true;
}

// Accumulates the document's facts, one node per key and one edge per
// (src, type, dst), each with every span that supports it.
class FactSink {
 public:
  FactSink(absl::string_view text, std::string document_key,
           const Segmentation& segmentation)
      : text_(text), document_key_(std::move(document_key)) {
    for (const Block& block : segmentation.blocks) {
      sentences_.insert(sentences_.end(), block.sentences.begin(),
                        block.sentences.end());
    }
    std::sort(sentences_.begin(), sentences_.end(),
              [](const Span& a, const Span& b) { return a.start < b.start; });
  }

  kg::v1::Node& Node(const std::string& key, const std::string& label) {
    auto [it, inserted] = nodes_.try_emplace(key);
    if (inserted) {
      it->second.set_key(key);
      it->second.set_label(label);
      order_.push_back(key);
    }
    return it->second;
  }

  void AddSource(google::protobuf::RepeatedPtrField<kg::v1::Source>* sources,
                 const Span& span, const std::string& rule, double confidence) {
    kg::v1::Source* source = sources->Add();
    source->set_document_key(document_key_);
    source->set_start(span.start);
    source->set_end(span.end);
    source->set_extractor(absl::StrCat(kExtractorPrefix, rule));
    source->set_confidence(confidence);
    const Span evidence = EvidenceAround(span);
    source->set_evidence(std::string(text_.substr(
        evidence.start, std::min(evidence.size(), kMaxEvidenceBytes))));
  }

  kg::v1::Edge& Edge(const std::string& src, const std::string& type,
                     const std::string& dst) {
    auto [it, inserted] = edges_.try_emplace({src, type, dst});
    if (inserted) {
      it->second.set_src_key(src);
      it->second.set_type(type);
      it->second.set_dst_key(dst);
    }
    return it->second;
  }

  // The sentence that holds `span`, so that a reader sees a name or a fact
  // in its context; the span itself when it runs over sentences or its
  // sentence is longer than the evidence may be.
  Span EvidenceAround(const Span& span) const {
    auto after =
        std::upper_bound(sentences_.begin(), sentences_.end(), span.start,
                         [](size_t start, const Span& sentence) {
                           return start < sentence.start;
                         });
    if (after == sentences_.begin()) return span;
    const Span& sentence = *std::prev(after);
    if (!sentence.Contains(span) || sentence.size() > kMaxEvidenceBytes) {
      return span;
    }
    return sentence;
  }

  graph::DocumentFacts Facts() && {
    graph::DocumentFacts facts;
    facts.document_key = document_key_;
    for (const std::string& key : order_) {
      facts.nodes.push_back(std::move(nodes_[key]));
    }
    for (auto& [triple, edge] : edges_) facts.edges.push_back(std::move(edge));
    return facts;
  }

 private:
  absl::string_view text_;
  std::string document_key_;
  // Every sentence of the document, by start.
  std::vector<Span> sentences_;
  std::map<std::string, kg::v1::Node> nodes_;
  std::vector<std::string> order_;
  std::map<std::tuple<std::string, std::string, std::string>, kg::v1::Edge>
      edges_;
};

// Names read from text may run over a line break: one space for each run
// of white space.
std::string OneLine(absl::string_view text) {
  std::string out;
  bool space = false;
  for (char c : text) {
    if (absl::ascii_isspace(static_cast<unsigned char>(c))) {
      space = !out.empty();
      continue;
    }
    if (space) out.push_back(' ');
    space = false;
    out.push_back(c);
  }
  return out;
}

void AddAliases(const std::vector<std::string>& raw_aliases,
                kg::v1::Node* node) {
  for (const std::string& raw : raw_aliases) {
    std::string alias = OneLine(raw);
    if (alias == node->name()) continue;
    if (std::find(node->aliases().begin(), node->aliases().end(), alias) ==
        node->aliases().end()) {
      node->add_aliases(alias);
    }
  }
}

bool PropIsTrue(const kg::v1::Node& node, const std::string& prop) {
  auto it = node.props().find(prop);
  return it != node.props().end() && it->second.bool_value();
}

// A topic the reference data marks broad ("accountability",
// "partnerships") is a word of almost every text of the field: naming it
// does not make it a theme of the text.
bool IsBroadTopic(const kg::v1::Node& node) {
  return node.label() == "Topic" && PropIsTrue(node, "broad");
}

// A group named without its members ("Member States", "regional
// organizations") is an entity of the document only where the document
// addresses it: a relation uses it (a recommendation asks it) or a
// sentence asks it to act. Named in passing ("among member states") it
// is not. The keys of such groups to leave out.
absl::flat_hash_set<std::string> GroupsNamedInPassing(
    absl::string_view text, const Gazetteer& gazetteer,
    const std::vector<Mention>& mentions, const Relations& relations) {
  absl::flat_hash_set<std::string> passing;
  for (const Mention& m : mentions) {
    int entry = gazetteer.FindKey(m.key);
    if (entry >= 0 && gazetteer.entries()[entry].generic) passing.insert(m.key);
  }
  for (const FoundEdge& e : relations.edges) {
    passing.erase(e.src);
    passing.erase(e.dst);
  }
  for (const Mention& m : mentions) {
    if (passing.contains(m.key) && AskedToActAt(text, m.span))
      passing.erase(m.key);
  }
  return passing;
}

}  // namespace

absl::Status CheckDocumentText(absl::string_view text,
                               absl::string_view file_name) {
  auto bad = [&](absl::string_view why) {
    return absl::InvalidArgumentError(absl::StrCat(file_name, ": ", why));
  };
  if (text.empty()) return bad("the document is empty");
  if (text.size() > kMaxDocumentBytes) {
    return bad(absl::StrFormat("the document has %d bytes; the limit is %d",
                               text.size(), kMaxDocumentBytes));
  }
  if (text.find('\0') != absl::string_view::npos) {
    return bad("the document holds NUL bytes: not a text file");
  }
  if (!ValidUtf8(text)) return bad("the document is not valid UTF-8");
  return absl::OkStatus();
}

absl::StatusOr<Gazetteer> GazetteerFromGraph(graph::Snapshot& snapshot) {
  Gazetteer gazetteer;
  std::string cursor;
  do {
    absl::StatusOr<graph::NodePage> page =
        snapshot.ListNodes(graph::NodeQuery(), cursor, 1000);
    if (!page.ok()) return page.status();
    for (const kg::v1::Node& node : page->nodes) {
      bool curated = std::any_of(node.sources().begin(), node.sources().end(),
                                 [](const kg::v1::Source& s) {
                                   return !absl::StartsWith(s.extractor(),
                                                            kExtractorPrefix);
                                 });
      if (curated) AddKnownEntity(node, gazetteer);
    }
    cursor = page->next_cursor;
  } while (!cursor.empty());
  return gazetteer;
}

void AddKnownEntity(const kg::v1::Node& node, Gazetteer& gazetteer) {
  if (node.label() == "Document" || node.label() == "Commitment" ||
      IsBroadTopic(node)) {
    return;
  }
  int entry = gazetteer.AddEntry(node.key(), node.label(), node.name());
  if (PropIsTrue(node, "generic")) gazetteer.MarkGeneric(entry);
  gazetteer.AddSurface(entry, node.name(), true);
  for (const std::string& alias : node.aliases()) {
    gazetteer.AddSurface(entry, alias, false);
  }
}

bool EvidenceShowsSpan(absl::string_view text, const kg::v1::Source& source) {
  const std::string& evidence = source.evidence();
  for (size_t at = text.find(evidence);
       at != absl::string_view::npos && at <= source.start();
       at = text.find(evidence, at + 1)) {
    if (at == source.start() || at + evidence.size() >= source.end()) {
      return true;
    }
  }
  return false;
}

absl::StatusOr<graph::DocumentFacts> ExtractFacts(const TextDocument& document,
                                                  const Gazetteer& gazetteer) {
  if (absl::Status s = CheckDocumentText(document.text, document.file_name);
      !s.ok()) {
    return s;
  }
  absl::string_view text = document.text;
  Segmentation segmentation = Segment(text);
  absl::StatusOr<DocumentMetadata> metadata =
      ReadMetadata(document, segmentation);
  if (!metadata.ok()) return metadata.status();

  FactSink sink(text, metadata->key, segmentation);
  kg::v1::Node& doc = sink.Node(metadata->key, "Document");
  doc.set_name(OneLine(metadata->title));
  for (const auto& [name, value] : metadata->props) {
    (*doc.mutable_props())[name] = value;
  }
  sink.AddSource(doc.mutable_sources(), metadata->title_span, "document-title",
                 1.0);

  std::vector<Mention> mentions =
      EntityRecognizer(gazetteer).Recognize(text, segmentation);

  DocumentView view;
  view.text = text;
  view.document_key = metadata->key;
  view.slug = metadata->key.substr(metadata->key.find(':') + 1);
  view.date = metadata->props.count("date")
                  ? graph::FormatDate(metadata->props.at("date").date_value())
                  : "";
  view.kind = metadata->props.at("kind").string_value();
  view.title = metadata->title_span;
  view.segmentation = &segmentation;
  view.mentions = &mentions;
  Relations relations = ExtractRelations(view);
  const absl::flat_hash_set<std::string> passing =
      GroupsNamedInPassing(text, gazetteer, mentions, relations);
  for (const Mention& m : mentions) {
    if (m.key == metadata->key || passing.contains(m.key)) continue;
    kg::v1::Node& node = sink.Node(m.key, m.label);
    node.set_name(OneLine(m.name));
    AddAliases(m.aliases, &node);
    sink.AddSource(node.mutable_sources(), m.span, m.rule, m.confidence);
    kg::v1::Edge& mention = sink.Edge(metadata->key, "MENTIONS", m.key);
    sink.AddSource(mention.mutable_sources(), m.span, m.rule, m.confidence);
  }

  for (const FoundNode& found : relations.nodes) {
    kg::v1::Node& node = sink.Node(found.node.key(), found.node.label());
    if (node.name().empty()) node.set_name(OneLine(found.node.name()));
    AddAliases({found.node.aliases().begin(), found.node.aliases().end()},
               &node);
    for (const auto& [name, value] : found.node.props()) {
      (*node.mutable_props())[name] = value;
    }
    sink.AddSource(node.mutable_sources(), found.finding.evidence,
                   found.finding.rule, found.finding.confidence);
  }
  for (const FoundEdge& found : relations.edges) {
    kg::v1::Edge& edge = sink.Edge(found.src, found.type, found.dst);
    for (const auto& [name, value] : found.props) {
      (*edge.mutable_props())[name] = value;
    }
    sink.AddSource(edge.mutable_sources(), found.finding.evidence,
                   found.finding.rule, found.finding.confidence);
  }
  return std::move(sink).Facts();
}

}  // namespace kg::text
