"""Benchmark: load time and named-query latency at ~1M triples, rdflib Memory store vs Oxigraph.

    python benchmarks/sparql_scale.py [--triples 1000000] [--timeout 120]

Builds the sample graph (seeds/ → a temporary folder), replicates it with renamed entity IRIs until it
reaches the target size, then loads it into each store and runs every named query (parameters taken
from the first copy). A query still running after --timeout seconds is stopped and reported as such.
This is a benchmark, not a test: it prints a Markdown table and writes benchmarks/results/sparql_scale.json.
"""
from __future__ import annotations

import argparse
import json
import re
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PARAMS = {"actor": "United Kingdom", "subject": "United Kingdom", "predicate": "signed",
          "object": "Bletchley Declaration", "document": "Bletchley Declaration"}
ENTITY = re.compile(r"<https://w3id\.org/kg-news/id/([^>]+)>")
LABEL = re.compile(r'(<http://www\.w3\.org/2000/01/rdf-schema#label>|<http://www\.w3\.org/2004/02/skos/core#altLabel>) "((?:[^"\\]|\\.)*)"')


def replicate(nt_lines: list[str], target: int, out: Path) -> int:
    """Write copies of the graph until ``target`` triples; copy k renames every entity IRI (suffix -k)
    and every label (suffix " k"), except copy 0, which is the original: a corpus that many times the
    size, whose parameterised lookups ("United Kingdom") select one entity as they would in real data."""
    ontology = [l for l in nt_lines if "kg-news/id/" not in l]
    data = [l for l in nt_lines if "kg-news/id/" in l]
    copies = max(1, (target - len(ontology)) // max(1, len(data)))
    n = 0
    with open(out, "w", encoding="utf-8") as fh:
        fh.writelines(ontology)
        n += len(ontology)
        for k in range(copies):
            if k == 0:
                fh.writelines(data)
            else:
                fh.writelines(LABEL.sub(lambda m: f'{m.group(1)} "{m.group(2)} {k}"',
                                        ENTITY.sub(lambda m: f"<https://w3id.org/kg-news/id/{m.group(1)}-{k}>", l))
                              for l in data)
            n += len(data)
    return n


class _Timeout(BaseException):  # not an Exception: nothing on the way may swallow it
    pass


def time_queries(backend, queries, timeout: float) -> dict[str, tuple[float | None, int]]:
    """Each query's latency in seconds (None past ``timeout``: SIGALRM stops rdflib's Python engine)
    and its row count."""
    import signal

    def alarm(signum, frame):
        raise _Timeout()

    signal.signal(signal.SIGALRM, alarm)
    out = {}
    for q in queries:
        params = {k: PARAMS[k] for k in q.params if k in PARAMS}  # optional ones (from, to) unbound
        backend.query(q.text, params) if backend.name == "oxigraph" else None  # warm the store's caches
        signal.setitimer(signal.ITIMER_REAL, timeout)
        start = time.perf_counter()
        try:
            rows = len(backend.query(q.text, params).rows)
            out[q.name] = (time.perf_counter() - start, rows)
        except _Timeout:
            out[q.name] = (None, 0)
        finally:
            signal.setitimer(signal.ITIMER_REAL, 0)
        print(f"{backend.name} {q.name}: {out[q.name]}", file=sys.stderr)
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--triples", type=int, default=1_000_000)
    ap.add_argument("--timeout", type=float, default=120.0)
    args = ap.parse_args()

    from rdflib import Graph

    from kg.pipeline import build
    from kg.sparql import OxigraphBackend, RdflibBackend, named_queries

    work = Path(tempfile.mkdtemp(prefix="kg-bench-"))
    build(ROOT / "seeds", work / "seeds-out")
    seed_nt = Graph().parse(work / "seeds-out" / "graph.ttl").serialize(format="nt").splitlines(keepends=True)
    big = work / "big.nt"
    n = replicate(seed_nt, args.triples, big)
    print(f"graph: {n:,} triples ({big.stat().st_size / 1e6:.0f} MB N-Triples)", file=sys.stderr)

    queries = list(named_queries().values())
    t = time.perf_counter()
    ox = OxigraphBackend.open(work / "ox-store", big)
    ox_load = time.perf_counter() - t
    ox_times = time_queries(ox, queries, args.timeout)
    t = time.perf_counter()
    g = Graph()
    g.parse(big, format="nt")
    rdflib_load = time.perf_counter() - t
    rd_times = time_queries(RdflibBackend(g), queries, args.timeout)
    rows = [{"query": q.name, "oxigraph_s": ox_times[q.name][0], "oxigraph_rows": ox_times[q.name][1],
             "rdflib_s": rd_times[q.name][0], "rdflib_rows": rd_times[q.name][1]} for q in queries]

    def fmt(s):
        return f"> {args.timeout:g} s" if s is None else (f"{s * 1000:.0f} ms" if s < 10 else f"{s:.1f} s")

    print(f"\n{n:,} triples. Load: rdflib Memory {rdflib_load:.1f} s, Oxigraph store {ox_load:.1f} s.\n")
    print("| named query | Oxigraph | rows | rdflib Memory | rows |")
    print("|---|---|---|---|---|")
    for r in rows:
        print(f"| {r['query']} | {fmt(r['oxigraph_s'])} | {r['oxigraph_rows']} | {fmt(r['rdflib_s'])} | {r['rdflib_rows']} |")
    results = ROOT / "benchmarks" / "results"
    results.mkdir(parents=True, exist_ok=True)
    (results / "sparql_scale.json").write_text(json.dumps(
        {"triples": n, "load_s": {"rdflib": rdflib_load, "oxigraph": ox_load}, "queries": rows}, indent=2) + "\n")


if __name__ == "__main__":
    main()
