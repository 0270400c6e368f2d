"""Canonical entities: link spaCy's entity spans to the gazetteer, resolve aliases and coreference
within a document, and merge entities across documents under deterministic keys.

Within a document (the ``kg_linker`` component in :mod:`kg.nlp` calls :func:`link_doc`):

- gazetteer aliases and demonyms ("Britain", "the UK", "British" → United Kingdom);
- acronyms defined in the text ("Artificial Intelligence Safety Institute (AISI)");
- people by surname, first name or honorific ("Mr Cleverly", "Sir Keir" → the full name used
  elsewhere in the document) and by title ("the Foreign Secretary" → the person introduced so);
- pronouns to the nearest compatible antecedent, and definite descriptions ("the resolution") to the
  latest entity of that kind, both resolved on demand by :func:`resolve_token`.

Across documents, :class:`EntityRegistry` keeps one entity per key; keys are derived from canonical
labels (``country/united-kingdom``, ``person/james-cleverly``), so IRIs are the same on every run.
"""
from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field

from spacy.tokens import Doc, Span, Token

from .gazetteer import Gazetteer, entity_key, normalise_name, slugify, type_group

#: spaCy entity labels that never name an entity of the graph.
NON_ENTITY_LABELS = {"DATE", "TIME", "PERCENT", "MONEY", "QUANTITY", "ORDINAL", "CARDINAL", "LANGUAGE"}

#: Head nouns of document descriptions and the class they imply ("the resolution").
DOCUMENT_NOUNS = {
    "declaration": "Declaration", "resolution": "Resolution", "treaty": "Treaty", "convention": "Treaty",
    "agreement": "Agreement", "deal": "Agreement", "accord": "Agreement", "pact": "Agreement",
    "memorandum": "Agreement", "bill": "Law", "law": "Law", "act": "Law", "regulation": "Law",
    "report": "Report", "statement": "Document", "communique": "Document", "charter": "Document",
    "framework": "Document", "strategy": "Document", "guide": "Document", "plan": "Document",
    "proposal": "Document", "initiative": "Document", "roadmap": "Document", "text": "Document",
    "code": "Document", "document": "Document", "package": "Document", "compact": "Agreement",
    "recommendation": "Document", "pledge": "Document", "communiqué": "Document", "study": "Report",
    "paper": "Report", "commitment": "Document", "protocol": "Treaty",
    "instrument": "Document", "guidance": "Document", "omnibus": "Law", "directive": "Law",
    "amendment": "Document", "annex": "Document", "campaign": "Document", "letter": "Document", "rule": "Law", "decree": "Law",  # (an initiative one backs or joins: "the campaign, called "Human Control Now"")
}
#: Heads that make a name a text, though the common noun alone is none ("the Dakar Call to Action",
#: "the Christchurch Call"; but "a call for restraint" is a speech act).
NAME_DOCUMENT_HEADS = {"call": "Declaration", "principles": "Document", "guidelines": "Document"}
#: Plural heads of the names of single texts ("the Guidelines", "the Principles", "the Commitments").
PLURAL_DOCUMENT_HEADS = {"guideline", "principle", "commitment", "recommendation", "rule", "standard"}
#: Nouns that may refer back to a document of any kind ("the text" = the resolution just named).
#: Event nouns that say nothing of the event's kind: "the meeting" may be the forum or summit named.
GENERIC_EVENT_NOUNS = {"meeting", "event", "gathering", "session"}
GENERIC_DOCUMENT_NOUNS = {"text", "document", "deal", "agreement", "package", "instrument", "measure"}
#: Head nouns of event descriptions ("the summit").
EVENT_NOUNS = {"summit": "Summit", "meeting": "Meeting", "conference": "Event", "briefing": "Meeting",
               "talks": "Meeting", "forum": "Event", "session": "Meeting", "dialogue": "Meeting",
               "debate": "Meeting", "hearing": "Meeting", "ceremony": "Event", "workshop": "Event",
               "round": "Meeting", "edition": "Event", "retreat": "Meeting", "gathering": "Event"}
#: Sittings of an event, which stand for the event ("the closing session", "the opening day").
PART_OF_EVENT_NOUNS = {"session", "sitting", "plenary", "day"}
#: Head nouns of organisation descriptions ("an international scientific panel on AI").
ORGANISATION_NOUNS = {"panel": "Organisation", "institute": "ResearchInstitute", "agency": "GovernmentBody",
                      "committee": "Organisation", "commission": "Organisation", "council": "Organisation",
                      "taskforce": "Organisation", "network": "Organisation", "body": "Organisation",
                      "authority": "GovernmentBody", "office": "Organisation", "centre": "Organisation",
                      "center": "Organisation", "fund": "Organisation", "hub": "Organisation",
                      "unit": "Organisation", "laboratory": "ResearchInstitute", "lab": "ResearchInstitute",
                      "secretariat": "Organisation", "alliance": "Organisation", "coalition": "Organisation",
                      "academy": "ResearchInstitute", "observatory": "Organisation", "consortium": "Organisation",
                      "force": "Organisation", "foundation": "Organisation", "cell": "Organisation",
                      "bureau": "Organisation", "directorate": "GovernmentBody"}
#: Modifiers that make a "group" a standing body ("a joint working group on AI testing").
STANDING_GROUP_WORDS = {"working", "task", "expert", "advisory", "contact", "steering", "study"}
#: Organisation nouns that only refer back ("the group's director" = the organisation just named).
ANAPHORIC_ORGANISATION_NOUNS = {"group": "Organisation", "organisation": "Organisation", "organization": "Organisation",
                                "company": "Company", "firm": "Company", "start-up": "Company", "startup": "Company",
                                "ministry": "GovernmentBody", "department": "GovernmentBody", "agency": "GovernmentBody",
                                "institute": "ResearchInstitute", "university": "ResearchInstitute",
                                "bloc": "InternationalOrganisation", "alliance": "InternationalOrganisation",
                                "developer": "Company", "lab": "Company", "body": "Organisation",
                                "bank": "Organisation", "coalition": "Organisation", "network": "Organisation",
                                "commission": "Organisation", "council": "Organisation", "centre": "Organisation",
                                "foundation": "Organisation", "fund": "Organisation", "union": "Organisation",
                                "watchdog": "Organisation", "association": "Organisation", "tank": "ResearchInstitute",
                                "federation": "Organisation", "consortium": "Organisation", "charity": "Organisation",
                                "chipmaker": "Company", "regulator": "GovernmentBody", "trust": "Organisation"}
#: Head words of the names of public institutions, which no "the company" refers to.
PUBLIC_INSTITUTION_HEADS = {"court", "tribunal", "parliament", "assembly", "senate", "congress", "chamber",
                            "ministry", "department", "agency", "authority", "commission", "council", "office",
                            "university", "college", "school", "institute", "police", "army", "regulator"}
#: Class nouns that describe an organisation in apposition to its name ("Bantay Datos, a Manila-based
#: digital rights watchdog"), with the type they give a name the NER missed or mistyped.
ORGANISATION_DESCRIPTION_HEADS = {
    "group": "Organisation", "watchdog": "Organisation", "association": "Organisation",
    "network": "Organisation", "organisation": "Organisation", "organization": "Organisation",
    "ngo": "Organisation", "charity": "Organisation", "nonprofit": "Organisation", "non-profit": "Organisation",
    "foundation": "Organisation", "tank": "ResearchInstitute", "institute": "ResearchInstitute",
    "consortium": "Organisation", "coalition": "Organisation", "federation": "Organisation",
    "collective": "Organisation", "philanthropy": "Organisation", "trust": "Organisation",
    "company": "Company", "firm": "Company", "start-up": "Company", "startup": "Company",
    "developer": "Company", "chipmaker": "Company", "maker": "Company", "manufacturer": "Company",
    "provider": "Company", "operator": "Company", "conglomerate": "Company", "subsidiary": "Company",
    "lab": "Company", "fund": "Organisation", "investor": "Company", "regulator": "GovernmentBody",
    "consultancy": "Company", "lobby": "Organisation", "insurer": "Company", "bank": "Company",
    "alliance": "Organisation", "union": "Organisation", "university": "ResearchInstitute",
    "agency": "GovernmentBody", "authority": "GovernmentBody", "broadcaster": "Company", "publisher": "Company",
}
#: Head nouns naming a country's government when modified by the country ("the Chinese government").
#: Nouns for products that a definite description refers back to ("the model" → the model last named).
PRODUCT_NOUNS = {"model", "chatbot", "app", "assistant", "system", "tool", "chip", "processor"}

#: Words that begin many organisations' names and so identify none alone.
GENERIC_NAME_WORDS = {"the", "european", "international", "national", "global", "united", "digital", "open",
                      "future", "centre", "center", "institute", "association", "world", "new", "general",
                      "federal", "royal", "state", "central", "first", "public", "free", "human", "ai", "data",
                      "tech", "technology", "science", "research", "civil", "council", "bank", "group", "north",
                      "south", "east", "west", "western", "eastern", "northern", "southern", "asian", "african",
                      "american", "pacific", "atlantic", "arab", "islamic", "democratic", "social", "liberal",
                      "green", "security", "safety", "policy", "partnership", "alliance", "coalition", "network",
                      "forum", "foundation", "fund", "agency", "office", "department", "ministry", "commission"}
#: Common nouns that a name before them picks out ("the opposition Tisza party" is Tisza).
NAMED_BY_COMPOUND_NOUNS = {"party", "movement"}
#: Government nouns only a state has ("the EU government" is no phrase; "the EU side" is).
_STATE_ONLY_NOUNS = {"government", "administration", "state", "cabinet", "regime", "country", "ministry", "embassy"}
GOVERNMENT_NOUNS = {"government", "administration", "state", "authorities", "leadership", "cabinet",
                    "regime", "ministry", "officials", "side", "delegation", "leaders", "official", "minister",
                    "country",
                    "spokesperson", "spokesman", "spokeswoman", "ambassador", "envoy", "diplomat", "diplomats",
                    "negotiator", "negotiators", "embassy", "mission", "presidency"}

_ORG_SUBTYPES = [
    (re.compile(r"\bPart(y|ies)\b"), "Organisation"),  # a political party is no organ of the state
    # (nor is an association of firms: "the Northern Business Council", "the Chamber of Commerce")
    (re.compile(r"\b(Business|Industry|Industries|Trade|Employers'?|Manufacturers'?) (Council|Roundtable)\b"
                r"|\bChambers? of Commerce\b"), "Organisation"),
    (re.compile(r"\b(University|College|Institute|Academy|Laborator(y|ies)|Lab|Centre for|Center for|"
                r"Think Tank|Foundation|"
                # (the same in other languages' names: "Institut Boréal", "Universidad de Chile")
                r"Institut|Instituto|Istituto|Universit[éeàäaiy]\w*|Universidad|Hochschule|École|Laboratoire)\b"),
     "ResearchInstitute"),
    (re.compile(r"\b(Ministry|Department|Office|Agency|Commission|Council|Center|Centre|Service|Police|"
                r"Bureau|Authority|Government|Administration|Army|Navy|Force|"
                r"Ministère|Ministerio|Ministero|Ministerium|Agence|Agencia|Agenzia)\b"), "GovernmentBody"),
    (re.compile(r"\b(Parliament|Congress|Senate|Assembly|House of|Duma|Bundestag)\b"), "Legislature"),
    (re.compile(r"\b(News|Times|Post|Journal|BBC|ITV|CNN|Reuters|Press|Guardian|Telegraph|Herald|"
                r"Tribune|Gazette|Broadcasting|TV|Radio)\b"), "Media"),
    (re.compile(r"\b(Inc|Ltd|Corp|Corporation|Company|Group|plc|LLC|Technologies|Labs|AI|Semiconductors?|"
                r"Computing|Systems|Robotics|Electronics|Ventures|Capital|Cloud|Microelectronics|Trading|Holdings|"
                r"Industries|Devices|Microsystems)\b\.?"), "Company"),
]

#: Head words of names of networks and associations (typed by the head, not by a word inside).
_ORG_HEADS = {"network", "alliance", "coalition", "partnership", "association", "federation", "consortium",
              "league", "community", "bloc", "union", "movement", "watch", "forum", "organisation", "organization"}

#: Head words that make a name the NER called a place or building a body all the same: "launched the
#: Arctic-Atlantic Institute for Responsible AI" (not "centre" or "office", which may be buildings).
_BODY_HEADS = {"institute", "university", "academy", "agency", "foundation", "commission", "authority",
               "ministry", "department", "bureau", "council", "secretariat"}

#: What a region owns, so that a one-word region's name the tagger took for a person's is the region's:
#: "Galicia's regional minister" (not "Mila's director", a body's).
_OWNED_BY_REGIONS = {"minister", "government", "governor", "premier", "parliament", "assembly", "president",
                     "councillor", "executive", "legislature", "cabinet"}

#: A centre or office named for what it does is an institution, not a building: "the Center for Strategic and
#: International Studies", "the Gulf Centre for Digital Freedoms" (not "the Kennedy Center").
_INSTITUTION_NAMED = re.compile(r"\b(?:Centre|Center|Office) (?:for|of|on)\b")

#: Entity spans that are web addresses, e-mails or markup, not names.
_NOT_A_NAME = re.compile(r"://|www\.|@|\.(?:com|org|html?)\b|[<>{}|]")

_PRONOUNS = {
    "he": "Person", "him": "Person", "his": "Person", "himself": "Person",
    "she": "Person", "her": "Person", "hers": "Person", "herself": "Person",
    "it": "Thing", "its": "Thing", "itself": "Thing",
    "they": "Plural", "them": "Plural", "their": "Plural", "themselves": "Plural",
}


@dataclass
class EntityMention:
    """A stretch of a document that names an entity, and how kg knows which one."""

    start: int  # token offsets in the Doc
    end: int
    key: str
    label: str
    type: str
    how: str  # gazetteer | ner | demonym | capital | surname | acronym | title | pronoun | definite | description
    country: str | None = None  # for capitals: the country key they stand for as agents


@dataclass
class Entity:
    """One node of the graph: a canonical entity with every surface form seen for it."""

    key: str
    label: str
    type: str
    aliases: set[str] = field(default_factory=set)
    wikidata: str | None = None
    part_of: str | None = None
    mentions: int = 0
    documents: set[str] = field(default_factory=set)


class EntityRegistry:
    """Every entity of a corpus, one per key. Adding the same key again merges aliases and counts."""

    def __init__(self, gazetteer: Gazetteer):
        self.gazetteer = gazetteer
        self.entities: dict[str, Entity] = {}
        self._merged: dict[str, str] = {}  # key → key it was merged into
        self.stats: dict[str, int] = {}

    def add(self, key: str, label: str, entity_type: str, alias: str | None = None,
            doc_id: str | None = None) -> Entity:
        key = self.canonical(key)
        entity = self.entities.get(key)
        if entity is None:
            entry = self.gazetteer.entries.get(key)
            if entry is not None:
                entity = Entity(key, entry.label, entry.type, wikidata=entry.wikidata, part_of=entry.part_of)
            else:
                entity = Entity(key, label, entity_type)
            self.entities[key] = entity
        entity.mentions += 1
        if alias and normalise_name(alias) != entity.label:
            entity.aliases.add(normalise_name(alias))
        if doc_id:
            entity.documents.add(doc_id)
        return entity

    def canonical(self, key: str) -> str:
        while key in self._merged:
            key = self._merged[key]
        return key

    def merge(self, old: str, new: str) -> None:
        """Merge entity ``old`` into ``new`` (both keys stay resolvable through :meth:`canonical`)."""
        old, new = self.canonical(old), self.canonical(new)
        if old == new:
            return
        self._merged[old] = new
        gone = self.entities.pop(old, None)
        if gone is not None and new in self.entities:
            target = self.entities[new]
            target.aliases |= gone.aliases | {gone.label}
            target.aliases.discard(target.label)
            target.mentions += gone.mentions
            target.documents |= gone.documents

    def merge_surnames(self) -> dict[str, str]:
        """Merge one-word person entities into the only full-name person of the corpus ending in that word.

        An article may call someone "Sunak" throughout while another names "Rishi Sunak"; when exactly one
        full name fits, they are the same person. Returns the merges made (old key → new key).
        """
        people = [e for e in self.entities.values() if e.type == "Person"]
        by_surname: dict[str, list[Entity]] = {}
        by_first_name: dict[str, list[Entity]] = {}
        for person in people:
            parts = person.label.split()
            if len(parts) >= 2:
                by_surname.setdefault(parts[-1], []).append(person)
                by_first_name.setdefault(parts[0], []).append(person)
        merges = {}
        for person in people:
            parts = person.label.split()
            if len(parts) != 1:
                continue
            if len(by_surname.get(parts[0], [])) == 1:
                merges[person.key] = by_surname[parts[0]][0].key
            elif any(a.startswith(("Sir ", "Dame ")) for a in person.aliases) \
                    and len(by_first_name.get(parts[0], [])) == 1:
                # knights and dames go by their first name: "Sir Keir" is Keir Starmer
                merges[person.key] = by_first_name[parts[0]][0].key
        for old, new in merges.items():
            self.merge(old, new)
        return merges


# --------------------------------------------------------------------------------------------------
# Linking one document


def _register_extensions() -> None:
    for name, default in [("kg_mentions", None), ("kg_aliases", None), ("kg_token_mention", None),
                          ("kg_doc_id", None), ("kg_titles", None), ("kg_abbreviations", None)]:
        if not Doc.has_extension(name):
            Doc.set_extension(name, default=default)


_register_extensions()


def _clean_person_name(span: Span, gaz: Gazetteer) -> tuple[str, int]:
    """A person's name without honorifics/titles/possessive, and how many leading tokens were dropped."""
    tokens = list(span)
    for k, t in enumerate(tokens):
        if t.tag_ == "POS" or t.text in {"'s", "’s"}:
            tokens = tokens[:k]  # "Joe Biden's Meeting" → "Joe Biden"
            break
    dropped = 0
    while tokens and (tokens[0].text in gaz.titles.honorifics or tokens[0].lower_ in gaz.titles.government
                      or tokens[0].lower_ in {"the", "foreign", "prime", "home", "general", "vice"}):
        tokens.pop(0)
        dropped += 1
    while tokens and (tokens[-1].tag_ == "POS" or tokens[-1].is_punct):
        tokens.pop()
    if not tokens:
        return "", dropped
    name = span.doc[tokens[0].i: tokens[-1].i + 1].text  # keeps "Lee Ji-won" as written
    return normalise_name(name), dropped


def _org_type(name: str) -> str:
    if name_head(name) in _ORG_HEADS:  # "International Network of AI Safety Institutes": its head decides
        return "Organisation"
    for pattern, subtype in _ORG_SUBTYPES:
        if pattern.search(name):
            return subtype
    return "Organisation"


_NAME_PREPOSITIONS = {"on", "of", "for", "to", "against", "in", "between", "with", "by"}


def name_head(name: str) -> str:
    """The head word of a multi-word name: the last word before its first preposition.

    >>> name_head("Framework Convention on Artificial Intelligence")
    'convention'
    >>> name_head("Algorithmic Transparency in Public Services Act")
    'act'
    """
    words = re.findall(r"[\w'’-]+", name)
    if len(words) >= 2 and words[-1] in {"Act", "Bill"}:
        return words[-1].lower()  # a statute's title ends in its head: "Transparency in Public Services Act"
    head = []
    for word in words:
        if word.lower() in _NAME_PREPOSITIONS and head:
            break
        head.append(word)
    return head[-1].lower() if len(words) >= 2 and head else ""


def _document_type(name: str) -> str:
    return DOCUMENT_NOUNS.get(name_head(name), "Document")


#: Plural nouns for people acting for a body, which the NER takes into a name when they open a sentence.
_PEOPLE_PLURALS = {"representatives", "delegates", "officials", "executives", "members", "leaders", "ministers",
                   "diplomats", "observers", "researchers", "employees", "envoys", "negotiators", "delegations"}


#: Legislative bill numbers: "SB 1142", "H.R. 4801", "Bill C-27", "AB 2013".
_BILL_NUMBER = re.compile(r"^(?:(?:S|H|A)\.?\s?B\.?|H\.?\s?R\.?|Bill\s+(?:[A-Z]-?)?)\s?\d+$")


def _listed_with_places(token: Token, gaz: Gazetteer) -> bool:
    """Whether a word is coordinated with places or regions only ("Galicia, Andalusia and Navarre"), not
    with people ("Sabah and Tom met …")."""
    others = [t for t in token.conjuncts if t != token]
    return bool(others) and all(t.ent_type_ in {"GPE", "LOC"} or gaz.is_region(t.text) for t in others)


def _mention_for_ent(ent: Span, gaz: Gazetteer) -> EntityMention | None:
    label = ent.label_
    if label in NON_ENTITY_LABELS and len(ent) == 2 and ent[0].is_title and ent[0].lower_ in DOCUMENT_NOUNS \
            and ent[1].like_num:
        # "Amendment 31", "Resolution 2712" tagged a date: a text by its number, never another one of its kind
        name = normalise_name(ent.text)
        kind = DOCUMENT_NOUNS[ent[0].lower_]
        return EntityMention(ent.start, ent.end, entity_key(kind, name), name, kind, "ner")
    if label in NON_ENTITY_LABELS:
        return None
    if _BILL_NUMBER.match(ent.text.strip()):  # a bill by its number is a law, whatever the NER said
        name = normalise_name(ent.text)
        return EntityMention(ent.start, ent.end, entity_key("Law", name), name, "Law", "ner")
    if label in {"PRODUCT", "ORG", "WORK_OF_ART"} and len(ent) >= 2 and ent[-1].lemma_.lower() in PRODUCT_HEADS \
            and ent[-1].is_lower and any(ch.isdigit() or ch.isupper() for ch in ent[-2].text):
        # "its Tuwaiq-3 model": the class noun is not part of the name
        ent = Span(ent.doc, ent.start, ent.end - 1, label=label)
    doc = ent.doc
    if label == "PERSON" and ent.end + 1 < len(doc) and doc[ent.end].text == "-" and not ent[-1].whitespace_ \
            and not doc[ent.end].whitespace_ and doc[ent.end + 1].is_title:
        ent = Span(doc, ent.start, ent.end + 2, label=label)  # "Amara Fofana" + "-Lindqvist": one surname
    if len(ent) >= 3 and ent[0].is_sent_start and ent[0].lower_ in _PEOPLE_PLURALS and ent[1].lower_ in {"of", "from", "at"}:
        # "Representatives of Hanul Semiconductor attended": the NER took the capitalised noun for a name
        ent = Span(doc, ent.start + 2, ent.end, label=label)
    lead = ent.start + (1 if ent[0].lower_ in {"the", "a", "an"} else 0)
    name_at = next((t.i for t in doc[lead:ent.end] if not t.is_lower and not t.is_punct), ent.end)
    if label == "ORG" and name_at > lead and name_at < ent.end and any(
            t.lower_ in ORGANISATION_DESCRIPTION_HEADS for t in doc[lead:name_at]) \
            and all(t.is_lower or t.is_punct for t in doc[lead:name_at]):
        # "France's national institute INESIA", "the ride-hailing firm GoTo": the class noun and its
        # modifiers describe the name, they are no part of it
        ent = Span(doc, name_at, ent.end, label=label)
    opening = [t.i for t in ent if t.text == "("]
    if opening and not any(t.text == ")" for t in ent) and opening[0] > ent.start:
        # "Arab Centre for Digital Rights (ACDR": the name ends before its unclosed acronym
        ent = Span(ent.doc, ent.start, opening[0], label=label)
    text = normalise_name(ent.text)
    if not text or not any(ch.isalpha() for ch in text) or _NOT_A_NAME.search(ent.text):
        return None
    if label == "ORG" and len(text.split()) >= 2 and gaz.titles.kind(name_head(text)) and gaz.lookup(text) is None \
            and not name_head(text).endswith("s") \
            and _org_type(text) not in {"GovernmentBody", "Legislature", "ResearchInstitute", "Company"}:
        # "the Secretary-General's Envoy on Technology", "Gulf Business Correspondent": an office (but a
        # plural head names a firm: "Merlion Growth Partners")
        return None
    ent_id = ent.ent_id_
    if ent_id.startswith("capital:"):
        country = ent_id.split(":", 1)[1]
        return EntityMention(ent.start, ent.end, entity_key("City", text), text, "City", "capital", country)
    if ent_id and ent_id in gaz.entries and (not any(t.ent_id_ != ent_id for t in ent)
                                             or getattr(gaz.lookup(text), "key", None) == ent_id):
        # (a span completed past the gazetteer's match, "Congress" + "of Deputies", is another name)
        entry = gaz.entries[ent_id]
        how = "demonym" if label == "NORP" else "gazetteer"
        return EntityMention(ent.start, ent.end, entry.key, entry.label, entry.type, how)
    known = gaz.lookup(text)
    if known is not None and label == "PERSON" and known.type == "Country" and len(ent) == 1 and not any(
            e.label_ == "PERSON" and len(e) >= 2 and ent.text in e.text.split() and e[0].lower_ not in _CORRELATIVES
            for e in ent.doc.ents):
        # "Ghana said …" tagged a person: a country's name alone is the country, unless the article
        # names a person that way ("Michael Jordan … Jordan said")
        return EntityMention(ent.start, ent.end, known.key, known.label, known.type, "gazetteer")
    if label in {"PERSON", "NORP"} and len(ent) <= 3 and gaz.country_of_capital(text) is not None and not any(
            e.label_ == "PERSON" and len(e) >= 2 and ent.text in e.text.split() for e in ent.doc.ents):
        label = "GPE"  # "Rabat would host …" tagged a person ("Tunis" a nationality): a capital alone is the capital
    if label in {"PERSON", "LOC"} and len(ent) <= 3 and gaz.is_region(text) and not any(
            e.label_ == "PERSON" and len(e) > len(ent) and (ent.text in e.text.split() if len(ent) == 1
                                                           else ent.text in e.text) for e in ent.doc.ents) and (
            len(ent) >= 2 or ent.end < len(ent.doc) and ent.doc[ent.end].lower_ in {"'s", "’s"}
            and ent.root.head.lemma_.lower() in _OWNED_BY_REGIONS
            or _listed_with_places(ent.root, gaz)):
        # "Nuevo León's governor", "Galicia's regional minister", "Galicia, Andalusia and Navarre" tagged a
        # person: a state's name alone is the state (one word only where it is no given name or body's name,
        # owning an office or listed: not "a researcher at Mila"; never when the article names a person so,
        # "Victoria Okafor")
        label = "GPE"
    if known is not None and not (label == "PERSON" and known.type == "Country"):
        # the gazetteer knows this name ("OpenAI" is a company whatever NER guessed)
        how = "demonym" if label == "NORP" else "gazetteer"
        return EntityMention(ent.start, ent.end, known.key, known.label, known.type, how)
    if label in {"ORG", "GPE", "PERSON"} and len(ent) <= 3 and gaz.country_of_demonym(text) is not None:
        label = "NORP"  # "Bangladeshi Prime Minister …", "the Emirati group": a demonym, whatever the NER said
    if label == "PERSON" and len(text.split()) >= 2 and (name_head(text) in DOCUMENT_NOUNS or name_head(text) in EVENT_NOUNS
                                                         or name_head(text) in NAME_DOCUMENT_HEADS):
        label = "EVENT" if name_head(text) in EVENT_NOUNS else "LAW"  # "the Dakar Pledge" is no person
    if label == "PERSON" and _org_type(text) not in {"Organisation", "GovernmentBody"}:
        label = "ORG"  # "Lumen Labs", "Sakana AI": a company's name, whatever NER guessed
    if label == "PERSON":
        name, _ = _clean_person_name(ent, gaz)
        if not name or not name[0].isupper():
            return None
        entry = gaz.lookup(name)
        if entry is not None and entry.type == "Person":
            return EntityMention(ent.start, ent.end, entry.key, entry.label, entry.type, "gazetteer")
        return EntityMention(ent.start, ent.end, entity_key("Person", name), name, "Person", "ner")
    entry = gaz.lookup(text)
    if entry is not None:
        how = "demonym" if label == "NORP" else "gazetteer"
        return EntityMention(ent.start, ent.end, entry.key, entry.label, entry.type, how)
    # the head word decides what a name names: "the Paris Agreement" is a document whatever NER says
    head_word = name_head(text)
    if head_word.endswith("s") and head_word[:-1] in PLURAL_DOCUMENT_HEADS and head_word[:-1] in DOCUMENT_NOUNS \
            and head_word not in NAME_DOCUMENT_HEADS and len(text.split()) >= 2:
        head_word = head_word[:-1]  # "the Frontier AI Safety Commitments": a text, by its plural head
    last_word = text.split()[-1].lower()
    if last_word in EVENT_NOUNS and head_word not in DOCUMENT_NOUNS | EVENT_NOUNS.keys() and len(text.split()) >= 3:
        head_word = last_word  # "AI for Good Global Summit": a summit, though "AI" comes before "for"
    if label == "EVENT" and len(text.split()) >= 2 and head_word in set(ORGANISATION_NOUNS) | _ORG_HEADS \
            and head_word not in EVENT_NOUNS:
        label = "ORG"  # "launched the Nordic-Baltic Open Language Consortium": a body launched, not an event
    if label in {"EVENT", "ORG", "LAW", "WORK_OF_ART", "PRODUCT", "FAC"} or (
            label in {"GPE", "LOC"} and len(text.split()) >= 2 and head_word in DOCUMENT_NOUNS):
        # ("Jakarta Framework on Responsible AI" tagged a place: a place name with a document's head)
        if head_word in NAME_DOCUMENT_HEADS or head_word in DOCUMENT_NOUNS and head_word != "initiative":
            # ("the Haki Data Initiative" the NER took for a body may be one: an initiative is both)
            kind = NAME_DOCUMENT_HEADS.get(head_word) or DOCUMENT_NOUNS[head_word]
            return EntityMention(ent.start, ent.end, entity_key(kind, text), text, kind, "ner")
        if (head_word in EVENT_NOUNS and not (head_word == "forum" and label == "ORG")) \
                or head_word in {"summit", "conference", "process"} or (head_word == "forum" and label == "EVENT"):
            # ("X Forum" is an event when the NER says so, else an organisation: the World Economic Forum)
            # ("the Hiroshima Process": a named series of meetings)
            kind = EVENT_NOUNS.get(head_word, "Event")
            return EntityMention(ent.start, ent.end, entity_key(kind, text), text, kind, "ner")
    if label in {"ORG", "GPE", "PERSON"} and len(ent) == 1 and gaz.country_of_demonym(text) is not None:
        label = "NORP"  # "the Emirati group": a demonym, whatever the NER said
    if label == "NORP":
        country = gaz.country_of_demonym(text)
        if country is not None:
            return EntityMention(ent.start, ent.end, country.key, country.label, country.type, "demonym")
        return EntityMention(ent.start, ent.end, entity_key("Group", text), text, "Group", "ner")
    if label in {"GPE", "FAC", "ORG", "LOC"}:
        country = gaz.country_of_capital(text)
        if country is not None:  # "Washington DC" and "Washington" are one city; "Downing Street" one place
            written = next((c for c in [*country.capitals, *country.seats] if normalise_name(c) == text), text)
            city = _canonical_capital(country, written)
            return EntityMention(ent.start, ent.end, entity_key("City", city), city, "City", "capital",
                                 country.key)
    if label == "GPE" and gaz.is_region(text):  # "New Jersey would work with New York": a government
        return EntityMention(ent.start, ent.end, entity_key("Region", text), text, "Region", "ner")
    if label in {"GPE", "LOC", "FAC"} and not (len(text.split()) >= 2 and (
            head_word in _ORG_HEADS | _BODY_HEADS or _INSTITUTION_NAMED.search(text))):
        return EntityMention(ent.start, ent.end, entity_key("Place", text), text, "Place", "ner")
    if label in {"ORG", "GPE", "LOC", "FAC"}:  # ("the Franco-German AI Compute Alliance" tagged a facility)
        kind = _org_type(text)
        words = text.split()
        if len(words) >= 2 and words[-1].lower() in _BODY_NAME_HEADS:
            parent = gaz.lookup(" ".join(words[:-1]))
            if parent is not None and parent.type == "InternationalOrganisation":
                kind = parent.type  # "the ECOWAS Commission", "the ASEAN Secretariat": an organ of the body
        return EntityMention(ent.start, ent.end, entity_key(kind, text), text, kind, "ner")
    if label == "LAW":
        kind = _document_type(text)
        return EntityMention(ent.start, ent.end, entity_key(kind, text), text, kind, "ner")
    if label == "EVENT":
        kind = "Summit" if "summit" in text.lower() else "Event"
        return EntityMention(ent.start, ent.end, entity_key(kind, text), text, kind, "ner")
    if label == "PRODUCT":
        return EntityMention(ent.start, ent.end, entity_key("Product", text), text, "Product", "ner")
    if label == "CONCEPT":
        return EntityMention(ent.start, ent.end, entity_key("Concept", text), text, "Concept", "ner")
    return None


