"""The relation lexicon: which verbs (with particles, prepositions or light-verb nouns) express which
predicate. Loaded from ``kg/data/lexicon.toml``; users merge their own file over it with ``--lexicon``.
"""
from __future__ import annotations

import hashlib
import re
import tomllib
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from pathlib import Path

from .errors import DataFileError
from .gazetteer import TYPE_GROUPS

# Organisation: an Actor that is neither a person nor a country; Person: a person only
_GROUPS = set(TYPE_GROUPS.values()) | {"Any", "Organisation", "Person"}
_TRIGGER = re.compile(r"^(?P<lemma>[a-z][a-z-]*)(?:\s+\[(?P<noun>[a-z-]+)\])?(?P<rest>(?:\s+[a-z-]+)*)"
                      r"(?:\s+\{(?P<place>[a-z-]+)\})?$")


@dataclass(frozen=True)
class Trigger:
    """One way of saying a predicate: "warn about" = lemma ``warn`` + word ``about``.

    ``noun`` is the object of a light verb ("hold [talk] with"); ``words`` are the particles and
    prepositions that must follow, in order; the last preposition introduces the theme. ``place`` is
    a noun the last preposition must govern, and then the direct object is the theme: "add to {list}"
    ("added three firms to its Entity List" restricts the firms).
    """

    predicate: str
    lemma: str
    noun: str | None = None
    words: tuple[str, ...] = ()
    kind: str = "verb"  # "verb" or "noun" (a nominal trigger: "talks with", "China's proposal")
    negative: bool = False  # states the predicate does NOT hold: "voted against" for endorsed
    request: bool = False  # "urged X to do Y": what is asked for is Y, not X (the lexicon's request_objects)
    inverse: bool = False  # the verb's subject is the theme, the last preposition's object the agent:
    # "raised $12m from X" → X funded the raiser (the lexicon's inverse_verbs)
    place: str | None = None

    @property
    def specificity(self) -> int:
        return len(self.words) + (1 if self.noun else 0) + (1 if self.place else 0)

    def __str__(self) -> str:
        noun = f" [{self.noun}]" if self.noun else ""
        place = f" {{{self.place}}}" if self.place else ""
        return f"{self.lemma}{noun}{''.join(' ' + w for w in self.words)}{place}"


@dataclass
class PredicateSpec:
    name: str
    description: str = ""
    triggers: list[Trigger] = field(default_factory=list)
    symmetric: bool = False
    concept_objects: bool = False
    possessor_objects: bool = False
    possessor_agents: bool = False
    implicit_objects: bool = False
    target_objects: bool = False
    pair_predicate: str = ""
    author_speaks: bool = False
    present_only: bool = False
    bare_objects: bool = False
    whole_events: bool = False
    clause_objects: bool = False
    #: phrases that make any verb's agent do this with the phrase's object: "together with" ("will run
    #: the centre together with Kenya" → cooperatesWith Kenya); the last word is the preposition
    comitatives: tuple[tuple[str, ...], ...] = ()
    subject_types: tuple[str, ...] = ("Actor",)
    object_types: tuple[str, ...] = ("Any",)


class Lexicon:
    """Predicates and an index from verb lemma to the triggers that start with it.

    >>> lex = Lexicon.load()
    >>> sorted({t.predicate for t in lex.triggers_for("warn")})
    ['warnedAbout']
    """

    def __init__(self, predicates: dict[str, PredicateSpec], version: str,
                 nominalisations: dict[str, str] | None = None):
        self.predicates = predicates
        self.version = version
        #: verb (with its particle, if any) → the noun phrase that names doing it, up to the word before
        #: its object: "ratify" → "ratification of", "invest" → "investment in", "ban" → "ban on"
        self.nominalisations = dict(nominalisations or {})
        self._by_lemma: dict[tuple[str, str], list[Trigger]] = {}
        for spec in predicates.values():
            for trig in spec.triggers:
                self._by_lemma.setdefault((trig.kind, trig.lemma), []).append(trig)
        for triggers in self._by_lemma.values():
            triggers.sort(key=lambda t: -t.specificity)

    def triggers_for(self, lemma: str, kind: str = "verb") -> list[Trigger]:
        """Triggers whose verb (or noun, ``kind="noun"``) is ``lemma``, most specific first."""
        return self._by_lemma.get((kind, lemma), [])

    @property
    def lemmas(self) -> set[str]:
        """Every trigger lemma, verbal and nominal."""
        return {lemma for _, lemma in self._by_lemma}

    def is_symmetric(self, predicate: str) -> bool:
        spec = self.predicates.get(predicate)
        return bool(spec and spec.symmetric)

    @classmethod
    def load(cls, extra_files: tuple[str | Path, ...] = ()) -> "Lexicon":
        return _load(tuple(str(p) for p in extra_files))


#: The lexicon's one table that is not a predicate: how to name an action asked for or warned about
NOMINALISATIONS = "nominalisations"
_VERB_KEY = re.compile(r"^[a-z][a-z-]*( [a-z]+)?$")
_NOMINAL = re.compile(r"^[a-z][a-z-]*( [a-z-]+)*$")


def _parse_nominalisations(table: object, source: str, into: dict[str, str]) -> None:
    if not isinstance(table, dict):
        raise DataFileError(f"{source}: [{NOMINALISATIONS}] must be a table of verb = \"noun phrase\" lines, "
                            f"like ratify = \"ratification of\"")
    for verb, nominal in table.items():
        if not _VERB_KEY.match(verb) or not isinstance(nominal, str) or not _NOMINAL.match(nominal):
            raise DataFileError(f"{source}: [{NOMINALISATIONS}] {verb} = {nominal!r} is not verb = \"noun phrase\" "
                                f"in lower case, like ratify = \"ratification of\" or \"set up\" = \"creation of\"")
        into[verb] = nominal


