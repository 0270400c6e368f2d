"""Incremental builds and parallel parsing give exactly what a clean, serial build gives."""
import shutil

import pytest
from rdflib import Graph
from rdflib.compare import isomorphic

from kg.pipeline import build

pytestmark = pytest.mark.slow

ARTICLES = {
    "a.txt": "Peru signed the Lima Accord on Friday. Chile declined to sign.",
    "b.txt": "Kenya and Ghana met in Accra. Ghana proposed a charter on ocean data.",
    "c.txt": "Japan hosted the G7 summit. Canada praised the summit.",
}


def _same(out1, out2):
    rel1 = (out1 / "relations.csv").read_text(encoding="utf-8")
    rel2 = (out2 / "relations.csv").read_text(encoding="utf-8")
    assert rel1 == rel2
    assert isomorphic(Graph().parse(out1 / "graph.ttl"), Graph().parse(out2 / "graph.ttl"))


def test_incremental_rebuild_parses_only_changes_and_equals_a_clean_build(tmp_path, nlp):
    src = tmp_path / "src"
    src.mkdir()
    for name in ("a.txt", "b.txt"):
        (src / name).write_text(ARTICLES[name], encoding="utf-8")
    out = tmp_path / "out"
    first = build(src, out)
    assert first.analysis["build"]["parsed_documents"] == 2

    (src / "c.txt").write_text(ARTICLES["c.txt"], encoding="utf-8")  # add one article
    second = build(src, out)
    assert second.analysis["build"] == {"cached_documents": 2, "parsed_documents": 1, "workers": 1}
    clean = tmp_path / "clean"
    build(src, clean, incremental=False)
    _same(out, clean)

    (src / "a.txt").unlink()  # remove one: its facts go
    third = build(src, out)
    assert third.analysis["build"]["parsed_documents"] == 0
    assert "Lima Accord" not in (out / "relations.csv").read_text(encoding="utf-8")
    shutil.rmtree(clean)
    build(src, clean, incremental=False)
    _same(out, clean)


def test_workers_give_the_same_graph(tmp_path, nlp):
    src = tmp_path / "src"
    src.mkdir()
    for name, text in ARTICLES.items():
        (src / name).write_text(text, encoding="utf-8")
    build(src, tmp_path / "serial", incremental=False)
    result = build(src, tmp_path / "parallel", incremental=False, workers=2)
    assert result.analysis["build"]["workers"] == 2
    _same(tmp_path / "serial", tmp_path / "parallel")


def test_long_articles_are_parsed_in_pieces_with_true_offsets(tmp_path, nlp, monkeypatch):
    import kg.pipeline as pipeline

    monkeypatch.setattr(pipeline, "CHUNK_CHARS", 200)
    filler = "The weather in the capital was mild for the season and markets were calm. " * 6
    text = filler + "\n\n" + "Peru signed the Lima Accord on Friday.\n\n" + filler + "\n\nChile declined to sign the Lima Accord.\n"
    src = tmp_path / "src"
    src.mkdir()
    (src / "long.txt").write_text(text, encoding="utf-8")
    result = build(src, tmp_path / "out", incremental=False)
    got = {(r.subject_label, r.predicate, r.object_label, r.negated): r for r in result.relations}
    peru = got[("Peru", "signed", "Lima Accord", False)]
    chile = got[("Chile", "signed", "Lima Accord", True)]
    for rel in (peru, chile):
        assert text[rel.start_char:rel.end_char].strip() == rel.sentence
    assert chile.sentence_index > peru.sentence_index


def test_dask_cluster_gives_the_same_graph(tmp_path, nlp):
    distributed = pytest.importorskip("distributed", reason="dask[distributed] is in the dev extra")
    src = tmp_path / "src"
    src.mkdir()
    for name, text in ARTICLES.items():
        (src / name).write_text(text, encoding="utf-8")
    build(src, tmp_path / "local", incremental=False)
    with distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True, host="127.0.0.1",
                                  dashboard_address=None) as cluster:
        result = build(src, tmp_path / "dask", incremental=False, dask=cluster.scheduler_address)
    assert result.analysis["build"]["dask"].startswith("tcp://127.0.0.1")
    _same(tmp_path / "local", tmp_path / "dask")


def test_a_line_never_ends_its_first_sentence_after_one_word(nlp):
    doc = nlp("Good morning.\n\nBIG ROUND\nVireo Systems, a Paris start-up, has raised €40m in a round led by "
              "Halcyon Ventures.\nAdvertisement\nKenya signed. Peru did too.")
    sents = [s.text.strip() for s in doc.sents]
    assert "BIG ROUND" in sents and "Advertisement" in sents
    assert any(s.startswith("Vireo Systems, a Paris start-up") for s in sents), sents
    assert "Kenya signed." in sents and "Peru did too." in sents
