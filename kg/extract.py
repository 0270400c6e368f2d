"""Relation extraction: who did what to whom, read off the dependency parse.

For every verb whose lemma starts a trigger of the lexicon, the extractor finds

- the **agent**: the active subject, or the passive ``by``-agent; for a verb without a subject of its
  own, the subject it shares through control/raising ("wants to *work* with"), verb coordination
  ("signed X and *ratified* Y"), participial adjuncts ("signed X, *calling* for Y") or a relative
  clause's head noun ("countries that *signed*");
- the **theme**: the direct object, the object of the trigger's preposition ("warned *about* X"), the
  passive subject, the noun a relative clause or participle modifies ("the resolution *adopted* on
  Monday"), or the theme shared with a coordinated verb ("proposed by China and *co-sponsored* by…");
- coordination on both sides ("The US, China and the UK signed …" gives three facts);
- negation ("did not sign", "declined to sign", "no country signed") and modality (asserted,
  intended, planned, possible, reported), with a confidence.

Role facts (officialOf, affiliatedWith) come from titles and possessives around person names.
"""
from __future__ import annotations

import bisect
import re
from dataclasses import asdict, dataclass, replace
from typing import Iterable, Iterator

from spacy.tokens import Doc, Span, Token

if not Doc.has_extension("kg_offices"):
    Doc.set_extension("kg_offices", default=None)

from .entities import (ANAPHORIC_ORGANISATION_NOUNS, DOCUMENT_NOUNS, EVENT_NOUNS, GOVERNMENT_NOUNS, ORGANISATION_NOUNS, NON_ENTITY_LABELS, PRODUCT_HEADS, EntityMention, is_headline, is_title_line, known_as, opens_line, speaker_label_end,
                       mention_at, product_name,
                       noun_phrase_label,
                       plural_antecedent, resolve_description,
                       SPEECH_LEMMAS, nearest_mention_before, resolve_token, sentence_starts, story_entity,
                       story_start, title_before, comma_title_before, home_country, correct_remembered,
                       event_of_sitting, dateline_country, PART_OF_EVENT_NOUNS, name_head, in_quotation,
                       past_clause, upcoming_event, remember_subject)
from .gazetteer import Gazetteer, entity_key, slugify, type_group
from .lexicon import Lexicon, Trigger

#: Version of the extraction rules, recorded with every fact (bump when the rules change).
EXTRACTOR_VERSION = "0.2.0"

#: Predicates that come from role rules rather than the verb lexicon.
ROLE_PREDICATES = {
    "officialOf": "A person holds an office of a country, government or international organisation.",
    "affiliatedWith": "A person works for, researches at or leads an organisation.",
    "memberOf": "An actor is a member of an organisation or group.",
}

MODALITIES = ("asserted", "intended", "planned", "possible", "reported")

SUBJECT_DEPS = {"nsubj", "csubj"}
PASSIVE_SUBJECT_DEPS = {"nsubjpass", "csubjpass"}
RELATIVE_PRONOUNS = {"that", "which", "who", "whom", "whose"}
#: Verbs that, governing another verb, negate it ("declined to sign").
NEGATIVE_GOVERNORS = {"decline", "refuse", "reject", "fail", "deny", "avoid", "resist", "stop", "cease",
                      "halt", "abandon", "forgo", "oppose"}
#: Verbs whose "from" gerund is not done ("refrained from signing").
REFRAIN_VERBS = {"refrain", "abstain", "desist"}
#: Verbs whose object is kept from doing their "from" gerund ("bars either side from demanding access").
PREVENT_VERBS = {"bar", "prevent", "ban", "prohibit", "stop", "block", "keep", "restrain", "deter",
                 "preclude", "discourage", "forbid", "exclude"}
#: Verbs that, governing another verb, make it an intention or plan.
INTENT_GOVERNORS = {"want", "hope", "intend", "seek", "aim", "wish", "try", "pledge", "promise", "vow",
                    "agree", "offer", "strive", "attempt", "commit", "like", "love", "look", "propose", "push"}
#: Forms the small model lemmatises wrongly ("hoped" → "hop"), by their lower-case text.
LEMMA_FIXES = {"hoped": "hope", "hoping": "hope"}
#: Governors whose complement is asked for, not done: "apply to join", "bid to host", "asked to join".
ATTEMPT_GOVERNORS = {"apply", "bid", "campaign", "lobby", "petition", "ask", "request"}
#: Passives whose complement happened: "was forced to withdraw".
IMPLICATIVE_PASSIVES = {"force", "compel", "oblige", "make"}
PLAN_GOVERNORS = {"plan", "expect", "prepare", "set", "schedule", "due", "go"}
#: Adjectives whose infinitive is a guess ("likely to sign") or a stated readiness ("ready to work with").
HEDGE_ADJECTIVES = {"likely", "unlikely", "possible", "probable", "welcome", "free", "eligible"}
INTENT_ADJECTIVES = {"ready", "willing", "eager", "keen", "prepared", "determined"}
#: Verbs whose complement with a subject of its own is only expected: "expected X to sign".
EXPECTATION_VERBS = {"expect", "anticipate", "predict", "hope", "believe", "want", "wish"}
POSSIBLE_MODALS = {"may", "might", "could", "would", "should", "must", "ought", "can", "need"}
PLAN_MODALS = {"will", "shall", "'ll", "wo"}
SPEECH_VERBS = {"say", "tell", "state", "claim", "report", "add", "insist", "argue", "note", "write",
                "believe", "think", "suggest", "confirm", "understand", "reveal", "allege", "announce"}
#: Nouns that stand for their "of" complement as an argument ("the session of the General Assembly").
PARTITIVE_HEADS = {"session", "meeting", "members", "member", "states", "countries", "leaders", "leader", "leadership",
                   "government", "governments",
                   "representatives", "ministers", "delegation", "delegates", "officials", "group", "body", "council",
                   "head", "side", "majority", "most", "all", "some", "each", "both", "one"}
#: Nouns whose infinitive complement states a real event ("the decision to invite China").
NOMINAL_ASSERTED = {"decision", "move", "vote", "step", "bid", "effort", "attempt", "agreement"}
#: Nouns whose infinitive complement states an intention ("its readiness to work with China").
NOMINAL_INTENT = {"readiness", "willingness", "intention", "intent", "plan", "desire", "commitment", "pledge",
                  "promise", "determination", "ambition", "aim", "goal", "wish"}
#: Words whose "about/of/for/on" complement is a topic, not an event ("warned about working with China").
TOPIC_HEADS = {"warn", "caution", "call", "push", "press", "appeal", "argue", "talk", "speak", "think",
               "worry", "fear", "concern", "hope", "plan", "discuss", "discussion", "debate", "talks",
               "calls", "fears", "concerns", "warning", "warnings", "idea", "proposal", "prospect",
               "possibility", "question", "case", "risk", "risks", "need", "importance", "way", "ways",
               "option", "options", "approach", "focus", "agree", "decide", "consider", "vote", "campaign"}
FIRST_PERSON = {"i", "me", "my", "we", "us", "our"}
#: Nouns whose infinitive complement is possible, not real ("an incentive to work", "ways to work").
NOMINAL_POSSIBLE = {"incentive", "need", "opportunity", "way", "chance", "ability", "right", "power", "time",
                    "reason", "pressure", "call", "urge", "freedom", "capacity", "potential", "option",
                    "possibility", "motivation", "interest", "obligation", "duty", "responsibility",
                    "proposal", "offer"}  # (what is proposed is put to others: not yet a plan)
NOMINAL_CONTROL = NOMINAL_ASSERTED | NOMINAL_INTENT | NOMINAL_POSSIBLE
#: People who act for the actor named by their "from" phrase ("diplomats from Kenya").
REPRESENTATIVE_NOUNS = {"diplomat", "official", "representative", "delegate", "negotiator", "minister",
                        "leader", "delegation", "envoy", "lawmaker", "ambassador", "officer", "team",
                        "tester", "expert", "researcher", "scientist", "engineer", "staff", "observer",
                        "executive", "employee"}
#: Common nouns that name people: a "who" clause may modify them.
PERSON_NOUNS = REPRESENTATIVE_NOUNS - {"delegation", "team"} | {
    "spokesman", "spokeswoman", "spokesperson", "secretary", "president", "director", "chief", "executive",
    "researcher", "expert", "analyst", "founder", "chairman", "chairwoman", "chair", "head", "commissioner",
    "senator", "mep", "mp", "adviser", "advisor", "professor", "scientist", "activist", "person", "man", "woman",
    "people", "officer", "premier", "chancellor", "governor", "mayor", "economist", "engineer", "journalist"}
#: Attributes that, possessed, stand for their possessor as the object of praise or criticism.
ATTRIBUTE_NOUNS = {"commitment", "role", "approach", "decision", "policy", "move", "effort", "plan", "leadership",
                   "handling", "stance", "position", "provision", "language", "wording", "record", "response",
                   "action", "conduct", "text", "content", "terms", "strategy", "treatment",
                   "round", "funding", "financing", "silence", "lack", "absence", "failure", "omission",
                   "sanction", "restriction", "control", "tariff", "ban", "crackdown",
                   "year", "month", "operation", "budget", "cost", "running",
                   "focus", "attention", "emphasis", "scope", "ambition", "tone", "section", "clause", "passage",
                   "work", "discipline", "performance", "progress", "contribution", "achievement", "success",
                   "vision", "courage", "transparency", "openness", "speed", "rigour", "rigor", "quality"}  # ("its previous round was funded by X" → X funded it;
# "will fund the hub's first three years" → the hub)
#: Nominalised acts that, as the object of praise or criticism, stand for the document or product
#: they acted on ("welcomed the vote" after the resolution was adopted).
EVENT_NOMINALS = {"vote", "release", "decision", "move", "result", "update", "adoption", "launch", "change",
                  "announcement", "step", "outcome", "passage", "publication", "agreement", "deal", "delay",
                  "postponement", "changes", "measures", "rules"}
#: Verbs whose object noun's infinitive has the verb's subject as agent ("made the decision to invite").
SUPPORT_VERBS = {"make", "take", "have", "show", "express", "announce", "reach", "confirm", "signal", "reaffirm",
                 "demonstrate", "state", "declare", "give", "set", "get", "win", "lose", "need", "see", "find"}
#: Verbs whose object noun carries the event ("commence a visit to", "hold talks with").
LIGHT_VERBS = {"have", "hold", "conclude", "reach", "pursue", "announce", "sign", "strike", "make",
               "negotiate", "begin", "start", "open", "continue", "deepen", "expand", "impose",
               "commence", "pay", "undertake", "complete", "launch", "host", "conduct"}
#: Nouns too vague to be a concept node of their own.
VAGUE_NOUNS = {"government", "administration", "authorities", "regime", "side", "country", "state",
               "thing", "things", "it", "this", "that", "one", "ones", "way", "ways", "lot", "kind", "part",
               "issue", "issues", "matter", "area", "areas", "field", "something", "anything", "everything", "nothing", "what", "which",
               "who", "them", "they", "he", "she", "we", "us", "i", "you", "me", "him", "her"}
#: Nouns that, bare, only refer back to something the words do not name ("criticised the measure").
BARE_REFERENCE_NOUNS = {"measure", "measures", "rule", "rules", "decision", "move", "step", "steps", "idea",
                        "policy", "scheme", "effort", "efforts", "approach", "decree", "announcement"}
TOPIC_PREPOSITIONS = {"about", "of", "against", "for", "on", "over", "regarding", "concerning", "towards"}
#: Plural nouns that, counted ("25 other countries"), name a group of actors.
GROUP_NOUNS = {"country", "nation", "state", "government", "member", "organisation", "organization",
               "company", "firm", "expert", "scientist", "researcher", "leader", "official", "minister",
               "delegation", "party", "signatory", "economy", "power", "lab", "laboratory"}
HYPHEN_PREFIXES = {"co", "re", "pre", "counter", "cross"}
#: What an open call invites ("a call for proposals"): the noun "call" then makes no demand.
OPEN_CALL_OBJECTS = {"proposal", "application", "paper", "submission", "bid", "tender", "nomination", "entry",
                     "abstract", "applicant", "candidate", "participant", "expression", "project", "idea"}


@dataclass(frozen=True)
class Relation:
    """One relation mention: a fact as one sentence states it."""

    doc: str
    sentence_index: int
    sentence: str
    start_char: int
    end_char: int
    subject: str
    subject_label: str
    subject_type: str
    predicate: str
    object: str
    object_label: str
    object_type: str
    negated: bool
    modality: str
    confidence: float
    trigger: str
    rule: str
    subject_how: str = ""
    object_how: str = ""

    def as_dict(self) -> dict:
        return asdict(self)


# --------------------------------------------------------------------------------------------------
# Small helpers on tokens


def verb_lemma(token: Token, known: set[str] | frozenset[str] = frozenset()) -> str:
    """The lemma, keeping a hyphenated prefix ("co-sponsored" → "co-sponsor").

    The tokenizer keeps lexicon words like "co-sponsored" whole (see :func:`kg.nlp.keep_hyphenated_verbs`)
    but the lemmatizer does not know them, so the inflection is undone here and checked against the
    ``known`` lemmas; a prefix split off as "co - sponsored" is re-attached.
    """
    lemma = token.lemma_.lower()
    doc = token.doc
    i = token.i
    if i >= 2 and doc[i - 1].text == "-" and doc[i - 2].lower_ in HYPHEN_PREFIXES:
        return f"{doc[i - 2].lower_}-{lemma}"
    text = token.lower_
    if "-" in text and text.split("-", 1)[0] in HYPHEN_PREFIXES:
        stems = [text]
        for suffix, repl in (("ing", ""), ("ing", "e"), ("ed", ""), ("ed", "e"), ("d", ""), ("s", ""), ("es", "")):
            if text.endswith(suffix):
                stems.append(text[: -len(suffix)] + repl)
        for stem in stems:
            if stem in known:
                return stem
        return stems[-1] if len(stems) > 1 else text
    return lemma


def _set_against(conjunct: Token) -> bool:
    """Whether a conjunct is set against the one before it, not added to it: "a decision by consensus
    rather than a vote", "the UK but not France"."""
    gap = conjunct.doc[max(conjunct.left_edge.i - 3, conjunct.sent.start):conjunct.left_edge.i]
    return any(t.lower_ in {"than", "not"} for t in gap) and any(
        t.dep_ == "cc" for t in gap)


def conjuncts(token: Token) -> list[Token]:
    """The token and every token coordinated with it ("the US, China and the UK" → three heads).

    Lists of names are often parsed as appositions ("China, the UK, and the US" with "UK" an
    apposition of "China"); two different named actors cannot be in apposition, so such an
    apposition is taken as coordination.
    """
    out = [token]
    queue = [token]
    while queue:
        current = queue.pop()
        related = [c for c in current.conjuncts if not _set_against(c)]
        here = mention_at(current)
        if here is None and current.pos_ == "NOUN":
            # "the Lagos venture firm Baobab Capital and the Mastercard Foundation": the class noun's
            # name in apposition carries the coordination
            for appos in _children(current, {"appos"}):
                if mention_at(appos) is not None:
                    # (… or a title with its own name: "Brazil's minister, Rafael Queiroz, and India's
                    # minister of state, Arvind Kulkarni")
                    related += [c for c in appos.conjuncts if c.i > appos.i and (mention_at(c) is not None or any(
                        mention_at(a) is not None for a in _children(c, {"appos"})))]
        if here is not None and type_group(here.type) == "Actor":
            linked = [c for c in current.children if c.dep_ == "appos"]
            if current.dep_ == "appos":
                linked.append(current.head)
            for other in linked:
                if other.i > current.i and other.left_edge.i > 0 and other.doc[other.left_edge.i - 1].text == "(":
                    continue  # a bracketed affiliation is no list: "Tomasz Wielgosz (S&D, PL) praised …"
                there = mention_at(other)
                if there is not None and there.key != here.key and _same_kind(there.type, here.type) and (
                        here.type == "Country" or _in_a_list(current, other, here.type)):
                    related.append(other)
            # "by Minister Yoon Ji-hye and Secretary Ramon Villacorta" parsed with the first name as a
            # modifier of the second that holds the "and"
            related += [c for c in current.lefts if c.dep_ in {"nmod", "compound"} and any(
                g.dep_ == "cc" for g in c.children) and getattr(mention_at(c), "type", None) == here.type
                and getattr(mention_at(c), "key", None) != here.key]
        for other in related:
            if other not in out and not _across_a_clause(current, other):
                out.append(other)
                queue.append(other)
    return sorted(out, key=lambda t: t.i)


def _across_a_clause(first: Token, other: Token) -> bool:
    """Whether a later conjunct lies past a clause that modifies something else after the first one: in
    "signed by X and Y, at a ceremony attended by the minister, Z, and …" the parser's *Z* coordinated
    with *Y* is one who attended (a clause on the first itself, "China, which signed, and Kenya", is no bar)."""
    if other.i < first.i:
        return False
    ancestors = set(other.ancestors)
    return any(t.pos_ == "VERB" and t.dep_ in {"acl", "relcl"} and t.head.i > first.i and t.head != first
               and t not in ancestors for t in first.doc[first.i + 1:other.i])


def _same_kind(a: str, b: str) -> bool:
    """Two entity types that can be items of one list: equal, or both organisations ("ETH Zurich, the
    University of Toronto and KAIST" are typed apart by their names)."""
    organisations = lambda t: type_group(t) == "Actor" and t not in {"Person", "Country", "Group"}
    return a == b or organisations(a) and organisations(b)


def _in_a_list(a: Token, b: Token, kind: str) -> bool:
    """Whether two names in apposition are items of a list ("China, the UK, and the US": a name of the
    same kind is coordinated further on, or three or more are chained), not one thing named twice
    ("CAF, the Development Bank of Latin America and the Caribbean": the "and" is inside the name)."""
    for t in (a, b):
        for c in t.children:
            if c.dep_ in {"conj", "appos"} and c not in (a, b) and _same_kind(getattr(mention_at(c), "type", ""), kind):
                return True
    return False


def _set_off_participle(verb: Token) -> bool:
    """A participle set off by commas after its noun, which the parser took for the sentence's verb with
    that noun as its subject: "The Canadian Centre for AI Safety, announced Thursday by the minister,
    will be headquartered in Montreal"."""
    return verb.tag_ in {"VBN", "VBD"} and verb.i > 0 and verb.doc[verb.i - 1].text == "," \
        and any(c.dep_ == "agent" for c in verb.children) \
        and any(c.dep_ == "nsubj" and c.i < verb.i for c in verb.children) \
        and not any(c.dep_ in {"aux", "auxpass"} for c in verb.children)


def is_passive(verb: Token) -> bool:
    if any(c.dep_ in PASSIVE_SUBJECT_DEPS or c.dep_ == "auxpass" for c in verb.children):
        return True
    if _set_off_participle(verb):
        return True
    if verb.tag_ == "VBN" and not any(c.dep_ in SUBJECT_DEPS or c.dep_ == "aux" for c in verb.children):
        if any(c.dep_ == "agent" for c in verb.children):
            return True
        if verb.dep_ == "conj" and verb.head.pos_ == "VERB" and is_passive(verb.head):
            return True
    if _root_participle(verb):
        return False  # "Tomasz Wierzba, a legal adviser, pressed for X": the sentence's verb, misparsed
    # a past participle modifying a noun ("the resolution adopted on Monday") is passive
    return verb.tag_ == "VBN" and verb.dep_ in {"acl", "amod"} and not any(c.dep_ in SUBJECT_DEPS for c in verb.children)


def _root_participle(verb: Token) -> bool:
    """A "participle" on a named subject that is the sentence's root: the parser's reading of a past
    verb after a long apposition ("Tomasz Wierzba, a legal adviser at the ICRC, pressed for …"), as
    a sentence needs a verb. ("The resolution, adopted last week." has no name at its root.)"""
    return verb.dep_ == "acl" and verb.tag_ == "VBN" and verb.head.dep_ == "ROOT" \
        and verb.head.pos_ == "PROPN" and mention_at(verb.head) is not None \
        and type_group(mention_at(verb.head).type) == "Actor" and verb.i > verb.head.i \
        and not any(c.dep_ in {"agent", "auxpass"} for c in verb.children) \
        and any(t.dep_ == "appos" for t in verb.head.children)


def _children(token: Token, deps: set[str]) -> list[Token]:
    return [c for c in token.children if c.dep_ in deps]


def _governors(verb: Token, max_hops: int = 5) -> Iterator[tuple[Token, str]]:
    """Words above ``verb`` that share its subject, with the link that leads to each: ``xcomp``
    (control: "wants to work"), ``conj`` (coordination), ``advcl``/``pcomp`` (adjuncts: "signed X,
    calling for Y"; "faced criticism for inviting China"), ``nominal`` (nominal control: "showed its
    readiness to work", "the decision to invite")."""
    token = verb
    for _ in range(max_hops):
        dep = token.dep_
        if dep in {"xcomp", "conj", "advcl", "pcomp", "acomp"} and token.head != token:
            head = token.head
            if dep == "pcomp" and head.dep_ == "prep":
                head = head.head
                if head.lower_ == "short" and head.dep_ in {"advmod", "acomp"}:
                    head = head.head  # "stopped short of endorsing": the verb "short" hangs on
            if head.pos_ in {"NOUN", "PROPN", "PRON", "NUM"} and dep == "pcomp":
                yield head, "nominal"  # "faced criticism for inviting": the noun, then its verb
                for _ in range(6):  # through the noun phrase (the PP is often attached too low)
                    if head.pos_ in {"VERB", "AUX"} or head.head == head:
                        break
                    head = head.head
            if head.pos_ not in {"VERB", "AUX", "ADJ"}:
                return
            yield head, dep
            token = head
        elif dep in {"acl", "relcl"} and token.tag_ == "VB" and token.head.pos_ in {"NOUN", "PROPN"} \
                and token.head.lemma_.lower() in NOMINAL_CONTROL:
            noun = token.head
            yield noun, "nominal"
            if noun.dep_ not in {"dobj", "attr", "nsubj", "pobj"}:
                return
            # "made the decision to invite": the maker decides; "criticised the decision to release":
            # whose decision is not said, so the critic is not the agent
            if noun.dep_ == "dobj" and noun.head.lemma_.lower() not in SUPPORT_VERBS \
                    and not any(c.dep_ == "poss" for c in noun.children):
                return
            token = noun.head if noun.dep_ != "pobj" else noun.head.head
            if token.pos_ not in {"VERB", "AUX"}:
                return
            yield token, "nominal"
        else:
            return


def _scope(verb: Token, links: frozenset[str] = frozenset({"xcomp", "conj", "nominal"})) -> list[Token]:
    """The verb and the words whose negation (default links) or modality (also advcl) it inherits.
    A clause with a subject of its own ("as they continue to compete") is a scope of its own."""
    chain = [verb]
    below = verb
    for head, link in _governors(verb):
        if link not in links or (link in {"advcl", "conj"} and _children(below, SUBJECT_DEPS)):
            break
        chain.append(head)
        below = head
    return chain


def _orphan_subject(verb: Token) -> list[Token]:
    """Recover a subject the parser attached to a fronted phrase: in "In efforts to regulate AI
    technologies, the 78th session of the Assembly adopted …" the subject NP often ends up as an
    apposition inside the fronted PP. Take the noun phrase right before the verb."""
    if verb.dep_ != "ROOT" or any(c.dep_ in SUBJECT_DEPS | PASSIVE_SUBJECT_DEPS | {"expl"} for c in verb.children):
        return []
    i = verb.i - 1
    doc = verb.doc
    while i >= verb.sent.start and doc[i].pos_ in {"ADV", "AUX", "PART"}:
        i -= 1
    if i < verb.sent.start or doc[i].pos_ not in {"NOUN", "PROPN", "PUNCT"}:
        return []
    token = doc[i]  # climb to the head of the noun phrase ending at i
    while token.is_punct or (token.dep_ in {"compound", "pobj"} and token.head.i < verb.i
                             and token.head.pos_ in {"NOUN", "PROPN", "ADP"}):
        token = token.head
        if token.pos_ == "ADP":
            token = token.head
    if token.dep_ in {"appos", "npadvmod", "conj"} and token.pos_ in {"NOUN", "PROPN"} \
            and any(t.i < verb.i for t in token.ancestors):
        return [token]
    return []


def _is_topic(verb: Token) -> bool:
    """A verb that names a topic, not an event: "warned about *working* with China", "calls for
    *signing*", "talks about *setting up* hubs". After "criticised for", "after", "by" it is an event."""
    token = verb
    for _ in range(3):
        if token.dep_ == "pcomp" and token.head.dep_ == "prep":
            prep = token.head
            governor = prep.head
            if prep.lower_ in TOPIC_PREPOSITIONS and (governor.lemma_.lower() in TOPIC_HEADS
                                                      or governor.lower_ in TOPIC_HEADS):
                return True
        if token.dep_ in {"csubj", "csubjpass"}:  # "working with China could pose risks"
            return True
        if token.dep_ not in {"conj", "xcomp"}:
            return False
        token = token.head
    return False


# --------------------------------------------------------------------------------------------------
# Arguments of verbal triggers


def _misparsed_apposition(title: Token) -> list[Token]:
    """A name set off by commas after a title's portfolio, that the parser coordinated with the
    portfolio: "Greece's Minister of Digital Governance, Eleni Markou, held talks" (Markou ← conj of
    Governance). With no "and"/"or" before it, it is the title's apposition."""
    if not title.ent_type_ and not title.is_title:
        return []
    for token in title.subtree:
        if token.dep_ == "conj" and token.pos_ == "PROPN" and token.i > title.i and token.nbor(-1).i >= 0 \
                and not any(c.dep_ == "cc" for c in token.head.children) \
                and (token.ent_type_ == "PERSON" or getattr(mention_at(token), "type", "") == "Person") \
                and token.doc[token.left_edge.i - 1].text == ",":
            return [token]
    return []


def _name_before_comma(title: Token) -> list[Token]:
    """"met with Park Sung-min, chief executive of Daon" parsed with the name as a modifier of
    "executive": a person's name before a comma that the parser hung on the title."""
    return [c for c in title.lefts if c.dep_ in {"nmod", "compound"} and getattr(mention_at(c), "type", "") == "Person"
            and any(t.text == "," for t in title.doc[c.i + 1:title.i])]


def _relative_head(verb: Token) -> Token:
    """The noun a relative clause modifies. When that noun is an apposition of a name ("Senator Rachel
    Dunmore, an Ohio Republican who chairs …"), the name. When the parser attached the clause to a noun
    deeper in the phrase, grammar moves it up: the clause agrees in number with its noun ("a resolution
    on sharing know-how with poorer *nations* that *was* drafted by Brazil" → the resolution), and *who*
    modifies a person ("Vasconcelos, Brazil's representative to the *United Nations*, who chaired …")."""
    head = verb.head
    pronoun = next((c.lower_ for c in verb.children if c.lower_ in RELATIVE_PRONOUNS
                    and c.dep_ in SUBJECT_DEPS | PASSIVE_SUBJECT_DEPS | {"dobj", "pobj", "poss"}), None)
    number = _clause_number(verb) if pronoun in {"that", "which", "who"} else None
    start = head
    for _ in range(4):
        wrong_number = number is not None and _noun_number(head) not in {None, number}
        not_a_person = pronoun in {"who", "whom"} and not _is_person(head)
        if not (wrong_number or not_a_person):
            break
        up = head.head if head.dep_ == "pobj" and head.head.dep_ == "prep" else None
        # up through the phrase: prepositions and gerunds ("on *sharing* know-how with poorer nations")
        while up is not None and (up.dep_ in {"prep", "pcomp"} or (up.pos_ == "VERB" and up.tag_ == "VBG"
                                                                      and up.dep_ in {"pcomp", "pobj"})):
            up = up.head
        if up is None or up.pos_ not in {"NOUN", "PROPN", "PRON"}:
            head = start  # no better noun up the phrase: keep the parser's
            break
        head = up
    own, named = mention_at(head), mention_at(head.head)
    if head.dep_ == "appos" and (own is None or own.type != "Person") and named is not None and named.type == "Person":
        return head.head
    if head.dep_ == "appos" and own is None and named is not None:
        return head.head
    return head


def _relative_heads(verb: Token) -> list[Token]:
    """The nouns a relative clause modifies: a coordination the clause follows ("France and Germany, which
    have …"), but only its last member where the clause speaks of one ("signed by Argentina, Brazil,
    Uruguay and Bolivia, which joined the bloc as a full member last year")."""
    head = _relative_head(verb)
    members = conjuncts(head)
    named = [mention_at(t) for t in members]
    if len(members) < 2 or any(m is None or m.end - 1 != t.i or type_group(m.type) != "Actor"
                               for m, t in zip(named, members)):
        return members  # (not a list of names: "the Japan-Republic of Korea Agreement, which was signed …")
    # "which is *a* member", "which joined … *as a* full member": one, the nearest before the clause
    nouns = [c for c in verb.children if c.dep_ == "attr"] + [
        o for c in verb.children if c.dep_ == "prep" and c.lower_ == "as" for o in _children(c, {"pobj"})]
    if any(d.dep_ == "det" and d.lower_ in {"a", "an"} for n in nouns for d in n.children):
        before = [t for t in members if t.i < verb.i]
        return [max(before, key=lambda t: t.i)] if before else members
    return members