_MONTHS_AND_DAYS = {"january", "february", "march", "april", "may", "june", "july", "august", "september",
                    "october", "november", "december", "monday", "tuesday", "wednesday", "thursday", "friday",
                    "saturday", "sunday"}


def _common_words(doc: Doc) -> set[str]:
    """The nouns, verbs and adjectives the document writes in lower case (computed once per Doc)."""
    cached = doc.user_data.get("kg_common_words")
    if cached is None:
        cached = doc.user_data["kg_common_words"] = {t.text for t in doc if t.pos_ in {"NOUN", "VERB", "ADJ"}
                                                     and t.text.islower()}
    return cached


_PORTFOLIO_TITLES = {"minister", "secretary", "commissioner", "undersecretary", "under-secretary"}


def _is_portfolio_title(token: Token) -> bool:
    if token.lower_ == "general" and token.i >= 2 and token.nbor(-1).text == "-":
        token = token.nbor(-2)  # "Director-General", tokenised as three
    return token.is_title and any(part in _PORTFOLIO_TITLES or part == "director"
                                  for part in token.lower_.split("-"))


def _portfolio_title_before(doc: Doc, start: int) -> bool:
    """Whether a span is (part of) the portfolio of a title: "Minister of *Communications* and *Digital
    Economy*", "Director-General for *Social and Human Sciences*"."""
    i = start - 1
    while i >= 1 and start - i <= 8 and (doc[i].lower_ in {"and", ",", "&"} or doc[i].is_title):
        if _is_portfolio_title(doc[i]) and doc[i + 1].lower_ in {"of", "for"}:
            # "Minister of Science, Technology and Innovation, Carolina Vidal": a list closed by "and"
            # and then a comma ends the portfolio; what follows is the holder's name
            return not _closed_list(doc, i + 1, start)
        i -= 1
    return i >= 1 and doc[i].lower_ in {"of", "for"} and _is_portfolio_title(doc[i - 1]) \
        and not _closed_list(doc, i + 1, start)


def _closed_list(doc: Doc, begin: int, start: int) -> bool:
    return doc[start - 1].text == "," and any(doc[j].lower_ in {"and", "&"} for j in range(begin, start))


#: Head nouns of the names of buildings and rooms, which no person's name ends in.
_FACILITY_HEADS = {"hall", "house", "centre", "center", "building", "palace", "square", "tower", "hotel", "stadium",
                   "street", "road", "avenue", "airport", "station", "room", "auditorium", "arena", "campus"}


def _not_a_name(doc: Doc, m: EntityMention, gaz: Gazetteer) -> bool:
    """Spans the NER took for names that the article itself shows are ordinary words: a one-word
    "name" the article also writes in lower case ("Summit" / "summit", "Meeting"), month and day names,
    and group adjectives ("Western", "Sino-British") that modify a noun rather than name an actor."""
    if m.how != "ner":
        return False
    span = doc[m.start:m.end]
    if m.type not in {"Concept"} and not any(t.text[:1].isupper() or t.text[:1].isdigit() for t in span):
        return True  # "digital rights association": a description, not a name
    before = doc[max(0, m.start - 2):m.start]
    after = doc[m.end] if m.end < len(doc) else None
    if m.type not in {"Country", "City", "Person"} and (
            _portfolio_title_before(doc, m.start) or any(
                _is_portfolio_title(t) or t.lower_ in {"representative", "envoy", "rapporteur", "coordinator"}
                for t in span[:2] if t.i + 1 < m.end and doc[t.i + 1].lower_ in {"of", "for"})
            or (after is not None and after.lower_ in _PORTFOLIO_TITLES | {"adviser", "advisor"} and after.is_title)):
        # "Minister of Innovation and Technology", "Minister for Digital Affairs", "Digital Government
        # Minister", "Assistant Director-General for Social Sciences": a portfolio or a title, not a body
        return True
    rest = [t for t in span[:-1] if t.lower_ != "the"]
    if m.type not in {"Country", "City", "Person"} and span[-1].is_lower and span[-1].pos_ == "NOUN" and rest \
            and all(gaz.country_of_demonym(t.text) for t in rest):
        return True  # "the British institute": a description by nationality, which resolve_description reads
    if m.type == "Person" and span[-1].lower_ in _FACILITY_HEADS:
        return True  # "the State House Banquet Hall": a place, whatever the tagger thought
    if m.type not in {"Country", "City", "Person"} and gaz.titles.kind(normalise_name(span.text)) \
            and span.text[:1].isupper() and len(span) <= 4:
        return True  # "NITDA's Director-General": an office, not a body
    if len(span) == 1:
        word = span[0]
        if word.lower_ in _MONTHS_AND_DAYS:
            return True
        nxt = doc[word.i + 1] if word.i + 1 < len(doc) else None
        if nxt is not None and nxt.lower_ in {"under", "deputy", "assistant", "vice"} and word.i + 2 < len(doc):
            nxt = doc[word.i + 2]  # "Commerce Under Secretary"
        if m.type not in {"Country", "City"} and nxt is not None and nxt.is_title and nxt.lower_ in {
                "secretary", "minister", "department", "ministry", "committee", "spokesperson", "spokesman"}:
            return True  # "Commerce Secretary", "Treasury Secretary": part of a title
        prev = doc[word.i - 1] if word.i >= 2 else None
        if prev is not None and prev.lower_ == "of" and gaz_title_word(doc[word.i - 2]):
            return True  # "Secretary of State": part of a title
        if word.lower_ != word.text and word.lower_ in _common_words(doc):
            return True
        if word.lower_ in GOVERNMENT_NOUNS and word.i > 0 and doc[word.i - 1].lower_ == "the":
            return True  # "the State", "the Government": the state the story is about, not a body's name
    if m.type == "Group" and span.root.dep_ in {"amod", "compound", "nmod"}:
        return True
    return False


def _job_holder_body(token: Token) -> bool:
    """Whether a name modifies a present post ("Sahelcore AI chief executive X", "the Vantix founder"), not a
    past one ("a former Andela engineer")."""
    if token.dep_ != "compound" or token.head.i <= token.i:
        return False
    between = token.doc[token.i + 1:token.head.i + 1]
    return any(_job_noun(t) for t in between) and not any(
        c.lower_ in {"former", "ex", "onetime", "one-time"} for t in between for c in t.children if c.dep_ == "amod")


def _job_noun(token: Token) -> bool:
    """Whether a noun names a post one holds in a body ("Sahelcore AI chief executive Tobiloba Adeyemi-Ross")."""
    return gaz_title_word(token) or token.lower_ in {"executive", "ceo", "founder", "co-founder", "officer",
                                                    "scientist", "researcher", "engineer", "partner", "cto"}


def gaz_title_word(token: Token) -> bool:
    """Whether a token is an office title word (uses the gazetteer the linker stored on the doc)."""
    return token.is_title and token.lower_.split("-")[-1] in {
        "secretary", "minister", "president", "ambassador", "envoy", "commissioner", "director", "head",
        "chief", "chair", "chairman", "chairwoman", "governor", "spokesperson", "spokesman", "spokeswoman"}


def _canonical_capital(country, name: str) -> str:
    """One node per city: any way of writing the capital gives its first listed name ("Washington DC"
    → "Washington"); a seat of government ("White House") is a place of its own."""
    if name in country.capitals:
        return country.capitals[0]
    return name


def _is_acronym_of(acronym: str, name: str) -> bool:
    # (a hyphenated word may give one letter or one per part: "Hsin-Yuan Semiconductor" → HS or HYS)
    for pattern in (r"[A-Za-z][A-Za-z'’-]*", r"[A-Za-z][A-Za-z'’]*"):
        letters = [w[0] for w in re.findall(pattern, name) if w[0].isupper()]
        if len(acronym) >= 2 and acronym.isupper() and "".join(letters).endswith(acronym[: len(letters)]) \
                and acronym[0] == (letters[0] if letters else ""):
            return True
    return False


#: Words opening a correlative coordination, which the NER sometimes takes into the first name.
_CORRELATIVES = {"neither", "either", "both"}


def _portfolio_list_end(doc: Doc, at: int) -> int:
    """Where a list of portfolios that goes on a ministry's or minister's "of/for" phrase ends: from
    ``at``, ", Digital Technology and Innovations" or ", Communications and the Digital Economy"
    (capitalised words, commas, one "and"); ``at`` itself when no such list follows."""
    j, seen_and = at, False
    if j >= len(doc) or doc[j].text != ",":
        return at
    while j < len(doc):
        if doc[j].text == "," and j + 1 < len(doc) and doc[j + 1].is_title:
            j += 1
        elif doc[j].lower_ == "and" and not seen_and and j + 1 < len(doc) and (
                doc[j + 1].is_title or doc[j + 1].lower_ == "the"):
            seen_and = True
            j += 2 if doc[j + 1].lower_ == "the" else 1
        else:
            return at
        words = j
        while j < len(doc) and doc[j].is_title and doc[j].pos_ in {"PROPN", "NOUN", "ADJ"} \
                and doc[j].ent_type_ not in {"PERSON", "GPE", "DATE"}:
            j += 1
        if j == words:
            return at
        if seen_and:
            return j
    return at


def _portfolio_after_title(doc: Doc, start: int, gaz: Gazetteer | None) -> bool:
    """Whether a name at ``start`` is the last items of a minister's list of portfolios: "Deputy
    Minister for Communication, [Digital Technology and Innovations]"."""
    i = start - 1
    if i < 1 or doc[i].text != ",":
        return False
    i -= 1
    while i >= 0 and (doc[i].is_title or doc[i].text in {",", "and"}) and doc[i].lower_ not in {"for", "of"}:
        i -= 1
    if i < 1 or doc[i].lower_ not in {"for", "of"}:
        return False
    title = doc[i - 1].lower_
    return title in {"ministry", "department"} or (gaz is not None and title in gaz.titles.government)


#: Plural nouns that open names in the possessive: "People's Action Party", "Workers' Party"
_COLLECTIVE_POSSESSORS = {"people", "workers", "women", "children", "citizens", "farmers", "peoples"}


def _complete_spans(doc: Doc, gaz: Gazetteer | None = None) -> list[Span]:
    """NER spans, with names the model cut off after a function word completed: "Council of the" +
    "European Union", "Framework Convention on" + "Artificial Intelligence"."""
    out: list[Span] = []
    ents = list(doc.ents)
    k = 0
    while k < len(ents):
        ent = ents[k]
        if len(ent) > 1 and ent[0].lower_ in _CORRELATIVES:
            ent = Span(doc, ent.start + 1, ent.end, label=ent.label_)  # "Neither Türkiye nor …": Türkiye
        after = ents[k + 1] if k + 1 < len(ents) else None
        if ent.label_ == "ORG" and after is not None and after.start == ent.end \
                and after.ent_id_ and all(t.pos_ == "PROPN" and t.is_title for t in after) \
                and ent[-1].is_title and ent[-1].dep_ == "compound" and ent[-1].head in after:
            # "the Scottish Trades Union" + "Congress", "the New" + "Democratic Party": the name the
            # gazetteer knows is this name's head, not another body ("Congress", the US party)
            ent = Span(doc, ent.start, after.end, label="ORG")
            k += 1
        end = ent.end
        if ent.label_ == "CONCEPT" and end + 1 < len(doc) and doc[end].lower_ in {"for", "of", "on"} \
                and (ent[0].is_title or ent[0].is_upper):
            # "the AI for Good Global Summit": a concept opening a titled name that ends in an event's or
            # a text's head
            j = end + 1
            while j < len(doc) and j - end <= 6 and (doc[j].is_title or doc[j].is_upper) \
                    and doc[j].ent_type_ not in {"GPE", "PERSON", "DATE", "NORP"}:
                j += 1
            head = doc[j - 1].lower_ if j > end + 1 else ""
            if head in EVENT_NOUNS or head in DOCUMENT_NOUNS or head in _NAME_HEADS_TAKING_PP:
                while k + 1 < len(ents) and ents[k + 1].start < j:
                    k += 1
                out.append(Span(doc, ent.start, j, label="EVENT" if head in EVENT_NOUNS else "ORG"))
                k += 1
                continue
        known = gaz.lookup(ent.text) if gaz is not None and len(ent) == 1 and ent.label_ == "ORG" else None
        if known is not None and known.type in {"InternationalOrganisation", "Company"}:
            # "the Mercosur Digital Agenda Group": a body's name opening a longer name (the gazetteer rules
            # one-word bodies before the NER, which then misses the rest)
            j = end
            while j < len(doc) and j - end < 5 and doc[j].is_title and doc[j].pos_ in {"PROPN", "NOUN"} \
                    and doc[j].ent_type_ not in {"GPE", "PERSON", "DATE", "NORP"}:
                j += 1
            if j - end >= 2 and (doc[j - 1].lower_ in ORGANISATION_NOUNS or doc[j - 1].lower_ in _ORG_HEADS
                                 or doc[j - 1].lower_ in _BODY_NAME_HEADS or doc[j - 1].lower_ == "group") \
                    and doc[j - 1].lower_ not in EVENT_NOUNS and not (j < len(doc) and doc[j].lower_ in _NAME_PREPOSITIONS):
                # (not "the UNESCO Regional Forum on the Ethics of AI": an event, named at more length)
                while k + 1 < len(ents) and ents[k + 1].start < j:
                    k += 1
                start = ent.start - 1 if ent.start > 0 and doc[ent.start - 1].lower_ == "the" else ent.start
                out.append(Span(doc, start, j, label="ORG"))
                k += 1
                continue
        words = [t.lower_ for t in ent if t.lower_ != "the"]
        if len(words) == 1 and words[0] in _NAME_OPENING_ADJECTIVES and end < len(doc) and doc[end].is_title:
            k += 1  # "the National" cut off "Artificial Intelligence Strategy": no name of its own
            continue
        if ent.label_ not in NON_ENTITY_LABELS and doc[end - 1].pos_ in {"ADP", "DET", "CCONJ"} and end < len(doc):
            j = end
            while j < len(doc) and j - end < 6 and (doc[j].is_title or doc[j].is_upper) and doc[j].pos_ in {"PROPN", "NOUN", "ADJ"} \
                    or (j < len(doc) and doc[j].lower_ == "the" and j == end):
                j += 1
            while k + 1 < len(ents) and ents[k + 1].start < j:  # swallow the names inside
                k += 1
                j = max(j, ents[k].end)
            if gaz is None or gaz.lookup(doc[ent.start:j].text) is None:
                j = _titled_and(doc, j, ent.start)  # ("… Use of" + "Artificial Intelligence" + "and Autonomy")
            if j > end and doc[j - 1].pos_ not in {"ADP", "DET", "CCONJ"}:
                ent = Span(doc, ent.start, j, label=ent.label_)
        elif (ent.label_ in _NAMED_THING_LABELS or name_head(ent.text) in DOCUMENT_NOUNS) and end + 1 < len(doc) \
                and doc[end].lower_ in {"on", "for", "of"} \
                and doc[end - 1].is_title and (name_head(ent.text) or ent[-1].lower_) in _NAME_HEADS_TAKING_PP:
            # "Jakarta Framework" + "on Responsible AI", "Global Partnership" + "on AI": a titled
            # complement continues the name (not a place or a date: "the Framework in Brussels")
            j = end + 1
            while j < len(doc) and j - end < 7 and (doc[j].is_title or doc[j].is_upper or doc[j].lower_ in {"and", "the"}
                                                    or doc[j].lower_ in {"of", "for", "on"} and j + 1 < len(doc)
                                                    and doc[j + 1].is_title) \
                    and (doc[j].ent_type_ not in {"GPE", "LOC", "DATE", "PERSON", "NORP", "TIME", "CARDINAL"}
                         or doc[j].ent_type_ == "PERSON" and _ends_in_acronym(doc, j)):
                j += 1  # (not a person's name, but "Trustworthy AI" the NER took for one; "the Agency for
                # the Supervision of Artificial Intelligence": the complement's own complement goes on too)
            while j > end + 1 and doc[j - 1].lower_ in {"and", "the", "of", "for", "on"}:
                j -= 1
            if j > end + 1 and not any(e.start < j and e.end > end and e.label_ in {"GPE", "PERSON"}
                                       and not (e.label_ == "PERSON" and _ends_in_acronym(doc, e.start)) for e in ents):
                while k + 1 < len(ents) and ents[k + 1].start < j:
                    k += 1
                    j = max(j, ents[k].end)
                ent = Span(doc, ent.start, j, label=ent.label_)
        if ent.label_ == "ORG" and _portfolio_after_title(doc, ent.start, gaz):
            k += 1  # "Minister for Communication, Digital Technology and Innovations": a portfolio, not a body
            continue
        opening = ent[1] if len(ent) > 1 and ent[0].lower_ == "the" else ent[0]
        if ent.label_ == "ORG" and opening.lower_ in {"ministry", "department"}:
            listed = _portfolio_list_end(doc, ent.end)
            if listed > ent.end:  # "the Ministry of Communications" + ", Digital Technology and Innovations"
                while k + 1 < len(ents) and ents[k + 1].start < listed:
                    k += 1
                ent = Span(doc, ent.start, listed, label=ent.label_)
        if ent.label_ == "ORG" and end < len(doc):
            # "United Nations" + "Environment Programme": title-case words the name's last word modifies,
            # ending in the head of a body's name, go on with it
            head = doc[end - 1].head
            if end <= head.i <= end + 2 and head.lemma_.lower() in _BODY_NAME_HEADS and head.is_title \
                    and all(t.is_title and t.dep_ == "compound" and t.head == head and not t.ent_type_
                            for t in doc[end:head.i]) and not head.ent_type_:
                ent = Span(doc, ent.start, head.i + 1, label=ent.label_)
        if ent.label_ in {"ORG", "LAW", "EVENT", "WORK_OF_ART"} and ent.end < len(doc) and doc[ent.end].lower_ == "and" \
                and any(t.pos_ == "ADP" for t in ent[1:]) and ent[-1].is_title:
            # "the Thailand-Japan Partnership on Semiconductors" + "and AI Investment": the parse
            # coordinates inside the name's complement
            j = ent.end + 1
            while j < len(doc) and (doc[j].is_title or doc[j].is_upper) and doc[j].is_alpha \
                    and doc[j].ent_type_ not in {"GPE", "LOC", "DATE", "PERSON", "NORP", "TIME"}:
                j += 1
            added = doc[ent.end + 1:j]
            root = added.root if len(added) else None
            if root is None or root.dep_ != "conj" or not ent.start <= root.head.i < ent.end \
                    or (name_head(ent.text) or ent[-1].lower_) not in _TEXT_LIKE_HEADS \
                    or (gaz is not None and gaz.lookup(added.text) is not None) \
                    or (j < len(doc) and doc[j].pos_ in {"VERB", "AUX"}):
                j = ent.end  # ("the Center for AI Safety and Google": two names)
            if j > ent.end:
                while k + 1 < len(ents) and ents[k + 1].start < j:
                    k += 1
                    j = max(j, ents[k].end)
                ent = Span(doc, ent.start, j, label=ent.label_)
        gap = doc[out[-1].end:ent.start] if out and out[-1].end <= ent.start else None
        if gap is not None and ent.label_ == "CONCEPT" and out[-1].label_ not in NON_ENTITY_LABELS \
                and out[-1].label_ != "CONCEPT" and len(out[-1]) >= 2 and doc[ent.start - 1].is_title \
                and any(t.pos_ == "ADP" for t in out[-1]) and len(gap) <= 3 and (
                    not len(gap) or gap[0].lower_ == "and" and all(t.is_title for t in gap[1:])):
            # ("… Declaration on Ethical" + "and Inclusive" + "Artificial Intelligence": one title)
            # "Dakar Call to Action on Ethical" + "Artificial Intelligence": a concept's words inside a
            # titled name go on with it
            out[-1] = Span(doc, out[-1].start, ent.end, label=out[-1].label_)
            k += 1
            continue
        if out and out[-1].end == ent.start and ent.label_ not in NON_ENTITY_LABELS \
                and out[-1].label_ not in NON_ENTITY_LABELS and ent.label_ in {"ORG", "LAW", "EVENT", "WORK_OF_ART"}:
            words = [t for t in out[-1] if t.lower_ != "the"]
            if len(words) == 1 and words[0].is_title and words[0].lower_ in _NAME_OPENING_ADJECTIVES:
                # "the National" + "Artificial Intelligence Strategy": an adjective the NER left behind
                out[-1] = Span(doc, out[-1].start, ent.end, label=ent.label_)
                k += 1
                continue
        if out and out[-1].end == ent.start and ent.label_ not in NON_ENTITY_LABELS \
                and out[-1].label_ not in NON_ENTITY_LABELS:
            # two adjacent spans that together are one known name: "the People's" + "Republic of China"
            joined = Span(doc, out[-1].start, ent.end, label=ent.label_)
            if gaz is not None and gaz.lookup(joined.text) is not None \
                    and gaz.lookup(ent.text) != gaz.lookup(joined.text):
                out[-1] = joined
                k += 1
                continue
        out.append(ent)
        k += 1
    return out


#: Heads of names of texts and programmes, whose topic may be coordinated ("Partnership on X and Y").
_TEXT_LIKE_HEADS = set(DOCUMENT_NOUNS) | set(EVENT_NOUNS) | {"partnership", "initiative", "programme", "program",
                                                            "dialogue", "principles", "guidelines", "process"}

#: Adjectives that open names of plans and bodies, which the NER sometimes cuts off ("National").
_NAME_OPENING_ADJECTIVES = {"national", "federal", "global", "international", "regional", "joint", "continental"}

#: Last words of the names of bodies ("… Environment Programme", "… Development Bank").
_BODY_NAME_HEADS = {"programme", "program", "agency", "office", "fund", "institute", "council", "commission",
                    "organization", "organisation", "bank", "authority", "secretariat", "foundation", "bureau"}


def _titled_and(doc: Doc, j: int, start: int | None = None) -> int:
    """Past "and" and title-cased words that go on a name: "… of Artificial Intelligence *and Autonomy*",
    "Statement on Artificial Intelligence *and Digital Trust*" (words the NER took for an organisation,
    but the parse coordinates inside the name that starts at ``start``)."""
    while j + 1 < len(doc) and doc[j].lower_ == "and" and doc[j + 1].is_title \
            and doc[j + 1].ent_type_ not in {"GPE", "LOC", "DATE", "PERSON", "NORP", "TIME"}:
        k = j + 1
        while k < len(doc) and doc[k].is_title and doc[k].ent_type_ not in {"GPE", "PERSON", "DATE"}:
            k += 1
        if k < len(doc) and (doc[k].pos_ in {"VERB", "AUX"} or doc[k].is_title):
            break  # ("… Intelligence and Canada signed": a new clause)
        if doc[j + 1].ent_type_ == "ORG":
            root = next((t for t in doc[j + 1:k] if not j + 1 <= t.head.i < k), None)
            if start is None or root is None or root.dep_ != "conj" or not start <= root.head.i < j:
                break  # ("… on AI and Google": another name)
        j = k
    return j


def _ends_in_acronym(doc: Doc, i: int) -> bool:
    """Whether the entity span through token ``i`` ends in an acronym ("Trustworthy AI")."""
    end = i
    while end + 1 < len(doc) and doc[end + 1].ent_iob_ == "I":
        end += 1
    return doc[end].is_upper and len(doc[end]) >= 2


_NAMED_THING_LABELS = {"ORG", "LAW", "WORK_OF_ART", "EVENT", "PRODUCT", "FAC", "GPE"}
#: Head nouns of names that go on with a titled complement ("Framework on Responsible AI").
_NAME_HEADS_TAKING_PP = {"framework", "convention", "declaration", "agreement", "strategy", "initiative", "charter",
                         "partnership", "compact", "roadmap", "code", "principles", "network", "coalition",
                         "centre", "center", "institute", "council", "commission", "fund", "programme", "program",
                         "summit", "forum", "dialogue", "alliance", "treaty", "accord", "pact", "plan",
                         "recommendation", "resolution", "statement", "act", "pledge", "guidelines", "communiqué",
                         "congress", "parliament", "assembly", "house", "chamber", "court", "ministry", "department",
                         "office", "organisation", "organization", "league", "bank", "agency", "authority",
                         "protocol", "directive", "regulation", "memorandum", "group", "panel", "committee",
                         "board", "taskforce", "observatory", "consortium", "laboratory", "association",
                         "foundation", "federation", "confederation", "society", "union", "movement", "party",
                         "secretariat", "bureau", "mission", "trust", "platform"}


def _split_span(ent: Span, gaz: Gazetteer) -> list[Span]:
    """Split an NER span that runs two names together: "OpenAI's Sam Altman" (at the possessive) or
    "the UN Fu Cong" (a known name followed by more capitalised words). The part after a known name
    keeps the NER label; :func:`_retype_people` decides later whether it is a person."""
    doc = ent.doc
    if gaz.lookup(ent.text) is not None:
        return [ent]  # one known name: "the People's Republic of China"
    for t in ent:
        if t.tag_ == "POS" and ent.start < t.i < ent.end - 2 and not (
                doc[t.i - 1].lower_ in _COLLECTIVE_POSSESSORS and doc[ent.start:t.i - 1].text.lower() in {"", "the"}):
            # (not "the People's Reform Alliance", "the Workers' Party of X": one name)
            right = Span(doc, t.i + 1, ent.end, label=ent.label_)
            if _org_type(right.text) == "Organisation" or name_head(right.text) in DOCUMENT_NOUNS:
                # "OpenAI's Sam Altman", "the Council of Europe's Framework Convention on AI" (the
                # possessor and the document are two entities); not "King's College" (one word after)
                return [Span(doc, ent.start, t.i, label=ent.label_), *(_split_span(right, gaz))]
    for t in ent:
        # "Cyprus and Malta": two known names joined by "and" (one list, not one name)
        if t.lower_ == "and" and ent.start < t.i < ent.end - 1 and gaz.lookup(ent.text) is None:
            left, right = doc[ent.start:t.i], doc[t.i + 1:ent.end]
            known = [gaz.lookup(x.text) for x in (left, right)]
            if all(k is not None and k.type in {"Country", "InternationalOrganisation"} for k in known):
                return [Span(doc, ent.start, t.i, label="GPE"), Span(doc, t.i + 1, ent.end, label="GPE")]
    for t in ent:
        # "National Police Chiefs' Council and College of Policing": two names joined by "and"
        if t.lower_ == "and" and ent.label_ in {"ORG", "PERSON"} and t.i - ent.start >= 2 and ent.end - t.i - 1 >= 2:
            left, right = doc[ent.start:t.i], doc[t.i + 1:ent.end]
            if _org_type(left.text) != "Organisation" and _org_type(right.text) != "Organisation" and (
                    ent.label_ == "ORG" or _org_type(left.text) == _org_type(right.text) == "Company"):
                return [Span(doc, ent.start, t.i, label="ORG"), Span(doc, t.i + 1, ent.end, label="ORG")]
    # a known name run into a person's after a title ("Ambassador to the UN Fu Cong"); without a title
    # before, the longer name is one name ("ASEAN Digital Watch", "UK AI Security Institute")
    titled = any(gaz.titles.kind(t.text) for t in doc[max(0, ent.start - 4):ent.start])
    if gaz.lookup(ent.text) is None and len(ent) >= 3 and titled:
        for cut in range(ent.end - 2, ent.start, -1):  # longest known prefix first
            prefix = doc[ent.start:cut]
            rest = doc[cut:ent.end]
            if gaz.lookup(prefix.text) is not None and all(t.is_title for t in rest) and len(rest) <= 3:
                return [Span(doc, ent.start, cut, label=ent.label_), Span(doc, cut, ent.end, label=ent.label_)]
    return [ent]


