// The `kg export` writers: each format read back by a standard parser
// (python3's xml, json and csv modules through check_export.py; Graphviz's
// dot when installed), on names and properties that need escaping.
#include <filesystem>
#include <sstream>
#include <string>
#include <vector>

#include "absl/strings/str_split.h"
#include "export/escaping.h"
#include "export/subgraph_writers.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "kg/graph/values.h"
#include "subprocess.h"
#include "temp_dir.h"

namespace kg::testing {
namespace {

using graph::BoolValue;
using graph::DoubleValue;
using graph::IntValue;
using graph::StringValue;
using ::testing::HasSubstr;
using ::testing::IsSupersetOf;
using ::testing::Not;
using tools::ProcessResult;
using tools::RunProcess;

constexpr char kPython[] = "/usr/bin/python3";
constexpr char kDot[] = "/usr/bin/dot";
constexpr char kAwkwardName[] = "Say \"hi\" <&> a,b\nnext";

// Two nodes and an edge whose names and properties exercise every rule:
// markup and quotes, a line break, a comma, backslashes, every value type,
// a property that widens from int to double and one that mixes types, and
// properties named like fixed fields.
cli::Subgraph AwkwardGraph() {
  cli::Subgraph graph;
  kg::v1::Node& first = graph.nodes.emplace_back();
  first.set_key("q:1");
  first.set_label("Quote");
  first.set_name(kAwkwardName);
  first.add_aliases("A1");
  first.add_aliases("a;b");
  auto& props = *first.mutable_props();
  props["count"] = IntValue(3);
  props["ratio"] = DoubleValue(0.5);
  props["flag"] = BoolValue(true);
  kg::v1::Value date;
  date.mutable_date_value()->set_year(2018);
  date.mutable_date_value()->set_month(5);
  props["when"] = date;
  props["label"] = StringValue("clash");
  props["mixed"] = IntValue(1);
  kg::v1::Value list;
  *list.mutable_list_value()->add_values() = StringValue("x");
  *list.mutable_list_value()->add_values() = IntValue(2);
  props["tags"] = list;
  kg::v1::Node& second = graph.nodes.emplace_back();
  second.set_key("q:2");
  second.set_label("Plain");
  second.set_name("C:\\dir\\");
  (*second.mutable_props())["ratio"] = IntValue(2);
  (*second.mutable_props())["mixed"] = StringValue("x");
  kg::v1::Edge& edge = graph.edges.emplace_back();
  edge.set_src_key("q:1");
  edge.set_type("LINKS");
  edge.set_dst_key("q:2");
  (*edge.mutable_props())["weight"] = DoubleValue(1.25);
  (*edge.mutable_props())["type"] = StringValue("shadow");
  return graph;
}

class ExportWritersTest : public ::testing::Test {
 protected:
  // Writes the graph with `write` into the file `name`; returns its path.
  template <typename Writer>
  std::string Write(const std::string& name, Writer write) {
    std::ostringstream out;
    write(AwkwardGraph(), out);
    return temp_.Write(name, out.str());
  }

  // What check_export.py reads back from `files`, a fact a line.
  static std::vector<std::string> ReadBack(std::vector<std::string> args) {
    if (!std::filesystem::exists(kPython)) return {};
    args.insert(args.begin(), {kPython, KG_CHECK_EXPORT});
    const ProcessResult result = RunProcess(args);
    EXPECT_EQ(result.exit_code, 0) << result.err;
    return absl::StrSplit(result.out, '\n', absl::SkipEmpty());
  }

  void SetUp() override {
    if (!std::filesystem::exists(kPython)) {
      GTEST_SKIP() << kPython << " is needed to parse the files back";
    }
  }

