#include "kg/loaders/csv_facts.h"

#include <string>

#include "gmock/gmock.h"
#include "google/protobuf/text_format.h"
#include "google/protobuf/util/message_differencer.h"
#include "gtest/gtest.h"

namespace kg::loaders {
namespace {

using ::testing::ElementsAre;
using ::testing::SizeIs;

constexpr char kDocument[] = "doc:people";
constexpr char kFileName[] = "people.csv";

absl::StatusOr<graph::DocumentFacts> Parse(const std::string& text) {
  return ParseCsvFacts(text, kDocument, kFileName);
}

template <typename Message>
Message FromText(const std::string& text) {
  Message message;
  EXPECT_TRUE(google::protobuf::TextFormat::ParseFromString(text, &message))
      << text;
  return message;
}

MATCHER_P(EqualsProto, expected, "") {
  return google::protobuf::util::MessageDifferencer::Equals(arg, expected);
}

// The message of the InvalidArgument error that parsing `text` gives.
std::string ErrorOf(const std::string& text) {
  absl::StatusOr<graph::DocumentFacts> parsed = Parse(text);
  EXPECT_EQ(parsed.status().code(), absl::StatusCode::kInvalidArgument) << text;
  return std::string(parsed.status().message());
}

TEST(CsvFactsTest, NodesWithNamesAliasesAndTypedProperties) {
  absl::StatusOr<graph::DocumentFacts> parsed = Parse(
      "key,label,name,aliases,m49:int,area:double,member:bool,joined:date,"
      "note,as_of\n"
      "state:DEU,State,Germany,Federal Republic of Germany | FRG,276,357.6,"
      "true,1973-09-18,\"big, central\",2018-05\n"
      "state:JPN,State,Japan,,,,,,,\n");
  ASSERT_TRUE(parsed.ok()) << parsed.status();
  EXPECT_EQ(parsed->document_key, kDocument);
  EXPECT_THAT(parsed->edges, SizeIs(0));
  ASSERT_THAT(parsed->nodes, SizeIs(2));
  EXPECT_THAT(
      parsed->nodes[0], EqualsProto(FromText<kg::v1::Node>(R"pb(
        key: "state:DEU"
        label: "State"
        name: "Germany"
        aliases: "Federal Republic of Germany"
        aliases: "FRG"
        props {
          key: "m49"
          value { int_value: 276 }
        }
        props {
          key: "area"
          value { double_value: 357.6 }
        }
        props {
          key: "member"
          value { bool_value: true }
        }
        props {
          key: "joined"
          value { date_value { year: 1973 month: 9 day: 18 } }
        }
        props {
          key: "note"
          value { string_value: "big, central" }
        }
        props {
          key: "as_of"
          value { date_value { year: 2018 month: 5 } }
        }
        sources { document_key: "doc:people" extractor: "csv" confidence: 1 }
      )pb")));
  // Empty cells set nothing.
  EXPECT_THAT(
      parsed->nodes[1], EqualsProto(FromText<kg::v1::Node>(R"pb(
        key: "state:JPN"
        label: "State"
        name: "Japan"
        sources { document_key: "doc:people" extractor: "csv" confidence: 1 }
      )pb")));
}

TEST(CsvFactsTest, EdgesWithPropertiesAndEvidence) {
  absl::StatusOr<graph::DocumentFacts> parsed = Parse(
      "src,type,dst,role,from,evidence\r\n"
      "state:DEU,CHAIRS,network:wps,chair,2018,\"Germany, as Chair\"\r\n");
  ASSERT_TRUE(parsed.ok()) << parsed.status();
  EXPECT_THAT(parsed->nodes, SizeIs(0));
  ASSERT_THAT(parsed->edges, SizeIs(1));
  EXPECT_THAT(parsed->edges[0], EqualsProto(FromText<kg::v1::Edge>(R"pb(
                src_key: "state:DEU"
                type: "CHAIRS"
                dst_key: "network:wps"
                props {
                  key: "role"
                  value { string_value: "chair" }
                }
                props {
                  key: "from"
                  value { date_value { year: 2018 } }
                }
                sources {
                  document_key: "doc:people"
                  extractor: "csv"
                  confidence: 1
                  evidence: "Germany, as Chair"
                }
              )pb")));
}

TEST(CsvFactsTest, QuotedFieldsHoldCommasQuotesAndLineBreaks) {
  absl::StatusOr<graph::DocumentFacts> parsed = Parse(
      "\xEF\xBB\xBFkey,label,name,motto\n"
      "org:a,Organization,\"The \"\"A\"\", Inc.\",\"one\r\ntwo\"\n"
      "\n"
      "org:b,Organization,B,\n");
  ASSERT_TRUE(parsed.ok()) << parsed.status();
  ASSERT_THAT(parsed->nodes, SizeIs(2));
  EXPECT_EQ(parsed->nodes[0].name(), "The \"A\", Inc.");
  EXPECT_EQ(parsed->nodes[0].props().at("motto").string_value(), "one\r\ntwo");
  EXPECT_EQ(parsed->nodes[1].key(), "org:b");
}

TEST(CsvFactsTest, KindComesFromTheHeader) {
  EXPECT_EQ(CsvKindOf(" key , label\n", kFileName).value(),
            CsvFileKind::kNodes);
  EXPECT_EQ(CsvKindOf("dst,type,src,weight:double\n", kFileName).value(),
            CsvFileKind::kEdges);
  EXPECT_FALSE(CsvKindOf("key,name\n", kFileName).ok());
}

TEST(CsvFactsTest, ErrorsNameFileAndLine) {
  const std::vector<std::pair<std::string, std::string>> cases = {
      {"", "people.csv: no header row"},
      {"key,name\nstate:DEU,Germany\n",
       "people.csv:1: the header needs key,label columns (a nodes file) or "
       "src,type,dst columns (an edges file)"},
      {"key,label,src,type,dst\n",
       "people.csv:1: the header has both key,label and src,type,dst "
       "columns"},
      {"key,label,key\n", "people.csv:1: column \"key\" appears twice"},
      {"key,label,,x\n", "people.csv:1: column 3 has no name"},
      {"key,label,m49:float\n",
       "people.csv:1: column \"m49:float\": the type after ':' is one of "
       "int, double, bool, date"},
      {"key,label,name,x\nstate:A,State,A,1\nstate:B,State,B\n",
       "people.csv:3: expected 4 fields, got 3"},
      {"key,label\n\"state:A\nmore,State\n",
       "people.csv:2: unterminated quoted field"},
      {"key,label\nstate:A,\"State\"x\n",
       "people.csv:2: unexpected character after a closing quote"},
      {"key,label,name\nstate:A,State,The \"A\"\n",
       "people.csv:2: quote inside an unquoted field (quote the whole field "
       "and double the quotes in it)"},
      {"key,label\n,State\n", "people.csv:2: the key cell is empty"},
      {"key,label,m49:int\nstate:A,State,12x\n",
       "people.csv:2: column m49: \"12x\" is not an integer"},
      {"key,label,on:date\nstate:A,State,May\n",
       "people.csv:2: column on: \"May\" is not a date (YYYY, YYYY-MM or "
       "YYYY-MM-DD)"},
      {"key,label\nstate:A,State\n\"line\nbreak\",State\nstate:A,State\n",
       "people.csv:5: node state:A already on line 2"},
      {"src,type,dst\na:1,T,b:2\na:1,T,b:2\n",
       "people.csv:3: edge a:1 T b:2 already on line 2"},
      {"src,type,dst\na:1,,b:2\n", "people.csv:2: the type cell is empty"},
  };
  for (const auto& [text, message] : cases) {
    EXPECT_EQ(ErrorOf(text), message) << text;
  }
}

TEST(CsvFactsTest, RowsAfterAQuotedLineBreakCountLinesRight) {
  EXPECT_EQ(ErrorOf("key,label,note\nstate:A,State,\"a\nb\nc\"\nstate:B\n"),
            "people.csv:5: expected 3 fields, got 1");
}

}  // namespace
}  // namespace kg::loaders