def _clause_number(verb: Token) -> str | None:
    """Sing or Plur from the finite verb of a relative clause ("that *was* drafted", "which *have* …")."""
    for token in [*_children(verb, {"aux", "auxpass"}), verb]:
        if token.tag_ in {"VBZ"} or (token.lower_ == "was"):
            return "Sing"
        if token.tag_ == "VBP" or token.lower_ == "were":
            return "Plur"
    return None


def _noun_number(noun: Token) -> str | None:
    if any(c.dep_ == "conj" for c in noun.children):
        return "Plur"  # "France and Germany, which have …"
    if noun.tag_ in {"NNS", "NNPS"}:
        return "Plur"
    if noun.tag_ in {"NN", "NNP"}:
        mention = mention_at(noun)  # "the United Nations", "the Philippines": plural form, one entity
        return None if mention is not None and noun.tag_ == "NNP" else "Sing"
    return None


def _is_person(noun: Token) -> bool:
    mention = mention_at(noun)
    if mention is not None:
        return mention.type == "Person"
    if noun.dep_ == "appos":  # "Li, the ministry's spokesman, who …"
        named = mention_at(noun.head)
        if named is not None and named.type == "Person":
            return True
    return noun.pos_ == "NOUN" and noun.lemma_.lower() in PERSON_NOUNS


#: Verbs whose object does not control their infinitive: "promised China to sign" → the promiser signs.
SUBJECT_CONTROL_WITH_OBJECT = frozenset({"promise", "vow", "pledge", "threaten", "use", "take", "seize", "spend", "waste"})


#: Acts done to a text that, praised or criticised, stand for the text ("welcomed the adoption of the text").
ACT_ON_TEXT_NOUNS = {"adoption", "passage", "publication", "signing", "ratification", "release", "launch",
                     "approval", "conclusion"}
#: Nouns of making something, which stand for what is made when one proposes, backs or calls for them.
CREATION_NOUNS = {"creation", "establishment", "formation", "founding", "setting-up"}

#: Verbs whose object is what a proposal is for ("a proposal to create an institute").
CREATION_VERBS = {"create", "establish", "set", "build", "launch", "form", "introduce", "adopt", "hold", "open"}

#: Nouns that refer back to what was last proposed ("Laos backed the idea").
PROPOSAL_NOUNS = {"idea", "plan", "proposal", "suggestion", "initiative", "scheme", "offer"}


def _last_proposal(noun: Token, sent_index: int, window_sents: int = 3) -> EntityMention | None:
    """"the idea", "the proposal", "this plan" with nothing of its own to name it: what was proposed in
    the last few sentences (``doc.user_data["kg_proposals"]``, filled as the extractor goes)."""
    # "called for X, a proposal that Lithuania also backed": an apposition renames what was just proposed
    # (the parser often makes it the verb's object: a comma before its article tells the apposition)
    edge = noun.left_edge.i
    appositive = (noun.dep_ == "appos" or noun.dep_ in {"dobj", "npadvmod"} and edge > 0
                  and noun.doc[edge - 1].text == ",") and any(c.dep_ == "det" and c.lower_ in {"a", "an"}
                                                               for c in noun.children)
    if not (appositive or any(c.dep_ == "det" and c.lower_ in {"the", "this", "that"} for c in noun.children)) \
            or any(c.dep_ in {"compound", "amod", "prep", "appos", "poss"} or c.dep_ in {"relcl", "acl"} and not appositive
                   for c in noun.children) \
            or mention_at(noun) is not None:
        return None
    proposals = noun.doc.user_data.get("kg_proposals") or []
    if appositive:
        recent = [m for k, m, _ in proposals if k == sent_index]
        return recent[-1] if recent else None
    # a text proposed first; else what an earlier sentence called for ("X called for a duty to report.
    # Y declined to back the idea"), not a call made in passing in this one
    recent = [m for k, m, p in proposals if sent_index - window_sents <= k <= sent_index and p == "proposed"]
    if recent:
        return recent[-1]
    calls = [(k, m) for k, m, p in proposals if sent_index - window_sents <= k < sent_index
             and noun.lemma_.lower() in {"idea", "proposal", "suggestion"}]
    if not calls:
        return None
    # (not past a proposal kg could not read: "She also proposed extending the controls, but Japan
    # declined to endorse the proposal")
    since = noun.doc[noun.sent.start:noun.i]
    if any(t.lemma_.lower() in {"propose", "suggest"} and t.pos_ == "VERB" for t in since):
        return None
    return calls[-1][1]


def _vote_match(verb: Token, trig: Trigger):
    """"voted in favour of X" as "voted for X"; "voted in favour" or "voted against" with no object:
    ``"implicit"`` (the text under discussion). None when ``verb`` does not vote this way."""
    favour = [p for prep in _children(verb, {"prep"}) if prep.lower_ == "in"
              for p in _children(prep, {"pobj"}) if p.lemma_.lower() in {"favour", "favor"}]
    if trig.words == ("for",) and not trig.negative and favour:
        objs = [o for prep in _children(favour[0], {"prep"}) if prep.lower_ == "of" for o in _children(prep, {"pobj"})]
        return (conjuncts(objs[0]), "prep") if objs else "implicit"
    word = trig.words[0] if len(trig.words) == 1 else ""
    if word in {"for", "against"} and not favour and not _children(verb, {"dobj"}) and any(
            c.lower_ == word and not _children(c, {"pobj", "pcomp"}) for c in _children(verb, {"prep", "prt", "advmod"})):
        return "implicit"
    return None


def _previous_subject_organisation(token: Token) -> EntityMention | None:
    """"Stichting Datavrij, a consumer group, welcomed the fine. Its director, …": a possessive that
    opens a sentence continues the topic, the organisation that was the subject of the sentence before."""
    doc = token.doc
    opening = doc[token.sent.start:token.i]
    if token.i - token.sent.start > 1 and not (  # ("In a statement, its general counsel, …")
            doc[token.i - 1].text == "," and not any(t.pos_ in {"VERB", "AUX"} for t in opening)):
        return None
    previous = doc[token.sent.start - 1].sent if token.sent.start > 0 else None
    if previous is None:
        return None
    first = next((t for t in previous if not t.is_space and not t.is_punct), None)
    m = mention_at(first) if first is not None else None
    if m is None:  # "The Lagos-based Centre for Digital Justice welcomed …": the root's subject
        subjects = [c for c in previous.root.children if c.dep_ in {"nsubj", "nsubjpass"}]
        m = mention_at(subjects[0]) if subjects and subjects[0].i - previous.start <= 8 else None
    # the organisation that opens the sentence before, as its subject
    if m is not None and type_group(m.type) == "Actor" and m.type not in {"Person", "Country", "Group"} \
            and any(t.dep_ in {"nsubj", "nsubjpass"} for t in doc[m.start:m.end]):
        return EntityMention(token.i, token.i + 1, m.key, m.label, m.type, "topic")
    return None


def _setting_country(sent: Span, gaz: Gazetteer, before: int | None = None) -> EntityMention | None:
    """The country a sentence is set in by an opening "In <capital or country>," ("In Vienna, a
    spokeswoman for the Federal Chancellery, …" speaks for Austria) or "Speaking for <country>,"; or,
    with ``before``, by "in <capital>" right before that token ("… and in Moscow the foreign ministry
    spokesperson, …")."""
    words = [t for t in sent if not t.is_space]
    doc = sent.doc
    place = None
    if before is not None:
        i = before - 1
        while i > sent.start and doc[i].pos_ in {"DET", "PUNCT"}:
            i -= 1
        found = mention_at(doc[i]) if i > sent.start else None
        if found is not None and found.start > sent.start and doc[found.start - 1].lower_ == "in":
            place = found
    elif len(words) >= 4 and words[0].lower_ == "in":
        place = mention_at(words[1])
        if place is None or place.end >= sent.end or doc[place.end].text != ",":
            return None
    elif len(words) >= 5 and words[0].lower_ in {"speaking", "representing"} and words[1].lower_ in {"for", "on"}:
        k = 2 if words[1].lower_ == "for" else 4  # "Speaking for the United States", "Speaking on behalf of X"
        place = next((mention_at(t) for t in words[k:k + 3] if mention_at(t) is not None), None)
    if place is None:
        return None
    if place.type == "Country":
        return place
    country = gaz.entries.get(place.country) if place.country else None
    if country is not None and country.type == "Country":
        return EntityMention(place.start, place.end, country.key, country.label, country.type, "capital")
    return None


def _round_owner(noun: Token) -> EntityMention | None:
    """The company a funding round raises money for: its possessor ("Corvid's Series B round"), else
    the company the story is about."""
    raisers = {"Company", "Organisation", "ResearchInstitute"}
    for child in _children(noun, {"poss"}):
        owner = resolve_token(child)
        if owner is not None and owner.type in raisers:
            return owner
    # "X has raised €40m in a Series B round led by Y", "X announced a funding round led by Y": the raiser
    verb = noun.head.head if noun.dep_ == "pobj" and noun.head.lower_ in {"in", "through", "via"} \
        else noun.head if noun.dep_ in {"dobj", "nsubjpass"} else None
    if verb is not None and verb.lemma_.lower() in ROUND_VERBS:
        while verb.dep_ == "conj" and not _children(verb, {"nsubj"}):
            verb = verb.head  # "Boreal AI released a model and announced a round"
        for subj in _children(verb, {"nsubj"}):
            if subj.lower_ in RELATIVE_PRONOUNS and verb.dep_ == "relcl":
                subj = _relative_head(verb)  # "Sentra, which raised $45m in a round financed by X"
            owner = mention_at(subj) or resolve_token(subj)
            if owner is not None and owner.type in raisers:
                return owner
    return story_entity(noun.doc, noun.i, lambda m: m.type == "Company", window_sents=8)


#: The US parties in the news' notation: "(R-Texas)", "a Democrat".
PARTY_LETTERS = {"R": "org/republican-party", "D": "org/democratic-party"}
PARTY_NOUNS = {"republican": "org/republican-party", "democrat": "org/democratic-party",
               "democratic": "org/democratic-party"}
#: Head words of the names of parties and parliamentary groups ("Institutional Revolutionary Party").
PARTY_NAME_HEADS = {"party", "front", "movement", "alliance", "coalition", "congress", "league", "group"}
#: Nouns for members of a legislature, which a party's name may precede ("Labour MP", "Greens senator").
LEGISLATOR_NOUNS = {"mp", "mps", "mep", "meps", "mla", "mpp", "msp", "senator", "lawmaker", "legislator",
                    "congressman", "congresswoman", "councillor", "councilor", "deputy", "assemblyman",
                    "assemblywoman", "td"}
#: Capitalised words in a legislator's title that name no party.
NOT_PARTY_WORDS = {"senior", "former", "veteran", "opposition", "independent", "backbench", "state", "federal",
                   "national", "junior", "first-term", "freshman", "ruling", "local", "european", "upper", "lower"}
#: Verbs of which a funding round is the object or the setting, their subject the company raising it.
#: What is raised or received from a funder ("raised $12m from X", "received grants from X").
FUNDING_NOUNS = {"funding", "grant", "investment", "capital", "money", "financing", "loan", "backing", "round",
                 "donation", "contribution", "fund", "equity", "cash", "subsidy", "award"}
ROUND_VERBS = {"raise", "close", "complete", "announce", "secure", "launch", "open", "finalise", "finalize"}


def _earlier_subject_organisation(token: Token) -> EntityMention | None:
    """"Renew Europe was split, and its shadow rapporteur …": a possessive in a later clause of the
    sentence belongs to the organisation that is the subject of an earlier one."""
    for t in reversed(list(token.doc[token.sent.start:token.i])):
        if t.dep_ in {"nsubj", "nsubjpass"}:
            m = mention_at(t)
            if m is not None and type_group(m.type) == "Actor" and m.type not in {"Person", "Country", "Group"}:
                return EntityMention(token.i, token.i + 1, m.key, m.label, m.type, "topic")
            return None
    return None


def _government_titled(doc: Doc, person: EntityMention, gaz: Gazetteer) -> bool:
    """Whether a government title stands right before the name, or before the first of coordinated
    names ("foreign ministers Ana Gil of Chile and Rui Sa of Portugal")."""
    head = doc[person.end - 1]
    while head.dep_ == "conj" and head.head.i < head.i:
        head = head.head
    starts = [person.start] + [m.start for m in [mention_at(head)] if m is not None]
    for start in starts:
        title, _ = title_before(doc[start], gaz)
        if any("government" in gaz.titles.kind(w) or "government" in gaz.titles.kind(w.rstrip("s"))
               for w in title.split()):
            return True
    return False


def _controller_objects(governor: Token) -> list[Token]:
    """Who is asked to do what an infinitive says: the direct object ("urged China to sign"), or the
    object of "on" after "call" ("called on Canada to ratify")."""
    objects = _children(governor, {"dobj"})
    if not objects and governor.lemma_.lower() in {"call", "prevail"}:
        objects = [p for prep in _children(governor, {"prep"}) if prep.lower_ in {"on", "upon"}
                   for p in _children(prep, {"pobj"})]
    return objects


def _subject_tokens(verb: Token) -> tuple[list[Token], str]:
    """The agent heads of an active verb, and how they were found."""
    if verb.tag_ == "VBG" and verb.dep_ in {"nsubj", "csubj"} and verb.head.lemma_ == "be" \
            and not _children(verb, SUBJECT_DEPS):
        # inverted: "Voting in favour were most European members, including France and Chile"
        named = [a for a in _children(verb.head, {"attr"}) if a.i > verb.head.i]
        if named:
            return conjuncts(named[0]), "inverted"
    subjects = _children(verb, SUBJECT_DEPS)
    if subjects:
        subj = subjects[0]
        if len(subjects) > 1 and subjects[-1].i < verb.i and any(
                c.dep_ == "mark" and subjects[0].i < c.i < subjects[-1].i for c in verb.children):
            # two subjects on one verb with a subordinator between: the parser merged a clause ("X
            # released Y, days after Z warned about W"); the subject after the subordinator is its own
            subj = subjects[-1]
        elif len(subjects) > 1 and subjects[0].pos_ == "NOUN" and mention_at(subjects[1]) is not None \
                and subjects[1].left_edge.i == subjects[0].i + 1:
            subj = subjects[1]  # "the Warsaw-based foundation Cyfrowa Wolnosc warned": the class noun's name
        if subj.lower_ in RELATIVE_PRONOUNS and verb.dep_ == "relcl":
            return _relative_heads(verb), "relative"
        if len(subjects) == 2 and subjects[1].pos_ == "NOUN" and mention_at(subjects[1]) is None \
                and mention_at(subj) is not None and subjects[1].left_edge.i > 0 \
                and verb.doc[subjects[1].left_edge.i - 1].text == ",":
            # "The Consortium, a group of six universities, and Nimbara Cloud released …": the description
            # was parsed as a second subject, holding the coordination
            return conjuncts(subj) + [c for c in subjects[1].conjuncts if mention_at(c) is not None], "direct"
        return conjuncts(subj), "direct"
    if verb.dep_ in {"relcl", "acl"} and verb.tag_ == "VB" and verb.head.ent_type_ == "MONEY" \
            and verb.head.dep_ == "dobj" and any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children):
        # "pledged $40 million to seed the fund": the amount's purpose is its giver's, whatever the parser
        # hung the infinitive on
        return _subject_tokens(verb.head.head)[0], "inherited"
    if verb.dep_ == "relcl":
        return _relative_heads(verb), "relative"
    if verb.dep_ == "advcl" and verb.tag_ == "VBG":
        # absolute "with": "the council met in Cairo, with Egypt's minister, Karim Mansour, chairing the
        # session": the one chairing is the object of "with", not the clause's subject
        for prep in _children(verb.head, {"prep"}):
            pobjs = _children(prep, {"pobj"})
            if prep.lower_ == "with" and prep.i < verb.i and pobjs and prep.right_edge.i >= verb.i - 2:
                return conjuncts(pobjs[0]), "absolute"
    if verb.dep_ == "acl" and verb.tag_ == "VBG" and verb.head.lower_ in {"those", "people"} \
            and _among_members(verb.head):
        return _among_members(verb.head), "among"  # "Among those attending were A and B"
    if verb.dep_ == "acl" and verb.tag_ == "VBG":  # "countries calling for X"
        return conjuncts(verb.head), "participle"
    if verb.dep_ == "acl" and verb.tag_ == "VB" and verb.head.dep_ == "nsubj" and verb.head.head.lemma_ == "be":
        # "The first countries to ratify were Costa Rica and Kenya": who is named after the copula
        named = [a for a in _children(verb.head.head, {"attr"}) if mention_at(a) is not None]
        if named:
            return conjuncts(named[0]), "copula"
    if _root_participle(verb):  # "Tomasz Wierzba, a legal adviser at the ICRC, pressed for X"
        return conjuncts(verb.head), "recovered"
    if verb.dep_ == "acl" and verb.tag_ == "VBD" and verb.head.pos_ in {"NOUN", "PROPN"} \
            and not any(c.dep_ == "auxpass" or c.dep_ == "agent" and not _children(c, {"neg"}) for c in verb.children):
        # (… "called for reporting by companies, *not just by* agencies": no passive agent)
        # a finite past verb is no participle: "… and its director, Liza Macaraeg, called for X", parsed
        # as a modifier of "director", is the clause's main verb with the named person as its subject
        named = [c for c in verb.head.children if c.dep_ == "appos" and c.pos_ == "PROPN" and c.i < verb.i]
        if named:
            return conjuncts(named[0]), "recovered"
        top = verb.head  # "X, director of Y, a group that tracks failures of systems, called for …": the
        while top.dep_ in {"pobj", "prep", "appos", "relcl", "dobj", "acl", "conj"} and top.head != top:
            top = top.head  # clause's subject is the noun phrase the whole chain hangs from
        top = top if top.pos_ in {"NOUN", "PROPN"} and top.i < verb.i else verb.head
        return conjuncts(top), "recovered"
    if verb.dep_ == "xcomp" and verb.head.pos_ in {"VERB", "AUX"} \
            and verb.head.lemma_.lower() not in SUBJECT_CONTROL_WITH_OBJECT:
        objects = _controller_objects(verb.head)
        if objects:  # object control: "invited Macron to attend", "urged China to sign", "called on X to"
            return conjuncts(objects[0]), "inherited"
    if verb.dep_ == "pcomp" and verb.head.dep_ == "prep" and verb.head.lower_ == "for" \
            and verb.head.head.pos_ == "VERB" and _children(verb.head.head, {"dobj"}):
        # "praised Singapore for publishing its tools": the reason for praise, told in passing as
        # background, is not reported as an event of its own
        return [], ""
    if verb.dep_ == "pcomp" and verb.head.dep_ == "prep" and verb.head.lower_ == "from" \
            and verb.head.head.lemma_.lower() in PREVENT_VERBS:
        # object control: "bars either side from demanding access", "barred Kenya from signing"
        objects = _children(verb.head.head, {"dobj"})
        return (conjuncts(objects[0]), "inherited") if objects else ([], "")
    if verb.dep_ == "pcomp" and verb.head.dep_ == "prep" and verb.head.lower_ in {"of", "for"} \
            and verb.head.head.pos_ == "VERB":
        objects = _children(verb.head.head, {"dobj"})
        if objects:  # object control: "accused the Commission of drafting", "praised X for closing"
            return conjuncts(objects[0]), "inherited"
    for gov, link in _governors(verb):
        if gov.dep_ == "pcomp" and gov.head.dep_ == "prep" and gov.head.lower_ in {"of", "for"} \
                and gov.head.head.pos_ == "VERB" and _children(gov.head.head, {"dobj"}) and link == "xcomp":
            # "criticised the government for failing to publish X": the one criticised failed, and in
            # passing; "accused Y of trying to hide Z": Y tried (as for the gerund itself, below)
            if gov.head.lower_ == "for":
                return [], ""
            return conjuncts(_children(gov.head.head, {"dobj"})[0]), "inherited"
        if link == "nominal" and gov.pos_ in {"NOUN", "PROPN"}:
            # "the decision by the United States not to sign", "China's refusal to sign": the noun's
            # own agent controls it, before anyone who talks about the decision
            agents = [p for prep in _children(gov, {"prep"}) if prep.lower_ == "by" for p in _children(prep, {"pobj"})]
            agents = agents or _children(gov, {"poss"})
            if agents:
                return conjuncts(agents[0]), "inherited"
            continue
        if link == "conj" and gov.dep_ == "advcl" and _children(gov, {"mark"}) and verb.tag_ == "VBD" \
                and (gov.tag_ in {"VB", "VBN", "VBZ", "VBP"} and any(a.tag_ == "MD" or a.lower_ in {"is", "are", "be"}
                                                                    for a in _children(gov, {"aux", "auxpass"}))):
            # "X warned about a race before they can be verified and called for Y": a past verb does not
            # continue a modal subordinate clause; it is the main clause's second verb
            main = _children(gov.head, SUBJECT_DEPS)
            if main and main[0].lower_ not in RELATIVE_PRONOUNS:
                return conjuncts(main[0]), "inherited"
        subjects = _children(gov, SUBJECT_DEPS)
        if subjects:
            subj = subjects[0]
            if subj.lower_ in RELATIVE_PRONOUNS and gov.dep_ == "relcl":
                return _relative_heads(gov), "inherited"
            return conjuncts(subj), "inherited"
        if link == "conj" and _children(gov, PASSIVE_SUBJECT_DEPS) and not _children(verb, {"agent", "auxpass"}) \
                and (_children(verb, {"dobj"}) or verb.tag_ in {"VBZ", "VBD"} and _children(verb, {"prep"})):
            # "Palisade was founded in 2021 and released Kindred in 2023": an active conjunct with an
            # object of its own shares the passive's subject ("Loopa, which is headquartered in Dublin and
            # competes with TikTok": the relative clause's)
            subj = _children(gov, PASSIVE_SUBJECT_DEPS)[0]
            if subj.lower_ not in RELATIVE_PRONOUNS:
                return conjuncts(subj), "inherited"
            if gov.dep_ == "relcl":
                return _relative_heads(gov), "inherited"
        if _children(gov, PASSIVE_SUBJECT_DEPS) and gov.dep_ != "conj":
            if link == "xcomp":  # "Whitfield is scheduled to visit Japan", "China was asked to sign"
                subj = _children(gov, PASSIVE_SUBJECT_DEPS)[0]
                if subj.lower_ not in RELATIVE_PRONOUNS:
                    return conjuncts(subj), "inherited"
            break
    for clause in verb.children:
        if clause.dep_ == "advcl" and clause.i < verb.i and _set_off_participle(clause):
            # "The meeting, hosted by Indonesia, on Wednesday adopted …": the participle took the subject
            return conjuncts(_children(clause, {"nsubj"})[0]), "recovered"
    orphan = _orphan_subject(verb)
    if orphan:
        return conjuncts(orphan[0]), "recovered"
    return [], ""


def _passive_theme_tokens(verb: Token) -> tuple[list[Token], str]:
    if _set_off_participle(verb):
        return conjuncts(_children(verb, {"nsubj"})[0]), "participle"
    subjects = _children(verb, PASSIVE_SUBJECT_DEPS)
    if subjects:
        subj = subjects[0]
        if subj.lower_ in RELATIVE_PRONOUNS and verb.dep_ == "relcl":
            return _relative_heads(verb), "relative"
        return conjuncts(subj), "passive-subject"
    if verb.dep_ in {"acl", "amod"}:
        return conjuncts(verb.head), "participle"
    if verb.dep_ == "appos" and verb.tag_ == "VBN" and verb.i > verb.head.i \
            and any(c.dep_ == "det" and c.lower_ in {"a", "an"} for c in verb.children):
        # "the Straits Evaluation Lab, a non-profit funded by Singapore": the parser took the hyphenated noun
        # for adjectives and made the participle the apposition; it describes the name
        return conjuncts(verb.head), "participle"
    if verb.dep_ == "advcl" and verb.tag_ == "VBN" and verb.i < verb.head.i \
            and all(t.is_space or t.is_punct for t in verb.doc[verb.sent.start:verb.i]):
        # "Tabled by Ghana and Senegal, the resolution was co-sponsored by 71 states": a fronted
        # participle describes the subject of the clause it opens
        subjects = _children(verb.head, SUBJECT_DEPS | PASSIVE_SUBJECT_DEPS)
        if subjects and subjects[0].i > verb.i and subjects[0].lower_ not in RELATIVE_PRONOUNS:
            return conjuncts(subjects[0]), "participle"
    if verb.dep_ == "advcl" and verb.tag_ == "VBN" and verb.i > verb.head.i and verb.i > 0 \
            and verb.doc[verb.i - 1].text == "," and _by_agents(verb):
        # "It hosted a meeting on digital policy in May, attended by Azerbaijan and Kazakhstan": a participle
        # after the clause describes what the clause acted on, or else what it is about ("The resolution
        # passed, backed by 120 states")
        objects = [o for o in _children(verb.head, {"dobj"}) if o.i < verb.i]
        subjects = [s for s in _children(verb.head, SUBJECT_DEPS | PASSIVE_SUBJECT_DEPS)
                    if s.lower_ not in RELATIVE_PRONOUNS and s.pos_ != "PRON"]
        if objects or subjects:
            return conjuncts((objects or subjects)[0]), "participle"
    if verb.dep_ == "relcl":
        return _relative_heads(verb), "relative"
    if verb.dep_ == "conj":  # "proposed by China and co-sponsored by 140 countries"
        head = verb.head
        if is_passive(head):
            tokens, how = _passive_theme_tokens(head)
            return tokens, "coordinated" if tokens else how
        if any(c.dep_ == "auxpass" for c in verb.children):
            # "The report draws on case studies … and was funded by the Aldermoor Foundation": a passive
            # conjunct with its own auxiliary shares the first verb's subject
            subjects = [c for c in _children(head, {"nsubj"}) if c.lower_ not in RELATIVE_PRONOUNS]
            if subjects:
                return conjuncts(subjects[0]), "coordinated"
    return [], ""


def _by_agents(verb: Token) -> list[Token]:
    """The by-agents of a passive, also a second by-phrase: "attended by Morocco and Rwanda, as well as
    by delegations from the African Union"."""
    agents: list[Token] = []
    for child in verb.children:
        if child.dep_ == "agent" or (child.dep_ == "prep" and child.lower_ == "by"):
            objs = _children(child, {"pobj"})
            if objs:
                agents += [t for t in conjuncts(objs[0]) if t not in agents]
            for other in _children(child, {"conj"}):  # "attended by A, …, and by B": "by" joined to "by"
                if other.lower_ == "by" and _children(other, {"pobj"}):
                    agents += [t for t in conjuncts(_children(other, {"pobj"})[0]) if t not in agents]
    if not agents:
        # "funded for its first three years by the AfDB", "signed on the spot by Vietnam, …": the parser
        # hangs the by-phrase on the time, measure or circumstance before it (a named agent; not "a
        # report by Amnesty" on a person's noun)
        for prep in _children(verb, {"prep"}):
            for pobj in _children(prep, {"pobj"}):
                setting = mention_at(pobj) is not None and type_group(mention_at(pobj).type) == "Event" \
                    and prep.lower_ in {"at", "during", "on"}  # ("signed at a ceremony in Nairobi by A and B")
                if pobj.ent_type_ in {"DATE", "TIME"} or setting or (
                        pobj.pos_ == "NOUN" and mention_at(pobj) is None and _noun_lemma(pobj) not in PERSON_NOUNS):
                    for by in _children(pobj, {"prep"}):
                        named = _children(by, {"pobj"}) if by.lower_ == "by" else []
                        if named and (mention_at(named[0]) is not None or named[0].pos_ == "PROPN"):
                            agents += conjuncts(named[0])
    if agents:
        for other in _children(verb, {"conj"}):  # … or "by" joined to the verb ("signed … by A, …, and by B")
            if other.lower_ == "by" and other.i > verb.i and _children(other, {"pobj"}):
                agents += [t for t in conjuncts(_children(other, {"pobj"})[0]) if t not in agents]
    if agents:
        # "by A, which led the round, and by B", "by A, as well as by B": a second by-phrase the parser
        # hung on the relative clause or on "as well as"
        for by in verb.subtree:
            before = by.i - 1
            while before > verb.i and by.doc[before].pos_ == "ADV" and by.doc[before].lower_ not in {"as"}:
                before -= 1  # "and later by the EU", "and then by Japan"
            if by.lower_ != "by" or by.dep_ not in {"prep", "agent"} or by.head == verb \
                    or by.doc[before].lower_ not in {"and", "as", "or"}:
                continue  # only a coordinated "… and by B"; "which was praised by Germany" is the clause's own
            chain, up = [], by.head
            while up != verb and up.dep_ in {"cc", "relcl", "pobj", "agent", "conj"} and len(chain) < 5:
                chain.append(up)
                up = up.head
            if up == verb and chain and chain[0].dep_ in {"cc", "relcl"}:
                agents += [t for o in _children(by, {"pobj"}) for t in conjuncts(o) if t not in agents]
    return agents


#: Prepositions that add a companion to the agent: "along with", "together with".
COMPANION_PREPOSITIONS = {"along", "together", "alongside"}


