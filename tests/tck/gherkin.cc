#include "gherkin.h"

#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_replace.h"
#include "absl/strings/str_split.h"
#include "absl/strings/strip.h"

namespace kg::tck {
namespace {

constexpr const char* kKeywords[] = {"Given ", "When ", "Then ", "And ",
                                     "But "};

std::vector<std::string> TableCells(absl::string_view line) {
  std::vector<std::string> cells;
  line = absl::StripAsciiWhitespace(line);
  absl::ConsumePrefix(&line, "|");
  absl::ConsumeSuffix(&line, "|");
  for (absl::string_view cell : absl::StrSplit(line, '|')) {
    cells.push_back(std::string(absl::StripAsciiWhitespace(cell)));
  }
  return cells;
}

// A scenario or outline as written, before expansion.
struct Block {
  std::string name;
  bool outline = false;
  bool ignored = false;
  std::vector<Step> steps;
  std::vector<std::vector<std::string>> examples;
  bool in_examples = false;
};

std::string Substitute(std::string text, const std::vector<std::string>& header,
                       const std::vector<std::string>& row) {
  for (size_t i = 0; i < header.size() && i < row.size(); ++i) {
    text = absl::StrReplaceAll(text,
                               {{absl::StrCat("<", header[i], ">"), row[i]}});
  }
  return text;
}

void Expand(const Block& block, const std::vector<Step>& background,
            Feature* feature) {
  auto with_background = [&](std::vector<Step> steps) {
    std::vector<Step> all = background;
    all.insert(all.end(), steps.begin(), steps.end());
    return all;
  };
  if (!block.outline) {
    feature->scenarios.push_back(
        {block.name, block.ignored, with_background(block.steps)});
    return;
  }
  if (block.examples.empty()) return;
  const std::vector<std::string>& header = block.examples[0];
  for (size_t r = 1; r < block.examples.size(); ++r) {
    const std::vector<std::string>& row = block.examples[r];
    std::vector<Step> steps;
    for (const Step& step : block.steps) {
      Step s;
      s.text = Substitute(step.text, header, row);
      s.doc_string = Substitute(step.doc_string, header, row);
      for (const std::vector<std::string>& cells : step.table) {
        std::vector<std::string> substituted;
        for (const std::string& cell : cells) {
          substituted.push_back(Substitute(cell, header, row));
        }
        s.table.push_back(std::move(substituted));
      }
      steps.push_back(std::move(s));
    }
    feature->scenarios.push_back({absl::StrCat(block.name, " #row ", r),
                                  block.ignored, with_background(steps)});
  }
}

}  // namespace

absl::StatusOr<Feature> ParseFeature(const std::string& text) {
  Feature feature;
  std::vector<std::string> lines = absl::StrSplit(text, '\n');
  std::vector<Step> background;
  std::vector<Step>* steps = nullptr;
  Block block;
  bool have_block = false;
  bool pending_ignore = false;
  auto flush = [&] {
    if (have_block) Expand(block, background, &feature);
    block = Block();
    have_block = false;
  };
  for (size_t i = 0; i < lines.size(); ++i) {
    absl::string_view line = absl::StripAsciiWhitespace(lines[i]);
    if (line.empty() || absl::StartsWith(line, "#")) continue;
    if (absl::StartsWith(line, "@")) {
      if (absl::StrContains(line, "@ignore")) pending_ignore = true;
      continue;
    }
    if (absl::ConsumePrefix(&line, "Feature:")) {
      feature.name = std::string(absl::StripAsciiWhitespace(line));
    } else if (absl::StartsWith(line, "Background:")) {
      steps = &background;
    } else if (absl::StartsWith(line, "Scenario")) {
      flush();
      have_block = true;
      block.outline = absl::StartsWith(line, "Scenario Outline:");
      block.ignored = pending_ignore;
      pending_ignore = false;
      block.name = std::string(
          absl::StripAsciiWhitespace(line.substr(line.find(':') + 1)));
      steps = &block.steps;
    } else if (absl::StartsWith(line, "Examples:")) {
      block.in_examples = true;
    } else if (absl::StartsWith(line, "|")) {
      if (block.in_examples) {
        block.examples.push_back(TableCells(line));
      } else if (steps != nullptr && !steps->empty()) {
        steps->back().table.push_back(TableCells(line));
      }
    } else if (absl::StartsWith(line, "\"\"\"")) {
      size_t indent = lines[i].find("\"\"\"");
      std::string doc;
      for (++i; i < lines.size(); ++i) {
        if (absl::StartsWith(absl::StripAsciiWhitespace(lines[i]), "\"\"\"")) {
          break;
        }
        absl::string_view content = lines[i];
        size_t strip = 0;
        while (strip < indent && strip < content.size() &&
               content[strip] == ' ') {
          ++strip;
        }
        absl::StrAppend(&doc, doc.empty() ? "" : "\n", content.substr(strip));
      }
      if (steps != nullptr && !steps->empty()) steps->back().doc_string = doc;
    } else {
      bool matched = false;
      for (const char* keyword : kKeywords) {
        if (absl::ConsumePrefix(&line, keyword)) {
          matched = true;
          break;
        }
      }
      if (!matched) {
        return absl::InvalidArgumentError(
            absl::StrCat("line ", i + 1, ": unexpected '", line, "'"));
      }
      if (steps == nullptr) {
        return absl::InvalidArgumentError(
            absl::StrCat("line ", i + 1, ": step outside a scenario"));
      }
      steps->push_back(Step{std::string(line), "", {}});
    }
  }
  flush();
  return feature;
}

}  // namespace kg::tck
