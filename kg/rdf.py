"""The RDF graph: entities, direct relation triples, and one provenance node per relation mention.

Layout (prefix ``kg:`` = the ontology, ``kgid:`` = the entities):

- every entity: ``rdf:type`` (its class), ``rdfs:label`` (canonical name), ``skos:altLabel`` (other names
  seen), ``owl:sameAs`` (Wikidata, where known), ``kg:partOf``, ``kg:mentionedIn``;
- every fact that is not negated: a direct triple ``<subject> kg:<predicate> <object>`` (both
  directions for symmetric predicates), so simple queries stay simple;
- every relation mention: a ``kg:Assertion`` node using ``rdf:subject/predicate/object`` with the
  sentence, its character offsets, the source document, negation, modality, confidence, trigger, rule
  and extractor version. rdflib cannot parse RDF-star, so this is plain reification.
"""
from __future__ import annotations

import hashlib
from decimal import Decimal
from importlib import resources
from pathlib import Path
from typing import Iterable

from rdflib import Graph, Literal, Namespace, URIRef
from rdflib.namespace import OWL, RDF, RDFS, SKOS, XSD, DefinedNamespace

from .entities import Entity
from .errors import QueryError
from .extract import EXTRACTOR_VERSION, Relation
from .ingest import Document
from .lexicon import Lexicon

ONTOLOGY_IRI = "https://w3id.org/kg-news/ontology#"
ENTITY_IRI = "https://w3id.org/kg-news/id/"

KGID = Namespace(ENTITY_IRI)
#: Prefixes declared in the Turtle and TriG kg writes.
OUTPUT_PREFIXES = {
    "kg": ONTOLOGY_IRI, "kgid": ENTITY_IRI, "rdf": "http://www.w3.org/1999/02/22-rdf-syntax-ns#",
    "rdfs": "http://www.w3.org/2000/01/rdf-schema#", "owl": "http://www.w3.org/2002/07/owl#",
    "skos": "http://www.w3.org/2004/02/skos/core#", "xsd": "http://www.w3.org/2001/XMLSchema#",
    "wd": "http://www.wikidata.org/entity/", "wdt": "http://www.wikidata.org/prop/direct/",
    "schema": "https://schema.org/", "prov": "http://www.w3.org/ns/prov#", "dcterms": "http://purl.org/dc/terms/",
}
WD = Namespace("http://www.wikidata.org/entity/")


class KG(DefinedNamespace):
    """The fixed vocabulary of kg's ontology (``kg/data/ontology.ttl``). Predicates come from the
    lexicon and are made with :func:`predicate_iri`."""

    _NS = Namespace(ONTOLOGY_IRI)
    _fail = True

    # classes
    Entity: URIRef
    Agent: URIRef
    Person: URIRef
    Country: URIRef
    Group: URIRef
    Organisation: URIRef
    Document: URIRef
    Event: URIRef
    Place: URIRef
    Product: URIRef
    Concept: URIRef
    Assertion: URIRef
    SourceDocument: URIRef
    # properties
    partOf: URIRef
    mentionedIn: URIRef
    document: URIRef
    sentence: URIRef
    sentenceIndex: URIRef
    charStart: URIRef
    charEnd: URIRef
    negated: URIRef
    modality: URIRef
    confidence: URIRef
    trigger: URIRef
    rule: URIRef
    extractorVersion: URIRef
    fileName: URIRef
    title: URIRef
    checksum: URIRef
    date: URIRef
    url: URIRef
    author: URIRef
    mentionCount: URIRef
    factCount: URIRef
    support: URIRef
    pagerank: URIRef


def predicate_iri(name: str) -> URIRef:
    """The IRI of a relation predicate: ``kg:signed``, ``kg:warnedAbout`` …"""
    return URIRef(ONTOLOGY_IRI + name)


def class_iri(entity_type: str) -> URIRef:
    return URIRef(ONTOLOGY_IRI + entity_type)


def entity_iri(key: str) -> URIRef:
    return KGID[key]


def document_iri(doc_id: str) -> URIRef:
    from .gazetteer import slugify

    return KGID[f"doc/{slugify(doc_id)}"]


def assertion_iri(rel: Relation) -> URIRef:
    """Deterministic: the same mention gets the same IRI on every run."""
    basis = "|".join(str(x) for x in (rel.doc, rel.sentence_index, rel.subject, rel.predicate, rel.object,
                                       rel.negated))
    return KGID[f"assertion/{hashlib.sha1(basis.encode('utf-8')).hexdigest()[:16]}"]


def new_graph() -> Graph:
    g = Graph()
    g.bind("kg", Namespace(ONTOLOGY_IRI))
    g.bind("kgid", KGID)
    g.bind("skos", SKOS)
    g.bind("owl", OWL)
    g.bind("wd", WD)
    return g