def _companions(verb: Token) -> list[Token]:
    """Actors that share the agent's act, from a prepositional phrase on the verb or on the agent:
    "China, *along with Russia*, voted against it"; "backed by Brazil, *along with India and South
    Africa*"; "*Alongside Japan*, Canada drafted the text"."""
    out = []
    objects = _children(verb, {"dobj"}) if verb.pos_ in {"VERB", "AUX"} and not is_passive(verb) else []
    for prep in _children(verb, {"prep", "advmod"}):
        if prep.lower_ not in COMPANION_PREPOSITIONS | {"with"}:
            continue
        if any(o.i < prep.i for o in objects):
            continue  # "invited the UAE, along with India and Kenya": companions of the object, not the agent
        objs = _children(prep, {"pobj"}) if prep.lower_ == "alongside" else \
            [o for w in _children(prep, {"prep"}) if w.lower_ == "with" for o in _children(w, {"pobj"})] or \
            (_children(prep, {"pobj"}) if prep.lower_ == "with" and any(  # "hosted by A together with B"
                a.lower_ in {"together", "jointly"} for a in _children(prep, {"advmod"})) else [])
        for obj in objs[:1]:
            out += [c for c in conjuncts(obj) if mention_at(c) is not None
                    and type_group(mention_at(c).type) == "Actor"]
    return out


def _prep_objects(head: Token, word: str) -> list[Token] | None:
    """Objects of ``head``'s preposition ``word``; [] when the preposition is stranded ("which they
    called for"), None when ``head`` has no such preposition."""
    found = None
    for child in head.children:
        if child.dep_ in {"prep", "dative", "agent"} and child.lower_ == word:
            objs = _children(child, {"pobj", "pcomp"})
            if objs and objs[0].ent_type_ in {"DATE", "TIME"}:
                continue  # "imposed controls on Monday on chips": when, not what
            if not found:
                found = conjuncts(objs[0]) if objs else []
            elif objs and child.i > 0 and (child.nbor(-1).pos_ == "CCONJ" or child.nbor(-1).lower_ == "as"):
                found += [t for t in conjuncts(objs[0]) if t not in found]  # "with A, as well as with B"
            for again in _children(child, {"conj"}):  # "calls for a register … and for common rules": the
                if again.lower_ == word and again.pos_ == "ADP":  # same preposition joined to the first
                    found += [t for o in _children(again, {"pobj"})[:1] for t in conjuncts(o) if t not in found]
    return found


def _clause_theme(verb: Token) -> list[Token]:
    """The complement clause of a speech verb ("warned that the US must develop AI")."""
    if _set_off_participle(verb):
        return []  # ("The centre, announced by X, will be based in Y": the sentence's own verb)
    return [c for c in verb.children if c.dep_ == "ccomp" and c.i > verb.i][:1]


def _match_trigger(verb: Token, trig: Trigger, passive: bool) -> tuple[list[Token], str] | None:
    """Theme heads if ``verb`` realises ``trig`` ("held [talks] with X" → [X]), else None.

    An empty list means the trigger matched but its theme is found elsewhere (passive, relative).
    """
    if trig.lemma == "join" and _children(verb, {"dobj"}) \
            and any(p.lower_ == "in" and _children(p, {"pcomp"}) for p in _children(verb, {"prep"})):
        return None  # "joined Labour in voting against it": doing something together, not joining Labour
    if trig.place:  # "added three firms to its Entity List": the list names the act, the object is the theme
        if not any(p.lower_ == trig.words[-1] and any(o.lemma_.lower() == trig.place or o.lower_.endswith(trig.place)
                                                       for o in _children(p, {"pobj"}))
                   for p in _children(verb, {"prep", "dative"})):
            return None
        if passive:
            return [], "passive"
        objs = _children(verb, {"dobj"})
        return (conjuncts(objs[0]), "direct") if objs else None
    anchor = verb
    if trig.inverse and passive:
        return None  # ("$12m was raised from X": rare, and the raiser is not said)
    if trig.noun == "money":  # "raised $12m from", "received grants from"
        nouns = [c for c in _children(verb, {"dobj"}) if _noun_lemma(c) in FUNDING_NOUNS
                 or any(t.ent_type_ == "MONEY" or t.tag_ == "$" for t in c.subtree)]
        if not nouns:
            return None
        anchor = nouns[0]
    elif trig.noun:
        nouns = [c for c in verb.children if c.dep_ in ({"nsubjpass"} if passive else {"dobj"})
                 and c.lemma_.lower() in {trig.noun, trig.noun + "s"}]
        if not nouns and verb.dep_ == "relcl" \
                and all(c.lower_ in RELATIVE_PRONOUNS for c in _children(verb, {"dobj"})) \
                and verb.head.lemma_.lower() in {trig.noun, trig.noun + "s"}:
            nouns = [verb.head]  # "an agreement Britain struck with Canada": the noun is relativised
        if not nouns and verb.dep_ == "acl" and passive and verb.head.lemma_.lower() in {trig.noun, trig.noun + "s"}:
            nouns = [verb.head]  # "a round led by Temasek"
        if not nouns:
            return None
        anchor = nouns[0]
    if trig.noun:
        if not trig.words:  # "led the round": the noun itself is what the act is about
            return [anchor], "light"
    theme: list[Token] = []
    how = "light" if trig.noun else "direct"
    for word in trig.words:
        if any(c.dep_ in {"prt", "advmod"} and c.lower_ == word for c in verb.children):
            continue  # (the parser often takes the particle of "put forward" for an adverb)
        if word == "that":
            if any(p.lower_ in {"about", "of", "against", "over"} for p in _children(verb, {"prep"})):
                return None  # "warned about X" already says what about; a stray clause is not a second theme
            theme, how = _clause_theme(verb), "clause"
            if not theme:
                return None
            continue
        objs = _prep_objects(anchor, word)
        if objs is None and anchor is not verb:
            objs = _prep_objects(verb, word)
        if objs is None and anchor is not verb:  # the parser often attaches the PP low
            for inner in anchor.subtree:
                objs = _prep_objects(inner, word)
                if objs:
                    break
        if objs is None and anchor is not verb:
            # ... or the noun's own "on" phrase on the verb: "signed memorandums of understanding *on AI
            # cooperation with Egypt*"
            for topic in _children(verb, {"prep"}):
                if topic.i == anchor.right_edge.i + 1 and topic.lower_ in {"on", "of", "for"}:
                    for inner in topic.subtree:
                        objs = _prep_objects(inner, word)
                        if objs:
                            break
        if objs is None:
            return None
        if not objs and verb.dep_ == "relcl" and not any(
                c.dep_ in SUBJECT_DEPS and c.lower_ in RELATIVE_PRONOUNS for c in verb.children):
            # stranded: "a pause, which experts called for" (not "countries that voted against": the
            # relative is the subject, and what they voted against is the text under discussion)
            return conjuncts(verb.head), "relative"
        if not objs:
            return None
        theme, how = objs, "prep"
        if trig.request and word in {"on", "upon"}:
            # "called on Canada to ratify": what is called for is the infinitive; without one ("called
            # on the minister") nothing is called for
            wanted = [x for x in _children(verb, {"xcomp"}) if x.i > objs[0].i]
            if not wanted:
                return None
            theme, how = [wanted[0]], "clause"
    if trig.noun or theme:
        return theme, how
    if passive:
        return [], "passive"
    objs = _children(verb, {"dobj"})
    if objs:
        obj = objs[0]
        if obj.lower_ in RELATIVE_PRONOUNS and (verb.dep_ == "relcl" or verb.dep_ == "acl" and obj.i < verb.i
                                               and obj.i > verb.head.i):
            return conjuncts(verb.head), "relative"  # (also parsed as a clause: "a proposal that Peru backed")
        if obj.lower_ in RELATIVE_PRONOUNS and verb.dep_ == "xcomp" and obj.i < verb.head.i:
            governor = verb.head  # "a centre, which Germany and the EU have agreed to fund": the gap is the
            while governor.dep_ == "xcomp" and governor.head != governor:  # object of the controlled verb
                governor = governor.head
            if governor.dep_ == "relcl":
                return _relative_heads(governor), "relative"
        wanted = [x for x in _children(verb, {"xcomp"}) if x.i > obj.i]
        if wanted and trig.request and any(c.lower_ in RELATIVE_PRONOUNS for c in _children(wanted[0], {"dobj"})):
            return None  # ("a firm which lawmakers had urged it to list": the relative's gap, not a call)
        if wanted and trig.request:
            return [wanted[0]], "clause"  # "urged member states to adopt the guide": what is called for
        # "invited the UAE, along with India and Kenya": the object's companions share its part
        companions = [c for prep in _children(verb, {"prep"}) if prep.lower_ in COMPANION_PREPOSITIONS and prep.i > obj.i
                      for w in _children(prep, {"prep"}) if w.lower_ == "with" for o in _children(w, {"pobj"})[:1]
                      for c in conjuncts(o) if mention_at(c) is not None and type_group(mention_at(c).type) == "Actor"]
        return conjuncts(obj) + companions, "direct"
    if not _children(verb, {"dobj", "ccomp", "xcomp", "prep", "dative"}):
        # right-node raising: "signed and ratified the treaty", "did not sign or ratify it": a verb
        # without an object shares the object of the verb coordinated after it
        for later in _children(verb, {"conj"}):
            if later.i > verb.i and later.pos_ == "VERB" and not _children(later, SUBJECT_DEPS | PASSIVE_SUBJECT_DEPS):
                shared = _children(later, {"dobj"})
                if shared and shared[0].lower_ not in RELATIVE_PRONOUNS:
                    return conjuncts(shared[0]), "shared"
                break
    if verb.dep_ == "relcl" and not _children(verb, {"dobj", "ccomp", "xcomp"}):
        # "the declaration that China signed": the relative pronoun is the (missing) object
        subjects = _children(verb, SUBJECT_DEPS)
        if subjects and subjects[0].lower_ not in RELATIVE_PRONOUNS:
            return conjuncts(verb.head), "relative"
    if verb.dep_ == "xcomp" and verb.head.dep_ == "relcl" and not _children(verb, {"dobj", "ccomp", "xcomp"}) \
            and not _children(verb.head, {"dobj", "ccomp"}):
        # "a proposal (that) Berlin has declined to back": the gap is the infinitive's object
        subjects = _children(verb.head, SUBJECT_DEPS)
        if subjects and subjects[0].lower_ not in RELATIVE_PRONOUNS:
            return conjuncts(verb.head.head), "relative"
    return None


#: Sentences back an implicit event may be found: the story's (its start bounds the search anyway).
_STORY_WINDOW = 40


def _discourse_document(verb: Token, window_sents: int = 6, kinds: set[str] | frozenset[str] = frozenset({"Document"})) -> Token | None:
    """The document under discussion: the latest document named before ``verb`` in this or the
    previous few sentences (its last token), for verbs whose object is left implicit."""
    doc = verb.doc
    starts = sentence_starts(doc)
    idx = max(0, bisect.bisect_right(starts, verb.i) - 1)
    floor = max(starts[max(0, idx - window_sents)], story_start(doc, verb.i))
    for token in doc[floor:verb.i]:  # "the declaration marked …": definite references keep it in discussion,
        # and "signed a joint statement on …" introduces one
        nouns = DOCUMENT_NOUNS if "Event" not in kinds else {**DOCUMENT_NOUNS, **EVENT_NOUNS}
        if token.pos_ == "NOUN" and token.lemma_.lower() in nouns and mention_at(token) is None \
                and any(c.dep_ == "det" and c.lower_ in {"the", "this", "that", "a", "an"} for c in token.children):
            resolve_description(token)  # remembers what it resolves to
    # in this or the previous sentence: the most recent; else the most salient (most often mentioned)
    near = max(starts[max(0, idx - 1)], floor)
    # "Delegations from five states attended": the workshop reported, not "the next AU summit" named since
    past = verb.tag_ == "VBD" or past_clause(verb)
    mentions = [m for m in doc._.kg_mentions or [] if not (past and upcoming_event(doc, m))]
    close = [m for m in mentions if near <= m.start < verb.i and type_group(m.type) in kinds]
    if close:
        return doc[max(close, key=lambda m: m.start).end - 1]
    seen: dict[str, list[EntityMention]] = {}
    for m in mentions:
        if floor <= m.start < verb.i and type_group(m.type) in kinds:
            seen.setdefault(m.key, []).append(m)
    recent = {k: ms for k, ms in seen.items() if max(m.start for m in ms) >= floor}
    if not recent:
        # an event stays in discussion longer than a text: "Delegations from Kenya … attended", eight
        # sentences after the workshop was reported, attended the workshop the story is about
        if "Event" in kinds and window_sents < _STORY_WINDOW:
            return _discourse_document(verb, _STORY_WINDOW, kinds)
        return None
    key = max(recent, key=lambda k: (len(recent[k]), max(m.start for m in recent[k])))
    best = max(recent[key], key=lambda m: m.start)
    return doc[best.end - 1]


def _listed_after(doc: Doc, start: int) -> list[Token]:
    """The names listed from ``start`` to the end of the clause, each perhaps after a description ("among
    them the cloud provider Misr Cloud, the start-up Pharos AI and Nilecom, as well as Cairo University"):
    the appositions and conjuncts that are bodies or people, not places that describe them
    ("Alexandria-based")."""
    names: list[Token] = []
    for t in doc[start:doc[start].sent.end]:
        if t.pos_ in {"VERB", "AUX"} and t.dep_ not in {"amod", "compound"}:
            break  # a new clause
        m = mention_at(t)
        if m is not None and t.i == m.end - 1 and type_group(m.type) == "Actor" \
                and doc[m.start:m.end].root.dep_ in {"appos", "conj", "pobj"}:
            names.append(t)
    return names


def _among_members(noun: Token) -> list[Token]:
    """"China, France and India were among the signatories": the subjects of a copula whose
    complement is "among <noun>"."""
    if noun.dep_ != "pobj" or noun.head.lower_ != "among" or noun.head.head.lemma_ != "be":
        return []
    subjects = _children(noun.head.head, SUBJECT_DEPS)
    if not subjects:
        return []
    # "… were among the signatories, along with Panama and Peru"
    return conjuncts(subjects[0]) + [c for c in _companions(noun.head.head) if c not in conjuncts(subjects[0])]


def _members(token: Token) -> list[Token]:
    """Named members of a group noun: "Senior Chinese officials, including Premier Li Qiang and
    Foreign Minister Wang Yi" → [Qiang, Yi]."""
    for child in token.children:
        if child.dep_ == "prep" and (child.lower_ in {"including", "like", "such"} or child.lower_ == "as" and any(
                g.lower_ == "such" for g in child.children)):  # ("players such as OpenAI and Google DeepMind")
            objs = _children(child, {"pobj"})
            if objs:
                return conjuncts(objs[0])
    for clause in token.children:  # "a second group, made up of Chile and Norway"
        if clause.dep_ == "acl" and clause.lemma_.lower() in {"make", "compose", "consist", "comprise"}:
            objs = [p for prep in _children(clause, {"prep"}) if prep.lower_ == "of" for p in _children(prep, {"pobj"})]
            objs += _children(clause, {"dobj"}) if clause.lemma_.lower() == "comprise" else []
            if objs:
                return conjuncts(objs[0])
    if token.tag_ in {"NNS", "NNPS"} and _among_members(token):
        # "Senegal and Rwanda were among fourteen governments that adopted X": those named are members
        return _among_members(token)
    doc = token.doc
    words = [t.lower_ for t in doc[token.i + 1:token.i + 4]]
    among = token.i + 2 if words[:3] == [",", "among", "them"] else None
    agent = token.dep_ == "pobj" and token.head.dep_ == "agent"  # "signed by 23 companies, among them …"
    if among is None and token.tag_ in {"NNS", "NNPS"} and (token.dep_ in SUBJECT_DEPS | PASSIVE_SUBJECT_DEPS or agent):
        # "38 countries voted in favour of the compact, among them Nigeria and Kenya": "them" is the
        # subject group, wherever the clause puts it
        among = next((t.i for t in doc[token.i + 1:token.sent.end - 2] if t.lower_ == "among"
                      and t.nbor(1).lower_ == "them" and t.nbor(-1).text == ","), None)
    if token.tag_ in {"NNS", "NNPS"} and among is not None and among + 2 < len(doc):
        # "64 countries, among them Australia and Japan" (however the parser attached the names)
        first = doc[among + 2]
        while first.i < len(doc) - 1 and mention_at(first) is not None and mention_at(first).end - 1 > first.i:
            first = doc[first.i + 1]
        if mention_at(first) is not None:
            return conjuncts(doc[mention_at(first).end - 1])
        return _listed_after(doc, among + 2)
    if token.tag_ == "NNS" and mention_at(token) is None and _noun_lemma(token) in GENERIC_AGENT_NOUNS | MEMBERSHIP_NOUNS:
        # "the EPP, S&D, Renew Europe and Greens/EFA groups", "the Microsoft and Google teams": the names
        # that classify the plural
        named = [t for c in token.children if c.dep_ in {"compound", "nmod"} and c.i < token.i
                 for t in conjuncts(c) if mention_at(t) is not None and type_group(mention_at(t).type) == "Actor"
                 and mention_at(t).how != "demonym"]
        if len(named) >= 2:
            return named
    if token.tag_ in {"NNS", "NNPS"} and any(c.dep_ == "nummod" for c in token.children):
        # "two trading companies, Hexin Lithography Services and Wuxi Tianrun Trading": the names given
        named = [t for a in _children(token, {"appos"}) for t in conjuncts(a) if mention_at(t) is not None]
        if len(named) >= 2:
            return named
        # (parsed as conjuncts: "two American companies, the drone maker Corvane and the firm Halberd")
        listed = [t for t in token.conjuncts if t.i > token.i and mention_at(t) is not None]
        counted = _COUNTS.get(next(c.lower_ for c in token.children if c.dep_ == "nummod"))
        if token.i + 1 < len(token.doc) and token.nbor(1).text == "," and listed and len(listed) == counted:
            return listed
        return _listed_next(token)
    return []


_COUNTS = {w: n for n, w in enumerate(["two", "three", "four", "five", "six", "seven", "eight"], start=2)} | {
    str(n): n for n in range(2, 9)}


def _listed_next(token: Token) -> list[Token]:
    """The members of a counted group the next sentence lists: "added five Chinese companies to the
    Entity List. The listed firms include Kunlun Computing, …, Tianshu Microelectronics and Lanhai Cloud"."""
    doc = token.doc
    sent = token.sent
    if sent.end >= len(doc):
        return []
    following = doc[sent.end].sent
    root = following.root
    if root.lemma_.lower() != "include":
        return []
    subjects = _children(root, {"nsubj"})
    if not subjects or subjects[0].tag_ not in {"NNS", "NNPS"} or mention_at(subjects[0]) is not None \
            or not any(c.dep_ == "det" and c.lower_ in {"the", "these"} for c in subjects[0].children):
        return []
    objects = _children(root, {"dobj"})
    named = [t for t in conjuncts(objects[0]) if mention_at(t) is not None] if objects else []
    return named if len(named) >= 2 else []


# --------------------------------------------------------------------------------------------------
# Negation and modality


#: Verbs that deny the clause they report ("denied that it had worked with X").
DENIAL_VERBS = {"deny", "refute", "dismiss", "reject"}
#: Nouns for reports that a denial can deny ("denied a report that it had held talks with Huawei").
CLAIM_NOUNS = {"report", "reports", "claim", "claims", "allegation", "allegations", "suggestion", "rumour",
               "rumor", "speculation", "accusation", "accusations"}


def _denied_clause(verb: Token) -> bool:
    """A clause reported by a denial: "denied that it had ever worked with the PLA", "denied a report
    that it had held talks with Huawei"."""
    top = verb
    while top.dep_ == "conj" and top.head.i < top.i:
        top = top.head
    if top.dep_ == "ccomp" and top.head.lemma_.lower() in DENIAL_VERBS:
        return True
    return top.dep_ in {"acl", "ccomp", "relcl"} and top.head.lemma_.lower() in CLAIM_NOUNS \
        and top.head.head.lemma_.lower() in DENIAL_VERBS and top.head.dep_ in {"dobj", "nsubjpass"}


def _is_negated(verb: Token, subjects: Iterable[Token], themes: Iterable[Token]) -> bool:
    if _denied_clause(verb):
        return True
    below = verb
    for v in _scope(verb):
        if v is not verb and below.dep_ == "conj" and below.head == v \
                and any(a.lower_ != "to" for a in _children(below, {"aux", "auxpass"})):
            break  # a conjunct with its own auxiliary: "had not used the data and *would* cooperate"
        if v is not verb and below.dep_ == "conj" and below.head == v and below.tag_ in {"VBD", "VBZ"} \
                and v.tag_ == "VB":
            break  # a conjunct with its own tense: "did not back the decision and *called* for X"
        if v is not verb and below.dep_ == "conj" and below.head == v and any(
                c.dep_ == "cc" and c.lower_ in {"but", "yet"} and c.i < below.i for c in v.children) \
                and not any(c.dep_ == "neg" for c in below.children):
            break  # "did not co-sponsor the text *but* voted in favour of it": the contrast is asserted
        # "not" on the verb, or on its auxiliary when a parenthetical splits them ("has not, unlike
        # Kazakhstan, criticised")
        if any(c.dep_ == "neg" for c in v.children) or any(
                c.dep_ == "neg" for a in _children(v, {"aux", "auxpass"}) for c in a.children):
            return True
        # "declined to sign" denies the signing; "rejected the claim and praised X" does not deny the praise
        if v is not verb and v.lemma_.lower() in NEGATIVE_GOVERNORS and below.dep_ != "conj":
            return True
        if v is not verb and below.dep_ == "xcomp" and v.lemma_.lower() in {"have", "be", "remain"} \
                and any(c.lower_ == "yet" for c in [*v.children, *below.children]):
            return True  # "have yet to ratify", "is yet to sign": not done so far
        if any(c.lower_ in {"longer", "more"} and any(d.lower_ == "no" for d in c.children) for c in v.children) \
                or any(c.lower_ == "never" for c in v.children):
            return True  # "would no longer work with", "never signed"
        if any(c.lower_ == "neither" and c.dep_ in {"preconj", "neg", "det", "advmod"} for c in v.children) \
                or v.dep_ == "conj" and any(c.dep_ == "cc" and c.lower_ == "nor" for c in v.head.children):
            return True  # "has neither ratified the convention nor set a date"
        if v is not verb and v.pos_ == "NOUN" and any(c.dep_ == "det" and c.lower_ == "no" for c in v.children):
            return True  # "had no plans to restrict Huawei", "no intention of signing"
        below = v
        if v.dep_ == "pcomp" and v.head.lower_ == "without":
            return True
        if v.dep_ == "pcomp" and (v.head.lower_ == "of" and v.head.head.lower_ == "short"
                                  or v.head.lower_ == "from" and v.head.head.lemma_.lower() in REFRAIN_VERBS | PREVENT_VERBS):
            return True  # "stopped short of endorsing it", "refrained from signing", "barred from signing"
    for arg in [*subjects, *themes]:
        first = arg
        while first.dep_ == "conj" and first.head != first:
            first = first.head  # "neither Saudi Arabia nor Qatar": the "neither" sits on the first conjunct
        if any(c.dep_ in {"det", "preconj"} and c.lower_ in {"no", "neither"} for c in [*arg.children, *first.children]):
            return True
    return False


def _modality(verb: Token, sent: Span) -> tuple[str, float]:
    """The modality of a trigger's clause and the confidence factor it implies."""
    if verb.dep_ == "pcomp" and verb.head.lower_ == "to" and verb.head.head.lemma_.lower() in {"close", "near"}:
        return "possible", 0.6  # "are close to reaching an agreement": not reached
    if verb.dep_ in {"ccomp", "xcomp"} and verb.head.lemma_.lower() in EXPECTATION_VERBS and (
            _children(verb, {"nsubj"}) or _children(verb.head, {"dobj"})):
        return "possible", 0.6  # "he expected Zenith Cloud to sign": another's expectation, not a plan
    if sent.text.rstrip().rstrip('"”’').endswith("?"):
        return "possible", 0.5  # a question asserts nothing: "Will you attend the G7 meeting?"
    clause = verb
    while clause.dep_ == "conj" and clause.head != clause:
        clause = clause.head
    if clause.dep_ == "ccomp" and clause.head.lemma_.lower() in RECOMMENDING_VERBS and (
            clause.tag_ in {"VB", "VBP"} and not _children(clause, {"aux"}) or any(
                a.lower_ in {"should", "must", "ought"} for a in _children(clause, {"aux"}))):
        return "possible", 0.6  # "recommends that the government work with Japan": advice, not a fact
    below = None
    for v in _scope(verb, frozenset({"xcomp", "conj", "nominal", "advcl"})):
        if below is not None and below.dep_ == "conj" and below.head == v \
                and any(a.lower_ not in {"to"} for a in _children(below, {"aux", "auxpass"})):
            break  # a conjunct with its own auxiliary: "would set up a fund and *has* invited Brazil"
        if below is not None and below.dep_ == "xcomp" and below.head == v and _controller_objects(v) \
                and v.lemma_.lower() not in SUBJECT_CONTROL_WITH_OBJECT:
            return "possible", 0.6  # a request or an invitation: "urged China to sign", "invited X to attend"
        if below is not None and below.dep_ == "xcomp" and below.head == v and _children(v, PASSIVE_SUBJECT_DEPS):
            lemma = v.lemma_.lower()
            if lemma in PLAN_GOVERNORS - {"expect"}:
                return "planned", 0.85  # "is scheduled to visit", "is set to sign"
            if lemma not in IMPLICATIVE_PASSIVES:
                return "possible", 0.6  # "is expected to sign", "was asked to attend"
        below = v
        if v is not verb and v.lemma_.lower() in ATTEMPT_GOVERNORS:
            return "possible", 0.6  # "would apply to join the network": whether it will is not said
        if any(c.dep_ == "mark" and c.lower_ in {"if", "unless", "whether"} for c in v.children):
            return "possible", 0.6  # "declined to say whether Canada would sign": neither way
        if v.tag_ in {"VBZ", "VBP"} and any(c.dep_ == "mark" and c.lower_ in {"before", "until"} for c in v.children):
            return "possible", 0.6  # "a debate before the government commits money to it": not yet done
        if _conditional_future(v):
            return "possible", 0.6  # "would ratify the convention once the legislation is ready"
        for aux in _children(v, {"aux", "auxpass"}):
            lemma = aux.lemma_.lower()
            if lemma in PLAN_MODALS or aux.lower_ in PLAN_MODALS:
                return "planned", 0.85
            if aux.lower_ == "would" and _reported(v):
                return "planned", 0.85  # future in the past: "said her office would work with the ITU"
            if lemma in POSSIBLE_MODALS:
                return "possible", 0.6
        if v is not verb and v not in verb.conjuncts:
            lemma = LEMMA_FIXES.get(v.lower_, v.lemma_.lower())
            if v.pos_ in {"NOUN", "PROPN"}:
                if lemma in NOMINAL_ASSERTED:
                    continue
                if lemma in NOMINAL_INTENT:
                    return "intended", 0.85
                return "possible", 0.6  # "an incentive to work", "ways for X to work together"
            if v.pos_ == "ADJ" and lemma in HEDGE_ADJECTIVES:
                return "possible", 0.6  # "were likely to support the idea": a guess, not a fact
            if lemma in PLAN_GOVERNORS:
                return "planned", 0.85
            if lemma in INTENT_GOVERNORS or v.pos_ == "ADJ" and lemma in INTENT_ADJECTIVES:
                return "intended", 0.85
        if any(c.dep_ in {"mark", "prep"} and c.lower_ == "for" and c.i < v.i for c in v.children) \
                and any(c.dep_ == "aux" and c.lower_ == "to" for c in v.children):
            return "possible", 0.6  # "for the UK and China to work together"
    if _reported(verb) or any(t.lower_ == "according" and t.i + 1 < len(sent.doc) and t.nbor(1).lower_ == "to"
                              for t in sent):
        return "reported", 0.9
    return "asserted", 1.0


#: Verbs whose "that" clause, in the subjunctive, says what ought to happen ("recommends that X work with Y").
RECOMMENDING_VERBS = frozenset({"recommend", "suggest", "advise", "propose", "demand", "insist", "ask", "urge",
                                "request", "require"})


#: Subordinators that make a future clause depend on a condition ("will sign *if* …", "*once* …").
CONDITION_MARKERS = frozenset({"if", "unless", "once", "provided", "providing"})


def _conditional_future(verb: Token) -> bool:
    """A future or conditional clause with a condition attached: "would ratify it once the law is
    ready", "will join if the US does". What is promised on a condition is not yet a plan."""
    if not any(a.lower_ in {"will", "would", "shall", "'ll", "wo"} for a in _children(verb, {"aux", "auxpass"})):
        return False
    return any(c.dep_ == "advcl" and any(m.dep_ == "mark" and m.lower_ in CONDITION_MARKERS for m in c.children)
               for c in verb.children)


def _reported(verb: Token) -> bool:
    """Whether the clause is the complement of a speech verb ("officials said China signed …")."""
    token = verb
    for _ in range(4):
        if token.dep_ in {"ccomp", "parataxis"} and token.head.lemma_.lower() in SPEECH_VERBS:
            return True
        if token.head == token:
            break
        token = token.head
    return False


# --------------------------------------------------------------------------------------------------
# Resolving argument heads to entities


def _quote_speaker(token: Token) -> EntityMention | None:
    """For "I"/"we" inside reported speech: the entity that says it ("…", Fu said)."""
    sent = token.sent
    for t in sent:
        if t.lemma_.lower() in SPEECH_VERBS and t.pos_ == "VERB":
            for subj in _children(t, SUBJECT_DEPS):
                if subj.i != token.i and subj.lower_ not in {"i", "we"}:
                    mention = resolve_token(subj)
                    if mention is not None:
                        return mention
    return None


