import json
import re

import networkx as nx

from helpers import small_graph
from kg.analysis import to_networkx
from kg.viz import cap_graph, render_html

PAYLOADS = ['<script>alert(1)</script>', '<img src=x onerror=alert(2)>', 'see href="javascript:alert(3)"',
            '</script><script>alert(4)</script>', '\u2028']


def _data(html: str) -> dict:
    raw = re.search(r'<script id="kg-data" type="application/json">(.*?)</script>', html, re.S).group(1)
    return json.loads(raw)


def test_page_is_self_contained():
    html = render_html(to_networkx(small_graph(), include_negated=True))
    assert not re.search(r"<(script|link|img|iframe)[^>]+(src|href)\s*=\s*[\"']?(https?:)?//", html, re.I)
    assert "cdn" not in html.lower().split("<script>")[0]  # nothing from a CDN in the head
    assert "Content-Security-Policy" in html


def test_counts_match_the_graph():
    g = to_networkx(small_graph(), include_negated=True)
    data = _data(render_html(g))
    assert len(data["nodes"]) == g.number_of_nodes() and len(data["edges"]) == g.number_of_edges()
    assert sum(e["negated"] for e in data["edges"]) == 1
    assert {p["name"] for p in data["predicates"]} == {"signed", "metWith"}


def test_article_text_is_data_never_markup():
    g = nx.MultiDiGraph()
    for n, payload in enumerate(PAYLOADS):
        g.add_node(f"n{n}", label=payload, type="Person", group="Actor")
        g.add_edge(f"n{n}", "x", predicate="metWith", evidence=[{"sentence": payload, "document": payload,
                                                                 "confidence": 1, "modality": "asserted"}])
    html = render_html(g, title="<b>title</b>")
    data_block = re.search(r'<script id="kg-data" type="application/json">(.*?)</script>', html, re.S).group(1)
    for bad in ("<script", "<img", "</script", "\u2028"):
        assert bad not in data_block
    assert "<b>title</b>" not in html  # the title is escaped in <title>
    labels = {n["label"] for n in _data(html)["nodes"]}
    assert set(PAYLOADS) <= labels  # the text survives intact as data
    # the page never assigns innerHTML from data
    page_script = html.rsplit("<script>", 1)[1]
    assert "innerHTML" not in page_script


def test_cap_keeps_most_central_nodes_and_says_so():
    g = nx.MultiDiGraph()
    for i in range(50):
        g.add_edge("hub", f"leaf{i}", predicate="metWith")
    capped, note = cap_graph(g, 10)
    assert capped.number_of_nodes() == 10 and "hub" in capped
    assert "10 most central of 51" in note
    same, none = cap_graph(g, None)
    assert same.number_of_nodes() == 51 and none == ""
