"""Network analysis of the knowledge graph with networkx.

:func:`to_networkx` turns the RDF graph into the actor–relation ``MultiDiGraph`` (one edge per fact,
attribute ``predicate``, with the evidence of its assertions); the other functions take that graph and
return plain data.
"""
from __future__ import annotations

from collections import Counter, defaultdict

import networkx as nx
from rdflib import Graph
from rdflib.namespace import RDF, RDFS

from .gazetteer import type_group
from .rdf import ENTITY_IRI, KG, ONTOLOGY_IRI

#: Above this many nodes betweenness centrality is estimated from a sample of this many pivots.
BETWEENNESS_SAMPLE = 500


def _local(iri) -> str:
    s = str(iri)
    return s.rsplit("#", 1)[-1] if "#" in s else s.rsplit("/", 1)[-1]


def _key(iri) -> str:
    return str(iri)[len(ENTITY_IRI):] if str(iri).startswith(ENTITY_IRI) else str(iri)


def to_networkx(g: Graph, include_negated: bool = False) -> nx.MultiDiGraph:
    """The actor–relation graph: a node per entity (``label``, ``type``, ``group``), an edge per distinct
    fact (``predicate``, ``negated``, ``evidence``: the assertions behind it, best first).

    >>> from kg.rdf import new_graph
    >>> to_networkx(new_graph()).number_of_nodes()
    0
    """
    out = nx.MultiDiGraph()
    for node, _, cls in g.triples((None, RDF.type, None)):
        if not str(cls).startswith(ONTOLOGY_IRI) or not str(node).startswith(ENTITY_IRI):
            continue
        kind = _local(cls)
        if kind in {"Assertion", "SourceDocument"}:
            continue
        label = g.value(node, RDFS.label)
        out.add_node(_key(node), label=str(label) if label else _key(node), type=kind, group=type_group(kind))
    facts: dict[tuple, list[dict]] = defaultdict(list)
    for a in g.subjects(RDF.type, KG.Assertion):
        negated = bool(g.value(a, KG.negated).toPython()) if g.value(a, KG.negated) is not None else False
        if negated and not include_negated:
            continue
        s, p, o = g.value(a, RDF.subject), g.value(a, RDF.predicate), g.value(a, RDF.object)
        if s is None or p is None or o is None:
            continue
        doc = g.value(a, KG.document)
        doc_name = g.value(doc, KG.fileName) if doc is not None else None
        conf = g.value(a, KG.confidence)
        facts[(_key(s), _local(p), _key(o), negated)].append({
            "assertion": str(a),
            "sentence": str(g.value(a, KG.sentence) or ""),
            "document": str(doc_name or ""),
            "title": str(g.value(doc, KG.title) or "") if doc is not None else "",
            "date": str(g.value(doc, KG.date) or "") if doc is not None else "",
            "confidence": float(conf) if conf is not None else 0.0,
            "modality": str(g.value(a, KG.modality) or ""),
        })
    for (s, p, o, negated), evidence in sorted(facts.items()):
        for node in (s, o):
            if node not in out:
                out.add_node(node, label=node, type="Entity", group="Concept")
        evidence.sort(key=lambda e: -e["confidence"])
        out.add_edge(s, o, key=f"{p}{'-negated' if negated else ''}", predicate=p, negated=negated,
                     evidence=evidence, weight=len(evidence), confidence=evidence[0]["confidence"])
    return out


def degree_table(graph: nx.MultiDiGraph) -> dict[str, dict]:
    """Degree, in/out degree and degree per predicate of every node.

    >>> g = nx.MultiDiGraph(); _ = g.add_edge("a", "b", predicate="signed")
    >>> degree_table(g)["a"]["out_degree"], degree_table(g)["b"]["by_predicate"]
    (1, {'signed': 1})
    """
    table = {}
    for node in graph.nodes:
        by_predicate: Counter = Counter()
        for _, _, data in graph.in_edges(node, data=True):
            by_predicate[data.get("predicate", "")] += 1
        for _, _, data in graph.out_edges(node, data=True):
            by_predicate[data.get("predicate", "")] += 1
        table[node] = {"degree": graph.degree(node), "in_degree": graph.in_degree(node),
                       "out_degree": graph.out_degree(node), "by_predicate": dict(sorted(by_predicate.items()))}
    return table


def pagerank(graph: nx.MultiDiGraph) -> dict[str, float]:
    """PageRank on the undirected simple projection (who is connected to whom, however).

    >>> g = nx.MultiDiGraph(); _ = g.add_edge("a", "b"); _ = g.add_edge("c", "b")
    >>> max(pagerank(g), key=pagerank(g).get)
    'b'
    """
    if graph.number_of_nodes() == 0:
        return {}
    simple = nx.Graph()
    simple.add_nodes_from(graph.nodes)
    for u, v, data in graph.edges(data=True):
        w = data.get("weight", 1)
        if simple.has_edge(u, v):
            simple[u][v]["weight"] += w
        else:
            simple.add_edge(u, v, weight=w)
    return nx.pagerank(simple, weight="weight")