def _transcript_speaker(token: Token, max_lines: int = 12) -> EntityMention | None:
    """For "I"/"we" in a transcript: the person whose label opens the turn ("RAGHUNATHAN: … I will chair
    that meeting." → Priya Raghunathan; "The Minister for State Reform (Duarte Valente): … I visited …";
    "Lin Jiayi: …"). A turn runs over the lines after its label until the next label. A label that
    names no person of the article ("QUESTION:", "HOST:") gives nobody."""
    doc = token.doc
    line_starts = doc.user_data.get("kg_line_starts")
    if line_starts is None:  # (once per document: a transcript has many an "I")
        line_starts = doc.user_data["kg_line_starts"] = [t.i for t in doc if not t.is_space and opens_line(t)]
    here = bisect.bisect_right(line_starts, token.i)
    for start in reversed(line_starts[max(0, here - max_lines):here]):
        utterance = speaker_label_end(doc, start)
        if utterance is None:
            continue
        colon = utterance - 1
        people = [m for m in doc._.kg_mentions or [] if m.type == "Person" and start <= m.start < colon]
        if people:
            return people[-1]  # ("The President (Graça Nogueira)": the name, not the office)
        return _capitalised_speaker(doc, [t for t in doc[start:colon] if t.is_alpha and t.text.isupper()])
    return None


def _capitalised_speaker(doc: Doc, words: list[Token]) -> EntityMention | None:
    """The person of the article a label in capitals names by surname or full name ("RAGHUNATHAN",
    "MINISTER NÆSS")."""
    people = {m.key: m for m in doc._.kg_mentions or [] if m.type == "Person" and len(m.label.split()) >= 2}
    for k in range(len(words)):
        name = " ".join(t.text for t in words[k:])
        matches = [m for m in people.values() if m.label.upper() == name or m.label.upper().endswith(" " + name)]
        if matches:
            return matches[0] if len(matches) == 1 else None
    return None


def _writing_body(doc: Doc) -> EntityMention | None:
    """The organisation that writes a text in the first person plural ("Today we are releasing …",
    "We urge the governor to veto"), when "we" is the text's voice outside any quotation (three times at
    least): the body that introduces itself as a subject in the first two sentences after the headline
    ("Today, Aster Intelligence is announcing …", "the model Halvard AI has built"). A news story or an
    interview has no such voice."""
    if "kg_writing_body" in doc.user_data:
        return doc.user_data["kg_writing_body"]
    found = None
    voice = sum(1 for t in doc if t.lower_ in {"we", "us", "our"} and t.pos_ == "PRON" and not in_quotation(t))
    if voice >= 3:
        # (not a page's menu line, "Mitsuhana Holdings | Corporate | Sustainability | Careers")
        opening = [s for s in doc.sents if not is_headline(s)
                   and sum(t.text in {"|", "›", "»", ">"} for t in s) < 2][:2]
        found = next((m for s in opening for m in doc._.kg_mentions or []
                      if s.start <= m.start < s.end and doc[m.end - 1].dep_ in {"nsubj", "nsubjpass"}
                      and type_group(m.type) == "Actor" and m.how not in {"demonym", "description"}
                      and m.type not in {"Person", "Country", "Group", "Region"}), None)
    doc.user_data["kg_writing_body"] = found
    return found


#: Nouns by which people speak of the body they work for ("the company would …"); not "the fund", which
#: a fund's manager speaks of as the fund it manages
_OWN_BODY_NOUNS = {"company", "firm", "start-up", "startup", "developer", "group", "organisation", "organization",
                   "university", "institute"}


def _speakers_body(token: Token, gaz: Gazetteer) -> EntityMention | None:
    """"the company" in what a company's officer says is that company: "Najd's chief executive … said,
    adding that the company would work with AWS" (not the parent firm named in between). The body must
    be of the noun's kind, and the officer's only one of that kind."""
    if token.tag_ != "NN" or token.lemma_.lower() not in _OWN_BODY_NOUNS:
        return None
    kind = ANAPHORIC_ORGANISATION_NOUNS.get(token.lemma_.lower())
    employers = token.doc.user_data.get("kg_employers") or {}
    if kind is None or not employers:
        return None
    owners = [c for c in token.children if c.dep_ == "poss" and c.lower_ in {"his", "her"}]
    if owners and len(list(token.children)) == 1:  # "said her company supported the bill": the speaker's own
        person = resolve_token(owners[0])
        bodies = [b for b in employers.get(person.key, []) if b.type == kind or kind == "Organisation"
                  and type_group(b.type) == "Actor"] if person is not None and person.type == "Person" else []
        if len({b.key for b in bodies}) != 1:
            return None
        return remember_subject(token, EntityMention(token.i, token.i + 1, bodies[0].key, bodies[0].label,
                                                     bodies[0].type, "definite"))
    if [c.lower_ for c in token.children] != ["the"] or token.dep_ not in {"nsubj", "nsubjpass"}:
        return None  # (what the body does; "would keep working with the network" is another body)
    for verb in token.ancestors:
        if verb.dep_ in {"ccomp", "parataxis"} and verb.head.lemma_.lower() in SPEECH_LEMMAS:
            speech = verb.head
            subjects = _children(speech, {"nsubj"}) or (
                _children(speech.head, {"nsubj"}) if speech.dep_ in {"advcl", "conj", "xcomp"} else [])
            speaker = _resolve(subjects[0], "subject", False, gaz) if subjects else None
            bodies = [b for b in employers.get(speaker.key, [])] if speaker is not None and speaker.type == "Person" else []
            bodies = [b for b in bodies if b.type == kind or kind == "Organisation" and type_group(b.type) == "Actor"]
            if len({b.key for b in bodies}) == 1:
                b = bodies[0]  # (the topic a later "it" continues)
                return remember_subject(token, EntityMention(token.i, token.i + 1, b.key, b.label, b.type, "definite"))
            return None
    return None


def _speaker_country(speaker: EntityMention, doc: Doc, gaz: Gazetteer) -> EntityMention | None:
    """The country a quoted person speaks for, when the article says whose official they are ("Chinese
    Ambassador Fu Cong", "Wang Yi, China's foreign minister"). "We" in their quote is that country."""
    if speaker.type != "Person":
        return speaker if type_group(speaker.type) == "Actor" else None
    return (doc._.kg_offices or {}).get(speaker.key)


#: Head nouns of described texts and events ("the meeting", "the treaty"), which no person's name renames.
TEXT_AND_EVENT_NOUNS = frozenset(DOCUMENT_NOUNS) | frozenset(EVENT_NOUNS)
#: Singular nouns for one who speaks or acts for a state: unnamed, the state itself acts.
STATE_AGENT_NOUNS = {"representative", "delegate", "delegation", "envoy", "ambassador", "negotiator",
                     "spokesperson", "spokesman", "spokeswoman"}


def _agent_noun(token: Token) -> bool:
    """"The co-facilitators", "the organisers", "the sponsors": people or parties named by what they do
    (an agent noun in -or/-er/-ist), plural and definite, so referring to actors, not to a concept."""
    lemma = token.lemma_.lower()
    return token.tag_ == "NNS" and any(c.lower_ in {"the", "its", "their", "both"} for c in token.children) and (
        len(lemma) > 5 and lemma.endswith(("tor", "nor", "ser", "zer", "sor", "ist", "ant"))
        or lemma in COUNTED_ANAPHORS)  # ("criticised the two countries" that no names were found for)


def _state_agent(noun: Token, gaz: Gazetteer) -> EntityMention | None:
    """The state an unnamed agent acts for: "China's representative supported the text" (China), and
    "his Government" in that person's clause. A name in apposition makes it a person instead."""
    lemma = _noun_lemma(noun)
    if lemma in STATE_AGENT_NOUNS:
        if _children(noun, {"appos"}):
            return None
        owners = _children(noun, {"poss"}) or [p for prep in _children(noun, {"prep"}) if prep.lower_ == "of"
                                                for p in _children(prep, {"pobj"})]
        owner = mention_at(owners[0]) if owners else None
        if owner is not None and owner.type == "Country":
            return EntityMention(noun.i, noun.i + 1, owner.key, owner.label, owner.type, "partitive")
        return None
    if lemma not in {"government", "country"} or not any(c.lower_ in {"his", "her"} for c in _children(noun, {"poss"})):
        return None
    # "China's representative … announced that his Government would host …": the clause's speaker's state
    verb = next((a for a in noun.ancestors if a.pos_ in {"VERB", "AUX"} and a.dep_ in {"ROOT", "conj"}), None)
    speakers = _children(verb, {"nsubj"}) if verb is not None else []
    if not speakers and verb is not None and verb.dep_ == "conj":
        speakers = _children(verb.head, {"nsubj"})
    if not speakers or speakers[0].i > noun.i:
        return None
    speaker = mention_at(speakers[0]) or (_state_agent(speakers[0], gaz)
                                          if _noun_lemma(speakers[0]) in STATE_AGENT_NOUNS else None)
    if speaker is not None and speaker.type == "Person":
        speaker = (noun.doc._.kg_offices or {}).get(speaker.key)
    if speaker is None or speaker.type != "Country":
        return None
    return EntityMention(noun.i, noun.i + 1, speaker.key, speaker.label, speaker.type, "partitive")


def _office_holder(noun: Token) -> EntityMention | None:
    """"The Uruguayan diplomat", "the Kenyan minister": the person last named (within a few sentences)
    whom the article made an official of that country."""
    countries = [mention_at(c) for c in noun.children if c.dep_ in {"amod", "compound"} and mention_at(c) is not None
                 and mention_at(c).type == "Country"]
    if len(countries) != 1:
        return None
    offices = noun.doc._.kg_offices or {}
    return nearest_mention_before(noun.doc, noun.i, lambda m: m.type == "Person" and m.key in offices
                                  and offices[m.key].key == countries[0].key, window_sents=8)


def _name_after_comma_title(title: Token, gaz: Gazetteer) -> EntityMention | None:
    """The person named after the comma that ends ``title``'s phrase (see :func:`comma_title_before`)."""
    doc = title.doc
    for i in range(title.i + 1, min(title.i + 16, title.sent.end - 1)):
        if doc[i].text == ",":
            named = mention_at(doc[i + 1])
            if named is not None and named.type == "Person" and named.start == i + 1 \
                    and title in comma_title_before(doc, i + 1, gaz):
                return named
    return None


#: People who act for a body or state together ("the leaders", "the ministers").
DELEGATE_PLURAL_NOUNS = {"leader", "minister", "delegate", "delegation", "representative", "envoy", "negotiator"}


def _delegates_named_before(token: Token, window_sents: int = 6) -> EntityMention | None:
    """The one body or state whose people of this kind the story named before: "Group of Seven leaders
    adopted … the leaders called for" → the G7; "ministers from ASEAN met … the ministers" → ASEAN."""
    doc = token.doc
    starts = sentence_starts(doc)
    idx = max(0, bisect.bisect_right(starts, token.i) - 1)
    floor = max(starts[max(0, idx - window_sents)], story_start(doc, token.i))
    lemma = _noun_lemma(token)
    for earlier in reversed(doc[floor:token.i]):
        if earlier.tag_ != "NNS" or _noun_lemma(earlier) != lemma:
            continue
        bodies = [c for c in earlier.children if c.dep_ in {"compound", "poss", "nmod"}] + [
            o for p in _children(earlier, {"prep"}) if p.lower_ in {"of", "from"} for o in _children(p, {"pobj"})]
        named = [mention_at(b) for b in bodies if mention_at(b) is not None]
        named = [m for m in named if m.type != "Person" and type_group(m.type) == "Actor"]
        if len(named) == 1 and not any(b.dep_ == "conj" or _children(b, {"conj"}) for b in bodies):
            return named[0]
        if named:
            return None  # ("leaders of Japan and Italy": several)
    return None


def _text_before(token: Token) -> str:
    """The text of the token just before a phrase (its left edge), or "" at the start of the document."""
    edge = token.left_edge.i
    return token.doc[edge - 1].text if edge > 0 else ""


def _resolve(token: Token, role: str, allow_concepts: bool, gaz: Gazetteer) -> EntityMention | None:
    if token.lower_ in {"which", "whom"} and token.dep_ == "pobj":
        # "Halcyon Cloud, with which we have partnered": the noun the clause modifies
        clause = next((a for a in token.ancestors if a.dep_ == "relcl"), None)
        return _resolve(_relative_head(clause), role, allow_concepts, gaz) if clause is not None else None
    if _bound_by_generic_plural(token):
        return None
    if token.pos_ == "PRON" and token.lower_ in FIRST_PERSON:
        speaker = _quote_speaker(token) or _transcript_speaker(token)
        if speaker is None and token.lower_ in {"we", "us", "our"} and not in_quotation(token):
            speaker = _writing_body(token.doc)  # a company's blog or a group's statement: "we" is its author
        if speaker is None:
            return None
        if token.lower_ in {"we", "us", "our"}:
            speaker = _speaker_country(speaker, token.doc, gaz)
            if speaker is None:
                return None
        return EntityMention(token.i, token.i + 1, speaker.key, speaker.label, speaker.type, "speaker")
    if mention_at(token) is None and token.tag_ == "NNS" and _noun_lemma(token) in DELEGATE_PLURAL_NOUNS \
            and [c.lower_ for c in token.children] == ["the"]:
        body = _delegates_named_before(token)
        if body is not None:  # "Group of Seven leaders adopted … the leaders called for": the G7
            # (a subject, it is the topic a later "they" continues)
            return remember_subject(token, EntityMention(token.i, token.i + 1, body.key, body.label, body.type, "definite"))
    if mention_at(token) is None and token.tag_ == "NN" and _noun_lemma(token) in PERSON_NOUNS \
            and any(c.lower_ == "the" for c in token.children if c.dep_ == "det"):
        holder = _office_holder(token)
        if holder is not None:  # "the Uruguayan diplomat": the person named before who serves Uruguay
            return holder
    portfolio = mention_at(token) is not None and mention_at(token).type != "Person" and any(
        c.i > token.i and gaz.titles.kind(c.text) for c in token.conjuncts)  # "Rwanda's ICT and innovation minister"
    if (mention_at(token) is None or portfolio) and _noun_lemma(token) not in TEXT_AND_EVENT_NOUNS and (
            token.pos_ == "NOUN" or token.pos_ == "PROPN" and (gaz.titles.kind(token.text) or portfolio)):
        # a common noun or a title with a person's name in apposition is that person: "whose
        # director-general, Rodrigo Almeida, attended", "Greece's Minister of Digital Governance, Eleni
        # Markou, held talks" (not the organisation "whose" points to, nor the minister's country)
        for child in _children(token, {"appos"}) or _misparsed_apposition(token) or _name_before_comma(token):
            named = mention_at(child)
            if named is not None and named.type == "Person":
                return named
        if gaz.titles.kind(token.text):  # the parse lost the apposition: "Japan's minister for …, NAME, met"
            named = _name_after_comma_title(token, gaz)
            if named is not None:
                return named
    here = mention_at(token)
    if here is not None and here.type in {"Group", "City", "Place", "Region"} and token.pos_ == "PROPN":
        # "the Bengaluru start-up Vaani Labs released …": the parser heads the phrase with the place and
        # hangs the firm's name on it, with no comma between (an apposition proper would have one)
        for child in _children(token, {"appos"}):
            named = mention_at(child)
            if named is not None and child.i > token.i and _text_before(child) != "," \
                    and type_group(named.type) == "Actor" and named.type not in {"Country", "Group", "Person"}:
                return named
    if mention_at(token) is None and token.dep_ == "appos" and token.pos_ == "NOUN":
        named = mention_at(token.head)  # "Lumen Labs, a French start-up founded by …": the start-up is Lumen Labs
        if named is not None and named.how != "demonym":
            return named
    if mention_at(token) is None and token.tag_ in {"NN", "NNP"}:
        acting = _state_agent(token, gaz)
        if acting is not None:
            return acting
    if mention_at(token) is None:
        body = _speakers_body(token, gaz)
        if body is not None:
            return body
    # ("hosted the first board meeting of the Compute Fund": as an object, the meeting, not the fund)
    event_object = role == "object" and _noun_lemma(token) in EVENT_NOUNS
    mention = _partitive(token) if mention_at(token) is None and not event_object else None
    mention = mention or resolve_token(token)
    if mention is None or mention.how in {"description", "definite", "metonymy"}:
        # "met US President Joe Biden" parsed as President ← appos Biden; "the o1 model": the
        # apposition or the name compounded with the class noun names the entity; "its minister,
        # Lucía Ortega, warned": the person named, not the country the minister stands for
        for child in token.children:
            named = mention_at(child) if child.dep_ in {"appos", "compound"} else None
            if named is not None and child.lemma_.lower() in PROPOSAL_NOUNS and named.label.lower() == child.lower_:
                continue  # "a shared register of datasets, a proposal first put forward by X": a bare class noun
            if named is not None and named.type == "Person" and _noun_lemma(token) in TEXT_AND_EVENT_NOUNS:
                continue  # ("The meeting was co-chaired by A and B, NAME": a name the parser hung on the event)
            if named is not None and child.dep_ == "appos" and named.type == "Place" and named.how == "ner" \
                    and mention is not None and mention.how == "description" and type_group(mention.type) == "Actor":
                # "France's national computer science institute, Inria": the body's name, whatever the NER
                # took it for
                named = EntityMention(named.start, named.end, entity_key(mention.type, named.label), named.label,
                                      mention.type, "retyped")
            if named is not None and named.how != "demonym" and (
                    child.dep_ == "appos" and (mention is None or type_group(named.type) == type_group(mention.type))
                    or type_group(named.type) in {"Product", "Document", "Event"}
                    or (token.lemma_.lower() in ORGANISATION_CLASS_NOUNS and token.tag_ == "NN"
                        and type_group(named.type) == "Actor" and named.type not in {"Country", "Person"})):
                # ... and "the Emirati group Sahel AI", "start-up Mistral": the class noun's name
                if mention is not None:
                    correct_remembered(token, named)
                mention = named
                break
        if mention is None and (token.lemma_.lower() in PRODUCT_HEADS or token.pos_ == "PROPN"
                                   or any(ch.isdigit() for ch in token.text) and token.text[:1].isupper()):
            mention = product_name(token)
    if mention is not None and mention.type in {"GovernmentBody", "Organisation"}:
        state = _state_of_body(token.doc, mention.key, gaz)
        if state is not None:  # "the U.S. Commerce Department imposed …", later "the department" → the state
            return EntityMention(mention.start, mention.end, state.key, state.label, state.type, "metonymy")
    if mention is not None:
        if mention.how == "demonym" and token.dep_ in {"amod", "compound"}:
            return None
        if mention.country:  # also as the place visited: a visit to Canberra is a visit to Australia
            country = gaz.entries.get(mention.country)
            if country is not None:  # "Beijing said", "accused Washington" → the country
                return EntityMention(mention.start, mention.end, country.key, country.label, country.type, "capital")
        return mention
    if token.ent_type_ in NON_ENTITY_LABELS or token.like_num:
        return None  # "on Monday", "in 2023": never an argument
    if token.pos_ == "NOUN" and token.tag_ == "NNS" and token.lemma_.lower() in GROUP_NOUNS \
            and any(c.dep_ == "nummod" for c in token.children) \
            and not any(c.dep_ in {"det", "predet"} and c.lower_ in {"the", "these", "those", "both", "all"}
                        for c in token.children):  # ("the two ministers" refers back; unresolved, it is nobody new)
        # a counted group of actors: "more than 140 countries", "twenty-five other countries"
        label = noun_phrase_label(token, max_words=9)
        doc_id = token.doc._.kg_doc_id or ""
        return EntityMention(token.i, token.i + 1, f"group/{slugify(doc_id)}/{slugify(label)}", label,
                             "Group", "group")
    if role == "object" and allow_concepts and token.pos_ in {"NOUN", "PROPN", "VERB", "AUX"} \
            and token.lower_ not in VAGUE_NOUNS and token.lemma_.lower() not in PERSON_NOUNS \
            and not _agent_noun(token):
        # (a person we cannot name is no concept: "accused the minister of naivety", "praised the
        # co-facilitators")
        named = _what_x_called(token) if token.pos_ in {"VERB", "AUX"} else None
        if named is not None:  # "warned about what he called "a new layer of bureaucracy"": the named thing
            token = named
        if token.pos_ in {"VERB", "AUX"}:  # a clause: "warned about working too closely with China"
            # (less its adverbial clauses: "… must develop AI, after China declared …")
            adjuncts = {t.i for c in token.children if c.dep_ == "advcl" and c.i > token.i for t in c.subtree}
            # "called for Congress to write the rule into law": what is asked for, not whom it is asked of
            # (nor the appositions and relative clauses inside it: "… framework, a mechanism that grew out of …")
            adjuncts |= {t.i for d in token.subtree if d.dep_ in {"appos", "relcl"} and d.i != token.i
                         for t in d.subtree}
            adjuncts |= {t.i for c in token.children if c.dep_ == "nsubj" and c.i < token.i
                         and token.dep_ == "pcomp" and token.head.lower_ == "for"
                         and mention_at(c) is not None and type_group(mention_at(c).type) == "Actor"
                         for t in c.subtree}
            words = [t.text for t in token.subtree if not t.is_punct and t.dep_ != "mark" and t.i not in adjuncts
                     and not (t.dep_ == "aux" and t.lower_ == "to")][:10]
            label = " ".join(words)
        else:  # "a set of changes to the AI Act, known as the digital omnibus": the name it is given
            label = known_as(token) or noun_phrase_label(token, max_words=8)
            if label.lower() == token.lower_:  # "backed the compromise": the compromise described before
                label = _described_before(token) or label
        label = label.strip()
        if not label or label.lower() in VAGUE_NOUNS | BARE_REFERENCE_NOUNS or not any(ch.isalpha() for ch in label):
            return None  # ("criticised the measure": which measure the words do not say)
        return EntityMention(token.i, token.i + 1, entity_key("Concept", label.lower()), label,
                             "Concept", "concept")
    return None


#: Sentences back a bare definite noun may find the phrase that described what it refers to.
DESCRIBED_BEFORE_WINDOW = 8


def _described_before(token: Token) -> str | None:
    """The phrase a bare definite noun refers back to: in "Ministers agreed a compromise on high-risk
    obligations. Germany backed the compromise." the compromise is the "compromise on high-risk
    obligations". The latest earlier noun of the same lemma, within the story and the last
    ``DESCRIBED_BEFORE_WINDOW`` sentences, that had words of its own (an "on"/"of"/"for"/"to"/"against"
    phrase or a name); None when there is none or the noun is not definite."""
    if token.pos_ != "NOUN" or not any(c.dep_ == "det" and c.lower_ in {"the", "this", "that", "these", "those"}
                                       for c in token.children) \
            or any(c.dep_ not in {"det", "punct"} for c in token.children):
        return None
    doc = token.doc
    starts = sentence_starts(doc)
    here = bisect.bisect_right(starts, token.i) - 1
    begin = max(story_start(doc, token.i), starts[max(0, here - DESCRIBED_BEFORE_WINDOW)] if starts else 0)
    for earlier in reversed(doc[begin:token.i]):
        if earlier.pos_ != "NOUN" or earlier.lemma_ != token.lemma_ or earlier.tag_ != token.tag_ \
                or is_headline(earlier.sent):
            continue
        # words that tell it from others of its kind: what it is on or for, or a name ("the Kisumu plant");
        # not an adjective alone ("a revised draft", "a 46-page order": the text's name is still unknown)
        content = [c for c in earlier.children if c.dep_ == "compound" and c.pos_ == "PROPN"
                   or c.dep_ == "prep" and c.lower_ in {"on", "of", "for", "to", "against"}]
        if not content:
            continue  # ("the compromise" again: look further back)
        label = noun_phrase_label(earlier, max_words=8)
        return label if len(label.split()) > 1 else None
    return None


#: Words that stand for an action named before: "urged others to *do so*"
_PRO_ACTIONS = {"so", "it", "that", "this", "same", "likewise"}


def nominal_label(verb: Token, nominalisations: dict[str, str]) -> str | None:
    """The name of an action asked for, from the lexicon's nominalisations: "urged Kenya to ratify the
    Malabo Convention without delay" → "ratification of Malabo Convention"; "called for the text to be
    published" → "publication of text". Its time and manner are left out, as its asker is.

    Returns None where the clause is to be kept as it is written (a verb not listed, a finite or denied
    clause, no object), and "" where it names nothing we could say: "urged others to do so", "to ratify
    it" with nothing for "it" to be.
    """
    if verb.pos_ in {"NOUN", "PROPN"}:
        # "called for the full text to be published": the passive infinitive the parser hung on its noun
        acts = [c for c in verb.subtree if c.dep_ in {"acl", "relcl"} and c.tag_ == "VBN" and not _children(c, {"neg"})
                and all(a.pos_ in {"NOUN", "PROPN", "ADP"} for a in c.ancestors if a.i != verb.i and verb in a.ancestors)
                and _children(c, {"auxpass"}) and any(a.dep_ == "aux" and a.lower_ == "to" for a in c.children)]
        nominal = nominalisations.get(acts[0].lemma_.lower()) if acts else None
        return f"{nominal} {_words_of(verb, without=acts[0])}" if nominal else None
    infinitive = verb.tag_ == "VB" and (verb.dep_ == "xcomp" or any(
        c.dep_ == "aux" and c.lower_ == "to" for c in verb.children))
    passive = verb.tag_ == "VBN" and any(c.dep_ == "auxpass" for c in verb.children) and any(
        c.dep_ == "aux" and c.lower_ == "to" for c in verb.children)
    if not (infinitive or passive) or _children(verb, {"neg"}):
        return None
    if verb.lemma_.lower() == "do" and any(c.lower_ in _PRO_ACTIONS for c in verb.children
                                            if c.dep_ in {"dobj", "advmod", "amod"}):
        return ""  # "do so", "do the same"
    particles = [c.lower_ for c in verb.children if c.dep_ == "prt"]
    key = " ".join([verb.lemma_.lower()] + particles[:1])
    nominal = nominalisations.get(key)
    if nominal is None:
        return None
    objects = _children(verb, {"nsubjpass"} if passive else {"dobj"})
    complements = [prep for prep in _children(verb, {"prep"}) if prep.lower_ not in ADJUNCT_PREPOSITIONS
                   and not any(g.ent_type_ in {"DATE", "TIME"} for g in prep.children)]
    if not objects:  # "invest in local data centres": the noun, with the verb's own preposition
        if not complements or not _children(complements[0], {"pobj"}):
            return None
        nominal = f"{nominal.rpartition(' ')[0] or nominal} {complements[0].lower_}"
        objects, complements = _children(complements[0], {"pobj"})[:1], complements[1:]
    obj = objects[0]
    if obj.lower_ in RELATIVE_PRONOUNS or obj.tag_ in {"WP", "WDT"}:
        return None  # ("to publish what it found": a clause of its own)
    if obj.pos_ == "PRON":
        named = resolve_token(obj)
        if named is None or type_group(named.type) in {"Concept", "Actor"}:
            return ""  # "to ratify it", with no text or thing for "it" to be
        return f"{nominal} {named.label}"
    named = mention_at(obj)
    if named is not None and named.how not in {"description", "concept"} and not complements and all(
            named.start <= t.i < named.end for t in obj.subtree if t.dep_ not in {"det", "punct", "appos"}
            and not any(a.dep_ == "appos" for a in t.ancestors if obj in a.ancestors or a == obj) or t == obj):
        return f"{nominal} {named.label}"  # a name whole, however long ("… on Responsible Military Use of AI")
    # the object as written, and what else the verb takes ("extend the rule to in-house systems"), less
    # the clauses and appositions inside them
    return f"{nominal} {_words_of(obj, *complements)}"


def _words_of(*heads: Token, without: Token | None = None, limit: int = 11) -> str:
    """The words of phrases as written, less their relative clauses, appositions, commas and ``without``."""
    inner = {t.i for head in heads for d in head.subtree
             if d.i != head.i and (d.dep_ in {"appos", "relcl", "advcl"} or d.dep_ == "acl" and _children(d, {"nsubj"}))
             and d.pos_ in {"VERB", "AUX", "NOUN", "PROPN"} for t in d.subtree}
    inner |= {t.i for head in heads for d in head.subtree if d.dep_ == "prep" and any(
        g.dep_ == "pobj" and g.ent_type_ in {"DATE", "TIME"} for g in d.children) for t in d.subtree}  # "in March"
    inner |= {t.i for t in without.subtree} if without is not None else set()
    kept = [t for head in heads for t in head.subtree if t.i not in inner and not (t.is_punct and t.text not in {"-", "'"})]
    text = "".join(t.text + (t.whitespace_ if n + 1 < len(kept) and kept[n + 1].i == t.i + 1 else " ")
                   for n, t in enumerate(kept))
    words = text.split()[:limit]
    while words and words[-1].lower() in _DANGLING:
        words.pop()  # (cut short: "… on Artificial Intelligence and")
    return " ".join(words)


_DANGLING = {"and", "or", "but", "of", "the", "a", "an", "to", "in", "on", "for", "with", "by", "from", "at", "as"}


#: Prepositions that say when, how or on what terms, not what is acted on ("ratify it *before* June")
ADJUNCT_PREPOSITIONS = {"before", "after", "by", "within", "without", "until", "during", "at", "despite", "as",
                        "through", "under", "ahead", "instead", "rather", "than", "like", "since", "over"}


