import json

import pytest
from rdflib import URIRef

from helpers import small_graph
from kg.errors import QueryError
from kg.rdf import entity_iri
from kg.sparql import format_result, run_query

WHO_SIGNED = """
SELECT ?who ?doc WHERE { ?s kg:signed ?d . ?s rdfs:label ?who . ?d rdfs:label ?doc } ORDER BY ?who
"""


def test_simple_query_uses_direct_triples():
    rows = [(str(r.who), str(r.doc)) for r in run_query(small_graph(), WHO_SIGNED)]
    assert rows == [("France", "Paris Agreement")]


def test_evidence_query_finds_the_sentences_behind_a_fact():
    q = """SELECT ?sentence ?negated WHERE {
      ?a rdf:subject ?s ; rdf:predicate kg:signed ; kg:sentence ?sentence ; kg:negated ?negated .
      ?s rdfs:label ?name } ORDER BY ?sentence"""
    rows = [(str(r.sentence), r.negated.toPython()) for r in run_query(small_graph(), q)]
    assert rows == [("France signed the Paris Agreement.", False), ("Japan did not sign it.", True)]


def test_parameters_are_bound_not_formatted():
    q = "SELECT ?x WHERE { ?x rdfs:label ?name }"
    assert [r.x for r in run_query(small_graph(), q, {"name": "Japan"})] == [entity_iri("country/japan")]
    # a hostile value is just a literal that matches nothing
    assert list(run_query(small_graph(), q, {"name": '"} ?x ?p ?o . {'})) == []
    assert len(list(run_query(small_graph(), "SELECT ?p WHERE { ?x ?p ?o }", {"x": URIRef(entity_iri("country/japan"))})))


def test_formats():
    result = run_query(small_graph(), WHO_SIGNED)
    table = format_result(result, "table")
    assert table.splitlines()[0].split() == ["who", "doc"] and "(1 row)" in table
    assert format_result(run_query(small_graph(), WHO_SIGNED), "csv") == "who,doc\nFrance,Paris Agreement\n"
    data = json.loads(format_result(run_query(small_graph(), WHO_SIGNED), "json"))
    assert data["results"]["bindings"][0]["who"]["value"] == "France"


def test_syntax_error_is_a_query_error():
    with pytest.raises(QueryError, match="SPARQL syntax error"):
        run_query(small_graph(), "SELEKT ?x WHERE { ?x ?p ?o }")
