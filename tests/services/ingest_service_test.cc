// IngestService through a real channel: imports, replacement, removal and
// every way an import can fail without writing anything.
#include <gmock/gmock.h>
#include <google/protobuf/util/message_differencer.h>
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "test_server.h"

namespace kg::testing {
namespace {

using ::google::protobuf::util::MessageDifferencer;
using ::testing::HasSubstr;

class IngestServiceTest : public ServerTest {
 protected:
  grpc::StatusCode GetNodeCode(const std::string& key,
                               kg::v1::Node* node = nullptr) {
    grpc::ClientContext context;
    kg::v1::GetNodeRequest request;
    request.set_key(key);
    kg::v1::Node response;
    grpc::Status status = graph_->GetNode(&context, request, &response);
    if (node != nullptr) *node = response;
    return status.error_code();
  }

  size_t EdgeCount(const std::string& key) {
    grpc::ClientContext context;
    kg::v1::ListEdgesRequest request;
    request.set_node_key(key);
    kg::v1::ListEdgesResponse response;
    grpc::Status status = graph_->ListEdges(&context, request, &response);
    EXPECT_TRUE(status.ok()) << status.error_message();
    return response.edges_size();
  }

  grpc::Status Remove(const std::string& document_key,
                      kg::v1::CommitSummary* summary = nullptr) {
    grpc::ClientContext context;
    kg::v1::RemoveDocumentRequest request;
    request.set_document_key(document_key);
    kg::v1::RemoveDocumentResponse response;
    grpc::Status status = ingest_->RemoveDocument(&context, request, &response);
    if (summary != nullptr) *summary = response.summary();
    return status;
  }

