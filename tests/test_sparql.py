import json

import pytest
from rdflib import URIRef

from helpers import small_graph
from kg.errors import QueryError
from kg.rdf import entity_iri
from kg.sparql import OxigraphBackend, RdflibBackend, format_result, named_queries, run_query

WHO_SIGNED = """
SELECT ?who ?doc WHERE { ?s kg:signed ?d . ?s rdfs:label ?who . ?d rdfs:label ?doc } ORDER BY ?who
"""


def _store(kind: str, g, tmp_path):
    """The graph in an rdflib store, or saved and loaded into an on-disk Oxigraph store."""
    if kind == "rdflib":
        return RdflibBackend(g)
    path = tmp_path / "graph.ttl"
    path.write_text(g.serialize(format="turtle"), encoding="utf-8")
    return OxigraphBackend.open(tmp_path / "store", path)


@pytest.fixture(params=["rdflib", "oxigraph"])
def backend(request, tmp_path):
    return _store(request.param, small_graph(), tmp_path)


def rows(result):
    return [tuple(str(t) if t is not None else None for t in row) for row in result.rows]


def test_simple_query_uses_direct_triples(backend):
    assert rows(backend.query(WHO_SIGNED)) == [("France", "Paris Agreement")]


def test_evidence_query_finds_the_sentences_behind_a_fact(backend):
    q = """SELECT ?sentence ?negated WHERE {
      ?a rdf:subject ?s ; rdf:predicate kg:signed ; kg:sentence ?sentence ; kg:negated ?negated .
      ?s rdfs:label ?name } ORDER BY ?sentence"""
    got = [(str(s), n.python()) for s, n in backend.query(q).rows]
    assert got == [("France signed the Paris Agreement.", False), ("Japan did not sign it.", True)]


def test_parameters_are_bound_not_formatted(backend):
    q = "SELECT ?x ?name WHERE { ?x rdfs:label ?name }"
    assert [r[0].value for r in backend.query(q, {"name": "Japan"}).rows] == [str(entity_iri("country/japan"))]
    # a hostile value is just a literal that matches nothing
    assert backend.query(q, {"name": '"} ?x ?p ?o . {'}).rows == []
    iri = URIRef(entity_iri("country/japan"))
    assert backend.query("SELECT ?x ?p WHERE { ?x ?p ?o }", {"x": iri}).rows


def test_formats():
    result = run_query(small_graph(), WHO_SIGNED)
    table = format_result(result, "table")
    assert table.splitlines()[0].split() == ["who", "doc"] and "(1 row)" in table
    assert format_result(result, "csv") == "who,doc\nFrance,Paris Agreement\n"
    assert format_result(result, "tsv") == "who\tdoc\nFrance\tParis Agreement\n"
    data = json.loads(format_result(result, "json"))
    assert data["head"]["vars"] == ["who", "doc"]
    assert data["results"]["bindings"][0]["who"] == {"type": "literal", "value": "France"}
    ask = json.loads(format_result(run_query(small_graph(), "ASK { ?s kg:metWith ?o }"), "json"))
    assert ask["boolean"] is True


def test_limit_truncates_and_says_so(backend):
    result = backend.query("SELECT ?s ?p ?o WHERE { ?s ?p ?o }", limit=3)
    assert len(result.rows) == 3 and result.truncated
    assert "truncated" in format_result(result)


def test_syntax_error_is_a_query_error(backend):
    with pytest.raises(QueryError, match="SPARQL syntax error"):
        backend.query("SELEKT ?x WHERE { ?x ?p ?o }")


def test_named_queries_are_documented_and_parse(backend):
    queries = named_queries()
    assert {"who-signed", "proposals", "warnings", "actor", "co-signatories", "evidence", "timeline"} <= set(queries)
    for q in queries.values():
        assert q.description, q.name
        params = {name: "x" for name in q.params}
        backend.query(q.text, params)  # every named query runs on both stores


def test_named_queries_answer_on_the_fixture(backend):
    q = named_queries()
    assert rows(backend.query(q["who-signed"].text)) == [("Paris Agreement", "France", "1")]
    evidence = backend.query(q["evidence"].text, {"subject": "Japan", "predicate": "signed", "object": "Paris Agreement"})
    assert [(str(r[0]), r[2].python()) for r in evidence.rows] == [("Japan did not sign it.", True)]
    about = backend.query(q["actor"].text, {"actor": "French Republic"})  # an alias finds the actor
    assert {(str(r[1]), str(r[2]), str(r[3])) for r in about.rows} == {
        ("out", "signed", "Paris Agreement"), ("out", "metWith", "Japan")}


