"""Small hand-built fixtures shared by the tests (no spaCy model needed)."""
from kg.entities import Entity
from kg.extract import Relation
from kg.ingest import Document

DOCS = [Document(id="a.txt", text="France signed the Paris Agreement. Japan did not sign it.", title="A"),
        Document(id="b.txt", text="France met Japan.", title="B")]

ENTITIES = [
    Entity("country/france", "France", "Country", {"French Republic"}, "Q142", None, 2, {"a.txt", "b.txt"}),
    Entity("country/japan", "Japan", "Country", set(), "Q17", None, 2, {"a.txt", "b.txt"}),
    Entity("document/paris-agreement", "Paris Agreement", "Agreement", set(), None, None, 2, {"a.txt"}),
]


def rel(doc, i, sentence, s, p, o, negated=False, confidence=0.9, modality="asserted"):
    labels = {e.key: (e.label, e.type) for e in ENTITIES}
    return Relation(doc=doc, sentence_index=i, sentence=sentence, start_char=0, end_char=len(sentence),
                    subject=s, subject_label=labels[s][0], subject_type=labels[s][1], predicate=p, object=o,
                    object_label=labels[o][0], object_type=labels[o][1], negated=negated, modality=modality,
                    confidence=confidence, trigger="t", rule="r")


RELATIONS = [
    rel("a.txt", 0, "France signed the Paris Agreement.", "country/france", "signed", "document/paris-agreement"),
    rel("a.txt", 1, "Japan did not sign it.", "country/japan", "signed", "document/paris-agreement", negated=True),
    rel("b.txt", 0, "France met Japan.", "country/france", "metWith", "country/japan"),
]


def small_graph():
    from kg.lexicon import Lexicon
    from kg.rdf import build_graph

    return build_graph(DOCS, RELATIONS, ENTITIES, Lexicon.load())
