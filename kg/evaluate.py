"""Score extracted relations against a gold standard: precision, recall and F1 per predicate.

Gold is JSONL, one fact per line::

    {"doc": "001_x.txt", "subject": "UK", "predicate": "signed", "object": "Bletchley Declaration",
     "negated": false}

``doc`` may be omitted (the fact then matches in any document), and may name the file with or
without its extension ("001_x" = "001_x.txt"). Facts are compared per document as
sets (a fact stated three times counts once). Names are compared after alias normalisation: the
gazetteer's aliases ("Britain" = "United Kingdom"), the aliases the build recorded in
``entities.csv``, and "AI" for "artificial intelligence" inside longer names; free-text objects
(concepts such as "a global approach") match when their content words mostly agree. Symmetric
predicates match either way round.
"""
from __future__ import annotations

import csv
import json
import re
import unicodedata
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path

from .errors import GoldError
from .gazetteer import Gazetteer, normalise_name
from .lexicon import Lexicon

#: Predicates scored as roles, apart from the event predicates ("core").
ROLE_PREDICATES = {"officialOf", "affiliatedWith", "memberOf"}

_STOP = {"the", "a", "an", "of", "on", "for", "to", "in", "and", "with", "about", "its", "their", "by", "at",
         "from", "that", "this", "these", "those", "s"}


@dataclass(frozen=True)
class Fact:
    doc: str
    subject: str
    predicate: str
    object: str
    negated: bool = False


@dataclass
class Score:
    tp: int = 0
    fp: int = 0
    fn: int = 0

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


@dataclass
class Report:
    per_predicate: dict[str, Score]
    overall: Score
    misses: list[Fact] = field(default_factory=list)
    false_positives: list[Fact] = field(default_factory=list)
    negated_asserted: list[Fact] = field(default_factory=list)

    def _group(self, roles: bool) -> Score:
        group = [s for p, s in self.per_predicate.items() if (p in ROLE_PREDICATES) == roles]
        return Score(sum(s.tp for s in group), sum(s.fp for s in group), sum(s.fn for s in group))

    @property
    def core(self) -> Score:
        """The event predicates together (everything but the roles)."""
        return self._group(roles=False)

    @property
    def roles(self) -> Score:
        """officialOf, affiliatedWith, memberOf together."""
        return self._group(roles=True)


def load_gold(path: str | Path) -> list[Fact]:
    facts = []
    try:
        lines = Path(path).read_text(encoding="utf-8").splitlines()
    except OSError as exc:
        raise GoldError(f"{path}: cannot read the gold file ({exc.strerror})") from None
    for n, line in enumerate(lines, start=1):
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        try:
            item = json.loads(line)
            facts.append(Fact(item.get("doc", ""), item["subject"], item["predicate"], item["object"],
                              bool(item.get("negated", False))))
        except (json.JSONDecodeError, KeyError, TypeError, AttributeError) as exc:
            raise GoldError(f"{path}:{n}: not a gold fact ({exc}); each line needs subject, predicate, object") from None
    return facts


#: Modalities scored by default. A fact the text calls merely possible ("India may join") is kept in
#: the graph with its modality, but a gold standard of stated facts does not contain it.
SCORED_MODALITIES = ("asserted", "reported", "planned", "intended")


def load_predicted(path: str | Path, min_confidence: float = 0.0,
                   modalities: tuple[str, ...] = SCORED_MODALITIES) -> tuple[list[Fact], dict[str, str]]:
    """Facts from a build's ``relations.csv`` (those with one of ``modalities``) and the alias → label
    map of its ``entities.csv``."""
    path = Path(path)
    folder = path if path.is_dir() else path.parent
    rel_path = path / "relations.csv" if path.is_dir() else path
    if not rel_path.exists():
        raise GoldError(f"{rel_path}: no relations.csv; run `kg build` first")
    facts = []
    with open(rel_path, encoding="utf-8", newline="") as fh:
        for row in csv.DictReader(fh):
            if float(row.get("confidence") or 0) < min_confidence:
                continue
            if row.get("modality", "asserted") not in modalities:
                continue
            facts.append(Fact(row["doc"], row["subject"], row["predicate"], row["object"],
                              row.get("negated", "false").lower() == "true"))
    aliases: dict[str, str] = {}
    ent_path = folder / "entities.csv"
    if ent_path.exists():
        with open(ent_path, encoding="utf-8", newline="") as fh:
            for row in csv.DictReader(fh):
                for alias in filter(None, row.get("aliases", "").split("|")):
                    aliases.setdefault(_fold(alias), row["label"])
    return facts, aliases


_TEXT_SUFFIX = re.compile(r"\.(txt|text|md|markdown|html?)$", re.IGNORECASE)


def _doc_id(doc: str) -> str:
    """A document's name without its text file extension: gold files write either."""
    return _TEXT_SUFFIX.sub("", doc)


def _fold(name: str) -> str:
    # accents off, letters of any script kept: "Şahan-X" is "sahan x", not "ahan x"
    plain = "".join(c for c in unicodedata.normalize("NFKD", normalise_name(name).casefold())
                    if not unicodedata.combining(c))
    folded = re.sub(r"[\W_]+", " ", plain).strip()
    # one spelling of the field's own abbreviation inside longer names ("memorandum of understanding on
    # artificial intelligence" = "… on AI"); the concept alone is matched through the gazetteer
    return re.sub(r"\bartificial intelligence\b", "ai", folded) if folded != "artificial intelligence" else folded


