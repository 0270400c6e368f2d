"""The whole path: articles → spaCy → relations → canonical entities → RDF → analysis → HTML.

:func:`build` runs it and writes the outputs; it never prints. Pass ``progress`` to hear about it.
"""
from __future__ import annotations

import csv
import io
import json
import os
import shutil
import tempfile
import time
from dataclasses import asdict, dataclass, field, replace
from pathlib import Path
from typing import Callable, Iterator

from .analysis import summarize, to_networkx
from .entities import EntityRegistry
from .errors import InputError, KGError
from .extract import Extractor, Relation
from .gazetteer import Gazetteer
from .ingest import Document, Skipped, read_documents
from .lexicon import Lexicon
from .nlp import DEFAULT_MODEL, build_pipeline
from .rdf import build_graph, ontology_for, serialize_fast, to_dataset
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


@dataclass
class DocResult:
    """What one document contributes: its relation mentions and the entity names it contains. Plain
    data (no spaCy objects), so it can be cached on disk and sent back from worker processes."""

    doc_id: str
    checksum: str
    sentences: int
    relations: list[dict]
    names: list[list[str]]  # [key, label, type, surface form]

    def for_document(self, document: Document) -> "DocResult":
        """The same result for an identical text under another file name."""
        if document.id == self.doc_id:
            return self
        return replace(self, doc_id=document.id,
                       relations=[{**r, "doc": document.id} for r in self.relations])


@dataclass(frozen=True)
class Settings:
    model: str = DEFAULT_MODEL
    lexicon_files: tuple[str, ...] = ()
    gazetteer_files: tuple[str, ...] = ()

    def fingerprint(self) -> str:
        """Changes whenever a document's result could: model, lexicon, gazetteer, extractor version."""
        import hashlib

        import spacy

        from . import __version__
        from .extract import EXTRACTOR_VERSION

        parts = [__version__, EXTRACTOR_VERSION, _code_digest(), spacy.__version__, self.model, _model_version(self.model),
                 Lexicon.load(self.lexicon_files).version, Gazetteer.load(self.gazetteer_files).version]
        return hashlib.sha256("|".join(parts).encode()).hexdigest()[:16]


def _code_digest() -> str:
    """A digest of kg's own code and data files: results cached by another version are never reused."""
    import hashlib

    digest = hashlib.sha256()
    package = Path(__file__).parent
    for path in sorted(package.rglob("*")):
        if path.suffix in {".py", ".toml", ".ttl", ".rq", ".html"} and "__pycache__" not in path.parts:
            digest.update(path.name.encode())
            digest.update(path.read_bytes())
    return digest.hexdigest()[:16]


def _model_version(model: str) -> str:
    """The installed model package's version (without loading the model); a path's modification time."""
    from importlib import metadata

    if Path(model).exists():
        return str(Path(model).stat().st_mtime_ns)
    for name in (model, model.replace("_", "-")):
        try:
            return metadata.version(name)
        except metadata.PackageNotFoundError:
            continue
    return build_pipeline(model).meta.get("version", "")


#: Articles longer than this are parsed in pieces split at paragraph breaks (bounded memory; spaCy
#: refuses texts over ``nlp.max_length``, a million characters). References do not cross pieces.
CHUNK_CHARS = 100_000


def chunks(text: str, size: int = CHUNK_CHARS) -> list[tuple[int, str]]:
    """(offset, piece) pieces of at most about ``size`` characters, cut at paragraph or line breaks.

    >>> [(o, len(p)) for o, p in chunks("a" * 5 + "\\n\\n" + "b" * 5, size=6)]
    [(0, 6), (6, 6)]
    """
    if len(text) <= size:
        return [(0, text)]
    pieces, start = [], 0
    while start < len(text):
        end = min(len(text), start + size)
        if end < len(text):
            cut = max(text.rfind("\n\n", start, end), text.rfind("\n", start, end), text.rfind(". ", start, end))
            end = cut + 1 if cut > start else end
        pieces.append((start, text[start:end]))
        start = end
    return pieces


