// What a resolution says: a sentence in which a resolution is the subject
// of a verb that reports its content ("Resolution 2000 (2011) calls on States
// to protect journalists", "..., which stressed that ...") makes the
// resolution about the topics named after that verb.
#include <regex>
#include <string>

#include "rule_context.h"

namespace kg::text {
namespace {

constexpr double kContentConfidence = 0.6;
// How far the reporting verb may follow the resolution: right after its
// number and year, or after a description and ", which".
constexpr size_t kVerbGapBytes = 20;
constexpr size_t kWhichGapBytes = 80;

}  // namespace

void ExtractResolutionContents(RuleContext& context) {
  static const std::regex kReports(
      R"(\b(?:calls?\s+(?:on|upon|for)|called\s+(?:on|upon|for)|stated|states|stresse[sd]|urge[sd]|requeste?d?s?|recogni[sz]e[sd]|(?:re)?affirm(?:s|ed)|emphasi[sz]e[sd]|underline[sd]|encourage[sd]|recalls?)\b)",
      std::regex::icase);
  for (const Block& block : context.blocks()) {
    for (const Span& sentence : block.sentences) {
      for (const Mention* resolution :
           context.MentionsIn(sentence, {"Resolution"})) {
        std::string after(context.Of({resolution->span.end, sentence.end}));
        std::smatch m;
        if (!std::regex_search(after, m, kReports)) continue;
        size_t gap = m.position(0);
        bool which = after.substr(0, gap).find("which") != std::string::npos;
        if (gap > (which ? kWhichGapBytes : kVerbGapBytes)) continue;
        size_t content = resolution->span.end + gap + m.length(0);
        for (const Mention* topic :
             context.MentionsIn({content, sentence.end}, {"Topic"})) {
          context.AddEdge(resolution->key, "ABOUT", topic->key, topic->span,
                          "resolution-content", kContentConfidence);
        }
        break;
      }
    }
  }
}

}  // namespace kg::text
