#include "kg/loaders/jsonl_facts.h"

#include <cmath>
#include <filesystem>
#include <limits>
#include <string>
#include <vector>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "gmock/gmock.h"
#include "google/protobuf/text_format.h"
#include "google/protobuf/util/message_differencer.h"
#include "gtest/gtest.h"

namespace kg::loaders {
namespace {

using ::testing::HasSubstr;
using ::testing::SizeIs;
using ::testing::StartsWith;

constexpr char kDefaultDocument[] = "doc:test";
constexpr char kFileName[] = "facts.jsonl";

absl::StatusOr<std::vector<graph::DocumentFacts>> Parse(
    const std::string& text) {
  return ParseJsonlFacts(text, kDefaultDocument, kFileName);
}

// The single fact of a one-line text.
kg::v1::Node ParseNode(const std::string& line) {
  absl::StatusOr<std::vector<graph::DocumentFacts>> parsed = Parse(line);
  EXPECT_TRUE(parsed.ok()) << parsed.status();
  if (!parsed.ok() || parsed->size() != 1 || (*parsed)[0].nodes.size() != 1) {
    ADD_FAILURE() << "expected one node from: " << line;
    return kg::v1::Node();
  }
  return (*parsed)[0].nodes[0];
}

kg::v1::Value PropOf(const std::string& props_json, const std::string& name) {
  const kg::v1::Node node = ParseNode(absl::StrCat(
      R"({"kind":"node","key":"state:DEU","label":"State","props":)",
      props_json, "}"));
  const auto it = node.props().find(name);
  if (it == node.props().end()) {
    ADD_FAILURE() << "no property " << name;
    return kg::v1::Value();
  }
  return it->second;
}

template <typename Message>
Message FromText(const std::string& text) {
  Message message;
  EXPECT_TRUE(google::protobuf::TextFormat::ParseFromString(text, &message))
      << text;
  return message;
}

MATCHER_P(EqualsProto, expected, "") {
  std::string difference;
  google::protobuf::util::MessageDifferencer differencer;
  differencer.ReportDifferencesToString(&difference);
  if (differencer.Compare(expected, arg)) return true;
  *result_listener << difference;
  return false;
}

TEST(DocumentKeyForPathTest, UsesTheFileStem) {
  EXPECT_EQ(DocumentKeyForPath("/a/b/2018-05-24_report.jsonl"),
            "doc:2018-05-24_report");
  EXPECT_EQ(DocumentKeyForPath("report.v2.jsonl"), "doc:report.v2");
  EXPECT_EQ(DocumentKeyForPath("dir.d/report"), "doc:report");
}

TEST(JsonlValuesTest, ScalarsKeepTheirTypes) {
  const std::string props =
      R"({"s":"text","i":276,"neg":-3,"d":1.5,"b":true,"f":false})";
  EXPECT_THAT(
      PropOf(props, "s"),
      EqualsProto(FromText<kg::v1::Value>(R"pb(string_value: "text")pb")));
  EXPECT_THAT(PropOf(props, "i"),
              EqualsProto(FromText<kg::v1::Value>("int_value: 276")));
  EXPECT_THAT(PropOf(props, "neg"),
              EqualsProto(FromText<kg::v1::Value>("int_value: -3")));
  EXPECT_THAT(PropOf(props, "d"),
              EqualsProto(FromText<kg::v1::Value>("double_value: 1.5")));
  EXPECT_THAT(PropOf(props, "b"),
              EqualsProto(FromText<kg::v1::Value>("bool_value: true")));
  EXPECT_THAT(PropOf(props, "f"),
              EqualsProto(FromText<kg::v1::Value>("bool_value: false")));
}

TEST(JsonlValuesTest, StringsUnderDateKeysAreDates) {
  const std::string props =
      R"({"from":"2018","to":"2019-02","as_of":"2018-05-24",)"
      R"("date":"2000","start_date":"2024-12-10","end_date":"2024-12-11",)"
      R"("time":"2018"})";
  EXPECT_THAT(
      PropOf(props, "from"),
      EqualsProto(FromText<kg::v1::Value>("date_value { year: 2018 }")));
  EXPECT_THAT(PropOf(props, "to"), EqualsProto(FromText<kg::v1::Value>(
                                       "date_value { year: 2019 month: 2 }")));
  EXPECT_THAT(PropOf(props, "as_of"),
              EqualsProto(FromText<kg::v1::Value>(
                  "date_value { year: 2018 month: 5 day: 24 }")));
  for (const char* name : {"date", "start_date", "end_date"}) {
    EXPECT_TRUE(PropOf(props, name).has_date_value()) << name;
  }
  // Not a date key: the string stays a string.
  EXPECT_THAT(
      PropOf(props, "time"),
      EqualsProto(FromText<kg::v1::Value>(R"pb(string_value: "2018")pb")));
}

TEST(JsonlValuesTest, TypedObjectsSayWhatPlainJsonCannot) {
  const std::string props =
      R"({"founded":{"$date":"1945-10"},"ratio":{"$double":2},)"
      R"("nan":{"$double":"NaN"},"inf":{"$double":"-Infinity"},)"
      R"("big":{"$int":"9007199254740993"},"from":{"$string":"early 2018"}})";
  EXPECT_THAT(PropOf(props, "founded"),
              EqualsProto(FromText<kg::v1::Value>(
                  "date_value { year: 1945 month: 10 }")));
  EXPECT_THAT(PropOf(props, "ratio"),
              EqualsProto(FromText<kg::v1::Value>("double_value: 2")));
  EXPECT_TRUE(std::isnan(PropOf(props, "nan").double_value()));
  EXPECT_EQ(PropOf(props, "inf").double_value(),
            -std::numeric_limits<double>::infinity());
  EXPECT_EQ(PropOf(props, "big").int_value(), 9007199254740993);
  EXPECT_THAT(PropOf(props, "from"), EqualsProto(FromText<kg::v1::Value>(
                                         R"pb(string_value: "early 2018")pb")));
}

TEST(JsonlValuesTest, ArraysAreLists) {
  EXPECT_THAT(
      PropOf(R"({"l":[1,"a",[true]],"from":["2018","2019"],"e":[]})", "l"),
      EqualsProto(FromText<kg::v1::Value>(R"pb(
        list_value {
          values { int_value: 1 }
          values { string_value: "a" }
          values { list_value { values { bool_value: true } } }
        }
      )pb")));
  EXPECT_THAT(PropOf(R"({"from":["2018","2019"]})", "from"),
              EqualsProto(FromText<kg::v1::Value>(R"pb(
                list_value {
                  values { date_value { year: 2018 } }
                  values { date_value { year: 2019 } }
                }
              )pb")));
  EXPECT_TRUE(PropOf(R"({"e":[]})", "e").has_list_value());
}

TEST(JsonlFactsTest, NodeLineWithEvidence) {
  EXPECT_THAT(
      ParseNode(
          R"({"kind":"node","key":"state:DEU","label":"State","name":"Germany",)"
          R"("aliases":["FRG","Deutschland"],"props":{"m49":276},)"
          R"("evidence":"Germany as current Chair"})"),
      EqualsProto(FromText<kg::v1::Node>(R"pb(
        key: "state:DEU"
        label: "State"
        name: "Germany"
        aliases: [ "FRG", "Deutschland" ]
        props {
          key: "m49"
          value { int_value: 276 }
        }
        sources {
          document_key: "doc:test"
          extractor: "jsonl"
          confidence: 1
          evidence: "Germany as current Chair"
        }
      )pb")));
}

TEST(JsonlFactsTest, EdgeLineWithEvidence) {
  absl::StatusOr<std::vector<graph::DocumentFacts>> parsed =
      Parse(R"({"kind":"edge","src":"state:DEU","type":"CHAIRS",)"
            R"("dst":"network:wps-focal-points-network",)"
            R"("props":{"role":"chair","from":"2018"},"evidence":"Chair"})");
  ASSERT_TRUE(parsed.ok()) << parsed.status();
  ASSERT_THAT(*parsed, SizeIs(1));
  EXPECT_EQ((*parsed)[0].document_key, kDefaultDocument);
  EXPECT_TRUE((*parsed)[0].nodes.empty());
  ASSERT_THAT((*parsed)[0].edges, SizeIs(1));
  EXPECT_THAT((*parsed)[0].edges[0], EqualsProto(FromText<kg::v1::Edge>(R"pb(
                src_key: "state:DEU"
                type: "CHAIRS"
                dst_key: "network:wps-focal-points-network"
                props {
                  key: "role"
                  value { string_value: "chair" }
                }
                props {
                  key: "from"
                  value { date_value { year: 2018 } }
                }
                sources {
                  document_key: "doc:test"
                  extractor: "jsonl"
                  confidence: 1
                  evidence: "Chair"
                }
              )pb")));
}

TEST(JsonlFactsTest, SourcesGroupFactsByDocumentInOrderOfAppearance) {
  const std::string text = absl::StrJoin(
      {
          R"({"kind":"node","key":"state:DEU","label":"State","name":"Germany",)"
          R"("sources":[{"document_key":"doc:b","start":3,"end":9,)"
          R"("extractor":"rule","confidence":0.5,"evidence":"German"},)"
          R"({"document_key":"doc:a"},{"document_key":"doc:b","start":20,"end":26}]})",
          "",
          R"({"kind":"node","key":"state:FRA","label":"State","name":"France"})",
          "\r",
          R"({"kind":"edge","src":"state:DEU","type":"MEMBER_OF","dst":"org:nato",)"
          R"("sources":[{"document_key":"doc:a"},{"start":1,"end":2}]})",
      },
      "\n");
  absl::StatusOr<std::vector<graph::DocumentFacts>> parsed = Parse(text);
  ASSERT_TRUE(parsed.ok()) << parsed.status();
  ASSERT_THAT(*parsed, SizeIs(3));
  const graph::DocumentFacts& b = (*parsed)[0];
  const graph::DocumentFacts& a = (*parsed)[1];
  const graph::DocumentFacts& test = (*parsed)[2];
  EXPECT_EQ(b.document_key, "doc:b");
  EXPECT_EQ(a.document_key, "doc:a");
  EXPECT_EQ(test.document_key, kDefaultDocument);

  ASSERT_THAT(b.nodes, SizeIs(1));
  EXPECT_TRUE(b.edges.empty());
  EXPECT_THAT(b.nodes[0], EqualsProto(FromText<kg::v1::Node>(R"pb(
                key: "state:DEU"
                label: "State"
                name: "Germany"
                sources {
                  document_key: "doc:b"
                  start: 3
                  end: 9
                  extractor: "rule"
                  confidence: 0.5
                  evidence: "German"
                }
                sources { document_key: "doc:b" start: 20 end: 26 }
              )pb")));
  ASSERT_THAT(a.nodes, SizeIs(1));
  ASSERT_THAT(a.nodes[0].sources(), SizeIs(1));
  EXPECT_EQ(a.nodes[0].sources(0).document_key(), "doc:a");
  ASSERT_THAT(a.edges, SizeIs(1));
  EXPECT_EQ(a.edges[0].sources(0).document_key(), "doc:a");

  // A line without sources, and a source without a document, belong to the
  // file's own document.
  ASSERT_THAT(test.nodes, SizeIs(1));
  EXPECT_EQ(test.nodes[0].key(), "state:FRA");
  ASSERT_THAT(test.edges, SizeIs(1));
  EXPECT_THAT(test.edges[0].sources(0),
              EqualsProto(FromText<kg::v1::Source>(R"pb(
                document_key: "doc:test"
                start: 1
                end: 2
              )pb")));
}

TEST(JsonlFactsTest, LineEvidenceFillsSourcesWithoutTheirOwn) {
  const kg::v1::Node node = ParseNode(
      R"({"kind":"node","key":"state:DEU","label":"State","evidence":"line",)"
      R"("sources":[{"document_key":"doc:test","evidence":"own"},)"
      R"({"document_key":"doc:test","start":1,"end":2}]})");
  ASSERT_THAT(node.sources(), SizeIs(2));
  EXPECT_EQ(node.sources(0).evidence(), "own");
  EXPECT_EQ(node.sources(1).evidence(), "line");
}

TEST(JsonlFactsTest, BlankInputHasNoDocuments) {
  absl::StatusOr<std::vector<graph::DocumentFacts>> parsed = Parse("\n  \n");
  ASSERT_TRUE(parsed.ok()) << parsed.status();
  EXPECT_TRUE(parsed->empty());
}

struct MalformedCase {
  std::string line;
  std::string message;
};

class MalformedLineTest : public ::testing::TestWithParam<MalformedCase> {};

TEST_P(MalformedLineTest, ErrorNamesFileAndLine) {
  const std::string text = absl::StrCat(
      R"({"kind":"node","key":"state:DEU","label":"State","name":"Germany"})",
      "\n\n", GetParam().line, "\n",
      R"({"kind":"node","key":"state:FRA","label":"State","name":"France"})");
  absl::StatusOr<std::vector<graph::DocumentFacts>> parsed = Parse(text);
  ASSERT_FALSE(parsed.ok()) << GetParam().line;
  EXPECT_EQ(parsed.status().code(), absl::StatusCode::kInvalidArgument);
  EXPECT_THAT(std::string(parsed.status().message()),
              StartsWith("facts.jsonl:3: "));
  EXPECT_THAT(std::string(parsed.status().message()),
              HasSubstr(GetParam().message));
}

constexpr char kNode[] = R"({"kind":"node","key":"state:DEU","label":"State",)";
constexpr char kEdge[] =
    R"({"kind":"edge","src":"state:DEU","type":"MEMBER_OF","dst":"org:nato",)";

INSTANTIATE_TEST_SUITE_P(
    EveryError, MalformedLineTest,
    ::testing::Values(
        MalformedCase{"not json", "not a JSON object"},
        MalformedCase{"[1,2]", "not a JSON object"},
        MalformedCase{R"({"kind":"node")", "invalid JSON"},
        MalformedCase{R"({"kind":"node","kind":"edge"})", "invalid JSON"},
        MalformedCase{R"({"key":"state:DEU"})", R"(line has no "kind")"},
        MalformedCase{R"({"kind":"relation"})", "kind: must be"},
        MalformedCase{R"({"kind":7})", "kind: must be a string"},
        MalformedCase{R"({"kind":"node","label":"State"})",
                      R"(node has no "key")"},
        MalformedCase{R"({"kind":"node","key":"state:DEU"})",
                      R"(node has no "label")"},
        MalformedCase{R"({"kind":"node","key":1,"label":"State"})",
                      "key: must be a string"},
        MalformedCase{R"({"kind":"edge","src":"a:b","type":"T"})",
                      R"(edge has no "dst")"},
        MalformedCase{R"({"kind":"edge","src":"a:b","dst":"c:d"})",
                      R"(edge has no "type")"},
        MalformedCase{absl::StrCat(kNode, R"("colour":"red"})"),
                      R"(node has unknown member "colour")"},
        MalformedCase{absl::StrCat(kEdge, R"("aliases":[]})"),
                      R"(edge has unknown member "aliases")"},
        MalformedCase{absl::StrCat(kNode, R"("aliases":"FRG"})"),
                      "aliases: must be an array of strings"},
        MalformedCase{absl::StrCat(kNode, R"("aliases":[1]})"),
                      "aliases: must be an array of strings"},
        MalformedCase{absl::StrCat(kNode, R"("props":[1]})"),
                      "props: must be an object"},
        MalformedCase{absl::StrCat(kEdge, R"("props":{"as_of":"May 2018"}})"),
                      "props.as_of: 'May 2018' is not a date"},
        MalformedCase{absl::StrCat(kNode, R"("props":{"x":null}})"),
                      "props.x: null is not a property value"},
        MalformedCase{absl::StrCat(kNode, R"("props":{"x":{"a":1,"b":2}}})"),
                      "props.x: an object value has exactly one member"},
        MalformedCase{absl::StrCat(kNode, R"("props":{"x":{"$time":"9"}}})"),
                      R"(props.x: unknown typed value "$time")"},
        MalformedCase{absl::StrCat(kNode, R"("props":{"x":{"$date":2018}}})"),
                      R"(props.x: "$date" takes a string)"},
        MalformedCase{absl::StrCat(kNode, R"("props":{"x":{"$int":"1.5"}}})"),
                      "props.x: \"$int\": \"1.5\" is not a 64-bit integer"},
        MalformedCase{absl::StrCat(kNode, R"("props":{"x":{"$double":"y"}}})"),
                      R"(props.x: "$double" takes a number)"},
        MalformedCase{absl::StrCat(kNode, R"("props":{"":1}})"),
                      "props: has an empty name"},
        MalformedCase{absl::StrCat(kNode, R"("sources":[]})"),
                      "sources: must be a non-empty array of objects"},
        MalformedCase{absl::StrCat(kNode, R"("sources":["doc:a"]})"),
                      "sources: must be a non-empty array of objects"},
        MalformedCase{absl::StrCat(kNode, R"("evidence":7})"),
                      "evidence: must be a string"},
        MalformedCase{absl::StrCat(kEdge, R"("sources":[{},{"start":-1}]})"),
                      "sources[1].start: must be a non-negative integer"},
        MalformedCase{absl::StrCat(kEdge, R"("sources":[{"end":1.5}]})"),
                      "sources[0].end: must be a non-negative integer"},
        MalformedCase{
            absl::StrCat(kEdge, R"("sources":[{"start":5,"end":2}]})"),
            "sources[0].end: is before start"},
        MalformedCase{absl::StrCat(kEdge, R"("sources":[{"confidence":1.5}]})"),
                      "sources[0].confidence: must be a number in [0, 1]"},
        MalformedCase{absl::StrCat(kEdge, R"("sources":[{"document":"a"}]})"),
                      R"(sources[0] has unknown member "document")"},
        MalformedCase{absl::StrCat(kEdge, R"("sources":[{"document_key":1}]})"),
                      "sources[0].document_key: must be a string"}));

TEST(JsonlRoundTripTest, NodeToJsonlParsesBackToTheSameNode) {
  const auto node = FromText<kg::v1::Node>(R"pb(
    key: "org:quote\"back\\slash"
    label: "Organization"
    name: "Tab\there, newline\n, control \x01, Côte d'Ivoire, 東京"
    aliases: [ "A", "" ]
    props {
      key: "s"
      value { string_value: "text" }
    }
    props {
      key: "from"
      value { string_value: "2018" }
    }
    props {
      key: "as_of"
      value { date_value { year: 2018 month: 5 } }
    }
    props {
      key: "founded"
      value { date_value { year: 1945 month: 10 day: 24 } }
    }
    props {
      key: "small"
      value { int_value: -9007199254740992 }
    }
    props {
      key: "big"
      value { int_value: -9223372036854775808 }
    }
    props {
      key: "integral"
      value { double_value: 3 }
    }
    props {
      key: "tiny"
      value { double_value: 1e-300 }
    }
    props {
      key: "huge"
      value { double_value: 1e300 }
    }
    props {
      key: "third"
      value { double_value: 0.3333333333333333 }
    }
    props {
      key: "inf"
      value { double_value: inf }
    }
    props {
      key: "yes"
      value { bool_value: true }
    }
    props {
      key: "list"
      value {
        list_value {
          values { int_value: 1 }
          values { double_value: 2 }
          values { list_value {} }
        }
      }
    }
    sources {
      document_key: "doc:a"
      start: 10
      end: 20
      extractor: "rule"
      confidence: 0.1
      evidence: "\"quoted\""
    }
    sources { document_key: "doc:a" extractor: "jsonl" confidence: 1 }
  )pb");
  const std::string line = NodeToJsonl(node);
  EXPECT_EQ(line.find('\n'), std::string::npos) << line;
  absl::StatusOr<std::vector<graph::DocumentFacts>> parsed = Parse(line);
  ASSERT_TRUE(parsed.ok()) << parsed.status() << "\n" << line;
  ASSERT_THAT(*parsed, SizeIs(1));
  ASSERT_THAT((*parsed)[0].nodes, SizeIs(1));
  EXPECT_THAT((*parsed)[0].nodes[0], EqualsProto(node)) << line;
}

TEST(JsonlRoundTripTest, EdgeToJsonlParsesBackToTheSameEdge) {
  const auto edge = FromText<kg::v1::Edge>(R"pb(
    src_key: "state:DEU"
    type: "CHAIRS"
    dst_key: "network:wps-focal-points-network"
    props {
      key: "role"
      value { string_value: "chair" }
    }
    props {
      key: "from"
      value { date_value { year: 2018 } }
    }
    sources { document_key: "doc:a" start: 1 end: 2 confidence: 0.75 }
  )pb");
  absl::StatusOr<std::vector<graph::DocumentFacts>> parsed =
      Parse(EdgeToJsonl(edge));
  ASSERT_TRUE(parsed.ok()) << parsed.status();
  ASSERT_THAT(*parsed, SizeIs(1));
  ASSERT_THAT((*parsed)[0].edges, SizeIs(1));
  EXPECT_THAT((*parsed)[0].edges[0], EqualsProto(edge));
}

TEST(JsonlRoundTripTest, NanSurvives) {
  kg::v1::Node node =
      FromText<kg::v1::Node>(R"pb(key: "a:b"
                                  label: "Topic"
                                  sources { document_key: "doc:a" })pb");
  (*node.mutable_props())["x"].set_double_value(
      std::numeric_limits<double>::quiet_NaN());
  absl::StatusOr<std::vector<graph::DocumentFacts>> parsed =
      Parse(NodeToJsonl(node));
  ASSERT_TRUE(parsed.ok()) << parsed.status();
  EXPECT_TRUE(std::isnan((*parsed)[0].nodes[0].props().at("x").double_value()));
}

TEST(JsonlRoundTripTest, FactOfManyDocumentsSplitsIntoEach) {
  const auto node = FromText<kg::v1::Node>(R"pb(
    key: "state:DEU"
    label: "State"
    name: "Germany"
    sources { document_key: "doc:a" evidence: "x" }
    sources { document_key: "doc:b" evidence: "y" }
  )pb");
  absl::StatusOr<std::vector<graph::DocumentFacts>> parsed =
      Parse(NodeToJsonl(node));
  ASSERT_TRUE(parsed.ok()) << parsed.status();
  ASSERT_THAT(*parsed, SizeIs(2));
  for (int i = 0; i < 2; ++i) {
    kg::v1::Node expected = node;
    expected.mutable_sources()->DeleteSubrange(1 - i, 1);
    EXPECT_EQ((*parsed)[i].document_key, node.sources(i).document_key());
    ASSERT_THAT((*parsed)[i].nodes, SizeIs(1));
    EXPECT_THAT((*parsed)[i].nodes[0], EqualsProto(expected));
  }
}

TEST(ReadJsonlFactsFileTest, MissingFileIsNotFoundAndNamesIt) {
  absl::StatusOr<std::vector<graph::DocumentFacts>> read =
      ReadJsonlFactsFile("/nonexistent/x.jsonl");
  EXPECT_EQ(read.status().code(), absl::StatusCode::kNotFound);
  EXPECT_THAT(std::string(read.status().message()),
              HasSubstr("/nonexistent/x.jsonl"));
}

TEST(ReadJsonlFactsFileTest, DirectoryIsAnError) {
  absl::StatusOr<std::vector<graph::DocumentFacts>> read =
      ReadJsonlFactsFile(::testing::TempDir());
  EXPECT_EQ(read.status().code(), absl::StatusCode::kInvalidArgument);
}

// The gold files are the format's reference: each is one document named
// after the file, every line a fact, with each line's evidence kept.
TEST(GoldFilesTest, EveryGoldFileParses) {
  const std::filesystem::path gold_dir = KG_GOLD_DIR;
  if (!std::filesystem::is_directory(gold_dir)) {
    GTEST_SKIP() << "no gold facts at " << gold_dir;
  }
  int files = 0;
  for (const auto& entry : std::filesystem::directory_iterator(gold_dir)) {
    if (entry.path().extension() != ".jsonl") continue;
    ++files;
    SCOPED_TRACE(entry.path().string());
    absl::StatusOr<std::vector<graph::DocumentFacts>> read =
        ReadJsonlFactsFile(entry.path().string());
    ASSERT_TRUE(read.ok()) << read.status();
    ASSERT_THAT(*read, SizeIs(1));
    const graph::DocumentFacts& facts = (*read)[0];
    EXPECT_EQ(facts.document_key,
              absl::StrCat("doc:", entry.path().stem().string()));
    EXPECT_FALSE(facts.nodes.empty());
    EXPECT_FALSE(facts.edges.empty());
    bool has_own_node = false;
    for (const kg::v1::Node& node : facts.nodes) {
      has_own_node |= node.key() == facts.document_key;
      ASSERT_THAT(node.sources(), SizeIs(1));
      EXPECT_EQ(node.sources(0).document_key(), facts.document_key);
    }
    EXPECT_TRUE(has_own_node);
    for (const kg::v1::Edge& edge : facts.edges) {
      ASSERT_THAT(edge.sources(), SizeIs(1));
      EXPECT_EQ(edge.sources(0).document_key(), facts.document_key);
      EXPECT_FALSE(edge.sources(0).evidence().empty())
          << edge.src_key() << " " << edge.type() << " " << edge.dst_key();
    }
  }
  EXPECT_GT(files, 0);
}

}  // namespace
}  // namespace kg::loaders