def _is_bare_noun(token: Token, mention: EntityMention) -> bool:
    """Whether an argument is a lone common noun, unnamed and unlinked: "the project", "an agreement",
    "criticised the process" (not "the Nairobi Declaration", "a plan to pool compute", nor "the summit",
    the summit named before it or, if none was, the one the story reports)."""
    if mention.how not in {"concept", "description"} or token.pos_ != "NOUN" or len(mention.label.split()) != 1:
        return False
    if mention.how == "description" and any(c.lower_ in {"the", "this", "that"} for c in token.children):
        return False  # "the session was hosted by …", "ratified the treaty": the one the story reports
    return all(c.dep_ in {"det", "predet", "poss", "punct"} for c in token.children)


#: Name words of the bodies through which a state itself acts.
STATE_BODY_NOUNS = {"department", "ministry", "government", "administration", "cabinet", "treasury", "office",
                    "chancellery"}
#: Of those, the nouns only a national government's bodies have (an "office" may be an EU office).
SETTING_BODY_NOUNS = {"ministry", "chancellery", "department", "cabinet", "treasury"}
#: The words that may go with "government" in the name of a national one ("the Federal Government").
NATIONAL_GOVERNMENT_WORDS = {"the", "federal", "central", "national", "union", "government"}


def _is_setting_body(name: Span) -> bool:
    """A body that is the government acting: a ministry, the cabinet, "the Federal Government", "the
    Federal Executive Council" (not "the Government Pension Fund", nor a municipal government)."""
    words = {t.lemma_.lower() for t in name}
    return bool(words & SETTING_BODY_NOUNS) or {"executive", "council"} <= words \
        or "government" in words and words <= NATIONAL_GOVERNMENT_WORDS


#: Prepositions that bring a verb's object ("signed up to", "signed on to"); others ("signed after
#: securing changes", "declined to sign, with its delegation objecting") leave it implicit.
OBJECT_PREPOSITIONS = {"to", "on", "onto", "up", "for", "with", "off", "into", "of", "about"}


def _what_x_called(verb: Token) -> Token | None:
    """In "what he called a new layer of bureaucracy" / "what it described as X", the phrase named."""
    if verb.lemma_.lower() not in {"call", "describe", "term", "dub", "brand", "label"} \
            or not any(c.lower_ == "what" for c in verb.children):
        return None
    for child in verb.children:
        if child.dep_ == "oprd":
            return child
        if child.dep_ == "prep" and child.lower_ == "as":
            return next(iter(_children(child, {"pobj"})), None)
    return None


def _discourse_body(token: Token, window_sents: int = 3) -> EntityMention | None:
    """The international body or network under discussion: the one named last in this or the previous
    few sentences (for "became a member" with no "of")."""
    doc = token.doc
    starts = sentence_starts(doc)
    idx = max(0, bisect.bisect_right(starts, token.i) - 1)
    floor = max(starts[max(0, idx - window_sents)] if starts else 0, story_start(doc, token.i))
    bodies = [m for m in doc._.kg_mentions or [] if floor <= m.start < token.i
              and m.type in {"InternationalOrganisation", "Organisation", "Legislature"}
              and not (doc[m.end - 1].dep_ == "pobj" and doc[m.end - 1].head.lower_ in {"in", "at", "from", "near"})]
    # ... or referred to by a description: "the network's working groups"
    for t in doc[floor:token.i]:
        if t.lemma_.lower() in ORGANISATION_NOUNS and t.i not in (doc._.kg_token_mention or {}) \
                and any(c.dep_ == "det" and c.lower_ == "the" for c in t.children):
            found = resolve_token(t)
            if found is not None and found.type in {"InternationalOrganisation", "Organisation", "Legislature"}:
                bodies.append(EntityMention(t.i, t.i + 1, found.key, found.label, found.type, "definite"))
    return max(bodies, key=lambda m: m.start) if bodies else None


def _state_of_body(doc: Doc, key: str, gaz: Gazetteer) -> EntityMention | None:
    """The country a government body acts for, where the article says so where it names the body
    ("the U.S. Commerce Department", "China's Ministry of Commerce"): a ministry acting is its state
    acting, as "the British government" is the United Kingdom."""
    states = doc.user_data.get("kg_body_states")
    if states is None:
        states = {}
        for m in doc._.kg_mentions or []:
            if m.type not in {"GovernmentBody", "Organisation"} or m.how not in {"ner", "gazetteer"} or m.key in states:
                continue
            head = doc[m.end - 1]
            if not {t.lemma_.lower() for t in doc[m.start:m.end]} & STATE_BODY_NOUNS:
                continue  # an institute or an agency is an actor of its own
            near = [t for c in head.children if c.dep_ in {"compound", "poss", "amod", "nmod"} for t in c.subtree]
            near += [doc[i] for i in range(max(0, m.start - 2), m.start)]
            near += [t for t in doc[m.start:m.end - 1] if t not in near]  # ("the Philippine Department of …")
            for t in near:
                country = mention_at(t)
                if country is not None and country.key == m.key and t.i < m.end - 1:
                    # "the Algerian Foreign Ministry": a demonym or a country inside the body's name
                    entry = gaz.country_of_demonym(t.text) or gaz.lookup(t.text)
                    country = EntityMention(m.start, m.end, entry.key, entry.label, entry.type, "demonym") \
                        if entry is not None and entry.type == "Country" else None
                if country is not None and country.type == "Country":
                    states[m.key] = country
                    break
            if m.key not in states and _is_setting_body(doc[m.start:m.end]):
                # "In Vienna, a spokeswoman for the Federal Chancellery" (not "In Brussels, the AI Office")
                setting = _setting_country(doc[m.start].sent, gaz)
                if setting is not None:
                    states[m.key] = setting
            entry = gaz.entries.get(m.key)
            parent = gaz.entries.get(entry.part_of) if entry is not None and entry.part_of else None
            if m.key not in states and parent is not None and parent.type == "Country":
                # the gazetteer knows whose it is: "the State Department accused Beijing"
                states[m.key] = EntityMention(m.start, m.end, parent.key, parent.label, parent.type, "gazetteer")
            if m.key not in states and _is_setting_body(doc[m.start:m.end]) \
                    and not any(mention_at(t) is not None and mention_at(t).key != m.key for t in doc[m.start:m.end]):
                # "the Ministry of Industry and Technology" named with no country: the story's own (its
                # dominant country, else its dateline's), as with an unqualified minister's title
                home = _story_state(doc, m.start)
                if home is not None:
                    states[m.key] = EntityMention(m.start, m.end, home.key, home.label, home.type, "capital")
        doc.user_data["kg_body_states"] = states
    return states.get(key)


def _story_state(doc: Doc, at: int) -> EntityMention | None:
    """The state an unqualified office or ministry at ``at`` belongs to: the story's own (its dominant
    country, else its dateline's), unless the sentence has just named another ("The American delegation,
    led by Under Secretary Dana Whitlock"; "Indonesia's delegation, led by a director-general at the
    Ministry of Communication")."""
    home = home_country(doc, at) or dateline_country(doc, at)
    if home is None:
        return None
    sent = doc[at].sent
    # (a country that acts or owns in the sentence, not one named in passing: "the second country after
    # Singapore to take a seat, the Ministry of Communication said")
    nearest = max((m for m in doc._.kg_mentions or [] if sent.start <= m.start < at
                   and (m.type == "Country" or m.how == "capital")
                   and doc[m.end - 1].dep_ != "pobj"
                   # (a demonym owns a delegation, not "14 Chinese companies")
                   and not (m.how == "demonym" and doc[m.end - 1].head.lemma_.lower() not in GOVERNMENT_NOUNS)),
                  key=lambda m: m.start, default=None)
    return None if nearest is not None and (nearest.country or nearest.key) != home.key else home


def _partitive(token: Token) -> EntityMention | None:
    """"the 78th session of the General Assembly", "leaders of China", "diplomats from Kenya, Ghana and
    Rwanda": the actor in the of/from-phrase; "ASEAN ministers", "EU diplomats": the body in the
    modifier."""
    if token.pos_ not in {"NOUN", "PROPN", "NUM", "ADJ", "PRON"}:
        return None
    if any(c.lower_ in {"former", "ex", "ex-"} for c in token.children):
        return None  # "founded by former Nokia engineers": people who no longer stand for the body
    if _noun_lemma(token) in REPRESENTATIVE_NOUNS and token.tag_ in {"NNS", "NNPS"}:
        for child in _children(token, {"compound", "nmod"}):
            inner = mention_at(child)
            if inner is not None and inner.type not in {"Person", "Country"} and type_group(inner.type) == "Actor":
                return EntityMention(token.i, token.i + 1, inner.key, inner.label, inner.type, "partitive")
    if token.lower_ in {"members", "states", "countries", "nations", "governments"} and _children(token, {"nummod"}):
        return None  # "forty-one members of the WTO signed": some of its members, a counted group, not the body
    preps = ({"of"} if token.lower_ in PARTITIVE_HEADS else set()) | (
        {"from", "at"} if _noun_lemma(token) in REPRESENTATIVE_NOUNS else set())  # ("researchers at X")
    if not preps:
        return None
    for child in token.children:
        if child.dep_ == "prep" and child.lower_ in preps:
            for pobj in _children(child, {"pobj"}):
                inner = resolve_token(pobj) or next(  # "executives from the operator Telkom Kenya"
                    (mention_at(a) for a in _children(pobj, {"appos"}) if mention_at(a) is not None), None)
                if inner is not None and type_group(inner.type) == "Actor":
                    return EntityMention(token.i, token.i + 1, inner.key, inner.label, inner.type, "partitive")
    return None


def _noun_lemma(token: Token) -> str:
    """The lemma of a common noun, also when capitalised at the start of a sentence ("Ministers from
    …"), where the tagger may take it for a proper noun and leave it inflected."""
    lemma = token.lemma_.lower()
    if token.tag_ == "NNPS" or (token.pos_ == "PROPN" and lemma.endswith("s") and lemma == token.lower_):
        return lemma[:-1]
    return lemma


#: Class nouns a company's or a group's name is compounded with: "the Emirati group Sahel AI".
ORGANISATION_CLASS_NOUNS = {"group", "company", "firm", "start-up", "startup", "developer", "lab", "laboratory",
                            "maker", "provider", "giant", "organisation", "organization", "ngo", "charity", "body"}
#: People and bodies a bare plural names generically ("developers", "companies", "researchers").
GENERIC_AGENT_NOUNS = PERSON_NOUNS | GROUP_NOUNS | ORGANISATION_CLASS_NOUNS | {"user", "consumer", "citizen",
                                                                           "investor", "operator", "platform"}

#: Documents whose two signers thereby have an agreement with each other.
PAIR_DOCUMENT_NOUNS = {"agreement", "memorandum", "deal", "accord", "pact", "partnership", "mou", "treaty"}

#: Nouns of the parts of a state, whose ministers hold no office of the state itself.
SUBNATIONAL_NOUNS = {"province", "region", "canton", "county", "municipality", "city", "prefecture", "emirate"}
#: Verbs that call off the event their noun names: it did not take place.
CALLED_OFF_VERBS = {"postpone", "cancel", "delay", "scrap", "defer", "suspend", "shelve", "abandon", "drop"}
#: Nouns of a state's party to talks, whose leader serves that state ("Indonesia's delegation was led by …").
DELEGATION_NOUNS = {"delegation", "team", "mission"}

#: Quantifiers whose "of" phrase holds the argument ("all of its evaluations").
#: Texts one signs "with" a partner that are documents in their own right: "signed a memorandum of
#: understanding on AI safety with India" signs the memorandum too (a deal or agreement "with" someone is
#: named by its partner, and is the agreement only).
SIGNED_TEXT_NOUNS = {"memorandum", "mou", "pact", "accord"}
#: How a mention named its entity outright (not by description, pronoun or inference).
NAMING_HOWS = {"ner", "gazetteer", "titled", "acronym", "capital"}
#: Nouns of a body in apposition whose "of" phrase lists its members ("the Quad, a grouping of …").
#: Verbs of joining: a person who joins takes up a post, a state or a body that joins backs a text.
MEMBERSHIP_VERBS = {"join", "rejoin"}
#: Verbs that list a body's members as their object ("the consortium brings together / comprises A and B").
GATHERING_VERBS = {"comprise", "unite", "bring"}
MEMBERSHIP_NOUNS = {"grouping", "group", "bloc", "coalition", "alliance", "club", "consortium", "association",
                    "federation", "union", "partnership"}
#: Currency nouns counted in words ("1.2 billion euros of the alliance").
CURRENCY_NOUNS = {"euro", "dollar", "pound", "yen", "yuan", "rupee", "franc", "krone", "won", "real", "peso", "riyal",
                  "dirham", "rand", "naira", "shilling"}
PARTITIVE_QUANTIFIERS = {"all", "some", "most", "many", "several", "both", "each", "part", "parts"}

#: Titles that, with no organisation named, are the company's under discussion ("chief executive X").
COMPANY_ONLY_TITLES = {"ceo", "executive", "founder", "co-founder", "cto", "cfo"}

#: Titles held in organisations, never in a country's government.
ORGANISATION_ONLY_TITLES = {"secretary-general", "general", "director-general", "ceo", "executive", "founder",
                            "co-founder", "chairman", "chairwoman", "fellow", "researcher", "professor",
                            "scientist", "engineer", "coordinator", "lead", "director"}

#: Documents that speak for their authors ("the report calls for"); a bill or a treaty does not.
SPEAKING_DOCUMENT_NOUNS = {"report", "study", "paper", "survey", "analysis", "assessment", "review", "audit",
                           "letter", "statement", "index", "brief", "briefing", "white paper", "memo"}

#: Verbs besides the `released` triggers that make their agent a document's author.
AUTHORING_VERBS = {"write", "issue", "produce", "author", "compile", "commission", "prepare", "draft"}


#: Words that put a title in the past.
#: Verbs that say someone holds the top post of what they govern ("who heads the unit"): the verb's
#: lemma is itself a title ("head", "lead"), so the title list gives the kind of role.
HEADING_VERBS = {"head", "lead"}

#: Titles of the heads of regions and cities, whose holder is the place named with them.
REGIONAL_OFFICE_TITLES = {"governor", "mayor", "premier", "attorney", "minister", "secretary", "commissioner",
                          "treasurer", "comptroller", "councillor"}

#: Titles only a state gives (its ministers), so that with no holder named the story's country holds them.
STATE_OFFICE_TITLES = {"minister", "premier", "chancellor", "secretary", "vice-minister", "undersecretary"}
#: Heads of the names of state agencies, whose chairs and directors are officials ("the chair of the
#: Federal Trade Commission"); a "council" or "centre" may as well be a lobby or a think tank.
STATE_AGENCY_HEADS = {"authority", "commission", "agency", "office", "bureau", "regulator", "ministry",
                      "department", "institute", "commissioner", "inspectorate", "administration"}
#: Titles whose "for" phrase is a portfolio ("Minister Delegate for AI and Digital Affairs"), not the body
#: served (as in "a spokesman for the foreign ministry").
PORTFOLIO_TITLES = {"minister", "secretary", "undersecretary", "commissioner", "delegate", "envoy"}
def _in_portfolio(token: Token) -> bool:
    """Whether a word is part of a minister's portfolio ("… for *Digital Affairs*", "of *State*")."""
    return any(a.dep_ == "prep" and a.lower_ in {"for", "of"} and set(a.head.lower_.split("-")) & PORTFOLIO_TITLES
               for a in token.ancestors)


#: Words that make a minister's title a party's or the opposition's: "shadow minister", "spokeswoman on".
PARTY_POST_WORDS = {"shadow", "opposition", "party", "former"}

PAST_ROLE_WORDS = {"former", "ex", "erstwhile", "onetime", "one-time", "late"}

#: Subjects that deny the predicate of each member of a group named before: "neither has ratified".
NEGATIVE_QUANTIFIERS = {"neither", "none"}


def _quantified_antecedents(token: Token) -> list[Token]:
    """The coordinated actors a "neither"/"none" subject ranges over: the nearest coordination of
    named actors before it, in this or the previous sentence."""
    doc = token.doc
    starts = sentence_starts(doc)
    idx = max(0, bisect.bisect_right(starts, token.i) - 1)
    floor = max(starts[max(0, idx - 1)] if starts else 0, story_start(doc, token.i))
    for i in range(token.i - 1, floor - 1, -1):
        head = doc[i]
        group = conjuncts(head) if any(c.dep_ == "conj" for c in head.children) else []
        if len(group) >= 2 and all(mention_at(t) is not None and type_group(mention_at(t).type) == "Actor" for t in group):
            return group
    return []


#: Trade flows whose destination is the target of a restriction.
TRADE_FLOW_NOUNS = {"export", "exports", "sale", "sales", "shipment", "shipments", "import", "imports", "supply",
                    "transfer", "transfers"}

#: "the two governments", "both leaders": which kind of entity the counted noun refers back to.
COUNTED_ANAPHORS = {"country": "Country", "government": "Country", "nation": "Country", "side": "Country",
                    "sponsor": "Country", "signatory": "Country", "body": "Organisation",
                    "institute": "Organisation", "agency": "Organisation",
                    "state": "Country", "leader": "Person", "minister": "Person", "president": "Person",
                    "official": "Person", "company": "Organisation", "firm": "Organisation",
                    "commissioner": "Person", "senator": "Person", "lawmaker": "Person", "judge": "Person",
                    "university": "Organisation", "bank": "Organisation", "party": "Organisation"}


def _counted_antecedents(token: Token) -> list[Token]:
    """A definite counted plural refers back: "the two governments", "both countries", "all three
    states" are the last two (three) entities of that kind named before them (in this or the last two
    sentences, within the story)."""
    kind = COUNTED_ANAPHORS.get(_noun_lemma(token))
    if kind is None:
        return []
    words = {c.lower_ for c in token.children if c.dep_ in {"det", "predet", "nummod", "preconj"}}
    numbers = {w: n for n, w in enumerate(["two", "three", "four", "five", "six"], start=2)} | {
        str(n): n for n in range(2, 7)} | {"both": 2}
    count = next((numbers[w] for w in words if w in numbers), 0)
    plural = token.tag_ in {"NNS", "NNPS"} and count and {"the", "both", "these", "those", "all"} & words
    either = token.tag_ == "NN" and {"either", "neither"} & words  # "either company": one of the two named
    if not (plural or either):
        if token.tag_ == "NNS" and words == {"the"} and not any(
                c.dep_ in {"amod", "compound", "prep", "relcl", "acl"} for c in token.children):
            return _listed_antecedents(token, kind)
        return []
    count = count or 2
    doc = token.doc
    starts = sentence_starts(doc)
    idx = max(0, bisect.bisect_right(starts, token.i) - 1)
    floor = max(starts[max(0, idx - 2)] if starts else 0, story_start(doc, token.i))
    union_too = _noun_lemma(token) in {"side", "government", "partner"}  # ("both governments": India and the EU)

    def fits(m: EntityMention | None) -> bool:
        if union_too and m is not None and m.type == "InternationalOrganisation" and m.how != "demonym":
            return True
        return _of_kind(m, kind)

    candidates = [m for m in sorted(doc._.kg_mentions or [], key=lambda m: -m.start)
                  if floor <= m.start < token.i and m.how != "demonym"]
    # a coordinated group of that size in the same sentence first: in "Costa Rica and Panama, whose
    # ministers visited Taiwan, … neither country" the pair is the coordinated one, not the last two named
    for m in candidates:
        if m.start < token.sent.start:
            break  # (only within the sentence: across sentences the last ones named are the topic)
        group = conjuncts(doc[m.end - 1])
        if len(group) == count and all(fits(mention_at(t)) and floor <= t.i < token.i for t in group) \
                and len({mention_at(t).key for t in group}) == count:
            return group
    # ... else the last ones named; for states, a person named with an office stands for the state
    # served ("Park held talks with Whitfield, and the two sides agreed …")
    offices = (doc._.kg_offices or {}) if kind == "Country" else {}
    in_sentence = {offices[m.key].key for m in candidates if m.start >= token.sent.start and m.key in offices}
    if len(in_sentence) < count:
        offices = {}  # (only when the sentence itself names that many officials of different states)
    found: list[tuple[str, Token]] = []
    for m in candidates:
        key = offices[m.key].key if m.type == "Person" and m.key in offices else m.key
        if any(k == key for k, _ in found):
            continue
        if fits(m) or m.type == "Person" and m.key in offices:
            found.append((key, doc[m.end - 1]))
        if len(found) == count:
            return [t for _, t in reversed(found)]
    return []


def _listed_after_colon(token: Token) -> list[Token]:
    """A counted plural that a colon goes on to name: "Three states that took part did not sign: Malta,
    Turkey and the United States" (as many as counted, each of the noun's kind, and nothing after)."""
    kind = COUNTED_ANAPHORS.get(_noun_lemma(token))
    if kind is None or token.tag_ not in {"NNS", "NNPS"}:
        return []
    numbers = {w: n for n, w in enumerate(["two", "three", "four", "five", "six", "seven", "eight"], start=2)}
    count = next((numbers.get(c.lower_) or (int(c.text) if c.text.isascii() and c.text.isdigit() else 0)
                  for c in token.children if c.dep_ == "nummod"), 0)
    if count < 2 or any(c.lower_ in {"the", "these", "those", "both", "all"} for c in token.children):
        return []  # ("the three states": named before, not after)
    doc = token.doc
    colon = next((t for t in doc[token.i + 1:token.sent.end] if t.text == ":"), None)
    if colon is None or colon.i + 1 >= token.sent.end or doc[colon.i - 1] != token.head \
            or token.dep_ not in {"nsubj", "nsubjpass"}:
        return []  # (right after the subject's verb: "joined the alliance: Google and Microsoft" lists the object)
    first = mention_at(doc[colon.i + 1])
    if first is None or first.start != colon.i + 1:
        return []
    listed = conjuncts(doc[first.end - 1])
    last = max(t.i for t in listed)
    rest = [t for t in doc[last + 1:token.sent.end] if not t.is_punct and not t.is_space]
    if len(listed) != count or not all(_of_kind(mention_at(t), kind) for t in listed) \
            or (rest and not any(t.dep_ in {"relcl", "acl"} or t.tag_ in {"WDT", "WP"} for t in rest[:2])):
        return []  # ("…, which holds observer status": a clause on the last one is no more of the list)
    return listed


def _listed_antecedents(token: Token, kind: str) -> list[Token]:
    """An uncounted definite plural ("the companies") refers back to the list of that kind the last
    sentence (or its own, before it) named: "Officials met Google, Meta and TikTok. The companies have
    not endorsed the statement." Nothing when no list of two or more of that kind is so near."""
    doc = token.doc
    starts = sentence_starts(doc)
    idx = max(0, bisect.bisect_right(starts, token.i) - 1)
    floor = max(starts[max(0, idx - 1)] if starts else 0, story_start(doc, token.i))

    def fits(m: EntityMention | None) -> bool:
        return _of_kind(m, kind) and m.how != "demonym"

    for m in sorted(doc._.kg_mentions or [], key=lambda m: -m.start):
        if m.start < floor:
            break
        if m.start >= token.i or not fits(m):
            continue
        group = [t for t in conjuncts(doc[m.end - 1]) if t.i < token.i]
        if len(group) >= 2 and all(fits(mention_at(t)) for t in group):
            return group
    return []


def _of_kind(m: EntityMention | None, kind: str) -> bool:
    """Whether a mention is of the kind a group noun names: its type, or for "Organisation" any body
    (not a person, a country or a counted group)."""
    return m is not None and (m.type == kind if kind != "Organisation" else (
        type_group(m.type) == "Actor" and m.type not in {"Person", "Country", "Group"}))


def _type_ok(entity_type: str, allowed: tuple[str, ...]) -> bool:
    group = type_group(entity_type)
    return "Any" in allowed or group in allowed or (
        "Organisation" in allowed and group == "Actor" and entity_type not in {"Person", "Country", "Region", "Group"}) or (
        "Person" in allowed and entity_type == "Person")


def _bound_by_generic_plural(token: Token) -> bool:
    """Whether a plural pronoun refers to a bare plural of people or firms in its own sentence, nearer
    than any named actor ("… drafted by Canada and France, which encourages developers to publish
    evaluations of the weights they release": developers, not Canada and France). A bare plural is
    generic, so the pronoun names no one."""
    if token.lower_ not in {"they", "them", "their", "themselves"}:
        return False
    for t in reversed(token.doc[token.sent.start:token.i]):
        named = mention_at(t)
        if named is not None:
            return False
        if t.tag_ == "NNS" and _noun_lemma(t) in GENERIC_AGENT_NOUNS \
                and t.dep_ in {"nsubj", "nsubjpass", "dobj", "pobj", "conj", "appos"} \
                and not (t.dep_ == "pobj" and t.head.lower_ == "as") \
                and not any(c.dep_ in {"det", "poss", "nummod", "predet"} for c in t.children) \
                and not any(mention_at(d) is not None for d in t.subtree if d is not t):
            # (not "attended as observers", a role; nor "Brazilian diplomats", "officials from Kenya")
            return True
    return False


def _group_members(group: EntityMention) -> list[str]:
    """The countries a named group of states is, from the gazetteer ("Baltic states")."""
    entry = Gazetteer.load().entries.get(group.key)
    return list(entry.members) if entry is not None else []


def _member_argument(token: Token, how: str) -> tuple[EntityMention | None, str]:
    """For an argument :func:`_expand` gave for a member of a named group of states ("member:<key>"), that
    country and "member"; for any other, nothing and ``how`` unchanged."""
    if not how.startswith("member:"):
        return None, how
    entry = Gazetteer.load().entries.get(how.split(":", 1)[1])
    return (EntityMention(token.i, token.i + 1, entry.key, entry.label, entry.type, "member") if entry else None,
            "member")


def _expand(tokens: list[Token]) -> list[tuple[Token, str]]:
    """Argument heads, with plural pronouns replaced by their coordinated antecedents ("China, the UK
    and the US … they") and group nouns joined by their named members ("officials, including Li")."""
    out: list[tuple[Token, str]] = []
    for token in tokens:
        named = mention_at(token)
        members = _group_members(named) if named is not None and named.type == "Group" else []
        if members:  # "the three Baltic states": Estonia, Latvia and Lithuania
            out += [(token, f"member:{key}") for key in members]
            continue
        listed = _listed_after_colon(token)
        if listed:  # "Three states did not sign: Malta, Turkey and the United States"
            out += [(t, "member") for t in listed]
            continue
        pair = _counted_antecedents(token)
        if pair:  # "the two governments": the last two named (a person: the state they serve)
            states = COUNTED_ANAPHORS.get(_noun_lemma(token)) == "Country"
            out += [(t, "office" if states and getattr(mention_at(t), "type", "") == "Person" else "pronoun")
                    for t in pair]
            continue
        if _bound_by_generic_plural(token):
            continue  # "… encourages developers to publish evaluations of the weights they release"
        antecedent = plural_antecedent(token)
        group = conjuncts(antecedent) if antecedent is not None else []
        if len(group) >= 2:
            out += [(t, "pronoun") for t in group]
            continue
        if token.tag_ in {"NNS", "NNPS"} and _noun_lemma(token) in REPRESENTATIVE_NOUNS | {"member", "government"} \
                and mention_at(token) is None:
            # "representatives of Hanul Semiconductor and Daesan Memory", "members of the Liberal Party and
            # the New Democratic Party", "the regional governments of Galicia, Andalusia and Navarre": each
            # body they represent
            bodies = [p for prep in _children(token, {"prep"}) if prep.lower_ in {"of", "from"}
                      for p in _children(prep, {"pobj"})]
            if bodies and len(conjuncts(bodies[0])) >= 2 and _partitive(token) is not None:
                out += [(t, "partitive") for t in conjuncts(bodies[0])]
                continue
        if token.like_num and token.lower_ not in {"one", "1"} and mention_at(token) is None:
            # "17 of the G20's 21 members, including the EU and Japan, endorsed": the ones named
            inner = [p for prep in _children(token, {"prep"}) if prep.lower_ == "of" for p in _children(prep, {"pobj"})]
            named = _members(inner[0]) if inner else []
            if named:
                out += [(t, "member") for t in named]
                continue
        money = token.ent_type_ == "MONEY" or any(c.tag_ == "$" for c in token.children) \
            or token.lemma_.lower() in CURRENCY_NOUNS and any(c.like_num for c in token.children)
        if (token.lower_ in PARTITIVE_QUANTIFIERS or money) and mention_at(token) is None:
            inner = [p for prep in _children(token, {"prep"}) if prep.lower_ == "of" or money and prep.lower_ == "in"
                     for p in _children(prep, {"pobj"})]
            if inner:  # "published all of its evaluations", "some of the countries": what is counted
                # ("fund €1.2 billion of the alliance": what the money is of)
                out += [(t, "") for t in conjuncts(inner[0])]
                continue
        # ("£240m, including a laboratory": parts of a sum are not its members)
        members = _members(token) if token.tag_ in {"NNS", "NNPS"} or token.lemma_.lower() in GROUP_NOUNS | {
            "group", "bloc", "coalition", "delegation"} or (
            mention_at(token) is not None and type_group(mention_at(token).type) == "Actor") else []
        if not (members and token.tag_ in {"NNS", "NNPS"} and mention_at(token) is None):
            out.append((token, ""))  # "90 countries including India and Chile": India and Chile say it all
        out += [(m, "member") for m in members]
        if mention_at(token) is None and token.tag_ == "NNS" and token.lemma_.lower() in GOVERNMENT_NOUNS:
            # "the Colombian and Uruguayan governments": each country (the first resolves as the noun)
            for mod in token.children:
                if mod.dep_ in {"amod", "compound"} and len(conjuncts(mod)) >= 2:
                    out += [(c, "metonymy") for c in conjuncts(mod)[1:]]
                    break
        if mention_at(token) is None and _noun_lemma(token) in REPRESENTATIVE_NOUNS:
            for prep in token.children:  # "diplomats from Kenya, Ghana and Rwanda": each country
                if prep.dep_ == "prep" and prep.lower_ in {"from", "at"}:
                    for pobj in _children(prep, {"pobj"}):
                        out += [(c, "partitive") for c in conjuncts(pobj)[1:]]
    return out