def load_ontology() -> Graph:
    """The built-in ontology (``kg/data/ontology.ttl``)."""
    g = new_graph()
    g.parse(data=resources.files("kg.data").joinpath("ontology.ttl").read_text(encoding="utf-8"), format="turtle")
    return g


def ontology_for(lexicon: Lexicon) -> Graph:
    """The ontology plus a declaration for every user-defined predicate it lacks."""
    g = load_ontology()
    for name, spec in lexicon.predicates.items():
        iri = predicate_iri(name)
        if (iri, RDF.type, None) not in g:
            g.add((iri, RDF.type, OWL.ObjectProperty))
            g.add((iri, RDFS.label, Literal(name)))
            if spec.description:
                g.add((iri, RDFS.comment, Literal(spec.description)))
            if spec.symmetric:
                g.add((iri, RDF.type, OWL.SymmetricProperty))
    return g


def build_graph(documents: Iterable[Document], relations: Iterable[Relation], entities: Iterable[Entity],
                lexicon: Lexicon, with_ontology: bool = True) -> Graph:
    """The knowledge graph of a corpus as an rdflib :class:`Graph`. With ``with_ontology`` the graph
    carries its ontology too (classes, subclass axioms, property declarations), so queries can use
    ``rdfs:subClassOf*`` and the file describes itself."""
    g = ontology_for(lexicon) if with_ontology else new_graph()
    relations = list(relations)
    # materialised at build time so "most active actors" is a numeric scan, not a join over every
    # assertion (the difference between 50 ms and 1 s on a 1M-triple Oxigraph store)
    fact_counts: dict[str, int] = {}
    support: dict[tuple, int] = {}
    for rel in relations:
        support[_fact_key(rel, lexicon)] = support.get(_fact_key(rel, lexicon), 0) + 1
        if not rel.negated:
            for key in {rel.subject, rel.object}:
                fact_counts[key] = fact_counts.get(key, 0) + 1
    docs = {}
    for doc in documents:
        iri = document_iri(doc.id)
        docs[doc.id] = iri
        g.add((iri, RDF.type, KG.SourceDocument))
        g.add((iri, RDFS.label, Literal(doc.title or doc.id)))
        g.add((iri, KG.fileName, Literal(doc.id)))
        if doc.title:
            g.add((iri, KG.title, Literal(doc.title)))
        g.add((iri, KG.checksum, Literal(doc.checksum)))
        if doc.meta.get("date"):
            g.add((iri, KG.date, Literal(doc.meta["date"], datatype=XSD.date)))
        if doc.meta.get("url"):
            g.add((iri, KG.url, Literal(doc.meta["url"], datatype=XSD.anyURI)))
        if doc.meta.get("author"):
            g.add((iri, KG.author, Literal(doc.meta["author"])))
    for entity in entities:
        iri = entity_iri(entity.key)
        g.add((iri, RDF.type, class_iri(entity.type)))
        g.add((iri, RDFS.label, Literal(entity.label)))
        for alias in sorted(entity.aliases):
            g.add((iri, SKOS.altLabel, Literal(alias)))
        if entity.wikidata:
            g.add((iri, OWL.sameAs, WD[entity.wikidata]))
        if entity.part_of:
            g.add((iri, KG.partOf, entity_iri(entity.part_of)))
        g.add((iri, KG.mentionCount, Literal(entity.mentions)))
        g.add((iri, KG.factCount, Literal(fact_counts.get(entity.key, 0))))
        for doc_id in sorted(entity.documents):
            if doc_id in docs:
                g.add((iri, KG.mentionedIn, docs[doc_id]))
    for rel in relations:
        s, p, o = entity_iri(rel.subject), predicate_iri(rel.predicate), entity_iri(rel.object)
        if not rel.negated:
            g.add((s, p, o))
            if lexicon.is_symmetric(rel.predicate):
                g.add((o, p, s))
        a = assertion_iri(rel)
        g.add((a, RDF.type, KG.Assertion))
        g.add((a, RDF.subject, s))
        g.add((a, RDF.predicate, p))
        g.add((a, RDF.object, o))
        if rel.doc in docs:
            g.add((a, KG.document, docs[rel.doc]))
        g.add((a, KG.sentence, Literal(rel.sentence)))
        g.add((a, KG.sentenceIndex, Literal(rel.sentence_index)))
        g.add((a, KG.charStart, Literal(rel.start_char)))
        g.add((a, KG.charEnd, Literal(rel.end_char)))
        g.add((a, KG.negated, Literal(rel.negated)))
        g.add((a, KG.modality, Literal(rel.modality)))
        g.add((a, KG.confidence, Literal(Decimal(str(rel.confidence)), datatype=XSD.decimal)))
        g.add((a, KG.support, Literal(support[_fact_key(rel, lexicon)])))
        g.add((a, KG.trigger, Literal(rel.trigger)))
        g.add((a, KG.rule, Literal(rel.rule)))
        g.add((a, KG.extractorVersion, Literal(f"{EXTRACTOR_VERSION}+lexicon.{lexicon.version}")))
    return g