def _after_title(doc: Doc, start: int, gaz: Gazetteer) -> bool:
    """Whether a name follows an office title: "Vice-Premier Zhao", "Ambassador to the UN Fu Cong"."""
    i = start - 1
    if i >= 0 and doc[i].is_title and "government" in gaz.titles.kind(doc[i].text):
        return True
    # "<title> to/of the <organisation> <name>"
    while i >= 0 and doc[i].is_title and gaz.lookup(doc[i].text) is not None:
        i -= 1
    if i >= 0 and doc[i].lower_ == "the":
        i -= 1
    if i >= 1 and doc[i].lower_ in {"to", "of", "at"} and i < start - 1:
        return bool(doc[i - 1].is_title and "government" in gaz.titles.kind(doc[i - 1].text))
    return False


#: Prepositions inside an office's portfolio: "Minister *for* Enterprise", "Special Rapporteur *on* the
#: rights *to* freedom *of* assembly".
_PORTFOLIO_PREPOSITIONS = {"of", "for", "on", "to", "at"}


def comma_title_before(doc: Doc, start: int, gaz: Gazetteer) -> list[Token]:
    """The office title set off by a comma right before the name at ``start``, read from the words
    rather than the parse (portfolios with commas defeat the parser): "Japan's vice-minister of economy,
    trade and industry, *Kenji Moriyama*"; "Malaysia's investment, trade and industry minister, *Aziz
    Hamid*"; "The Cabinet Secretary for ICT, *Joseph Langat*". Empty when there is none.

    A comma inside the title must be followed by "and" before the title ends (a list of portfolios);
    any other comma ends it ("In Tokyo, the minister, …" → "the minister").
    """
    if start < 2 or doc[start - 1].text != ",":
        return []
    sent_start = doc[start].sent.start

    def word(t: Token) -> bool:
        return t.pos_ in {"NOUN", "PROPN", "ADJ", "CCONJ"} or t.tag_ == "HYPH" or t.lower_ in _PORTFOLIO_PREPOSITIONS \
            or t.lower_ == "the"

    def comma_in_list(i: int, end: int) -> bool:  # a comma followed by "and" before ``end``
        return any(doc[j].lower_ in {"and", "&"} for j in range(i + 1, end))

    i = start - 2
    title = None
    while i >= sent_start and start - i <= 16:
        t = doc[i]
        if t.pos_ in {"NOUN", "PROPN"} and t.ent_type_ != "PERSON" and gaz.titles.kind(t.text):
            title = i
            break
        if not (word(t) or t.text == "," and comma_in_list(i, start - 1)) or t.ent_type_ == "PERSON":
            return []
        i -= 1
    if title is None:
        return []
    i = title - 1  # the title's own modifiers: "Japan's vice-", "the Commission's executive", "her Brazilian"
    while i >= sent_start:
        t = doc[i]
        if t.tag_ in {"PRP$", "DT", "WP$"}:
            i -= 1
            break
        if t.ent_type_ == "PERSON" or not (t.pos_ in {"NOUN", "PROPN", "ADJ", "CCONJ", "PART"} or t.tag_ in {"HYPH", "POS"}
                                           or t.text == "," and comma_in_list(i, title)):
            break
        if t.tag_ == "POS":  # a possessor opens the title: "…, and Italy's undersecretary for …" (not what
            i = t.head.left_edge.i - 1 if t.head.i < t.i else i - 2  # comes before the possessor)
            break
        i -= 1
    phrase = [t for t in doc[i + 1:start - 1] if not t.is_punct or t.tag_ == "HYPH"]
    while phrase and phrase[0].pos_ == "CCONJ":
        phrase = phrase[1:]
    return phrase


#: Lower-case particles inside personal names ("Anneke de Vries", "Ursula von der Leyen").
_NAME_PARTICLES = {"de", "van", "von", "der", "den", "da", "di", "du", "dos", "del", "la", "le", "bin", "binti",
                   "al", "el", "ter", "ten"}


#: Verbs whose theme is a gathering: what is hosted, attended or convened is an event.
GATHERING_VERBS = {"host", "attend", "convene", "hold", "organise", "organize", "stage", "open", "close",
                   "gather", "meet"}


def _retype_gatherings(doc: Doc, mentions: list[EntityMention]) -> list[EntityMention]:
    """Names the NER typed as organisations, with an event's head word, that the text shows are events:
    "the Global Forum on AI Governance, which was hosted by China" (but the Pacific Islands Forum,
    which issues statements and has members, stays an organisation)."""
    def gathered(m: EntityMention) -> bool:
        span = doc[m.start:m.end]
        root = span.root
        verbs = [root.head] if root.dep_ in {"dobj", "nsubjpass"} else []
        if root.dep_ == "pobj" and root.head.lower_ == "for" and root.head.head.lemma_.lower() in {"gather", "meet"}:
            verbs.append(root.head.head)  # "delegates gathered in Beijing for the Global Forum …"
        # "…, which was hosted by X", "a forum hosted by X": the clause on the name (or on its last word)
        verbs += [c for t in span for c in t.children if c.dep_ in {"relcl", "acl"} and c.i >= m.end]
        verbs += [c for v in list(verbs) for c in v.conjuncts]  # "hosted by X and attended by Y"
        after = doc[m.end:m.end + 7]
        if len(after) >= 3 and after[0].text == "," and after[1].lower_ in {"a", "an"}:
            # "the Africa Regional Forum on AI, a three-day meeting convened by …" (as apposition or, as
            # the small model often parses it, a second object)
            noun = next((t for t in after[2:] if t.pos_ in {"NOUN", "VERB", "AUX", "ADP"} and t.tag_ != "HYPH"
                         and not (t.pos_ == "NOUN" and t.dep_ == "compound")), None)
            if noun is not None and noun.pos_ == "NOUN" and noun.lemma_.lower() in EVENT_NOUNS:
                return True
        return any(v.lemma_.lower() in GATHERING_VERBS for v in verbs)

    events = {m.key: EVENT_NOUNS[name_head(m.label)] for m in mentions
              if m.type in {"Organisation", "InternationalOrganisation"} and m.how == "ner"
              and name_head(m.label) in EVENT_NOUNS and gathered(m)}
    return [EntityMention(m.start, m.end, entity_key(events[m.key], m.label), m.label, events[m.key], m.how, m.country)
            if m.key in events else m for m in mentions]


#: Nouns that, in apposition, say a name is a text (not "initiative" or "programme", which bodies are too).
_TEXT_APPOSITIONS = {"framework", "agreement", "accord", "pact", "treaty", "declaration", "charter", "memorandum",
                     "convention", "protocol", "statement", "roadmap", "strategy", "code", "resolution", "law",
                     "bill", "act", "regulation", "report", "compact", "deal"}


def _retype_texts(doc: Doc, mentions: list[EntityMention]) -> list[EntityMention]:
    """Names the NER typed as organisations that an apposition calls a text: "the Thailand-Japan
    Partnership on Semiconductors and AI Investment, a five-year framework that …" is a document that
    was signed, not a body."""
    texts = {}
    for m in mentions:
        if m.how != "ner" or m.type not in {"Organisation", "Company"}:
            continue
        root = doc[m.start:m.end].root
        head = name_head(m.label)
        if head in ORGANISATION_NOUNS or head in _BODY_NAME_HEADS or head in {
                "coalition", "alliance", "consortium", "association", "group", "union"}:
            continue  # ("the AI Skills Coalition, a joint initiative": a body all the same)
        kinds = [DOCUMENT_NOUNS[c.lemma_.lower()] for c in root.children
                 if c.dep_ == "appos" and c.i >= m.end and c.pos_ == "NOUN" and c.lemma_.lower() in _TEXT_APPOSITIONS
                 and any(d.lower_ in {"a", "an"} for d in c.children if d.dep_ == "det")]
        if kinds:
            texts[m.key] = kinds[0]
    return [EntityMention(m.start, m.end, entity_key(texts[m.key], m.label), m.label, texts[m.key], m.how, m.country)
            if m.key in texts else m for m in mentions]


#: Lower-case words inside a title ("Renting the Future", "Closing the Gap in AI Skills").
_TITLE_FUNCTION_WORDS = {"the", "of", "and", "for", "in", "on", "to", "a", "an", "by", "with", "at", "from"}


_NOT_TITLE_ENTS = {"DATE", "TIME", "GPE", "PERSON", "NORP", "LOC", "CARDINAL", "ORDINAL", "MONEY", "PERCENT"}


def _untagged_text_titles(doc: Doc, mentions: list[EntityMention]) -> list[EntityMention]:
    """Titles the NER left untagged that an apposition calls a text: "according to Renting the Future, a
    report released on Wednesday by the Meridian Institute" names a report "Renting the Future".
    Capitalised words (and the small words between them) right before ", a report" (or another text
    noun from ``_TEXT_APPOSITIONS``), overlapping no name already found."""
    covered = {i for m in mentions for i in range(m.start, m.end)}
    added = []
    for noun in doc:
        if noun.pos_ != "NOUN" or noun.lemma_.lower() not in _TEXT_APPOSITIONS or noun.tag_ != "NN" \
                or not any(c.dep_ == "det" and c.lower_ in {"a", "an"} for c in noun.children):
            continue
        comma = noun.left_edge.i - 1
        if comma < 2 or doc[comma].text != ",":
            continue
        start = comma
        while start > noun.sent.start and (doc[start - 1].is_title or doc[start - 1].lower_ in _TITLE_FUNCTION_WORDS
                                           and start - 1 > noun.sent.start and doc[start - 2].text not in {",", "("}):
            start -= 1
        while start < comma and doc[start].lower_ in _TITLE_FUNCTION_WORDS:
            start += 1  # (a title opens with a capital)
        words = [t for t in doc[start:comma] if t.is_alpha]
        if len(words) < 2 or start == noun.sent.start or any(i in covered for i in range(start, comma)) \
                or not doc[start].is_title or sum(t.is_title for t in words) < 2 \
                or any(t.ent_type_ in _NOT_TITLE_ENTS for t in words):
            continue  # (a sentence's opening capital is no title, nor are "In June", "Minister Ana Lopez")
        label = doc[start:comma].text
        kind = DOCUMENT_NOUNS.get(noun.lemma_.lower(), "Document")
        added.append(EntityMention(start, comma, entity_key(kind, label), label, kind, "titled"))
        covered |= set(range(start, comma))
    return sorted(mentions + added, key=lambda m: m.start) if added else mentions


def _untagged_headed_titles(doc: Doc, mentions: list[EntityMention]) -> list[EntityMention]:
    """Titles of texts the NER left untagged that a capitalised text noun heads: "approving the Law on
    Algorithmic Systems", "the Code of Practice for Public Algorithms": "the", the head, then "on", "of" or
    "for" and capitalised words (with the small words between them) to the title's end."""
    covered = {i for m in mentions for i in range(m.start, m.end)}
    added = []
    for head in doc:
        kind = DOCUMENT_NOUNS.get(head.lower_)
        if kind is None or not head.is_title or head.i in covered or head.i == head.sent.start \
                or head.i + 2 >= len(doc) or doc[head.i - 1].lower_ != "the" \
                or doc[head.i + 1].lower_ not in {"on", "of", "for"} or not doc[head.i + 2].is_title:
            continue
        end = head.i + 2
        while end < head.sent.end and (doc[end].is_title or doc[end].is_upper and doc[end].is_alpha
                                       or doc[end].lower_ in {"and", "of", "the", "for", "in", "on"}
                                       and end + 1 < head.sent.end and doc[end + 1].is_title):
            end += 1
        if any(i in covered for i in range(head.i, end)) \
                or any(t.ent_type_ in _NOT_TITLE_ENTS - {"GPE", "NORP"} for t in doc[head.i:end]):
            continue
        label = doc[head.i:end].text
        added.append(EntityMention(head.i, end, entity_key(kind, label), label, kind, "titled"))
        covered |= set(range(head.i, end))
    return sorted(mentions + added, key=lambda m: m.start) if added else mentions


#: Words that open the names of banks, firms and bodies in other languages ("Banco Cordillera", "Grupo
#: Andino", "Fundación Karisma"), which the English tagger takes for people or places.
FOREIGN_BODY_WORDS = {"banco": "Company", "banca": "Company", "banque": "Company", "grupo": "Company",
                      "groupe": "Company", "gruppo": "Company", "compañía": "Company", "companhia": "Company",
                      "fundación": "Organisation", "fundação": "Organisation", "fondation": "Organisation",
                      "fondazione": "Organisation", "stiftung": "Organisation", "instituto": "ResearchInstitute",
                      "institut": "ResearchInstitute", "istituto": "ResearchInstitute",
                      "universidad": "ResearchInstitute", "universidade": "ResearchInstitute",
                      "université": "ResearchInstitute", "università": "ResearchInstitute",
                      "colectivo": "Organisation", "coletivo": "Organisation", "asociación": "Organisation",
                      "associação": "Organisation", "association": "Organisation"}


#: Small words inside names, which an acronym may spell or skip ("Rassemblement *pour* l'Avenir (RPA)",
#: "Alliance Citoyenne *pour la* Démocratie (ACD)").
_ACRONYM_SKIPPABLE = {"de", "du", "des", "la", "le", "les", "l'", "l’", "d'", "d’", "pour", "et", "of", "for", "the",
                      "and", "on", "da", "do", "dos", "das", "del", "em", "y", "e", "für", "und", "der", "van", "von"}


def _names_spelled_by_acronyms(doc: Doc, mentions: list[EntityMention]) -> list[EntityMention]:
    """A name the text defines by its acronym is one name, however the tagger cut it: "the Agence française
    de développement (AFD)" (tagged "Agence" a person), "the Alliance Citoyenne pour la Démocratie (ACD)".
    The words before the brackets whose first letters spell the acronym, small words spelt or skipped,
    make the name; it is an organisation of the kind its words say."""
    out = list(mentions)
    for close in doc:
        if close.text != ")" or close.i < 3 or doc[close.i - 2].text != "(":
            continue
        acronym = doc[close.i - 1].text
        if not (acronym.isalpha() and acronym.isupper() and 2 <= len(acronym) <= 6):
            continue
        start = _acronym_start(doc, close.i - 2, acronym)
        if start is None:
            continue
        lo = start - 1 if start > 0 and doc[start - 1].lower_ == "the" else start  # ("the National …" tagged)
        inside = [m for m in out if lo <= m.start < close.i - 2 or start < m.end <= close.i - 2]
        if not inside or len(inside) == 1 and inside[0].start in {lo, start} and inside[0].end == close.i - 2 \
                or any(m.start < lo or m.end > close.i - 2 for m in inside) \
                or any(m.how == "gazetteer" or m.type in {"Country", "City", "Region"} for m in inside):
            continue  # (named whole already; or a known name inside: "the UN Development Programme (UNDP)")
        if start > 0 and doc[start - 1].text[:1].isupper() and doc[start - 1].lower_ != "the" \
                and doc[start - 1].i != doc[start - 1].sent.start:
            continue  # (the name starts before what its acronym spells: "the ASEAN Digital Economy Framework
            # Agreement (DEFA)")
        label = doc[start:close.i - 2].text
        head = name_head(label)
        if Gazetteer.load().titles.kind(head):
            continue  # ("the Chief Executive Officer (CEO)": an office, not a body)
        kind = DOCUMENT_NOUNS.get(head) or EVENT_NOUNS.get(head) or (
            _org_type(label) if _org_type(label) != "Organisation" else None) or next(
            (m.type for m in inside if m.type not in {"Person", "Place", "Concept", "Group"}
             and type_group(m.type) == "Actor"), None) or "Organisation"
        out = [m for m in out if m not in inside]
        out.append(EntityMention(start, close.i - 2, entity_key(kind, label), label, kind, "ner"))
    return sorted(out, key=lambda m: m.start)


def _acronym_start(doc: Doc, before: int, acronym: str, max_words: int = 9) -> int | None:
    """Where the name that ``acronym`` spells ends right before token ``before`` starts, or None."""
    letters = acronym.lower()
    k, i = len(letters) - 1, before - 1
    while i >= 0 and before - i <= max_words and k >= 0:
        word = doc[i]
        text = re.split(r"['’]", word.text)[-1] or word.text  # ("l'Avenir": A)
        small = word.lower_ in _ACRONYM_SKIPPABLE
        if not (text.isalpha() or small):
            return None
        if text[:1].lower() == letters[k] and not (small and k == 0 and not word.text[:1].isupper()):
            k -= 1
            if k < 0:
                return i if word.text[:1].isupper() else None
        elif not small:
            return None
        i -= 1
    return None


def _retype_foreign_bodies(doc: Doc, mentions: list[EntityMention]) -> list[EntityMention]:
    """A name opening with a word for a bank, firm or foundation in another language is that body, whatever
    the tagger said ("Banco Cordillera" tagged a person)."""
    out = []
    for m in mentions:
        first = doc[m.start] if doc[m.start].lower_ != "the" or m.end - m.start < 2 else doc[m.start + 1]
        kind = FOREIGN_BODY_WORDS.get(first.lower_)
        if kind is not None and m.how == "ner" and m.type in {"Person", "Place", "City", "Region"} \
                and m.end - m.start >= 2 and first.text[:1].isupper():
            m = EntityMention(m.start, m.end, entity_key(kind, m.label), m.label, kind, "retyped")
        out.append(m)
    taken = {i for m in out for i in range(m.start, m.end)}
    for token in doc:  # (… and one the tagger missed altogether: "Banco Cordillera, Chile's fourth-largest lender")
        kind = FOREIGN_BODY_WORDS.get(token.lower_)
        head = token.head
        if kind is None or token.i in taken or token.pos_ != "PROPN" or not token.is_title \
                or token.dep_ != "compound" or not token.i < head.i <= token.i + 3 \
                or not all(t.pos_ == "PROPN" and t.text[:1].isupper() and t.i not in taken for t in doc[token.i:head.i + 1]):
            continue
        label = doc[token.i:head.i + 1].text
        out.append(EntityMention(token.i, head.i + 1, entity_key(kind, label), label, kind, "titled"))
        taken |= set(range(token.i, head.i + 1))
    return sorted(out, key=lambda m: m.start)


#: Capitalised words that end a company's longer name ("Google *Cloud*", "Amazon Web *Services*").
COMPANY_NAME_HEADS = {"cloud", "services", "research", "labs", "technologies", "holdings", "capital", "ventures",
                      "systems", "electronics", "semiconductor", "semiconductors", "networks", "solutions", "robotics"}


def _extend_to_name_heads(doc: Doc, mentions: list[EntityMention]) -> list[EntityMention]:
    """A company's name the tagger cut short: in "Google Cloud competes with Microsoft, Amazon Web Services
    and Huawei Cloud" it tags "Google", "Amazon" and "Huawei" alone, as compounds of the capitalised nouns
    that head the real names. The name runs on to that head, and is a company of its own."""
    taken = {i for m in mentions for i in range(m.start, m.end)}
    out = []
    for m in mentions:
        last = doc[m.end - 1]
        head = last.head
        if m.type in {"Company", "Organisation"} and last.dep_ == "compound" and head.pos_ == "PROPN" \
                and m.end <= head.i <= m.end + 2 and not any(i in taken for i in range(m.end, head.i + 1)) \
                and all(t.pos_ == "PROPN" and t.text[:1].isupper() and not t.ent_type_ in {"GPE", "LOC", "NORP", "DATE"}
                        for t in doc[m.end:head.i + 1]) and head.lower_ in COMPANY_NAME_HEADS:
            label = doc[m.start:head.i + 1].text
            out.append(EntityMention(m.start, head.i + 1, entity_key("Company", label), label, "Company", m.how))
            taken |= set(range(m.end, head.i + 1))
        else:
            out.append(m)
    return out


def _retype_listed_people(doc: Doc, mentions: list[EntityMention]) -> list[EntityMention]:
    """A two- or three-word name the NER typed as a body or a place, listed among people: "Moira Callaghan,
    Trevor Haldane, Anand Desrosiers and Isabelle Fortin-Lavoie" (every other member a person, the name
    itself with no word of a body's or a place's name in it)."""
    by_token = {t: m for m in mentions for t in range(m.start, m.end)}
    out = []
    for m in mentions:
        words = doc[m.start:m.end]
        if doc[m.start].lower_ == "the":
            words = words[1:]
        if m.how == "ner" and m.type in {"Organisation", "Place", "Group"} and 2 <= len(words) <= 3 \
                and all(t.is_title and t.pos_ == "PROPN" for t in words) and _org_type(words.text) == "Organisation" \
                and not any(t.lower_ in _ORG_HEADS | _BODY_HEADS for t in words):
            others = [by_token.get(t.i) for t in words.root.conjuncts]
            if len(others) >= 2 and all(o is not None and o.type == "Person" for o in others):
                m = EntityMention(m.start, m.end, entity_key("Person", words.text), words.text, "Person", m.how)
        out.append(m)
    return out


def _retype_group_members(doc: Doc, mentions: list[EntityMention]) -> list[EntityMention]:
    """Two- or three-word names the NER typed as organisations that the European Parliament's notation
    shows are members: "Tomasz Wielgosz (S&D, PL)" — a person of a political group and a country."""
    by_start = {m.start: m for m in mentions}
    out = []
    for m in mentions:
        after = doc[m.end:m.end + 5]
        inner = by_start.get(m.end + 1)
        if m.how == "ner" and m.type == "Organisation" and 2 <= m.end - m.start <= 3 \
                and all(t.is_title for t in doc[m.start:m.end]) and len(after) == 5 and after[0].text == "(" \
                and inner is not None and inner.how == "gazetteer" and after[2].text == "," \
                and re.fullmatch(r"[A-Z]{2}", after[3].text) and after[4].text == ")":
            m = EntityMention(m.start, m.end, entity_key("Person", m.label), m.label, "Person", m.how)
        out.append(m)
    return out


#: Verbs whose direct object, if a one-word name, is a product: "launched FaceGate", "released Kindred".
PRODUCT_VERBS = {"release", "launch", "unveil", "ship", "debut"}


def _retype_products(doc: Doc, mentions: list[EntityMention]) -> list[EntityMention]:
    """One-word names the NER typed as organisations or places that the text shows are products: the
    direct object of "released" or "launched" ("RostroID launched FaceGate in 2023"). A place cannot be
    launched, and a body launched under a one-word name is rare beside the products that are."""
    products = {m.key: entity_key("Product", m.label) for m in mentions
                if m.how == "ner" and m.type in {"Organisation", "Company", "Place"} and m.end - m.start == 1
                and doc[m.start].dep_ == "dobj" and doc[m.start].head.lemma_.lower() in PRODUCT_VERBS}
    # … and a one-word name an apposition calls a product, whatever the NER took it for ("released Sangam, an
    # open speech model": no person)
    products.update({m.key: entity_key("Product", m.label) for m in mentions
                     if m.how == "ner" and m.type in {"Organisation", "Company", "Place", "Person"}
                     and m.end - m.start == 1 and any(
                         c.dep_ == "appos" and c.lemma_.lower() in PRODUCT_HEADS and c.i > m.start
                         and any(d.dep_ == "det" and d.lower_ in {"a", "an"} for d in c.children)
                         for c in doc[m.start].children)})
    return [EntityMention(m.start, m.end, products[m.key], m.label, "Product", m.how, m.country)
            if m.key in products and m.how == "ner" else m for m in mentions]


def _person_name_end(doc: Doc, m: EntityMention, start: int, honorific_surnames: set[str], gaz: Gazetteer) -> int:
    """Where a person's name the NER cut before its head ends: "Helena Moraes" + "Tavares". Never past a
    title inside it ("Dutch MEP Ruben" + "Vos"); a name typed as a body only when the article later
    calls it "Ms Moraes Tavares"."""
    end = m.end
    while end < len(doc) and doc[end - 1].dep_ == "compound" and doc[end - 1].head.i >= end \
            and doc[end].pos_ == "PROPN" and doc[end].is_title and not doc[end].ent_type_ and end - start < 4:
        end += 1
    span = doc[m.start:end]
    if end == m.end or any(gaz.titles.kind(t.text) or t.text in gaz.titles.honorifics or t.ent_type_ == "NORP"
                           or gaz.country_of_demonym(t.text) for t in span):
        return m.end
    if m.type != "Person" and not (span[-1].text in honorific_surnames and _org_type(span.text) == "Organisation"):
        return m.end
    return end


def _untagged_people(doc: Doc, mentions: list[EntityMention], gaz: Gazetteer) -> list[EntityMention]:
    """A name the tagger missed, with a person's title in apposition: "Raivo Sepp, an Isamaa member of
    the national defence committee, criticised …" (two to four capitalised words, none taken, the last
    one heading an apposition whose head is a title or a member of a body)."""
    taken = {i for m in mentions for i in range(m.start, m.end)}
    out = list(mentions)
    for head in doc:
        if head.pos_ != "PROPN" or head.i in taken or not head.is_title or head.ent_type_ in {"GPE", "LOC", "NORP", "DATE"}:
            continue
        titles = [c for c in head.children if c.dep_ == "appos" and c.pos_ == "NOUN" and c.i > head.i
                  and (gaz.titles.kind(c.text) or c.lemma_.lower() in {"member", "researcher", "lawmaker", "activist"})]
        words = [c for c in head.lefts if c.dep_ in {"compound", "flat"}] + [head]
        if not titles or not 2 <= len(words) <= 4 or words[0].i + len(words) - 1 != head.i \
                or not all(w.pos_ == "PROPN" and w.is_title and w.i not in taken for w in words) \
                or any(gaz.titles.kind(w.text) or w.text in gaz.titles.honorifics or gaz.lookup(w.text) is not None
                       for w in words):
            continue
        label = normalise_name(doc[words[0].i:head.i + 1].text)
        out.append(EntityMention(words[0].i, head.i + 1, entity_key("Person", label), label, "Person", "ner"))
        taken |= set(range(words[0].i, head.i + 1))
    return sorted(out, key=lambda m: m.start)


def _retype_people(doc: Doc, mentions: list[EntityMention], gaz: Gazetteer) -> list[EntityMention]:
    """Names the statistical NER typed as places or organisations but the text shows are people:

    - the article later calls them "Mr/Ms/Dr <last name>" ("Marcus Feld … Mr Feld said");
    - they stand in apposition to an office or job title ("Marcus Feld, Germany's federal minister";
      "Its chief executive, Park Seo-jun"), or right after one ("Google DeepMind's chief Demis Hassabis").
    """
    honorific_surnames = set()
    for m in mentions:
        words = doc[m.start:m.end]
        if m.type == "Person" and len(words) >= 2 and words[0].text in gaz.titles.honorifics:
            honorific_surnames.add(words[-1].text)
    out = []
    for m in mentions:
        start = m.start
        while start > 0 and doc[start - 1].dep_ == "compound" and doc[start - 1].head.i < m.end \
                and doc[start - 1].pos_ == "PROPN" and doc[start - 1].is_title and (
                    not doc[start - 1].ent_type_ or m.type == "Place" and doc[start - 1].ent_type_ == "GPE"
                    and doc[start - 1].ent_iob_ == "B" and gaz.lookup(doc[start - 1].text) is None
                    and gaz.country_of_capital(doc[start - 1].text) is None and not gaz.is_region(doc[start - 1].text)):
            # "Ana Costa" tagged as the place "Costa": take the whole name ("Marta" + "Zielińska", two
            # places to the tagger, are one name where neither is a place kg knows)
            start -= 1
        capital = gaz.country_of_capital(doc[start:m.end].text) if start < m.start else None
        if capital is not None and m.how == "ner":
            # "Santo Domingo was ready to …": "Domingo" tagged as a person is, whole, a capital
            city = doc[start:m.end].text
            out.append(EntityMention(start, m.end, entity_key("City", city), city, "City", "capital", capital.key))
            continue
        end = _person_name_end(doc, m, start, honorific_surnames, gaz) if m.how == "ner" else m.end
        if end > m.end:
            name = normalise_name(doc[m.start:end].text)
            m = EntityMention(m.start, end, entity_key("Person", name), name, "Person", "ner")
        span = doc[start:m.end]
        if m.how == "ner" and m.type == "Person" and start < m.start and len(span) <= 4 and not any(
                gaz.titles.kind(t.text) or t.text in gaz.titles.honorifics or gaz.lookup(t.text) is not None
                or gaz.country_of_demonym(t.text) or t.lower_ in {"general", "vice", "prime", "foreign", "home"}
                for t in doc[start:m.start]) and not (start > 0 and doc[start - 1].tag_ == "HYPH"):
            # "Hany Mansour" tagged as "Mansour" alone: the given name belongs to the name
            name = normalise_name(span.text)
            m = EntityMention(start, m.end, entity_key("Person", name), name, "Person", "ner")
        if m.how == "ner" and m.type != "Person" and len(span) >= 2 \
                and all(t.is_title or "-" in t.text or t.lower_ in _NAME_PARTICLES for t in span) \
                and type_group(m.type) in {"Actor", "Place", "Product"} and m.type not in {"Country", "City"} \
                and _org_type(span.text) == "Organisation":
            head = span.root
            titled = any(gaz.titles.kind(t.text) for t in head.children if t.dep_ == "appos") or (
                # "Margit Svensson is a senior fellow at …"
                head.dep_ == "nsubj" and head.head.lemma_ == "be"
                and any(gaz.titles.kind(a.text) for a in head.head.children if a.dep_ == "attr")) or (
                head.dep_ == "appos" and gaz.titles.kind(head.head.text)) or _after_title(doc, start, gaz) or (
                bool(comma_title_before(doc, start, gaz)) and not _portfolio_title_before(doc, start))
            if span[-1].text in honorific_surnames or titled:
                name = normalise_name(span.text)
                m = EntityMention(start, m.end, entity_key("Person", name), name, "Person", "ner")
        out.append(m)
    people = [m for m in out if m.type == "Person"]
    # (the given name the tagger took for a place of its own is now inside the person's name)
    return [m for m in out if m.type == "Person" or not any(p.start <= m.start and m.end <= p.end and p is not m
                                                              for p in people)]


