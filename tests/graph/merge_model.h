// A model of the store's merge rules (record_view.h) for the consistency
// test: per fact, the assertions of the live documents in the order they
// first asserted it, and the view the store must show of it.
#ifndef KG_TESTS_GRAPH_MERGE_MODEL_H_
#define KG_TESTS_GRAPH_MERGE_MODEL_H_

#include <algorithm>
#include <map>
#include <ostream>
#include <set>
#include <string>
#include <vector>

#include "absl/strings/str_cat.h"
#include "kg/graph/document_facts.h"
#include "kg/v1/types.pb.h"
#include "test_util.h"

namespace kg::graph::test {

// What one document says about one fact (the engine's Assertion, minus
// sources).
struct ModelAssertion {
  std::string name;
  std::vector<std::string> aliases;
  std::map<std::string, std::string> props;  // Serialized values.
};

// The expected effective view of one fact.
struct ModelView {
  std::string name;
  std::vector<std::string> aliases;
  std::map<std::string, std::string> props;
  std::set<std::string> documents;
  bool operator==(const ModelView& o) const {
    return name == o.name && aliases == o.aliases && props == o.props &&
           documents == o.documents;
  }
};

inline std::ostream& operator<<(std::ostream& os, const ModelView& v) {
  os << "{name=\"" << v.name << "\" aliases=[";
  for (const std::string& a : v.aliases) os << "\"" << a << "\" ";
  os << "] props=[";
  for (const auto& [k, value] : v.props) {
    kg::v1::Value parsed;
    parsed.ParseFromString(value);
    os << k << ":" << parsed.ShortDebugString() << " ";
  }
  os << "] docs=[";
  for (const std::string& d : v.documents) os << d << " ";
  return os << "]}";
}

inline std::string TripleOf(const std::string& src, const std::string& type,
                            const std::string& dst) {
  return absl::StrCat(src, " -", type, "-> ", dst);
}

// The graph as the merge rules say it must be: per fact, the assertions of
// the live documents in the order they first asserted it.
class Model {
 public:
  // True when the engine must accept `facts` (edge ends known).
  bool EndsKnown(const DocumentFacts& facts) const {
    std::set<std::string> in_doc;
    for (const kg::v1::Node& n : facts.nodes) in_doc.insert(n.key());
    for (const kg::v1::Edge& e : facts.edges) {
      for (const std::string& end : {e.src_key(), e.dst_key()}) {
        if (!in_doc.count(end) && !node_order_.count(end)) return false;
      }
    }
    return true;
  }

  void Commit(const DocumentFacts& facts) {
    const std::string& doc = facts.document_key;
    std::map<std::string, ModelAssertion> nodes, edges;
    std::map<std::string, std::string> labels;
    for (const kg::v1::Node& n : facts.nodes) {
      ModelAssertion& a = nodes[n.key()];
      labels.emplace(n.key(), n.label());
      if (a.name.empty()) a.name = n.name();
      for (const std::string& alias : n.aliases()) {
        if (std::find(a.aliases.begin(), a.aliases.end(), alias) ==
            a.aliases.end()) {
          a.aliases.push_back(alias);
        }
      }
      for (const auto& [k, v] : n.props()) a.props[k] = v.SerializeAsString();
    }
    for (const kg::v1::Edge& e : facts.edges) {
      ModelAssertion& a = edges[TripleOf(e.src_key(), e.type(), e.dst_key())];
      for (const auto& [k, v] : e.props()) a.props[k] = v.SerializeAsString();
      // An edge end the document does not assert as a node gets an empty
      // assertion by the document.
      nodes.try_emplace(e.src_key());
      nodes.try_emplace(e.dst_key());
      edge_types_[TripleOf(e.src_key(), e.type(), e.dst_key())] = e.type();
    }
    for (const auto& [key, label] : labels) {
      if (!node_order_.count(key)) labels_[key] = label;
    }
    Replace(doc, nodes, &node_assertions_, &node_order_);
    Replace(doc, edges, &edge_assertions_, &edge_order_);
    if (nodes.empty() && edges.empty()) {
      documents_.erase(doc);
    } else {
      documents_[doc] = facts;
    }
  }

