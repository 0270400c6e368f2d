"""The interactive explorer: a self-contained HTML page drawn with pyvis' vis-network.

pyvis builds the node and edge lists; kg renders them with its own template
(``kg/templates/explorer.html``) because pyvis' template links Bootstrap from a CDN in every mode and
switches to ``innerHTML`` popups when a title contains "href". Here every script is inline, the page
loads nothing over the network (a Content-Security-Policy forbids it), article text travels as JSON
data and is only ever put into the page with ``textContent``.
"""
from __future__ import annotations

import json
from importlib import resources
from pathlib import Path

import networkx as nx
from jinja2 import Environment
from pyvis.network import Network

from .analysis import pagerank

#: Node colours by entity type group; the legend lists the types present.
GROUP_COLOURS = {"Actor": "#4e79a7", "Document": "#f28e2b", "Event": "#59a14f", "Place": "#76b7b2",
                 "Product": "#b07aa1", "Concept": "#bab0ac"}
TYPE_COLOURS = {"Person": "#e15759", "Country": "#4e79a7", "Group": "#9c755f",
                "InternationalOrganisation": "#17becf", "GovernmentBody": "#1f77b4", "Company": "#edc948",
                "ResearchInstitute": "#8cd17d", "Legislature": "#499894", "Media": "#d4a6c8",
                "Organisation": "#86bcb6"}
PREDICATE_PALETTE = ["#1b9e77", "#d95f02", "#7570b3", "#e7298a", "#66a61e", "#e6ab02", "#a6761d",
                     "#666666", "#1f78b4", "#b2df8a", "#fb9a99", "#fdbf6f", "#cab2d6", "#6a3d9a",
                     "#b15928", "#8dd3c7", "#bebada", "#fb8072", "#80b1d3", "#fdb462", "#b3de69",
                     "#fccde5", "#bc80bd", "#ccebc5", "#ffed6f", "#e41a1c", "#377eb8"]
#: Components larger than this get a spectral layout instead of a force-directed one.
LARGE_COMPONENT = 800
#: Default cap on nodes drawn; above it the top nodes by PageRank are kept and the page says so.
MAX_NODES = 2000


def type_colour(node_type: str, group: str) -> str:
    return TYPE_COLOURS.get(node_type) or GROUP_COLOURS.get(group, "#bab0ac")


def _safe_json(value) -> str:
    """JSON that cannot end the <script> element it sits in, whatever the article text holds."""
    text = json.dumps(value, ensure_ascii=False, separators=(",", ":"))
    return (text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
            .replace("\u2028", "\\u2028").replace("\u2029", "\\u2029"))


