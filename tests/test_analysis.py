import networkx as nx

from helpers import small_graph
from kg.analysis import communities, components, degree_table, pagerank, shortest_path, summarize, to_networkx


def test_to_networkx_has_one_edge_per_fact_with_evidence():
    g = to_networkx(small_graph())
    assert g.number_of_nodes() == 3
    edges = {(u, v, d["predicate"]) for u, v, d in g.edges(data=True)}
    assert edges == {("country/france", "document/paris-agreement", "signed"),
                     ("country/france", "country/japan", "metWith")}
    data = g.get_edge_data("country/france", "document/paris-agreement")["signed"]
    assert data["evidence"][0]["sentence"] == "France signed the Paris Agreement."
    assert data["evidence"][0]["document"] == "a.txt"
    with_negated = to_networkx(small_graph(), include_negated=True)
    assert with_negated.has_edge("country/japan", "document/paris-agreement")


def test_measures():
    g = to_networkx(small_graph())
    assert degree_table(g)["country/france"]["degree"] == 2
    pr = pagerank(g)
    assert max(pr, key=pr.get) == "country/france"
    assert components(g) == [["country/france", "country/japan", "document/paris-agreement"]]
    hops = shortest_path(g, "country/japan", "document/paris-agreement")
    assert [(h["from"], h["predicate"], h["to"]) for h in hops] == [
        ("country/france", "metWith", "country/japan"), ("country/france", "signed", "document/paris-agreement")]


def test_communities_split_disconnected_cliques():
    g = nx.MultiDiGraph()
    for a, b in [("a", "b"), ("b", "c"), ("a", "c"), ("x", "y"), ("y", "z"), ("x", "z")]:
        g.add_edge(a, b, predicate="metWith")
    assert communities(g) == [["a", "b", "c"], ["x", "y", "z"]]


def test_summarize_counts():
    s = summarize(to_networkx(small_graph()))
    assert (s["nodes"], s["edges"], s["components"]) == (3, 2, 1)
    assert s["top_actors_by_pagerank"][0]["label"] == "France"
    assert s["edges_by_predicate"] == {"metWith": 1, "signed": 1}


def test_projection_links_co_signatories():
    from kg.analysis import projection

    g = to_networkx(small_graph(), include_negated=True)
    g.add_edge("country/japan", "document/paris-agreement", predicate="signed", negated=False)
    co = projection(g, {"signed"})
    assert list(co.edges(data="shared")) == [("country/france", "country/japan", ["document/paris-agreement"])]


def test_find_node_by_label_alias_or_gazetteer():
    import pytest

    from kg.analysis import find_node

    g = to_networkx(small_graph())
    assert find_node(g, "france") == "country/france"
    assert find_node(g, "French Republic", {"country/france": ["French Republic"]}) == "country/france"
    with pytest.raises(KeyError, match="did you mean France"):
        find_node(g, "Frnace")


def test_predicate_subgraph_is_a_view_of_one_predicate():
    from kg.analysis import predicate_subgraph

    g = to_networkx(small_graph())
    signed = predicate_subgraph(g, "signed")
    assert list(signed.edges()) == [("country/france", "document/paris-agreement")]
