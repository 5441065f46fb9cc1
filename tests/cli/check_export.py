#!/usr/bin/python3
"""Reads a `kg export` file back with standard parsers and prints what it
holds, one fact a line, sorted, for export_writers_test.cc to compare:

    check_export.py graphml FILE   node ID NAME:TYPE=VALUE / edge SRC DST ...
    check_export.py json FILE      node ID NAME=VALUE / edge SRC DST ...
    check_export.py csv NODES EDGES

Values print as JSON. A file that does not parse fails with a traceback.
"""

import csv
import json
import sys
import xml.etree.ElementTree as ElementTree


def graphml(path):
    ns = {"g": "http://graphml.graphdrawing.org/xmlns"}
    root = ElementTree.parse(path).getroot()
    keys = {key.get("id"): (key.get("for"), key.get("attr.name"),
                            key.get("attr.type"))
            for key in root.findall("g:key", ns)}
    graph = root.find("g:graph", ns)
    yield f"graph edgedefault={graph.get('edgedefault')}"
    for element in graph:
        tag = element.tag.split("}")[1]
        if tag == "node":
            where = f"node {element.get('id')}"
        else:
            where = f"edge {element.get('source')} {element.get('target')}"
        for data in element.findall("g:data", ns):
            domain, name, type_ = keys[data.get("key")]
            assert domain == tag, (domain, tag)
            yield f"{where} {name}:{type_}={json.dumps(data.text)}"


def node_link(path):
    with open(path, encoding="utf-8") as file:
        data = json.load(file)
    yield f"graph directed={data['directed']} multigraph={data['multigraph']}"
    for node in data["nodes"]:
        for name, value in node.items():
            if name != "id":
                yield f"node {node['id']} {name}={json.dumps(value)}"
    for link in data["links"]:
        for name, value in link.items():
            if name not in ("source", "target"):
                yield (f"edge {link['source']} {link['target']} "
                       f"{name}={json.dumps(value)}")


def tables(nodes_path, edges_path):
    with open(nodes_path, newline="", encoding="utf-8") as file:
        for row in csv.DictReader(file):
            for name, value in row.items():
                if name != "id" and value:
                    yield f"node {row['id']} {name}={json.dumps(value)}"
    with open(edges_path, newline="", encoding="utf-8") as file:
        for row in csv.DictReader(file):
            for name, value in row.items():
                if name not in ("source", "target") and value:
                    yield (f"edge {row['source']} {row['target']} "
                           f"{name}={json.dumps(value)}")


READERS = {"graphml": graphml, "json": node_link, "csv": tables}

if __name__ == "__main__":
    for line in sorted(READERS[sys.argv[1]](*sys.argv[2:])):
        print(line)
