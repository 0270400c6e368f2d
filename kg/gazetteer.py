"""The gazetteer: known entities, their aliases and types, loaded from data files under ``kg/data/``.

Countries come from pycountry (every ISO 3166 country) enriched by ``countries.toml`` (aliases,
demonyms, capitals, Wikidata IDs); organisations, documents and events from ``gazetteer.toml``;
titles and honorifics from ``titles.toml``. Users add their own files with ``--gazetteer``.
"""
from __future__ import annotations

import json
import re
import tomllib
import unicodedata
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from pathlib import Path

from .errors import DataFileError

#: Every entity class kg knows, mapped to its coarse group. The group decides which arguments a
#: predicate accepts and the first part of an entity's IRI.
TYPE_GROUPS: dict[str, str] = {
    "Person": "Actor",
    "Country": "Actor",
    "Organisation": "Actor",
    "GovernmentBody": "Actor",
    "InternationalOrganisation": "Actor",
    "Company": "Actor",
    "ResearchInstitute": "Actor",
    "Legislature": "Actor",
    "Media": "Actor",
    "Group": "Actor",
    "Region": "Actor",
    "Document": "Document",
    "Agreement": "Document",
    "Declaration": "Document",
    "Resolution": "Document",
    "Law": "Document",
    "Report": "Document",
    "Treaty": "Document",
    "Event": "Event",
    "Summit": "Event",
    "Meeting": "Event",
    "Place": "Place",
    "City": "Place",
    "Product": "Product",
    "AIModel": "Product",
    "Concept": "Concept",
}

#: The folder part of an entity's IRI for each type ("person/james-cleverly").
IRI_FOLDER = {
    "Person": "person",
    "Country": "country",
    "Group": "group",
    "Document": "document",
    "Event": "event",
    "Place": "place",
    "Region": "place",
    "Product": "product",
    "Concept": "concept",
}


def type_group(entity_type: str) -> str:
    """The coarse group ("Actor", "Document", …) of an entity type; unknown types are Concepts."""
    return TYPE_GROUPS.get(entity_type, "Concept")


def iri_folder(entity_type: str) -> str:
    if entity_type in IRI_FOLDER:
        return IRI_FOLDER[entity_type]
    group = type_group(entity_type)
    return "org" if group == "Actor" else IRI_FOLDER.get(group, "concept")


def slugify(text: str) -> str:
    """A lower-case ASCII slug, stable across runs and machines.

    >>> slugify("António Guterres")
    'antonio-guterres'
    """
    text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")
    text = re.sub(r"[^A-Za-z0-9]+", "-", text).strip("-").lower()
    return text[:80] or "x"


def entity_key(entity_type: str, label: str) -> str:
    """The deterministic key (and IRI path) of an entity: ``folder/slug``."""
    return f"{iri_folder(entity_type)}/{slugify(label)}"


_APOSTROPHES = str.maketrans({"’": "'", "‘": "'", "`": "'"})


def normalise_name(text: str) -> str:
    """The form names are compared in: no leading article, no possessive, plain quotes, one space.

    >>> normalise_name("the UK’s")
    'UK'
    """
    text = text.translate(_APOSTROPHES).strip()
    text = re.sub(r"^(?:the|The|THE)\s+", "", text)
    text = re.sub(r"\s*'s?$", "", text)
    text = re.sub(r"\s+", " ", text)
    return text.strip(" \"'.,;:()[]")


@dataclass
class Entry:
    """A gazetteer entity."""

    key: str
    label: str
    type: str
    aliases: list[str] = field(default_factory=list)
    wikidata: str | None = None
    part_of: str | None = None  # key of the parent organisation or country
    demonyms: list[str] = field(default_factory=list)
    capitals: list[str] = field(default_factory=list)  # one city: canonical name first
    seats: list[str] = field(default_factory=list)  # places that stand for the government
    members: list[str] = field(default_factory=list)  # keys of the countries a named group of states is
    regions: list[str] = field(default_factory=list)  # English names of a country's self-governing regions


@dataclass
class Titles:
    honorifics: set[str]
    government: set[str]
    organisation: set[str]
    abbreviations: dict[str, str]
    membership: set[str] = field(default_factory=set)

    def kind(self, word: str) -> set[str]:
        """Which title lists a word (or any part of a hyphenated word: "Vice-Premier"), singular or plural
        ("foreign ministers"), is in."""
        parts = {word.lower(), *word.lower().split("-")}
        parts |= {p[:-1] for p in parts if p.endswith("s") and len(p) > 3}
        kinds = set()
        if parts & self.government:
            kinds.add("government")
        if parts & self.organisation:
            kinds.add("organisation")
        if parts & self.membership:
            kinds.add("membership")
        return kinds


