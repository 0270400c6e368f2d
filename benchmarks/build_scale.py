"""Benchmark: `kg build` against plain spaCy parsing on corpora 1x, 10x and 100x the size of seeds/.

    python benchmarks/build_scale.py [--scales 1,10,100] [--workers 1]

Corpora are made locally by recombining the sample articles' paragraphs (seeded, so every run makes the
same corpus) into new articles, each made unique; no network. For each scale, in fresh processes: wall
time and peak memory of `kg build` (no cache) and of plain `nlp.pipe` over the same texts with the same
model, their ratio, time per document, and kg's stage times. Prints a Markdown table and writes
benchmarks/results/build_scale.json. This is a benchmark, not a test.
"""
from __future__ import annotations

import argparse
import json
import random
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def make_corpus(scale: int, target: Path, seed: int = 7) -> int:
    """``scale`` times as many articles as seeds/, each of about the same length, made of the seeds'
    paragraphs in a new order. Returns the number of words written."""
    from kg.ingest import read_documents

    docs = list(read_documents(ROOT / "seeds"))
    paragraphs = [p for d in docs for p in d.text.split("\n") if len(p.split()) > 8]
    rng = random.Random(seed)
    target.mkdir(parents=True, exist_ok=True)
    words = 0
    for n in range(scale * len(docs)):
        size = len(docs[n % len(docs)].text.split())
        chosen, count = [], 0
        while count < size:
            p = rng.choice(paragraphs)
            chosen.append(p)
            count += len(p.split())
        text = f"Article {n}\n\n" + "\n".join(chosen) + "\n"
        (target / f"article_{n:05d}.txt").write_text(text, encoding="utf-8")
        words += len(text.split())
    return words


PLAIN = """
import resource, sys, time
from pathlib import Path
import spacy
from kg.nlp import DEFAULT_MODEL
texts = [p.read_text(encoding="utf-8") for p in sorted(Path(sys.argv[1]).glob("*.txt"))]
nlp = spacy.load(DEFAULT_MODEL)
start = time.perf_counter()
for doc in nlp.pipe(texts, batch_size=16):
    pass
print(time.perf_counter() - start, resource.getrusage(resource.RUSAGE_SELF).ru_maxrss)
"""

KG = """
import json, resource, sys, time
from kg.nlp import build_pipeline
from kg.pipeline import build
build_pipeline()  # load the model before the clock starts, as the plain run does
start = time.perf_counter()
result = build(sys.argv[1], sys.argv[2], incremental=False, workers=int(sys.argv[3]))
print(json.dumps({"seconds": time.perf_counter() - start, "maxrss_kb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss,
                  "stages": result.stage_seconds, "relations": len(result.relations), "entities": len(result.registry.entities)}))
"""


def run(code: str, *args: str) -> str:
    out = subprocess.run([sys.executable, "-c", code, *args], capture_output=True, text=True, check=True)
    return out.stdout.strip().splitlines()[-1]


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--scales", default="1,10,100")
    ap.add_argument("--workers", type=int, default=1)
    args = ap.parse_args()
    work = Path(tempfile.mkdtemp(prefix="kg-scale-"))
    rows = []
    for scale in (int(s) for s in args.scales.split(",")):
        corpus = work / f"x{scale}"
        words = make_corpus(scale, corpus)
        n_docs = len(list(corpus.glob("*.txt")))
        plain_s, plain_kb = run(PLAIN, str(corpus)).split()
        kg = json.loads(run(KG, str(corpus), str(work / f"out{scale}"), str(args.workers)))
        row = {"scale": scale, "documents": n_docs, "words": words, "plain_s": float(plain_s),
               "plain_peak_mb": int(plain_kb) / 1024, "kg_s": kg["seconds"], "kg_peak_mb": kg["maxrss_kb"] / 1024,
               "ratio": kg["seconds"] / float(plain_s), "ms_per_doc": 1000 * kg["seconds"] / n_docs,
               "stages": kg["stages"], "relations": kg["relations"], "entities": kg["entities"]}
        rows.append(row)
        print(json.dumps(row), file=sys.stderr)
    print("| scale | documents | words | plain nlp.pipe | kg build | ratio | per document | peak memory (plain / kg) | kg stages |")
    print("|---|---|---|---|---|---|---|---|---|")
    for r in rows:
        stages = ", ".join(f"{k} {v:.1f} s" for k, v in r["stages"].items())
        print(f"| {r['scale']}x | {r['documents']} | {r['words']:,} | {r['plain_s']:.1f} s | {r['kg_s']:.1f} s | "
              f"{r['ratio']:.2f} | {r['ms_per_doc']:.0f} ms | {r['plain_peak_mb']:.0f} / {r['kg_peak_mb']:.0f} MB | {stages} |")
    results = ROOT / "benchmarks" / "results"
    results.mkdir(parents=True, exist_ok=True)
    (results / "build_scale.json").write_text(json.dumps(rows, indent=2) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
