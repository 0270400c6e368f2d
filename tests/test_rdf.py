from rdflib import Literal
from rdflib.compare import isomorphic
from rdflib.namespace import OWL, RDF, RDFS

from helpers import RELATIONS, small_graph
from kg.rdf import KG, assertion_iri, entity_iri, load_graph, predicate_iri


def test_entities_have_type_and_label():
    g = small_graph()
    france = entity_iri("country/france")
    assert (france, RDF.type, KG.Country) in g
    assert (france, RDFS.label, Literal("France")) in g
    assert (france, OWL.sameAs, None) in g
    for node in set(g.subjects(RDF.type, None)) - set(g.subjects(RDF.type, KG.Assertion)):
        assert g.value(node, RDFS.label) is not None, node


def test_direct_triples_only_for_positive_facts_and_both_ways_if_symmetric():
    g = small_graph()
    signed = predicate_iri("signed")
    assert (entity_iri("country/france"), signed, entity_iri("document/paris-agreement")) in g
    assert (entity_iri("country/japan"), signed, entity_iri("document/paris-agreement")) not in g
    met = predicate_iri("metWith")
    assert (entity_iri("country/japan"), met, entity_iri("country/france")) in g
    assert str(signed) == "https://w3id.org/kg-news/ontology#signed"


def test_every_mention_has_provenance():
    g = small_graph()
    assertions = set(g.subjects(RDF.type, KG.Assertion))
    assert len(assertions) == len(RELATIONS)
    negated = assertion_iri(RELATIONS[1])
    assert g.value(negated, KG.negated).toPython() is True
    assert str(g.value(negated, KG.sentence)) == "Japan did not sign it."
    assert g.value(g.value(negated, KG.document), KG.fileName) == Literal("a.txt")


def test_round_trip_turtle_gives_the_same_graph(tmp_path):
    g = small_graph()
    path = tmp_path / "graph.ttl"
    path.write_text(g.serialize(format="turtle"), encoding="utf-8")
    again = load_graph(tmp_path)
    assert isomorphic(g, again)
    assert len(again) == len(g)


def test_iris_are_deterministic():
    a, b = small_graph(), small_graph()
    assert set(a) == set(b)
