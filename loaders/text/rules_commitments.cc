// Commitments: each recommendation list item, and each sentence in which
// an actor pledges or commits, becomes a Commitment with its author
// (RECOMMENDED or PLEDGED), whom it asks (ADDRESSED_TO), the frameworks it
// is made under (UNDER), what it targets (TARGETS) and its topics (ABOUT).
#include <algorithm>
#include <optional>
#include <regex>

#include "absl/strings/ascii.h"
#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/strip.h"
#include "rule_context.h"
#include "speaker_requests.h"

namespace kg::text {
namespace {

constexpr double kRecommendationConfidence = 0.75;
constexpr double kPledgeConfidence = 0.7;
// How far into a sentence its subject may be named.
constexpr size_t kSubjectWindowBytes = 40;

std::string Lower(absl::string_view s) { return absl::AsciiStrToLower(s); }

// Markdown emphasis and link syntax out of a one-line statement.
std::string PlainText(absl::string_view s) {
  std::string out =
      std::regex_replace(std::string(s), std::regex(R"(\]\([^)]*\))"), "");
  std::string clean;
  for (size_t i = 0; i < out.size(); ++i) {
    char c = out[i];
    if (c == '*' || c == '[' || c == ']' || c == '\\' || c == '\n') {
      if (c == '\n') clean.push_back(' ');
      continue;
    }
    clean.push_back(c);
  }
  return std::string(absl::StripAsciiWhitespace(clean));
}

bool IsRecommendationHeading(absl::string_view heading) {
  std::string lower = Lower(heading);
  return absl::StrContains(lower, "recommend") ||
         absl::StrContains(lower, "call to action") ||
         absl::StrContains(lower, "way forward") ||
         absl::StrContains(lower, "action points");
}

bool IntroducesRecommendations(absl::string_view paragraph) {
  std::string lower = Lower(paragraph);
  return (absl::StrContains(lower, "recommend") ||
          absl::StrContains(lower, "encouraged to") ||
          absl::StrContains(lower, "urged to") ||
          absl::StrContains(lower, "called upon") ||
          absl::StrContains(lower, "call on")) &&
         (absl::EndsWith(absl::StripTrailingAsciiWhitespace(paragraph), ":") ||
          absl::StrContains(lower, "following"));
}

class CommitmentReader {
 public:
  explicit CommitmentReader(RuleContext& context) : context_(context) {}

  void Run() {
    author_ = context_.Author();
    bool in_section = false;
    absl::string_view section_heading;
    const Block* intro = nullptr;
    const auto& blocks = context_.blocks();
    for (size_t i = 0; i < blocks.size(); ++i) {
      const Block& block = blocks[i];
      if (block.kind == BlockKind::kHeading) {
        bool next_is_list =
            i + 1 < blocks.size() && blocks[i + 1].kind == BlockKind::kListItem;
        absl::string_view heading = context_.Of(block.content);
        if (IsRecommendationHeading(heading)) {
          // The same heading again is a page's running head: the section,
          // and what introduced its list, go on.
          if (heading != section_heading) intro = nullptr;
          section_heading = heading;
          in_section = true;
        } else if (!next_is_list) {
          // A heading over something else than a list opens a new section:
          // lists in it are not the recommendations introduced before.
          in_section = false;
          intro = nullptr;
        }
        continue;
      }
      if (block.kind == BlockKind::kParagraph) {
        // A paragraph that introduces a list asks through its items, not
        // as a request of its own.
        bool introduces = IntroducesRecommendations(context_.Of(block.content));
        if (introduces) {
          intro = &block;
        } else if (!in_section) {
          intro = nullptr;
        }
        Statements(block, /*requests=*/!introduces);
        continue;
      }
      if (block.kind == BlockKind::kListItem) {
        // Items of a recommendations list recommend; numbered paragraphs
        // and other items report, and may report pledges.
        // A numbered paragraph may itself introduce the list: "6. The
        // co-chairs recommend that:".
        if (IntroducesRecommendations(context_.Of(block.content))) {
          intro = &block;
        } else if (in_section || intro != nullptr) {
          Recommendation(block, intro);
        } else {
          Statements(block, /*requests=*/true);
        }
      }
    }
  }