#: Last words of a name that no person's name ends in ("Severn *Photonics*", "Hoshino *Electric*").
BODY_NAME_ENDINGS = COMPANY_NAME_HEADS | {"photonics", "electric", "compute", "computing", "vision", "silicon",
                                          "analytics", "dynamics", "ai", "digital", "software", "microelectronics",
                                          "devices", "industries", "group", "partners", "bank", "university"}


def _one_sense_per_name(doc: Doc, mentions: list[EntityMention], gaz: Gazetteer) -> list[EntityMention]:
    """One name, one referent within a story: the tagger reads each mention of "Stichting Datavrij" on its
    own, and may call the same words a foundation in one sentence and a person in another. A name of two
    or more words the tagger typed differently takes the type most of its mentions outside the headline
    have (the first one's on a tie; a headline's title case misleads the tagger). A name that ends in a
    body's word or a place, or is a region's ("Severn Photonics", "ETH Zurich", "Nuevo León"), is no person's
    where any mention says so."""
    groups: dict[tuple[int, str], list[int]] = {}
    for k, m in enumerate(mentions):
        if m.key and len(m.label.split()) >= 2 and m.how in {"ner", "retyped", "titled", "gazetteer"}:
            groups.setdefault((story_start(doc, m.start), m.label), []).append(k)
    out = list(mentions)
    headline_end = _headline_end(doc)
    for ks in groups.values():
        keys = {mentions[k].key for k in ks}
        if len(keys) < 2:
            continue
        votes: dict[str, list] = {}
        for k in ks:
            if mentions[k].start >= headline_end:
                votes.setdefault(mentions[k].key, [0, mentions[k]])[0] += 1
        if not votes:
            continue
        label = mentions[ks[0]].label
        last = label.split()[-1]
        bodies = {k: v for k, v in votes.items() if v[1].type != "Person"}
        if bodies and (last.lower() in BODY_NAME_ENDINGS or gaz.lookup(last) is not None or gaz.is_region(label)):
            # (a state or province is no person either: "Nuevo León")
            votes = bodies
        winner = max(votes.values(), key=lambda v: (v[0], -v[1].start))[1]
        for k in ks:
            m = mentions[k]
            if m.key != winner.key and m.how == "ner":
                out[k] = EntityMention(m.start, m.end, winner.key, winner.label, winner.type, m.how, winner.country)
    return out


def _capitalised_portfolio_before(token: Token, gaz: Gazetteer) -> list[Token]:
    """A capitalised title with its portfolio right before a name: "Brazilian Minister of Science,
    Technology and Innovation Helena Costa", "Vice Minister of Science and Technology Zhou Wenhai",
    "UN Assistant Secretary-General for Digital Cooperation Ravi Menon"."""
    doc = token.doc
    i = token.i - 1
    words: list[Token] = []
    while i >= token.sent.start and token.i - i <= 14 and doc[i].ent_type_ != "PERSON" and (
            doc[i].is_title or doc[i].text.isupper() or doc[i].tag_ == "HYPH" or doc[i].lower_ in {"of", "for", "and", "&", ","}
            and words and words[0].is_title):
        words.insert(0, doc[i])
        i -= 1
    while words and not (words[0].is_title or words[0].text.isupper()):
        words.pop(0)
    title_at = next((k for k, w in enumerate(words) if gaz.titles.kind(w.text) and w.pos_ in {"NOUN", "PROPN"}), None)
    if title_at is None or not any(w.lower_ in {"of", "for"} for w in words[title_at:]):
        return []  # (a portfolio is what makes the run a title: "Minister *of* Science")
    return [w for w in words if w.text not in gaz.titles.honorifics and w.text != ","]


def title_before(token: Token, gaz: Gazetteer) -> tuple[str, list[Token]]:
    """The office title written right before a name ("Foreign Secretary" in "Foreign Secretary James
    Cleverly"), lower-cased, and the modifier tokens in front of it (demonyms, countries, organisations).
    """
    doc = token.doc
    i = token.i - 1
    words: list[Token] = []
    while i >= 0 and doc[i].ent_type_ != "PERSON" and not doc[i].is_punct and doc[i].pos_ in {"PROPN", "NOUN", "ADJ"}:
        words.insert(0, doc[i])
        i -= 1
    # drop honorifics; keep only a chain that contains a title head noun
    words = [w for w in words if w.text not in gaz.titles.honorifics]
    if not any(gaz.titles.kind(w.text) for w in words):
        words = _capitalised_portfolio_before(token, gaz)
        if not words:
            return "", []
    # (a demonym the NER took for a person, "Bangladeshi Prime Minister", is still a modifier)
    modifiers = [w for w in words if (w.ent_type_ and w.ent_type_ != "PERSON") or gaz.country_of_demonym(w.text)]
    title_words = [w for w in words if w not in modifiers]
    title = " ".join(w.lower_ for w in title_words)
    for abbr, full in gaz.titles.abbreviations.items():
        title = re.sub(rf"\b{re.escape(abbr.lower())}\b", full, title)
    return title, modifiers


def _untagged_titled_people(doc: Doc, mentions: list[EntityMention], gaz: Gazetteer) -> list[EntityMention]:
    """Names the NER missed that stand in apposition to an office or job title: "Nigeria's Minister of
    Communications, Adaeze Okonkwo-Bello, said" or "Adaeze Okonkwo-Bello, the minister, said". The name
    is a run of two to four capitalised proper nouns (hyphenated parts included) that no mention covers."""
    covered = {i for m in mentions for i in range(m.start, m.end)}

    def titled(noun: Token) -> bool:
        return noun.pos_ in {"NOUN", "PROPN"} and (
            bool(gaz.titles.kind(noun.text)) or any(gaz.titles.kind(c.text) for c in noun.lefts if c.dep_ == "compound"))

    added = []
    for head in doc:
        if head.pos_ != "PROPN" or head.i in covered or not head.is_title or head.lower_ in _FACILITY_HEADS:
            continue
        partners = ([head.head] if head.dep_ == "appos" else []) + [c for c in head.children if c.dep_ == "appos"]
        if head.dep_ == "conj" and head.left_edge.i > 0 and doc[head.left_edge.i - 1].text == "," \
                and not any(c.dep_ == "cc" for c in head.head.children):
            # "Nigeria's Minister of Communications and Digital Economy, Babatunde Adeyemi-Okoro, who …":
            # the parser coordinated the name with the portfolio
            partners += [a for a in head.ancestors if titled(a)][:1]
        start = head.i
        while start > 0 and doc[start - 1].head.i == head.i and (
                doc[start - 1].dep_ == "compound" and doc[start - 1].pos_ == "PROPN" and doc[start - 1].is_title
                or doc[start - 1].tag_ == "HYPH") and start - 1 not in covered and not gaz.titles.kind(doc[start - 1].text):
            start -= 1
        title_before_name = start > 0 and doc[start - 1].head.i == head.i and doc[start - 1].dep_ == "compound" \
            and bool(gaz.titles.kind(doc[start - 1].text)) and doc[start - 1].text not in gaz.titles.honorifics
        if not any(titled(p) and p.i not in covered for p in partners) and not title_before_name and not (
                comma_title_before(doc, start, gaz) and not _portfolio_title_before(doc, start)):
            continue  # ("Green Party MP Tama Henare": a title right before the name)
        if head.dep_ != "appos" and any(titled(p) and any(
                c.dep_ == "appos" and c.i > p.i and c.ent_type_ == "PERSON" for c in p.children) for p in partners):
            continue  # ("at the State House Banquet Hall, the Minister of Communications, Dr Adaeze
            # Okonkwo-Bello, said": the title has its holder after it)
        span = doc[start:head.i + 1]
        words = [t for t in span if t.tag_ != "HYPH"]
        if _portfolio_after_title(doc, start, gaz) and head.i + 1 < len(doc) and doc[head.i + 1].lower_ == "and":
            continue  # "Minister for Communication, Digital Technology and Innovations": portfolios, not a name
        if not 2 <= len(words) <= 4 or doc[start].tag_ == "HYPH" or any(gaz.titles.kind(t.text) for t in words) \
                or any(gaz.lookup(t.text) is not None or gaz.country_of_demonym(t.text) for t in words):
            continue
        name = normalise_name(span.text)
        added.append(EntityMention(start, head.i + 1, entity_key("Person", name), name, "Person", "ner"))
    return sorted([*mentions, *added], key=lambda m: m.start) if added else mentions


_NAME_CONNECTORS = {"of", "for", "and", "the", "without", "de", "del", "da", "do", "dos", "das", "des", "em", "la", "le",
                    "el", "y", "e", "et", "für", "van", "von", "&", "-", "in"}


def _description_lemma(token: Token) -> str:
    """A description's head word, whole where the tokenizer split it: "a Montreal chip start-up" is
    headed by "up"."""
    doc = token.doc
    if token.lower_ == "up" and token.i >= 2 and doc[token.i - 1].text == "-" and doc[token.i - 2].lower_ == "start":
        return "start-up"
    return token.lemma_.lower()


def _appositive_description(doc: Doc, start: int, max_words: int = 7) -> Token | None:
    """The head of a description of an organisation that runs from ``start`` to a phrase's end: "the
    Singaporean state investor", "Chile's state-owned copper company", "a London-based research lab"
    (a determiner or possessive, modifiers, then the head noun, then a comma, a stop, a preposition or a
    relative word). Read from the words, for where the parse lost the apposition."""
    j = start
    if j < len(doc) and doc[j].lower_ in {"a", "an", "the"}:
        j += 1
    elif j + 1 < len(doc) and doc[j + 1].lower_ in {"'s", "’s"} and doc[j].text[:1].isupper():
        j += 2  # ("Chile's state-owned …")
    else:
        return None
    for k in range(j, min(j + max_words, len(doc) - 1)):
        t = doc[k]
        if (t.tag_ == "NN" or t.tag_ == "NNP" and t.is_lower) and _description_lemma(t) in ORGANISATION_DESCRIPTION_HEADS:
            after = doc[k + 1]  # (a lower-case head the tagger took for a name's word is still a noun)
            if after.text in {",", ".", ";", ")", "—", "–"} or after.pos_ == "ADP" \
                    or after.lower_ in {"that", "which", "whose", "who"}:
                return t
            if not (after.text == "-" or after.pos_ in {"NOUN", "PROPN"}):
                return None
            continue  # ("a research institute network": the head is further on)
        if not (t.pos_ in {"ADJ", "NOUN", "PROPN", "NUM", "VERB"} and t.tag_ not in {"NNS", "NNPS"}
                or t.text in {"-", "'s", "’s"} or t.lower_ in {"based", "owned", "run", "backed"}):
            return None
    return None


def _described_organisations(doc: Doc, mentions: list[EntityMention], gaz: Gazetteer) -> list[EntityMention]:
    """Organisations the article describes in apposition to their name: "Bantay Datos, a Manila-based
    digital rights watchdog", "Direitos em Rede, a Lisbon-based association". The name is an
    organisation (of the description's type) whatever the NER made of it: a person, a place, or
    nothing. The description's head is remembered (``doc.user_data["kg_descriptors"]``) so that "the
    watchdog" or "the group's director" later finds this name and not another body."""
    descriptors: dict[str, list[str]] = {}
    by_token = {i: m for m in mentions for i in range(m.start, m.end)}
    replace: dict[int, EntityMention] = {}  # start of a mention replaced → its replacement
    added: list[EntityMention] = []
    for head in doc:
        if head.pos_ != "PROPN" or not head.text[:1].isupper():
            continue
        descriptions = [c for c in head.children if c.dep_ == "appos" and c.i > head.i
                        and _description_lemma(c) in ORGANISATION_DESCRIPTION_HEADS
                        and (c.pos_ == "NOUN" and c.tag_ == "NN" or c.text == "NGO")
                        and any(d.lower_ in {"a", "an", "the"} for d in c.children if d.dep_ == "det")]
        if not descriptions:
            continue
        lemma = _description_lemma(descriptions[0])
        kind = ORGANISATION_DESCRIPTION_HEADS[lemma]
        if lemma == "tank" and not any(c.lower_ == "think" for c in descriptions[0].children):
            continue
        existing = by_token.get(head.i)
        typed = existing is not None and existing.type not in {"Person", "Place", "Product", "Concept", "Group"} and not (
            existing.how == "ner" and type_group(existing.type) in {"Document", "Event"})  # ("Digital Rights Lab", a law?)
        if typed and existing.how == "ner" and existing.type == "GovernmentBody" and kind in {"Organisation", "Company"}:
            # "The Silicon Trade Council, a Washington industry group": a council by name, a lobby by
            # description (the name's head only made the NER guess a state body)
            m = EntityMention(existing.start, existing.end, entity_key(kind, existing.label), existing.label, kind, "ner")
            replace[existing.start] = m
            descriptors.setdefault(m.key, []).append(lemma)
            continue
        if typed and (existing.start == 0 or not doc[existing.start - 1].lower_ in _NAME_CONNECTORS
                      or existing.how != "ner"):
            descriptors.setdefault(existing.key, []).append(lemma)
            continue
        if typed:
            kind = existing.type  # "Rights in Code" found as "Code": the whole name, typed as the NER did
        if existing is not None and (existing.how != "ner" or existing.type == "Person" and _is_titled_person(doc, existing, gaz)):
            continue  # a known person or place is no organisation
        start = head.i
        while start > 0 and head.i - start < 7 and (
                doc[start - 1].text[:1].isupper() and doc[start - 1].pos_ in {"PROPN", "NOUN"}
                or doc[start - 1].lower_ in _NAME_CONNECTORS and start >= 2 and doc[start - 2].text[:1].isupper()):
            start -= 1
        # a name is one phrase: every word's head lies inside it ("Direitos em Rede")
        while start < head.i and (doc[start].lower_ in _NAME_CONNECTORS or sum(
                not start <= t.head.i <= head.i for t in doc[start:head.i + 1]) > 1):
            start += 1  # (one subtree: "Rights in Code", whichever word the parser made its head)
        span = doc[start:head.i + 1]
        if existing is not None:
            start, span = min(start, existing.start), doc[min(start, existing.start):max(head.i + 1, existing.end)]
        if any(i in by_token and by_token[i] is not existing for i in range(span.start, span.end)):
            continue
        name = normalise_name(span.text)
        if gaz.lookup(name) is not None or gaz.country_of_demonym(name) is not None or len(name) < 3:
            continue
        m = EntityMention(span.start, span.end, entity_key(kind, name), name, kind, "ner")
        if existing is not None:
            replace[existing.start] = m
        else:
            added.append(m)
        descriptors.setdefault(m.key, []).append(lemma)
    # … and where the parse lost the apposition ("the acquisition of Parlance AI, the Cambridge start-up
    # behind …", with "start-up" hung on the verb): the words after the comma are a description all the same
    for m in mentions:
        if m.how != "ner" or m.type != "Place" or m.start in replace or m.end + 2 >= len(doc) \
                or doc[m.end].text != "," or gaz.lookup(m.label) is not None:
            continue  # (a person's name before a comma is often a fronted phrase's: "Speaking to Marie Dupont, …")
        noun = _appositive_description(doc, m.end + 1)
        if noun is not None and noun.dep_ in {"nsubj", "nsubjpass"}:
            continue  # ("In an interview in Lyon, the firm denied …": the description is the clause's subject)
        if noun is not None and not any(i in by_token and by_token[i].type not in {"Country", "City", "Place", "Region"}
                                        for i in range(m.end + 1, noun.i + 1)):  # (not "X, the EU's agency")
            lemma = _description_lemma(noun)
            kind = ORGANISATION_DESCRIPTION_HEADS[lemma]
            replace[m.start] = EntityMention(m.start, m.end, entity_key(kind, m.label), m.label, kind, "ner")
            descriptors.setdefault(replace[m.start].key, []).append(lemma)
    # a class noun right before the name: "Hanoi-based start-up Viet Cortex", "chipmaker Daon Semiconductor"
    for m in mentions:
        if m.start < 1 or m.start in replace:
            continue
        before = doc[m.start - 1]
        noun = "start-up" if before.lower_ == "up" and m.start >= 3 and doc[m.start - 2].text == "-" \
            and doc[m.start - 3].lower_ == "start" else before.lower_
        if m.type in {"Organisation", "Company", "ResearchInstitute", "GovernmentBody"} and before.pos_ == "NOUN" \
                and noun in ORGANISATION_DESCRIPTION_HEADS:
            # (a body the NER typed: "the campaign group Fair Claims Project" is "the group" later)
            descriptors.setdefault(m.key, []).append(noun)
            continue
        if m.how != "ner" or m.type not in {"Person", "Place"}:
            continue
        if noun in ORGANISATION_DESCRIPTION_HEADS and before.pos_ in {"NOUN", "ADP", "PART", "ADV"} \
                and not _is_titled_person(doc, m, gaz):
            kind = ORGANISATION_DESCRIPTION_HEADS[noun]
            replace[m.start] = EntityMention(m.start, m.end, entity_key(kind, m.label), m.label, kind, "ner")
            descriptors.setdefault(replace[m.start].key, []).append(noun)
    # a description before its name, in apposition: "a local subsidiary, Seorim Kazakhstan"
    for noun in doc:
        if _description_lemma(noun) not in ORGANISATION_DESCRIPTION_HEADS or noun.pos_ != "NOUN" or noun.tag_ != "NN" \
                or not any(d.dep_ in {"det", "poss"} for d in noun.children):
            continue
        for name in noun.children:
            m = by_token.get(name.i)
            if name.dep_ != "appos" or name.i < noun.i or m is None or m.start in replace or m.how != "ner" \
                    or m.type not in {"Person", "Place"} or name.i != m.end - 1 or _is_titled_person(doc, m, gaz) \
                    or doc[m.start - 1].text != ",":  # (set off by a comma; "the agency GIZ" is the loop above's)
                continue
            kind = ORGANISATION_DESCRIPTION_HEADS[_description_lemma(noun)]
            replace[m.start] = EntityMention(m.start, m.end, entity_key(kind, m.label), m.label, kind, "ner")
            descriptors.setdefault(replace[m.start].key, []).append(_description_lemma(noun))
    # … and a name the NER missed there: "the Mexico City consultancy Prospectiva Tecnológica"
    for noun in doc:
        if noun.lower_ not in ORGANISATION_DESCRIPTION_HEADS or noun.pos_ != "NOUN" or noun.i + 1 >= len(doc):
            continue
        end = noun.i + 1
        while end < len(doc) and end - noun.i <= 5 and end not in by_token and (
                doc[end].pos_ == "PROPN" and doc[end].text[:1].isupper()
                or doc[end].lower_ in _NAME_CONNECTORS and end + 1 < len(doc) and doc[end + 1].text[:1].isupper()):
            end += 1
        while end > noun.i + 1 and doc[end - 1].lower_ in _NAME_CONNECTORS:
            end -= 1
        tail = by_token.get(end) if end > noun.i + 1 else None
        if tail is not None and tail.start == end and tail.how == "gazetteer" \
                and tail.type in {"Country", "InternationalOrganisation"}:
            end = tail.end  # "operator Telkom Indonesia", "the lobby Move EU": a place or body ends the name
        else:
            tail = None
        span = doc[noun.i + 1:end]
        if not len(span) or (end < len(doc) and end in by_token) or span.root.head not in {noun, *span} and noun.head not in span:
            continue
        name = normalise_name(span.text)
        if len(name) < 3 or gaz.lookup(name) is not None or gaz.country_of_demonym(name) is not None \
                or any(gaz.titles.kind(t.text) or t.text in gaz.titles.honorifics for t in span):
            continue
        kind = ORGANISATION_DESCRIPTION_HEADS[noun.lower_]
        m = EntityMention(span.start, span.end, entity_key(kind, name), name, kind, "ner")
        if tail is not None:
            replace[tail.start] = m
        else:
            added.append(m)
        by_token.update({i: m for i in range(span.start, span.end)})
        descriptors.setdefault(m.key, []).append(noun.lower_)
    doc.user_data["kg_descriptors"] = descriptors
    if not replace and not added:
        return mentions
    # one name, one thing: the article's other mentions of a name shown to be an organisation's
    retyped = {r.label: r for r in [*replace.values(), *added]}
    out = []
    for m in mentions:
        m = replace.get(m.start, m)
        if m.how == "ner" and m.label in retyped and m.type in {"Person", "Place"}:
            r = retyped[m.label]
            m = EntityMention(m.start, m.end, r.key, r.label, r.type, "ner")
        out.append(m)
    return sorted(out + added, key=lambda m: m.start)


#: Words that join the parts of Arabic and other patronymic names ("Fahad bin Jassim Al Mahmoud").
_PATRONYMIC_WORDS = {"bin", "ibn", "bint", "binti", "ben", "ould"}


def _join_patronymics(doc: Doc, mentions: list[EntityMention], gaz: Gazetteer) -> list[EntityMention]:
    """One person the NER split at "bin": "HE Sheikh Fahad" + "Jassim Al Mahmoud" → Fahad bin Jassim Al
    Mahmoud."""
    out: list[EntityMention] = []
    for m in sorted(mentions, key=lambda m: m.start):
        prev = out[-1] if out else None
        if prev is not None and prev.type == m.type == "Person" and m.start == prev.end + 1 \
                and doc[prev.end].lower_ in _PATRONYMIC_WORDS:
            name, _ = _clean_person_name(doc[prev.start:m.end], gaz)
            out[-1] = EntityMention(prev.start, m.end, entity_key("Person", name), name, "Person", prev.how)
            continue
        out.append(m)
    return out


def _coordinated_company_names(doc: Doc, mentions: list[EntityMention]) -> list[EntityMention]:
    """A company name the NER missed next to one it found: "Qiantu Computing and Silverpath Trading".
    The missed name follows the found one after "and" or a comma: a run of capitalised words ending
    in a word that names companies (Trading, Systems, Technologies …). Read from the words, since the
    parser often hangs such lists together wrongly."""
    by_token = {i: m for m in mentions for i in range(m.start, m.end)}
    added = []
    for m in mentions:
        if m.type != "Company" or m.end + 2 >= len(doc) or doc[m.end].lower_ not in {"and", ","}:
            continue
        start = m.end + 1
        end = start
        while end < len(doc) and end not in by_token and doc[end].pos_ == "PROPN" and doc[end].is_title:
            end += 1
        span = doc[start:end]
        if len(span) >= 2 and _org_type(span.text) == "Company" and (end >= len(doc) or not doc[end].is_title):
            name = normalise_name(span.text)
            added.append(EntityMention(start, end, entity_key("Company", name), name, "Company", "ner"))
            by_token.update({i: added[-1] for i in range(start, end)})
    return sorted(mentions + added, key=lambda m: m.start) if added else mentions


def _ai_company_names(doc: Doc, mentions: list[EntityMention], gaz: Gazetteer) -> list[EntityMention]:
    """"Fjordlight AI", "Sakana AI": a capitalised word compounded with "AI" names a company, though the
    gazetteer's "AI" (the concept) and the NER see only the concept."""
    by_token = {i: m for m in mentions for i in range(m.start, m.end)}
    out = list(mentions)
    for token in doc:
        if token.text != "AI" or token.pos_ != "PROPN":
            continue
        lefts = [c for c in token.lefts if c.dep_ == "compound" and c.pos_ == "PROPN" and c.text[:1].isupper()]
        if not lefts or lefts[-1].i != token.i - 1:
            continue
        start = min(c.i for c in lefts)
        if start > 0 and doc[start - 1].lower_ in {"on", "for", "of", "in"}:
            continue  # "the Charter on Ethical AI": the title's subject, not a company
        if token.i - start > 2 or any(gaz.lookup(t.text) is not None or gaz.country_of_demonym(t.text)
                                      or gaz.titles.kind(t.text) for t in doc[start:token.i]):
            continue
        if any(i in by_token and by_token[i].how != "gazetteer" and by_token[i].type not in {"Concept", "Place", "Person"}
               for i in range(start, token.i + 1)):
            continue  # the NER's own name for it stands
        name = normalise_name(doc[start:token.i + 1].text)
        out = [m for m in out if not (start <= m.start < token.i + 1)]
        out.append(EntityMention(start, token.i + 1, entity_key("Company", name), name, "Company", "ner"))
    return sorted(out, key=lambda m: m.start)


def _is_titled_person(doc: Doc, m: EntityMention, gaz: Gazetteer) -> bool:
    """Whether the text shows a person's name is a person's: an honorific before it."""
    return m.start > 0 and doc[m.start - 1].text in gaz.titles.honorifics or doc[m.start].text in gaz.titles.honorifics


def _foreign_namesakes(mentions: list[EntityMention], doc: Doc, gaz: Gazetteer) -> list[EntityMention]:
    """"the Canadian AI Safety Institute" is not the gazetteer's (British) AI Safety Institute: a known
    body's name right after another country's demonym or name names that country's namesake."""
    out: list[EntityMention] = []
    for m in mentions:
        entry = gaz.entries.get(m.key) if m.how == "gazetteer" else None
        before = m.start - 1
        if before >= 1 and doc[before].tag_ == "POS":
            before -= 1  # "Singapore's AI Safety Institute"
        if entry is not None and type_group(m.type) == "Actor" and m.type not in {"Country", "Person"} \
                and before >= 0 and doc[before].text[:1].isupper():
            country = gaz.country_of_demonym(doc[before].text)
            if country is None:
                found = gaz.lookup(doc[before].text)
                country = found if found is not None and found.type == "Country" else None
            if country is not None and country.key != entry.part_of:
                label = f"{doc[before].text} {normalise_name(doc[m.start:m.end].text)}" if country.type == "Country" \
                    else entry.label
                start = before
                while out and out[-1].end > start:  # the demonym's own mention, or NER's "the Canadian"
                    start = min(start, out.pop().start)
                m = EntityMention(start, m.end, entity_key(m.type, label), label, m.type, "ner")
        out.append(m)
    return out


def _likeliest(candidates: list[EntityMention], mentions: list[EntityMention], before: int) -> EntityMention:
    """Of several names a short form could stand for ("Daeyang": "Daeyang Semiconductor", then its venture
    "Daeyang Arclight Inference"), the one named most before it, the first of equals: a venture or
    subsidiary borrows the name of the firm the story is about."""
    counts: dict[str, int] = {}
    for x in mentions:
        if x.start < before:
            counts[x.key] = counts.get(x.key, 0) + 1
    return min(candidates, key=lambda x: (-counts.get(x.key, 0), x.start))