def betweenness(graph: nx.MultiDiGraph, sample: int = BETWEENNESS_SAMPLE, seed: int = 7) -> dict[str, float]:
    """Betweenness centrality on the undirected projection; sampled above ``sample`` nodes.

    >>> g = nx.MultiDiGraph(); _ = g.add_edge("a", "b"); _ = g.add_edge("b", "c")
    >>> betweenness(g)["b"]
    1.0
    """
    simple = nx.Graph(graph.to_undirected())
    n = simple.number_of_nodes()
    if n == 0:
        return {}
    k = sample if n > sample else None
    return nx.betweenness_centrality(simple, k=k, seed=seed if k else None)


def communities(graph: nx.MultiDiGraph, seed: int = 7) -> list[list[str]]:
    """Louvain communities (networkx's own), largest first; singletons left out.

    >>> g = nx.MultiDiGraph(); _ = g.add_edge("a", "b"); _ = g.add_edge("c", "d")
    >>> communities(g)
    [['a', 'b'], ['c', 'd']]
    """
    simple = nx.Graph(graph.to_undirected())
    simple.remove_nodes_from([n for n in list(simple.nodes) if simple.degree(n) == 0])
    if simple.number_of_edges() == 0:
        return []
    found = nx.community.louvain_communities(simple, seed=seed)
    groups = [sorted(c) for c in found if len(c) > 1]
    return sorted(groups, key=lambda c: (-len(c), c))


def components(graph: nx.MultiDiGraph) -> list[list[str]]:
    """Weakly connected components, largest first."""
    return sorted((sorted(c) for c in nx.weakly_connected_components(graph)), key=lambda c: (-len(c), c))


def shortest_path(graph: nx.MultiDiGraph, source: str, target: str) -> list[dict]:
    """The shortest chain of facts linking two nodes (either direction), each hop with its evidence.

    >>> g = nx.MultiDiGraph(); _ = g.add_edge("a", "b", predicate="signed", evidence=[{"sentence": "A signed B."}])
    >>> [(h["from"], h["predicate"], h["to"]) for h in shortest_path(g, "b", "a")]
    [('a', 'signed', 'b')]
    """
    path = nx.shortest_path(graph.to_undirected(as_view=True), source, target)
    hops = []
    for u, v in zip(path, path[1:]):
        if graph.has_edge(u, v):
            a, b = u, v
        else:
            a, b = v, u
        data = min(graph.get_edge_data(a, b).values(), key=lambda d: -d.get("confidence", 0))
        hops.append({"from": a, "predicate": data.get("predicate", ""), "to": b,
                     "evidence": (data.get("evidence") or [{}])[0]})
    return hops


def summarize(graph: nx.MultiDiGraph, top: int = 10) -> dict:
    """The figures ``analysis.json`` holds: counts, components, communities and top actors."""
    labels = nx.get_node_attributes(graph, "label")
    pr = pagerank(graph)
    degrees = degree_table(graph)
    actors = [n for n, d in graph.nodes(data=True) if d.get("group") == "Actor"]

    def top_by(score: dict[str, float], nodes) -> list[dict]:
        ranked = sorted(nodes, key=lambda n: (-score.get(n, 0), n))[:top]
        return [{"id": n, "label": labels.get(n, n), "score": round(score.get(n, 0), 6)} for n in ranked]

    comps = components(graph)
    comms = communities(graph)
    predicates = Counter(d.get("predicate") for _, _, d in graph.edges(data=True))
    return {
        "nodes": graph.number_of_nodes(),
        "edges": graph.number_of_edges(),
        "node_types": dict(sorted(Counter(d.get("type") for _, d in graph.nodes(data=True)).items())),
        "edges_by_predicate": dict(sorted(predicates.items())),
        "components": len(comps),
        "largest_component": len(comps[0]) if comps else 0,
        "top_actors_by_degree": top_by({n: degrees[n]["degree"] for n in graph.nodes}, actors),
        "top_actors_by_pagerank": top_by(pr, actors),
        "top_actors_by_betweenness": top_by(betweenness(graph), actors),
        "communities": [[labels.get(n, n) for n in c] for c in comms[:top]],
    }


