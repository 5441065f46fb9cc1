// A test fixture whose server (test_server.h) holds the test graph
// (test_graph.h), for the service tests that ask it questions.
#ifndef KG_TESTS_QUERY_TEST_GRAPH_SERVER_H_
#define KG_TESTS_QUERY_TEST_GRAPH_SERVER_H_

#include <gtest/gtest.h>

#include "test_graph.h"
#include "test_server.h"

namespace kg::testing {

class TestGraphServerTest : public ServerTest {
 protected:
  void SetUp() override {
    ServerTest::SetUp();
    if (HasFatalFailure()) return;
    ASSERT_TRUE(query_test::LoadTestGraph(*store_).ok());
  }
};

}  // namespace kg::testing

#endif  // KG_TESTS_QUERY_TEST_GRAPH_SERVER_H_
