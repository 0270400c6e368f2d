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


@pytest.fixture(params=["rdflib", "oxigraph"])
def backend(request, tmp_path):
    g = small_graph()
    if request.param == "rdflib":
        return RdflibBackend(g)
    path = tmp_path / "graph.ttl"
    path.write_text(g.serialize(format="turtle"), encoding="utf-8")
    return OxigraphBackend.open(tmp_path / "store", path)


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
