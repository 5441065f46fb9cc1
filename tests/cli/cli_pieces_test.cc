// The CLI's shared pieces: argument parsing, tables, value formatting.
#include <sstream>
#include <string>
#include <vector>

#include "args.h"
#include "format.h"
#include "gmock/gmock.h"
#include "google/protobuf/text_format.h"
#include "gtest/gtest.h"
#include "table.h"

namespace kg::cli {
namespace {

using ::testing::ElementsAre;
using ::testing::HasSubstr;

const std::vector<OptionSpec>& Options() {
  static const auto* options = new std::vector<OptionSpec>{
      {"server", "ADDR", false, "Server."},
      {"json", "", false, "JSON."},
      {"type", "T", true, "Type."},
  };
  return *options;
}

TEST(ParseArgsTest, OptionsAnywhereInEveryForm) {
  const std::vector<std::string> args = {
      "KEY", "--server", "h:1", "--json", "--type=A",
      "x",   "--type",   "B",   "--",     "--not-an-option"};
  absl::StatusOr<ParsedArgs> parsed = ParseArgs(args, Options());
  ASSERT_TRUE(parsed.ok()) << parsed.status();
  EXPECT_THAT(parsed->positional(), ElementsAre("KEY", "x", "--not-an-option"));
  EXPECT_EQ(parsed->Value("server"), "h:1");
  EXPECT_TRUE(parsed->Has("json"));
  EXPECT_EQ(parsed->Value("json"), "");
  EXPECT_THAT(parsed->Values("type"), ElementsAre("A", "B"));
  EXPECT_FALSE(parsed->Has("other"));
  EXPECT_EQ(parsed->Value("other", "fallback"), "fallback");
  EXPECT_TRUE(parsed->Values("other").empty());
}

TEST(ParseArgsTest, LoneDashIsAnArgument) {
  absl::StatusOr<ParsedArgs> parsed = ParseArgs({"-"}, Options());
  ASSERT_TRUE(parsed.ok()) << parsed.status();
  EXPECT_THAT(parsed->positional(), ElementsAre("-"));
}

TEST(ParseArgsTest, Errors) {
  const std::vector<std::pair<std::vector<std::string>, std::string>> cases = {
      {{"--colour"}, "unknown option --colour"},
      {{"-j"}, "unknown option -j"},
      {{"--server"}, "--server needs a value (ADDR)"},
      {{"--json=yes"}, "--json takes no value"},
      {{"--server", "a", "--server=b"}, "--server given twice"},
  };
  for (const auto& [args, message] : cases) {
    absl::StatusOr<ParsedArgs> parsed = ParseArgs(args, Options());
    EXPECT_EQ(parsed.status().code(), absl::StatusCode::kInvalidArgument);
    EXPECT_THAT(std::string(parsed.status().message()), HasSubstr(message));
  }
}

TEST(LocateCommandTest, SkipsGlobalOptionsAndTheirValues) {
  EXPECT_EQ(*LocateCommand({"get", "KEY"}, Options()), 0u);
  EXPECT_EQ(*LocateCommand({"--server", "h:1", "--json", "get"}, Options()),
            3u);
  EXPECT_EQ(*LocateCommand({"--server=h:1", "--", "get"}, Options()), 2u);
  EXPECT_EQ(*LocateCommand({"--json"}, Options()), 1u);
  EXPECT_FALSE(LocateCommand({"--label", "x", "find"}, Options()).ok());
}

TEST(TableTest, AlignsColumnsByCharacters) {
  Table table({"KEY", "NAME"});
  table.AddRow({"state:CIV", "Côte d'Ivoire"});
  table.AddRow({"a:b", "multi\nline"});
  table.AddRow({"x:y", ""});
  std::ostringstream out;
  table.Print(out);
  EXPECT_EQ(out.str(),
            "KEY        NAME\n"
            "state:CIV  Côte d'Ivoire\n"
            "a:b        multi line\n"
            "x:y\n");
}

kg::v1::Value ValueFromText(const std::string& text) {
  kg::v1::Value value;
  EXPECT_TRUE(google::protobuf::TextFormat::ParseFromString(text, &value));
  return value;
}

TEST(FormatTest, ValueText) {
  EXPECT_EQ(ValueText(ValueFromText(R"pb(string_value: "a b")pb")), "a b");
  EXPECT_EQ(ValueText(ValueFromText("int_value: -4")), "-4");
  EXPECT_EQ(ValueText(ValueFromText("double_value: 0.5")), "0.5");
  EXPECT_EQ(ValueText(ValueFromText("bool_value: true")), "true");
  EXPECT_EQ(ValueText(ValueFromText("date_value { year: 2018 month: 5 }")),
            "2018-05");
  EXPECT_EQ(
      ValueText(ValueFromText(
          "list_value { values { int_value: 1 } values { int_value: 2 } }")),
      "[1, 2]");
}

TEST(FormatTest, PropertyFilters) {
  const auto filter = [](const std::string& text) {
    absl::StatusOr<std::pair<std::string, kg::v1::Value>> parsed =
        ParsePropertyFilter(text);
    EXPECT_TRUE(parsed.ok()) << parsed.status();
    return parsed.ok() ? parsed->second : kg::v1::Value();
  };
  EXPECT_EQ(filter("m49=276").int_value(), 276);
  EXPECT_EQ(filter("iso2=DE").string_value(), "DE");
  EXPECT_EQ(filter("code=\"276\"").string_value(), "276");
  EXPECT_TRUE(filter("generic=true").bool_value());
  EXPECT_EQ(filter("from=2018").date_value().year(), 2018);
  EXPECT_EQ(filter("x=a=b").string_value(), "a=b");
  EXPECT_EQ(ParsePropertyFilter("=1").status().code(),
            absl::StatusCode::kInvalidArgument);
  EXPECT_THAT(std::string(ParsePropertyFilter("as_of=May").status().message()),
              HasSubstr("--prop as_of: "));
}

TEST(FormatTest, CommitSummaryText) {
  kg::v1::CommitSummary summary;
  summary.set_document_key("doc:a");
  summary.set_nodes_asserted(3);
  summary.set_edges_asserted(1);
  summary.set_nodes_created(1);
  EXPECT_EQ(CommitSummaryText(summary),
            "doc:a: 3 nodes, 1 edge asserted; 1 node, 0 edges created; "
            "0 nodes, 0 edges deleted (unchanged)");
}

TEST(FormatTest, MessageJsonUsesProtoFieldNames) {
  kg::v1::Source source;
  source.set_document_key("doc:a");
  EXPECT_EQ(MessageJson(source), R"({"document_key":"doc:a"})");
}

}  // namespace
}  // namespace kg::cli
