"""SPARQL over the knowledge graph: run a query, bind parameters safely, format the results."""
from __future__ import annotations

import csv
import io
import json
from pathlib import Path

from rdflib import Graph, Literal, URIRef
from rdflib.plugins.sparql import prepareQuery
from rdflib.query import Result

from .errors import QueryError
from .rdf import ENTITY_IRI, ONTOLOGY_IRI

#: Prefixes every query may use without declaring them.
PREFIXES = {
    "kg": ONTOLOGY_IRI,
    "kgid": ENTITY_IRI,
    "rdf": "http://www.w3.org/1999/02/22-rdf-syntax-ns#",
    "rdfs": "http://www.w3.org/2000/01/rdf-schema#",
    "owl": "http://www.w3.org/2002/07/owl#",
    "skos": "http://www.w3.org/2004/02/skos/core#",
    "xsd": "http://www.w3.org/2001/XMLSchema#",
    "wd": "http://www.wikidata.org/entity/",
}


def run_query(graph: Graph, query: str, bindings: dict[str, str | URIRef | Literal] | None = None) -> Result:
    """Run ``query`` on ``graph``. ``bindings`` values are bound as RDF terms (never spliced into the
    query text): strings become literals, ``URIRef``/``Literal`` are used as given.

    >>> from kg.rdf import new_graph
    >>> list(run_query(new_graph(), "SELECT ?s WHERE { ?s a kg:Country }"))
    []
    """
    try:
        prepared = prepareQuery(query, initNs=PREFIXES)
    except Exception as exc:  # pyparsing raises its own exception types
        raise QueryError(f"SPARQL syntax error: {str(exc).splitlines()[0][:300]}") from None
    init = {k: (v if isinstance(v, (URIRef, Literal)) else Literal(v)) for k, v in (bindings or {}).items()}
    try:
        return graph.query(prepared, initBindings=init)
    except Exception as exc:
        raise QueryError(f"query failed: {type(exc).__name__}: {str(exc)[:300]}") from None


def _cell(value) -> str:
    if value is None:
        return ""
    text = str(value)
    for prefix, ns in (("kgid:", ENTITY_IRI), ("kg:", ONTOLOGY_IRI)):
        if isinstance(value, URIRef) and text.startswith(ns):
            return prefix + text[len(ns):]
    return text


def result_rows(result: Result) -> tuple[list[str], list[list]]:
    """Column names and rows (raw rdflib terms) of a SELECT/ASK result."""
    if result.type == "ASK":
        return ["ask"], [[Literal(bool(result.askAnswer))]]
    if result.type in {"CONSTRUCT", "DESCRIBE"}:
        return ["subject", "predicate", "object"], [list(t) for t in result.graph]
    names = [str(v) for v in result.vars]
    return names, [[row[i] for i in range(len(names))] for row in result]


def format_result(result: Result, fmt: str = "table") -> str:
    """Format a result as an aligned ``table``, ``csv`` or SPARQL 1.1 ``json``."""
    names, rows = result_rows(result)
    if fmt == "json":
        if result.type in {"SELECT", "ASK"}:
            return result.serialize(format="json").decode("utf-8")
        return json.dumps({"triples": [[str(x) for x in r] for r in rows]}, ensure_ascii=False, indent=1)
    if fmt == "csv":
        buf = io.StringIO()
        writer = csv.writer(buf, lineterminator="\n")
        writer.writerow(names)
        writer.writerows([[("" if c is None else str(c)) for c in r] for r in rows])
        return buf.getvalue()
    if fmt != "table":
        raise QueryError(f"unknown output format {fmt!r}; use table, csv or json")
    cells = [[_cell(c) for c in r] for r in rows]
    widths = [min(60, max([len(n)] + [len(r[i]) for r in cells])) for i, n in enumerate(names)]

    def line(values):
        return "  ".join((v if len(v) <= 60 else v[:57] + "...").ljust(w) for v, w in zip(values, widths)).rstrip()

    out = [line(names), line(["-" * w for w in widths])] + [line(r) for r in cells]
    out.append(f"({len(cells)} row{'s' if len(cells) != 1 else ''})")
    return "\n".join(out) + "\n"


def read_query_file(path: str | Path) -> str:
    try:
        return Path(path).read_text(encoding="utf-8")
    except OSError as exc:
        raise QueryError(f"{path}: cannot read the query file ({exc.strerror})") from None