# --------------------------------------------------------------------------------------------------
# The extractor


@dataclass
class _Frame:
    """A matched trigger with its argument heads, before they are resolved to entities."""

    anchor: Token
    trigger: Trigger
    subjects: list[Token]
    subject_how: str
    themes: list[Token]
    theme_how: str
    passive: bool = False
    scope: Token | None = None  # the word whose negation and modality apply (default: anchor)


class Extractor:
    """Extract :class:`Relation` mentions from parsed documents.

    >>> from kg.nlp import build_pipeline                                    # doctest: +SKIP
    >>> nlp = build_pipeline()                                               # doctest: +SKIP
    >>> [(r.subject_label, r.predicate, r.object_label, r.negated)
    ...  for r in Extractor().extract(nlp("Britain did not sign the treaty."), "d")]  # doctest: +SKIP
    [('United Kingdom', 'signed', 'treaty', True)]
    """

    def __init__(self, lexicon: Lexicon | None = None, gazetteer: Gazetteer | None = None):
        self.lexicon = lexicon or Lexicon.load()
        self.gazetteer = gazetteer or Gazetteer.load()
        self._lemmas = frozenset(self.lexicon.lemmas)
        # predicates two parties of one text stand in ("agreementWith"): bilateral only, never from a refusal
        self._pair_predicates = frozenset(p.pair_predicate for p in self.lexicon.predicates.values() if p.pair_predicate)

    def extract(self, doc: Doc, doc_id: str) -> list[Relation]:
        """Every relation mention in ``doc`` (a Doc from :func:`kg.nlp.build_pipeline`)."""
        if doc._.kg_doc_id is None:
            doc._.kg_doc_id = doc_id
        sents = list(doc.sents)
        roles = [r for i, sent in enumerate(sents) for r in self._roles(sent, i, doc_id)]
        roles += [r for i, sent in enumerate(sents) if not is_headline(sent) for r in self._memberships(sent, i, doc_id)]
        roles += [r for i, sent in enumerate(sents) if not is_headline(sent) for r in self._delegation_heads(sent, i, doc_id)]
        # whose official each person is, for "we" in their quotes
        doc._.kg_offices = {r.subject: EntityMention(0, 0, r.object, r.object_label, r.object_type, "office")
                            for r in roles if r.predicate == "officialOf" and r.object_type == "Country"}
        # … and the body each person works for, for "the company" in what they say
        doc.user_data["kg_employers"] = {}
        for r in roles:
            if r.predicate in {"affiliatedWith", "officialOf"} and r.object_type not in {"Country", "Region", "Group"}:
                doc.user_data["kg_employers"].setdefault(r.subject, []).append(
                    EntityMention(0, 0, r.object, r.object_label, r.object_type, "definite"))
        relations: list[Relation] = list(roles)
        doc.user_data["kg_proposals"] = []  # (sentence index, what was proposed, how), for "backed the idea"
        doc.user_data["kg_sentence_objects"] = {}  # (sentence index, predicate) → its last object
        for sent_index, sent in enumerate(sents):
            if is_headline(sent) or is_title_line(sent):
                continue
            before = len(relations)
            for frame in self._frames(sent):
                found = self._relations(frame, sent, sent_index, doc_id)
                relations += found
                doc.user_data["kg_proposals"] += [
                    (sent_index, EntityMention(r.start_char, r.end_char, r.object, r.object_label, r.object_type, "proposal"),
                     r.predicate)
                    for r in found if r.predicate in {"proposed", "calledFor"} and not r.negated]
                for r in found:  # for "X backed the idea, but Y declined to endorse it"
                    doc.user_data["kg_sentence_objects"][(sent_index, r.predicate)] = EntityMention(
                        r.start_char, r.end_char, r.object, r.object_label, r.object_type, "parallel")
                    if type_group(r.object_type) == "Document" and r.object_how != "pronoun":
                        # for "X praised the declaration, while Y criticised it"
                        doc.user_data["kg_sentence_objects"][(sent_index, "*")] = EntityMention(
                            r.start_char, r.end_char, r.object, r.object_label, r.object_type, "parallel")
            relations += self._ellipses(sent, sent_index, doc_id, relations[before:] or [
                r for r in relations if r.sentence_index == sent_index - 1])
            # (after the sentence's events, whose subjects "its members include …" may continue)
            relations += self._inclusions(sent, sent_index, doc_id)
        return _dedupe(relations)

    def _ellipses(self, sent: Span, sent_index: int, doc_id: str, antecedents: list[Relation]) -> list[Relation]:
        """Verb phrases left out after an auxiliary take the last stated event: "Kalimat Labs signed the
        pledge; Viet Cortex has not" (negated), "Japan has signed it, as has the EU" (stated)."""
        events = [r for r in antecedents if r.predicate not in ROLE_PREDICATES and r.rule.split(":")[0]
                  in {"active", "passive"}]
        if not events:
            return []
        out = []
        for aux in sent:
            if aux.pos_ not in {"AUX", "VERB"} or aux.lemma_.lower() not in {"have", "do", "will", "would"} \
                    or aux.tag_ in {"VBN", "VBG"} or aux.dep_ in {"aux", "auxpass", "relcl", "acl", "xcomp", "ccomp"} \
                    or any(c.pos_ == "VERB" or c.dep_ in {"acomp", "attr", "xcomp", "dobj", "ccomp", "prep"}
                           for c in aux.children):
                continue
            stated = []
            if aux.dep_ in {"conj", "advcl"}:  # "…, but Argentina did not", "…, as did Indonesia": the verb it hangs on
                stated = [r for r in events if r.trigger.split(" (")[0] == aux.head.text]
            if not stated and (aux.dep_ not in {"conj", "advcl"} or aux.head.lemma_.lower() in SPEECH_LEMMAS):
                # "…; Viet Cortex has not.", "…, he confirmed, and neither has China": the last event (not
                # "China abstained, as did Indonesia": the verb it hangs on states no event)
                stated = [r for r in events if r.trigger == events[-1].trigger and r.predicate == events[-1].predicate]
            subjects = _children(aux, SUBJECT_DEPS)
            if not subjects:
                continue
            # "…, but Argentina did not", "and neither has Russia", "nor has Chile"
            negated = any(c.dep_ == "neg" or c.lower_ in {"neither", "nor"} for c in aux.children)
            for s_tok, _ in _expand(conjuncts(subjects[0])):
                subj = _resolve(s_tok, "subject", False, self.gazetteer)
                if subj is None or type_group(subj.type) != "Actor":
                    continue
                for r in stated:
                    if r.subject == subj.key or r.object == subj.key:
                        continue
                    out.append(replace(r, sentence_index=sent_index, sentence=sent.text.strip(),
                                       start_char=sent.start_char, end_char=sent.end_char, subject=subj.key,
                                       subject_label=subj.label, subject_type=subj.type, subject_how=subj.how,
                                       negated=negated, rule="ellipsis:" + r.rule,
                                       confidence=round(r.confidence * 0.85, 3)))
        return out

    # -- finding triggers --------------------------------------------------------------------------

    def _frames(self, sent: Span) -> Iterator[_Frame]:
        light_nouns: set[int] = set()  # the nouns of light-verb frames ("imposed *restrictions* on …")
        for token in sent:
            if token.tag_ == "VBG" and token.dep_ == "amod":
                continue  # "founding members", "the ruling party": a kind, not an act
            if token.pos_ in {"VERB", "AUX"} or (token.pos_ == "NOUN" and token.tag_ == "VBN"):
                triggers = self.lexicon.triggers_for(verb_lemma(token, self._lemmas))
                frames = list(self._verb_frames(token, triggers)) if triggers and not _is_topic(token) else []
                light_nouns |= {c.i for f in frames if f.trigger.noun for c in _children(token, {"dobj"})
                                if c.lemma_.lower() in {f.trigger.noun, f.trigger.noun + "s"}}
                yield from frames
                if token.pos_ == "VERB" and all(self._not_an_event(f) for f in frames):
                    # ("signed it together with Y", "hosted it together with Y": Y did so too, a companion;
                    # "will run the facility together with Y", no event run: Y a partner)
                    yield from self._comitative_frames(token)
            elif token.pos_ in {"NOUN", "PROPN"}:
                lemma = verb_lemma(token, self._lemmas)
                triggers = self.lexicon.triggers_for(lemma, "noun") or self.lexicon.triggers_for(token.lower_, "noun")
                if triggers and token.i not in light_nouns:  # (the verb's frame already says it)
                    yield from self._noun_frames(token, triggers)

    def _verb_frames(self, verb: Token, triggers: list[Trigger]) -> Iterator[_Frame]:
        passive = is_passive(verb)
        best = -1
        for trig in triggers:  # most specific first; a bare "sign" yields to "sign [agreement] with"
            if trig.specificity < best:
                break
            spec = self.lexicon.predicates[trig.predicate]
            match = _match_trigger(verb, trig, passive)
            if match is not None and not match[0] and not passive and match[1] == "direct":
                match = None
            if match is not None and match[1] == "shared" and not any(
                    verb_lemma(c, self._lemmas) in self._lemmas for c in _children(verb, {"conj"})):
                match = None  # "has not ratified and shows little sign of doing so": no shared object
            if match is None and trig.lemma == "vote" and not passive:
                vote = _vote_match(verb, trig)
                if vote == "implicit":  # "Mexico voted in favour", "Peru voted against": the text in question
                    implicit = _discourse_document(verb)
                    match = ([implicit], "implicit") if implicit is not None else None
                elif vote is not None:
                    match = vote
            group_size = len(_expand(_subject_tokens(verb)[0])) if spec.symmetric and not passive else 0
            if match is None and spec.symmetric and not passive and group_size >= 2 \
                    and not (group_size > 2 and trig.predicate in self._pair_predicates) and (
                    not trig.noun and not _children(verb, {"dobj"})
                    or trig.noun and any(c.lemma_.lower() in {trig.noun, trig.noun + "s"} and not any(
                        p.lower_ in trig.words for p in _children(c, {"prep"})) for c in _children(verb, {"dobj"}))
                    and not any(p.lower_ in trig.words for p in _children(verb, {"prep"}))):
                # "The US and China are competing", "Hargrove and Sakamoto held a bilateral meeting": no
                # "with" needed (but four states signing a memorandum make no pairwise agreements: bilateral
                # only, as with the pair predicate)
                match = [], "reciprocal"
            if match is None and spec.implicit_objects and not trig.words and not trig.noun and not passive \
                    and not any(c.tag_ == "WP" for c in _children(verb, SUBJECT_DEPS)) \
                    and not [c for c in _children(verb, {"dobj", "ccomp", "xcomp", "attr"}) if c.i > verb.i] \
                    and not any(p.lower_ in OBJECT_PREPOSITIONS and (p.dep_ == "prt" or any(
                                    o.lemma_.lower() not in {"behalf", "time"} and o.ent_type_ not in {"DATE", "TIME"}
                                    and not (p.lower_ == "for" and o.ent_type_ == "GPE")
                                    for o in _children(p, {"pobj"})))  # ("signed on Tuesday", "signed for Rome":
                                # when and on whose behalf, not what)
                                and not (p.i > 0 and p.nbor(-1).text == ",")  # ("signed, to the surprise of …")
                                for p in _children(verb, {"prep", "prt"})):
                kinds = {k for k in ("Document", "Event") if k in spec.object_types} or {"Document"}
                implicit = _discourse_document(verb, kinds=kinds)
                if implicit is not None and spec.whole_events and implicit.lemma_.lower() in PART_OF_EVENT_NOUNS:
                    # "Lebanon and Libya did not attend" after "… chairing the session": the meeting, of
                    # which the session was part, not the session
                    whole = event_of_sitting(implicit)
                    implicit = implicit.doc[whole.end - 1] if whole is not None and whole.end > 0 else implicit
                if implicit is not None:  # "Hungary declined to sign": the declaration just named
                    match = [implicit], "implicit"
            if match is None:
                continue
            themes, theme_how = match
            if passive:
                subjects, subject_how = _by_agents(verb), "passive-agent"
                if not themes:
                    themes, theme_how = _passive_theme_tokens(verb)
                if not subjects and themes and spec.possessor_agents and verb.i > themes[0].i:
                    # "OpenAI's o1 model, released last month" (not "Vantix's proposed acquisition", "Kilele's
                    # published scores": a participle before its noun describes it, it reports no act)
                    owners = [c for c in themes[0].children if c.dep_ == "poss"]
                    subjects, subject_how = owners, "possessor"
            else:
                subjects, subject_how = _subject_tokens(verb)
            if trig.inverse:  # "Vireo raised $12m from Anka": Anka is the funder, Vireo the funded
                subjects, subject_how, themes, theme_how = themes, "inverse", subjects, subject_how
            if subjects and not spec.symmetric:  # "China, along with Russia, voted against it"
                subjects = subjects + [c for h in [verb, *subjects] for c in _companions(h) if c not in subjects]
            if theme_how in {"relative", "participle", "coordinated"}:
                themes = self._attach_relative(themes, spec.object_types, "object")
            if subject_how == "relative":
                subjects = self._attach_relative(subjects, spec.subject_types, "subject")
            if theme_how == "reciprocal":
                themes = [t for t, _ in _expand(subjects)]  # each pair of the group (see _relations)
            if subjects and themes:
                named_object = next((mention_at(o) for o in _children(verb, {"dobj"}) if mention_at(o) is not None
                                     and mention_at(o).how in NAMING_HOWS), None)
                if not (trig.noun and (theme_how == "reciprocal" or spec.symmetric and (
                        named_object is not None or trig.noun in SIGNED_TEXT_NOUNS))):
                    best = trig.specificity  # ("Finland and Vietnam signed an agreement" also signs it;
                    # "China signed a memorandum with Brazil" signs the memorandum and is an agreement with Brazil)
                yield _Frame(verb, trig, subjects, subject_how, themes, theme_how, passive)

    def _names_a_text(self, noun: Token) -> bool:
        """Whether "the agreement", "the deal" refers back to a text the story named ("signed the Tallinn
        Agreement … Sepp criticised the agreement"), not to an act ("welcomed the move")."""
        found = _resolve(noun, "object", False, self.gazetteer)
        words = [w for w in found.label.split() if w.lower() not in {"of", "on", "for", "and", "the", "to", "in"}] \
            if found is not None else []
        # (a name, "Tallinn Agreement on Data", not a description: "agreement with Google Cloud")
        return found is not None and found.how == "definite" and type_group(found.type) == "Document" \
            and len(words) >= 2 and all(w[:1].isupper() or w[:1].isdigit() for w in words)

    def _not_an_event(self, frame: _Frame) -> bool:
        """Whether a frame of an event predicate has no event for its theme ("run the facility")."""
        if tuple(self.lexicon.predicates[frame.trigger.predicate].object_types) != ("Event",):
            return False
        return not any(_noun_lemma(t) in EVENT_NOUNS or type_group(getattr(mention_at(t), "type", "")) == "Event"
                       for t in frame.themes)

    def _comitative_frames(self, verb: Token) -> Iterator[_Frame]:
        """A verb of no predicate of its own with a comitative phrase: "Hanul Cloud will run the
        facility *together with* Samruk-Kazyna", "a centre run by the institute *jointly with* NIC"
        → the agent cooperatesWith the phrase's object (the lexicon's ``comitatives``)."""
        if verb.lemma_.lower() in SPEECH_VERBS | SPEECH_LEMMAS or _is_topic(verb):
            return
        doc = verb.doc
        for spec in self.lexicon.predicates.values():
            for words in spec.comitatives:
                *lead, prep_word = words
                for prep in verb.subtree:
                    if prep.lower_ != prep_word or prep.dep_ != "prep" or prep.i < len(lead) \
                            or [t.lower_ for t in doc[prep.i - len(lead): prep.i]] != lead:
                        continue
                    phrase = set(range(prep.i - len(lead), prep.i + 1))
                    head = prep.head  # "together with" on the verb; "in partnership with" through its noun
                    while head != verb and head.i in phrase:
                        head = head.head
                    partners = _children(prep, {"pobj"})
                    if head != verb or not partners:
                        continue
                    passive = is_passive(verb)
                    subjects, how = (_by_agents(verb), "passive-agent") if passive else _subject_tokens(verb)
                    if subjects:
                        trig = Trigger(spec.name, verb.lemma_.lower(), None, (prep_word,))
                        yield _Frame(verb, trig, subjects, how, conjuncts(partners[0]), "comitative", passive)

    def _noun_frames(self, noun: Token, triggers: list[Trigger]) -> Iterator[_Frame]:
        """Nominal triggers: "his talks with Musk", "China's proposal", "US sanctions on China",
        "the meeting between Biden and Xi", "Biden, in the meeting with Xi, discussed …"."""
        for trig in triggers:
            spec = self.lexicon.predicates[trig.predicate]
            themes: list[Token] = []
            theme_how = "noun"
            members = _among_members(noun)
            if trig.words:
                objs = _prep_objects(noun, trig.words[-1])
                if not objs and members and spec.implicit_objects:
                    # "China, France and India were among the signatories": of the document just named
                    # ("Among the participants were A and B": of the event)
                    kinds = {k for k in ("Document", "Event") if k in spec.object_types} or {"Document"}
                    implicit = _discourse_document(noun, kinds=kinds)
                    objs = [implicit] if implicit is not None else []
                if noun.lemma_.lower() == "call":
                    # "a call for research proposals": an open invitation to apply, not a demand
                    objs = [o for o in objs or [] if o.lemma_.lower() not in OPEN_CALL_OBJECTS]
                if not objs:
                    continue
                themes, theme_how = objs, "noun-prep"
            else:
                themes = [noun]  # "China's proposal": the proposal is the document
                content = [o for acl in _children(noun, {"acl"}) if any(a.lower_ == "to" for a in acl.children)
                           and acl.lemma_.lower() in CREATION_VERBS for o in _children(acl, {"dobj"})]
                if content:  # "a proposal by Kenya to create an AI institute": the institute is proposed
                    themes, theme_how = content[:1], "noun-content"
            if members:
                yield _Frame(noun, trig, members, "among", themes, theme_how, scope=noun.head.head)
                return
            subjects, subject_how = self._noun_agents(noun, trig)
            if trig.words and trig.words[-1] == "between" and spec.symmetric and not subjects and len(themes) >= 2:
                subjects, themes, subject_how = themes[:1], themes[1:], "between"
            if not subjects or not themes:
                continue
            # a light verb's denial denies the noun's event ("did not hold talks"); another verb's does not
            # ("declined to endorse a French proposal": France did propose)
            scope = noun.head if noun.head.pos_ in {"VERB", "AUX"} and noun.dep_ in {"nsubj", "dobj", "nsubjpass"} \
                and (noun.head.lemma_.lower() in LIGHT_VERBS or subject_how in {"light", "holder"}) else noun
            yield _Frame(noun, trig, subjects, subject_how, themes, theme_how, scope=scope)
            return

    def _noun_agents(self, noun: Token, trig: Trigger) -> tuple[list[Token], str]:
        for child in noun.children:
            if child.dep_ == "poss":
                return conjuncts(child), "possessor"
        by = _prep_objects(noun, "by") or next((_prep_objects(o, "by") for prep in _children(noun, {"prep"})
                                                if prep.lower_ == "of" for o in _children(prep, {"pobj"})
                                                if _prep_objects(o, "by")), None)
        if not by and noun.dep_ == "dobj" and _children(noun.head, SUBJECT_DEPS) and not is_passive(noun.head):
            by = _prep_objects(noun.head, "by")  # "welcomed the adoption of the text by the council"
        if by:  # "the adoption of the text by the council" (the "by" often hangs on the text or the verb)
            return by, "by"
        for child in noun.lefts:
            if child.dep_ in {"compound", "amod", "nmod"}:
                found = resolve_token(child)
                if found is not None and type_group(found.type) == "Actor" and found.type != "Concept":
                    return [child], "modifier"
        # "Biden, in the meeting with Xi, discussed …": the subject of the clause around the noun
        if noun.dep_ == "pobj" and noun.head.lower_ in {"in", "during", "at", "after", "following"}:
            holder = noun.head.head
            if holder.pos_ in {"PROPN", "NOUN"} and resolve_token(holder) is not None:
                return [holder], "holder"
            if holder.pos_ in {"VERB", "AUX"}:
                # ("a forum organised by Qatar in partnership with the Arab League": the passive's agent)
                subjects = _by_agents(holder) if is_passive(holder) else _subject_tokens(holder)[0]
                if subjects:
                    return subjects, "holder"
        first = noun
        while first.dep_ == "conj" and first.head.pos_ in {"NOUN", "PROPN"}:
            first = first.head  # "announced a funding round and a partnership with X"
        if first.dep_ in {"dobj"} and first.head.pos_ in {"VERB", "AUX"}:
            # "the UK held talks with Kenya", "Kosovo has a deal with Denmark": the subject's
            if first.head.lemma_.lower() in LIGHT_VERBS:
                subjects, _ = _subject_tokens(first.head)
                if subjects:
                    return subjects, "light"
        return [], ""

    def _attach_relative(self, heads: list[Token], allowed: tuple[str, ...], role: str) -> list[Token]:
        """Resolve relative-clause and participle attachment by meaning: in "a resolution on digital trade
        that was proposed by Canada" or "a pact on export controls signed by Japan" the parser may attach
        the clause to "trade" or "controls"; the noun it modifies is the nearest one up the noun phrase
        whose entity fits the predicate."""
        candidate = heads[0] if heads else None
        for _ in range(4):
            if candidate is None:
                break
            found = _resolve(candidate, role, False, self.gazetteer)
            if found is not None and _type_ok(found.type, allowed):
                above = candidate.head.head if candidate.dep_ == "pobj" and candidate.head.lower_ in {"in", "at"} \
                    and found.type in {"City", "Country", "Region", "Place"} and candidate.head.head.pos_ in {"NOUN", "PROPN"} else None
                event = _resolve(above, role, False, self.gazetteer) if above is not None else None
                if event is not None and type_group(event.type) == "Event" and _type_ok(event.type, allowed):
                    # "its summit in Abuja, which was hosted by Nigeria and chaired by Sierra Leone": the
                    # clause is about the event, not the place where it met
                    return conjuncts(above)
                return conjuncts(candidate)
            if candidate.dep_ == "pobj" and candidate.head.dep_ == "prep" and candidate.head.head.pos_ in {"NOUN", "PROPN"}:
                candidate = candidate.head.head
            elif candidate.dep_ in {"dobj", "dative"} and candidate.head.dep_ == "acl" \
                    and candidate.head.head.pos_ in {"NOUN", "PROPN"}:
                # "an amendment giving the observatory a seat in Dakar, which was backed by X": through the
                # participle to the noun it modifies
                candidate = candidate.head.head
            elif candidate.dep_ == "pobj" and candidate.head.dep_ == "prep" and _children(candidate.head.head, {"dobj"}):
                # "establish a centre in Bengaluru, which France will fund": the verb's object
                candidate = _children(candidate.head.head, {"dobj"})[0]
            else:
                break
        return heads

    # -- from frames to relations ----------------------------------------------------------------

    def _relations(self, frame: _Frame, sent: Span, sent_index: int, doc_id: str) -> list[Relation]:
        spec = self.lexicon.predicates[frame.trigger.predicate]
        scope = frame.scope or frame.anchor
        negated = _is_negated(scope, frame.subjects, frame.themes)
        if frame.trigger.noun and any(  # "imposed no restrictions on the UAE": the light noun says no
                c.lemma_.lower() in {frame.trigger.noun, frame.trigger.noun + "s"}
                and any(d.dep_ == "det" and d.lower_ in {"no", "neither"} for d in c.children)
                for c in _children(frame.anchor, {"dobj", "nsubjpass"})):
            negated = True
        if frame.trigger.kind == "noun" and any(d.dep_ == "det" and d.lower_ in {"no", "neither"}
                                                for d in frame.anchor.children):
            negated = True  # "no restrictions on the UAE", "no talks with Iran"
        if frame.trigger.kind == "noun" and frame.anchor.dep_ in {"nsubj", "nsubjpass", "dobj"} \
                and frame.anchor.head.lemma_.lower() in CALLED_OFF_VERBS:
            negated = True  # "her visit to Jordan has been postponed", "cancelled the talks with Iran"
        subjects = list(frame.subjects)
        if any(t.lower_ in NEGATIVE_QUANTIFIERS for t in subjects):
            # "Japan and Canada have both signed; neither has ratified": each of them, negated
            subjects = [a for t in subjects for a in (_quantified_antecedents(t) if t.lower_ in NEGATIVE_QUANTIFIERS else [t])]
            negated = not negated
        # "funded the company alongside Anka Ventures": co-agents
        subjects += [c for prep in _children(frame.anchor, {"prep"}) if prep.lower_ == "alongside"
                     for p in _children(prep, {"pobj"}) for c in conjuncts(p)] if frame.trigger.kind == "verb" \
            and not frame.passive else []
        if frame.trigger.negative:  # "voted against": a stated non-endorsement
            if negated:
                return []  # "did not oppose the text", "did not vote against it": no endorsement either
            negated = True
        if negated and frame.theme_how == "reciprocal" and frame.trigger.noun \
                and frame.trigger.predicate in self._pair_predicates:
            return []  # "Japan and India did not sign the memorandum": no agreement from a refusal
        modality, factor = _modality(scope, sent)
        if spec.present_only and (scope.tag_ in {"VBD", "VBN"} or any(
                a.lower_ in {"had", "did", "was", "were", "used"} for a in _children(scope, {"aux", "auxpass"}))):
            return []  # "worked at X until 2023": a former role is no role
        allow_concepts = spec.concept_objects or "Concept" in spec.object_types
        out = []
        bare: set[str] = set()  # objects that are a lone common noun ("signed the agreement", none named)
        reciprocal = frame.theme_how == "reciprocal"
        offices = sent.doc._.kg_offices or {}
        for s_tok, s_extra in _expand(subjects):
            subj, s_extra = _member_argument(s_tok, s_extra)
            subj = subj or _resolve(s_tok, "subject", False, self.gazetteer)
            if s_extra == "office" and subj is not None:
                subj = offices.get(subj.key)
            if subj is None and frame.subject_how == "modifier" and getattr(mention_at(s_tok), "how", "") == "demonym":
                subj = mention_at(s_tok)  # "the American proposal": the United States proposes
            if subj is not None and spec.author_speaks and type_group(subj.type) == "Document" \
                    and (s_tok.lemma_.lower() in SPEAKING_DOCUMENT_NOUNS or subj.type == "Report"):
                # "the report calls for X": the body that published the report calls for it (a report
                # whose author is not known speaks for no one; a declaration speaks for itself)
                author = self._document_author(s_tok.doc, subj.key)
                subj, s_extra = (author, "author") if author is not None else (None, s_extra)
            if subj is None or not _type_ok(subj.type, spec.subject_types) or subj.type == "Concept":
                continue
            if subj.type == "Person" and frame.trigger.lemma in MEMBERSHIP_VERBS and frame.trigger.predicate != "memberOf":
                continue  # "Johan Dahl will join Fjällmind's board", "before joining the foreign service": a post
            # "endorsed by Lithuania and Ireland, though not by France": a denied agent
            agent_denied = frame.passive and s_tok.dep_ == "pobj" and s_tok.head.lower_ == "by" and (
                any(c.dep_ == "neg" for c in s_tok.head.children)
                or s_tok.head.i > 0 and s_tok.doc[s_tok.head.i - 1].lower_ in {"not", "never"})
            themes = frame.themes
            if spec.clause_objects and frame.theme_how == "clause":
                # "announced that Kenya would set up a centre": the centre (not a clause that denies it)
                themes = [o for c in themes if c.pos_ in {"VERB", "AUX"} and not _children(c, {"neg"})
                          for o in _children(c, {"dobj"})[:1]]
            for o_tok, o_extra in _expand(themes):
                if reciprocal and o_tok.i <= s_tok.i:
                    continue  # "A, B and C compete": A–B, A–C, B–C once each
                if o_tok.lemma_.lower() in {"proposal", "idea", "suggestion"} and mention_at(o_tok) is None \
                        and frame.trigger.predicate != "proposed":
                    proposed = [p for prep in _children(o_tok, {"prep"}) if prep.lower_ == "for" for p in _children(prep, {"pobj"})]
                    if proposed:  # "criticised the American proposal for a trusted AI club": the club
                        o_tok, o_extra = proposed[0], "proposal"
                if o_tok.lemma_.lower() in CREATION_NOUNS and mention_at(o_tok) is None \
                        and frame.trigger.predicate != "established":
                    made = [p for prep in _children(o_tok, {"prep"}) if prep.lower_ == "of" for p in _children(prep, {"pobj"})]
                    if made and _resolve(made[0], "object", allow_concepts, self.gazetteer) is not None:
                        o_tok, o_extra = made[0], "created"  # "proposed the creation of an AI network": the network
                if spec.possessor_objects and o_tok.lemma_.lower() in ACT_ON_TEXT_NOUNS and mention_at(o_tok) is None:
                    texts = [p for prep in _children(o_tok, {"prep"}) if prep.lower_ == "of" for p in _children(prep, {"pobj"})]
                    if texts:  # "welcomed the adoption of the text": the text
                        o_tok, o_extra = texts[0], "possessor"
                owners = [c for c in o_tok.children if c.dep_ == "poss"] or [
                    c for c in o_tok.children if c.dep_ == "compound" and o_tok.tag_ == "NNS"
                    and mention_at(c) is not None and mention_at(c).how != "demonym"
                    and mention_at(c).type in {"Country", "InternationalOrganisation"}]  # "the U.S. sanctions"
                if spec.possessor_objects and o_tok.lemma_.lower() in ATTRIBUTE_NOUNS | EVENT_NOMINALS \
                        and mention_at(o_tok) is None and owners and resolve_token(owners[0]) is not None:
                    o_tok, o_extra = owners[0], "possessor"  # "praised the declaration's commitments"
                elif spec.possessor_objects and o_tok.lemma_.lower() in EVENT_NOMINALS and mention_at(o_tok) is None \
                        and not any(c.dep_ == "poss" or (c.dep_ == "prep" and c.lower_ in {"of", "by", "to", "on"})
                                    for c in o_tok.children) and not self._names_a_text(o_tok):
                    # "welcomed the vote", "criticised the move": what was voted on or moved is not said
                    # here, and guessing a document from the discourse was wrong more often than right;
                    # a release or launch stands for the product just named ("the release was praised")
                    implicit = _discourse_document(frame.anchor, window_sents=2, kinds={"Product"}) \
                        if o_tok.lemma_.lower() in {"release", "launch", "rollout", "debut"} else None
                    if implicit is None:
                        continue
                    o_tok, o_extra = implicit, "implicit"
                elif spec.target_objects and o_tok.lemma_.lower() == "access" and _children(o_tok, {"poss"}):
                    o_tok, o_extra = _children(o_tok, {"poss"})[0], "target"  # "restricting their access to X"
                elif spec.target_objects and mention_at(o_tok) is None and any(
                        a.lemma_.lower() in {"bind", "bound", "destine", "destined", "head"} and a.dep_ == "acl"
                        for c in o_tok.conjuncts + (o_tok,) for a in c.children):
                    # "controls on chips and equipment bound for China": where the goods go is the target
                    targets = [p for c in o_tok.conjuncts + (o_tok,) for a in c.children if a.dep_ == "acl"
                               for prep in _children(a, {"prep"}) if prep.lower_ in {"for", "to"}
                               for p in _children(prep, {"pobj"})]
                    if not targets:
                        continue
                    o_tok, o_extra = targets[0], "target"
                elif spec.target_objects and o_tok.lemma_.lower() in TRADE_FLOW_NOUNS and mention_at(o_tok) is None:
                    targets = [p for head in (o_tok, *o_tok.subtree, frame.anchor) for prep in _children(head, {"prep"})
                               if prep.lower_ in {"to", "from"} or prep.lower_ == "for" and head.lemma_.lower() in {
                                   "bind", "bound", "destined", "headed"}  # "shipments bound for China"
                               for p in _children(prep, {"pobj"})]
                    if targets:  # "restrictions on exports of chipmaking tools to China" → China
                        o_tok, o_extra = targets[0], "target"

                if frame.anchor.lemma_.lower() in {"accuse", "charge"} and any(
                        p.lower_ == "of" for p in _children(o_tok, {"prep"})) and mention_at(o_tok) is None:
                    # "accused the regulator of enforcement by press release": whom, not the charge
                    accused = resolve_token(o_tok)
                    if accused is None or type_group(accused.type) != "Actor":
                        continue
                obj, o_extra = _member_argument(o_tok, o_extra)
                if o_tok.lemma_.lower() in PROPOSAL_NOUNS and mention_at(o_tok) is None and any(
                        c.dep_ == "det" and c.lower_ in {"the", "this", "that"} for c in o_tok.children) \
                        and not any(c.dep_ in {"compound", "amod", "prep", "poss", "relcl", "acl"} for c in o_tok.children):
                    # parallelism: "Germany said it would support a moratorium, while Italy declined to
                    # back the proposal" → the moratorium
                    obj = (o_tok.doc.user_data.get("kg_sentence_objects") or {}).get((sent_index, frame.trigger.predicate))
                if obj is None and o_tok.lemma_.lower() in PROPOSAL_NOUNS:
                    obj = _last_proposal(o_tok, sent_index)
                if obj is None and o_tok.dep_ == "appos" and o_tok.lemma_.lower() in PROPOSAL_NOUNS \
                        and o_tok.head.pos_ in {"NOUN", "PROPN"} and o_tok.head.i < o_tok.i \
                        and getattr(mention_at(o_tok), "label", o_tok.text).lower() == o_tok.lower_:
                    o_tok = o_tok.head  # "a shared register of datasets, a proposal put forward by Senegal"
                if obj is None and o_tok.lemma_.lower() == "round" and getattr(mention_at(o_tok), "how", "description") in {"description", "concept"}:
                    # "the round was funded by X": X funded the company raising it (its own round, which
                    # a company announces, stays the round)
                    owner = _round_owner(o_tok)
                    obj = owner if owner is not None and owner.key != subj.key else None
                if obj is None and o_tok.lower_ == "it" and o_tok.pos_ == "PRON":
                    # parallelism: "Ghana backed the idea, but Egypt declined to endorse it" → the same idea
                    parallel = o_tok.doc.user_data.get("kg_sentence_objects") or {}
                    obj = parallel.get((sent_index, frame.trigger.predicate))
                    if obj is None and _type_ok("Document", spec.object_types):
                        obj = parallel.get((sent_index, "*"))  # the text the sentence already named
                    if obj is None and not set(spec.object_types) & {"Actor", "Any", "Organisation", "Person"}:
                        # "Mexico co-sponsored it": what one signs or backs is a text, the one just discussed
                        text = _discourse_document(frame.anchor, window_sents=3)
                        obj = _resolve(text, "object", False, self.gazetteer) if text is not None else None
                if obj is None and spec.whole_events and not negated:
                    obj = event_of_sitting(o_tok)  # "attended the closing session" → attended the summit
                obj = obj or _resolve(o_tok, "subject" if reciprocal else "object", allow_concepts, self.gazetteer)
                if obj is not None and (obj.how == "concept" and o_tok.pos_ in {"VERB", "AUX"}
                                        or frame.trigger.request and o_tok.pos_ in {"NOUN", "PROPN"}):
                    named = nominal_label(o_tok, self.lexicon.nominalisations)
                    if named == "":
                        continue
                    if named:  # "urged Kenya to ratify the convention": called for its ratification
                        obj = replace(obj, key=entity_key("Concept", named.lower()), label=named, type="Concept",
                                      how="concept")
                if obj is not None and obj.type == "Person" and o_tok.dep_ == "conj" and not reciprocal \
                        and getattr(_resolve(o_tok.head, "object", allow_concepts, self.gazetteer), "type", "") == "Concept":
                    # "warned about "escalating retaliation" …, and its president, Rachel Ortiz, called for
                    # …": a person coordinated after a concept starts a clause the parser lost
                    continue
                if o_extra == "office" and obj is not None:
                    obj = offices.get(obj.key)
                if obj is None or obj.key == subj.key or (not _type_ok(obj.type, spec.object_types)
                                                          and obj.how not in {"proposal", "parallel"}):
                    continue  # (what "the idea" stands for was already accepted as proposable)
                if frame.trigger.negative and type_group(obj.type) == "Concept" and frame.trigger.lemma != "vote":
                    continue  # "rejected the criticism": a denial, not a vote against a text (a vote
                    # is always on a proposal: "voted against the rezoning of the site")
                if not spec.bare_objects and _is_bare_noun(o_tok, obj):
                    bare.add(obj.key)
                how_s = s_extra or frame.subject_how
                confidence = _confidence(how_s, o_extra or frame.theme_how, subj, obj) * factor
                kind = "noun" if frame.trigger.kind == "noun" else ("passive" if frame.passive else "active")
                out.append(_relation(doc_id, sent, sent_index, subj, frame.trigger.predicate, obj,
                                     negated != agent_denied, modality, confidence,
                                     f"{frame.anchor.text} ({frame.trigger})",
                                     f"{kind}:{how_s}/{o_extra or frame.theme_how}"))
                if spec.pair_predicate and not negated and subj.type not in {"Person", "Group"} and (
                        obj.type == "Agreement" or o_tok.lemma_.lower() in PAIR_DOCUMENT_NOUNS):
                    # "Egypt signed an AI partnership with the UAE": the two have an agreement
                    partners = [p for head in (o_tok, frame.anchor) for prep in _children(head, {"prep"})
                                if prep.lower_ == "with" for p in _children(prep, {"pobj"})]
                    for p_tok in partners:
                        partner = _resolve(p_tok, "object", False, self.gazetteer)
                        if partner is not None and type_group(partner.type) == "Actor" \
                                and partner.type not in {"Person", "Group"} and partner.key != subj.key:
                            out.append(_relation(doc_id, sent, sent_index, subj, spec.pair_predicate, partner, False,
                                                 modality, round(confidence * 0.9, 3),
                                                 f"{frame.anchor.text} ({frame.trigger})", f"{kind}:{how_s}/with+pair"))
        out += self._but_not(frame, out, sent, sent_index, doc_id)
        out += self._pair_relations(spec, out)
        # A lone noun no antecedent explains ("the project", "an agreement") says which kind of thing,
        # not which thing: the fact would join every unnamed agreement in one node. Its parties still
        # stand in the pair predicate ("Japan and Australia signed an agreement" → agreementWith).
        return [r for r in out if r.object not in bare or r.predicate != frame.trigger.predicate]

    def _but_not(self, frame: _Frame, out: list[Relation], sent: Span, sent_index: int,
                 doc_id: str) -> list[Relation]:
        """"invited India and Brazil, but not China": a name denied beside the verb takes the place of
        the argument of its kind, the object when the objects are actors ("invited … not China"), else
        the subject ("China signed the treaty, but not India")."""
        if frame.trigger.kind != "verb" or not out:
            return []
        extra = []
        for noun in frame.anchor.children:
            if noun.dep_ != "conj" or noun.pos_ not in {"PROPN", "NOUN"} or not any(
                    c.dep_ == "neg" or c.lower_ == "not" for c in noun.children):
                continue
            denied = _resolve(noun, "object", False, self.gazetteer)
            if denied is None or type_group(denied.type) != "Actor":
                continue
            template = out[0]
            if type_group(template.object_type) == "Actor":
                r = replace(template, object=denied.key, object_label=denied.label, object_type=denied.type,
                            object_how=denied.how, negated=True, rule=template.rule + "+but-not")
            else:
                r = replace(template, subject=denied.key, subject_label=denied.label, subject_type=denied.type,
                            subject_how=denied.how, negated=True, rule=template.rule + "+but-not")
            if r.subject != r.object:
                extra.append(r)
        return extra

    def _document_author(self, doc: Doc, key: str) -> EntityMention | None:
        """Who wrote or published a document, where the article says so: "a report released by X",
        "a study by X", "X's report", "X published the report"."""
        authors = doc.user_data.get("kg_document_authors")
        if authors is None:
            authors = doc.user_data["kg_document_authors"] = {}
            verbs = {t.lemma for t in self.lexicon.predicates["released"].triggers if t.kind == "verb"} \
                if "released" in self.lexicon.predicates else set()
            verbs |= AUTHORING_VERBS
            for token in doc:
                if token.pos_ not in {"NOUN", "PROPN"}:
                    continue
                document = resolve_token(token)
                if document is None or type_group(document.type) != "Document" or document.key in authors:
                    continue
                candidates = [p for c in token.children if c.dep_ == "acl" and c.lemma_.lower() in verbs
                              for a in _children(c, {"agent"}) for p in _children(a, {"pobj"})]
                candidates += [p for prep in _children(token, {"prep"}) if prep.lower_ == "by"
                               for p in _children(prep, {"pobj"})]
                candidates += _children(token, {"poss"})
                if token.dep_ in {"dobj"} and token.head.lemma_.lower() in verbs:
                    candidates += _children(token.head, SUBJECT_DEPS)
                if token.dep_ in PASSIVE_SUBJECT_DEPS and token.head.lemma_.lower() in verbs:
                    candidates += [p for a in _children(token.head, {"agent"}) for p in _children(a, {"pobj"})]
                for candidate in candidates:
                    author = resolve_token(candidate)
                    if author is not None and type_group(author.type) == "Actor" and author.type != "Group":
                        authors[document.key] = author
                        break
        return authors.get(key)

    def _pair_relations(self, spec, out: list[Relation]) -> list[Relation]:
        """Two parties that sign one agreement have an agreement with each other (the lexicon's
        ``pair_predicate``): "Greece and Saudi Arabia signed a memorandum" → agreementWith."""
        if not spec.pair_predicate:
            return []
        by_object: dict[str, list[Relation]] = {}
        for r in out:
            if r.negated or r.subject_type == "Person":
                continue  # no agreement from a refusal, and parties are states and bodies, not their signatories
            if r.object_type == "Agreement" or r.object_label.split()[0].lower() in PAIR_DOCUMENT_NOUNS:
                by_object.setdefault(r.object, []).append(r)
        pairs = []
        for rels in by_object.values():
            parties = {r.subject: r for r in rels if type_group(r.subject_type) == "Actor" and r.subject_type != "Group"}
            if len(parties) == 2:  # bilateral only: a multilateral text makes no pairwise deals
                a, b = parties.values()
                pairs.append(replace(a, predicate=spec.pair_predicate, object=b.subject, object_label=b.subject_label,
                                     object_type=b.subject_type, object_how=b.subject_how,
                                     rule=a.rule + "+pair", confidence=round(min(a.confidence, b.confidence) * 0.9, 3)))
        return pairs

    # -- roles ---------------------------------------------------------------------------------------

    def _roles(self, sent: Span, sent_index: int, doc_id: str) -> list[Relation]:
        """officialOf / affiliatedWith / memberOf from the titles around a name:

        - before it: "Chinese President Xi Jinping", "Dutch trade minister Pieter van Aalst";
        - in apposition: "Karen Holt, a deputy US representative", "Brazil's ambassador to the United
          Nations, Sérgio Almeida Prado", "Yi Zeng, an AI researcher at the Chinese Academy of Sciences";
        - possessive: "OpenAI's Sam Altman".

        An ambassador or envoy *to* an organisation is not its official, so "to" phrases are skipped.
        """
        out = []
        doc = sent.doc
        seen: set[tuple[str, str, str]] = set()  # (person, holder, predicate)
        for person in doc._.kg_mentions or []:
            if person.type != "Person" or not (sent.start <= person.start < sent.end) \
                    or person.how not in {"ner", "gazetteer", "surname"}:
                continue
            head = doc[person.end - 1]
            # a title before a name ends at another person's name: in "Korean Minister Yoon Ji-hye and
            # Philippine Secretary Ramon Villacorta" parsed as one phrase, Villacorta's title is
            # "Philippine Secretary" only
            theirs: set[int] = set()  # the other people's names and the titles right before them
            for other in doc._.kg_mentions or []:
                if other.type == "Person" and other.key != person.key and sent.start <= other.start \
                        and other.end <= person.start:
                    begin = other.start
                    while begin > sent.start and (doc[begin - 1].pos_ in {"PROPN", "NOUN", "ADJ", "CCONJ"}
                                                  or doc[begin - 1].text == "-"):
                        begin -= 1
                    theirs.update(range(begin, other.end))
            # and a title is its nearest name's: "Canada's minister, Priya Raghunathan, and the UAE's
            # minister, Khalid Al Mansoori" (however parsed) gives Al Mansoori no Canadian office
            cutoff = max((m.end for m in doc._.kg_mentions or [] if m.type == "Person" and m.key != person.key
                          and sent.start <= m.start and m.end <= person.start), default=-1)
            phrases = list(self._title_phrases(person, head))
            titled_before = any(phrase and max(t.i for t in phrase) < person.start
                                and any(self.gazetteer.titles.kind(t.text) for t in phrase) for phrase, _ in phrases)
            for phrase, rule in phrases:
                if titled_before and phrase and min(t.i for t in phrase) > person.end and self._names_next(phrase, doc):
                    continue  # "A's minister, NAME1, B's minister, NAME2": the second title is NAME2's
                phrase = [t for t in phrase if t.i not in theirs and (
                    t.i >= cutoff or t.i > person.start or rule in {"role:group", "role:list"})]
                # ("officials, including A and B", "ministers: A of X, B of Y": the group's title is each one's)
                kinds = set().union(*(self.gazetteer.titles.kind(t.text) for t in phrase)) if phrase else set()
                roots = [t for t in phrase if t.head not in phrase or t.head == t]
                if roots and roots[0].lemma_.lower() == "deputy" and roots[0].pos_ == "NOUN":
                    kinds = {"membership"}  # "a Civic Union deputy": a member of parliament for that party
                elif "membership" in kinds and any(
                        "membership" in self.gazetteer.titles.kind(t.text) and t.i > 0
                        and self.gazetteer.titles.kind(t.nbor(-1).text) == {"government"} for t in phrase):
                    kinds = kinds - {"membership"}  # "Minister Delegate for Digital Affairs": one office
                if not kinds or any(t.lower_ in PAST_ROLE_WORDS for t in phrase):
                    continue  # "a former researcher at …": a past role is not a role
                title_text = " ".join(t.text for t in sorted(phrase, key=lambda t: t.i))[:80]
                holders = self._role_holders(phrase, person)
                if not holders and any(t.lower_ in COMPANY_ONLY_TITLES for t in phrase) and not any(
                        mention_at(t) is not None or t.dep_ == "poss" and t.pos_ == "PROPN" for t in phrase):
                    # (not "Veriyol's chief executive", a name the NER missed: that firm's, not the story's)
                    # "Chief executive Layla Al-Mansouri said": of the company the story is about
                    holders = [f for f in [story_entity(doc, person.start, lambda m: m.type == "Company",
                                                        window_sents=2)] if f is not None]
                if not holders and "government" in kinds and not any(t.lower_ in COMPANY_ONLY_TITLES for t in phrase) \
                        and not any(t.lemma_.lower() in SUBNATIONAL_NOUNS and t.dep_ == "poss" for t in phrase):
                    # (not "the province's technology minister": an office of the province)
                    # "In Islamabad, the foreign office spokesperson, Saima Qureshi": where the sentence
                    # is set; else "the Minister for Enterprise, Declan Furlong" in a story about Ireland
                    first = min(t.i for t in phrase) if phrase else person.start
                    holders = [c for c in [_setting_country(sent, self.gazetteer, first)
                                           or _setting_country(sent, self.gazetteer)] if c is not None]
                    if not holders and self._home_office(phrase):
                        # (not a title the NER or the parse qualified: "Dutch Economic Affairs Minister")
                        begin = first
                        while begin > sent.start and (doc[begin - 1].pos_ in {"PROPN", "NOUN", "ADJ", "CCONJ"}
                                                      or doc[begin - 1].text == "-"):
                            begin -= 1  # the whole title: "Indonesian Communications and Digital Affairs Minister"
                        # (a portfolio's words are no holder: "Minister of State for Digital Affairs"; the
                        # words before the name, or a title in apposition with all it says: "Zhang Ruiqing,
                        # China's vice-minister", "an undersecretary at the Philippine Department of …")
                        qualifiers = doc[begin:person.start] if begin < person.start else \
                            doc[person.end:max(t.right_edge.i for t in phrase) + 1]
                        qualified = any(t.ent_type_ in {"NORP", "GPE", "LOC"} or mention_at(t) is not None
                                        and not _in_portfolio(t)
                                        or self.gazetteer.country_of_demonym(t.text) is not None
                                        for t in qualifiers)
                        home = None if qualified else _story_state(doc, person.start)
                        holders = [home] if home is not None else []
                if len(holders) >= 2 and all(h.type == "Country" for h in holders):
                    # "his Latvian and Lithuanian counterparts, Ilze Kalnina and Tomas Petrauskas": respectively
                    names = sorted((t for t in conjuncts(head) if getattr(mention_at(t), "type", "") == "Person"),
                                   key=lambda t: t.i)
                    if len(names) == len(holders) and head in names:
                        holders = [sorted(holders, key=lambda h: h.start)[names.index(head)]]
                for org in holders:
                    predicate = self._role_predicate(kinds, org, phrase)
                    if predicate and (person.key, org.key, predicate) not in seen:
                        seen.add((person.key, org.key, predicate))
                        out.append(_relation(doc_id, sent, sent_index, person, predicate, org, False,
                                             "asserted", 0.8 if rule == "role:title" else 0.75, title_text, rule))
            for prep in head.children:  # "Dr Amara Fofana of Stockholm University"
                if prep.dep_ == "prep" and prep.lower_ == "of" and prep.i == person.end:
                    for pobj in _children(prep, {"pobj"}):
                        org = _resolve(pobj, "object", False, self.gazetteer)
                        if org is None or type_group(org.type) != "Actor" or org.type in {"Person", "Group"}:
                            continue
                        if org.type in {"Country", "Region"} and org.how != "metonymy" \
                                and not _government_titled(doc, person, self.gazetteer):
                            continue  # "Zhang of China" says where from; "foreign minister Ana Gil of Chile" whom for
                            # ("Senator Ray Castellano of Texas": where from, too)
                        title, _ = title_before(doc[person.start], self.gazetteer)
                        membership = any("membership" in self.gazetteer.titles.kind(w) for w in title.split())
                        predicate = "officialOf" if org.type in {"Country", "Region", "GovernmentBody",
                                                                 "InternationalOrganisation"} \
                            else "memberOf" if _is_party(org) or membership \
                            else "affiliatedWith"  # ("MEP Siobhán Keane of the Greens/EFA group": a member)
                        if (person.key, org.key, predicate) not in seen:
                            seen.add((person.key, org.key, predicate))
                            out.append(_relation(doc_id, sent, sent_index, person, predicate, org, False,
                                                 "asserted", 0.7, f"of {pobj.text}", "role:of"))
            for child in head.children:  # "OpenAI's Sam Altman"
                if child.dep_ == "poss":
                    org = resolve_token(child)
                    if org is not None and type_group(org.type) == "Actor" \
                            and org.type not in {"Person", "Country", "Group"} and (org.key, "affiliatedWith") not in seen:
                        seen.add((org.key, "affiliatedWith"))
                        out.append(_relation(doc_id, sent, sent_index, person, "affiliatedWith", org, False,
                                             "asserted", 0.75, f"{child.text}'s", "role:possessive"))
        return out

    @staticmethod
    def _shared_party(name: Token) -> EntityMention | None:
        """The party or group that "both of"/"all of" in apposition to a coordination of people names:
        "Senators A and B, both of the Institutional Revolutionary Party" (a party, by the head of its name)."""
        first = name
        while first.dep_ == "conj" and first.head != first:
            first = first.head
        if first is name and not first.conjuncts:
            return None
        for quantifier in _children(first, {"appos"}):
            if quantifier.lower_ not in {"both", "all", "each"}:
                continue
            for prep in _children(quantifier, {"prep"}):
                party = mention_at(_children(prep, {"pobj"})[0]) if prep.lower_ == "of" and _children(prep, {"pobj"}) \
                    else None
                if party is not None and party.type == "Organisation" and name_head(party.label) in PARTY_NAME_HEADS:
                    return party
        return None

    def _party_labels(self, sent: Span, sent_index: int, doc_id: str) -> list[Relation]:
        """memberOf a US party from the news' own notation: "Sen. Thomas Raleigh (R-Texas)", "Rep. Luis
        Echeverría, DFL-Minneapolis," and "Senator Ruth Alvarez, a Democrat who …", "an Ohio Republican"."""
        doc = sent.doc
        out = []
        for person in doc._.kg_mentions or []:
            if person.type != "Person" or not (sent.start <= person.start < sent.end):
                continue
            after = [t for t in doc[person.end:min(person.end + 4, sent.end)]]
            letter = None
            if len(after) >= 3 and after[0].text in {"(", ","} and after[1].text in PARTY_LETTERS \
                    and after[2].text in {"-", "–"}:
                letter = after[1].text  # "(R-Texas)", ", D-Md.,"
            elif len(after) >= 2 and after[0].text in {"(", ","} and re.fullmatch(r"[RD]-[A-Z][\w.]*", after[1].text):
                letter = after[1].text[0]  # tokenised as one: "(R-Ohio)"
            party_nouns = [c for c in doc[person.end - 1].children if c.dep_ == "appos"
                           and c.lemma_.lower() in PARTY_NOUNS and not any(d.lower_ == "former" for d in c.children)
                           and not any(d.dep_ in {"amod", "compound"} and d.is_title and d.i == c.i - 1
                                       and getattr(mention_at(d), "type", "") not in {"Country", "Region", "City", "Place"}
                                       and not self.gazetteer.is_region(d.text)
                                       for d in c.children)]
            # (a Liberal, Social or Christian Democrat is not of the US party; an Oregon Democrat is)
            key = PARTY_LETTERS.get(letter) if letter else PARTY_NOUNS.get(party_nouns[0].lemma_.lower()) if party_nouns else None
            if key is None and len(after) >= 4 and after[0].text == "(" and after[2].text == "," \
                    and mention_at(after[1]) is not None and mention_at(after[1]).type == "Organisation" \
                    and mention_at(after[1]).how == "gazetteer" and re.fullmatch(r"[A-Z]{2}", doc[after[2].i + 1].text):
                # the European Parliament's notation: "Helena Marquardt (EPP, DE)": her political group
                key, letter = mention_at(after[1]).key, after[1].text
            party = self.gazetteer.entries.get(key) if key else None
            shared = self._shared_party(doc[person.end - 1]) if party is None else None
            if shared is not None:  # "Senators A and B, both of the Institutional Revolutionary Party"
                out.append(_relation(doc_id, sent, sent_index, person, "memberOf", shared, False, "asserted", 0.75,
                                     "both of", "membership:both-of"))
                continue
            if party is not None:
                out.append(_relation(doc_id, sent, sent_index, person, "memberOf",
                                     EntityMention(person.start, person.end, party.key, party.label, party.type, "gazetteer"),
                                     False, "asserted", 0.8, letter or party_nouns[0].text, "membership:party"))
            elif person.how in {"ner", "gazetteer", "surname"}:
                named = self._party_before_legislator(doc, person)
                if named is not None:
                    party, words = named
                    out.append(_relation(doc_id, sent, sent_index, person, "memberOf", party, False, "asserted",
                                         0.75, words, "membership:party-title"))
        return out

    @staticmethod
    def _names_next(phrase: list[Token], doc: Doc) -> bool:
        """Whether a title phrase after a name is followed, after a comma, by another person's name
        (a list of "title, name" pairs), so that it is that person's title."""
        words = [t.i for t in phrase if not t.is_punct]
        if not words:
            return False
        end = max(words) + 1
        while end < len(doc) and end - max(t.i for t in phrase) <= 4 and doc[end].text != "," and (
                doc[end].is_title or doc[end].is_upper or doc[end].lower_ in {"and", "of", "for", "the"}):
            end += 1  # (the rest of the title: "Minister of ICT *and Innovation*")
        if end + 1 >= len(doc) or doc[end].text != ",":
            return False
        following = mention_at(doc[end + 1])
        return following is not None and following.type == "Person" and following.start == end + 1

    def _party_before_legislator(self, doc: Doc, person: EntityMention) -> tuple[EntityMention, str] | None:
        """The party a legislator's title names: "Labour MP Helen Crawford", "Greens senator Mara
        Kellett", "Helen Crawford, the Labour MP who …": capitalised words before the legislator noun
        that name no place, nationality or title."""
        nouns = []
        if person.start >= 1 and doc[person.start - 1].lower_ in LEGISLATOR_NOUNS:
            nouns.append(doc[person.start - 1])  # "Labour MP Helen Crawford"
        nouns += [c for c in doc[person.end - 1].children if c.dep_ == "appos" and c.lower_ in LEGISLATOR_NOUNS]
        if doc[person.end - 1].dep_ == "appos" and doc[person.end - 1].head.lower_ in LEGISLATOR_NOUNS:
            nouns.append(doc[person.end - 1].head)  # "a Law and Justice MP, Adam Nowak,"
        for noun in nouns:
            words: list[Token] = []
            k = noun.i - 1
            while k >= 0 and (doc[k].is_title or doc[k].is_upper or (doc[k].lower_ == "and" and words)) \
                    and not doc[k].is_punct and doc[k].pos_ in {"PROPN", "ADJ", "NOUN", "CCONJ"}:
                word = doc[k]
                place = mention_at(word)
                if place is not None and place.type != "Organisation" and place.type != "Legislature" \
                        or self.gazetteer.country_of_demonym(word.text) is not None \
                        or (self.gazetteer.titles.kind(word.text) and word.lower_ not in {"national"}):
                    break  # "Kenyan senator", "Texas senator", "Deputy Senator"
                if word.lower_ in NOT_PARTY_WORDS or word.i == word.sent.start and word.pos_ != "PROPN" \
                        and word.ent_type_ not in {"NORP", "ORG"} and word.lemma_.lower() not in PARTY_NOUNS:
                    if words:
                        break
                    k -= 1  # ("Green National Councillor": a chamber's word inside the title)
                    continue
                words.insert(0, word)
                k -= 1
            while words and words[0].lower_ == "and":
                words.pop(0)
            if not words:
                continue
            label = " ".join(w.text for w in words)
            key = PARTY_NOUNS.get(words[-1].lemma_.lower()) if len(words) == 1 else None
            entry = self.gazetteer.entries.get(key) if key else self.gazetteer.lookup(label)
            if entry is not None and entry.type in {"Country", "Region", "City", "Place"} or self.gazetteer.is_region(label):
                continue  # ("Kocaeli MP": the province one sits for)
            if entry is not None and entry.type not in {"Organisation"}:
                entry = None  # "Congress MLA": India's Congress party, not the US Congress the name also is
            party = EntityMention(words[0].i, words[-1].i + 1, entry.key, entry.label, entry.type, "gazetteer") \
                if entry is not None else EntityMention(words[0].i, words[-1].i + 1, entity_key("Organisation", label),
                                                        label, "Organisation", "party")
            return party, f"{label} {noun.text}"
        return None

    def _memberships(self, sent: Span, sent_index: int, doc_id: str) -> list[Relation]:
        """memberOf from "member" nouns that are not titles of a person:

        - apposition: "Laos and Cambodia, both members of ASEAN";
        - copula, also negated and in relative clauses: "Brazil, which is not a member of the OECD";
        - becoming: "Timor-Leste, which became the bloc's 11th member";
        - the members listed: "Mercosur's four founding members, Brazil, Argentina, Uruguay and Paraguay".
        """
        out = self._party_labels(sent, sent_index, doc_id)
        for noun in sent:
            if noun.pos_ != "NOUN" or noun.lemma_.lower() != "member":
                continue
            org_tokens = [c for prep in _children(noun, {"prep"}) if prep.lower_ == "of" for p in _children(prep, {"pobj"})
                          for c in conjuncts(p)]  # ("members of BRICS and the G20")
            org_tokens += _children(noun, {"poss"})
            orgs = [o for o in (_resolve(t, "object", False, self.gazetteer) for t in org_tokens) if o is not None
                    and type_group(o.type) == "Actor" and o.type not in {"Person", "Country", "Group"}]
            if not org_tokens:  # "Poland became a member in May": of the body under discussion
                body = _discourse_body(noun)
                orgs = [body] if body is not None else []
            if not orgs:
                continue
            negated, rule = False, "membership:apposition"
            if noun.dep_ == "appos":
                members = conjuncts(noun.head)
                # "Russia, no longer a member of …", "Serbia, not a member": the words before the apposition
                lead = [t.lower_ for t in noun.doc[noun.head.i + 1:noun.left_edge.i] if not t.is_punct]
                negated = bool({"not", "never"} & set(lead)) or "no longer" in " ".join(lead)
            elif noun.dep_ == "attr" and noun.head.lemma_.lower() in {"be", "become", "remain"}:
                verb = noun.head
                subjects = _children(verb, SUBJECT_DEPS)
                if not subjects:
                    continue
                subject = subjects[0]
                members = _relative_heads(verb) if subject.lower_ in RELATIVE_PRONOUNS \
                    and verb.dep_ == "relcl" else conjuncts(subject)
                negated = any(c.lower_ in {"no", "never"} for c in noun.children) \
                    or _is_negated(verb, subjects, [noun])  # (also "is no longer a member", "has never been")
                rule = "membership:copula"
            elif noun.tag_ == "NNS" and _children(noun, {"appos"}):
                # "Mercosur's four founding members, Brazil, Argentina, Uruguay and Paraguay, …"
                members = [t for a in _children(noun, {"appos"}) for t in conjuncts(a)]
            else:
                continue
            for m_tok, _ in _expand(members):
                member = _resolve(m_tok, "subject", False, self.gazetteer)
                if member is None or type_group(member.type) != "Actor" or member.type == "Person":
                    continue
                for org in orgs:
                    if org.key != member.key:
                        out.append(_relation(doc_id, sent, sent_index, member, "memberOf", org, negated,
                                             "asserted", 0.8, noun.text, rule))
        return out

    def _delegation_heads(self, sent: Span, sent_index: int, doc_id: str) -> list[Relation]:
        """officialOf from who leads a state's delegation: "Indonesia's delegation was led by Bambang
        Wicaksono", "a Chinese delegation headed by Vice Minister Li Wei"."""
        out = []
        for verb in sent:
            if verb.lemma_.lower() not in {"lead", "head"} or not is_passive(verb):
                continue
            delegation = _passive_theme_tokens(verb)[0][:1]
            if not delegation or _noun_lemma(delegation[0]) not in DELEGATION_NOUNS:
                continue
            states = [m for m in (mention_at(c) or _resolve(c, "subject", False, self.gazetteer)
                                  for c in delegation[0].children if c.dep_ in {"poss", "amod", "compound"})
                      if m is not None and m.type == "Country"]
            if not states:
                continue
            state = states[0]
            if state.how == "demonym":  # "a Chinese delegation": China
                entry = self.gazetteer.entries.get(state.key)
                state = EntityMention(state.start, state.end, state.key, entry.label if entry else state.label,
                                      "Country", "demonym")
            for agent in _by_agents(verb):
                person = _resolve(agent, "subject", False, self.gazetteer)
                if person is not None and person.type == "Person":
                    out.append(_relation(sent.doc._.kg_doc_id or doc_id, sent, sent_index, person, "officialOf", state,
                                         False, "asserted", 0.75, verb.text, "role:delegation"))
        return out

    def _inclusions(self, sent: Span, sent_index: int, doc_id: str) -> list[Relation]:
        """memberOf from a body's membership listed with "include": "the International Network of AI
        Safety Institutes, a group that also includes the United States and Kenya"; "a Washington
        industry group whose members include Rivermont Devices"."""
        out = []
        for noun in sent:
            # "the Quad, a grouping of Australia, India, Japan and the United States": its members
            if noun.dep_ != "appos" or noun.lemma_.lower() not in MEMBERSHIP_NOUNS or mention_at(noun) is not None:
                continue
            body = _resolve(noun.head, "subject", False, self.gazetteer)
            if body is None or type_group(body.type) != "Actor" or body.type in {"Person", "Country", "Group"}:
                continue
            for prep in _children(noun, {"prep"}):
                if prep.lower_ != "of":
                    continue
                for pobj in _children(prep, {"pobj"})[:1]:
                    for m_tok, _ in _expand(conjuncts(pobj)):
                        member = _resolve(m_tok, "object", False, self.gazetteer)
                        if member is not None and type_group(member.type) == "Actor" and member.type not in {
                                "Person", "Group"} and member.key != body.key and member.how in NAMING_HOWS \
                                and member.label[:1].isupper():  # (not "of NGOs", a class the NER took for a name)
                            out.append(_relation(doc_id, sent, sent_index, member, "memberOf", body, False,
                                                 "asserted", 0.75, f"{noun.text} of", "membership:apposition"))
        for verb in sent:
            lemma = verb.lemma_.lower()
            listing = lemma in GATHERING_VERBS and (lemma != "bring" or any(
                c.lower_ == "together" for c in verb.children if c.dep_ in {"advmod", "prt"}))
            if lemma not in {"include", "be"} and not listing or verb.tag_ in {"VBG", "VBN"}:
                continue
            subjects = _children(verb, SUBJECT_DEPS)
            if not subjects:
                continue
            subj = subjects[0]
            owners = [c for c in subj.children if c.dep_ == "poss" and c.lower_ != "whose"]
            if lemma == "be" or listing:
                # "RheinAI's members are A, B and C" (a copula: the list is its attribute); "the IberIA
                # consortium brings together / comprises A, B and C" (a body of members, by its head)
                if lemma == "be":
                    body_token = owners[0] if subj.lemma_.lower() == "member" and subj.tag_ == "NNS" and owners else None
                    listed = _children(verb, {"attr"})[:1]
                else:
                    body_token = subj if _noun_lemma(subj) in MEMBERSHIP_NOUNS else None
                    listed = _children(verb, {"dobj"})[:1]
                if body_token is None or not listed or any(c.dep_ == "neg" for c in verb.children):
                    continue
                body = _resolve(body_token, "subject", False, self.gazetteer)
                if body is None or type_group(body.type) != "Actor" or body.type in {"Person", "Country", "Group"}:
                    continue
                for m_tok, _ in _expand(conjuncts(listed[0])):
                    member = _resolve(m_tok, "object", False, self.gazetteer)
                    if member is not None and type_group(member.type) == "Actor" and member.type != "Person" \
                            and member.key != body.key and member.how in NAMING_HOWS:
                        out.append(_relation(doc_id, sent, sent_index, member, "memberOf", body, False,
                                             "asserted", 0.75, verb.text, "membership:listed"))
                continue
            if verb.dep_ != "relcl" and subj.lemma_.lower() == "signatory" and subj.tag_ == "NNS":
                # "Signatories include A, B and C": each signed the text under discussion (its own, if named:
                # "signatories of the Lima Accord include …")
                named = [p for prep in _children(subj, {"prep"}) if prep.lower_ in {"of", "to"}
                         for p in _children(prep, {"pobj"})]
                if named:
                    document = _resolve(named[0], "object", False, self.gazetteer)
                else:  # the text the story is about: the one it has named most often so far
                    _discourse_document(verb)  # (resolves the descriptions before it)
                    seen: dict[str, list[EntityMention]] = {}
                    for m in sent.doc._.kg_mentions or []:
                        if story_start(sent.doc, verb.i) <= m.start < verb.i and type_group(m.type) == "Document":
                            seen.setdefault(m.key, []).append(m)
                    document = max((ms[-1] for ms in seen.values()), default=None,
                                   key=lambda m: (len(seen[m.key]), m.start))
                if document is None or type_group(document.type) != "Document":
                    continue
                for obj in _children(verb, {"dobj"})[:1]:
                    for m_tok, _ in _expand(conjuncts(obj)):
                        member = _resolve(m_tok, "subject", False, self.gazetteer)
                        if member is not None and type_group(member.type) == "Actor" and member.type != "Group":
                            out.append(_relation(doc_id, sent, sent_index, member, "signed", document, False,
                                                 _modality(verb, sent)[0], 0.75, verb.text, "membership:signatories"))
                continue
            if verb.dep_ != "relcl" and subj.lemma_.lower() == "member" and subj.tag_ == "NNS" and owners:
                # "Its members include A, B and C": the members of the body "its" refers to
                body = _resolve(owners[0], "subject", False, self.gazetteer)
            elif verb.dep_ == "relcl" and (subj.lower_ in {"that", "which"} or subj.lemma_.lower() == "member"
                                           and any(c.lower_ == "whose" for c in subj.children)):
                body = _resolve(_relative_head(verb), "subject", False, self.gazetteer)
            else:
                continue
            if body is None or type_group(body.type) != "Actor" or body.type in {"Person", "Country", "Group", "Legislature"} \
                    or body.type == "Company" and body.how not in NAMING_HOWS:
                continue  # a body with members, not a delegation, a package or a list (whatever type its
                # name suggested: "the Silicon Trade Council", "the Visegrad Group"; not a firm "the
                # consortium" was taken to refer to)
            for obj in _children(verb, {"dobj"})[:1]:
                for m_tok, _ in _expand(conjuncts(obj)):
                    member = _resolve(m_tok, "object", False, self.gazetteer)
                    if member is not None and type_group(member.type) == "Actor" and member.type != "Person" \
                            and member.key != body.key:
                        out.append(_relation(doc_id, sent, sent_index, member, "memberOf", body, False,
                                             "asserted", 0.75, verb.text, "membership:includes"))
        return out

    def _title_phrases(self, person: EntityMention, head: Token) -> Iterator[tuple[list[Token], str]]:
        doc = head.doc
        name = set(range(person.start, person.end))
        before = [t for c in head.lefts if c.dep_ in {"compound", "amod", "nmod", "poss"} and c.i not in name
                  for t in c.subtree if t.i not in name]
        _, modifiers = title_before(doc[person.start], self.gazetteer)
        yield sorted(set(before) | set(modifiers) | _title_words_before(doc[person.start]), key=lambda t: t.i), \
            "role:title"
        for child in head.children:
            if child.dep_ == "appos" and not _titles_a_name_after(child, name):
                yield _phrase(child, name), "role:apposition"
                for other in child.conjuncts:  # "…, a professor at X and a researcher at Mila"
                    if other.i > child.i and other.pos_ == "NOUN" and self.gazetteer.titles.kind(other.text):
                        yield _phrase(other, name), "role:apposition"
        # "X, who is now its chief technology officer", "X is a senior fellow at Y": a title by copula
        # in the present; "X, who heads the OECD's AI policy unit": heading a part of a body
        clauses = [c for c in head.children if c.dep_ == "relcl" and c.left_edge.i <= person.end + 1]
        if head.dep_ in SUBJECT_DEPS:
            clauses.append(head.head)
        for verb in clauses:
            if verb.tag_ in {"VBD", "VBN"} or any(a.tag_ == "VBD" or a.lower_ in {"will", "would", "had"}
                                                  for a in _children(verb, {"aux"})):
                continue  # "who was its director", "who will head": not a role now
            lemma = verb.lemma_.lower()
            if lemma in {"be", "remain"}:
                for attr in _children(verb, {"attr"}):
                    if attr.pos_ == "NOUN" and self.gazetteer.titles.kind(attr.text):
                        yield _phrase(attr, name), "role:copula"
            elif lemma in HEADING_VERBS and verb.dep_ == "relcl":
                for obj in _children(verb, {"dobj"}):
                    yield [verb, *[t for t in obj.subtree if t.i not in name]], "role:heads"
        before_comma = comma_title_before(doc, person.start, self.gazetteer)
        if before_comma:  # "Japan's vice-minister of economy, trade and industry, Kenji Moriyama"
            yield before_comma, "role:apposition"
        if head.dep_ in {"nmod", "compound"} and head in _name_before_comma(head.head) \
                and self.gazetteer.titles.kind(head.head.text):
            title = head.head  # "Park Sung-min, chief executive of Daon": see _name_before_comma
            yield [t for t in _phrase(title, name) if t.i > head.i], "role:apposition"
        if head.dep_ == "conj":  # "Greece's Minister of Digital Governance, Eleni Markou,": see _misparsed_apposition
            title = next((a for a in head.ancestors if a.dep_ != "conj" and a.pos_ in {"NOUN", "PROPN"}
                          and self.gazetteer.titles.kind(a.text) and head in _misparsed_apposition(a)), None)
            if title is not None:
                yield [t for t in _phrase(title, name) if t.i < head.left_edge.i], "role:apposition"
        if head.dep_ == "appos" and mention_at(head.head) is None:
            title = head.head
            yield [t for t in _phrase(title, name) if t.i < head.i], "role:apposition"
        listed = head
        while listed.dep_ == "conj" and listed.head.i < listed.i:
            listed = listed.head
        if listed.dep_ == "appos" and listed.head.tag_ == "NNS" and mention_at(listed.head) is None \
                and self.gazetteer.titles.kind(listed.head.lemma_):
            # "the three countries' digital ministers: Kadri Tamm of Estonia, Jānis Ozoliņš of Latvia …":
            # each name's own "of"/"from" country under the list's plural title
            for prep in _children(head, {"prep"}):
                countries = [p for p in _children(prep, {"pobj"}) if getattr(mention_at(p), "type", "") == "Country"]
                if prep.lower_ in {"of", "from"} and countries:
                    yield [listed.head, prep, *head.doc[countries[0].left_edge.i:countries[0].i + 1]], "role:list"
        # "Chinese Ambassador to the UN Fu Cong": the name ends a title's "to" phrase
        if head.dep_ == "pobj" and head.head.dep_ == "prep" and head.head.head.pos_ in {"NOUN", "PROPN"} \
                and self.gazetteer.titles.kind(head.head.head.text):
            title = head.head.head
            yield [t for c in title.lefts for t in c.subtree] + [title], "role:title"
        # "Senior Chinese officials, including Premier Li Qiang": the group's country, the person's title
        top = head
        while top.dep_ == "conj":
            top = top.head
        if top.dep_ == "pobj" and top.head.lower_ in {"including", "like"} and top.head.head.pos_ in {"NOUN", "PROPN"}:
            group = top.head.head
            own = [t for c in head.lefts if c.i not in name for t in c.subtree]
            yield own + [t for c in group.lefts for t in c.subtree] + [group], "role:group"

    def _home_office(self, phrase: list[Token]) -> bool:
        """A title that can only be an office of a state ("Economics Minister", "the Cabinet Secretary
        for ICT"), with no word in it that names another holder or makes it a party post."""
        if any(mention_at(t) is not None and not _in_portfolio(t) or t.lower_ in PARTY_POST_WORDS
               or t.tag_ in {"PRP$", "WP$"} for t in phrase):
            return False  # (a name in the portfolio is not another holder: "for Digital Affairs")
        return any(t.lower_ in STATE_OFFICE_TITLES and not (t.i + 2 < len(t.doc) and t.nbor(1).text == "-"
                                                              and t.nbor(2).lower_ == "general") for t in phrase)

    def _role_holders(self, phrase: list[Token], person: EntityMention) -> list[EntityMention]:
        found: dict[str, EntityMention] = {}
        for token in phrase:
            if any(a.dep_ == "prep" and a.lower_ == "to" for a in token.ancestors if a in phrase):
                continue  # "ambassador to the UN": the UN is where, not whom, they serve
            if any(a.dep_ == "prep" and a.lower_ == "for" and set(a.head.lower_.split("-")) & PORTFOLIO_TITLES
                   for a in token.ancestors if a in phrase):
                continue  # "Minister Delegate for AI and Digital Affairs": a portfolio, not a body
            named = mention_at(token)
            if named is not None and named.start >= 2 and token.doc[named.start - 1].lower_ == "for" \
                    and set(token.doc[named.start - 2].lower_.split("-")) & PORTFOLIO_TITLES:
                continue  # (the same, however the "for" phrase was attached)
            if token.i != phrase[0].i and (token.dep_ == "relcl" or any(
                    a.dep_ == "relcl" for a in token.ancestors if a in phrase and a.i != phrase[0].i)):
                continue  # (a relative clause inside the title; "who heads X" is the phrase itself)
            org = mention_at(token)
            if org is None and token.lower_ == "whose" and token.head.dep_ == "relcl" or (
                    org is None and token.lower_ == "whose" and any(a.dep_ == "relcl" for a in token.ancestors)):
                # "Brightwater Capital, a London investment firm whose managing partner, Oskar Lindfors"
                clause = next(a for a in token.ancestors if a.dep_ == "relcl")
                org = _resolve(_relative_head(clause), "subject", False, self.gazetteer)
            if org is None and token.lower_ == "whose" and token.i >= 2 and token.nbor(-1).text == "," \
                    and not any(a.dep_ == "relcl" for a in token.ancestors):
                # "welcomed by the Federation of German Industries, whose president, X, called it …" with
                # the clause parsed as a complement: the name right before the comma
                before = mention_at(token.nbor(-2))
                if before is not None and type_group(before.type) == "Actor" and before.type not in {"Person", "Group"}:
                    org = before
            if org is None and token.lower_ == "whose" and token.head.dep_ == "appos":
                # "criticised by Thailand, whose Minister of Digital Economy, Pichai Srisuk, said": the
                # parser hung the clause on the name as an apposition
                target = token.head.head
                while mention_at(target) is None and target.dep_ == "appos" and target.head != target:
                    target = target.head  # "Access Now, the digital rights group, whose policy director"
                edge = min(t.i for t in target.subtree if not t.is_punct)
                before = mention_at(token.doc[edge - 2]) if mention_at(target) is None and edge >= 2 \
                    and token.doc[edge - 1].text == "," else None  # ("Access Now, the digital rights group, whose …")
                org = mention_at(target) or (before if before is not None and type_group(before.type) == "Actor"
                                             else resolve_token(target))
            if org is None and token.lower_ in {"its", "their"}:  # "Its chief executive, Park Seo-jun"
                org = _previous_subject_organisation(token) or _earlier_subject_organisation(token) \
                    or resolve_token(token)
                if org is not None and org.type == "Country" and any(
                        t.lower_ in ORGANISATION_ONLY_TITLES for t in phrase):
                    # a country has ministers, not a secretary-general or a chief executive: the body
                    # named last before it
                    org = nearest_mention_before(token.doc, token.i, lambda m: type_group(m.type) == "Actor"
                                                 and m.type not in {"Person", "Country", "Group"}
                                                 and m.how != "demonym", window_sents=3)
            elif org is None and token.dep_ == "poss" and token.pos_ == "NOUN" \
                    and token.lemma_.lower() not in SUBNATIONAL_NOUNS:  # "the group's director"
                org = resolve_token(token)  # (not "the province's technology minister": no office of the state)
            elif org is None and _noun_lemma(token) == "ministry" and token.tag_ in {"NN", "NNP"} \
                    and (token.dep_ == "pobj" and token.head.lower_ in {"for", "at", "of"} or token.dep_ == "compound"):
                # "a spokesperson for the foreign ministry", "ministry spokesperson Feng Xiaolin": the ministry of
                # the story's state, or the ministry it has just named
                words = [c.lower_ for c in token.children if c.dep_ in {"amod", "compound"}]
                org = resolve_token(token) or nearest_mention_before(
                    token.doc, token.i, lambda m: m.type == "GovernmentBody" and name_head(m.label) == "ministry"
                    and all(w in m.label.lower() for w in words), window_sents=2)  # ("the foreign ministry" is
                # no ministry of defence)
            if org is not None and org.type == "Person" and org.how == "ner" and token.dep_ == "pobj" \
                    and token.head.lower_ == "at" and len(org.label.split()) == 1:
                # "a researcher at Mila": one works at a place of work, not at a person
                org = EntityMention(org.start, org.end, entity_key("Organisation", org.label), org.label,
                                    "Organisation", "retyped")
            if org is not None and org.how == "capital" and org.country and token.dep_ in {"compound", "poss", "nmod"} \
                    and self.gazetteer.titles.kind(token.head.text) and token.nbor(1).text != "-":
                # "A White House spokesperson", "Beijing's ambassador" (not "the Ottawa-based group")
                country = self.gazetteer.entries.get(org.country)
                org = EntityMention(org.start, org.end, country.key, country.label, country.type, "capital") \
                    if country is not None else None
            if org is not None and org.type in {"Place", "Region"} and (token.ent_type_ == "GPE" or org.type == "Region") \
                    and token.dep_ in {"compound", "poss"} and any(t.lower_ in REGIONAL_OFFICE_TITLES for t in phrase):
                # "Oregon Governor Marisa Calloway": a region's governor serves the region's government
                org = EntityMention(org.start, org.end, org.key, org.label, "GovernmentBody", "region")
            elif org is not None and org.type == "Region":
                continue  # (a region's other titles say where, not whom one serves)
            if org is None or org.key == person.key or type_group(org.type) != "Actor" or org.type == "Person":
                continue
            if org.type == "Country" and (token.dep_ in {"compound", "nmod"} or token.dep_ == "pobj"
                                          and token.head.lower_ in {"for", "in"}) and any(
                    p.dep_ == "poss" and p.i < token.i and getattr(mention_at(p), "type", "Country") not in {
                        "Country", "Person", "Group"} for p in phrase):
                continue  # "Huawei's Bangladesh chief executive", "the World Bank's country director for
                # Nigeria": the body's office there, not the state's
            if org.how == "ner" and org.end - org.start == 1 and org.type not in {"Country"} \
                    and not doc_has_alias(token) and not (
                        (token.dep_ == "poss" or token.dep_ == "pobj" and token.head.lower_ == "of")
                        and any(t.lower_ in COMPANY_ONLY_TITLES for t in phrase) or token.lower_ == "whose"):
                continue  # "Commerce Secretary": a one-word department name is not a resolvable body (but
                # "Vantix's chief executive", "the founder of Vantix" name a firm: states have none)
            if org.type in {"GovernmentBody", "Organisation"}:
                # "Algerian Foreign Ministry spokesman": the ministry's spokesman speaks for the state
                org = _state_of_body(token.doc, org.key, self.gazetteer) or org
            found.setdefault(org.key, org)
        return list(found.values())

    def _role_predicate(self, kinds: set[str], org: EntityMention, phrase: list[Token] = ()) -> str | None:
        governmental = org.type in {"Country", "GovernmentBody", "Legislature", "InternationalOrganisation"}
        words = [t.lower_ for t in sorted(phrase, key=lambda t: t.i)]
        agency = org.type == "InternationalOrganisation" or org.type == "GovernmentBody" \
            and name_head(org.label) in STATE_AGENCY_HEADS
        if org.type != "Country" and not agency and "organisation" in kinds and (
                {"ceo", "founder", "co-founder"} & set(words)
                or any(a == "chief" and b == "executive" for a, b in zip(words, words[1:]))):
            return "affiliatedWith"  # "chief executive of the Greater Phoenix Economic Council": staff, not office
        if org.type == "Country":  # "an Italian member of …" is nationality, not office
            return "officialOf" if "government" in kinds else None
        if "membership" in kinds and org.type in {"Organisation", "Group", "Legislature"}:
            return "memberOf"
        if org.type == "Legislature":
            return None  # "Parliament's lead negotiator": a legislator's part, which is no office of state
        if "government" in kinds and governmental:
            return "officialOf"
        if "organisation" in kinds and agency:
            return "officialOf"  # (the chair or chief executive of a regulator holds an office of it, too)
        if kinds & {"organisation", "government"}:
            # (a party's spokesperson or chair is a member of it: "defence spokesperson for the Socialist
            # Left Party")
            return "memberOf" if _is_party(org) else "affiliatedWith"
        return None


