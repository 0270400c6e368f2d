"""The whole path: articles → spaCy → relations → canonical entities → RDF → analysis → HTML.

:func:`build` runs it and writes the outputs; it never prints. Pass ``progress`` to hear about it.
"""
from __future__ import annotations

import csv
import io
import json
import os
import tempfile
import time
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Callable

from .analysis import summarize, to_networkx
from .entities import EntityRegistry
from .errors import InputError
from .extract import Extractor, Relation
from .gazetteer import Gazetteer
from .ingest import Document, Skipped, read_documents
from .lexicon import Lexicon
from .nlp import DEFAULT_MODEL, build_pipeline
from .rdf import build_graph, ontology_for, to_dataset
from .viz import MAX_NODES, render_html

#: Columns of ``relations.csv``, in order.
RELATION_COLUMNS = ["doc", "sentence_index", "sentence", "subject", "predicate", "object", "subject_type",
                    "object_type", "negated", "modality", "confidence", "trigger", "rule", "subject_id",
                    "object_id", "start_char", "end_char", "subject_how", "object_how"]
#: Mentions that name an entity (as opposed to pronouns and descriptions) and so make it a node.
NAMING = {"gazetteer", "ner", "demonym", "capital", "surname", "acronym"}

Progress = Callable[[str], None]

_UMASK = os.umask(0)
os.umask(_UMASK)


@dataclass
class BuildResult:
    documents: list[Document]
    relations: list[Relation]
    registry: EntityRegistry
    skipped: list[Skipped]
    sentences: int
    seconds: float
    stage_seconds: dict[str, float] = field(default_factory=dict)
    outputs: dict[str, Path] = field(default_factory=dict)
    analysis: dict = field(default_factory=dict)

    def summary(self) -> str:
        neg = sum(r.negated for r in self.relations)
        return (f"{len(self.documents)} documents, {self.sentences} sentences, "
                f"{len(self.registry.entities)} entities, {len(self.relations)} relations "
                f"({neg} negated) in {self.seconds:.1f} s")


def extract_corpus(documents: list[Document], model: str = DEFAULT_MODEL, lexicon_files: tuple[str, ...] = (),
                   gazetteer_files: tuple[str, ...] = (), progress: Progress | None = None,
                   batch_size: int = 16) -> tuple[list[Relation], EntityRegistry, int]:
    """Parse and extract every document; return relations with canonical keys, the entities, and the
    number of sentences. Docs are processed as a stream and dropped after extraction."""
    nlp = build_pipeline(model, tuple(gazetteer_files), tuple(lexicon_files))
    gazetteer = Gazetteer.load(tuple(gazetteer_files))
    lexicon = Lexicon.load(tuple(lexicon_files))
    extractor = Extractor(lexicon, gazetteer)
    registry = EntityRegistry(gazetteer)
    relations: list[Relation] = []
    sentences = 0
    surface_forms: set[str] = set()
    named_keys: set[str] = set()
    named_mentions = 0
    stream = ((d.text, d) for d in documents)
    for n, (doc, document) in enumerate(nlp.pipe(stream, as_tuples=True, batch_size=batch_size), start=1):
        doc._.kg_doc_id = document.id
        found = extractor.extract(doc, document.id)
        for m in doc._.kg_mentions or []:
            if m.how in NAMING:
                surface = doc[m.start:m.end].text
                registry.add(m.key, m.label, m.type, alias=surface, doc_id=document.id)
                surface_forms.add(surface)
                named_keys.add(m.key)
                named_mentions += 1
        for r in found:
            registry.add(r.subject, r.subject_label, r.subject_type, doc_id=document.id)
            registry.add(r.object, r.object_label, r.object_type, doc_id=document.id)
        relations += found
        sentences += sum(1 for _ in doc.sents)
        if progress:
            progress(f"[{n}/{len(documents)}] {document.id}: {len(found)} relations")
    registry.merge_surnames()
    relations = [_canonical(r, registry) for r in relations]
    registry.stats = {
        "named_mentions": named_mentions,  # entity names found in the text
        "distinct_surface_forms": len(surface_forms),  # what a graph without entity resolution would have
        "named_entities": len({registry.canonical(k) for k in named_keys}),  # after linking and merging
        "entities": len(registry.entities),  # also descriptions, groups and concepts used in facts
    }
    return relations, registry, sentences


def _canonical(rel: Relation, registry: EntityRegistry) -> Relation:
    s, o = registry.canonical(rel.subject), registry.canonical(rel.object)
    se, oe = registry.entities[s], registry.entities[o]
    return replace(rel, subject=s, subject_label=se.label, subject_type=se.type,
                   object=o, object_label=oe.label, object_type=oe.type)