class Gazetteer:
    """Known entities and the indexes kg resolves names with.

    >>> gaz = Gazetteer.load()
    >>> gaz.lookup("Britain").label, gaz.lookup("the United States").label
    ('United Kingdom', 'United States')
    """

    def __init__(self, entries: list[Entry], titles: Titles, version: str = ""):
        self.version = version  # digest of the data files, for build caches
        self.entries: dict[str, Entry] = {}
        self.titles = titles
        self._alias: dict[str, str] = {}  # exact alias → key
        self._alias_folded: dict[str, str] = {}  # case-folded alias → key (for names ≥ 4 chars)
        self.demonyms: dict[str, str] = {}  # demonym → country key
        self.capitals: dict[str, str] = {}  # capital/seat of government → country key
        self._regions: set[str] = set(_region_names())  # folded names of self-governing regions
        for entry in entries:
            self.add(entry)

    def add(self, entry: Entry) -> None:
        old = self.entries.get(entry.key)
        if old is not None:  # a user file extends a built-in entry
            old.aliases += [a for a in entry.aliases if a not in old.aliases]
            old.demonyms += entry.demonyms
            old.capitals += entry.capitals
            old.seats += entry.seats
            old.regions += entry.regions
            old.wikidata = entry.wikidata or old.wikidata
            old.part_of = entry.part_of or old.part_of
            entry = old
        else:
            self.entries[entry.key] = entry
        for name in [entry.label, *entry.aliases]:
            norm = normalise_name(name)
            self._alias.setdefault(norm, entry.key)
            if len(norm) >= 4:
                self._alias_folded.setdefault(norm.casefold(), entry.key)
        for demonym in entry.demonyms:
            self.demonyms.setdefault(demonym, entry.key)
        self._folded_capitals = None
        for capital in entry.capitals:
            self.capitals.setdefault(capital, entry.key)
        for seat in entry.seats:  # a seat names its government even where it is another's capital
            self.capitals[seat] = entry.key  # ("Brussels said": the EU, not Belgium)
        self._regions |= {_fold_ascii(normalise_name(r)) for r in entry.regions}

    def lookup(self, name: str) -> Entry | None:
        """The entry a name refers to, or None. Short names must match case ("US" is not "us")."""
        norm = normalise_name(name)
        key = self._alias.get(norm) or self._alias_folded.get(norm.casefold())
        return self.entries.get(key) if key else None

    def country_of_demonym(self, word: str) -> Entry | None:
        key = self.demonyms.get(word.translate(_APOSTROPHES))
        return self.entries.get(key) if key else None

    def is_region(self, name: str) -> bool:
        """Whether a name is a state, province or like region with a government of its own (from
        pycountry's ISO 3166-2 subdivisions): "New Jersey", "Ontario", "Kerala".

        >>> Gazetteer.load().is_region("British Columbia")
        True
        """
        return _fold_ascii(normalise_name(name)) in self._regions

    def country_of_capital(self, name: str) -> Entry | None:
        """The country whose capital (or the body whose seat) a city is; accents optional.

        >>> Gazetteer.load().country_of_capital("Reykjavík").label
        'Iceland'
        """
        norm = normalise_name(name)
        key = self.capitals.get(norm)
        if key is None and not norm.isascii():  # "Reykjavík", "Chișinău" as well as "Reykjavik"
            key = self._capitals_folded().get(_fold_ascii(norm))
        return self.entries.get(key) if key else None

    def _capitals_folded(self) -> dict[str, str]:
        if getattr(self, "_folded_capitals", None) is None:
            self._folded_capitals = {_fold_ascii(name): key for name, key in self.capitals.items()}
        return self._folded_capitals

    def ruler_patterns(self, multi_word: bool = True) -> list[dict]:
        """EntityRuler patterns: exact-case phrases for the gazetteer's names and aliases.

        ``multi_word=True`` gives the names of two or more words ("Bletchley Declaration", "UN General
        Assembly") and honorific + name ("Mr Cleverly"): kg runs these *before* the NER so domain terms
        get the right span and type. ``multi_word=False`` gives one-word names ("UK", "AI", "PRC"): kg
        runs these *after* the NER, filling only gaps, because a one-word alias inside a longer name
        ("UK AI Security Institute", "African AI Compute Facility") must not break that name up; the
        linker re-types what NER found ("AI" is a concept, not a place).
        Demonyms and capitals are never patterns, for the same reason ("Paris Agreement").
        """
        labels = {"Country": "GPE", "Person": "PERSON", "Summit": "EVENT", "Event": "EVENT",
                  "Meeting": "EVENT", "Place": "LOC", "City": "GPE", "AIModel": "PRODUCT",
                  "Product": "PRODUCT", "Concept": "CONCEPT"}
        patterns = []
        for entry in self.entries.values():
            group = type_group(entry.type)
            label = labels.get(entry.type) or ("LAW" if group == "Document" else "ORG")
            names = {entry.label, *entry.aliases}
            # one-word names of countries, places and concepts often sit inside longer names ("UK AI
            # Security Institute"); those of organisations and products rarely do, and the NER often
            # swallows them ("OpenAI's Sam Altman" as one ORG), so they are ruled before the NER
            early = entry.type not in {"Country", "Place", "City", "Concept"}
            for name in sorted(names):
                # (a hyphenated name is several tokens, ruled before the NER splits it: "Timor-Leste")
                words = re.split(r"[\s-]+", re.sub(r"^the ", "", name, flags=re.I))
                if (len(words) >= 2 or early) != multi_word:
                    continue
                variants = {name, re.sub(r"^the ", "The ", name)}
                for variant in variants:
                    patterns.append({"label": label, "pattern": variant, "id": entry.key})
        if not multi_word:
            return patterns
        honorifics = sorted(self.titles.honorifics)
        patterns.append({"label": "PERSON", "pattern": [
            {"TEXT": {"IN": honorifics}}, {"IS_TITLE": True, "POS": {"IN": ["PROPN", "NOUN", "ADJ", "X"]}},
            {"IS_TITLE": True, "POS": "PROPN", "OP": "?"}]})
        return patterns

    @classmethod
    def load(cls, extra_files: tuple[str | Path, ...] = ()) -> "Gazetteer":
        """The built-in gazetteer, extended by ``extra_files`` (TOML, same format as the built-in ones)."""
        return _load(tuple(str(p) for p in extra_files))