def _is_party(org: EntityMention) -> bool:
    """Whether a body is a political party, by its name: "the Socialist Left Party", "the Green League"."""
    return re.search(r"\bPart(y|ies)\b", org.label) is not None or org.type == "Organisation" \
        and name_head(org.label) in {"league", "front", "movement"}


def _titles_a_name_after(title: Token, name: set[int]) -> bool:
    """Whether an apposition is the title of the name right after it, not of the name before it:
    "Takeshi Kuroda, his Philippine counterpart Maria Bautista" (Bautista is the counterpart)."""
    doc = title.doc
    after = mention_at(doc[title.i + 1]) if title.i + 1 < len(doc) else None
    if after is not None and after.type == "Person" and after.start not in name:
        return True
    return any(c.i > title.i and c.dep_ in {"appos", "compound", "nmod", "flat"} and c.i not in name
               and getattr(mention_at(c), "type", "") == "Person" and doc[c.left_edge.i - 1].text != ","
               for c in title.children)


def _phrase(title: Token, name: set[int]) -> list[Token]:
    """The tokens of a title noun phrase, without relative clauses and without coordinated phrases
    ("Oliver Hartley, Britain's technology secretary, and Ravi Menon, India's minister")."""
    out = []

    def walk(token: Token) -> None:
        if token.i in name:
            return
        out.append(token)
        for child in token.children:
            if child.dep_ not in {"relcl", "conj", "cc", "appos", "acl"} or (
                    child.dep_ == "appos" and token.dep_ == "pobj" and mention_at(child) is not None):
                walk(child)  # (… "of the London-based developer Kestrel AI": the name of the employer)

    walk(title)
    return out