 private:
  std::string NewCommitment(Span evidence, absl::string_view kind,
                            absl::string_view statement, double confidence) {
    ++count_;
    kg::v1::Node node;
    node.set_key(
        absl::StrCat("commitment:", context_.document().slug, "-", count_));
    node.set_label("Commitment");
    node.set_name(
        absl::StrCat("Commitment ", count_, " of ", context_.document().slug));
    (*node.mutable_props())["kind"] = StringValue(kind);
    (*node.mutable_props())["text"] = StringValue(PlainText(statement));
    // A commitment is the document's own statement, not something it
    // names: it gets no MENTIONS edge.
    context_.AddNode(node, evidence, absl::StrCat("commitment-", kind),
                     confidence);
    return node.key();
  }

  // Who recommends a list: the document's author, or the actors a role
  // in its introduction stands for ("The co-chairs recommend": those that
  // chair the meeting, else those that host it, not its supporters).
  std::vector<std::string> AuthorsOf(const Block* intro) {
    if (intro != nullptr) {
      static const std::regex kRole(
          R"(^\W*(?:the\s+)?(co-?chairs?|co-?hosts?|hosts?|chairs?|organi[sz]ers)\b)",
          std::regex::icase);
      std::string opening(context_.Of(intro->content).substr(0, 80));
      std::smatch m;
      if (std::regex_search(opening, m, kRole)) {
        bool chairs = absl::StrContains(Lower(m[1].str()), "chair");
        for (const char* type : {chairs ? "CHAIRS" : "HOSTED", "HOSTED"}) {
          std::vector<std::string> actors;
          for (const FoundEdge& e : context_.edges()) {
            bool supporter = e.props.count("role") > 0 &&
                             e.props.at("role").string_value() == "supporter";
            if (e.type == type && absl::StartsWith(e.dst, "event:") &&
                !supporter &&
                std::find(actors.begin(), actors.end(), e.src) ==
                    actors.end()) {
              actors.push_back(e.src);
            }
          }
          if (!actors.empty()) return actors;
        }
      }
    }
    return {author_};
  }

  // A sentence's words up to its first modal or request verb: its subject
  // ("Member States should ..."); none in an imperative ("Ensure ...").
  std::optional<Span> SubjectOf(Span sentence) const {
    std::string s = Lower(context_.Of(sentence).substr(0, 260));
    static const std::regex kSubject(
        R"(^[^.;:]{0,200}?\b(?:should|must|shall|are|is|will|need to|have to|were)\b)");
    std::smatch m;
    if (!std::regex_search(s, m, kSubject)) return std::nullopt;
    return Span{sentence.start,
                sentence.start + static_cast<size_t>(m.length(0))};
  }

  // The actors a sentence's subject names: the words that open it, up to a
  // modal or request verb ("Member States should ...", "The Network
  // should ...").
  std::vector<const Mention*> Subjects(Span sentence) {
    std::optional<Span> subject = SubjectOf(sentence);
    if (!subject.has_value()) return {};
    std::vector<const Mention*> out;
    for (const Mention* mention : context_.MentionsIn(*subject)) {
      if (IsActorLabel(mention->label)) out.push_back(mention);
    }
    return out;
  }

  // An item that names no one to act but the UN body whose action or
  // instrument it wants ("Make wider use of the reporting tools of the
  // General Assembly", "seek more attention from the Council") asks that
  // body; a body it names as the forum others act in or deal with ("raise
  // it in the Council", "share it with the Council") is not asked.
  std::vector<const Mention*> BodiesAskedOf(Span sentence) {
    if (SubjectOf(sentence).has_value()) return {};
    static const std::regex kOfThe(R"(\b(?:of|from)\s+(?:the\s+)?$)",
                                   std::regex::icase);
    static const std::regex kForum(R"(\b(?:in|at|to|into|with)\s+(?:the\s+)?$)",
                                   std::regex::icase);
    std::vector<const Mention*> asked;
    std::vector<std::string> forums;
    for (const Mention* body : context_.MentionsIn(sentence, {"UNBody"})) {
      size_t from = body->span.start > sentence.start + kSubjectWindowBytes
                        ? body->span.start - kSubjectWindowBytes
                        : sentence.start;
      std::string before =
          PlainText(context_.Of({from, body->span.start})) + " ";
      if (std::regex_search(before, kOfThe)) asked.push_back(body);
      if (std::regex_search(before, kForum)) forums.push_back(body->key);
    }
    std::vector<const Mention*> out;
    for (const Mention* body : asked) {
      if (std::find(forums.begin(), forums.end(), body->key) == forums.end()) {
        out.push_back(body);
      }
    }
    return out;
  }

