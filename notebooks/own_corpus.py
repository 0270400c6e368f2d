# ---
# jupyter:
#   jupytext:
#     formats: ipynb,py:percent
#     text_representation:
#       extension: .py
#       format_name: percent
#   kernelspec:
#     display_name: Python 3
#     language: python
#     name: python3
# ---

# %% [markdown]
# # Your own corpus
# Point `CORPUS` at a folder of `.txt` or `.md` articles (sub-folders are read too), build, and query.

# %%
import os
from pathlib import Path

import pandas as pd

from kg.pipeline import build
from kg.sparql import named_queries, open_backend

CORPUS = Path(os.environ.get("KG_CORPUS", Path("..") / "seeds"))
OUT = Path(os.environ.get("KG_NOTEBOOK_OUT", Path("..") / "output")) / "own-corpus"

result = build(CORPUS, OUT)
print(result.summary())
for item in result.skipped:  # files that could not be used, and why
    print(f"{item.path}: {item.reason}")

# %% [markdown]
# Every fact, most confident first:

# %%
facts = pd.read_csv(OUT / "relations.csv")
facts.sort_values("confidence", ascending=False)[["subject", "predicate", "object", "negated", "modality", "doc"]].head(20)

# %% [markdown]
# Any SPARQL query; for a large corpus pass `store="oxigraph:<dir>"` to `open_backend`.

# %%
backend = open_backend(OUT)
pd.DataFrame(backend.query(named_queries()["top-actors"].text).records())

# %%
pd.DataFrame(backend.query("""
SELECT ?subject ?predicate ?object WHERE {
  ?s ?p ?o . ?s rdfs:label ?subject . ?o rdfs:label ?object .
  FILTER(STRSTARTS(STR(?p), STR(kg:)))
  BIND(STRAFTER(STR(?p), "#") AS ?predicate)
} LIMIT 10""").records())