def _parse(data: dict, source: str, into: dict[str, dict]) -> None:
    for name, table in data.items():
        if name == NOMINALISATIONS:
            continue
        if not isinstance(table, dict):
            raise DataFileError(f"{source}: {name!r} must be a table [{name}] of predicate settings")
        if not re.fullmatch(r"[a-z][A-Za-z0-9]*", name):
            raise DataFileError(f"{source}: predicate name {name!r} must be lowerCamelCase, like 'warnedAbout'")
        merged = into.setdefault(name, {})
        for key, value in table.items():
            if key not in {"description", "verbs", "nouns", "negative_verbs", "inverse_verbs", "symmetric", "concept_objects",
                           "possessor_objects", "possessor_agents", "implicit_objects", "target_objects", "pair_predicate",
                           "author_speaks", "present_only", "request_objects", "bare_objects", "whole_events", "clause_objects",
                           "comitatives", "subject_types",
                           "object_types"}:
                raise DataFileError(f"{source}: [{name}] has unknown setting {key!r}")
            if isinstance(value, list) and key in {"verbs", "nouns", "negative_verbs", "inverse_verbs", "comitatives"}:
                merged[key] = merged.get(key, []) + [v for v in value if v not in merged.get(key, [])]
            else:
                merged[key] = value


def _spec(name: str, table: dict, source: str) -> PredicateSpec:
    triggers = []
    for kind, key in (("verb", "verbs"), ("noun", "nouns"), ("verb", "negative_verbs"), ("verb", "inverse_verbs")):
        for text in table.get(key, []):
            m = _TRIGGER.match(text.strip().lower())
            if not m or (kind == "noun" and (m["noun"] or m["place"])) or (m["place"] and not m["rest"].split()):
                form = "'lemma', 'lemma word', 'lemma [noun] word' or 'lemma word {noun}'" if kind == "verb" \
                    else "'noun' or 'noun word'"
                raise DataFileError(f"{source}: [{name}] {kind} trigger {text!r} is not {form}")
            if key == "inverse_verbs" and not m["rest"].split():
                raise DataFileError(f"{source}: [{name}] inverse trigger {text!r} needs the preposition of its "
                                    f"agent, like 'raise [money] from'")
            triggers.append(Trigger(name, m["lemma"], m["noun"], tuple(m["rest"].split()), kind,
                                    negative=key == "negative_verbs",
                                    request=bool(table.get("request_objects", False)), place=m["place"],
                                    inverse=key == "inverse_verbs"))
    comitatives = []
    for text in table.get("comitatives", []):
        words = tuple(text.strip().lower().split())
        if len(words) < 2 or not all(re.fullmatch(r"[a-z-]+", w) for w in words):
            raise DataFileError(f"{source}: [{name}] comitative {text!r} is not words ending in a preposition, "
                                f"like 'together with'")
        comitatives.append(words)
    for key in ("subject_types", "object_types"):
        for group in table.get(key, []):
            if group not in _GROUPS:
                raise DataFileError(f"{source}: [{name}] {key} has {group!r}; use {sorted(_GROUPS)}")
    return PredicateSpec(
        name=name, description=table.get("description", ""), triggers=triggers,
        symmetric=bool(table.get("symmetric", False)), concept_objects=bool(table.get("concept_objects", False)),
        possessor_objects=bool(table.get("possessor_objects", False)),
        possessor_agents=bool(table.get("possessor_agents", False)),
        implicit_objects=bool(table.get("implicit_objects", False)),
        target_objects=bool(table.get("target_objects", False)),
        pair_predicate=str(table.get("pair_predicate", "")),
        author_speaks=bool(table.get("author_speaks", False)),
        present_only=bool(table.get("present_only", False)),
        bare_objects=bool(table.get("bare_objects", False)),
        whole_events=bool(table.get("whole_events", False)),
        clause_objects=bool(table.get("clause_objects", False)),
        comitatives=tuple(comitatives),
        subject_types=tuple(table.get("subject_types", ["Actor"])),
        object_types=tuple(table.get("object_types", ["Any"])),
    )


@lru_cache(maxsize=8)
def _load(extra_files: tuple[str, ...]) -> Lexicon:
    builtin = resources.files("kg.data").joinpath("lexicon.toml").read_text(encoding="utf-8")
    texts = [("kg/data/lexicon.toml", builtin)]
    for path in extra_files:
        try:
            texts.append((path, Path(path).read_text(encoding="utf-8")))
        except OSError as exc:
            raise DataFileError(f"{path}: cannot read the lexicon ({exc.strerror}); check the path") from None
    merged: dict[str, dict] = {}
    nominalisations: dict[str, str] = {}
    digest = hashlib.sha256()
    for source, text in texts:
        try:
            data = tomllib.loads(text)
        except tomllib.TOMLDecodeError as exc:
            raise DataFileError(f"{source}: not valid TOML ({exc}); fix the file") from None
        _parse(data, source, merged)
        if NOMINALISATIONS in data:
            _parse_nominalisations(data[NOMINALISATIONS], source, nominalisations)
        digest.update(text.encode("utf-8"))
    predicates = {name: _spec(name, table, "lexicon") for name, table in merged.items()}
    for spec in predicates.values():
        if spec.pair_predicate and spec.pair_predicate not in predicates:
            raise DataFileError(f"lexicon: [{spec.name}] pair_predicate {spec.pair_predicate!r} is not a predicate; "
                                f"use one of {', '.join(sorted(predicates))}")
    return Lexicon(predicates, version=digest.hexdigest()[:12], nominalisations=nominalisations)