def process(documents: list[Document], settings: Settings, batch_size: int = 16) -> Iterator[DocResult]:
    """Parse and extract documents one by one (a stream: each Doc is dropped after extraction)."""
    nlp = build_pipeline(settings.model, settings.gazetteer_files, settings.lexicon_files)
    extractor = Extractor(Lexicon.load(settings.lexicon_files), Gazetteer.load(settings.gazetteer_files))
    stream = ((piece, (document, offset, last)) for document in documents
              for offset, piece, last in _pieces(document.text))
    current: DocResult | None = None
    for doc, (document, offset, last) in nlp.pipe(stream, as_tuples=True, batch_size=batch_size):
        doc._.kg_doc_id = document.id
        if current is None:
            current = DocResult(document.id, document.checksum, 0, [], [])
        for r in extractor.extract(doc, document.id):
            data = r.as_dict()
            data.update(start_char=r.start_char + offset, end_char=r.end_char + offset,
                        sentence_index=r.sentence_index + current.sentences)
            current.relations.append(data)
        current.names += [[m.key, m.label, m.type, doc[m.start:m.end].text]
                          for m in doc._.kg_mentions or [] if m.how in NAMING]
        current.sentences += sum(1 for _ in doc.sents)
        if last:
            yield current
            current = None


def _pieces(text: str) -> Iterator[tuple[int, str, bool]]:
    parts = chunks(text)
    for n, (offset, piece) in enumerate(parts):
        yield offset, piece, n == len(parts) - 1


def _process_batch(args: tuple[list[Document], Settings]) -> list[DocResult]:
    documents, settings = args
    return list(process(documents, settings))


