"""`kg build seeds/` end to end, checked against facts the sample articles state."""
import csv
import json
import re

import pytest
from rdflib import Graph

from kg.sparql import run_query

from conftest import ROOT

pytestmark = pytest.mark.slow


def _facts(out):
    with open(out / "relations.csv", encoding="utf-8") as fh:
        return {(r["subject"], r["predicate"], r["object"], r["negated"]) for r in csv.DictReader(fh)}


@pytest.mark.parametrize("fact", [
    ("United Kingdom", "signed", "Bletchley Declaration"),
    ("China", "signed", "Bletchley Declaration"),
    ("United States", "signed", "Bletchley Declaration"),
    ("China", "endorsed", "Bletchley Declaration"),
    ("United Kingdom", "established", "UK AI Security Institute"),
    ("United Kingdom", "invited", "China"),
    ("United Kingdom", "cooperatesWith", "China"),
    ("Kosovo", "agreementWith", "United States"),
])
def test_seed_facts(seeds_build, fact):
    _, out = seeds_build
    assert fact + ("false",) in _facts(out)


def test_resolution_adopted_by_assembly_was_proposed_by_china(seeds_build):
    _, out = seeds_build
    g = Graph().parse(out / "graph.ttl")
    rows = run_query(g, """
        SELECT ?res WHERE {
          ?assembly kg:adopted ?res . ?assembly rdfs:label "UN General Assembly" .
          ?china kg:proposed ?res . ?china rdfs:label "China" .
          ?res a kg:Resolution }""").rows
    assert len(rows) == 1


def test_outputs_are_consistent(seeds_build):
    result, out = seeds_build
    g = Graph().parse(out / "graph.ttl")
    signed = run_query(g, "SELECT ?x ?y WHERE { ?x kg:signed ?y }").rows
    assert len(signed) >= 4
    analysis = json.loads((out / "analysis.json").read_text(encoding="utf-8"))
    assert analysis["documents"] == 4 and analysis["relation_mentions"] == len(result.relations)
    assert analysis["top_actors_by_pagerank"][0]["label"] in {"United Kingdom", "China", "United States"}
    html = (out / "graph.html").read_text(encoding="utf-8")
    assert not re.search(r"<(script|link)[^>]+(src|href)\s*=\s*[\"']?(https?:)?//", html, re.I)
    # one node per real entity: the UK's aliases all landed on one entity
    labels = [str(o) for o in g.objects(None, __import__("rdflib").RDFS.label)]
    assert labels.count("United Kingdom") == 1 and "UK" not in labels and "Britain" not in labels


def test_seed_gold_scores_do_not_regress(seeds_build):
    """A floor under the measured scores on the hand-annotated gold (tests/gold/seeds.jsonl), so a rule
    change that breaks extraction fails here. The figures themselves are in the README."""
    from kg.evaluate import evaluate, load_gold, load_predicted

    _, out = seeds_build
    report = evaluate(load_gold(ROOT / "tests" / "gold" / "seeds.jsonl"), load_predicted(out))
    assert report.overall.precision >= 0.80
    assert report.overall.f1 >= 0.55
    assert not report.negated_asserted