def relations_csv(relations: list[Relation]) -> str:
    buf = io.StringIO()
    writer = csv.DictWriter(buf, fieldnames=RELATION_COLUMNS, extrasaction="ignore", lineterminator="\n")
    writer.writeheader()
    for r in relations:
        row = r.as_dict()
        row.update(subject=r.subject_label, object=r.object_label, subject_id=r.subject, object_id=r.object,
                   negated="true" if r.negated else "false")
        writer.writerow(row)
    return buf.getvalue()


def entities_csv(registry: EntityRegistry) -> str:
    buf = io.StringIO()
    writer = csv.writer(buf, lineterminator="\n")
    writer.writerow(["id", "label", "type", "aliases", "wikidata", "mentions", "documents"])
    for e in sorted(registry.entities.values(), key=lambda e: e.key):
        writer.writerow([e.key, e.label, e.type, "|".join(sorted(e.aliases)), e.wikidata or "", e.mentions,
                         "|".join(sorted(e.documents))])
    return buf.getvalue()


def write_atomic(path: Path, content: str | bytes) -> None:
    """Write to a temporary file beside ``path`` and rename it over: readers never see half a file."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(content.encode("utf-8") if isinstance(content, str) else content)
        os.chmod(tmp, 0o666 & ~_UMASK)  # mkstemp makes 0600; give the file the usual permissions
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def build(input_path: str | Path, out_dir: str | Path, model: str = DEFAULT_MODEL,
          lexicon_files: tuple[str, ...] = (), gazetteer_files: tuple[str, ...] = (),
          max_nodes: int | None = MAX_NODES, progress: Progress | None = None) -> BuildResult:
    """Build the knowledge graph of the articles under ``input_path`` and write it to ``out_dir``.

    Writes ``graph.ttl``, ``graph.trig`` (one named graph per document), ``ontology.ttl``, ``relations.csv``, ``entities.csv``, ``analysis.json`` and
    ``graph.html``. Every file is replaced atomically, and only once everything has been computed, so a
    failed build leaves the previous outputs whole.
    """
    start = time.perf_counter()
    stages: dict[str, float] = {}
    say = progress or (lambda _msg: None)
    out = Path(out_dir)

    t = time.perf_counter()
    skipped: list[Skipped] = []
    documents = list(read_documents(input_path, skipped))
    for s in skipped:
        say(f"{s.path}: {s.reason}" + ("" if s.used else "; skipped"))
    if not documents:
        raise InputError(f"{input_path}: no readable .txt or .md article found; point kg at a folder of articles")
    stages["read"] = time.perf_counter() - t
    say(f"read {len(documents)} documents from {input_path}")

    t = time.perf_counter()
    say(f"parsing with spaCy model {model} …")
    relations, registry, sentences = extract_corpus(documents, model, lexicon_files, gazetteer_files, say)
    stages["parse+extract"] = time.perf_counter() - t

    t = time.perf_counter()
    lexicon = Lexicon.load(tuple(lexicon_files))
    graph = build_graph(documents, relations, registry.entities.values(), lexicon)
    turtle = graph.serialize(format="turtle")
    trig = to_dataset(graph).serialize(format="trig")
    ontology = ontology_for(lexicon).serialize(format="turtle")
    stages["rdf"] = time.perf_counter() - t
    say(f"RDF graph: {len(graph)} triples")

    t = time.perf_counter()
    nxg = to_networkx(graph, include_negated=True)
    asserted = to_networkx(graph)
    analysis = summarize(asserted)
    analysis["documents"] = len(documents)
    analysis["sentences"] = sentences
    analysis["relation_mentions"] = len(relations)
    analysis["negated_mentions"] = sum(r.negated for r in relations)
    analysis["entity_resolution"] = registry.stats
    stages["analysis"] = time.perf_counter() - t

    t = time.perf_counter()
    aliases = {e.key: sorted(e.aliases) for e in registry.entities.values()}
    html = render_html(nxg, title=f"kg: {Path(input_path).name or input_path}", aliases=aliases,
                       max_nodes=max_nodes)
    stages["html"] = time.perf_counter() - t

    outputs = {
        "graph.ttl": turtle,
        "graph.trig": trig,
        "ontology.ttl": ontology,
        "relations.csv": relations_csv(relations),
        "entities.csv": entities_csv(registry),
        "analysis.json": json.dumps(analysis, indent=2, ensure_ascii=False) + "\n",
        "graph.html": html,
    }
    written = {}
    for name, content in outputs.items():
        write_atomic(out / name, content)
        written[name] = out / name
    seconds = time.perf_counter() - start
    return BuildResult(documents, relations, registry, skipped, sentences, seconds, stages, written, analysis)