def link_doc(doc: Doc, gaz: Gazetteer) -> Doc:
    """Attach ``doc._.kg_mentions`` (entity mentions with canonical keys) and ``doc._.kg_aliases``."""
    mentions: list[EntityMention] = []
    for ent in _complete_spans(doc, gaz):
        for part in _split_span(ent, gaz):
            mention = _mention_for_ent(part, gaz)
            if mention is not None:
                mentions.append(mention)

    kept = []
    for m in mentions:
        if m.type == "Group" and m.how == "gazetteer" and m.start >= 2 and doc[m.start - 1].lower_ in {"and", "or", ","}:
            continue  # "seven Nordic and Baltic countries": not the Baltic states alone
        if not _not_a_name(doc, m, gaz):
            kept.append(m)
            continue
        # ("U.S. National Security" + "Adviser": not a body, but the state it opens with is named)
        first = doc[m.start + 1] if doc[m.start].lower_ == "the" and m.end - m.start > 1 else doc[m.start]
        entry = gaz.lookup(first.text) if first.i + 1 < m.end else None
        if entry is not None and entry.type == "Country":
            kept.append(EntityMention(first.i, first.i + 1, entry.key, entry.label, entry.type, "gazetteer"))
    mentions = _foreign_namesakes(kept, doc, gaz)
    mentions = _untagged_titled_people(doc, mentions, gaz)
    mentions = _described_organisations(doc, mentions, gaz)
    mentions = _ai_company_names(doc, mentions, gaz)
    mentions = _coordinated_company_names(doc, mentions)
    mentions = _join_patronymics(doc, mentions, gaz)
    mentions = _untagged_text_titles(doc, mentions)
    mentions = _untagged_headed_titles(doc, mentions)
    mentions = _names_spelled_by_acronyms(doc, mentions)
    doc.user_data["kg_country_labels"] = {m.country: gaz.entries[m.country].label for m in mentions
                                          if m.how == "capital" and m.country in gaz.entries}
    # whose body a known body is ("the British institute" → the UK AI Security Institute)
    body_country = {}
    for m in mentions:
        entry = gaz.entries.get(m.key)
        parent = gaz.entries.get(entry.part_of) if entry is not None and entry.part_of else None
        if parent is not None and parent.type == "Country":
            body_country[m.key] = parent.key
    doc.user_data["kg_body_country"] = body_country
    aliases: dict[str, EntityMention] = {}  # surface form → mention, for this document only
    # acronyms defined in the text: "Name (ACR)"
    for m in mentions:
        if m.end + 2 < len(doc) and doc[m.end].text == "(" and doc[m.end + 2].text == ")":
            acr = doc[m.end + 1].text
            if _is_acronym_of(acr, m.label) or (acr.isupper() and 2 <= len(acr) <= 6):
                aliases[acr] = m
    # … and hyphenated ones, which are several tokens: "Japan AI Safety Institute (J-AISI)", whose "AISI"
    # alone would be another body's acronym
    spelled: dict[tuple[str, ...], EntityMention] = {}
    for m in mentions:
        close = next((j for j in range(m.end + 2, min(m.end + 7, len(doc))) if doc[j].text == ")"), None)
        if close is not None and doc[m.end].text == "(" and close - m.end - 1 >= 2 \
                and not any(t.whitespace_ for t in doc[m.end + 1:close - 1]) \
                and any(t.tag_ == "HYPH" or t.text == "-" for t in doc[m.end + 1:close]) \
                and sum(c.isupper() for c in doc[m.end + 1:close].text) >= 2:
            spelled.setdefault(tuple(t.text for t in doc[m.end + 1:close]), m)
    # short names: "the Commission" after "the European Commission" (the head noun of a longer name);
    # the latest such name before the short one wins ("the Council" after "the Council of the EU")
    short_names: dict[str, list[EntityMention]] = {}
    for m in mentions:
        if type_group(m.type) == "Actor" and m.type not in {"Person", "Country", "Group"} and m.end - m.start >= 2:
            head = name_head(m.label)
            if head and head[0].isalpha():
                short_names.setdefault(head[:1].upper() + head[1:], []).append(m)
    # and the first word of a company's name: "Sunhe" after "Sunhe Compute", "Qasr" after "Qasr Digital
    # Systems", when that word is distinctive (not a demonym, a country or a generic name word)
    first_words: dict[str, list[EntityMention]] = {}
    for m in mentions:
        if (m.type in {"Company", "Organisation"} or m.type == "ResearchInstitute" and doc[m.start].text.isupper()) \
                and m.end - m.start >= 2:  # ("KTH" after "KTH Royal Institute of Technology")
            at = m.start if doc[m.start].lower_ != "the" else m.start + 1
            first = doc[at].text
            hyphenated = at + 1 < m.end and doc[at + 1].text in {"-", "–"}  # ("Vistula-Zhuravel Defence", a
            # joint venture: "Vistula" is the partner Vistula Aerosystems)
            if first[:1].isupper() and first.lower() not in GENERIC_NAME_WORDS and gaz.lookup(first) is None \
                    and gaz.country_of_demonym(first) is None and first != m.label and not hyphenated:
                first_words.setdefault(first, []).append(m)
    doc.user_data["kg_story_starts"] = story_starts(doc, mentions)
    doc.user_data["kg_datelines"] = _datelines(doc, gaz)
    mentions = _retype_datelines(doc, mentions, gaz)
    mentions = _retype_people(doc, _retype_products(doc, _retype_texts(doc, _retype_gatherings(doc, mentions))), gaz)
    mentions = _untagged_people(doc, mentions, gaz)
    mentions = _retype_listed_people(doc, mentions)
    mentions = _retype_group_members(doc, mentions)
    mentions = _extend_to_name_heads(doc, _retype_foreign_bodies(doc, mentions))
    # people: full names first, then surnames/first names/honorific forms resolve to them
    full_names = [m for m in mentions if m.type == "Person" and len(m.label.split()) >= 2]
    titles: dict[str, list[tuple[int, str]]] = {}
    for m in full_names:
        parts = m.label.split()
        aliases.setdefault(parts[-1], m)
        if len(parts) >= 3:
            aliases.setdefault(" ".join(parts[-2:]), m)  # "Al Marri" after "Abdulaziz Al Marri"
        title, _ = title_before(doc[m.start], gaz)
        if not title:  # "the Minister for Enterprise, Declan Furlong": from the title word on
            named = {i for x in mentions if x.type != "Person" for i in range(x.start, x.end)}
            phrase = comma_title_before(doc, m.start, gaz)
            first = next((k for k, t in enumerate(phrase) if gaz.titles.kind(t.text)), len(phrase))
            title = " ".join(t.lower_ for t in phrase[first:]
                             if t.i not in named and t.pos_ in {"NOUN", "PROPN", "ADJ", "ADP", "CCONJ"})
        if title:
            titles.setdefault(title, []).append((m.start, m.key))
    # surnames the NER missed ("Later Cleverly said"): a proper noun equal to a full name's last word
    covered = {i for m in mentions for i in range(m.start, m.end)}
    surnames = {m.label.split()[-1]: m for m in full_names}
    for m in full_names:  # "Park Seo-yeon", "Chen Yu-ting": a hyphenated given name follows the family name
        parts = m.label.split()
        if len(parts) == 2 and re.fullmatch(r"[A-Z][a-z]+-[a-z]+", parts[1]):
            surnames.setdefault(parts[0], m)
    # one-word names of bodies the NER found elsewhere in the article ("Quillon denied …"), even where the
    # tagger took the name for a common noun ("Fjällmind, the Stockholm-based developer …")
    one_word = {doc[m.start].text: m for m in mentions if m.end - m.start == 1 and m.how == "ner"
                and m.type in {"Company", "Organisation", "GovernmentBody", "ResearchInstitute"}}
    for token in doc:
        if token.i not in covered and (token.pos_ == "PROPN" or token.pos_ in {"NOUN", "ADJ"} and token.text[:1].isupper()
                                       and token.dep_ in {"nsubj", "nsubjpass", "dobj", "pobj", "poss", "conj", "appos"}) \
                and token.text in one_word \
                and token.text not in surnames and not (token.i + 1 < len(doc) and doc[token.i + 1].is_title):
            o = one_word[token.text]
            mentions.append(EntityMention(token.i, token.i + 1, o.key, o.label, o.type, "ner"))
            covered.add(token.i)
    # … and longer names of bodies, word for word ("Daeyang Semiconductor" in the headline, untagged in the
    # lead after a line of page furniture)
    longer = {}
    for m in mentions:
        if m.end - m.start >= 2 and m.how in {"ner", "gazetteer"} and m.type in {
                "Company", "Organisation", "GovernmentBody", "ResearchInstitute", "InternationalOrganisation"}:
            words = tuple(t.text for t in doc[m.start:m.end] if t.lower_ != "the")
            if len(words) >= 2 and all(w[:1].isupper() for w in words):
                longer.setdefault(words, m)
    for words, o in longer.items():
        n = len(words)
        for i in range(len(doc) - n + 1):
            if doc[i].text != words[0] or any(j in covered for j in range(i, i + n)) \
                    or tuple(t.text for t in doc[i:i + n]) != words:
                continue
            if (i > 0 and doc[i - 1].is_title and not doc[i - 1].is_sent_start) \
                    or (i + n < len(doc) and doc[i + n].is_title):
                continue  # (part of a longer name)
            mentions.append(EntityMention(i, i + n, o.key, o.label, o.type, "ner"))
            covered.update(range(i, i + n))
    for token in doc:
        if token.i not in covered and token.pos_ == "PROPN" and token.text in surnames \
                and not (token.i + 1 < len(doc) and doc[token.i + 1].pos_ == "PROPN"):
            mentions.append(EntityMention(token.i, token.i + 1, "", token.text, "Person", "ner"))
        elif token.i not in covered and token.text in first_words and token.text[:1].isupper() \
                and token.pos_ in {"PROPN", "NOUN"} and not (token.i + 1 < len(doc) and doc[token.i + 1].is_title):
            # "Nordlys competes with …" after "Nordlys AI": the company by its first word, NER or not
            earlier = [x for x in first_words[token.text] if x.start < token.i]
            if earlier:
                a = _likeliest(earlier, mentions, token.i)
                mentions.append(EntityMention(token.i, token.i + 1, a.key, a.label, a.type, "acronym"))
    mentions.sort(key=lambda m: m.start)
    resolved = []
    for m in mentions:
        story = story_start(doc, m.start)
        if m.how == "ner" and m.type in {"Place", "Organisation", "Company"} and m.end - m.start == 1 \
                and any(m.label in f.label.split()[1:] and story_start(doc, f.start) == story and f.start < m.start
                        for f in full_names):
            # "Ferreyra" after "Lucía Ferreyra Bastos", typed a place: a surname of the person named
            m = EntityMention(m.start, m.end, m.key, m.label, "Person", "ner")
        if m.type == "Person" and len(m.label.split()) == 1:
            candidates = [f for f in full_names if story_start(doc, f.start) == story and (
                m.label in f.label.split() or m.label in f.label.split()[-1].split("-"))]  # "Ms Okonkwo"
            if candidates:
                before = [f for f in candidates if f.start < m.start]
                best = before[-1] if before else candidates[0]
                m = EntityMention(m.start, m.end, best.key, best.label, "Person", "surname")
            elif m.how == "ner" and any(story <= x.start < m.start for x in first_words.get(m.label, [])):
                a = _likeliest([x for x in first_words[m.label] if story <= x.start < m.start], mentions, m.start)
                m = EntityMention(m.start, m.end, a.key, a.label, a.type, "acronym")  # NER took "Qasr" for a person
        elif m.label in first_words and m.how == "ner" and m.end - m.start == 1 \
                and any(story <= x.start < m.start and x.key != m.key for x in first_words[m.label]):
            a = _likeliest([x for x in first_words[m.label] if story <= x.start < m.start and x.key != m.key],
                           mentions, m.start)
            m = EntityMention(m.start, m.end, a.key, a.label, a.type, "acronym")
        elif m.label in aliases and m.how == "ner" and aliases[m.label].key != m.key \
                and story <= aliases[m.label].start < m.start:
            a = aliases[m.label]
            m = EntityMention(m.start, m.end, a.key, a.label, a.type, "acronym")
        elif m.how == "ner" and m.type != "Country" and len(m.label.split()) >= 2 and any(
                story <= x.start < m.start and x.type in {"Company", "Organisation", "ResearchInstitute"}
                and x.label.startswith(m.label + " ") for x in mentions):
            # "Silicon Harbor" after "Silicon Harbor Technologies": the name without its last words
            a = [x for x in mentions if story <= x.start < m.start and x.label.startswith(m.label + " ")
                 and x.type in {"Company", "Organisation", "ResearchInstitute"}][-1]
            m = EntityMention(m.start, m.end, a.key, a.label, a.type, "acronym")
        elif m.label in short_names and m.how == "ner" and m.end - m.start == 1:
            earlier = [x for x in short_names[m.label] if story <= x.start < m.start and x.key != m.key]
            if earlier:
                a = _likeliest(earlier, mentions, m.start)
                m = EntityMention(m.start, m.end, a.key, a.label, a.type, "acronym")
        resolved.append(m)
    for words, target in spelled.items():
        n = len(words)
        for i in range(len(doc) - n + 1):
            if tuple(t.text for t in doc[i:i + n]) == words:
                resolved = [x for x in resolved if x.end <= i or x.start >= i + n]
                resolved.append(EntityMention(i, i + n, target.key, target.label, target.type, "acronym"))
    resolved.sort(key=lambda x: x.start)
    resolved = _one_sense_per_name(doc, resolved, gaz)
    resolved = _link_descriptions(doc, resolved)
    by_start = {m.start: m for m in resolved}
    for k, m in enumerate(resolved):  # "SB 1142, the Frontier AI Accountability Act": the bill by its name
        if m.type == "Law" and _BILL_NUMBER.match(m.label):
            if m.end + 1 < len(doc) and doc[m.end].text == ",":  # (read from the words: the parse often loses it)
                named = by_start.get(m.end + 1)
                if named is not None and named.type == "Law" and named.key != m.key:
                    # (and the bill's number is that name wherever else the article uses it)
                    for j, other in enumerate(resolved):
                        if other.key == m.key and story_start(doc, other.start) == story_start(doc, m.start):
                            resolved[j] = EntityMention(other.start, other.end, named.key, named.label,
                                                        named.type, "acronym")
    doc._.kg_mentions = resolved
    doc._.kg_token_mention = {i: m for m in resolved for i in range(m.start, m.end)}
    # names in apposition to a product noun are products, whatever the NER said: "Mirage Lite, a
    # compact model for mobile phones"
    for k, m in enumerate(resolved):
        head = doc[m.end - 1]
        if m.how == "ner" and (m.type in {"Organisation", "Company", "Place"} and any(
                c.dep_ == "appos" and c.lemma_.lower() in PRODUCT_HEADS and c.is_lower for c in head.children)
                or m.type in {"Organisation", "Company", "Place", "Person"} and head.dep_ == "appos"
                and head.head.lemma_.lower() in PRODUCT_HEADS - {"assistant", "agent", "successor"}
                and head.head.is_lower and head.head.i < head.i):  # ("… a larger version, Kestrel Sea Pro")
            resolved[k] = EntityMention(m.start, m.end, entity_key("Product", m.label), m.label, "Product", "ner")
    doc._.kg_token_mention = {i: m for m in resolved for i in range(m.start, m.end)}
    # product names the NER missed, in apposition to a product noun, so that "the model" can find them
    for token in doc:
        if token.i not in doc._.kg_token_mention and (token.lemma_.lower() in PRODUCT_HEADS or token.pos_ == "PROPN"
                                                                      or any(ch.isdigit() for ch in token.text) and token.text[:1].isupper()):
            found = product_name(token)
            if found is not None and found.start not in doc._.kg_token_mention:
                resolved.append(found)
                doc._.kg_token_mention[found.start] = found
    resolved.sort(key=lambda m: m.start)
    doc._.kg_aliases = {k: v for k, v in aliases.items()}
    doc._.kg_titles = titles
    doc._.kg_abbreviations = dict(gaz.titles.abbreviations)
    token_mention: dict[int, EntityMention] = {}
    for m in resolved:
        for i in range(m.start, m.end):
            token_mention[i] = m
    doc._.kg_token_mention = token_mention
    return doc


# --------------------------------------------------------------------------------------------------
# Stories within one file


def story_starts(doc: Doc, mentions: list[EntityMention], window: int = 3) -> list[int]:
    """Token offsets where a new, unrelated story starts in a file that holds several (news pages often
    do). A paragraph break is a story boundary when the vocabulary around it changes (TextTiling: the
    nouns of the ``window`` paragraphs before and after share almost nothing, at a marked dip) *and*
    the text after it names new people and none of the people named before it, *and* it opens with a
    line that is not prose (a heading, a link, a share bar). References (titles,
    surnames, definite descriptions, pronouns, acronyms) never cross a boundary.

    Returns ``[0, …]``: the first story starts at 0.
    """
    import math
    from collections import Counter

    paras: list[tuple[int, int]] = []  # token spans of paragraphs
    start = 0
    for tok in doc:
        if "\n" in tok.text or "\n" in tok.whitespace_:
            if tok.i + 1 > start:
                paras.append((start, tok.i + 1))
            start = tok.i + 1
    if start < len(doc):
        paras.append((start, len(doc)))
    # headings, bylines and list items are too short to judge: they join the paragraph after them
    merged: list[tuple[int, int]] = []
    pending = None
    for a, b in paras:
        a = pending if pending is not None else a
        if b - a < 12:
            pending = a
            continue
        merged.append((a, b))
        pending = None
    if pending is not None and merged:
        merged[-1] = (merged[-1][0], len(doc))
    paras = merged
    if len(paras) < 2 * window + 1:
        return [0]
    nouns = [Counter(t.lemma_.lower() for t in doc[a:b] if t.pos_ in {"NOUN", "PROPN"} and not t.is_stop
                     and len(t.text) > 2) for a, b in paras]
    # people by surname ("Mr Cleverly" is the James Cleverly named before)
    people = [{m.label.split()[-1] for m in mentions if m.type == "Person" and a <= m.start < b and m.label}
              for a, b in paras]
    # the named places, bodies and documents: one story keeps returning to them ("the EU signed the
    # convention" far down an article about the convention), a new story has its own
    things = [{m.key for m in mentions if m.type not in {"Person", "Concept"} and m.how in {"gazetteer", "ner", "titled"}
               and a <= m.start < b} for a, b in paras]
    # ... and refers back to them: "the convention", "the debate" after "the Framework Convention"
    kinds = {**DOCUMENT_NOUNS, **EVENT_NOUNS}
    heads_named = [{t.lemma_.lower() for t in doc[a:b] if t.lemma_.lower() in kinds} for a, b in paras]
    heads_definite = [{t.lemma_.lower() for t in doc[a:b] if t.lemma_.lower() in kinds and any(
        c.dep_ == "det" and c.lower_ == "the" for c in t.children)} for a, b in paras]

    def cos(x: Counter, y: Counter) -> float:
        num = sum(v * y[k] for k, v in x.items() if k in y)
        den = math.sqrt(sum(v * v for v in x.values())) * math.sqrt(sum(v * v for v in y.values()))
        return num / den if den else 0.0

    gaps = []
    for i in range(1, len(paras)):
        left = sum(nouns[max(0, i - window):i], Counter())
        right = sum(nouns[i:i + window], Counter())
        gaps.append(cos(left, right))
    depths = []
    for i, g in enumerate(gaps):
        lo, j = g, i
        while j > 0 and gaps[j - 1] >= lo:
            lo, j = gaps[j - 1], j - 1
        hi, j = g, i
        while j < len(gaps) - 1 and gaps[j + 1] >= hi:
            hi, j = gaps[j + 1], j + 1
        depths.append((lo - g) + (hi - g))
    mean = sum(depths) / len(depths)
    spread = math.sqrt(sum((d - mean) ** 2 for d in depths) / len(depths))
    starts = [0]
    for i, (g, depth) in enumerate(zip(gaps, depths), start=1):
        if g >= 0.1 or depth <= mean + 1.5 * spread or not _marked_break(doc, paras[i][0]):
            continue
        before = set().union(*people[starts_index(paras, starts[-1]):i]) if i else set()
        after = set().union(*people[i:i + window])
        things_before = set().union(*things[starts_index(paras, starts[-1]):i]) if i else set()
        things_after = set().union(*things[i:i + window])
        # (anywhere later, unless the later part names a thing of that kind itself)
        named_after = {name_head(m.label) for m in mentions if m.start >= paras[i][0]
                       and m.how in {"ner", "titled", "gazetteer"}}
        refers_back = (set().union(*heads_definite[i:]) - named_after) & set().union(
            *heads_named[starts_index(paras, starts[-1]):i])
        if before and after and not (after & before) and not (things_after & things_before) and not refers_back:
            starts.append(paras[i][0])
    return starts


def _marked_break(doc: Doc, start: int) -> bool:
    """Whether the paragraph at token ``start`` opens with a line that is not prose (a heading, a link, a
    share bar, a dateline: no full stop at its end). Stories on one page are set apart so; a paragraph
    of prose that changes topic ("Opposition MPs were unconvinced. …") goes on the story before it."""
    text = doc.text
    begin = doc[start].idx
    end = text.find("\n", begin)
    line = text[begin:len(text) if end < 0 else end].strip()
    return not line or line[-1] not in ".!?\"”'’:;"


def starts_index(paras: list[tuple[int, int]], token: int) -> int:
    return next((k for k, (a, _) in enumerate(paras) if a >= token), 0)


def story_start(doc: Doc, i: int) -> int:
    """The token offset where the story holding token ``i`` starts."""
    starts = doc.user_data.get("kg_story_starts") or [0]
    return starts[max(0, bisect.bisect_right(starts, i) - 1)]


_OPEN_QUOTES = {'"', "“", "«", "'", "‘"}
_CLOSE_QUOTES = {'"', "”", "»", "'", "’"}
_NAMING_VERBS = {"titled", "entitled", "called", "named", "dubbed", "known"}


def _quoted_title(noun: Token) -> str:
    """The quoted name given right after a noun: 'a resolution titled "Bridging the AI Divide"'."""
    doc = noun.doc
    i = noun.i + 1
    if i < len(doc) and doc[i].text == ",":
        i += 1
    named = False
    if i < len(doc) and doc[i].lower_ in _NAMING_VERBS:
        named = True
        i += 1
        if i < len(doc) and doc[i].lower_ == "as":
            i += 1
    quoted_apposition = not named and i < len(doc) and doc[i].text in _OPEN_QUOTES and noun.i + 1 != i
    # ('an interim final rule, "Export Controls on Model Weights," requiring …': a title-case quote set off
    # by a comma names the noun too; a quoted remark after the comma does not)
    if named and i < len(doc) and doc[i].text not in _OPEN_QUOTES and doc[i].text[:1].isupper():
        # 'a study titled Guardrails or Guidelines?': an unquoted title runs to the next comma or stop
        j = i
        while j < len(doc) and j - i < 12 and doc[j].text not in {",", ".", ";", ":", "("} and not doc[j].is_space:
            j += 1
        title = doc[i:j].text.strip()
        return title if len(title.split()) >= 2 or title[:1].isupper() else ""
    if i >= len(doc) or doc[i].text not in _OPEN_QUOTES:
        return ""
    for j in range(i + 1, min(len(doc), i + 25)):
        if doc[j].text in _CLOSE_QUOTES:
            title = doc[i + 1: j].text.strip(" ,.;:")
            # without "titled"/"called", a quote after a noun is a name only if it looks like one: 'the
            # framework "gives ten countries a common language"' is what the framework does, quoted
            if quoted_apposition and not (j + 1 >= len(doc) or doc[j - 1].text == "," or doc[j + 1].is_punct):
                return ""
            return title if title[:1].isupper() and (named or _title_case(title)) else ""
    return ""


def _title_case(text: str) -> bool:
    """Whether most content words are capitalised, as in a name ("Bridging the AI Divide")."""
    words = [w for w in re.findall(r"[^\W\d_][\w'’-]*", text) if w.lower() not in _TITLE_FUNCTION_WORDS]
    return bool(words) and sum(w[:1].isupper() for w in words) >= 0.6 * len(words)


_TITLE_FUNCTION_WORDS = {"a", "an", "the", "of", "on", "for", "and", "or", "in", "to", "with", "at", "by", "from"}


_DATELINE_SEPARATORS = {"—", "–", "-", "--", ",", "(", ":"}


def _retype_datelines(doc: Doc, mentions: list[EntityMention], gaz: Gazetteer) -> list[EntityMention]:
    """A dateline is a place, whatever the NER made of its capitals: "BRIDGETOWN, Barbados —" is the city
    (Barbados's, as an agent), never an organisation a later "its" could refer to."""
    spans = doc.user_data.get("kg_dateline_spans") or []
    out = []
    for m in mentions:
        in_dateline = any(a <= m.start and m.end <= b for a, b in spans)
        if not in_dateline or m.type in {"Country", "City", "Place", "Region"} or m.how == "gazetteer":
            out.append(m)
            continue
        text = doc[m.start:m.end].text.title()
        country = gaz.country_of_capital(text)
        if country is not None:
            out.append(EntityMention(m.start, m.end, entity_key("City", text), text, "City", "capital", country.key))
        else:
            out.append(EntityMention(m.start, m.end, entity_key("Place", text), text, "Place", "ner"))
    return out


def _datelines(doc: Doc, gaz: Gazetteer) -> dict[int, tuple[str, str]]:
    """Each story's dateline country, by the story's start: "NAIROBI —", "KUALA LUMPUR, March 3
    (Reuters) -" open the body of a story written from that country. A city kg cannot place gives none."""
    out: dict[int, tuple[str, str]] = {}
    for start in doc.user_data.get("kg_story_starts") or [0]:
        floor = max(start, _headline_end(doc))
        for sent in list(doc[floor:].sents)[:4] if floor < len(doc) else []:
            words = [t for t in sent if not t.is_space]
            caps = []
            for t in words:
                if not (t.is_alpha and t.text.isupper() and len(t.text) > 1):
                    break
                caps.append(t.text)
            if not caps:
                continue
            # (the sentencizer may cut "NAIROBI" off from its "—")
            following = words[len(caps)] if len(caps) < len(words) else (doc[sent.end] if sent.end < len(doc) else None)
            if following is None or following.text not in _DATELINE_SEPARATORS:
                continue
            place = " ".join(caps).title()
            after_comma = doc[following.i + 1] if following.text == "," and following.i + 1 < len(doc) else None
            if after_comma is not None and after_comma.lower_ == "the" and after_comma.i + 1 < len(doc):
                after_comma = doc[after_comma.i + 1]
            if following.text != "," or (after_comma is not None and after_comma.is_title and (
                    after_comma.ent_type_ in {"GPE", "LOC"} or gaz.lookup(after_comma.text) is not None
                    and gaz.lookup(after_comma.text).type == "Country")):
                # "BRIDGETOWN, Barbados —", "EINDHOVEN, the Netherlands, 3 February –", "EINDHOVEN —" (not
                # "CAF, the Development Bank of Latin America, announced …": a body's name opening a sentence)
                doc.user_data.setdefault("kg_dateline_spans", []).append((words[0].i, words[len(caps) - 1].i + 1))
            entry = gaz.country_of_capital(place) or gaz.lookup(place)
            if entry is not None and entry.type == "Country":
                out[start] = (entry.key, entry.label)
            break
        if start in out:
            continue
        # … or the place-and-date line of the page furniture before the body: "Warsaw, 14.05.2025 18:42 |
        # Updated 20:05" (a capital only: an outlet's city line names where the story was written)
        for sent in list(doc[floor:].sents)[:8] if floor < len(doc) else []:
            words = [t for t in sent if not t.is_space]
            if len(words) >= 12:
                break  # the body has begun
            if len(words) >= 3 and words[0].is_title and words[1].text == "," and (
                    any(ch.isdigit() for ch in words[2].text) or words[2].lower_ in _MONTHS_AND_DAYS):
                entry = gaz.country_of_capital(words[0].text)
                if entry is not None:
                    out[start] = (entry.key, entry.label)
                    break
    return out


def dateline_country(doc: Doc, at: int) -> EntityMention | None:
    """The country of the dateline of the story holding ``at``: news names foreign officials with their
    country ("Turkey's trade minister"), so an unqualified "Trade Minister Elif Karaca" or "the
    Government" in a story datelined Ankara is Turkey's. Not where the text has just turned to another
    country ("In Washington, the Commerce Department …. Under Secretary Robert Haines said"), unless it
    names the dateline's own as well."""
    found = (doc.user_data.get("kg_datelines") or {}).get(story_start(doc, at))
    if found is None:
        return None
    key, label = found
    starts = sentence_starts(doc)
    k = max(0, bisect.bisect_right(starts, at) - 1)
    window = {m.country or m.key for m in doc._.kg_mentions or []
              if starts[max(0, k - 1)] <= m.start <= at and (m.type == "Country" or m.country)}
    if window and key not in window:
        return None
    return EntityMention(at, at + 1, key, label, "Country", "dateline")


def _headline_end(doc: Doc) -> int:
    """Where the body starts after a headline (0 without one): the headline is the first line when it is
    short, stands alone and ends without a full stop. Its telegraphic grammar ("UN adopts AI resolution
    as U.S. holds back": present for past, no articles) misleads a parser trained on body text, and the
    body restates what it says: no event is read from it and nothing in it is referred back to."""
    cached = doc.user_data.get("kg_headline_end")
    if cached is not None:
        return cached
    cached = 0
    first = next((t for t in doc if not t.is_space), None)
    if first is not None:
        end = next((t.i + 1 for t in doc[first.i:] if "\n" in t.whitespace_ or (t.is_space and "\n" in t.text)), len(doc))
        line = [t for t in doc[first.i:end] if not t.is_space]
        words = [t for t in line if not t.is_punct]
        # (a headline may ask a question: "The first AI treaty is in force. Who is bound by it?")
        if line and words and len(words) <= 30 and line[-1].text[-1] not in ".!\"”'’:;" and end < len(doc):
            cached = end
    doc.user_data["kg_headline_end"] = cached
    return cached


def is_headline(sent: Span) -> bool:
    """Whether a sentence is (part of) the headline: see :func:`_headline_end`."""
    return sent.start < _headline_end(sent.doc)


#: Small words a speaker label's title may hold ("The Minister for State Reform").
_LABEL_CONNECTORS = {"of", "for", "the", "and", "on", "de", "da", "do", "dos", "van", "von", "al", "el", "bin", "y"}


#: Labels a web page puts before its own lines: a caption's, a link's, a timestamp's.
_PAGE_LABELS = {"photo", "photograph", "picture", "image", "caption", "video", "audio", "read", "related", "share",
                "tags", "topics", "keywords", "published", "updated", "posted", "source", "credit", "watch",
                "listen", "see", "also", "more", "most", "trending", "sponsored", "advertisement", "follow"}