# Floors a little under the scores measured when each set was last scored (README, "How good it is").
# heldout/ was read while the rules were written; heldout2-77 were written by helpers who never saw the
# code, and each was scored once before its errors were read (first scores in the README).
HELDOUT_FLOORS = {  # set: (core precision, core F1, roles F1); measured minus a small margin
    "heldout": (0.86, 0.76, 0.81),
    "heldout2": (0.87, 0.83, 0.93),
    "heldout3": (0.78, 0.75, 0.82),
    "heldout4": (0.76, 0.66, 0.81),
    "heldout5": (0.85, 0.80, 0.88),
    "heldout6": (0.91, 0.82, 0.89),
    "heldout7": (0.88, 0.80, 0.79),
    "heldout8": (0.83, 0.78, 0.84),
    "heldout9": (0.81, 0.72, 0.71),
    "heldout10": (0.77, 0.70, 0.67),
    "heldout11": (0.81, 0.66, 0.86),
    "heldout12": (0.78, 0.69, 0.79),
    "heldout13": (0.85, 0.75, 0.83),
    "heldout14": (0.81, 0.72, 0.76),
    "heldout15": (0.81, 0.69, 0.75),
    "heldout16": (0.73, 0.66, 0.65),
    "heldout17": (0.72, 0.64, 0.67),
    "heldout18": (0.77, 0.67, 0.72),
    "heldout19": (0.72, 0.63, 0.74),
    "heldout20": (0.75, 0.67, 0.70),
    "heldout21": (0.71, 0.60, 0.62),
    "heldout22": (0.72, 0.63, 0.78),
    "heldout23": (0.73, 0.63, 0.66),
    "heldout24": (0.74, 0.62, 0.65),
    "heldout25": (0.66, 0.52, 0.72),
    "heldout26": (0.72, 0.55, 0.63),
    "heldout27": (0.74, 0.65, 0.67),
    "heldout28": (0.77, 0.67, 0.70),
    "heldout29": (0.77, 0.67, 0.82),
    "heldout30": (0.78, 0.67, 0.67),
    "heldout31": (0.84, 0.68, 0.67),
    "heldout32": (0.71, 0.55, 0.41),
    "heldout33": (0.72, 0.58, 0.64),
    "heldout34": (0.79, 0.62, 0.75),
    "heldout35": (0.80, 0.69, 0.71),
    "heldout36": (0.68, 0.58, 0.66),
    # (re-based: "called for X to do Y" now adds calls that this set's gold gives to the G7, not its members)
    "heldout37": (0.71, 0.62, 0.55),
    "heldout38": (0.74, 0.60, 0.68),
    "heldout39": (0.77, 0.66, 0.62),
    "heldout40": (0.77, 0.69, 0.61),
    "heldout41": (0.76, 0.65, 0.70),
    "heldout42": (0.78, 0.67, 0.72),
    "heldout43": (0.82, 0.72, 0.72),
    "heldout44": (0.77, 0.68, 0.73),
    "heldout45": (0.72, 0.58, 0.83),
    "heldout46": (0.81, 0.69, 0.74),
    "heldout47": (0.78, 0.65, 0.65),
    "heldout48": (0.76, 0.67, 0.77),
    "heldout49": (0.64, 0.57, 0.67),
    "heldout50": (0.69, 0.55, 0.76),
    "heldout51": (0.70, 0.54, 0.60),
    "heldout52": (0.80, 0.70, 0.65),
    "heldout53": (0.73, 0.61, 0.63),
    "heldout54": (0.69, 0.54, 0.69),
    "heldout55": (0.85, 0.68, 0.53),  # (0.01 lower: four true co-fundings whose objects the text leaves unnamed)
    "heldout56": (0.72, 0.60, 0.73),
    "heldout57": (0.78, 0.62, 0.67),
    "heldout58": (0.73, 0.60, 0.69),
    "heldout59": (0.77, 0.71, 0.67),
    "heldout60": (0.78, 0.67, 0.69),
    "heldout61": (0.78, 0.73, 0.67),
    "heldout62": (0.80, 0.67, 0.65),
    "heldout63": (0.80, 0.67, 0.63),
    "heldout64": (0.71, 0.61, 0.60),
    "heldout65": (0.72, 0.60, 0.69),
    "heldout66": (0.85, 0.80, 0.77),
    "heldout67": (0.81, 0.66, 0.70),
    "heldout68": (0.79, 0.71, 0.77),
    "heldout69": (0.78, 0.65, 0.62),
    "heldout70": (0.78, 0.69, 0.68),
    "heldout71": (0.72, 0.64, 0.56),
    "heldout72": (0.83, 0.69, 0.69),
    "heldout73": (0.79, 0.68, 0.69),
    "heldout74": (0.82, 0.72, 0.74),
    "heldout75": (0.74, 0.66, 0.80),
    "heldout76": (0.70, 0.61, 0.69),
    "heldout77": (0.80, 0.72, 0.73),
    "heldout78": (0.78, 0.63, 0.82),
    "heldout79": (0.82, 0.69, 0.78),
    "heldout80": (0.80, 0.74, 0.73),
    "heldout81": (0.77, 0.68, 0.76),
    "heldout82": (0.74, 0.60, 0.59),
    "heldout83": (0.76, 0.70, 0.75),
    "heldout84": (0.69, 0.60, 0.65),
    "heldout85": (0.81, 0.68, 0.69),
    "heldout86": (0.77, 0.60, 0.79),
    "heldout87": (0.74, 0.57, 0.67),
    "heldout88": (0.66, 0.55, 0.77),
    "heldout89": (0.68, 0.62, 0.77),
    "heldout90": (0.76, 0.61, 0.55),
    "heldout91": (0.82, 0.62, 0.55),
    "heldout92": (0.71, 0.59, 0.78),
    "heldout93": (0.81, 0.71, 0.62),
    "heldout94": (0.79, 0.70, 0.76),
    "heldout95": (0.84, 0.73, 0.69),
    "heldout96": (0.75, 0.64, 0.58),
    "heldout97": (0.72, 0.63, 0.72),
    "heldout98": (0.70, 0.51, 0.64),
    "heldout99": (0.65, 0.52, 0.64),
    "heldout100": (0.74, 0.58, 0.76),
    "heldout101": (0.70, 0.59, 0.65),
    "heldout102": (0.67, 0.51, 0.64),
    "heldout103": (0.76, 0.66, 0.78),
    "heldout104": (0.71, 0.54, 0.64),
    "heldout105": (0.68, 0.47, 0.46),
    "heldout106": (0.82, 0.71, 0.61),
    "heldout107": (0.74, 0.64, 0.81),
    "heldout108": (0.74, 0.66, 0.73),
    "heldout109": (0.83, 0.69, 0.79),
    "heldout110": (0.68, 0.54, 0.58),
    "heldout111": (0.62, 0.47, 0.62),
    "heldout112": (0.76, 0.62, 0.65),
    "heldout113": (0.71, 0.54, 0.60),
    "heldout114": (0.71, 0.55, 0.59),
    "heldout115": (0.77, 0.63, 0.64),
    "heldout116": (0.72, 0.59, 0.69),
}
#: Negated gold facts the evaluator matches to an asserted one, known and explained in the README: its loose
#: match of free-text objects takes "Toros released Şahan-X" (the drone it unveiled) for the denied "released
#: technical documentation on the Şahan-X's targeting software". In `heldout106` the gold's "did not sign it"
#: meets the next sentence's "the university hoped to sign before the end of the year", which kg keeps as an
#: intention, and the evaluator, which scores intentions, counts as stated. No set may gain one.
NEGATED_MATCHED = {"heldout68": 1, "heldout106": 1}


@pytest.mark.slow
@pytest.mark.parametrize("name", sorted(HELDOUT_FLOORS))
def test_heldout_gold_scores_do_not_regress(tmp_path, name):
    """The same on the held-out articles (tests/gold/heldout*/), which the rules were not written from."""
    from kg.evaluate import evaluate, load_gold, load_predicted
    from kg.pipeline import build

    gold = ROOT / "tests" / "gold" / name
    build(gold / "articles", tmp_path)
    report = evaluate(load_gold(gold / "gold.jsonl"), load_predicted(tmp_path))
    precision, f1, roles_f1 = HELDOUT_FLOORS[name]
    assert report.core.precision >= precision and report.core.f1 >= f1, report.core
    assert report.roles.f1 >= roles_f1, report.roles
    assert len(report.negated_asserted) <= NEGATED_MATCHED.get(name, 0), report.negated_asserted