def _report_graph():
    """The fixture plus a second signer, a corroborated warning and dated documents."""
    from dataclasses import replace

    import helpers
    from kg.entities import Entity
    from kg.lexicon import Lexicon
    from kg.rdf import build_graph

    risk = Entity("concept/ai-risk", "AI risk", "Concept", set(), None, None, 2, {"a.txt", "b.txt"})
    saved = list(helpers.ENTITIES)
    helpers.ENTITIES.append(risk)
    try:
        extra = [
            helpers.rel("b.txt", 1, "Japan endorsed the Paris Agreement.", "country/japan", "endorsed",
                        "document/paris-agreement"),
            helpers.rel("a.txt", 2, "France warned about AI risk.", "country/france", "warnedAbout", "concept/ai-risk"),
            helpers.rel("b.txt", 2, "France again warned about AI risk.", "country/france", "warnedAbout",
                        "concept/ai-risk"),
            helpers.rel("b.txt", 3, "Japan met France.", "country/japan", "metWith", "country/france"),
        ]
        docs = [replace(helpers.DOCS[0], meta={"date": "2024-03-01"}), replace(helpers.DOCS[1], meta={"date": "2024-05-01"})]
        return build_graph(docs, helpers.RELATIONS + extra, helpers.ENTITIES, Lexicon.load())
    finally:
        helpers.ENTITIES[:] = saved


@pytest.fixture(params=["rdflib", "oxigraph"])
def reports(request, tmp_path):
    return _store(request.param, _report_graph(), tmp_path)


def test_top_actors_rank_by_stated_facts(reports):
    # France: signed, 2 warnings, met Japan twice = 5; Japan: endorsed, met France twice = 3 (its
    # negated "did not sign" does not count); documents and concepts are not actors
    got = rows(reports.query(named_queries()["top-actors"].text))
    assert got == [("France", "Country", "5"), ("Japan", "Country", "3")]


def test_support_counts_the_sentences_that_state_a_fact(reports):
    q = """SELECT ?sentence ?support WHERE { ?a rdf:predicate ?p ; kg:sentence ?sentence ; kg:support ?support }
           ORDER BY ?sentence"""
    got = dict(rows(reports.query(q, {"p": URIRef("https://w3id.org/kg-news/ontology#metWith")})))
    assert got == {"France met Japan.": "2", "Japan met France.": "2"}  # symmetric: either way round


def test_warnings_report_each_sentence_of_the_most_supported_facts(reports):
    got = rows(reports.query(named_queries()["warnings"].text))
    assert [(r[0], r[1], r[2], r[3], r[4]) for r in got] == [
        ("France", "warnedAbout", "AI risk", "2", "France warned about AI risk."),
        ("France", "warnedAbout", "AI risk", "2", "France again warned about AI risk.")]


def test_co_signatories_pair_actors_on_shared_documents(reports):
    got = rows(reports.query(named_queries()["co-signatories"].text))
    assert got == [("France", "Japan", "1", "Paris Agreement")]


def test_timeline_is_one_actor_in_date_order_between_dates(reports):
    q = named_queries()["timeline"]
    assert set(q.params) == {"actor", "from", "to"}
    every = rows(reports.query(q.text, {"actor": "Japan"}))
    assert [(r[0], r[2], r[3], r[4], r[5]) for r in every] == [
        ("2024-03-01", "Japan", "signed", "Paris Agreement", "true"),
        ("2024-05-01", "France", "metWith", "Japan", "false"),
        ("2024-05-01", "Japan", "endorsed", "Paris Agreement", "false"),
        ("2024-05-01", "Japan", "metWith", "France", "false")]
    since = rows(reports.query(q.text, {"actor": "Japan", "from": "2024-04-01"}))
    assert {r[0] for r in since} == {"2024-05-01"} and len(since) == 3
    until = rows(reports.query(q.text, {"actor": "Japan", "to": "2024-04-01"}))
    assert [r[3] for r in until] == ["signed"]