def _layout(graph: nx.MultiDiGraph, seed: int = 42) -> dict[str, tuple[float, float]]:
    """Positions precomputed with networkx so the page is still on arrival (no physics to settle).

    Each connected component gets its own force-directed layout, sized by its number of nodes so labels
    stay readable, and components are packed in rows, largest first; entities without facts (hidden
    until asked for) go in a grid underneath.
    """
    if graph.number_of_nodes() == 0:
        return {}
    simple = nx.Graph(graph.to_undirected())
    simple.remove_edges_from(nx.selfloop_edges(simple))
    components = sorted((sorted(c) for c in nx.connected_components(simple) if len(c) > 1),
                        key=lambda c: (-len(c), c))
    alone = sorted(n for n in simple.nodes if simple.degree(n) == 0)
    positions: dict[str, tuple[float, float]] = {}
    row_width = max(2400.0, 220 * max((len(c) for c in components), default=1) ** 0.5 * 1.6)
    x = y = row_height = 0.0
    for nodes in components:
        sub = simple.subgraph(nodes)
        n = len(nodes)
        size = 220 * n ** 0.5
        if n > LARGE_COMPONENT:
            # force-directed layout is quadratic in networkx; a spectral layout takes seconds at 5,000
            pos = nx.spectral_layout(sub)
        elif n > 2:
            pos = nx.spring_layout(sub, seed=seed, k=1.8 / n ** 0.5, iterations=60)
        else:
            pos = {node: ((-1) ** i * 0.5, 0.0) for i, node in enumerate(nodes)}
        if x > 0 and x + size > row_width:
            x, y, row_height = 0.0, y + row_height + 120, 0.0
        for node, (px, py) in pos.items():
            positions[node] = (x + size / 2 + float(px) * size / 2, y + size / 2 + float(py) * size / 2)
        x += size + 120
        row_height = max(row_height, size)
    bottom = y + row_height + 200
    width = max(int(len(alone) ** 0.5) + 1, 1)
    for i, node in enumerate(alone):
        positions[node] = (float((i % width) * 160), float(bottom + (i // width) * 80))
    return positions


def cap_graph(graph: nx.MultiDiGraph, max_nodes: int | None) -> tuple[nx.MultiDiGraph, str]:
    """Keep the ``max_nodes`` nodes with the highest PageRank; return the graph and a note saying so."""
    n = graph.number_of_nodes()
    if not max_nodes or n <= max_nodes:
        return graph, ""
    pr = nx.get_node_attributes(graph, "pagerank") or pagerank(graph)
    keep = sorted(graph.nodes, key=lambda v: (-pr.get(v, 0), v))[:max_nodes]
    note = (f"Showing the {max_nodes:,} most central of {n:,} entities (by PageRank). "
            f"Rebuild with --all-nodes to draw every entity.")
    return graph.subgraph(keep).copy(), note


def build_network(graph: nx.MultiDiGraph, aliases: dict[str, list[str]] | None = None) -> Network:
    """A pyvis :class:`Network` of the graph: colour by type, size by PageRank, edges by predicate."""
    aliases = aliases or {}
    net = Network(directed=True, cdn_resources="in_line", height="100vh", width="100%")
    pr = pagerank(graph)
    top = max(pr.values()) if pr else 1.0
    positions = _layout(graph)
    predicates = sorted({d.get("predicate", "") for _, _, d in graph.edges(data=True)})
    colours = {p: PREDICATE_PALETTE[i % len(PREDICATE_PALETTE)] for i, p in enumerate(predicates)}
    for node, data in sorted(graph.nodes(data=True)):
        label = data.get("label", node)
        kind = data.get("type", "Entity")
        alias_text = ", ".join(sorted(aliases.get(node, [])))
        x, y = positions.get(node, (0.0, 0.0))
        degree = graph.degree(node)
        net.add_node(node, label=label, title=f"{label}\n{kind} · {degree} facts" + (f"\nalso: {alias_text}" if alias_text else ""),
                     color=type_colour(kind, data.get("group", "")), size=8 + 32 * (pr.get(node, 0) / top) ** 0.5,
                     x=x, y=y, physics=False, shape="dot", kind=kind, name=label, aliases=alias_text,
                     search=" ".join([label, alias_text]).lower(), value=round(pr.get(node, 0), 6),
                     facts=sum(1 for _, _, d in graph.edges(node, data=True) if not d.get("negated"))
                     + sum(1 for _, _, d in graph.in_edges(node, data=True) if not d.get("negated")))
    for n, (u, v, data) in enumerate(sorted(graph.edges(data=True), key=lambda e: (e[0], e[1], e[2].get("predicate", "")))):
        predicate = data.get("predicate", "")
        negated = bool(data.get("negated"))
        evidence = data.get("evidence") or []
        first = evidence[0]["sentence"] if evidence else ""
        net.add_edge(u, v, id=f"e{n}", label=predicate, predicate=predicate, negated=negated,
                     title=f"{'NOT ' if negated else ''}{predicate} ({len(evidence)} mention{'s' * (len(evidence) != 1)})\n{first[:300]}",
                     color={"color": "#b00020" if negated else colours.get(predicate, "#888")},
                     dashes=negated, arrows="to", evidence=evidence, width=1 + min(len(evidence), 5) * 0.6)
    return net


def render_html(graph: nx.MultiDiGraph, title: str = "kg explorer", aliases: dict[str, list[str]] | None = None,
                max_nodes: int | None = MAX_NODES) -> str:
    """The explorer page for ``graph`` (see :func:`kg.analysis.to_networkx`) as one HTML string."""
    full_nodes, full_edges = graph.number_of_nodes(), graph.number_of_edges()
    graph, cap_note = cap_graph(graph, max_nodes)
    net = build_network(graph, aliases)
    type_counts: dict[str, int] = {}
    for _, d in graph.nodes(data=True):
        type_counts[d.get("type", "Entity")] = type_counts.get(d.get("type", "Entity"), 0) + 1
    pred_counts: dict[str, int] = {}
    colours: dict[str, str] = {}
    for e in net.edges:
        pred_counts[e["predicate"]] = pred_counts.get(e["predicate"], 0) + 1
        colours.setdefault(e["predicate"], e["color"]["color"] if not e["negated"] else "#b00020")
    groups = {d.get("type"): d.get("group", "") for _, d in graph.nodes(data=True)}
    options = {
        "physics": {"enabled": False},
        "interaction": {"hover": True, "tooltipDelay": 150, "navigationButtons": False, "multiselect": True},
        "edges": {"smooth": False, "font": {"size": 10, "align": "middle", "color": "#555"}},
        "nodes": {"font": {"size": 16, "strokeWidth": 3, "strokeColor": "#ffffff"}},
    }
    negated = sum(1 for e in net.edges if e["negated"])
    payload = {
        "title": title,
        "counts": f"{len(net.nodes):,} entities · {len(net.edges):,} facts"
                  + (f" ({negated} negated, hidden)" if negated else ""),
        "cap_note": cap_note,
        "nodes": net.nodes,
        "edges": net.edges,
        "options": options,
        "total": {"nodes": full_nodes, "edges": full_edges},
        "types": [{"name": t, "count": c, "color": type_colour(t, groups.get(t, ""))}
                  for t, c in sorted(type_counts.items())],
        "predicates": [{"name": p, "count": c, "color": colours[p]} for p, c in sorted(pred_counts.items())],
    }
    template_text = resources.files("kg").joinpath("templates/explorer.html").read_text(encoding="utf-8")
    vis_js = (Path(__import__("pyvis").__file__).parent / "templates" / "lib" / "vis-9.1.2" /
              "vis-network.min.js").read_text(encoding="utf-8")
    env = Environment(autoescape=True)
    template = env.from_string(template_text)
    from markupsafe import Markup

    return template.render(title=title, data_json=Markup(_safe_json(payload)),
                           vis_js=Markup(vis_js.replace("</script", "<\\/script")))
