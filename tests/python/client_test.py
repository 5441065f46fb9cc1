#!/usr/bin/python3
"""The Python client (clients/python) against a real kg-server process.

Starts kg-server ($KG_SERVER) on 127.0.0.1:0 with a fresh --db, imports a
few facts through the generated IngestService stub, and checks what the
client returns: rows of a pandas DataFrame, nodes and edges of a networkx
graph, search hits, descriptions, paths, and errors. Exits 77 (skipped)
when pandas, networkx or the stubs are not installed.
"""

import os
import re
import shutil
import subprocess
import sys
import tempfile
import unittest

try:
    import grpc
    import networkx  # noqa: F401 (the client imports it)
    import pandas  # noqa: F401
    from kg.v1 import ingest_service_pb2
    from kg.v1 import ingest_service_pb2_grpc
    from kg.v1 import types_pb2
    import kg_client
except ImportError as error:
    print(f"skipped: {error} (needs python3-grpcio, python3-pandas, "
          "python3-networkx and the stubs on PYTHONPATH)")
    sys.exit(77)

DOCUMENT = "doc:2020-python-client-test"


def node(key, label, name, aliases=(), **props):
    message = types_pb2.Node(key=key, label=label, name=name,
                             aliases=list(aliases))
    for prop, value in props.items():
        message.props[prop].string_value = value
    return ingest_service_pb2.ImportFactsRequest(node=message)


def edge(src, type_, dst):
    return ingest_service_pb2.ImportFactsRequest(
        edge=types_pb2.Edge(src_key=src, type=type_, dst_key=dst))


FACTS = [
    ingest_service_pb2.ImportFactsRequest(document=types_pb2.Document(
        key=DOCUMENT, title="Python client test", kind="report",
        date=types_pb2.Date(year=2020, month=3))),
    node("unbody:dpo", "UNBody", "Department of Peace Operations", ["DPO"]),
    node("state:NOR", "State", "Norway"),
    node("framework:wps-ha-compact", "Framework",
         "Compact on Women, Peace and Security and Humanitarian Action"),
    node("mission:UNMISS", "Mission", "UN Mission in South Sudan",
         ["UNMISS"]),
    node("resolution:unsc-1325", "Resolution", "Resolution 1325 (2000)"),
    node("commitment:dpo-parity", "Commitment", "Gender parity pledge",
         kind="pledge", text="Reach gender parity among military observers"),
    node("commitment:nor-training", "Commitment", "Training recommendation",
         kind="recommendation", text="Train peacekeepers on protection"),
    edge("unbody:dpo", "PLEDGED", "commitment:dpo-parity"),
    edge("commitment:dpo-parity", "UNDER", "framework:wps-ha-compact"),
    edge("commitment:dpo-parity", "TARGETS", "mission:UNMISS"),
    edge("state:NOR", "RECOMMENDED", "commitment:nor-training"),
    edge("commitment:nor-training", "UNDER", "framework:wps-ha-compact"),
    edge("mission:UNMISS", "MANDATED_BY", "resolution:unsc-1325"),
]


