#include "kg/graph/query/node_scan.h"

#include <algorithm>
#include <utility>

#include "kg/graph/encoding.h"

namespace kg::graph::query {
namespace {

// Index matches are read this many at a time.
constexpr size_t kPageSize = 128;

}  // namespace

NodeScan::NodeScan(QueryContext& context, NodeScanSpec spec)
    : context_(context), spec_(std::move(spec)) {}

// A position is the index of the last row's node in its page, then the
// engine cursor the page was read from (key scans have one page).
std::string NodeScan::position() const {
  std::string out;
  PutFixed32BE(&out, next_ == 0 ? 0 : next_ - 1);
  out.append(page_cursor_);
  return out;
}

absl::Status NodeScan::FetchPage() {
  page_.clear();
  next_ = 0;
  if (!spec_.keys.empty()) {
    // All keys form one page; unknown ones stay as empty nodes.
    for (const std::string& key : spec_.keys) {
      absl::StatusOr<kg::v1::Node> node = context_.snapshot().GetNode(key);
      if (!node.ok() && !absl::IsNotFound(node.status())) return node.status();
      page_.push_back(node.ok() ? *std::move(node) : kg::v1::Node());
    }
    exhausted_ = true;
    return context_.budget().ChargeExpansions(spec_.keys.size());
  }
  page_cursor_ = next_cursor_;
  absl::StatusOr<NodePage> page =
      context_.snapshot().ListNodes(spec_.index, page_cursor_, kPageSize);
  if (!page.ok()) return page.status();
  page_ = std::move(page->nodes);
  next_cursor_ = std::move(page->next_cursor);
  exhausted_ = next_cursor_.empty();
  return context_.budget().ChargeExpansions(page_.size());
}

absl::StatusOr<bool> NodeScan::Next(Row* row) {
  if (!started_) {
    started_ = true;
    absl::string_view resume = spec_.resume_from;
    uint32_t skip = 0;
    if (!resume.empty() && !GetFixed32BE(&resume, &skip)) {
      return absl::InvalidArgumentError("malformed scan position");
    }
    next_cursor_ = std::string(resume);
    if (absl::Status fetched = FetchPage(); !fetched.ok()) return fetched;
    next_ = std::min<size_t>(skip, page_.size());
  }
  while (true) {
    while (next_ < page_.size()) {
      kg::v1::Node& node = page_[next_++];
      if (node.key().empty() || !context_.Holds(node)) continue;
      if (!spec_.index.label.empty() && node.label() != spec_.index.label) {
        continue;
      }
      const uint64_t id = node.id();
      context_.Adopt(std::move(node));
      *row = {Value(NodeRef{id})};
      return true;
    }
    if (exhausted_) return false;
    if (absl::Status fetched = FetchPage(); !fetched.ok()) return fetched;
  }
}

}  // namespace kg::graph::query