def _read_toml(path: str | Path, text: str | None = None) -> dict:
    try:
        if text is None:
            with open(path, "rb") as fh:
                return tomllib.load(fh)
        return tomllib.loads(text)
    except OSError as exc:
        raise DataFileError(f"{path}: cannot read ({exc.strerror}); check the path") from None
    except tomllib.TOMLDecodeError as exc:
        raise DataFileError(f"{path}: not valid TOML ({exc}); fix the file") from None


#: ISO 3166-2 subdivision types whose units govern themselves (not districts, counties or cities).
REGION_TYPES = {"State", "Province", "Territory", "Land", "Canton", "Autonomous community", "Autonomous region",
                "Union territory", "Regional state", "Autonomous province"}


def _fold_ascii(text: str) -> str:
    return unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii").casefold()


@lru_cache(maxsize=1)
def _region_names() -> frozenset[str]:
    import pycountry

    # (a province's second name is left out: Spain's provinces bear their capitals' names, "Barcelona")
    return frozenset(_fold_ascii(name) for s in pycountry.subdivisions if s.type in REGION_TYPES
                     for name in (_subdivision_names(s.name) if s.type != "Province" else [s.name]))


def _subdivision_names(iso_name: str) -> list[str]:
    """The names an ISO 3166-2 entry gives a region: "Galicia [Galicia]", "Catalunya [Cataluña]" (two
    languages), "Navarra, Comunidad Foral de" (inverted).

    >>> _subdivision_names("Navarra, Comunidad Foral de")
    ['Navarra', 'Comunidad Foral de Navarra']
    """
    names = [n.strip() for n in re.split(r"\s*[\[\]]\s*", iso_name) if n.strip()]
    out = []
    for name in names:
        head, _, tail = name.partition(", ")
        # (inverted only where the tail ends in a small word: not "Southern Nations, Nationalities, and Peoples")
        out += [head, f"{tail} {head}"] if tail and tail.split()[-1].islower() else [name]
    return out


def _data_text(name: str) -> str:
    return resources.files("kg.data").joinpath(name).read_text(encoding="utf-8")