def projection(graph: nx.MultiDiGraph, predicates: set[str]) -> nx.Graph:
    """Actor–actor view: two actors are linked when they share an object through ``predicates``
    (co-signatories of a document for ``{"signed", "endorsed"}``, co-sponsors for ``{"coSponsored"}``);
    edge attribute ``shared`` lists the shared objects.

    >>> g = nx.MultiDiGraph()
    >>> _ = g.add_edge("uk", "decl", predicate="signed"); _ = g.add_edge("cn", "decl", predicate="signed")
    >>> sorted(projection(g, {"signed"}).edges(data="shared"))
    [('cn', 'uk', ['decl'])]
    """
    holders: dict[str, set[str]] = defaultdict(set)
    for u, v, data in graph.edges(data=True):
        if data.get("predicate") in predicates and not data.get("negated"):
            holders[v].add(u)
    out = nx.Graph()
    for obj, actors in sorted(holders.items()):
        ordered = sorted(actors)
        for i, a in enumerate(ordered):
            for b in ordered[i + 1:]:
                if out.has_edge(a, b):
                    out[a][b]["shared"].append(obj)
                else:
                    out.add_edge(a, b, shared=[obj])
    for node in out.nodes:
        out.nodes[node]["label"] = graph.nodes[node].get("label", node) if node in graph else node
    return out


def predicate_subgraph(graph: nx.MultiDiGraph, predicate: str) -> nx.MultiDiGraph:
    """The facts of one predicate only (a view: no copy)."""
    edges = [(u, v, k) for u, v, k, d in graph.edges(keys=True, data=True) if d.get("predicate") == predicate]
    return graph.edge_subgraph(edges)


def find_node(graph: nx.MultiDiGraph, name: str, aliases: dict[str, list[str]] | None = None) -> str:
    """The node a user means by ``name``: an id, a label, or an alias (case-insensitive).

    Raises ``KeyError`` with close suggestions when nothing matches.
    """
    if name in graph:
        return name
    folded = name.casefold().strip()
    for node, data in graph.nodes(data=True):
        if str(data.get("label", "")).casefold() == folded:
            return node
    for node, names in (aliases or {}).items():
        if node in graph and any(a.casefold() == folded for a in names):
            return node
    from .gazetteer import Gazetteer

    entry = Gazetteer.load().lookup(name)
    if entry is not None and entry.key in graph:
        return entry.key
    import difflib

    labels = {str(d.get("label", n)): n for n, d in graph.nodes(data=True)}
    close = difflib.get_close_matches(name, list(labels), n=3, cutoff=0.6)
    raise KeyError(f"no entity named {name!r}" + (f"; did you mean {', '.join(close)}?" if close else ""))


def neighbors(graph: nx.MultiDiGraph, node: str) -> list[dict]:
    """Every fact linking ``node`` to another node, with direction and best evidence."""
    out = []
    for u, v, data in list(graph.out_edges(node, data=True)) + list(graph.in_edges(node, data=True)):
        other = v if u == node else u
        evidence = (data.get("evidence") or [{}])[0]
        out.append({"direction": "out" if u == node else "in", "predicate": data.get("predicate", ""),
                    "other": other, "label": graph.nodes[other].get("label", other),
                    "negated": bool(data.get("negated")), "mentions": len(data.get("evidence") or []),
                    "sentence": evidence.get("sentence", ""), "document": evidence.get("document", "")})
    return sorted(out, key=lambda r: (r["predicate"], r["direction"], r["label"]))


def report(graph: nx.MultiDiGraph, summary: dict, top: int = 10) -> str:
    """A readable Markdown report: counts, top actors, communities, the most connected documents."""
    labels = nx.get_node_attributes(graph, "label")
    lines = ["# Knowledge graph report", "",
             f"{summary.get('documents', '?')} documents, {summary['nodes']} entities, {summary['edges']} facts "
             f"in {summary['components']} connected components (the largest has {summary['largest_component']}).", ""]
    lines += ["## Facts by predicate", "", "| predicate | facts |", "|---|---|"]
    lines += [f"| {p} | {n} |" for p, n in sorted(summary["edges_by_predicate"].items(), key=lambda x: -x[1])]
    for title, key in (("PageRank", "top_actors_by_pagerank"), ("degree", "top_actors_by_degree"),
                       ("betweenness", "top_actors_by_betweenness")):
        lines += ["", f"## Top actors by {title}", "", "| actor | score |", "|---|---|"]
        lines += [f"| {r['label']} | {r['score']:.4g} |" for r in summary[key][:top]]
    lines += ["", "## Communities (Louvain)", ""]
    lines += [f"{i}. {', '.join(c)}" for i, c in enumerate(summary["communities"][:top], start=1)]
    documents: dict[str, set] = defaultdict(set)
    for u, v, data in graph.edges(data=True):
        for ev in data.get("evidence") or []:
            documents[ev.get("document", "")].update({u, v})
    lines += ["", "## Most connected documents", "", "| document | entities in facts |", "|---|---|"]
    lines += [f"| {d} | {len(n)} |" for d, n in sorted(documents.items(), key=lambda x: -len(x[1]))[:top] if d]
    _ = labels
    return "\n".join(lines) + "\n"