  // The frameworks a recommendation is made under: those it names, those
  // its introduction sets for the whole list ("in line with the A4P+ plan,
  // ...:") and those the document's title names; failing all, the
  // framework the document names most, when it names it more than once.
  std::vector<const Mention*> RecommendationFrameworks(Span statement,
                                                       const Block* intro) {
    std::vector<const Mention*> frameworks =
        context_.MentionsIn(statement, {"Framework"});
    for (Span context_span : {intro != nullptr ? intro->content : Span{},
                              context_.document().title}) {
      for (const Mention* f :
           context_.MentionsIn(context_span, {"Framework"})) {
        frameworks.push_back(f);
      }
    }
    // A framework named once in passing does not set the document's
    // context; one named again and again does.
    constexpr int kContextMentions = 2;
    const Mention* main = context_.MostMentioned("Framework");
    if (frameworks.empty() && main != nullptr) {
      std::vector<const Mention*> all =
          context_.MentionsIn({0, context_.text().size()}, {"Framework"});
      if (std::count_if(all.begin(), all.end(), [&](const Mention* m) {
            return m->key == main->key;
          }) >= kContextMentions) {
        frameworks.push_back(main);
      }
    }
    return frameworks;
  }

  // Frameworks, targets and topics of a statement.
  void Attributes(const std::string& commitment, Span statement,
                  const std::vector<const Mention*>& frameworks,
                  const std::string& except_key) {
    for (const Mention* f : frameworks) {
      context_.AddEdge(commitment, "UNDER", f->key, statement,
                       "commitment-framework", 0.6);
    }
    std::vector<const Mention*> targets = context_.MentionsIn(
        statement, {"Mission", "State", "Place", "Network"});
    for (size_t i = 0; i < targets.size(); ++i) {
      const Mention* t = targets[i];
      if (t->key == except_key) continue;
      // "South Lebanon" targets the place, not the state its name holds;
      // "... Mission in Mali" the mission.
      bool nested =
          (i > 0 && targets[i - 1]->span.Contains(t->span)) ||
          (i + 1 < targets.size() && targets[i + 1]->span.Contains(t->span) &&
           targets[i + 1]->span.size() > t->span.size());
      if (nested) continue;
      context_.AddEdge(commitment, "TARGETS", t->key, t->span,
                       "commitment-target", 0.6);
    }
    for (const Mention* t : context_.MentionsIn(statement, {"Topic"})) {
      context_.AddEdge(commitment, "ABOUT", t->key, t->span, "commitment-topic",
                       0.6);
    }
  }

  void Recommendation(const Block& item, const Block* intro) {
    if (item.sentences.empty()) return;
    Span first = item.sentences.front();
    std::string key =
        NewCommitment(item.content, "recommendation", context_.Of(first),
                      kRecommendationConfidence);
    for (const std::string& author : AuthorsOf(intro)) {
      context_.AddEdge(author, "RECOMMENDED", key, item.content,
                       "recommendation-item", kRecommendationConfidence);
    }
    std::vector<const Mention*> addressees = Subjects(first);
    // "recommend that: (b) the Department of Peace Operations strengthen
    // ...": the item opens with whom it asks.
    if (addressees.empty() && intro != nullptr &&
        absl::EndsWith(Lower(absl::StripTrailingAsciiWhitespace(
                           context_.Of(intro->content))),
                       "that:")) {
      for (const Mention* a : context_.MentionsIn(
               {first.start, first.start + kSubjectWindowBytes})) {
        if (IsActorLabel(a->label)) {
          addressees.push_back(a);
          break;
        }
      }
    }
    // A heading right over the list may name whom it asks: "Peacekeeping
    // partners are urged to:".
    if (addressees.empty() && item.heading >= 0) {
      const Block& heading = context_.blocks()[item.heading];
      if (!heading.sentences.empty())
        addressees = Subjects(heading.sentences[0]);
    }
    if (addressees.empty() && intro != nullptr) {
      for (const Span& sentence : intro->sentences) {
        std::vector<const Mention*> s = Subjects(sentence);
        addressees.insert(addressees.end(), s.begin(), s.end());
      }
    }
    if (addressees.empty()) addressees = BodiesAskedOf(first);
    std::string addressee;
    for (const Mention* a : addressees) {
      context_.AddEdge(key, "ADDRESSED_TO", a->key, a->span,
                       "recommendation-addressee", 0.6);
      addressee = a->key;
    }
    Attributes(key, item.content, RecommendationFrameworks(item.content, intro),
               addressee);
  }