  TempDir temp_;
};

TEST_F(ExportWritersTest, GraphMlParsesWithTypedDeclaredKeys) {
  const std::vector<std::string> facts =
      ReadBack({"graphml", Write("graph.graphml", cli::WriteGraphMl)});
  EXPECT_THAT(facts, IsSupersetOf({
                         "graph edgedefault=directed",
                         R"(node q:1 label:string="Quote")",
                         R"(node q:1 name:string="Say \"hi\" <&> a,b\nnext")",
                         R"(node q:1 aliases:string="A1; a;b")",
                         R"(node q:1 count:long="3")",
                         R"(node q:1 ratio:double="0.5")",
                         R"(node q:2 ratio:double="2")",
                         R"(node q:1 flag:boolean="true")",
                         R"(node q:1 when:string="2018-05")",
                         R"(node q:1 prop_label:string="clash")",
                         R"(node q:1 mixed:string="1")",
                         R"(node q:2 mixed:string="x")",
                         R"(node q:1 tags:string="[x, 2]")",
                         R"(node q:2 name:string="C:\\dir\\")",
                         R"(edge q:1 q:2 type:string="LINKS")",
                         R"(edge q:1 q:2 prop_type:string="shadow")",
                         R"(edge q:1 q:2 weight:double="1.25")",
                     }));
  EXPECT_THAT(facts, Not(::testing::Contains(HasSubstr("node q:2 count"))));
}

TEST_F(ExportWritersTest, NodeLinkJsonParsesWithTypedValues) {
  const std::vector<std::string> facts =
      ReadBack({"json", Write("graph.json", cli::WriteNodeLinkJson)});
  EXPECT_THAT(facts, IsSupersetOf({
                         "graph directed=True multigraph=True",
                         R"(node q:1 label="Quote")",
                         R"(node q:1 name="Say \"hi\" <&> a,b\nnext")",
                         R"(node q:1 aliases=["A1", "a;b"])",
                         R"(node q:1 count=3)",
                         R"(node q:1 ratio=0.5)",
                         R"(node q:1 flag=true)",
                         R"(node q:1 when="2018-05")",
                         R"(node q:1 prop_label="clash")",
                         R"(node q:1 tags=["x", 2])",
                         R"(node q:2 name="C:\\dir\\")",
                         R"(edge q:1 q:2 key="LINKS")",
                         R"(edge q:1 q:2 type="LINKS")",
                         R"(edge q:1 q:2 prop_type="shadow")",
                         R"(edge q:1 q:2 weight=1.25)",
                     }));
}

TEST_F(ExportWritersTest, CsvTablesParseWithAColumnPerProperty) {
  const std::string nodes = Write("nodes.csv", cli::WriteCsvNodes);
  const std::string edges = Write("edges.csv", cli::WriteCsvEdges);
  EXPECT_THAT(ReadBack({"csv", nodes, edges}),
              IsSupersetOf({
                  R"(node q:1 name="Say \"hi\" <&> a,b\nnext")",
                  R"(node q:1 aliases="A1; a;b")",
                  R"(node q:1 count="3")",
                  R"(node q:2 ratio="2")",
                  R"(node q:2 name="C:\\dir\\")",
                  R"(edge q:1 q:2 type="LINKS")",
                  R"(edge q:1 q:2 prop_type="shadow")",
                  R"(edge q:1 q:2 weight="1.25")",
              }));
}

TEST(ExportDotTest, EscapesQuotesBackslashesAndLineBreaks) {
  std::ostringstream out;
  cli::WriteDot(AwkwardGraph(), out);
  const std::string dot = out.str();
  EXPECT_THAT(dot, HasSubstr("digraph kg {"));
  EXPECT_THAT(
      dot, HasSubstr(R"d("q:1" [label="Say \"hi\" <&> a,b\nnext\n(Quote)")d"));
  EXPECT_THAT(dot, HasSubstr(R"d("q:2" [label="C:\\dir\\\n(Plain)")d"));
  EXPECT_THAT(dot, HasSubstr(R"d("q:1" -> "q:2" [label="LINKS"];)d"));
  if (!std::filesystem::exists(kDot)) {
    GTEST_SKIP() << kDot << " (graphviz) is not installed to render it";
  }
  TempDir temp;
  const ProcessResult svg =
      RunProcess({kDot, "-Tsvg", temp.Write("graph.dot", dot)});
  EXPECT_EQ(svg.exit_code, 0) << svg.err;
  EXPECT_EQ(svg.err, "");
  EXPECT_THAT(svg.out, HasSubstr("<svg"));
}

TEST(ExportEscapingTest, EachFormatsRules) {
  EXPECT_EQ(cli::CsvField("plain"), "plain");
  EXPECT_EQ(cli::CsvField("a,b"), "\"a,b\"");
  EXPECT_EQ(cli::CsvField("say \"x\""), "\"say \"\"x\"\"\"");
  EXPECT_EQ(cli::CsvField(" edge"), "\" edge\"");
  EXPECT_EQ(cli::XmlEscape("\x01<a & 'b'>\n"),
            "&lt;a &amp; &apos;b&apos;&gt;&#10;");
  EXPECT_EQ(cli::JsonString("\x01\"\\"), "\"\\u0001\\\"\\\\\"");
  EXPECT_EQ(cli::DotString("a\"b\\\x02"), "\"a\\\"b\\\\ \"");
}

}  // namespace
}  // namespace kg::testing