def _country_entries(table: dict) -> list[Entry]:
    import pycountry

    entries = []
    seen = set()
    for country in pycountry.countries:
        code = country.alpha_2
        seen.add(code)
        extra = table.get(code, {})
        label = extra.get("label") or getattr(country, "common_name", None) or country.name
        aliases = {country.name, getattr(country, "official_name", country.name)}
        aliases |= set(extra.get("aliases", []))
        aliases.discard(label)
        entries.append(Entry(
            key=entity_key("Country", label), label=label, type="Country",
            aliases=sorted(aliases), wikidata=extra.get("wikidata"),
            demonyms=list(extra.get("demonyms", [])), capitals=list(extra.get("capital", [])),
            seats=list(extra.get("seats", [])), regions=list(extra.get("regions", [])),
        ))
    for code, extra in table.items():  # countries ISO does not list (e.g. Kosovo, XK)
        if code not in seen:
            if "label" not in extra:
                raise DataFileError(f"countries.{code}: not an ISO 3166 code, so it needs a label")
            entries.append(Entry(
                key=entity_key("Country", extra["label"]), label=extra["label"], type="Country",
                aliases=list(extra.get("aliases", [])), wikidata=extra.get("wikidata"),
                demonyms=list(extra.get("demonyms", [])), capitals=list(extra.get("capital", [])),
                seats=list(extra.get("seats", [])), regions=list(extra.get("regions", [])),
            ))
    return entries


def _entity_entries(items: list[dict], source: str, country_keys: dict[str, str]) -> list[Entry]:
    entries = []
    for n, item in enumerate(items):
        if "label" not in item or "type" not in item:
            raise DataFileError(f"{source}: [[entity]] number {n + 1} needs a label and a type")
        if item["type"] not in TYPE_GROUPS:
            raise DataFileError(
                f"{source}: entity {item['label']!r} has unknown type {item['type']!r}; "
                f"use one of {', '.join(TYPE_GROUPS)}")
        part_of = item.get("part_of")
        if part_of and part_of in country_keys:
            part_of = country_keys[part_of]
        elif part_of:
            part_of = f"org/{part_of}"
        key = f"{iri_folder(item['type'])}/{item.get('id') or slugify(item['label'])}"
        unknown = [code for code in item.get("members", []) if code not in country_keys]
        if unknown:
            raise DataFileError(f"{source}: entity {item['label']!r} lists members {', '.join(unknown)} that are "
                                f"not ISO 3166 alpha-2 country codes")
        entries.append(Entry(key=key, label=item["label"], type=item["type"],
                             aliases=list(item.get("aliases", [])), wikidata=item.get("wikidata"),
                             part_of=part_of, seats=list(item.get("seats", [])),
                             members=[country_keys[code] for code in item.get("members", [])]))
    # part_of ids of organisations point at org/<id>; fix those that are other groups
    by_id = {e.key.split("/", 1)[1]: e.key for e in entries}
    for e in entries:
        if e.part_of and e.part_of.startswith("org/"):
            e.part_of = by_id.get(e.part_of[4:], e.part_of)
    return entries


@lru_cache(maxsize=8)
def _load(extra_files: tuple[str, ...]) -> Gazetteer:
    import pycountry

    sources = [("kg/data/countries.toml", _read_toml("countries.toml", _data_text("countries.toml"))),
               ("kg/data/gazetteer.toml", _read_toml("gazetteer.toml", _data_text("gazetteer.toml"))),
               ("kg/data/titles.toml", _read_toml("titles.toml", _data_text("titles.toml")))]
    sources += [(path, _read_toml(path)) for path in extra_files]

    country_table: dict = {}
    items: list[tuple[str, list]] = []
    titles = {"honorifics": [], "government": [], "organisation": [], "membership": [], "abbreviations": {}}
    for source, data in sources:
        for code, extra in data.get("countries", {}).items():
            merged = country_table.setdefault(code, {})
            for k, v in extra.items():
                merged[k] = merged.get(k, []) + v if isinstance(v, list) else v
        if "entity" in data:
            items.append((source, data["entity"]))
        for k, v in data.get("titles", {}).items():
            if isinstance(v, dict):
                titles[k].update(v)
            else:
                titles.setdefault(k, []).extend(v)

    import hashlib

    digest = hashlib.sha256(json.dumps([[src, data] for src, data in sources], sort_keys=True, default=str).encode())
    countries = _country_entries(country_table)
    country_keys = {c.alpha_2: entity_key("Country", country_table.get(c.alpha_2, {}).get("label")
                                          or getattr(c, "common_name", None) or c.name)
                    for c in pycountry.countries}
    country_keys.update({code: entity_key("Country", t["label"])
                         for code, t in country_table.items() if code not in country_keys})
    entries = list(countries)
    for source, group in items:
        entries += _entity_entries(group, source, country_keys)
    return Gazetteer(entries, Titles(
        honorifics=set(titles["honorifics"]),
        government={t.lower() for t in titles["government"]},
        organisation={t.lower() for t in titles["organisation"]},
        abbreviations=dict(titles["abbreviations"]),
        membership={t.lower() for t in titles["membership"]},
    ), version=digest.hexdigest()[:12])
