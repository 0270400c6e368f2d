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
# # Exploring the sample knowledge graph
#
# This notebook walks through the graph `kg` builds from the sample articles in `seeds/`: who signed,
# proposed or warned about what, who matters most, which actors cluster together, how two actors are
# connected, and how the graph changes when you add an article. Every step calls the `kg` library; the
# notebook has no logic of its own.

# %%
import os
import shutil
import tempfile
from pathlib import Path

import matplotlib

matplotlib.use("Agg")  # render to files and inline images, no window
import matplotlib.pyplot as plt
import pandas as pd
from IPython.display import HTML, Image, display

from kg.analysis import communities, pagerank, shortest_path, summarize, to_networkx
from kg.pipeline import build
from kg.rdf import load_graph
from kg.sparql import RdflibBackend, named_queries
from kg.viz import render_html

SEEDS = Path("..") / "seeds"
OUT = Path(os.environ.get("KG_NOTEBOOK_OUT", Path("..") / "output"))

# %% [markdown]
# ## Build the graph
# `build` reads every article, parses it with spaCy, extracts the relations, resolves the entities and
# writes `graph.ttl`, `relations.csv`, `graph.html` and the rest into `OUT`.

# %%
result = build(SEEDS, OUT)
print(result.summary())

# %% [markdown]
# ## Ask the graph: the named SPARQL queries as tables
# `kg query --list` shows the same library on the command line.

# %%
graph = load_graph(OUT)
store = RdflibBackend(graph)
queries = named_queries()


def table(name: str, **params) -> pd.DataFrame:
    """A named query's answer as a DataFrame."""
    return pd.DataFrame(store.query(queries[name].text, params).records())


table("who-signed")

# %%
table("proposals")

# %%
table("warnings")[["actor", "predicate", "about", "document"]]

# %% [markdown]
# The evidence behind one fact, and everything said about one actor (any alias works: "Britain", "UK").

# %%
table("evidence", subject="UK", predicate="signed", object="Bletchley Declaration")[["sentence", "document", "confidence"]]

# %%
table("actor", actor="Britain")[["direction", "predicate", "other", "negated", "document"]]

# %% [markdown]
# ## Who matters: PageRank over the actor–relation graph

# %%
network = to_networkx(graph)
scores = pagerank(network)
actors = [n for n, d in network.nodes(data=True) if d["group"] == "Actor"]
top = sorted(actors, key=lambda n: -scores[n])[:10]
ranking = pd.DataFrame({"actor": [network.nodes[n]["label"] for n in top], "pagerank": [scores[n] for n in top]})

fig, ax = plt.subplots(figsize=(8, 4))
ax.barh(ranking["actor"][::-1], ranking["pagerank"][::-1], color="#4e79a7")
ax.set_xlabel("PageRank")
ax.set_title("Top actors in the sample corpus")
fig.tight_layout()
chart = OUT / "top-actors.png"
fig.savefig(chart, dpi=120)
plt.close(fig)
display(Image(filename=str(chart)))

# %% [markdown]
# ## Communities (Louvain) and the summary `kg build` writes to `analysis.json`

# %%
labels = {n: d["label"] for n, d in network.nodes(data=True)}
pd.DataFrame({"community": range(1, 6), "members": [", ".join(labels[n] for n in c) for c in communities(network)[:5]]})

# %%
summary = summarize(network)
{k: summary[k] for k in ("nodes", "edges", "components", "largest_component")}

# %% [markdown]
# ## How are two actors connected? Each hop with the sentence that states it

# %%
hops = shortest_path(network, "person/xi-jinping", "country/kosovo")
pd.DataFrame([{"from": labels[h["from"]], "predicate": h["predicate"], "to": labels[h["to"]],
               "sentence": h["evidence"]["sentence"], "document": h["evidence"]["document"]} for h in hops])

# %% [markdown]
# ## The interactive graph, inline
# The same self-contained page as `graph.html` (drawn in a frame so its scripts stay apart from the
# notebook's). Click a node or an edge to read its evidence.

# %%
import html as _html

page = render_html(to_networkx(graph, include_negated=True), title="kg: seeds")
display(HTML(f'<div><iframe srcdoc="{_html.escape(page)}" style="width:100%;height:620px;border:1px solid #ddd"></iframe></div>'))

# %% [markdown]
# ## Add an article and rebuild
# Copy the corpus, add a new article, build again: the new facts join the same entities (one IRI per
# real-world entity, the same on every run).

# %%
corpus = Path(tempfile.mkdtemp()) / "corpus"
shutil.copytree(SEEDS, corpus)
(corpus / "new_article.txt").write_text(
    "Canada and Japan signed the Bletchley Declaration's follow-up statement in Seoul.\n"
    "The British government welcomed the Seoul Declaration, which was drafted by South Korea.\n",
    encoding="utf-8")
again = build(corpus, corpus.parent / "out")
print(again.summary())
new = pd.read_csv(corpus.parent / "out" / "relations.csv")
new[new["doc"] == "new_article.txt"][["subject", "predicate", "object", "negated", "confidence"]]