  // Runs `import`, expects it to fail with `code` and a message containing
  // `message`, and expects the graph to be exactly as before.
  template <typename ImportCall>
  void ExpectFailsWritingNothing(ImportCall import, grpc::StatusCode code,
                                 const std::string& message) {
    kg::v1::GetStatsResponse before = Stats();
    grpc::Status status = import();
    EXPECT_EQ(status.error_code(), code) << status.error_message();
    EXPECT_THAT(status.error_message(), HasSubstr(message));
    EXPECT_TRUE(MessageDifferencer::Equals(Stats(), before));
  }
};

const kg::v1::Node kGermany = MakeNode("state:DEU", "State", "Germany");
const kg::v1::Node kFrance = MakeNode("state:FRA", "State", "France");
const kg::v1::Node kNetwork = MakeNode("network:wps-focal-points-network",
                                       "Network", "WPS Focal Points Network");
const kg::v1::Edge kGermanyMember =
    MakeEdge("state:DEU", "MEMBER_OF", "network:wps-focal-points-network");
const kg::v1::Edge kFranceMember =
    MakeEdge("state:FRA", "MEMBER_OF", "network:wps-focal-points-network");

TEST_F(IngestServiceTest, ImportCommitsAndCounts) {
  kg::v1::CommitSummary summary;
  grpc::Status status =
      Import("doc:a", {kGermany, kNetwork}, {kGermanyMember}, &summary);
  ASSERT_TRUE(status.ok()) << status.error_message();
  EXPECT_EQ(summary.document_key(), "doc:a");
  // The import adds the document's own Document node.
  EXPECT_EQ(summary.nodes_asserted(), 3u);
  EXPECT_EQ(summary.edges_asserted(), 1u);
  EXPECT_EQ(summary.nodes_created(), 3u);
  EXPECT_EQ(summary.edges_created(), 1u);
  EXPECT_EQ(summary.nodes_deleted(), 0u);
  EXPECT_EQ(summary.edges_deleted(), 0u);
  EXPECT_TRUE(summary.changed());

  EXPECT_EQ(GetNodeCode("state:DEU"), grpc::StatusCode::OK);
  EXPECT_EQ(GetNodeCode("doc:a"), grpc::StatusCode::OK);
  EXPECT_EQ(EdgeCount("state:DEU"), 1u);
  kg::v1::GetStatsResponse stats = Stats();
  EXPECT_EQ(stats.node_count(), 3u);
  EXPECT_EQ(stats.edge_count(), 1u);
  EXPECT_EQ(stats.document_count(), 1u);
}

TEST_F(IngestServiceTest, ReimportingTheSameFactsChangesNothing) {
  ASSERT_TRUE(Import("doc:a", {kGermany, kNetwork}, {kGermanyMember}).ok());
  kg::v1::GetStatsResponse before = Stats();
  kg::v1::CommitSummary summary;
  grpc::Status status =
      Import("doc:a", {kGermany, kNetwork}, {kGermanyMember}, &summary);
  ASSERT_TRUE(status.ok()) << status.error_message();
  EXPECT_FALSE(summary.changed());
  EXPECT_EQ(summary.nodes_created(), 0u);
  EXPECT_EQ(summary.edges_created(), 0u);
  EXPECT_EQ(summary.nodes_deleted(), 0u);
  EXPECT_EQ(summary.edges_deleted(), 0u);
  EXPECT_TRUE(MessageDifferencer::Equals(Stats(), before));
}

TEST_F(IngestServiceTest, ReimportDropsFactsNoLongerAsserted) {
  ASSERT_TRUE(Import("doc:a", {kGermany, kFrance, kNetwork},
                     {kGermanyMember, kFranceMember})
                  .ok());
  kg::v1::CommitSummary summary;
  grpc::Status status =
      Import("doc:a", {kGermany, kNetwork}, {kGermanyMember}, &summary);
  ASSERT_TRUE(status.ok()) << status.error_message();
  EXPECT_TRUE(summary.changed());
  EXPECT_EQ(summary.nodes_deleted(), 1u);
  EXPECT_EQ(summary.edges_deleted(), 1u);
  EXPECT_EQ(GetNodeCode("state:FRA"), grpc::StatusCode::NOT_FOUND);
  EXPECT_EQ(EdgeCount("network:wps-focal-points-network"), 1u);
  EXPECT_EQ(Stats().node_count(), 3u);
}

TEST_F(IngestServiceTest, ImportRecordsTheDocumentMetadata) {
  kg::v1::Document document;
  document.set_key("doc:chairs-summary");
  document.set_title("Chair's summary");
  document.mutable_date()->set_year(2018);
  document.mutable_date()->set_month(5);
  document.set_kind("summary");
  document.set_source_url("https://example.org/summary.pdf");
  kg::v1::ImportFactsResponse response;
  grpc::Status status = ImportMessages(
      {DocumentMessage(document), NodeMessage(kGermany)}, &response);
  ASSERT_TRUE(status.ok()) << status.error_message();

  kg::v1::Node node;
  ASSERT_EQ(GetNodeCode("doc:chairs-summary", &node), grpc::StatusCode::OK);
  EXPECT_EQ(node.label(), "Document");
  EXPECT_EQ(node.name(), "Chair's summary");
  EXPECT_EQ(node.props().at("title").string_value(), "Chair's summary");
  EXPECT_EQ(node.props().at("date").date_value().year(), 2018);
  EXPECT_EQ(node.props().at("date").date_value().month(), 5);
  EXPECT_EQ(node.props().at("kind").string_value(), "summary");
  EXPECT_EQ(node.props().at("source_url").string_value(),
            "https://example.org/summary.pdf");
}

TEST_F(IngestServiceTest, ImportKeepsTheStreamsOwnDocumentNode) {
  kg::v1::Document document;
  document.set_key("doc:a");
  document.set_title("Title from the header");
  document.set_kind("report");
  kg::v1::Node own = MakeNode("doc:a", "Document", "Own name", {},
                              {{"kind", StringValue("brief")}});
  kg::v1::ImportFactsResponse response;
  grpc::Status status =
      ImportMessages({DocumentMessage(document), NodeMessage(own)}, &response);
  ASSERT_TRUE(status.ok()) << status.error_message();
  EXPECT_EQ(response.summary().nodes_asserted(), 1u);

  kg::v1::Node node;
  ASSERT_EQ(GetNodeCode("doc:a", &node), grpc::StatusCode::OK);
  EXPECT_EQ(node.name(), "Own name");
  EXPECT_EQ(node.props().at("kind").string_value(), "brief");
  EXPECT_EQ(node.props().at("title").string_value(), "Title from the header");
}

TEST_F(IngestServiceTest, ImportNeedsTheDocumentFirst) {
  const std::string message =
      "document: the first message must name the document";
  kg::v1::ImportFactsResponse response;
  ExpectFailsWritingNothing(
      [&] { return ImportMessages({NodeMessage(kGermany)}, &response); },
      grpc::StatusCode::INVALID_ARGUMENT, message);
  ExpectFailsWritingNothing([&] { return ImportMessages({}, &response); },
                            grpc::StatusCode::INVALID_ARGUMENT, message);
  ExpectFailsWritingNothing(
      [&] {
        return ImportMessages(
            {DocumentMessage(kg::v1::Document()), NodeMessage(kGermany)},
            &response);
      },
      grpc::StatusCode::INVALID_ARGUMENT, message);
}

TEST_F(IngestServiceTest, ImportRejectsASecondDocumentOrAnEmptyMessage) {
  kg::v1::Document first;
  first.set_key("doc:a");
  kg::v1::Document second;
  second.set_key("doc:b");
  kg::v1::ImportFactsResponse response;
  ExpectFailsWritingNothing(
      [&] {
        return ImportMessages({DocumentMessage(first), NodeMessage(kGermany),
                               DocumentMessage(second)},
                              &response);
      },
      grpc::StatusCode::INVALID_ARGUMENT, "document: only the first message");
  ExpectFailsWritingNothing(
      [&] {
        return ImportMessages({DocumentMessage(first), NodeMessage(kGermany),
                               kg::v1::ImportFactsRequest()},
                              &response);
      },
      grpc::StatusCode::INVALID_ARGUMENT, "item: message 2");
}

TEST_F(IngestServiceTest, EdgeToAnUnknownKeyFailsPreconditionWritingNothing) {
  ASSERT_TRUE(Import("doc:base", {kNetwork}, {}).ok());
  ExpectFailsWritingNothing(
      [&] {
        return Import("doc:a", {kGermany},
                      {kGermanyMember,
                       MakeEdge("state:DEU", "MEMBER_OF", "org:nowhere")});
      },
      grpc::StatusCode::FAILED_PRECONDITION, "org:nowhere");
  EXPECT_EQ(GetNodeCode("state:DEU"), grpc::StatusCode::NOT_FOUND);
  EXPECT_EQ(GetNodeCode("doc:a"), grpc::StatusCode::NOT_FOUND);

  // An end that only the database holds is fine.
  grpc::Status status = Import("doc:a", {kGermany}, {kGermanyMember});
  EXPECT_TRUE(status.ok()) << status.error_message();
}

TEST_F(IngestServiceTest, MalformedNodeIsInvalidNamingTheField) {
  ExpectFailsWritingNothing(
      [&] {
        return Import("doc:a", {kGermany, MakeNode("", "State", "Nowhere")},
                      {});
      },
      grpc::StatusCode::INVALID_ARGUMENT, "nodes[1].key");
  ExpectFailsWritingNothing(
      [&] {
        return Import("doc:a", {MakeNode("state:FRA", "not a label", "France")},
                      {});
      },
      grpc::StatusCode::INVALID_ARGUMENT, "nodes[0].label");
  ExpectFailsWritingNothing(
      [&] {
        return Import("doc:a", {kGermany},
                      {MakeEdge("state:DEU", "", "state:DEU")});
      },
      grpc::StatusCode::INVALID_ARGUMENT, "edges[0].type");
}

TEST_F(IngestServiceTest, TooManyFactsAreResourceExhausted) {
  services::IngestLimits limits;
  limits.max_facts_per_import = 2;
  StartServer(limits);
  ExpectFailsWritingNothing(
      [&] {
        return Import("doc:a", {kGermany, kFrance, kNetwork}, {});
      },
      grpc::StatusCode::RESOURCE_EXHAUSTED, "at most 2");
  grpc::Status status = Import("doc:a", {kGermany}, {});
  EXPECT_TRUE(status.ok()) << status.error_message();
}

TEST_F(IngestServiceTest, CancelledImportWritesNothing) {
  kg::v1::Document document;
  document.set_key("doc:a");
  ExpectFailsWritingNothing(
      [&] {
        grpc::ClientContext context;
        kg::v1::ImportFactsResponse response;
        auto writer = ingest_->ImportFacts(&context, &response);
        writer->Write(DocumentMessage(document));
        writer->Write(NodeMessage(kGermany));
        context.TryCancel();
        return writer->Finish();
      },
      grpc::StatusCode::CANCELLED, "");
}

TEST_F(IngestServiceTest, RemoveDocumentRemovesWhatOnlyItAsserted) {
  ASSERT_TRUE(Import("doc:a", {kGermany, kNetwork}, {kGermanyMember}).ok());
  ASSERT_TRUE(Import("doc:b", {kNetwork}, {}).ok());
  kg::v1::CommitSummary summary;
  grpc::Status status = Remove("doc:a", &summary);
  ASSERT_TRUE(status.ok()) << status.error_message();
  EXPECT_EQ(summary.document_key(), "doc:a");
  EXPECT_TRUE(summary.changed());
  // Germany and the Document node doc:a.
  EXPECT_EQ(summary.nodes_deleted(), 2u);
  EXPECT_EQ(summary.edges_deleted(), 1u);

  EXPECT_EQ(GetNodeCode("state:DEU"), grpc::StatusCode::NOT_FOUND);
  EXPECT_EQ(GetNodeCode("doc:a"), grpc::StatusCode::NOT_FOUND);
  kg::v1::Node network;
  ASSERT_EQ(GetNodeCode(kNetwork.key(), &network), grpc::StatusCode::OK);
  ASSERT_EQ(network.sources_size(), 1);
  EXPECT_EQ(network.sources(0).document_key(), "doc:b");
  EXPECT_EQ(Stats().document_count(), 1u);
}

TEST_F(IngestServiceTest, RemoveDocumentUnknownIsNotFoundAndEmptyIsInvalid) {
  grpc::Status status = Remove("doc:never-imported");
  EXPECT_EQ(status.error_code(), grpc::StatusCode::NOT_FOUND);
  EXPECT_THAT(status.error_message(), HasSubstr("doc:never-imported"));
  status = Remove("");
  EXPECT_EQ(status.error_code(), grpc::StatusCode::INVALID_ARGUMENT);
  EXPECT_THAT(status.error_message(), HasSubstr("document_key"));
}

}  // namespace
}  // namespace kg::testing