def speaker_label_end(doc, start: int, max_words: int = 8) -> int | None:
    """Where the utterance starts after a speaker label that opens the line at ``start``: capitalised
    words, maybe with a bracketed party, name or note, then a colon ("Lin Jiayi:", "The President (Graça
    Nogueira):", "MINISTER MORIYAMA (through interpreter):"). None when the line opens otherwise.

    Datelines ("ISLAMABAD:") and page labels ("Photo:") fit too; setting them apart harms nothing.
    """
    if doc[start].lower_ in _PAGE_LABELS:
        return None  # ("Photograph: Lucy Marchbank and Mark Tillotson …", "READ: Kenya unveils …": the page's)
    depth = words = 0
    for j in range(start, min(start + 24, len(doc) - 1)):
        t = doc[j]
        if "\n" in t.text:
            return None
        if t.text in {":", "):", "]:"}:
            after = doc[j + 1]
            if not words or "\n" in t.whitespace_ or after.is_space:
                return None  # (a label on a line of its own is a sentence of its own already)
            return j + 1 if after.text[:1].isupper() or after.text in {'"', "“", "‘", "'"} else None
        if t.text in {"(", "["}:
            depth += 1
        elif t.text in {")", "]"}:
            depth -= 1
        elif depth > 0 or t.like_num or t.text in {"-", "—", "–", ".", "'", "’", ",", "&", "/"}:
            continue  # (inside brackets anything goes: "(CH)", "(through interpreter)", "[00:21]")
        elif t.text[:1].isupper() and (t.is_alpha or "-" in t.text or "." in t.text):
            words += 1
            if words > max_words:
                return None
        elif t.lower_ not in _LABEL_CONNECTORS:
            return None
    return None


def opens_line(token: Token) -> bool:
    """Whether a token is the first of its line (the document's first, or after a line break)."""
    before = token.doc[token.i - 1] if token.i else None
    return before is None or "\n" in before.whitespace_ or "\n" in before.text


#: Marks that open a bulleted line, which is prose however short ("- Microsoft signed a deal with OpenAI").
_BULLETS = "-•*·▪–—"
#: Marks a page puts after a title on its line ("Senate approves AI bill | ▶").
_TAIL_MARKS = " \t|•·▪►»>-"


def doc_text(doc: Doc) -> str:
    """The document's text, built once (spaCy rebuilds ``Doc.text`` from its tokens on every call)."""
    text = doc.user_data.get("kg_text")
    if text is None:
        text = doc.user_data["kg_text"] = doc.text
    return text


def is_title_line(sent: Span, max_words: int = 25) -> bool:
    """Whether a sentence is a line of its own that reads as a title rather than prose: a live blog's entry
    heading, a link in a "Most read" list, the headline of a story quoted inside a page. It fills its line
    (after a list number, a quote mark or a clock time; a clock time or date in brackets may follow), is
    short, and ends without a full stop. Like the headline, its telegraphic grammar misleads the parser,
    and the prose under it says the same in full.

    Not a title: a hard-wrapped paragraph's line (its sentence goes on to the next line), a bulleted line,
    or a text of one line.
    """
    text = doc_text(sent.doc)
    own = sent.text
    start = sent.start_char + len(own) - len(own.lstrip())
    end = sent.start_char + len(own.rstrip())
    if start >= end or "\n" in text[start:end]:
        return False
    line_start = text.rfind("\n", 0, start) + 1
    line_end = text.find("\n", end)
    line_end = len(text) if line_end < 0 else line_end
    if line_start == 0 and not text[line_end:].strip():
        return False  # (a text of one line is prose, whatever it ends with)
    lead = text[line_start:start]
    if any(ch.isalpha() for ch in re.sub(r"(?i)\b[ap]\.?m\.?", "", lead)) \
            or text[line_start:end].lstrip()[:1] in set(_BULLETS):
        return False
    if not _bracketed_or_empty(text[end:line_end].strip(_TAIL_MARKS)):
        return False
    body = text[start:end].rstrip(_TAIL_MARKS)
    if body.endswith(")") and 0 <= len(body) - body.rfind("(") <= 22:
        body = body[:body.rfind("(")].rstrip(_TAIL_MARKS)
    body = body[re.match(r"[\W\d_]*", body).end():]  # ("15:55 Seoul and Riyadh sign …", "1. Qatar signs …")
    if not body or body[-1] in ".!?\"”'’:;)…" or len(body.split()) > max_words:
        return False
    following = text[line_end:].lstrip()
    return not following[:1].islower()  # (a wrapped line whose sentence the parser cut at the break)


def _bracketed_or_empty(rest: str) -> bool:
    """Whether what follows a title on its line is nothing or one short bracket ("(05:10)", "(27 February)")."""
    return not rest or rest[0] == "(" and rest[-1] == ")" and len(rest) <= 22 and rest.count("(") == 1


def _quoted_name_before(noun: Token) -> tuple[str, int, int]:
    """A quoted name right before the noun's phrase, in apposition: '"Shared Intelligence for
    Sustainable Development", a resolution on …'. The name and its token range."""
    doc = noun.doc
    left = noun.left_edge.i
    if left < 2 or doc[left - 1].text != "," or doc[left - 2].text not in _CLOSE_QUOTES:
        return "", 0, 0
    for j in range(left - 3, max(-1, left - 28), -1):
        if doc[j].text in _OPEN_QUOTES:
            title = doc[j + 1: left - 2].text.strip(" ,.;:")
            if title[:1].isupper() and len(title.split()) >= 2:
                return title, j + 1, left - 2
            break
    return "", 0, 0


def known_as(noun: Token) -> str:
    """The name a participle gives the noun's phrase: "a package of changes to the AI Act, known as the
    digital omnibus". The parser often attaches the participle to the last noun; a proper name needs no
    naming, so a participle under one names the phrase."""
    for t in noun.subtree:
        if t.dep_ != "acl" or t.tag_ not in {"VBN", "VBD"} or t.lemma_.lower() not in {"know", "call", "dub", "name", "brand"}:
            continue
        if t.head != noun and t.head.pos_ != "PROPN":
            continue
        for child in t.children:
            target = next(iter(_children_of(child, {"pobj"})), None) if child.dep_ == "prep" and child.lower_ == "as" \
                else (child if child.dep_ == "oprd" else None)
            if target is None:
                continue
            clauses = {w.i for c in target.children if c.dep_ in {"relcl", "acl", "advcl", "appos"} for w in c.subtree}
            words = [w.text for w in target.subtree if w.dep_ != "det" and not w.is_punct and w.i not in clauses
                     and w.text not in _OPEN_QUOTES | _CLOSE_QUOTES]  # (not "…, which entered into force")
            if 1 <= len(words) <= 8 and (len(words) >= 2 or words[0][:1].isupper()):
                return " ".join(words)
    return ""


def _children_of(token: Token, deps: set[str]) -> list[Token]:
    return [c for c in token.children if c.dep_ in deps]


#: Nouns a product's name stands in apposition to: "its language model Tianlu-3".
PRODUCT_HEADS = {"model", "system", "chatbot", "assistant", "chip", "processor", "version", "platform", "app",
                 "tool", "agent", "successor", "sibling"}


def product_name(noun: Token) -> EntityMention | None:
    """A name the NER missed, in apposition to a product noun: "its open-weight model Tianlu-3"; or
    the other way round: "released Aurora-3, an open-weight language model"."""
    if noun.text[:1].isupper() and mention_at(noun) is None and (noun.pos_ == "PROPN" or any(
            ch.isdigit() for ch in noun.text)) and (any(
            c.dep_ == "appos" and c.lemma_.lower() in PRODUCT_HEADS for c in noun.children) or (
            noun.dep_ == "dobj" and noun.i + 1 < len(noun.doc) and noun.nbor(1).text == "," and any(
                c.dep_ == "dobj" and c.i > noun.i and c.lemma_.lower() in PRODUCT_HEADS for c in noun.head.children))):
        # (… or parsed as a second object: "released Tessera-34B, a 34-billion-parameter language model")
        words = [t for t in noun.lefts if t.dep_ in {"compound"}] + [noun]
        label = noun.doc[words[0].i: noun.i + 1].text
        return EntityMention(noun.i, noun.i + 1, entity_key("Product", label), label, "Product", "ner")
    if noun.lemma_.lower() in PRODUCT_HEADS and noun.is_lower:
        named = [c for c in noun.children if c.dep_ == "compound" and mention_at(c) is None
                 and c.text[:1].isupper() and (any(ch.isdigit() for ch in c.text) or c.pos_ == "PROPN")]
        if named:  # "its Tuwaiq-3 model", "the Lys model": the compound names the product
            label = noun.doc[named[0].left_edge.i: named[-1].i + 1].text
            return EntityMention(named[0].left_edge.i, named[-1].i + 1, entity_key("Product", label), label,
                                 "Product", "ner")
    for child in noun.children:
        if child.dep_ == "appos" and child.i > noun.i and child.text[:1].isupper() and mention_at(child) is None:
            words = [t for t in child.subtree if not t.is_punct or t.text == "-"]
            if 1 <= len(words) <= 4 and all(t.text[:1].isupper() or t.like_num or t.text == "-" for t in words):
                label = noun.doc[words[0].i: words[-1].i + 1].text
                return EntityMention(child.i, child.i + 1, entity_key("Product", label), label, "Product", "ner")
    return None


def _titled_complement_end(noun: Token, covered: set[int]) -> int:
    """Where a name's titled complement ends: "Charter" + "on AI for Development" (or ``noun.i + 1``)."""
    doc = noun.doc
    j = noun.i + 1
    if j + 1 >= len(doc) or doc[j].lower_ not in {"on", "for", "of"} or not (doc[j + 1].is_title or doc[j + 1].is_upper) \
            or doc[j + 1].ent_type_ in {"GPE", "LOC", "DATE", "PERSON", "NORP"}:
        return noun.i + 1
    end = j
    k = j + 1
    while k < len(doc) and k - j < 9 and k not in covered - {i for i in range(k, k + 1) if doc[i].ent_type_ == "CONCEPT"} \
            and (doc[k].is_title or doc[k].is_upper or doc[k].lower_ in {"and", "the", "for", "of", "on", "in"}) \
            and doc[k].ent_type_ not in {"GPE", "LOC", "DATE", "PERSON", "NORP", "TIME"}:
        if doc[k].is_title or doc[k].is_upper:
            end = k + 1
        k += 1
    return end if end > j + 1 else noun.i + 1


def _capitalised_name(noun: Token, covered: set[int], min_words: int = 2) -> tuple[int, str, int] | None:
    # (a place or a demonym may stand inside the name: "the *Indian* Ocean Summit", "the *Paris* Forum";
    # the caller passes ``covered`` without them)
    """A document or event noun written with capitals after capitalised modifiers, "the Indian Ocean
    Digital Futures Summit": a name. Returns its start and label, or None."""
    if not noun.is_title or noun.dep_ == "compound":
        return None
    start = noun.i
    doc = noun.doc
    while start > 0 and start - 1 not in covered and doc[start - 1].head.i <= noun.i \
            and doc[start - 1].i >= noun.left_edge.i and (
            (doc[start - 1].is_title or doc[start - 1].is_upper) and doc[start - 1].pos_ in {"PROPN", "ADJ", "NOUN"}
            or doc[start - 1].tag_ == "HYPH" or doc[start - 1].like_num and doc[start - 1].pos_ != "DET"):
        start -= 1
    words = [t for t in doc[start:noun.i] if t.is_title or t.is_upper and t.is_alpha]
    if any(t.tag_.startswith("VB") for t in doc[start:noun.i]) or any(
            t.is_title and t.pos_ in {"VERB", "AUX"} for t in noun.subtree if t.i > noun.i):
        return None  # a title-cased headline, "UNGA Adopts China-Proposed Resolution to Enhance …"
    quotes = [t for t in doc[noun.sent.start:start] if t.text in _OPEN_QUOTES | _CLOSE_QUOTES]
    if len(quotes) % 2 == 1 and (noun.i + 1 >= len(doc) or doc[noun.i + 1].text not in _CLOSE_QUOTES):
        return None  # inside a quoted title that goes on: a headline cited, not this name
    end = _titled_complement_end(noun, covered)
    if len(words) + (end > noun.i + 1) < min_words or not words and min_words < 2 \
            or any(t.i == t.sent.start for t in words[:1]) and len(words) < 3 and min_words >= 2:
        return None  # one capitalised word, or a sentence-initial one: not enough to tell a name
    # ("the Riyadh Charter on AI for Development": one modifier and a titled complement will do)
    return start, normalise_name(doc[start:end].text), end


def _first_body_sentence_end(doc: Doc) -> int:
    """Where the first sentence after the headline ends (the lede that introduces the story)."""
    start = _headline_end(doc)
    for sent in doc.sents:
        if sent.end > start and sum(not t.is_space and not t.is_punct for t in sent) >= 6:
            return sent.end  # (not a dateline standing alone)
    return 0


def _name_before_class_noun(token: Token, covered: set[int]) -> tuple[int, str] | None:
    """A capitalised name the NER missed, used as the modifier of a lowercase class noun: "the Stop Killer
    Robots coalition" (start, "Stop Killer Robots"). Not where any word is already a mention ("the AI
    Safety network", "the Kenyan ministry")."""
    if token.tag_ != "NN" or not token.is_lower or token.lemma_.lower() not in ANAPHORIC_ORGANISATION_NOUNS:
        return None
    start = token.i
    while start > 0 and token.doc[start - 1].dep_ == "compound" and token.doc[start - 1].head.i in range(start, token.i + 1) \
            and token.doc[start - 1].tag_ in {"NNP", "NNPS"} and token.doc[start - 1].is_title:
        start -= 1
    words = token.doc[start:token.i]
    if len(words) < 2 or any(t.i in covered for t in words) or start == token.sent.start:
        return None
    return start, words.text


def _link_descriptions(doc: Doc, mentions: list[EntityMention]) -> list[EntityMention]:
    """Descriptions of documents and events, linked to the names the article gives them.

    - 'a resolution titled "Bridging the AI Divide"' is the resolution *Bridging the AI Divide*;
    - 'a declaration on inclusive AI', followed within a few sentences by the first *Nairobi
      Declaration*, is that declaration: news introduces a document by description, then names it.
    """
    covered = {i for m in mentions for i in range(m.start, m.end)}
    out = list(mentions)
    described: list[EntityMention] = []
    headline_end = _headline_end(doc)
    for token in doc:
        titled_plural = token.tag_ in {"NNS", "NNPS"} and token.is_title and token.lower_ in NAME_DOCUMENT_HEADS
        if token.i in covered or token.pos_ not in {"NOUN", "PROPN"} or token.tag_ in {"NNS", "NNPS"} and not titled_plural:
            continue
        if token.i < headline_end:
            continue  # "backs text with caveats": a headline's telegraphic phrase introduces nothing
        lemma = token.lemma_.lower()
        name = _name_before_class_noun(token, covered)
        if name is not None:  # "the Stop Killer Robots coalition": the coalition is Stop Killer Robots
            start, label = name
            kind = ANAPHORIC_ORGANISATION_NOUNS[lemma]
            out.append(EntityMention(start, token.i + 1, entity_key(kind, label), label, kind, "titled"))
            covered |= set(range(start, token.i + 1))
            continue
        if titled_plural:
            # "the Durban Principles on AI for Inclusive Development" (the NER took "AI for Inclusive
            # Development" for a company): a titled plural head and its complement are one name
            after = {i for m in out if m.type != "Person" and token.i < m.start <= token.i + 2
                     for i in range(m.start, m.end)}
            capitalised = _capitalised_name(token, covered - after, min_words=1)
            if capitalised is not None:
                start, label, end = capitalised
                kind = NAME_DOCUMENT_HEADS[token.lower_]
                out = [m for m in out if not start <= m.start < end]
                out.append(EntityMention(start, end, entity_key(kind, label), label, kind, "titled"))
                covered |= set(range(start, end))
            continue
        kind = DOCUMENT_NOUNS.get(lemma) or EVENT_NOUNS.get(lemma) if not _idiom(token) else None
        if kind is None and lemma == "draft" and _quoted_title(token):
            kind = "Document"  # "The draft, titled "Closing the AI Capacity Gap"": a text by its title
        standing_group = lemma == "group" and any(c.lower_ in STANDING_GROUP_WORDS for c in token.children)
        if kind is None and (lemma in ORGANISATION_NOUNS or standing_group) and token.is_title:
            inner = {i for m in out if m.type != "Person" for i in range(m.start, m.end)}
            capitalised = _capitalised_name(token, covered - inner)
            if capitalised is not None:  # "the ASEAN AI Safety Network", missed by the NER
                start, label, end = capitalised
                organisation = _org_type(label) if lemma not in _ORG_HEADS else "Organisation"
                out = [m for m in out if not start <= m.start < end]
                out.append(EntityMention(start, end, entity_key(organisation, label), label, organisation, "titled"))
                covered |= set(range(start, end))
                continue
        if kind is None and lemma in ORGANISATION_NOUNS and token.tag_ == "NN" \
                and any(c.dep_ == "det" and c.lower_ in {"a", "an"} for c in token.children) \
                and not (token.dep_ == "appos" and token.head.i in covered):  # (", a testing body": the name)
            # "a regional network of AI safety institutes", named later "the ASEAN AI Safety Network"
            organisation = ORGANISATION_NOUNS[lemma]
            label = noun_phrase_label(token)
            if len(label.split()) >= 2:
                described.append(EntityMention(token.i, token.i + 1, entity_key(organisation, label), label,
                                               organisation, "description"))
            continue
        if kind is None:
            continue
        if lemma == "text" and token.tag_ == "NN" and not any(c.dep_ in {"det", "poss"} for c in token.children):
            continue  # "models trained mostly on English text": text as a mass noun is no document
        places = {i for m in out if m.how == "demonym" or m.type in {"Country", "City", "Place", "Concept"}
                  for i in range(m.start, m.end)}  # ("the *Artificial Intelligence* Governance Bill")
        capitalised = _capitalised_name(token, covered - places)
        if capitalised is not None:  # "The Indian Ocean Digital Futures Summit", missed by the NER
            start, label, end = capitalised
            out = [m for m in out if not start <= m.start < end]
            out.append(EntityMention(start, end, entity_key(kind, label), label, kind, "titled"))
            covered |= set(range(start, end))
            continue
        before, quote_start, quote_end = _quoted_name_before(token)
        title = _quoted_title(token) or before or known_as(token)
        if title and title == before:
            # the quoted name is a mention of the same document ("adopted "X", a resolution on …"),
            # whatever the NER made of its words ("Ocean Data" an organisation)
            out = [m for m in out if not (quote_start <= m.start and m.end <= quote_end)]
            covered -= set(range(quote_start, quote_end))
            out.append(EntityMention(quote_start, quote_end, entity_key(kind, title), title, kind, "titled"))
            covered |= set(range(quote_start, quote_end))
        so_called = [c for c in token.children if c.i < token.i and (c.lower_ == "so-called" or (
            c.lower_ == "called" and any(g.lower_ == "so" for g in c.children)))]
        if not title and so_called:  # "the so-called digital omnibus": the phrase is a name
            words = [w for w in noun_phrase_label(token).split() if w.lower() not in {"so-called", "so", "called"}]
            title = " ".join(words) if len(words) >= 2 else ""
        if title and any(ch.isalpha() for ch in title):
            out.append(EntityMention(token.i, token.i + 1, entity_key(kind, title), title, kind, "titled"))
            continue
        dets = {c.lower_ for c in token.children if c.dep_ == "det"}
        first = any(c.lower_ == "first" for c in token.children if c.dep_ == "amod") and token.dep_ != "appos" \
            and not (token.left_edge.i > 0 and doc[token.left_edge.i - 1].text == ",")  # (", the first text to …")
        if (dets & {"the", "this", "that", "these", "those"} or any(c.dep_ == "poss" for c in token.children)) \
                and not (first and token.i < _first_body_sentence_end(doc)):
            # definite: refers back, resolved on demand (resolve_description); but "the country's first
            # law on AI" in a story's opening sentence introduces the law
            continue
        edge = token.left_edge.i
        named_before = next((m for m in out if edge >= 2 and doc[edge - 1].text == "," and m.start <= edge - 2 < m.end
                             and m.how in {"ner", "gazetteer", "titled"} and type_group(m.type) == type_group(kind)), None)
        if named_before is not None and (token.dep_ == "appos" or dets & {"a", "an"} and token.dep_ != "conj"
                                         and not any(c.dep_ in {"conj", "cc"} for c in token.children)):
            # "the Riyadh Charter on AI for Development, a non-binding text drafted by …": the text named
            # (however parsed: the small model often makes it a second object), unless it starts a list
            out.append(EntityMention(token.i, token.i + 1, named_before.key, named_before.label, named_before.type,
                                     "description"))
            continue
        label = noun_phrase_label(token)
        if kind == "Agreement":
            at = {i: m for m in out for i in range(m.start, m.end)}
            label = _with_parties(label, agreement_parties(token, lambda t: at.get(t.i)))
        # (a bare "a declaration" is kept only if a name follows for it: see below)
        described.append(EntityMention(token.i, token.i + 1, entity_key(kind, label), label, kind, "description"))
    named = [m for m in out if m.how in {"gazetteer", "ner", "titled"} and (
        type_group(m.type) in {"Document", "Event"}
        or type_group(m.type) == "Actor" and m.type not in {"Person", "Country", "Group"})]
    sents = list(doc.sents)
    sent_of = {t.i: k for k, s in enumerate(sents) for t in s} if sents else {}
    for d in described:
        # the same kind of thing: the same class, or any document for a generic one ("a package of
        # amendments … the so-called digital omnibus")
        same = (lambda x: x.type == d.type or (type_group(x.type) == type_group(d.type) == "Document"
                                               and "Document" in {x.type, d.type})
                or (type_group(d.type) == type_group(x.type) == "Actor" and x.type not in {"Person", "Country", "Group"}))
        # not a name inside the description's own phrase: "a package of amendments to the AI Act" is not
        # the AI Act
        phrase_end = doc[d.start].right_edge.i
        head = doc[d.start].lemma_.lower()
        # "a bilateral memorandum on data sharing" is not the "Recommendation on the Ethics of AI" named
        # later: the name must have the description's head, unless the description is generic ("the text")
        later = [n for n in named if n.start > phrase_end and same(n)
                 and sent_of.get(n.start, 0) - sent_of.get(d.start, 0) <= 6
                 and (head in GENERIC_DOCUMENT_NOUNS or head in n.label.lower() or name_head(n.label) == head
                      or DOCUMENT_NOUNS.get(head) == "Law" == DOCUMENT_NOUNS.get(name_head(n.label))
                      or n.how == "titled" and n.type == d.type and n.type not in {"Document", "Event"}
                      # "a resolution on AI … The text, titled "…"": a generic text given its title
                      or n.how == "titled" and n.type == "Document"
                      and doc[n.start].lemma_.lower() in GENERIC_DOCUMENT_NOUNS | {"draft", head})]
        # ("an open letter … The letter, titled "The Duty to Warn"": the same head, given its title)
        rivals = [x for x in described if x is not d and same(x) and d.start < x.start
                  and (not later or x.start < later[0].start)]
        if later and len(d.label.split()) < 2 and (head in GENERIC_DOCUMENT_NOUNS or head not in later[0].label.lower()) \
                and not (later[0].how == "titled" and later[0].type == d.type):
            later = []  # a bare "a text" is any text; a bare "a declaration" is the declaration named next
        if later and not rivals:
            name = later[0]
            # ("a resolution on AI … The text, titled X": X is a resolution, not just any text)
            kind = d.type if name.type == "Document" and type_group(d.type) == "Document" else name.type
            d = EntityMention(d.start, d.end, name.key, name.label, kind, "description")
        elif len(d.label.split()) < 2:
            continue  # "a declaration" that no name follows says nothing a reader could look up
        out.append(d)
    return sorted(out, key=lambda m: m.start)


# --------------------------------------------------------------------------------------------------
# Resolving an argument token (called by the extractor)


def gaz_titles_abbreviations(doc: Doc) -> dict[str, str]:
    return doc._.kg_abbreviations or {}


def mention_at(token: Token) -> EntityMention | None:
    table = token.doc._.kg_token_mention or {}
    return table.get(token.i)


def sentence_starts(doc: Doc) -> list[int]:
    """Token offsets where sentences start (computed once per Doc: resolution asks often)."""
    starts = doc.user_data.get("kg_sentence_starts")
    if starts is None:
        starts = [s.start for s in doc.sents] if doc.has_annotation("SENT_START") else []
        doc.user_data["kg_sentence_starts"] = starts
    return starts


def _nearest_before(doc: Doc, before: int, accept, window_sents: int = 3,
                    prefer_subjects: bool = False) -> EntityMention | None:
    starts = sentence_starts(doc)
    floor = 0
    if starts:
        idx = max(0, bisect.bisect_right(starts, before) - 1)
        floor = starts[max(0, idx - window_sents)]
    floor = max(floor, story_start(doc, before), _headline_end(doc))  # never into another story or the headline
    candidates = [m for m in doc._.kg_mentions or [] if floor <= m.start < before and accept(m)]
    if not candidates:
        return None
    if prefer_subjects:
        # Centering: a pronoun most often continues the topic, the subject of a recent clause
        subjects = [m for m in candidates if _subject_mention(doc[m.end - 1]) or _subject_mention(doc[m.start:m.end].root)]
        if subjects:
            return max(subjects, key=lambda m: m.start)
    # Of the latest sentence that has candidates, the argument highest in its tree (Hobbs): "adopted a
    # resolution that calls for a binding instrument. The text …" is the resolution, not the instrument
    latest = max(candidates, key=lambda m: m.start)
    sentence = doc[latest.end - 1].sent
    same = [m for m in candidates if sentence.start <= m.start < sentence.end]
    # (by the name's own head, not its last word: "the Institute for Responsible AI" is as high as its head)
    return min(same, key=lambda m: (_depth(doc[m.start:m.end].root), -m.start))


def _subject_mention(token: Token) -> bool:
    """Whether a mention's last token is a subject, or names one ("the Tisza party criticised …")."""
    if token.dep_ == "compound" and token.head.lemma_.lower() in NAMED_BY_COMPOUND_NOUNS:
        token = token.head
    if token.dep_ in {"poss", "compound", "amod"} and token.head.dep_ in {"nsubj", "nsubjpass"} \
            and token.head.lemma_.lower() in GOVERNMENT_NOUNS:
        return True  # "Russia's foreign ministry condemned …": Russia is the topic
    if token.dep_ == "ROOT" and token.pos_ == "PROPN" and token.i == token.sent.start:
        return True  # "Fiji, which will host …, pressed for …", the verb parsed as a modifier of the name
    return token.dep_ in {"nsubj", "nsubjpass"}


def _depth(token: Token) -> int:
    """How many heads lie between a token and its sentence's root."""
    return sum(1 for _ in token.ancestors)


def story_entity(doc: Doc, before: int, accept, window_sents: int = 5) -> EntityMention | None:
    """Of the entities ``accept`` takes that were named in the last few sentences, the one the story
    has named most often before ``before`` (the first named among equals: stories introduce their
    subject first). "The company" and "chief executive X" belong to it."""
    starts = sentence_starts(doc)
    idx = max(0, bisect.bisect_right(starts, before) - 1)
    recent_floor = starts[max(0, idx - window_sents)] if starts else 0
    floor = max(story_start(doc, before), _headline_end(doc))
    counts: dict[str, list] = {}
    recent: set[str] = set()
    for m in doc._.kg_mentions or []:
        if floor <= m.start < before and accept(m):
            counts.setdefault(m.key, [0, m])[0] += 1
            if m.start >= recent_floor:
                recent.add(m.key)
    candidates = [c for k, c in counts.items() if k in recent]
    return max(candidates, key=lambda c: (c[0], -c[1].start))[1] if candidates else None


def home_country(doc: Doc, at: int) -> EntityMention | None:
    """The country a story is about, when one clearly dominates it: named at least three times and
    at least twice as often as any other. Its capital and its national bodies ("Canberra", "the
    Australian AI Safety Institute") count as naming it. "The Minister for Enterprise" in a story about
    Ireland is Ireland's minister; in a story about two countries nobody can tell whose."""
    floor = story_start(doc, at)
    counts: dict[str, list] = {}
    places: dict[str, int] = {}  # capitals and national bodies ("Canberra", "the Australian AI Safety Institute")
    gaz = None
    for m in doc._.kg_mentions or []:
        if story_start(doc, m.start) != floor:
            continue
        if m.type == "Country":
            counts.setdefault(m.key, [0, m])[0] += 1
        elif m.how == "capital" and m.country:
            places[m.country] = places.get(m.country, 0) + 1
        elif type_group(m.type) == "Actor" and m.type not in {"Person", "Group"}:
            gaz = gaz or Gazetteer.load()
            first = doc[m.start] if doc[m.start].pos_ != "DET" or m.end - m.start < 2 else doc[m.start + 1]
            country = gaz.country_of_demonym(first.text)
            if country is not None:
                places[country.key] = places.get(country.key, 0) + 1
    for key, n in places.items():
        if key in counts:
            counts[key][0] += n
    ranked = sorted(counts.values(), key=lambda c: -c[0])
    if not ranked or ranked[0][0] < 3 or (len(ranked) > 1 and ranked[0][0] < 2 * ranked[1][0]):
        return None
    return ranked[0][1]


#: The latest mention ``accept`` takes in the last few sentences of the story (public for the extractor).
nearest_mention_before = _nearest_before


def _pronoun_filter(kind: str):
    if kind == "Person":
        return lambda m: m.type == "Person" and m.how != "demonym"
    if kind == "Thing":
        return lambda m: type_group(m.type) in {"Actor", "Document", "Event"} and m.type != "Person" \
            and m.how != "demonym"
    return lambda m: m.type in {"Country", "Group", "Organisation", "GovernmentBody", "Company",
                                "InternationalOrganisation", "ResearchInstitute", "Legislature"} \
        and m.how != "demonym"


