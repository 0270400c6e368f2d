"""Exports of a built graph for other tools, and pushing it to a SPARQL Graph Store.

- RDF: JSON-LD, N-Triples, N-Quads (one named graph per document), TriG;
- networks: GraphML and GEXF (Gephi), one edge per fact with its first evidence sentence;
- Neo4j: ``nodes.csv`` and ``relationships.csv`` in the format of ``neo4j-admin database import``.
"""
from __future__ import annotations

import csv
import io
import urllib.error
import urllib.parse
import urllib.request
from pathlib import Path

import networkx as nx
from rdflib import Graph

from .analysis import to_networkx
from .errors import KGError
from .rdf import load_graph, to_dataset

FORMATS = ("jsonld", "nt", "nq", "trig", "graphml", "gexf", "neo4j")


class PushError(KGError):
    """A SPARQL Graph Store refused the graph or cannot be reached."""


def flat_network(graph: Graph) -> nx.MultiDiGraph:
    """The actor–relation graph with scalar attributes only (GraphML/GEXF cannot hold lists)."""
    g = to_networkx(graph, include_negated=True)
    flat = nx.MultiDiGraph()
    for node, data in g.nodes(data=True):
        flat.add_node(node, label=data.get("label", node), type=data.get("type", ""), group=data.get("group", ""))
    for u, v, key, data in g.edges(keys=True, data=True):
        evidence = data.get("evidence") or [{}]
        flat.add_edge(u, v, key=key, predicate=data.get("predicate", ""), negated=bool(data.get("negated")),
                      mentions=len(data.get("evidence") or []), confidence=float(data.get("confidence", 0.0)),
                      sentence=evidence[0].get("sentence", ""), document=evidence[0].get("document", ""))
    return flat


def neo4j_csvs(graph: Graph) -> tuple[str, str]:
    g = flat_network(graph)
    nodes, rels = io.StringIO(), io.StringIO()
    w = csv.writer(nodes, lineterminator="\n")
    w.writerow(["id:ID", "name", "type", ":LABEL"])
    for node, data in sorted(g.nodes(data=True)):
        w.writerow([node, data["label"], data["type"], f"Entity;{data['type']}" if data["type"] else "Entity"])
    w = csv.writer(rels, lineterminator="\n")
    w.writerow([":START_ID", ":END_ID", ":TYPE", "negated:boolean", "confidence:float", "mentions:int",
                "sentence", "document"])
    for u, v, data in sorted(g.edges(data=True), key=lambda e: (e[0], e[1], e[2]["predicate"])):
        w.writerow([u, v, data["predicate"], str(data["negated"]).lower(), data["confidence"], data["mentions"],
                    data["sentence"], data["document"]])
    return nodes.getvalue(), rels.getvalue()


def export(out_dir: str | Path, formats: tuple[str, ...] = FORMATS, to: str | Path | None = None) -> dict[str, Path]:
    """Write the graph of a build (``out_dir/graph.ttl``) in ``formats`` to ``to`` (default
    ``out_dir/exports``). Returns the files written."""
    from .pipeline import write_atomic

    unknown = set(formats) - set(FORMATS)
    if unknown:
        raise KGError(f"unknown export format(s) {', '.join(sorted(unknown))}; use {', '.join(FORMATS)}")
    graph = load_graph(out_dir)
    target = Path(to) if to else Path(out_dir) / "exports"
    written: dict[str, Path] = {}

    def put(name: str, content: str) -> None:
        write_atomic(target / name, content)
        written[name] = target / name

    if "jsonld" in formats:
        put("graph.jsonld", graph.serialize(format="json-ld", auto_compact=True))
    if "nt" in formats:
        put("graph.nt", graph.serialize(format="nt"))
    if {"nq", "trig"} & set(formats):
        dataset = to_dataset(graph)
        if "nq" in formats:
            put("graph.nq", dataset.serialize(format="nquads"))
        if "trig" in formats:
            put("graph.trig", dataset.serialize(format="trig"))
    if {"graphml", "gexf"} & set(formats):
        flat = flat_network(graph)
        if "graphml" in formats:
            buf = io.BytesIO()
            nx.write_graphml(flat, buf)
            put("graph.graphml", buf.getvalue().decode("utf-8"))
        if "gexf" in formats:
            buf = io.BytesIO()
            nx.write_gexf(flat, buf)
            put("graph.gexf", buf.getvalue().decode("utf-8"))
    if "neo4j" in formats:
        nodes, rels = neo4j_csvs(graph)
        put("neo4j-nodes.csv", nodes)
        put("neo4j-relationships.csv", rels)
    return written


def push(out_dir: str | Path, endpoint: str, timeout: float = 60.0) -> dict[str, int]:
    """Load a built graph into any SPARQL 1.1 Graph Store Protocol server at ``endpoint`` (e.g.
    ``http://127.0.0.1:7878/store``): the default graph with ``PUT ?default``, then each document's
    named graph with ``PUT ?graph=<iri>``. Replaces what was there. Returns triples sent per graph."""
    dataset = to_dataset(load_graph(out_dir))
    sent: dict[str, int] = {}
    for g in dataset.graphs():
        if len(g) == 0:
            continue
        is_default = g.identifier == dataset.default_graph.identifier
        query = "default" if is_default else urllib.parse.urlencode({"graph": str(g.identifier)})
        url = f"{endpoint}{'&' if '?' in endpoint else '?'}{query}"
        body = g.serialize(format="nt", encoding="utf-8")
        request = urllib.request.Request(url, data=body, method="PUT",
                                         headers={"Content-Type": "application/n-triples"})
        try:
            with urllib.request.urlopen(request, timeout=timeout) as response:
                if response.status not in (200, 201, 204):
                    raise PushError(f"{url}: the store answered HTTP {response.status}")
        except urllib.error.HTTPError as exc:
            raise PushError(f"{endpoint}: the store refused the graph (HTTP {exc.code} {exc.reason}); "
                            f"is it a Graph Store Protocol endpoint that accepts writes?") from None
        except urllib.error.URLError as exc:
            raise PushError(f"{endpoint}: cannot reach the store ({exc.reason})") from None
        sent["default" if is_default else str(g.identifier)] = len(g)
    return sent