class _Normaliser:
    def __init__(self, aliases: dict[str, str]):
        self.gazetteer = Gazetteer.load()
        self.aliases = aliases

    def __call__(self, name: str) -> str:
        entry = self.gazetteer.lookup(name)
        if entry is not None:
            return _fold(entry.label)
        folded = _fold(name)
        if folded in self.aliases:
            entry = self.gazetteer.lookup(self.aliases[folded])
            return _fold(entry.label if entry else self.aliases[folded])
        for honorific in ("mr ", "mrs ", "ms ", "dr ", "sir ", "dame ", "professor "):
            if folded.startswith(honorific):
                return folded[len(honorific):]
        return folded


def _same(a: str, b: str) -> bool:
    if a == b:
        return True
    wa, wb = set(a.split()) - _STOP, set(b.split()) - _STOP
    if not wa or not wb:
        return False
    if wa <= wb or wb <= wa:  # "cleverly" ⊂ "james cleverly", "global approach" ⊂ "global approach to risks"
        if min(len(wa), len(wb)) >= 2 or len(wa | wb) <= 3:
            return True
        # one phrase is the head of the other: "postponement" ~ "postponement of AI Act obligations"
        heads = [w for w in a.split() if w not in _STOP][:1], [w for w in b.split() if w not in _STOP][:1]
        return heads[0] == heads[1]
    return len(wa & wb) / len(wa | wb) >= 0.5


def evaluate(gold: list[Fact], predicted: tuple[list[Fact], dict[str, str]] | list[Fact],
             predicates: set[str] | None = None) -> Report:
    """Compare predicted facts with gold facts; see the module docstring for the matching rules."""
    if isinstance(predicted, tuple):
        pred_facts, aliases = predicted
    else:
        pred_facts, aliases = predicted, {}
    norm = _Normaliser(aliases)
    lexicon = Lexicon.load()
    scope = predicates or {f.predicate for f in gold}
    gold_docs = {_doc_id(f.doc) for f in gold if f.doc}

    def key(f: Fact) -> Fact:
        s, o = norm(f.subject), norm(f.object)
        if lexicon.is_symmetric(f.predicate) and o < s:
            s, o = o, s
        return Fact(_doc_id(f.doc), s, f.predicate, o, f.negated)

    original: dict[Fact, Fact] = {}  # normalised → as written, for the report
    for f in [*gold, *pred_facts]:
        original.setdefault(key(f), f)
    gold_set = {key(f) for f in gold if f.predicate in scope}
    pred_set = {key(f) for f in pred_facts if f.predicate in scope and (not gold_docs or _doc_id(f.doc) in gold_docs)}

    def matches(g: Fact, p: Fact) -> bool:
        if g.predicate != p.predicate or (g.doc and g.doc != p.doc) or g.negated != p.negated:
            return False
        if _same(g.subject, p.subject) and _same(g.object, p.object):
            return True
        return lexicon.is_symmetric(g.predicate) and _same(g.subject, p.object) and _same(g.object, p.subject)

    per: dict[str, Score] = defaultdict(Score)
    unmatched_pred = set(pred_set)
    misses = []
    for g in sorted(gold_set, key=lambda f: (f.doc, f.predicate, f.subject, f.object)):
        hit = next((p for p in sorted(unmatched_pred, key=lambda f: (f.doc, f.subject, f.object)) if matches(g, p)), None)
        if hit is not None:
            unmatched_pred.discard(hit)
            per[g.predicate].tp += 1
        else:
            per[g.predicate].fn += 1
            misses.append(g)
    for p in unmatched_pred:
        per[p.predicate].fp += 1
    negated_asserted = [p for p in unmatched_pred if not p.negated and any(
        matches(g, Fact(p.doc, p.subject, p.predicate, p.object, True)) for g in gold_set if g.negated)]
    overall = Score(sum(s.tp for s in per.values()), sum(s.fp for s in per.values()), sum(s.fn for s in per.values()))

    def shown(facts):
        return [original.get(f, f) for f in sorted(facts, key=lambda f: (f.doc, f.predicate, f.subject, f.object))]

    return Report(dict(sorted(per.items())), overall, shown(misses), shown(unmatched_pred), shown(negated_asserted))


def format_report(report: Report, show_errors: bool = True) -> str:
    lines = [f"{'predicate':<16} {'gold':>5} {'pred':>5} {'tp':>4} {'P':>6} {'R':>6} {'F1':>6}"]
    for name, s in report.per_predicate.items():
        lines.append(f"{name:<16} {s.tp + s.fn:>5} {s.tp + s.fp:>5} {s.tp:>4} {s.precision:>6.2f} {s.recall:>6.2f} {s.f1:>6.2f}")
    for name, g in (("core (events)", report.core), ("roles", report.roles)):
        if g.tp + g.fp + g.fn:
            lines.append(f"{name:<16} {g.tp + g.fn:>5} {g.tp + g.fp:>5} {g.tp:>4} {g.precision:>6.2f} {g.recall:>6.2f} {g.f1:>6.2f}")
    o = report.overall
    lines.append(f"{'OVERALL':<16} {o.tp + o.fn:>5} {o.tp + o.fp:>5} {o.tp:>4} {o.precision:>6.2f} {o.recall:>6.2f} {o.f1:>6.2f}")
    lines.append(f"negated facts asserted as positive: {len(report.negated_asserted)}")
    if show_errors:
        lines.append("")
        lines.append(f"misses ({len(report.misses)}):")
        lines += [f"  - {f.doc}: {f.subject} {'NOT ' if f.negated else ''}{f.predicate} {f.object}" for f in report.misses]
        lines.append(f"false positives ({len(report.false_positives)}):")
        lines += [f"  + {f.doc}: {f.subject} {'NOT ' if f.negated else ''}{f.predicate} {f.object}"
                  for f in report.false_positives]
    return "\n".join(lines) + "\n"