def _title_words_before(token: Token) -> set[Token]:
    """Tokens of the noun phrase written right before a name, up to the article or a comma."""
    doc = token.doc
    out = set()
    i = token.i - 1
    while i >= 0 and not doc[i].is_punct and doc[i].pos_ in {"PROPN", "NOUN", "ADJ", "ADP", "DET", "PART"} \
            and doc[i].ent_type_ != "PERSON" and doc[i].lower_ not in {"the", "a", "an"}:
        out.add(doc[i])
        i -= 1
    return out


def doc_has_alias(token: Token) -> bool:
    return token.text in (token.doc._.kg_aliases or {})


def _confidence(subject_how: str, theme_how: str, subj: EntityMention, obj: EntityMention) -> float:
    score = 0.9
    if subject_how in {"inherited", "participle", "relative", "holder", "light", "modifier"}:
        score -= 0.08
    elif subject_how in {"recovered", "possessor"}:
        score -= 0.15
    elif subject_how in {"member", "between"}:
        score -= 0.05
    if theme_how in {"coordinated", "shared", "relative", "participle", "noun", "noun-prep"}:
        score -= 0.03
    elif theme_how in {"clause", "reciprocal", "possessor"}:
        score -= 0.06
    elif theme_how == "implicit":
        score -= 0.15
    for m in (subj, obj):
        if m.how in {"pronoun", "speaker"}:
            score -= 0.12
        elif m.how in {"definite", "title", "partitive", "metonymy"}:
            score -= 0.05
        elif m.how in {"concept", "description"}:
            score -= 0.05
    return round(max(0.05, min(1.0, score)), 3)


def _relation(doc_id: str, sent: Span, sent_index: int, subj: EntityMention, predicate: str,
              obj: EntityMention, negated: bool, modality: str, confidence: float, trigger: str,
              rule: str) -> Relation:
    return Relation(
        doc=doc_id, sentence_index=sent_index, sentence=sent.text.strip(), start_char=sent.start_char,
        end_char=sent.end_char, subject=subj.key, subject_label=subj.label, subject_type=subj.type,
        predicate=predicate, object=obj.key, object_label=obj.label, object_type=obj.type,
        negated=negated, modality=modality, confidence=round(confidence, 3), trigger=trigger, rule=rule,
        subject_how=subj.how, object_how=obj.how,
    )


def _dedupe(relations: list[Relation]) -> list[Relation]:
    """One mention per (sentence, subject, predicate, object, negated): keep the most confident."""
    best: dict[tuple, Relation] = {}
    for rel in relations:
        key = (rel.sentence_index, rel.subject, rel.predicate, rel.object, rel.negated)
        if key not in best or rel.confidence > best[key].confidence:
            best[key] = rel
    return sorted(best.values(), key=lambda r: (r.sentence_index, r.predicate, r.subject, r.object))