def _cataphora(token: Token, accept) -> EntityMention | None:
    """A pronoun in a fronted subordinate clause refers forward to the main clause's subject:
    "When asked how *he* felt, the Foreign Secretary said …"."""
    for ancestor in token.ancestors:
        if ancestor.dep_ == "advcl" and ancestor.i < ancestor.head.i:
            for subj in ancestor.head.children:
                if subj.dep_ in {"nsubj", "nsubjpass"} and subj.i > token.i:
                    found = mention_at(subj) or (resolve_token(subj) if subj.pos_ != "PRON" else None)
                    if found is not None and accept(found):
                        return found
            return None
    return None


def resolve_pronoun(token: Token) -> EntityMention | None:
    """The entity a third-person pronoun refers to: the main-clause subject for a pronoun in a fronted
    subordinate clause, else the nearest preceding compatible entity."""
    kind = _PRONOUNS.get(token.lower_)
    if kind is None:
        return None
    accept = _pronoun_filter(kind)
    if kind != "Plural":  # "it", "he": not one of a coordination ("the US and Argentina … it")
        single = accept
        accept = lambda m: single(m) and not _coordinated_mention(token.doc, m)  # noqa: E731
    gender = _PRONOUN_GENDER.get(token.lower_)
    if gender:  # "she" is not the man the article called "Mr Otaibi"
        genders = _genders(token.doc)
        sexed = accept
        accept = lambda m: sexed(m) and genders.get(m.key, gender) == gender  # noqa: E731
    if token.dep_ in {"dobj", "pobj"} and kind != "Plural":
        # an object pronoun is not its own clause's subject: "Egypt … declined to sign it" (not Egypt)
        clause = token.head if token.dep_ == "dobj" else token.head.head
        local = set()
        for _ in range(3):
            local |= {c.i for c in clause.children if c.dep_ in {"nsubj", "nsubjpass"}}
            if clause.dep_ not in {"xcomp", "conj"} or clause.head == clause:
                break
            clause = clause.head
        bound = accept
        accept = lambda m: bound(m) and (m.end - 1) not in local  # noqa: E731
    if kind == "Thing" and token.dep_ == "dobj":
        # "X praised the declaration, while Y criticised it": the direct object before it in the sentence
        earlier = [t for t in token.sent if t.i < token.i and t.dep_ == "dobj" and t.pos_ in {"NOUN", "PROPN"}]
        if earlier:
            before = mention_at(earlier[-1]) or resolve_token(earlier[-1])
            if before is not None and accept(before) and type_group(before.type) in {"Document", "Event", "Product"}:
                return EntityMention(token.i, token.i + 1, before.key, before.label, before.type, "pronoun")
    if kind == "Thing" and token.dep_ in {"dobj", "pobj"}:
        # an object pronoun continues the last object: "criticised the resolution …, while Kenya praised it"
        parallel = _nearest_before(token.doc, token.i, lambda m: accept(m) and token.doc[m.end - 1].dep_ in {
            "dobj", "pobj"} and token.doc[m.end - 1].sent == token.sent, window_sents=0)
        if parallel is not None:
            return EntityMention(token.i, token.i + 1, parallel.key, parallel.label, parallel.type, "pronoun")
    found = None
    if gender and token.dep_ in {"nsubj", "nsubjpass"} and any(
            t.dep_ in {"nsubj", "nsubjpass"} and _PRONOUN_GENDER.get(t.lower_) not in {None, gender}
            for t in token.sent if t.i < token.i):
        # "She invited Ferrante to Japan, and he will visit Tokyo": the other sex's subject before it leaves
        # the person its clause named
        found = _nearest_before(token.doc, token.i, lambda m: accept(m) and m.start >= token.sent.start, window_sents=0)
    found = found or _cataphora(token, accept) or _speaker_binding(token, accept) \
        or _possessive_in_sentence(token, accept)
    if found is None:
        found = _nearest_before(token.doc, token.i, accept, prefer_subjects=True)
        if found is not None and gender and _genders(token.doc).get(found.key) is None:
            # "he invited Ms Velasco to the summit. *She* said she would attend": the woman the article
            # just called "Ms", before a subject of unknown sex (which may be no person at all)
            genders = _genders(token.doc)
            found = _nearest_before(token.doc, token.i, lambda m: accept(m) and genders.get(m.key) == gender,
                                    window_sents=1) or found
    if found is None:
        return None
    if gender and found.type == "Person" and token.dep_ in {"nsubj", "nsubjpass"}:
        # "She invited Ferrante to Japan, and he will visit Tokyo": a subject "she" that is Oyama makes
        # her a woman for the rest of the article, so "he" is Ferrante
        _genders(token.doc).setdefault(found.key, gender)
    return EntityMention(token.i, token.i + 1, found.key, found.label, found.type, "pronoun")


_PRONOUN_GENDER = {"he": "m", "him": "m", "his": "m", "himself": "m", "she": "f", "her": "f", "hers": "f",
                   "herself": "f"}
_HONORIFIC_GENDER = {"mr": "m", "mr.": "m", "sir": "m", "lord": "m", "shri": "m", "smt": "f", "smt.": "f",
                     "shrimati": "f", "ms": "f", "ms.": "f", "mrs": "f", "mrs.": "f",
                     "miss": "f", "dame": "f", "lady": "f", "madam": "f", "baroness": "f", "baron": "m"}


def _genders(doc: Doc) -> dict[str, str]:
    """The gender the article gives people through honorifics ("Ms Sari", "Mr Okafor"), by entity key."""
    found = doc.user_data.get("kg_genders")
    if found is None:
        found = {}
        for m in doc._.kg_mentions or []:
            if m.type == "Person" and m.start > 0:
                g = _HONORIFIC_GENDER.get(doc[m.start - 1].lower_) or _HONORIFIC_GENDER.get(doc[m.start].lower_)
                if g:
                    found.setdefault(m.key, g)
        doc.user_data["kg_genders"] = found
    return found


def _coordinated_mention(doc: Doc, m: EntityMention) -> bool:
    """Whether a mention is one of a coordination ("the US and Argentina"), not a name with "and" in it
    ("Trinidad and Tobago", "Bosnia and Herzegovina")."""
    inside = range(m.start, m.end)
    head = doc[m.start:m.end].root
    return head.dep_ == "conj" and head.head.i not in inside or any(
        c.dep_ == "conj" and c.i not in inside for c in head.children)


#: Verbs of saying (a pronoun in the clause they report is often the speaker; an ellipsis after them
#: takes the event they report).
SPEECH_LEMMAS = {"say", "tell", "announce", "add", "state", "insist", "argue", "claim", "warn", "confirm",
                  "note", "stress", "signal", "indicate", "pledge", "promise", "vow"}


def _reporting_subject(token: Token) -> Token | None:
    """For the subject of a clause a speech verb reports, that verb's own subject before it ("Beijing
    said *it* would …" → Beijing)."""
    if token.dep_ not in {"nsubj", "nsubjpass"}:
        return None
    clause = token.head
    while clause.dep_ == "conj" and clause.head != clause:
        clause = clause.head
    if clause.dep_ != "ccomp" or clause.head.lemma_.lower() not in SPEECH_LEMMAS:
        return None
    return next((c for c in clause.head.children if c.dep_ == "nsubj" and c.i < token.i), None)


def _speaker_binding(token: Token, accept) -> EntityMention | None:
    """The subject of a clause reported by a speech verb is, when a pronoun, most often the speaker:
    "Beijing also said *it* would set up a fund and has invited Brazil" → Beijing."""
    speaker = _reporting_subject(token)
    if speaker is None:
        return None
    found = mention_at(speaker)
    if found is None:  # "Its director, Lim Wei Ling, said she …": the person named in apposition
        named = [mention_at(c) for c in speaker.children if c.dep_ == "appos"]
        found = next((m for m in named if m is not None and m.type == "Person"), None)
    if found is None and speaker.pos_ == "PRON":
        return None  # a pronoun speaker: leave it to the general rule, which resolves the speaker too
    if found is None:
        found = resolve_token(speaker)
    if found is not None and found.how == "capital" and found.country:
        label = (doc_country_labels(token.doc) or {}).get(found.country)
        if label:  # "Beijing said it would …": the country
            found = EntityMention(found.start, found.end, found.country, label, "Country", "capital")
    if found is not None and found.type == "Person" and found.how == "ner" and token.lower_ == "it" \
            and found.key not in _genders(token.doc) and not _has_person_title(speaker):
        return found  # "Helix Memory said it would comply": "it" says the NER's "person" is a company
    return found if found is not None and accept(found) else None


def _has_person_title(token: Token) -> bool:
    """Whether a name comes with a person's title or honorific ("Minister Lee", "Ms Park")."""
    words = [t.lower_ for t in token.subtree if t.i < token.i]
    return any(w in _HONORIFIC_GENDER or w in {"dr", "dr.", "professor", "prof.", "minister", "president",
                                               "senator", "secretary", "director", "chief"} for w in words)


def doc_country_labels(doc: Doc) -> dict[str, str]:
    return doc.user_data.get("kg_country_labels") or {}


def _possessive_in_sentence(token: Token, accept) -> EntityMention | None:
    """A possessive pronoun with an antecedent earlier in its own sentence takes the nearest one:
    "hosted by Indonesia and chaired by *its* minister" → Indonesia."""
    if token.dep_ != "poss":
        return None
    sent_start = token.sent.start
    doc = token.doc
    before = [m for m in doc._.kg_mentions or [] if sent_start <= m.start and m.end <= token.i and accept(m)]
    # the sentence's topic first: a subject, or a passive's agent ("chaired by *its* minister" after
    # "hosted by Indonesia"); a name inside a relative clause is not ("Japan, which funds the ASEAN
    # programme, sent *its* minister")
    def topical(m: EntityMention) -> bool:
        head = doc[m.end - 1]
        if any(a.dep_ == "relcl" for a in head.ancestors if a.i < token.i and token not in a.subtree):
            return False
        return head.dep_ in {"nsubj", "nsubjpass"} or (head.dep_ == "pobj" and head.head.lower_ == "by")
    preferred = [m for m in before if topical(m)]
    if preferred:
        return max(preferred, key=lambda m: m.start)
    return max(before, key=lambda m: m.start) if before else None


def plural_antecedent(token: Token) -> Token | None:
    """For a plural pronoun ("they"), the head token of its nearest compatible antecedent, whose
    coordination ("China, the UK and the US … they") the extractor then expands."""
    if _PRONOUNS.get(token.lower_) != "Plural":
        return None
    speakers = _plural_speakers(token)
    if speakers is not None:  # "the UK and Germany said they supported it": the ones who said so
        return speakers
    found = _nearest_before(token.doc, token.i, _pronoun_filter("Plural"))
    if found is None:
        return None
    head = token.doc[found.end - 1]
    while head.head != head and head.dep_ in {"compound", "flat"} and head.head.i < found.end + 3:
        head = head.head
    return head


def _plural_speakers(token: Token) -> Token | None:
    """A plural subject pronoun in the clause a speech verb reports, whose own subject is a
    coordination of named actors before it, is bound by that subject: "Kenya and Brazil co-sponsored
    the draft, and the UK and Germany said *they* supported it" (the UK and Germany, not the nearer
    subject of the first clause)."""
    speaker = _reporting_subject(token)
    if speaker is None or len(speaker.conjuncts) < 1:
        return None
    named = [t for t in (speaker, *speaker.conjuncts) if mention_at(t) is not None
             and type_group(mention_at(t).type) == "Actor"]
    return speaker if len(named) >= 2 else None


_WHEN_WORDS = {"recent", "upcoming", "latest", "forthcoming", "two-day", "three-day", "one-day", "day-long",
               "week-long", "weeklong", "daylong"}


def noun_phrase_label(token: Token, max_words: int = 14) -> str:
    """A short label for the noun phrase headed by ``token``: its modifiers and "of/on/for" complements,
    without determiners, relative or infinitival clauses, or punctuation.

    Used for descriptions ("resolution on AI capacity-building") and concepts ("global approach"). A
    text's "with" partner is left out ("memorandum of understanding with X" is the memorandum of
    understanding) unless nothing else tells it apart ("agreement with India").
    """
    if token.lemma_.lower() in DOCUMENT_NOUNS or token.lemma_.lower() in EVENT_NOUNS:
        without = _phrase_label(token, max_words, partners=False)
        if len(without.split()) >= 2:
            return without
    return _phrase_label(token, max_words, partners=True)


#: Nouns of texts told apart by what they would do ("a proposal to delay …", "a plan to build …").
CONTENT_CLAUSE_NOUNS = {"proposal", "plan"}


def _by_what(by: Token) -> bool:
    """Whether a "by" phrase says how, not who: "a decision by consensus", "reporting by developers"
    (a common noun), not "the decision by the United States" (an agent) or "by 2030" (a time)."""
    objects = [g for g in by.children if g.dep_ == "pobj"]
    return bool(objects) and all(g.pos_ == "NOUN" and g.is_lower and not g.ent_type_ for g in objects)


def _phrase_label(token: Token, max_words: int, partners: bool) -> str:
    keep: set[int] = set()
    event = token.lemma_.lower() in EVENT_NOUNS
    described = event or token.lemma_.lower() in DOCUMENT_NOUNS  # (a concept keeps its "24-hour")

    # "a Polish proposal to delay the AI Act's obligations": what is proposed tells the text apart, and
    # the proposer ("Polish") is an argument of its own, not part of the name
    purpose = [c for c in token.children if c.dep_ == "acl" and c.i > token.i and c.pos_ in {"VERB", "AUX"}
               and any(a.dep_ == "aux" and a.lower_ == "to" for a in c.children)] \
        if token.lemma_.lower() in CONTENT_CLAUSE_NOUNS else []

    def collect(head: Token, depth: int) -> None:
        keep.add(head.i)
        for child in head.children:
            if purpose and head.i == token.i and child.dep_ in {"amod", "compound", "poss"} and child.i < head.i \
                    and (child.ent_type_ in {"NORP", "GPE"} or child.dep_ == "poss"):
                continue
            if purpose and head.i == token.i and child.i == purpose[0].i:
                dated = {t.i for p in child.subtree if p.dep_ == "prep" and any(
                    g.dep_ == "pobj" and g.ent_type_ in {"DATE", "TIME"} for g in p.children) for t in p.subtree}
                clauses = {t.i for c in child.subtree if c.i != child.i and c.dep_ in {"relcl", "advcl", "acl"}
                           for t in c.subtree}  # ("… permanent, tabled by Japan": the text's history, not its aim)
                keep.update(t.i for t in child.subtree if t.i not in dated | clauses)
                continue
            if child.dep_ in {"compound", "amod", "nmod", "nummod", "poss", "quantmod", "advmod", "npadvmod"} \
                    and child.i < head.i:
                if head is token and described and (child.ent_type_ in {"DATE", "TIME"} or child.lower_ in _WHEN_WORDS):
                    continue  # "a two-day meeting", "Wednesday's debate": when, not which
                if child.dep_ == "advmod" and child.lower_ in {"so", "far", "now", "already", "still", "thus", "yet"} \
                        and child.nbor(1).text != "-":  # (not "so-called")
                    continue  # "so far 22 countries": when, not how many
                collect(child, depth + 1)
            elif event and head is token and child.dep_ == "prep" and child.lower_ == "in" and any(
                    g.dep_ == "pobj" and g.ent_type_ in {"GPE", "LOC", "FAC"} for g in child.children) and not any(
                    c.pos_ == "PROPN" for c in token.lefts):
                collect(child, depth + 1)  # "a ministerial meeting in Cusco": where says which (not "G7 summit")
            elif child.dep_ in {"compound", "amod", "pobj", "pcomp", "dobj"} and child.i > head.i:
                collect(child, depth + 1)
            elif child.dep_ == "prep" and depth < 3 and (child.lower_ in {
                    "of", "on", "for", "to", "about", "against", "between"}
                    or child.lower_ == "with" and partners
                    or child.lower_ == "in" and head is token and token.ent_type_ == "MONEY"
                    or child.lower_ == "by" and head is token and _by_what(child)):
                # (… and "£240m *in* new funding for research": what the money is)
                if any(g.dep_ == "pobj" and g.ent_type_ in {"DATE", "TIME"} for g in child.children):
                    continue  # "the resolution on Thursday": when, not what
                if child.lower_ == "for" and any(g.dep_ == "pcomp" and g.tag_ == "VBG" for g in child.children):
                    continue  # "criticised the resolution for ignoring …": the reason, not the thing
                if any(g.dep_ in {"pcomp", "pobj"} and (g.pos_ in {"VERB", "AUX"} or g.tag_ == "WP") for g in child.children):
                    # a clause: "gap between what systems can do and …", less its time ("on Thursday")
                    dated = {t.i for p in child.subtree if p.dep_ == "prep" and any(
                        g.dep_ == "pobj" and g.ent_type_ in {"DATE", "TIME"} for g in p.children) for t in p.subtree}
                    keep.update(t.i for t in child.subtree if t.i not in dated)
                else:
                    collect(child, depth + 1)
            elif child.dep_ in {"conj", "cc"} and child.i > head.i and head is not token:
                collect(child, depth + 1)
            elif child.dep_ == "case" or child.dep_ == "prt" and head is not token and child.i == head.i + 2 \
                    and head.nbor(1).text == "-":
                keep.add(child.i)  # (… and the "up" of a modifier "follow-up")
            elif child.dep_ == "punct" and child.text == "-" and head.i - 1 <= child.i <= head.i + 1:
                keep.add(child.i)  # "twenty-five", "capacity-building"

    collect(token, 0)
    doc = token.doc
    # "the third meeting of the council": of the body the article named ("… of India-EU Trade and
    # Technology Council"), so that the event is told apart by its words
    named_in = {}
    for prep in token.children:
        if not described or prep.dep_ != "prep" or prep.lower_ != "of":
            continue
        for g in prep.children:
            if g.dep_ == "pobj" and g.pos_ == "NOUN" and g.tag_ == "NN" and all(c.dep_ == "det" for c in g.children) \
                    and any(c.lower_ == "the" for c in g.children) and g.lemma_.lower() in ORGANISATION_NOUNS:
                found = mention_at(g) or resolve_description(g)
                if found is not None and type_group(found.type) == "Actor" and len(found.label.split()) >= 2 \
                        and g.lemma_.lower() in found.label.lower():
                    named_in[g.i] = found.label
    out: list[str] = []
    previous = -2
    for i in sorted(keep):
        w = doc[i]
        if i in named_in:
            out.append(named_in[i])
            previous = i
            continue
        if w.tag_ == "POS" and out:
            # "UN Security Council's first briefing", "the Digital Ministers' Meeting"
            out[-1] += "'" if w.text in {"'", "’"} else "'s"
            continue
        if (w.is_punct and w.text not in {"-", "£", "$", "€"}) or w.pos_ == "DET" or w.tag_ == "POS" \
                or w.lower_ in {"such", "other", "own", "its", "their", "his", "her", "our", "my", "your"}:
            continue
        if out and previous == i - 1 and not doc[previous].whitespace_ and w.text != "-" and out[-1] != "-":
            out[-1] += w.text  # written together: "£240m", "US$2.1"
        else:
            out.append(w.text)
        previous = i
    words = out[:max_words]
    while len(words) > 1 and words[-1].lower() in _NAME_PREPOSITIONS | {"and", "or", "the"}:
        words.pop()  # never end a cut-off label on "of"
    label = re.sub(r"\s*-\s*", "-", " ".join(words)).strip()
    # one spelling for one idea, the short one the news uses: "revised AI strategy", not "revised
    # artificial intelligence strategy" beside it (names keep their own words)
    return re.sub(r"\b[Aa]rtificial [Ii]ntelligence\b", "AI", label) if label.lower() != "artificial intelligence" else label


_NEW_EVENT_WORDS = {"next", "second", "third", "fourth", "fifth", "another", "new", "follow-up", "follow", "follow-on",
                    "future", "subsequent"}  # ("follow" of a split "follow-up")
#: Words that put an event in the future ("the next AU summit", "an upcoming forum").
_UPCOMING_WORDS = {"next", "upcoming", "forthcoming", "future", "following", "follow-up", "follow", "follow-on"}


def upcoming_event(doc: Doc, m: EntityMention) -> bool:
    """Whether a mention names an event still to come ("the next edition of the forum")."""
    head = doc[m.end - 1]
    return any(t.lower_ in _UPCOMING_WORDS for t in doc[m.start:m.end]) or any(
        c.dep_ in {"amod", "compound"} and c.lower_ in _UPCOMING_WORDS for c in head.children)


def past_clause(token: Token) -> bool:
    """Whether the clause ``token`` is an argument of reports a past event ("attended", "had signed")."""
    verb = next((a for a in token.ancestors if a.pos_ in {"VERB", "AUX"}), None)
    if verb is None:
        return False
    return verb.tag_ == "VBD" or verb.tag_ == "VBN" and any(
        c.dep_ == "aux" and c.lemma_ == "have" for c in verb.children)


#: Fixed phrases whose head is no text: "the rule of law".
_IDIOMS = {"rule": {"law"}}
#: … and those whose modifier says so: "source code" is software.
_MODIFIER_IDIOMS = {"code": {"source"}}


def _idiom(token: Token) -> bool:
    lemma = token.lemma_.lower()
    if any(c.dep_ in {"compound", "amod"} and c.lower_ in _MODIFIER_IDIOMS.get(lemma, ()) for c in token.children):
        return True
    objects = _IDIOMS.get(lemma)
    return bool(objects) and any(p.lower_ == "of" and any(o.lemma_.lower() in objects for o in p.children)
                                 for p in token.children if p.dep_ == "prep")


#: Modifiers that set a new thing against the one in focus ("a separate rule", "another resolution").
_CONTRAST_WORDS = {"separate", "another", "other", "different", "alternative", "rival", "competing"}


def _names_with(label: str, noun: str) -> bool:
    """Whether a name contains a class noun, or its cognate in another language's name ("the institute":
    "Institut Boréal", "the university": "Université de Sherbrooke")."""
    label = label.lower()
    return noun in label or len(noun) > 5 and any(w.startswith(noun[:-1]) for w in label.split())


def _measure(modifier: Token) -> bool:
    """Whether a modifier gives a size or length ("the 14-page text", "the two-day meeting"): it says
    nothing of which text or meeting."""
    return any(g.like_num for g in modifier.children) or (
        modifier.i >= 2 and modifier.doc[modifier.i - 1].text == "-" and modifier.doc[modifier.i - 2].like_num)


def _introduced_unnamed(token: Token, window_sents: int = 8) -> Token | None:
    """The latest earlier noun of the same lemma in the story that an indefinite article introduced as a
    new thing with no name: "a regional tourism data trust" before "the trust"."""
    doc = token.doc
    starts = sentence_starts(doc)
    here = bisect.bisect_right(starts, token.i) - 1
    begin = max(story_start(doc, token.i), starts[max(0, here - window_sents)] if starts else 0)
    for earlier in reversed(doc[begin:token.i]):
        if earlier.pos_ == "NOUN" and earlier.lemma_ == token.lemma_ and mention_at(earlier) is None \
                and any(c.dep_ == "det" and c.lower_ in {"a", "an"} for c in earlier.children) \
                and not any(c.dep_ == "appos" for c in earlier.children) and earlier.dep_ not in {"appos", "attr"}:
            # (not "Mila, a research institute" nor "a trust, the Caribbean Data Trust": named there)
            return earlier
    return None