def _fact_key(rel: Relation, lexicon: Lexicon) -> tuple:
    """What makes two mentions state the same fact: subject, predicate, object (either way round for a
    symmetric predicate) and polarity."""
    ends = (rel.subject, rel.object)
    if lexicon.is_symmetric(rel.predicate):
        ends = tuple(sorted(ends))
    return (*ends, rel.predicate, rel.negated)


def load_graph(path: str | Path) -> Graph:
    """Load a graph file (Turtle, N-Triples, TriG, JSON-LD, RDF/XML by suffix) or an output folder's
    ``graph.ttl``."""
    path = Path(path)
    if path.is_dir():
        path = path / "graph.ttl"
    if not path.exists():
        raise QueryError(f"{path}: no such graph; run `kg build` first or give a graph file")
    formats = {".ttl": "turtle", ".nt": "nt", ".trig": "trig", ".nq": "nquads", ".jsonld": "json-ld",
               ".json": "json-ld", ".rdf": "xml", ".xml": "xml", ".owl": "xml", ".n3": "n3"}
    fmt = formats.get(path.suffix.lower(), "turtle")
    g = new_graph()
    try:
        g.parse(path, format=fmt)
    except Exception as exc:  # rdflib raises many parser-specific types
        raise QueryError(f"{path}: cannot parse as {fmt} ({type(exc).__name__}: {str(exc)[:200]})") from None
    return g



def to_dataset(graph: Graph):
    """The graph as an rdflib ``Dataset``: one named graph per source document (named by the document's
    IRI) holding that document's assertion nodes; the default graph keeps everything else, including
    the direct triples, so simple queries stay simple.

    >>> ds = to_dataset(new_graph())
    >>> len(list(ds.graphs()))
    1
    """
    from rdflib import Dataset

    ds = Dataset()
    for prefix, ns in graph.namespaces():
        ds.bind(prefix, ns)
    default = ds.default_graph
    per_doc: dict[URIRef, list] = {}
    assertions = set(graph.subjects(RDF.type, KG.Assertion))
    for a in assertions:
        doc = graph.value(a, KG.document)
        per_doc.setdefault(doc, []).append(a)
    for s, p, o in graph:
        if s not in assertions:
            default.add((s, p, o))
    for doc, nodes in per_doc.items():
        named = ds.graph(doc if doc is not None else KGID["doc/unknown"])
        for a in nodes:
            for p, o in graph.predicate_objects(a):
                named.add((a, p, o))
    return ds


def validate(graph: Graph) -> tuple[bool, str]:
    """Check ``graph`` against kg's SHACL shapes (``kg/data/shapes.ttl``) with pyshacl.

    Returns whether it conforms and pyshacl's report. The graph must carry its ontology (as ``graph.ttl``
    does), since class targets follow ``rdfs:subClassOf``.
    """
    from pyshacl import validate as shacl_validate

    shapes = Graph().parse(data=resources.files("kg.data").joinpath("shapes.ttl").read_text(encoding="utf-8"),
                           format="turtle")
    conforms, _, text = shacl_validate(graph, shacl_graph=shapes, inference="none", advanced=True)
    return bool(conforms), text


def _ox_term(term):
    import pyoxigraph as ox
    from rdflib import BNode

    if isinstance(term, URIRef):
        return ox.NamedNode(str(term))
    if isinstance(term, BNode):
        return ox.BlankNode(str(term))
    if term.language:
        return ox.Literal(str(term), language=term.language)
    if term.datatype:
        return ox.Literal(str(term), datatype=ox.NamedNode(str(term.datatype)))
    return ox.Literal(str(term))


def serialize_fast(graph: Graph, fmt: str = "turtle") -> str:
    """Turtle (or TriG for a Dataset) written by Oxigraph's serializer, which is many times faster than
    rdflib's on large graphs; the same triples, kg's prefixes declared."""
    import pyoxigraph as ox

    prefixes = dict(OUTPUT_PREFIXES)
    cache: dict = {}

    def t(term):
        found = cache.get(term)
        if found is None:
            found = cache[term] = _ox_term(term)
        return found

    if fmt == "trig":
        quads = []
        for g in graph.graphs():
            name = ox.DefaultGraph() if g.identifier == graph.default_graph.identifier else t(g.identifier)
            quads += [ox.Quad(t(s), t(p), t(o), name) for s, p, o in g]
        return ox.serialize(quads, format=ox.RdfFormat.TRIG, prefixes=prefixes).decode("utf-8")
    triples = [ox.Triple(t(s), t(p), t(o)) for s, p, o in graph]
    return ox.serialize(triples, format=ox.RdfFormat.TURTLE, prefixes=prefixes).decode("utf-8")
