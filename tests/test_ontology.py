"""The ontology declares every term the code and the lexicon use."""
from rdflib.namespace import OWL, RDF, RDFS

from kg.extract import ROLE_PREDICATES
from kg.gazetteer import TYPE_GROUPS
from kg.lexicon import Lexicon
from kg.rdf import KG, class_iri, load_ontology, predicate_iri


def test_every_predicate_is_a_documented_property():
    onto = load_ontology()
    lex = Lexicon.load()
    for name in [*lex.predicates, *ROLE_PREDICATES]:
        iri = predicate_iri(name)
        assert (iri, RDF.type, OWL.ObjectProperty) in onto, name
        assert onto.value(iri, RDFS.comment) is not None, name
        assert onto.value(iri, RDFS.domain) is not None and onto.value(iri, RDFS.range) is not None, name
        if lex.is_symmetric(name):
            assert (iri, RDF.type, OWL.SymmetricProperty) in onto, name


def test_every_entity_type_is_a_class():
    onto = load_ontology()
    for name in TYPE_GROUPS:
        assert (class_iri(name), RDF.type, OWL.Class) in onto, name


def test_every_vocabulary_term_used_by_the_code_is_declared():
    onto = load_ontology()
    for name in KG.__annotations__:
        assert (KG[name], RDF.type, None) in onto, name