def resolve_description(token: Token) -> EntityMention | None:
    """Resolve a common-noun phrase naming a document or event ("the resolution", "the summit").

    Definite or demonstrative descriptions take the latest entity of that kind in the document; an
    indefinite description with content ("a resolution on AI capacity-building") becomes an entity of
    its own, labelled by its phrase.
    """
    lemma = token.lemma_.lower()
    if _idiom(token):
        return None
    dets = {c.lower_ for c in token.children if c.dep_ in {"det", "poss"}}
    own = any(c.lower_ == "own" for c in token.children)  # "its own council": a new one, not a reference
    if lemma in ANAPHORIC_ORGANISATION_NOUNS and dets & {"the", "this", "that", "its"} and token.tag_ == "NN" \
            and not own:
        wanted = ANAPHORIC_ORGANISATION_NOUNS[lemma]
        described = token.doc.user_data.get("kg_descriptors") or {}

        def fits(m: EntityMention) -> bool:
            if wanted == "Organisation" or m.type == wanted:
                return True
            # an organisation the NER could not type further may be the company, unless the article
            # described it as something else ("a digital rights group")
            return wanted in {"Company", "GovernmentBody"} and m.type == "Organisation" and not any(
                ORGANISATION_DESCRIPTION_HEADS.get(d) not in {None, wanted} for d in described.get(m.key, ())) \
                and not (wanted == "Company" and name_head(m.label) in PUBLIC_INSTITUTION_HEADS)
            # (nor is a court, a chamber or a university, whose name says what it is)

        # "the IberIA consortium": a body its own name word picks out, not the last consortium named
        names = [c.text for c in token.children if c.dep_ == "compound" and c.pos_ == "PROPN"
                 and c.ent_type_ not in {"GPE", "LOC", "NORP", "FAC"}]  # (not "the San Francisco company")
        accept = (lambda m: m.type not in {"Person", "Country", "Group"} and type_group(m.type) == "Actor"
                  and m.how != "demonym" and (fits(m) or name_head(m.label) == lemma)
                  and all(n in m.label for n in names))  # ("the alliance":
        # "the Franco-German AI Compute Alliance", whatever type its name was given)
        # a name with the same head first ("the institute" → the AI Safety Institute, not the university
        # named since), then any body of the kind
        strict = (lambda m: accept(m) and (wanted == "Organisation" or m.type == wanted))
        # "Volkov's chief executive said the company had …", "Strathmore's vice-chancellor said the
        # university would …": the speaker's body, named as the possessor or subject earlier in the sentence
        verb = next((a for a in token.ancestors if a.pos_ in {"VERB", "AUX"}), None)
        found = next((m for m in sorted(token.doc._.kg_mentions or [], key=lambda m: -m.start)
                      if token.sent.start <= m.start < token.i and accept(m) and (wanted == "Company" or strict(m))
                      and (token.doc[m.end - 1].dep_ == "poss" or token.doc[m.end - 1].dep_ == "nsubj" and (
                          wanted == "Company" or token.doc[m.end - 1].head.lemma_ in {"say", "tell", "add", "announce"})
                           or _job_holder_body(token.doc[m.end - 1]))
                      and token.doc[m.end - 1].head != verb), None)
        if found is not None and wanted != "Company":
            return remember_subject(token, EntityMention(token.i, token.i + 1, found.key, found.label, found.type, "definite"))
        if wanted == "Company":
            # else (unless the article described a firm so) the firm the story is about, when several
            # were named (the most named so far, the first among equals), not the investor or rival named last
            if found is None and not any(lemma in v for v in described.values()):
                found = story_entity(token.doc, token.i, strict)
            if found is not None:
                return remember_subject(token, EntityMention(token.i, token.i + 1, found.key, found.label, found.type, "definite"))
        # ("the digital rights group" is not the Group of 20: its own words must be in the name too)
        content = {c.lower_ for c in token.children if c.dep_ in {"compound", "amod"} and c.is_alpha}
        found = _nearest_before(token.doc, token.i, lambda m: lemma in described.get(m.key, ()), window_sents=8) \
            or _nearest_before(token.doc, token.i, lambda m: accept(m) and _names_with(m.label, lemma)
                               and (not content or any(w in m.label.lower() for w in content))
                               and m.how in {"ner", "gazetteer", "titled", "acronym"}, window_sents=30)
        if found is None and lemma in {"ministry", "department"}:
            # "the ministry" with no ministry named before: the government the story is about, not
            # another state body ("the Federal Criminal Police Office … the ministry drafted the bill")
            home = home_country(token.doc, token.i) or dateline_country(token.doc, token.i)
            return EntityMention(token.i, token.i + 1, home.key, home.label, home.type, "metonymy") \
                if home is not None else None
        if found is None:
            introduced = _introduced_unnamed(token)
            found = _nearest_before(token.doc, token.i, strict, window_sents=5) \
                or (None if wanted == "GovernmentBody" and _nearest_before(token.doc, token.i, strict, window_sents=30)
                    else _nearest_before(token.doc, token.i, accept, window_sents=5))
            if introduced is not None and (found is None or found.start < introduced.i):
                # "called for a regional data trust. The trust will be funded by …": the new body the story
                # just introduced, not one named before it that does not bear its noun
                label = noun_phrase_label(introduced, max_words=8)
                if len(label.split()) >= 2:  # ("belongs to a consortium … the consortium": no words to name it)
                    return _remember(token, EntityMention(token.i, token.i + 1, entity_key("Concept", label.lower()),
                                                          label, "Concept", "description"))
        # (an untyped organisation is "the regulator" only when the story has named no state body)
        if found is not None:
            return remember_subject(token, EntityMention(token.i, token.i + 1, found.key, found.label, found.type, "definite"))
    if lemma in PRODUCT_NOUNS and token.tag_ == "NN" and dets & {"the", "this", "that", "its", "their"} \
            and not any(c.lower_ == "own" for c in token.children):
        # "the model", "its chatbot": the product last named
        found = _nearest_before(token.doc, token.i, lambda m: type_group(m.type) == "Product" and m.how != "demonym",
                                window_sents=8)
        if found is not None:
            return _remember(token, EntityMention(token.i, token.i + 1, found.key, found.label, found.type, "definite"))
        return None
    if token.tag_ in {"NNS", "NNPS"} and lemma in PLURAL_DOCUMENT_HEADS \
            and any(c.lower_ == "the" for c in token.children if c.dep_ == "det"):
        # "the guidelines" after "the Addis Ababa Implementation Guidelines": that text, by its plural head
        found = _nearest_before(token.doc, token.i, lambda m: type_group(m.type) == "Document"
                                and m.how in {"ner", "titled", "gazetteer"}
                                and token.lower_ in {m.label.split()[-1].lower(), name_head(m.label)},
                                window_sents=30)  # (… "Guidelines", "Tokyo Principles on Open Evaluation")
        return _remember(token, EntityMention(token.i, token.i + 1, found.key, found.label, found.type, "definite")) \
            if found is not None else None
    kind = DOCUMENT_NOUNS.get(lemma) or EVENT_NOUNS.get(lemma) or ORGANISATION_NOUNS.get(lemma) or (
        "Organisation" if lemma == "group" and token.tag_ == "NN" and any(
            c.lower_ in STANDING_GROUP_WORDS for c in token.children if c.dep_ in {"compound", "amod"}) else None)
    if kind is None or (token.pos_ not in {"NOUN", "PROPN"} and not _noun_in_argument(token)):
        return None
    modifiers = [c for c in token.children if c.dep_ in {"amod", "compound", "prep"}]
    owners = [c for c in token.children if c.dep_ == "poss" and mention_at(c) is not None
              and mention_at(c).type == "Country" and mention_at(c).how != "demonym"]
    if owners and not any(c.dep_ in {"amod", "compound"} for c in modifiers):
        modifiers = owners  # "South Korea's institute (for …)": the Korean institute
    national = [mention_at(c) for c in modifiers if mention_at(c) is not None and mention_at(c).type == "Country"]
    if lemma in ORGANISATION_NOUNS and national and len(national) == len(modifiers) == 1 \
            and (dets & {"the", "this", "that"} or owners) and token.tag_ == "NN":
        # "the Canadian institute", "the British institute": the body with that head of that country
        country = national[0]
        body_country = token.doc.user_data.get("kg_body_country") or {}
        words = {doc_word.lower() for doc_word in (token.doc[country.start:country.end].text, country.label)}
        entry = Gazetteer.load().entries.get(country.key)
        # (by any of its names, as whole words: "South Korea's institute" is the Korea AI Safety Institute)
        names = {n for n in (entry.aliases + entry.demonyms if entry is not None else []) if len(n) >= 4 and "," not in n}
        called = re.compile(r"\b(?:" + "|".join(map(re.escape, sorted(names, key=len, reverse=True))) + r")\b") \
            if names else None
        found = _nearest_before(token.doc, token.i, lambda m: type_group(m.type) == "Actor" and m.type not in {
            "Person", "Country", "Group"} and m.how != "demonym" and lemma in m.label.lower() and (
                body_country.get(m.key) == country.key or any(w in m.label.lower() for w in words)
                or called is not None and called.search(m.label) is not None), window_sents=30)
        if found is not None:
            return _remember(token, EntityMention(token.i, token.i + 1, found.key, found.label, found.type, "definite"))
    if lemma in ORGANISATION_NOUNS and not modifiers:
        if dets & {"the", "this", "that", "its"} and token.tag_ == "NN" and not own:
            # "the panel" after "the Independent International Scientific Panel on AI": a name with that
            # head, or a body the article described so ("…, an expert panel")
            described = token.doc.user_data.get("kg_descriptors") or {}
            found = _nearest_before(token.doc, token.i, lambda m: type_group(m.type) == "Actor" and m.type not in {
                "Person", "Country", "Group"} and m.how != "demonym" and (
                    name_head(m.label) == lemma or lemma in described.get(m.key, ())), window_sents=30)
            if found is not None:
                return _remember(token, EntityMention(token.i, token.i + 1, found.key, found.label, found.type, "definite"))
        return None  # "the panel" alone is too vague to be an organisation
    if token.tag_ in {"NNS", "NNPS"} and lemma not in {"talks"}:
        # plural descriptions ("agreements") are not one entity
        return None
    group = type_group(kind)
    dets = {c.lower_ for c in token.children if c.dep_ in {"det", "poss"}}
    edge = token.left_edge.i
    if "a" in dets or "an" in dets:  # "the Safe AI Deployment Act, a bill drafted by …": the name before it
        before = mention_at(token.doc[edge - 2]) if edge >= 2 and token.doc[edge - 1].text == "," else None
        if before is not None and type_group(before.type) == group and before.how in {"ner", "gazetteer", "titled"}:
            return _remember(token, EntityMention(token.i, token.i + 1, before.key, before.label, before.type, "description"))
    owner = next((mention_at(c) for c in token.children if c.dep_ == "poss" and mention_at(c) is not None), None)
    if owner is not None and token.tag_ == "NN" and not any(c.dep_ in {"amod", "compound"} for c in token.children):
        # "Ms. Ellison's bill": the text of that kind the story tied to her before ("… Ellison, who has spent
        # the year drafting the Frontier Model Accountability Act")
        tied = _nearest_before(token.doc, token.i, lambda m: m.type == kind and m.how in {"ner", "titled", "gazetteer"}
                               and any(o.key == owner.key for o in token.doc._.kg_mentions or []
                                       if token.doc[m.start].sent.start <= o.start < token.doc[m.start].sent.end),
                               window_sents=30)
        if tied is not None:
            return _remember(token, EntityMention(token.i, token.i + 1, tied.key, tied.label, tied.type, "definite"))
    # "the next round", "a second meeting": a new event, not the one named before
    fresh = any(c.lower_ in _NEW_EVENT_WORDS for c in token.children if c.dep_ in {"amod", "compound", "nummod"})
    definite = bool(dets & {"the", "this", "that", "its", "their", "his", "her"}) and not own and not fresh
    if definite and token.is_title and token.i > token.sent.start + 1 and any(c.dep_ == "prep" for c in token.children):
        definite = False  # "the Recommendation on the Ethics of AI": a name, not a reference back
    if definite:
        past = past_clause(token)
        content = {c.lemma_.lower() for c in token.children if c.dep_ in {"compound", "amod"}
                   and c.pos_ in {"NOUN", "PROPN"} and not _measure(c)}

        def agrees(m: EntityMention) -> bool:
            # "the reporting framework" cannot be "the code of conduct" introduced before it
            if m.how == "description" and any(c.lower_ in _CONTRAST_WORDS for c in token.doc[m.start].children
                                              if c.dep_ in {"amod", "det"}):
                return False  # "… would propose a separate rule …. X backed the rule": the rule in focus
            if past and upcoming_event(token.doc, m):
                return False  # "Mongolia attended the forum" is not the next edition announced since
            label = m.label.lower()
            return not content or lemma in label or any(w in label for w in content)

        same_kind = lambda m: m.type == kind and m.how != "demonym" and agrees(m)
        any_kind = lambda m: type_group(m.type) == group and m.how != "demonym" and agrees(m)
        # "the communiqué" is the communiqué named or described before, not a proposal named since
        same_head = lambda m: type_group(m.type) == group and m.how != "demonym" and (
            name_head(m.label) == lemma or lemma in m.label.lower().split())
        # ("the text" is any kind of text: the resolution just adopted, not an instrument it calls for)
        found = _nearest_before(token.doc, token.i, any_kind if lemma in {"text", "document"} else same_kind,
                                window_sents=30, prefer_subjects=True)
        if found is not None and group == "Event" and (name_head(found.label) or found.label.lower()) != lemma:
            # head match before recency: "a ceremony hosted by X … a conference in June … attended the
            # ceremony" is the ceremony
            found = _nearest_before(token.doc, token.i, lambda m: same_kind(m) and (
                name_head(m.label) or m.label.lower()) == lemma, window_sents=30) or found
        if found is not None and lemma not in GENERIC_DOCUMENT_NOUNS and name_head(found.label) in DOCUMENT_NOUNS \
                and not same_head(found):
            # the nearest is another kind of text ("a proposal for a facility"): a text with this head
            found = _nearest_before(token.doc, token.i, same_head, window_sents=30) or found
        if found is None and (kind in {"Document", "Agreement"} or lemma in GENERIC_DOCUMENT_NOUNS):
            found = _nearest_before(token.doc, token.i, any_kind, window_sents=30, prefer_subjects=True)
        if found is None and group == "Document" and not content and kind in {"Declaration", "Document", "Treaty", "Resolution"}:
            # "the declaration" after "the Dakar Call to Action": a named text of another head, the only
            # text the story has named
            # text the story has named, or of several the one it names most (the first among equals)
            counts: dict[str, list] = {}
            for m in token.doc._.kg_mentions or []:
                if type_group(m.type) == "Document" and m.how in {"ner", "titled", "gazetteer", "acronym"} \
                        and story_start(token.doc, token.i) <= m.start < token.i:
                    counts.setdefault(m.key, [0, m])[0] += 1
            ranked = sorted(counts.values(), key=lambda c: (-c[0], c[1].start))
            if ranked and (len(ranked) == 1 or ranked[0][0] > ranked[1][0]):
                found = ranked[0][1]
        if found is None and lemma in GENERIC_EVENT_NOUNS and not any(
                c.dep_ in {"amod", "compound", "prep", "nmod"} and not _measure(c) for c in token.children):
            # "the two-day meeting" after "the inaugural Central Asia–EU Digital Forum": any event before
            # (not "the final session", "the meeting of the working group": another event)
            found = _nearest_before(token.doc, token.i, any_kind, window_sents=30, prefer_subjects=True)
        if found is None and not content:
            found = _earlier_unread(token, lemma, group)
        if found is not None:
            return _remember(token, EntityMention(token.i, token.i + 1, found.key, found.label, found.type, "definite"))
    label = noun_phrase_label(token)
    between = [p for prep in token.children if prep.dep_ == "prep" and prep.lower_ == "between"
               for g in prep.children if g.dep_ == "pobj" for p in (g, *g.conjuncts)]
    if kind == "Agreement" and len(between) >= 2 and " between " in f" {label} ":
        # "the investment agreement between Seorim and the Kazakh government": the Seorim-Kazakhstan
        # investment agreement, as news names it, of this article
        parties = [m for m in map(resolve_token, between) if m is not None and type_group(m.type) == "Actor"
                   and m.type != "Person" and m.how != "demonym"]
        if len(parties) == len(between) and len({m.key for m in parties}) == len(parties):
            named = "-".join(_short_name(p) for p in parties) + " " + label.split(" between ")[0]
            key = f"{entity_key(kind, named)}-{slugify(token.doc._.kg_doc_id or 'doc')}"
            return _remember(token, EntityMention(token.i, token.i + 1, key, named, kind, "description"))
    if kind == "Agreement" and len(label.split()) < 2:
        # "Mexico and the United States signed an agreement": the Mexico-US agreement, of this article
        # (the same two may sign another elsewhere)
        named = _with_parties(label, agreement_parties(token, resolve_token))
        if named != label:
            key = f"{entity_key(kind, named)}-{slugify(token.doc._.kg_doc_id or 'doc')}"
            return _remember(token, EntityMention(token.i, token.i + 1, key, named, kind, "description"))
    if len(label.split()) < 2 and lemma in SETTING_EVENT_NOUNS and token.tag_ == "NN":
        setting = _event_setting(token)
        if setting is not None:
            # "the meeting" of a story whose lead has ASEAN's ministers gather: the ASEAN meeting, of this
            # article (ASEAN meets again elsewhere)
            named = f"{setting} {label}"
            key = f"{entity_key(kind, named)}-{slugify(token.doc._.kg_doc_id or 'doc')}"
            return _remember(token, EntityMention(token.i, token.i + 1, key, named, kind, "description"))
    if len(label.split()) < 2:
        authored = any(c.dep_ == "acl" and any(a.dep_ == "agent" for a in c.children) or c.dep_ == "prep"
                       and c.lower_ == "by" for c in token.children)
        if not definite and not authored:
            return None  # "a resolution": nothing to name it by
        # "the charter" with no antecedent, "a report released by X": an entity of this document only
        key = f"{entity_key(kind, label)}-{slugify(token.doc._.kg_doc_id or 'doc')}"
    else:
        key = entity_key(kind, label)
    return _remember(token, EntityMention(token.i, token.i + 1, key, label, kind, "description"))


#: Gatherings a story names by who gathers or where ("the meeting" → "ASEAN meeting", "Lagos summit").
SETTING_EVENT_NOUNS = {"meeting", "summit", "conference", "forum"}
#: The people who stand for a body at its own gatherings ("ASEAN digital ministers", "representatives of
#: the network"), and the office that convenes them ("the rotating G20 presidency"); not its delegations,
#: which attend others' events.
DELEGATE_NOUNS = {"minister", "leader", "representative", "presidency", "chair", "chairmanship", "head"}
#: Bodies whose people gather (a national ministry's staff do not make its meetings).
_GATHERING_BODY_TYPES = {"InternationalOrganisation", "Group"}


def _event_setting(token: Token) -> str | None:
    """What tells an unnamed gathering apart: the body that convenes it ("a meeting convened by the
    OECD") or whose people gather in the story ("Digital ministers from ASEAN adopted … The meeting
    was hosted by Indonesia" → "ASEAN"), else the city it is held in ("a two-day summit in Lagos")."""
    doc = token.doc

    def written(m: EntityMention) -> str:
        # by its name, or a long name as the article writes it at its shortest: "ASEAN", not
        # "Association of Southeast Asian Nations"
        if len(m.label.split()) <= 3:
            return m.label
        forms = [" ".join(t.text for t in doc[o.start:o.end] if t.lower_ != "the" and t.tag_ != "POS")
                 for o in doc._.kg_mentions or [] if o.key == m.key]
        return min((f for f in forms if f), key=lambda f: (len(f.split()), len(f)), default=m.label)

    def body(m: EntityMention | None) -> bool:
        return m is not None and m.type in _GATHERING_BODY_TYPES and m.how != "demonym"

    # its convener or host: "a meeting convened by the OECD", "the summit hosted by the African Union"
    for acl in (c for c in token.children if c.dep_ == "acl"):
        for agent in (c for c in acl.children if c.dep_ == "agent"):
            for p in (g for g in agent.children if g.dep_ == "pobj"):
                if body(mention_at(p)):
                    return written(mention_at(p))
    # whose people gather in the story so far
    start = max(story_start(doc, token.i), _headline_end(doc))
    for m in doc._.kg_mentions or []:
        if not (start <= m.start < token.i) or not body(m):
            continue
        # up its noun phrase: "ASEAN ministers", "ministers from ASEAN", "ministers responsible for the
        # digital economy in ECOWAS"
        word = doc[m.start:m.end].root
        for _ in range(6):
            if word.dep_ not in {"compound", "poss", "nmod", "pobj", "prep", "amod"} or word.head == word:
                break
            word = word.head
            if word.lemma_.lower() in DELEGATE_NOUNS and word.pos_ == "NOUN":
                return written(m)
    # where it is held: "a summit in Lagos", "met in Visby for a meeting"
    for word in (token, token.head):
        for prep in (c for c in word.children if c.dep_ == "prep" and c.lower_ == "in"):
            for p in (g for g in prep.children if g.dep_ == "pobj"):
                m = mention_at(p)
                if m is not None and m.type in {"City", "Place"}:
                    return written(m)
    return None


#: Parties that name an agreement between them ("the UK-India agreement").
_PARTY_TYPES = {"Country", "InternationalOrganisation", "Region"}


def agreement_parties(noun: Token, lookup) -> list[EntityMention]:
    """The states or unions an agreement is between, from its clause: "A and B signed an agreement",
    "an agreement between A and B", "A struck a deal with B", "the accord was signed by A and B".
    ``lookup`` maps a token to its mention (or None)."""
    tokens: list[Token] = []
    for prep in noun.children:
        if prep.dep_ == "prep" and prep.lower_ in {"between", "with"}:
            tokens += [c for p in prep.children if p.dep_ == "pobj" for c in p.conjuncts + (p,)]
    verb = noun.head if noun.dep_ in {"dobj", "nsubjpass"} and noun.head.pos_ in {"VERB", "AUX"} else None
    if verb is not None:
        subjects = [c for c in verb.children if c.dep_ == "nsubj"]
        if not subjects and verb.dep_ in {"xcomp", "conj"}:
            subjects = [c for c in verb.head.children if c.dep_ == "nsubj"]
        agents = [p for a in verb.children if a.dep_ == "agent" for p in a.children if p.dep_ == "pobj"]
        partners = [p for a in verb.children if a.dep_ == "prep" and a.lower_ == "with"
                    for p in a.children if p.dep_ == "pobj"]
        tokens += [c for t in subjects + agents + partners for c in (t,) + t.conjuncts]
    parties: list[EntityMention] = []
    for t in sorted(set(tokens), key=lambda t: t.i):
        m = lookup(t)
        if m is not None and m.type in _PARTY_TYPES and m.how != "demonym" and all(m.key != p.key for p in parties):
            parties.append(m)
    return parties if len(parties) >= 2 else []


def _short_name(mention: EntityMention) -> str:
    """The short form news writes in compounds: "US", "UK", "EU", "UAE" (initials the gazetteer knows
    as an alias), else the name."""
    entry = Gazetteer.load().entries.get(mention.key)  # (loaded once and cached)
    words = mention.label.split()
    initials = "".join(w[0] for w in words if w[0].isupper())
    if entry is not None and len(words) >= 2 and initials in getattr(entry, "aliases", ()):
        return initials
    return mention.label


def _with_parties(label: str, parties: list[EntityMention]) -> str:
    if not parties or any(p.label.lower() in label.lower() for p in parties):
        return label
    return "-".join(_short_name(p) for p in parties) + " " + label


def _reporting_speaker(token: Token) -> EntityMention | None:
    """The subject of the speech verb whose complement ``token`` is in ("He said the country …")."""
    for verb in token.ancestors:
        if verb.dep_ in {"ccomp", "parataxis"} and verb.head.lemma_.lower() in SPEECH_LEMMAS:
            subjects = [c for c in verb.head.children if c.dep_ == "nsubj"]
            return resolve_token(subjects[0]) if subjects else None
    return None


def _earlier_unread(token: Token, lemma: str, group: str, window_sents: int = 3) -> EntityMention | None:
    """The phrase with the same head a few sentences back that no rule has read yet: in "… ministers met
    for the third ministerial meeting of the TTC. The meeting, hosted by …", the first meeting is no
    argument of a lexicon verb, so it was never resolved; read it now."""
    doc = token.doc
    starts = [s.start for s in doc.sents if s.start <= token.i]
    start = max(story_start(doc, token.i), starts[-window_sents - 1] if len(starts) > window_sents else 0)
    for t in reversed(doc[start:token.sent.start]):
        if t.lemma_.lower() != lemma or t.tag_ not in {"NN", "NNP"} or t.i in (doc._.kg_token_mention or {}):
            continue
        found = resolve_description(t)
        if found is not None and type_group(found.type) == group and len(found.label.split()) >= 2:
            return found
        return None
    return None


def event_of_sitting(token: Token) -> EntityMention | None:
    """The event a sitting belongs to: "the closing session of the meeting" → the meeting; "the closing
    session" alone → the event the story reports, by its name if it has one. A session with a topic of
    its own ("the afternoon session on energy") or named before as one is an event of its own: None."""
    dets = {c.lower_ for c in token.children if c.dep_ in {"det", "poss"}}
    lemma = token.lemma_.lower()
    if lemma not in PART_OF_EVENT_NOUNS or not dets & {"the", "this", "that"} or token.tag_ != "NN" \
            or any(c.dep_ == "prep" and c.lower_ in {"on", "about"} for c in token.children):
        return None
    whole = [p for prep in token.children if prep.dep_ == "prep" and prep.lower_ == "of"
             for p in prep.children if p.dep_ == "pobj"]
    if whole:
        found = mention_at(whole[0]) or resolve_description(whole[0])
        return found if found is not None and type_group(found.type) == "Event" else None
    if _nearest_before(token.doc, token.i, lambda m: type_group(m.type) == "Event" and (
            name_head(m.label) == lemma or m.label.lower().split()[0] == lemma), window_sents=1000) is not None:
        return None
    event = lambda m: type_group(m.type) == "Event" and name_head(m.label) not in PART_OF_EVENT_NOUNS \
        and m.label.lower().split()[0] not in PART_OF_EVENT_NOUNS
    return story_entity(token.doc, token.i, lambda m: event(m) and m.how in {"ner", "gazetteer", "titled"},
                        window_sents=30) or story_entity(token.doc, token.i, event, window_sents=30)


def _remember(token: Token, mention: EntityMention) -> EntityMention:
    """Record a mention found on demand so that later references ("the text") can chain to it."""
    if token.doc._.kg_mentions is not None and token.i not in token.doc._.kg_token_mention:
        token.doc._.kg_mentions.append(mention)
        token.doc._.kg_token_mention[token.i] = mention
    return mention


def remember_subject(token: Token, mention: EntityMention) -> EntityMention:
    """Record "the association" as a mention when it is a subject, so that a later "its" can continue
    the topic ("The association … had accused Corvid. Its members include …"); elsewhere leave it
    unrecorded, so that rules reading the token itself (an apposition's name) still see a noun."""
    return _remember(token, mention) if token.dep_ in {"nsubj", "nsubjpass"} else mention


def correct_remembered(token: Token, mention: EntityMention) -> None:
    """Replace a description recorded for ``token`` by the entity it turned out to name ("France's data
    protection authority, the CNIL": the CNIL), so that later references find the name."""
    old = (token.doc._.kg_token_mention or {}).get(token.i)
    if old is None or old.how != "description" or old.key == mention.key:
        return
    new = EntityMention(old.start, old.end, mention.key, mention.label, mention.type, "description")
    token.doc._.kg_mentions[:] = [new if m is old else m for m in token.doc._.kg_mentions]
    token.doc._.kg_token_mention[token.i] = new


QUOTE_MARKS = {'"', "“", "”"}


def in_quotation(token: Token) -> bool:
    """Whether a token stands inside a quotation: an odd number of quote marks before it in its paragraph
    (counted from the paragraph, not the sentence: a quote of two sentences opens in the first)."""
    doc, marks = token.doc, 0
    for i in range(token.i - 1, -1, -1):
        if doc[i].is_space and "\n" in doc[i].text:
            break
        marks += doc[i].text in QUOTE_MARKS
    return marks % 2 == 1


def _outside_quotes_of(token: Token):
    """A filter for antecedents of a reporter's word: not a name someone is quoted saying ("… should not
    have to rent GPUs in Virginia," said the state's IT minister: the state is the story's)."""
    doc = token.doc
    return lambda m: in_quotation(token) or not in_quotation(doc[m.start])


def resolve_token(token: Token) -> EntityMention | None:
    """The entity an argument token refers to: a named mention, an alias, a pronoun's antecedent,
    a description's referent, or a government noun's country ("the Chinese government")."""
    mention = mention_at(token)
    if mention is not None:
        return mention
    doc = token.doc
    aliases = doc._.kg_aliases or {}
    if token.text in aliases:
        a = aliases[token.text]
        return EntityMention(token.i, token.i + 1, a.key, a.label, a.type, "acronym")
    if token.pos_ == "PRON":
        return resolve_pronoun(token)
    if token.pos_ in {"NOUN", "PROPN"}:
        if token.lower_ in {"province", "canton", "prefecture"} and [c.lower_ for c in token.children] == ["the"]:
            # "Ontario banned it …; the firm accused the province of …": the region just named
            unquoted = _outside_quotes_of(token)
            region = _nearest_before(doc, token.i, lambda m: m.type == "Region" and unquoted(m), window_sents=6)
            if region is not None:
                return EntityMention(token.i, token.i + 1, region.key, region.label, region.type, "metonymy")
        if token.lemma_.lower() in GOVERNMENT_NOUNS or token.lower_ in GOVERNMENT_NOUNS:
            modifiers = [t for c in token.lefts if c.dep_ in {"compound", "amod", "poss", "nmod"} for t in c.subtree]
            for child in modifiers:
                if child.dep_ in {"compound", "amod", "poss", "nmod"}:
                    m = mention_at(child) or (resolve_pronoun(child) if child.pos_ == "PRON" else None)
                    if m is None and child.lower_ == "whose":  # "India, whose delegation attended": India
                        clause = next((a for a in child.ancestors if a.dep_ == "relcl"), None)
                        m = mention_at(clause.head) if clause is not None else None
                    if m is not None and m.type == "Person":  # "his government": the country he serves
                        m = (doc._.kg_offices or {}).get(m.key) if Doc.has_extension("kg_offices") else None
                    if m is not None and (m.type == "Country" or m.type == "InternationalOrganisation" and m.how != "demonym"
                                          and token.lemma_.lower() not in _STATE_ONLY_NOUNS):
                        # ("the EU side", "EU negotiators": a union acts through its side and envoys too)
                        return EntityMention(token.i, token.i + 1, m.key, m.label, m.type, "metonymy")
                if child.dep_ == "prep" and child.lower_ == "of":
                    for pobj in child.children:
                        m = mention_at(pobj)
                        if m is not None and m.type == "Country":
                            return EntityMention(token.i, token.i + 1, m.key, m.label, m.type, "metonymy")
            if not modifiers and token.lower_ == "state" \
                    and any(c.lower_ == "the" for c in token.children if c.dep_ == "det"):
                # "Nuevo León's governor said the state would …": the region just named
                unquoted = _outside_quotes_of(token)
                region = story_entity(doc, token.i, lambda m: m.type == "Region" and unquoted(m), window_sents=6)
                # (the story's region, named most: "Tamil Nadu launched … in competition with Karnataka, whose
                # government did not respond … The state plans to host …" is Tamil Nadu)
                if region is not None:
                    return EntityMention(token.i, token.i + 1, region.key, region.label, region.type, "metonymy")
            if not modifiers and token.lower_ == "country" \
                    and any(c.lower_ == "the" for c in token.children if c.dep_ == "det") \
                    and not any(c.dep_ in {"prep", "relcl", "acl"} for c in token.children):
                # "He said the country had not signed …": the speaker's own state, else the state just named
                speaker = _reporting_speaker(token)
                offices = (doc._.kg_offices or {}) if Doc.has_extension("kg_offices") else {}
                found = offices.get(speaker.key) if speaker is not None and speaker.type == "Person" else None
                unquoted = _outside_quotes_of(token)
                found = found or _nearest_before(doc, token.i, lambda m: m.type == "Country" and m.how != "demonym"
                                                 and unquoted(m), window_sents=2)
                if found is not None:
                    return EntityMention(token.i, token.i + 1, found.key, found.label, found.type, "metonymy")
            plain = all(t.is_lower and not t.ent_type_ and mention_at(t) is None for t in modifiers)
            if (not modifiers and token.lower_ in {"government", "state", "administration", "cabinet"}
                    or plain and modifiers and token.lower_ in {"government", "administration", "ministry"}) \
                    and any(c.lower_ == "the" for c in token.children if c.dep_ == "det") \
                    and not any(c.dep_ == "prep" for c in token.children):
                # "the Government" in a story about Ireland, or datelined Dublin; "the federal government",
                # "the defence ministry" too
                home = home_country(doc, token.i) or dateline_country(doc, token.i)
                if home is not None:
                    return EntityMention(token.i, token.i + 1, home.key, home.label, home.type, "metonymy")
        if token.lemma_.lower() in NAMED_BY_COMPOUND_NOUNS:
            named = [m for m in map(mention_at, (c for c in token.children if c.dep_ == "compound"))
                     if m is not None and m.type not in {"Person", "Country"} and type_group(m.type) == "Actor"]
            if named:  # "the opposition Tisza party criticised …": Tisza
                m = named[-1]
                return EntityMention(token.i, token.i + 1, m.key, m.label, m.type, "metonymy")
        # titles: "the Foreign Secretary" → the person introduced with that title
        titles = doc._.kg_titles or {}
        if titles:
            words = [c.lower_ for c in token.lefts if c.dep_ in {"compound", "amod"}] + [token.lower_]
            title = " ".join(words)
            for abbr, full in gaz_titles_abbreviations(doc).items():
                if title == abbr.lower():
                    title = full
            earlier = [key for start, key in titles.get(title, []) if story_start(doc, token.i) <= start < token.i]
            if not earlier and " " not in title and token.tag_ == "NN" \
                    and any(c.lower_ == "the" for c in token.children if c.dep_ == "det"):
                # "the minister" after "the Minister for Enterprise, Declan Furlong": a title with that head
                earlier = [key for start, key in sorted(p for t, ps in titles.items() if title in t.split()
                                                           for p in ps) if story_start(doc, token.i) <= start < token.i]
            if not earlier and " " in title and any(c.lower_ == "the" for c in token.children if c.dep_ == "det") \
                    and not any(c.dep_ == "appos" for c in token.children):
                # "the Cabinet Secretary" after "Kenya's Cabinet Secretary for ICT, Ruth Gachanja": every word
                # of the title in the words that introduced the person
                earlier = [key for start, key in sorted(p for t, ps in titles.items() if token.lower_ in t.split()
                                                           for p in ps)
                           if story_start(doc, token.i) <= start < token.i
                           and set(words) <= {w.lower_ for w in doc[max(0, start - 14):start]}]
            if earlier:  # the person most recently introduced with this title
                for m in doc._.kg_mentions or []:
                    if m.key == earlier[-1]:
                        return EntityMention(token.i, token.i + 1, m.key, m.label, m.type, "title")
        return resolve_description(token)
    if _noun_in_argument(token):  # "ratify the compact" with "compact" tagged an adjective
        return resolve_description(token)
    return None


def _noun_in_argument(token: Token) -> bool:
    """A word the tagger did not take for a noun, standing as one: an argument with a determiner."""
    return token.dep_ in {"dobj", "nsubj", "nsubjpass", "pobj"} and token.lemma_.lower() in DOCUMENT_NOUNS \
        and any(c.dep_ == "det" for c in token.children)