class ClientTest(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.dir = tempfile.mkdtemp(prefix="kg-python-test-")
        cls.server = subprocess.Popen(
            [os.environ["KG_SERVER"], "--db", os.path.join(cls.dir, "db"),
             "--listen", "127.0.0.1:0", "--http_listen=",
             "--reference_dir="],
            stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
        line = cls.server.stdout.readline()
        match = re.match(r"kg-server listening on (\S+)", line)
        if not match:
            cls.tearDownClass()
            raise RuntimeError(f"kg-server did not start: {line!r}")
        cls.address = match.group(1)
        with grpc.insecure_channel(cls.address) as channel:
            ingest_service_pb2_grpc.IngestServiceStub(channel).ImportFacts(
                iter(FACTS), timeout=30)
        cls.client = kg_client.Client(cls.address)

    @classmethod
    def tearDownClass(cls):
        if getattr(cls, "client", None) is not None:
            cls.client.close()
        cls.server.terminate()
        cls.server.wait(timeout=30)
        cls.server.stdout.close()
        shutil.rmtree(cls.dir, ignore_errors=True)

    def test_commitments_frame_has_a_row_per_commitment(self):
        frame = self.client.commitments_frame(
            framework_key="framework:wps-ha-compact")
        self.assertEqual(sorted(frame["commitment"]),
                         ["commitment:dpo-parity", "commitment:nor-training"])
        dpo = frame[frame["actor"] == "unbody:dpo"].iloc[0]
        self.assertEqual(dpo["relation"], "PLEDGED")
        self.assertEqual(dpo["kind"], "pledge")
        self.assertEqual(dpo["targets"], ["mission:UNMISS"])
        self.assertEqual(dpo["frameworks"], ["framework:wps-ha-compact"])
        self.assertEqual(dpo["documents"], [DOCUMENT])
        self.assertEqual(dpo["date"], "2020-03")

    def test_commitments_follow_pages_and_filters(self):
        rows = list(self.client.commitments(page_size=1))
        self.assertEqual(len(rows), 2)
        pledged = list(self.client.commitments(relation="pledged"))
        self.assertEqual([row.actor.key for row in pledged], ["unbody:dpo"])
        self.assertEqual(
            list(self.client.commitments(date_from="2021")), [])

    def test_subgraph_to_networkx(self):
        subgraph = self.client.traverse(["mission:UNMISS"], max_depth=2)
        self.assertEqual(subgraph.truncated_by, [])
        graph = kg_client.subgraph_to_networkx(subgraph)
        self.assertEqual(
            set(graph.nodes),
            {"mission:UNMISS", "resolution:unsc-1325",
             "commitment:dpo-parity", "unbody:dpo",
             "framework:wps-ha-compact"})
        self.assertTrue(graph.has_edge("mission:UNMISS",
                                       "resolution:unsc-1325",
                                       key="MANDATED_BY"))
        self.assertTrue(graph.has_edge("unbody:dpo", "commitment:dpo-parity",
                                       key="PLEDGED"))
        self.assertEqual(graph.nodes["mission:UNMISS"]["depth"], 0)
        self.assertEqual(graph.nodes["unbody:dpo"]["depth"], 2)
        self.assertEqual(graph.nodes["commitment:dpo-parity"]["kind"],
                         "pledge")
        self.assertEqual(graph.nodes["unbody:dpo"]["label"], "UNBody")

    def test_search_describe_get_and_paths(self):
        hits = self.client.search("unmi")
        self.assertEqual(hits[0].node.key, "mission:UNMISS")
        self.assertEqual(self.client.get("state:NOR").name, "Norway")
        description = self.client.describe("commitment:dpo-parity")
        groups = {(group.type, group.direction): group.count
                  for group in description.groups}
        self.assertEqual(groups[("UNDER", kg_client.graph_service_pb2
                                 .DIRECTION_OUT)], 1)
        path = self.client.shortest_path("unbody:dpo",
                                         "resolution:unsc-1325")
        self.assertEqual([n.key for n in path.nodes],
                         ["unbody:dpo", "commitment:dpo-parity",
                          "mission:UNMISS", "resolution:unsc-1325"])
        self.assertIsNone(self.client.shortest_path(
            "unbody:dpo", "resolution:unsc-1325", edge_types=["UNDER"]))
        self.assertGreaterEqual(len(self.client.paths(
            "state:NOR", "unbody:dpo", max_depth=4)), 1)

    def test_query_frame_has_a_column_per_returned_column(self):
        frame = self.client.query_frame(
            "MATCH (a)-[:PLEDGED|RECOMMENDED]->(c:Commitment)"
            "-[:UNDER]->(f {key: $framework}) "
            "RETURN a.key AS actor, c.key AS commitment, c.kind AS kind "
            "ORDER BY actor",
            {"framework": "framework:wps-ha-compact"})
        self.assertEqual(list(frame.columns), ["actor", "commitment", "kind"])
        self.assertEqual(frame.values.tolist(),
                         [["state:NOR", "commitment:nor-training",
                           "recommendation"],
                          ["unbody:dpo", "commitment:dpo-parity", "pledge"]])
        empty = self.client.query_frame(
            "MATCH (n:State {key: 'state:XXX'}) RETURN n.name AS name")
        self.assertEqual(list(empty.columns), ["name"])
        self.assertEqual(len(empty), 0)

    def test_query_values_are_typed(self):
        columns, rows = self.client.run(
            "MATCH p = (m:Mission)-[r:MANDATED_BY]->(res) "
            "RETURN m, r, p, [1, 2.5, null] AS list, {a: true} AS map, "
            "$number AS number", {"number": [7]})
        self.assertEqual(columns, ["m", "r", "p", "list", "map", "number"])
        mission, rel, path, values, mapping, number = rows[0]
        self.assertEqual(mission.labels, ["Mission"])
        self.assertEqual(mission.properties["key"], "mission:UNMISS")
        self.assertEqual(mission.key, "mission:UNMISS")
        self.assertEqual(rel.type, "MANDATED_BY")
        self.assertEqual(rel.start, mission.id)
        self.assertEqual([n.properties["key"] for n in path.nodes],
                         ["mission:UNMISS", "resolution:unsc-1325"])
        self.assertEqual(values, [1, 2.5, None])
        self.assertEqual(mapping, {"a": True})
        self.assertEqual(number, [7])

    def test_query_errors_carry_the_servers_status(self):
        with self.assertRaises(grpc.RpcError) as raised:
            self.client.query_frame("MATCH (n RETURN n")
        self.assertEqual(raised.exception.code(),
                         grpc.StatusCode.INVALID_ARGUMENT)
        self.assertIn("SyntaxError", raised.exception.details())
        with self.assertRaises(TypeError):
            self.client.run("RETURN $x", {"x": object()})

    def test_errors_carry_the_servers_status(self):
        with self.assertRaises(grpc.RpcError) as raised:
            self.client.describe("state:XXX")
        self.assertEqual(raised.exception.code(), grpc.StatusCode.NOT_FOUND)
        with self.assertRaises(grpc.RpcError) as raised:
            list(self.client.commitments(page_size=5000))
        self.assertEqual(raised.exception.code(),
                         grpc.StatusCode.INVALID_ARGUMENT)

    def test_example_script_runs(self):
        example = os.path.join(os.path.dirname(kg_client.__file__),
                               "example.py")
        result = subprocess.run(
            [sys.executable, example, "--server", self.address],
            capture_output=True, text=True, timeout=60, check=False)
        self.assertEqual(result.returncode, 0, result.stderr)
        self.assertIn("2 commitments under framework:wps-ha-compact",
                      result.stdout)
        self.assertIn("mission:UNMISS", result.stdout)


if __name__ == "__main__":
    unittest.main()