  // "She urged Member States to ...": the speaker's office recommends,
  // the group named is asked.
  void Request(const SpeakerRequest& request, Span sentence) {
    std::string key =
        NewCommitment(sentence, "recommendation", context_.Of(sentence),
                      kRecommendationConfidence);
    for (const std::string& author : request.authors) {
      context_.AddEdge(author, "RECOMMENDED", key, sentence, "speaker-request",
                       kRecommendationConfidence);
    }
    context_.AddEdge(key, "ADDRESSED_TO", request.addressee->key,
                     request.addressee->span, "speaker-request-addressee", 0.6);
    Attributes(key, sentence, context_.MentionsIn(sentence, {"Framework"}),
               request.addressee->key);
  }

  // The pledges and, with `requests`, the requests in reported speech of
  // a paragraph or reporting item; one sentence may make both.
  void Statements(const Block& block, bool requests) {
    for (const Span& sentence : block.sentences) {
      std::optional<SpeakerRequest> request;
      if (requests) request = FindSpeakerRequest(context_, sentence);
      Pledge(block, sentence,
             request.has_value() ? request->addressee : nullptr);
      if (request.has_value()) Request(*request, sentence);
    }
  }

  // The pledge `sentence` makes, if any; the group `asked` by a request in
  // it ("hopes regional organizations will ...") pledges nothing.
  void Pledge(const Block& block, Span sentence, const Mention* asked) {
    static const std::regex kPledge(
        R"(\b(?:pledged?|pledges|committed\s+to|commits\s+to|signed\s+up\s+to|has\s+signed|signed\s+an?\s+(?:agreement|memorandum|arrangement)|announced\s+(?:new\s+|additional\s+|further\s+)?(?:support|funding|contributions?|financing)|undertook\s+to|undertakes\s+to|plans?\s+to|intends?\s+to|will\s+(?:also\s+)?[a-z]+)\b)",
        std::regex::icase);
    std::string s(context_.Of(sentence));
    std::smatch m;
    if (!std::regex_search(s, m, kPledge)) return;
    Span before{sentence.start,
                sentence.start + static_cast<size_t>(m.position(0))};
    std::vector<const Mention*> actors;
    for (const Mention* a : context_.MentionsIn(before)) {
      if (IsActorLabel(a->label) && a->label != "Person") actors.push_back(a);
    }
    if (actors.empty() || actors.back() == asked) return;
    const Mention* actor = actors.back();
    std::vector<const Mention*> pledgers = Coordinated(context_, actors);
    // A future or intention ("will", "plans to") pledges only when its
    // actor is the sentence's subject: named within its first words.
    bool firm = !absl::StartsWith(Lower(m.str(0)), "will") &&
                !absl::StartsWith(Lower(m.str(0)), "plan") &&
                !absl::StartsWith(Lower(m.str(0)), "intend");
    if (!firm && actor->span.start > sentence.start + kSubjectWindowBytes) {
      return;
    }
    std::string key = NewCommitment(sentence, "pledge", s, kPledgeConfidence);
    for (const Mention* pledger : pledgers) {
      context_.AddEdge(pledger->key, "PLEDGED", key, sentence,
                       "pledge-sentence", kPledgeConfidence);
    }
    // A pledge is made under the frameworks it names, else under those
    // its paragraph named before it ("announced new support for the
    // Elsie Initiative. Canada pledged ..."), not under the document's.
    Span pledged{before.end, sentence.end};
    std::vector<const Mention*> frameworks =
        context_.MentionsIn(pledged, {"Framework"});
    if (frameworks.empty()) {
      frameworks = context_.MentionsIn({block.content.start, sentence.start},
                                       {"Framework"});
    }
    Attributes(key, pledged, frameworks, actor->key);
    if (absl::StrContains(Lower(m.str(0)), "signed up") ||
        absl::StrContains(Lower(m.str(0)), "has signed")) {
      for (const Mention* f :
           context_.MentionsIn({before.end, sentence.end}, {"Framework"})) {
        context_.AddEdge(actor->key, "SIGNED", f->key, sentence, "signed-up-to",
                         kPledgeConfidence);
      }
    }
  }

  RuleContext& context_;
  std::string author_;
  int count_ = 0;
};

}  // namespace

void ExtractCommitments(RuleContext& context) {
  CommitmentReader(context).Run();
}

}  // namespace kg::text
