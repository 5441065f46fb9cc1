#include "marked_imports.h"

#include <set>
#include <utility>

#include "absl/strings/str_cat.h"
#include "kg/graph/values.h"

namespace kg::tools {
namespace {

// Nodes in a facts import's chain.
constexpr int kChainLength = 4;

// Read by the text loader into a handful of entities and relations.
constexpr char kMarkedText[] =
    "# Women peacekeepers in South Sudan\n\n"
    "Ghana deployed a female engagement team to the United Nations Mission "
    "in South Sudan (UNMISS), which the Security Council mandated in "
    "resolution 1996 (2011). Rwanda and Zambia joined the Elsie Initiative "
    "for Women in Peace Operations.\n";

std::unique_ptr<grpc::ClientContext> ContextWithin(absl::Duration timeout) {
  auto context = std::make_unique<grpc::ClientContext>();
  context->set_deadline(absl::ToChronoTime(absl::Now() + timeout));
  return context;
}

grpc::Status SendFacts(kg::v1::IngestService::Stub& ingest, uint64_t seq,
                       absl::Duration timeout) {
  const std::vector<std::string> keys = MarkedNodeKeys(seq);
  std::vector<kg::v1::ImportFactsRequest> messages(1);
  messages[0].mutable_document()->set_key(
      MarkedDocumentKey(ImportKind::kFacts, seq));
  for (size_t i = 0; i < keys.size(); ++i) {
    kg::v1::Node* node = messages.emplace_back().mutable_node();
    node->set_key(keys[i]);
    node->set_label("Topic");
    node->set_name(absl::StrCat("marked topic ", seq, " ", i));
    (*node->mutable_props())["import_seq"] =
        graph::IntValue(static_cast<int64_t>(seq));
    if (i == 0) continue;
    kg::v1::Edge* edge = messages.emplace_back().mutable_edge();
    edge->set_src_key(keys[i]);
    edge->set_type("PART_OF");
    edge->set_dst_key(keys[i - 1]);
  }
  std::unique_ptr<grpc::ClientContext> context = ContextWithin(timeout);
  kg::v1::ImportFactsResponse response;
  std::unique_ptr<grpc::ClientWriter<kg::v1::ImportFactsRequest>> writer =
      ingest.ImportFacts(context.get(), &response);
  for (const kg::v1::ImportFactsRequest& message : messages) {
    // A failed write means the call is over; Finish says why.
    if (!writer->Write(message)) break;
  }
  writer->WritesDone();
  return writer->Finish();
}

grpc::Status SendText(kg::v1::IngestService::Stub& ingest, uint64_t seq,
                      absl::Duration timeout) {
  kg::v1::ImportDocumentRequest request;
  request.mutable_document()->set_key(
      MarkedDocumentKey(ImportKind::kText, seq));
  request.set_text(kMarkedText);
  request.set_file_name("marked.md");
  std::unique_ptr<grpc::ClientContext> context = ContextWithin(timeout);
  kg::v1::ImportDocumentResponse response;
  return ingest.ImportDocument(context.get(), request, &response);
}

// Adds one to the count of every document a fact's sources name.
void CountSources(const google::protobuf::RepeatedPtrField<kg::v1::Source>& s,
                  FactCounts* counts) {
  std::set<std::string> documents;
  for (const kg::v1::Source& source : s)
    documents.insert(source.document_key());
  for (const std::string& document : documents) ++(*counts)[document];
}

// Calls the list RPC `call` page after page, counting the sources of the
// facts `facts(page)` holds.
template <typename Response, typename Request, typename Call, typename Facts>
absl::Status CountAllPages(Request request, absl::Duration timeout,
                           absl::string_view name, Call call, Facts facts,
                           FactCounts* counts) {
  request.set_page_size(1000);
  do {
    Response page;
    grpc::Status status = call(ContextWithin(timeout).get(), request, &page);
    if (!status.ok()) {
      return absl::UnavailableError(
          absl::StrCat(name, ": ", status.error_message()));
    }
    for (const auto& fact : facts(page)) CountSources(fact.sources(), counts);
    request.set_page_token(page.next_page_token());
  } while (!request.page_token().empty());
  return absl::OkStatus();
}

}  // namespace

std::string MarkedDocumentKey(ImportKind kind, uint64_t seq) {
  return absl::StrCat(
      kind == ImportKind::kFacts ? "doc:marked-facts-" : "doc:marked-text-",
      seq);
}

std::vector<std::string> MarkedNodeKeys(uint64_t seq) {
  std::vector<std::string> keys;
  for (int i = 0; i < kChainLength; ++i) {
    keys.push_back(absl::StrCat("topic:marked-", seq, "-", i));
  }
  return keys;
}

grpc::Status SendMarkedImport(kg::v1::IngestService::Stub& ingest,
                              ImportKind kind, uint64_t seq,
                              absl::Duration timeout) {
  return kind == ImportKind::kFacts ? SendFacts(ingest, seq, timeout)
                                    : SendText(ingest, seq, timeout);
}

absl::StatusOr<FactCounts> CountFactsByDocument(
    kg::v1::GraphService::Stub& graph, absl::Duration timeout) {
  FactCounts counts;
  kg::v1::ListNodesRequest nodes;
  absl::Status listed = CountAllPages<kg::v1::ListNodesResponse>(
      nodes, timeout, "ListNodes",
      [&](grpc::ClientContext* context, const kg::v1::ListNodesRequest& request,
          kg::v1::ListNodesResponse* page) {
        return graph.ListNodes(context, request, page);
      },
      [](const kg::v1::ListNodesResponse& page) -> const auto& {
        return page.nodes();
      },
      &counts);
  if (!listed.ok()) return listed;
  kg::v1::ListEdgesRequest edges;
  listed = CountAllPages<kg::v1::ListEdgesResponse>(
      edges, timeout, "ListEdges",
      [&](grpc::ClientContext* context, const kg::v1::ListEdgesRequest& request,
          kg::v1::ListEdgesResponse* page) {
        return graph.ListEdges(context, request, page);
      },
      [](const kg::v1::ListEdgesResponse& page) -> const auto& {
        return page.edges();
      },
      &counts);
  if (!listed.ok()) return listed;
  return counts;
}

absl::Status ImportLedger::Calibrate(kg::v1::IngestService::Stub& ingest,
                                     kg::v1::GraphService::Stub& graph,
                                     absl::Duration timeout) {
  for (ImportKind kind : {ImportKind::kFacts, ImportKind::kText}) {
    grpc::Status sent = SendMarkedImport(ingest, kind, 0, timeout);
    if (!sent.ok()) {
      return absl::UnavailableError(
          absl::StrCat("reference import: ", sent.error_message()));
    }
  }
  absl::StatusOr<FactCounts> counts = CountFactsByDocument(graph, timeout);
  if (!counts.ok()) return counts.status();
  absl::MutexLock lock(&mu_);
  for (ImportKind kind : {ImportKind::kFacts, ImportKind::kText}) {
    auto it = counts->find(MarkedDocumentKey(kind, 0));
    if (it == counts->end()) {
      return absl::InternalError(absl::StrCat("the reference import ",
                                              MarkedDocumentKey(kind, 0),
                                              " left nothing"));
    }
    expected_facts_[static_cast<int>(kind)] = it->second;
  }
  return absl::OkStatus();
}

grpc::Status ImportLedger::Send(kg::v1::IngestService::Stub& ingest,
                                ImportKind kind, absl::Duration timeout) {
  size_t index;
  uint64_t seq;
  {
    absl::MutexLock lock(&mu_);
    seq = next_seq_++;
    index = attempts_.size();
    attempts_.push_back({kind, seq});
  }
  grpc::Status status = SendMarkedImport(ingest, kind, seq, timeout);
  if (status.ok()) {
    absl::MutexLock lock(&mu_);
    attempts_[index].acknowledged = true;
  }
  return status;
}

LedgerVerdict ImportLedger::Verify(const FactCounts& counts) const {
  absl::MutexLock lock(&mu_);
  LedgerVerdict verdict;
  for (const Attempt& attempt : attempts_) {
    const std::string key = MarkedDocumentKey(attempt.kind, attempt.seq);
    auto it = counts.find(key);
    const uint64_t found = it == counts.end() ? 0 : it->second;
    const uint64_t expected = expected_facts_[static_cast<int>(attempt.kind)];
    verdict.acknowledged += attempt.acknowledged;
    verdict.present += found == expected;
    if (found != 0 && found != expected) {
      ++verdict.partial;
      verdict.problems.push_back(absl::StrCat(
          key, " is partly present: ", found, " of ", expected, " facts"));
    } else if (attempt.acknowledged && found != expected) {
      ++verdict.lost;
      verdict.problems.push_back(
          absl::StrCat(key, " was acknowledged but is missing"));
    }
  }
  return verdict;
}

absl::StatusOr<LedgerVerdict> ImportLedger::VerifyServer(
    kg::v1::GraphService::Stub& graph, absl::Duration timeout) const {
  absl::StatusOr<FactCounts> counts = CountFactsByDocument(graph, timeout);
  if (!counts.ok()) return counts.status();
  return Verify(*counts);
}

}  // namespace kg::tools