  void Remove(const std::string& doc) { Commit(MakeDocument(doc, {}, {})); }

  std::map<std::string, ModelView> NodeViews() const {
    return Views(node_assertions_, node_order_);
  }
  std::map<std::string, ModelView> EdgeViews() const {
    return Views(edge_assertions_, edge_order_);
  }
  const std::map<std::string, DocumentFacts>& documents() const {
    return documents_;
  }
  const std::string& label(const std::string& key) const {
    return labels_.at(key);
  }
  bool HasNode(const std::string& key) const { return node_order_.count(key); }
  std::map<std::string, uint64_t> EdgesByType() const {
    std::map<std::string, uint64_t> out;
    for (const auto& [triple, docs] : edge_order_)
      ++out[edge_types_.at(triple)];
    return out;
  }
  std::map<std::string, uint64_t> NodesByLabel() const {
    std::map<std::string, uint64_t> out;
    for (const auto& [key, docs] : node_order_) ++out[labels_.at(key)];
    return out;
  }

 private:
  using Assertions =
      std::map<std::string, std::map<std::string, ModelAssertion>>;  // fact ->
                                                                     // doc ->
  using Order = std::map<std::string, std::vector<std::string>>;

  static void Replace(const std::string& doc,
                      const std::map<std::string, ModelAssertion>& now,
                      Assertions* assertions, Order* order) {
    for (auto it = order->begin(); it != order->end();) {
      if (!now.count(it->first)) {
        auto& docs = it->second;
        docs.erase(std::remove(docs.begin(), docs.end(), doc), docs.end());
        (*assertions)[it->first].erase(doc);
        if (docs.empty()) {
          assertions->erase(it->first);
          it = order->erase(it);
          continue;
        }
      }
      ++it;
    }
    for (const auto& [fact, assertion] : now) {
      auto& docs = (*order)[fact];
      if (std::find(docs.begin(), docs.end(), doc) == docs.end()) {
        docs.push_back(doc);
      }
      (*assertions)[fact][doc] = assertion;
    }
  }

  static std::map<std::string, ModelView> Views(const Assertions& assertions,
                                                const Order& order) {
    std::map<std::string, ModelView> out;
    for (const auto& [fact, docs] : order) {
      ModelView& view = out[fact];
      const auto& by_doc = assertions.at(fact);
      for (const std::string& doc : docs) {
        view.documents.insert(doc);
        if (view.name.empty()) view.name = by_doc.at(doc).name;
      }
      std::set<std::string> seen = {view.name};
      for (const std::string& doc : docs) {
        const ModelAssertion& a = by_doc.at(doc);
        for (const std::string& alias : a.aliases) {
          if (seen.insert(alias).second) view.aliases.push_back(alias);
        }
        for (const auto& [k, v] : a.props) view.props[k] = v;
      }
    }
    return out;
  }

  std::map<std::string, DocumentFacts> documents_;
  Assertions node_assertions_, edge_assertions_;
  Order node_order_, edge_order_;
  std::map<std::string, std::string> labels_;
  std::map<std::string, std::string> edge_types_;
};

inline ModelView ViewOf(const kg::v1::Node& node) {
  ModelView v;
  v.name = node.name();
  v.aliases.assign(node.aliases().begin(), node.aliases().end());
  for (const auto& [k, value] : node.props()) {
    v.props[k] = value.SerializeAsString();
  }
  for (const kg::v1::Source& s : node.sources())
    v.documents.insert(s.document_key());
  return v;
}

inline ModelView ViewOf(const kg::v1::Edge& edge) {
  ModelView v;
  for (const auto& [k, value] : edge.props()) {
    v.props[k] = value.SerializeAsString();
  }
  for (const kg::v1::Source& s : edge.sources())
    v.documents.insert(s.document_key());
  return v;
}

}  // namespace kg::graph::test

#endif  // KG_TESTS_GRAPH_MERGE_MODEL_H_