def _on_dask(address: str, documents: list[Document], settings: Settings, batches: int) -> Iterator[DocResult]:
    """Fan document batches out to a Dask distributed cluster at ``address``. Each worker process builds
    the pipeline once (it is cached per process) and sends back plain results, never Docs."""
    try:
        from distributed import Client, as_completed
    except ImportError:
        raise KGError("--dask needs the distributed package: pip install 'dask[distributed]'") from None
    try:
        client = Client(address, timeout=30)
    except OSError as exc:
        raise KGError(f"--dask {address}: cannot reach the scheduler ({exc})") from None
    try:
        n = max(batches, len(client.scheduler_info().get("workers", {})) * 2, 1)
        size = max(1, -(-len(documents) // n))
        chunks_ = [documents[i:i + size] for i in range(0, len(documents), size)]
        futures = client.map(_process_batch, [(c, settings) for c in chunks_], pure=False)
        for future in as_completed(futures):
            yield from future.result()
    finally:
        client.close()


class Cache:
    """Per-document results in ``<out>/.kg-cache/<fingerprint>/<sha256 of the text>.json``: a rebuild
    re-parses only new or changed articles. A change of model, lexicon, gazetteer or kg version gives a
    new fingerprint, so stale results are never used; folders of other fingerprints are removed."""

    def __init__(self, root: Path, fingerprint: str):
        self.dir = root / fingerprint
        self.dir.mkdir(parents=True, exist_ok=True)
        for other in root.iterdir():
            if other.is_dir() and other.name != fingerprint:
                shutil.rmtree(other, ignore_errors=True)

    def get(self, document: Document) -> DocResult | None:
        path = self.dir / f"{document.checksum}.json"
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
            return DocResult(**data).for_document(document)
        except (OSError, ValueError, TypeError):
            return None  # missing or unreadable: parse again

    def put(self, result: DocResult) -> None:
        write_atomic(self.dir / f"{result.checksum}.json", json.dumps(asdict(result), ensure_ascii=False))

    def prune(self, keep: set[str]) -> None:
        for path in self.dir.glob("*.json"):
            if path.stem not in keep:
                path.unlink(missing_ok=True)


def extract_corpus(documents: list[Document], model: str = DEFAULT_MODEL, lexicon_files: tuple[str, ...] = (),
                   gazetteer_files: tuple[str, ...] = (), progress: Progress | None = None,
                   workers: int = 1, cache_dir: Path | None = None,
                   stats: dict | None = None, dask: str | None = None) -> tuple[list[Relation], EntityRegistry, int]:
    """Parse and extract every document; return relations with canonical keys, the entities, and the
    number of sentences.

    With ``cache_dir`` unchanged documents are taken from the cache; with ``workers > 1`` the rest are
    parsed in that many processes (one spaCy pipeline each). The result is the same either way: it is
    assembled in document order.
    """
    settings = Settings(model, tuple(lexicon_files), tuple(gazetteer_files))
    cache = Cache(cache_dir, settings.fingerprint()) if cache_dir else None
    results: dict[str, DocResult] = {}
    todo = []
    for document in documents:
        hit = cache.get(document) if cache else None
        if hit is not None:
            results[document.id] = hit
        else:
            todo.append(document)
    if progress and cache:
        progress(f"{len(results)} documents unchanged (cached), {len(todo)} to parse")
    done = 0

    def finished(result: DocResult) -> None:
        nonlocal done
        done += 1
        results[result.doc_id] = result
        if cache:
            cache.put(result)
        if progress:
            progress(f"[{done}/{len(todo)}] {result.doc_id}: {len(result.relations)} relations")

    if dask and todo:
        for result in _on_dask(dask, todo, settings, max(workers, 1)):
            finished(result)
    elif workers > 1 and len(todo) > 1:
        import multiprocessing

        chunks = [todo[i::workers] for i in range(workers) if todo[i::workers]]
        with multiprocessing.get_context("fork").Pool(len(chunks)) as pool:
            for batch in pool.imap_unordered(_process_batch, [(c, settings) for c in chunks]):
                for result in batch:
                    finished(result)
    else:
        for result in process(todo, settings):
            finished(result)
    if cache:
        cache.prune({d.checksum for d in documents})
    if stats is not None:
        stats["cached_documents"] = len(documents) - len(todo)
        stats["parsed_documents"] = len(todo)
    return assemble([results[d.id] for d in documents], Gazetteer.load(tuple(gazetteer_files)))


def assemble(results: list[DocResult], gazetteer: Gazetteer) -> tuple[list[Relation], EntityRegistry, int]:
    """Merge per-document results into one entity registry and canonical relations, in document order."""
    registry = EntityRegistry(gazetteer)
    relations: list[Relation] = []
    surface_forms: set[str] = set()
    named_keys: set[str] = set()
    named_mentions = 0
    for result in results:
        for key, label, kind, surface in result.names:
            registry.add(key, label, kind, alias=surface, doc_id=result.doc_id)
            surface_forms.add(surface)
            named_keys.add(key)
            named_mentions += 1
        for data in result.relations:
            rel = Relation(**data)
            registry.add(rel.subject, rel.subject_label, rel.subject_type, doc_id=result.doc_id)
            registry.add(rel.object, rel.object_label, rel.object_type, doc_id=result.doc_id)
            relations.append(rel)
    registry.merge_surnames()
    relations = [_canonical(r, registry) for r in relations]
    registry.stats = {
        "named_mentions": named_mentions,  # entity names found in the text
        "distinct_surface_forms": len(surface_forms),  # what a graph without entity resolution would have
        "named_entities": len({registry.canonical(k) for k in named_keys}),  # after linking and merging
        "entities": len(registry.entities),  # also descriptions, groups and concepts used in facts
    }
    return relations, registry, sum(r.sentences for r in results)


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
          max_nodes: int | None = MAX_NODES, progress: Progress | None = None, workers: int = 1,
          incremental: bool = True, dask: str | None = None) -> BuildResult:
    """Build the knowledge graph of the articles under ``input_path`` and write it to ``out_dir``.

    Unchanged articles are taken from the cache in ``out_dir/.kg-cache`` (``incremental=False`` parses
    everything); ``workers`` > 1 parses in that many processes. Writes ``graph.ttl``, ``graph.trig`` (one named graph per document), ``ontology.ttl``, ``relations.csv``, ``entities.csv``, ``analysis.json`` and
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
        raise InputError(f"{input_path}: no readable article found (.txt, .md, .html, .pdf, .jsonl, .csv); "
                         f"point kg at a folder of articles")
    stages["read"] = time.perf_counter() - t
    say(f"read {len(documents)} documents from {input_path}")

    t = time.perf_counter()
    say(f"parsing with spaCy model {model} …")
    cache_stats: dict = {}
    relations, registry, sentences = extract_corpus(
        documents, model, lexicon_files, gazetteer_files, say, workers=workers,
        cache_dir=out / ".kg-cache" if incremental else None, stats=cache_stats, dask=dask)
    stages["parse+extract"] = time.perf_counter() - t

    t = time.perf_counter()
    lexicon = Lexicon.load(tuple(lexicon_files))
    graph = build_graph(documents, relations, registry.entities.values(), lexicon)
    turtle = serialize_fast(graph)
    trig = serialize_fast(to_dataset(graph), "trig")
    ontology = ontology_for(lexicon).serialize(format="turtle")
    stages["rdf"] = time.perf_counter() - t
    say(f"RDF graph: {len(graph)} triples")

    t = time.perf_counter()
    nxg = to_networkx(graph, include_negated=True)
    asserted = nxg.copy()  # the same graph without the negated facts
    asserted.remove_edges_from([(u, v, k) for u, v, k, d in nxg.edges(keys=True, data=True) if d.get("negated")])
    analysis = summarize(asserted)
    analysis["documents"] = len(documents)
    analysis["sentences"] = sentences
    analysis["relation_mentions"] = len(relations)
    analysis["negated_mentions"] = sum(r.negated for r in relations)
    analysis["entity_resolution"] = registry.stats
    analysis["build"] = {**cache_stats, "workers": workers, **({"dask": dask} if dask else {})}
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
