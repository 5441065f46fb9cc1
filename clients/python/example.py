#!/usr/bin/python3
"""Loads commitments into a pandas DataFrame and a subgraph into networkx.

    PYTHONPATH=build/clients/python/gen:clients/python \
        /usr/bin/python3 clients/python/example.py --server 127.0.0.1:50051 \
        --framework framework:wps-ha-compact --around mission:UNMISS
"""

import argparse
import os

import networkx

from kg_client import Client, subgraph_to_networkx


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--server", default="127.0.0.1:50051")
    parser.add_argument("--token", default=os.environ.get("KG_TOKEN"))
    parser.add_argument("--framework", default="framework:wps-ha-compact",
                        help="commitments under this framework")
    parser.add_argument("--around", default="mission:UNMISS",
                        help="the subgraph around this node")
    parser.add_argument("--depth", type=int, default=2)
    args = parser.parse_args()

    with Client(args.server, token=args.token) as kg:
        frame = kg.commitments_frame(framework_key=args.framework)
        print(f"{len(frame)} commitments under {args.framework}")
        if not frame.empty:
            print(frame.groupby(["actor", "relation"]).size()
                  .sort_values(ascending=False).to_string())

        graph = subgraph_to_networkx(
            kg.traverse([args.around], max_depth=args.depth))
        print(f"\n{graph.number_of_nodes()} nodes and "
              f"{graph.number_of_edges()} edges within {args.depth} hops "
              f"of {args.around}; the most connected:")
        centrality = networkx.degree_centrality(graph)
        for key in sorted(centrality, key=centrality.get, reverse=True)[:5]:
            print(f"  {key}  {graph.nodes[key]['name']}  "
                  f"{centrality[key]:.3f}")


if __name__ == "__main__":
    main()
