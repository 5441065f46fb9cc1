// CheckConsistency: reads a store's RocksDB directory directly and checks
// that every index and counter agrees with the node and edge records.
#ifndef KG_TESTS_GRAPH_CONSISTENCY_CHECK_H_
#define KG_TESTS_GRAPH_CONSISTENCY_CHECK_H_

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace kg::graph::test {

// Opens the database at `path` read-only (the store may stay open if no
// commit runs meanwhile) and returns every inconsistency found, empty when
// there is none. Checks:
//  - `keys` <-> node records, both ways, with the record's key;
//  - every node and edge record has >= 1 assertion, at most one per
//    document, each with >= 1 source naming that document;
//  - `labels`, `names` and `props` hold exactly the entries the records'
//    effective views call for (nothing missing, nothing stale);
//  - every edge's ends exist, and every document asserting an edge also
//    asserts both its ends (so removal never strands an edge);
//  - `adj` holds exactly the out and in entry of every edge, valued with
//    its id, and no two edges share (src, type, dst);
//  - degree counters equal the `adj` counts (zero counters may be absent),
//    label and type counters equal the record counts;
//  - `doc_facts` <-> assertions, both ways;
//  - ids are below the persisted id counters; `meta` holds no unknown key;
//    the default family is empty.
std::vector<std::string> CheckConsistency(const std::string& path);

// For EXPECT_TRUE / ASSERT_TRUE: success, or the problems found.
::testing::AssertionResult IsConsistent(const std::string& path);

}  // namespace kg::graph::test

#endif  // KG_TESTS_GRAPH_CONSISTENCY_CHECK_H_
