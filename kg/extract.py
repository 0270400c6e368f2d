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

from dataclasses import asdict, dataclass
from typing import Iterable, Iterator

from spacy.tokens import Doc, Span, Token

from .entities import EntityMention, mention_at, noun_phrase_label, resolve_token, title_before
from .gazetteer import Gazetteer, entity_key, slugify, type_group
from .lexicon import Lexicon, Trigger

#: Version of the extraction rules, recorded with every fact (bump when the rules change).
EXTRACTOR_VERSION = "0.1.0"

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
#: Verbs that, governing another verb, make it an intention or plan.
INTENT_GOVERNORS = {"want", "hope", "intend", "seek", "aim", "wish", "try", "pledge", "promise", "vow",
                    "agree", "offer", "strive", "attempt", "commit", "like", "love", "look", "propose", "push"}
PLAN_GOVERNORS = {"plan", "expect", "prepare", "set", "schedule", "due", "go"}
POSSIBLE_MODALS = {"may", "might", "could", "would", "should", "must", "ought", "can", "need"}
PLAN_MODALS = {"will", "shall", "'ll", "wo"}
SPEECH_VERBS = {"say", "tell", "state", "claim", "report", "add", "insist", "argue", "note", "write",
                "believe", "think", "suggest", "confirm", "understand", "reveal", "allege"}
#: Nouns that stand for their "of" complement as an argument ("the session of the General Assembly").
PARTITIVE_HEADS = {"session", "meeting", "members", "member", "leaders", "leader", "leadership", "government",
                   "representatives", "delegation", "delegates", "officials", "group", "body", "council",
                   "head", "side", "majority", "most", "all", "some", "each", "both", "one"}
#: Nouns too vague to be a concept node of their own.
VAGUE_NOUNS = {"thing", "things", "it", "this", "that", "one", "ones", "way", "ways", "lot", "kind", "part",
               "issue", "issues", "matter", "something", "anything", "everything", "nothing", "what", "which",
               "who", "them", "they", "he", "she", "we", "us", "i", "you", "me", "him", "her"}
TOPIC_PREPOSITIONS = {"about", "of", "against", "for", "on", "over", "regarding", "concerning", "towards"}
#: Plural nouns that, counted ("25 other countries"), name a group of actors.
GROUP_NOUNS = {"country", "nation", "state", "government", "member", "organisation", "organization",
               "company", "firm", "expert", "scientist", "researcher", "leader", "official", "minister",
               "delegation", "party", "signatory", "economy", "power", "lab", "laboratory"}
HYPHEN_PREFIXES = {"co", "re", "pre", "counter", "cross"}


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

    The tokenizer keeps lexicon verbs like "co-sponsored" whole (see :func:`kg.nlp.keep_hyphenated_verbs`)
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


def conjuncts(token: Token) -> list[Token]:
    """The token and every token coordinated with it ("the US, China and the UK" → three heads)."""
    out = [token]
    for conj in token.conjuncts:
        if conj not in out:
            out.append(conj)
    return sorted(out, key=lambda t: t.i)


def is_passive(verb: Token) -> bool:
    if any(c.dep_ in PASSIVE_SUBJECT_DEPS or c.dep_ == "auxpass" for c in verb.children):
        return True
    if verb.tag_ == "VBN" and not any(c.dep_ in SUBJECT_DEPS or c.dep_ == "aux" for c in verb.children):
        if any(c.dep_ == "agent" for c in verb.children):
            return True
        if verb.dep_ == "conj" and verb.head.pos_ == "VERB" and is_passive(verb.head):
            return True
    # a past participle modifying a noun ("the resolution adopted on Monday") is passive
    return verb.tag_ == "VBN" and verb.dep_ in {"acl", "amod"} and not any(c.dep_ in SUBJECT_DEPS for c in verb.children)


def _children(token: Token, deps: set[str]) -> list[Token]:
    return [c for c in token.children if c.dep_ in deps]


def _governors(verb: Token, max_hops: int = 4) -> Iterator[tuple[Token, str]]:
    """Verbs above ``verb`` that share its subject, with the link that leads to each: ``xcomp``
    (control: "wants to work"), ``conj`` (coordination), ``advcl``/``pcomp`` (participial adjuncts:
    "signed X, calling for Y"), ``nominal`` (nominal control: "showed its readiness to work")."""
    token = verb
    for _ in range(max_hops):
        dep = token.dep_
        if dep in {"xcomp", "conj", "advcl", "pcomp", "acomp"} and token.head is not token:
            head = token.head
            if dep == "pcomp" and head.dep_ == "prep":
                head = head.head
            if head.pos_ not in {"VERB", "AUX", "ADJ"}:
                return
            yield head, dep
            token = head
        elif dep == "acl" and token.tag_ == "VB" and token.head.dep_ in {"dobj", "attr"}:
            token = token.head.head
            yield token, "nominal"
        else:
            return


def _scope(verb: Token) -> list[Token]:
    """The verb and the verbs whose negation and modality it inherits (control and coordination)."""
    chain = [verb]
    for head, link in _governors(verb):
        if link not in {"xcomp", "conj", "nominal"}:
            break
        chain.append(head)
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
    # the head of the noun phrase ending at i
    token = doc[i]
    while token.is_punct or (token.dep_ in {"compound", "appos", "pobj"} and token.head.i < verb.i
                             and token.head.pos_ in {"NOUN", "PROPN", "ADP"} and token.dep_ != "appos"):
        token = token.head
        if token.pos_ == "ADP":
            token = token.head
    if token.dep_ in {"appos", "npadvmod", "conj"} and token.pos_ in {"NOUN", "PROPN"} \
            and any(t.i < verb.i for t in token.ancestors):
        return [token]
    return []


def _is_topic(verb: Token) -> bool:
    """A verb that names a topic, not an event: "warned about *working* with China", "calls for
    *signing*". Temporal and manner prepositions ("after signing", "by signing") still report events."""
    token = verb
    for _ in range(3):
        if token.dep_ == "pcomp" and token.head.lower_ in TOPIC_PREPOSITIONS:
            return True
        if token.dep_ not in {"conj", "xcomp"}:
            return False
        token = token.head
    return False


# --------------------------------------------------------------------------------------------------
# Arguments


@dataclass
class _Arg:
    token: Token
    how: str  # direct | passive-agent | passive-subject | inherited | relative | participle | coordinated


def _subject_tokens(verb: Token) -> tuple[list[Token], str]:
    """The agent heads of an active verb, and how they were found."""
    subjects = _children(verb, SUBJECT_DEPS)
    if subjects:
        subj = subjects[0]
        if subj.lower_ in RELATIVE_PRONOUNS and verb.dep_ == "relcl":
            return conjuncts(verb.head), "relative"
        return conjuncts(subj), "direct"
    if verb.dep_ == "relcl":
        return conjuncts(verb.head), "relative"
    if verb.dep_ == "acl" and verb.tag_ == "VBG":  # "countries calling for X"
        return conjuncts(verb.head), "participle"
    for gov, _link in _governors(verb):
        subjects = _children(gov, SUBJECT_DEPS)
        if subjects:
            subj = subjects[0]
            if subj.lower_ in RELATIVE_PRONOUNS and gov.dep_ == "relcl":
                return conjuncts(gov.head), "inherited"
            return conjuncts(subj), "inherited"
        if _children(gov, PASSIVE_SUBJECT_DEPS) and gov.dep_ != "conj":
            break
    orphan = _orphan_subject(verb)
    if orphan:
        return conjuncts(orphan[0]), "recovered"
    return [], ""


def _passive_theme_tokens(verb: Token) -> tuple[list[Token], str]:
    subjects = _children(verb, PASSIVE_SUBJECT_DEPS)
    if subjects:
        subj = subjects[0]
        if subj.lower_ in RELATIVE_PRONOUNS and verb.dep_ == "relcl":
            return conjuncts(verb.head), "relative"
        return conjuncts(subj), "passive-subject"
    if verb.dep_ in {"acl", "amod"}:
        return conjuncts(verb.head), "participle"
    if verb.dep_ == "relcl":
        return conjuncts(verb.head), "relative"
    if verb.dep_ == "conj":  # "proposed by China and co-sponsored by 140 countries"
        head = verb.head
        if is_passive(head):
            tokens, how = _passive_theme_tokens(head)
            return tokens, "coordinated" if tokens else how
    return [], ""


def _by_agents(verb: Token) -> list[Token]:
    for child in verb.children:
        if child.dep_ == "agent" or (child.dep_ == "prep" and child.lower_ == "by"):
            objs = _children(child, {"pobj"})
            if objs:
                return conjuncts(objs[0])
    return []


def _prep_objects(head: Token, word: str) -> list[Token]:
    for child in head.children:
        if child.dep_ in {"prep", "dative", "agent"} and child.lower_ == word:
            objs = _children(child, {"pobj", "pcomp"})
            if objs:
                return conjuncts(objs[0])
    return []


def _match_trigger(verb: Token, trig: Trigger, passive: bool) -> tuple[list[Token], str] | None:
    """Theme heads if ``verb`` realises ``trig`` ("held [talks] with X" → [X]), else None.

    An empty list means the trigger matched but its theme is found elsewhere (passive, relative).
    """
    words = list(trig.words)
    anchor = verb
    if trig.noun:
        nouns = [c for c in verb.children if c.dep_ in ({"nsubjpass"} if passive else {"dobj"})
                 and c.lemma_.lower() in {trig.noun, trig.noun + "s"}]
        if not nouns:
            return None
        anchor = nouns[0]
    theme: list[Token] = []
    for word in words:
        particle = [c for c in verb.children if c.dep_ == "prt" and c.lower_ == word]
        if particle:
            continue
        objs = _prep_objects(anchor, word) or (_prep_objects(verb, word) if anchor is not verb else [])
        if not objs and anchor is not verb:
            for inner in anchor.subtree:
                objs = _prep_objects(inner, word)
                if objs:
                    break
        if not objs:
            return None
        theme = objs
    if trig.noun or theme:
        return theme, "prep" if theme else "light"
    if passive:
        return [], "passive"
    objs = _children(verb, {"dobj"})
    if objs:
        return conjuncts(objs[0]), "direct"
    return None


# --------------------------------------------------------------------------------------------------
# Negation and modality


def _is_negated(verb: Token, subjects: Iterable[Token], themes: Iterable[Token]) -> bool:
    for v in _scope(verb):
        if any(c.dep_ == "neg" for c in v.children):
            return True
        if v is not verb and v.lemma_.lower() in NEGATIVE_GOVERNORS:
            return True
        if v.dep_ == "pcomp" and v.head.lower_ == "without":
            return True
    for arg in [*subjects, *themes]:
        if any(c.dep_ == "det" and c.lower_ in {"no", "neither"} for c in arg.children):
            return True
    return False


def _is_conj_of(verb: Token, other: Token) -> bool:
    return other in verb.conjuncts


def _modality(verb: Token, sent: Span) -> tuple[str, float]:
    """The modality of a verb's clause and the confidence factor it implies."""
    for v in _scope(verb):
        for aux in _children(v, {"aux", "auxpass"}):
            lemma = aux.lemma_.lower()
            if lemma in PLAN_MODALS or aux.lower_ in PLAN_MODALS:
                return "planned", 0.85
            if lemma in POSSIBLE_MODALS:
                return "possible", 0.6
        if v is not verb and v.dep_ != "conj" and not _is_conj_of(verb, v):
            lemma = v.lemma_.lower()
            if lemma in PLAN_GOVERNORS:
                return "planned", 0.85
            if lemma in INTENT_GOVERNORS:
                return "intended", 0.85
        if any(c.dep_ == "mark" and c.lower_ in {"if", "unless", "whether"} for c in v.children):
            return "possible", 0.6
    if sent.text.rstrip().endswith("?"):
        return "possible", 0.5
    # reported: the clause is the complement of a speech verb, or sourced with "according to"
    token = verb
    for _ in range(4):
        if token.dep_ in {"ccomp", "parataxis"} and token.head.lemma_.lower() in SPEECH_VERBS:
            return "reported", 0.9
        if token.head is token:
            break
        token = token.head
    if any(t.lower_ == "according" and t.nbor(1).lower_ == "to" for t in sent if t.i + 1 < len(sent.doc)):
        return "reported", 0.9
    return "asserted", 1.0


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


def _resolve(token: Token, role: str, predicate_concepts: bool, gaz: Gazetteer) -> EntityMention | None:
    if token.lower_ in {"i", "we", "me", "us", "our"} and token.pos_ == "PRON":
        speaker = _quote_speaker(token)
        if speaker is not None:
            return EntityMention(token.i, token.i + 1, speaker.key, speaker.label, speaker.type, "speaker")
        return None
    mention = _partitive(token) if mention_at(token) is None else None
    mention = mention or resolve_token(token)
    if mention is None or mention.how in {"description", "definite"}:
        # "met US President Joe Biden" parsed as President ← appos Biden: the apposition names it
        for child in token.children:
            if child.dep_ == "appos":
                named = mention_at(child)
                if named is not None and named.how != "demonym":
                    mention = named
                    break
    if mention is not None:
        if mention.how == "demonym" and token.dep_ in {"amod", "compound"}:
            return None
        if role == "subject" and mention.country:
            country = gaz.entries.get(mention.country)
            if country is not None:  # "Beijing said" → China
                return EntityMention(mention.start, mention.end, country.key, country.label, country.type, "capital")
        return mention
    if token.pos_ == "NOUN" and token.tag_ == "NNS" and token.lemma_.lower() in GROUP_NOUNS \
            and any(c.dep_ == "nummod" for c in token.children):
        # a counted group of actors: "more than 140 countries", "twenty-five other countries"
        label = noun_phrase_label(token, max_words=6)
        doc_id = token.doc._.kg_doc_id or ""
        return EntityMention(token.i, token.i + 1, f"group/{slugify(doc_id)}/{slugify(label)}", label,
                             "Group", "group")
    if role == "object" and predicate_concepts and token.pos_ in {"NOUN", "PROPN", "VERB"} \
            and token.lower_ not in VAGUE_NOUNS:
        if token.pos_ == "VERB":  # a gerund clause: "warned about working too closely with China"
            words = [t.text for t in token.subtree if not t.is_punct][:8]
            label = " ".join(words)
        else:
            label = noun_phrase_label(token, max_words=8)
        label = label.strip()
        if not label or label.lower() in VAGUE_NOUNS:
            return None
        return EntityMention(token.i, token.i + 1, entity_key("Concept", label.lower()), label.lower(),
                             "Concept", "concept")
    return None


def _partitive(token: Token) -> EntityMention | None:
    """"the 78th session of the General Assembly", "leaders of China": the actor in the of-phrase."""
    if token.pos_ not in {"NOUN", "PROPN", "NUM", "ADJ", "PRON"} or token.lower_ not in PARTITIVE_HEADS:
        return None
    for child in token.children:
        if child.dep_ == "prep" and child.lower_ == "of":
            for pobj in _children(child, {"pobj"}):
                inner = resolve_token(pobj)
                if inner is not None and type_group(inner.type) == "Actor":
                    return EntityMention(token.i, token.i + 1, inner.key, inner.label, inner.type, "partitive")
    return None


def _type_ok(entity_type: str, allowed: tuple[str, ...]) -> bool:
    return "Any" in allowed or type_group(entity_type) in allowed


# --------------------------------------------------------------------------------------------------
# The extractor


class Extractor:
    """Extract :class:`Relation` mentions from parsed documents.

    >>> from kg.nlp import build_pipeline                                    # doctest: +SKIP
    >>> nlp = build_pipeline()                                               # doctest: +SKIP
    >>> [(r.subject_label, r.predicate, r.object_label)
    ...  for r in Extractor().extract(nlp("Britain did not sign the treaty."), "d")]  # doctest: +SKIP
    [('United Kingdom', 'signed', 'treaty')]
    """

    def __init__(self, lexicon: Lexicon | None = None, gazetteer: Gazetteer | None = None):
        self.lexicon = lexicon or Lexicon.load()
        self.gazetteer = gazetteer or Gazetteer.load()
        self._lemmas = frozenset(self.lexicon.lemmas)

    def extract(self, doc: Doc, doc_id: str) -> list[Relation]:
        relations: list[Relation] = []
        for sent_index, sent in enumerate(doc.sents):
            relations += self._sentence(sent, sent_index, doc_id)
            relations += self._roles(sent, sent_index, doc_id)
        return _dedupe(relations)

    # -- verbal triggers ---------------------------------------------------------------------------

    def _sentence(self, sent: Span, sent_index: int, doc_id: str) -> list[Relation]:
        out = []
        for verb in sent:
            if verb.pos_ not in {"VERB", "AUX"} and not (verb.pos_ == "NOUN" and verb.tag_ == "VBN"):
                continue
            triggers = self.lexicon.triggers_for(verb_lemma(verb, self._lemmas))
            if not triggers or _is_topic(verb):
                continue
            out += self._verb(verb, triggers, sent, sent_index, doc_id)
        return out

    def _verb(self, verb: Token, triggers: list[Trigger], sent: Span, sent_index: int,
              doc_id: str) -> list[Relation]:
        passive = is_passive(verb)
        out: list[Relation] = []
        used_specificity = -1
        for trig in triggers:  # most specific first; a bare "sign" yields to "sign [agreement] with"
            if trig.specificity < used_specificity:
                break
            match = _match_trigger(verb, trig, passive)
            spec = self.lexicon.predicates[trig.predicate]
            if match is None and spec.symmetric and not trig.noun and not passive \
                    and not _children(verb, {"dobj"}) and len(_subject_tokens(verb)[0]) >= 2:
                match = [], "reciprocal"  # "The US and China are competing": no "with" needed
            if match is None:
                continue
            theme_tokens, theme_how = match
            spec = self.lexicon.predicates[trig.predicate]
            if passive:
                subject_tokens, subject_how = _by_agents(verb), "passive-agent"
                if not theme_tokens:
                    theme_tokens, theme_how = _passive_theme_tokens(verb)
            else:
                subject_tokens, subject_how = _subject_tokens(verb)
            if theme_how == "relative":
                theme_tokens = self._attach_relative(verb, theme_tokens, spec)
            if subject_how == "relative":
                subject_tokens = self._attach_relative(verb, subject_tokens, spec, role="subject")
            if spec.symmetric and not theme_tokens and len(subject_tokens) >= 2 and not passive:
                # reciprocal: "The US and China are competing" → each pair of conjuncts
                theme_tokens, theme_how = subject_tokens[1:], "reciprocal"
                subject_tokens = subject_tokens[:1]
            if not subject_tokens or not theme_tokens:
                continue
            negated = _is_negated(verb, subject_tokens, theme_tokens)
            modality, factor = _modality(verb, sent)
            made = 0
            for s_tok in subject_tokens:
                subj = _resolve(s_tok, "subject", False, self.gazetteer)
                if subj is None or not _type_ok(subj.type, spec.subject_types):
                    continue
                for o_tok in theme_tokens:
                    obj = _resolve(o_tok, "object", spec.concept_objects, self.gazetteer)
                    if obj is None or obj.key == subj.key or not _type_ok(obj.type, spec.object_types):
                        continue
                    confidence = _confidence(subject_how, theme_how, subj, obj) * factor
                    out.append(_relation(doc_id, sent, sent_index, subj, trig.predicate, obj, negated,
                                         modality, confidence, f"{verb.text} ({trig})",
                                         f"verb:{'passive' if passive else 'active'}:{subject_how}/{theme_how}"))
                    made += 1
            if made:
                used_specificity = trig.specificity
        return out

    def _attach_relative(self, verb: Token, heads: list[Token], spec, role: str = "object") -> list[Token]:
        """Resolve relative-clause attachment by meaning: in "a resolution on digital trade that was
        proposed by Canada" the parser may attach the clause to "trade"; the noun it modifies is the
        nearest one up the noun phrase whose entity fits the predicate."""
        allowed = spec.subject_types if role == "subject" else spec.object_types
        candidate = heads[0] if heads else None
        for _ in range(3):
            if candidate is None:
                break
            found = _resolve(candidate, role, False, self.gazetteer)
            if found is not None and _type_ok(found.type, allowed):
                return conjuncts(candidate)
            if candidate.dep_ == "pobj" and candidate.head.dep_ == "prep" and candidate.head.head.pos_ in {"NOUN", "PROPN"}:
                candidate = candidate.head.head
            else:
                break
        return heads

    # -- roles ---------------------------------------------------------------------------------------

    def _roles(self, sent: Span, sent_index: int, doc_id: str) -> list[Relation]:
        """officialOf / affiliatedWith from "Chinese President Xi Jinping", "OpenAI's Sam Altman",
        "Yi Zeng, a researcher at the Chinese Academy of Sciences"."""
        out = []
        doc = sent.doc
        titles = self.gazetteer.titles
        for mention in doc._.kg_mentions or []:
            if mention.type != "Person" or not (sent.start <= mention.start < sent.end):
                continue
            if mention.how not in {"ner", "gazetteer", "surname"}:
                continue
            person = mention
            head = doc[mention.end - 1]
            title, modifiers = title_before(doc[mention.start], self.gazetteer)
            if title:
                title_heads = set(title.split())
                gov = bool(title_heads & titles.government)
                for mod in modifiers:
                    org = resolve_token(mod)
                    if org is None or type_group(org.type) != "Actor" or org.type == "Person":
                        continue
                    if org.type == "Country" and not gov:
                        continue  # "UK-China commentator": a topic, not an employer
                    predicate = "officialOf" if org.type in {"Country", "GovernmentBody", "Legislature",
                                                              "InternationalOrganisation"} and gov else "affiliatedWith"
                    out.append(_relation(doc_id, sent, sent_index, person, predicate, org, False, "asserted",
                                         0.85, title, "role:title"))
                # "Chinese Ambassador to the UN Fu Cong": the organisation after the title
            # possessive: "OpenAI's Sam Altman", "Google DeepMind's Demis Hassabis"
            for child in head.children:
                if child.dep_ == "poss":
                    org = resolve_token(child)
                    if org is not None and org.type not in {"Person", "Country", "Place", "City"} \
                            and type_group(org.type) == "Actor":
                        out.append(_relation(doc_id, sent, sent_index, person, "affiliatedWith", org, False,
                                             "asserted", 0.8, f"{child.text}'s", "role:possessive"))
            # apposition: "Andi Hoxhaj, Balkan expert at King's College"
            for child in head.children:
                if child.dep_ != "appos" or child.lemma_.lower() not in titles.organisation | titles.government:
                    continue
                for prep in child.children:
                    if prep.dep_ == "prep" and prep.lower_ in {"at", "of", "for", "with", "to"}:
                        for pobj in _children(prep, {"pobj"}):
                            org = resolve_token(pobj)
                            if org is None or org.type == "Person" or type_group(org.type) != "Actor":
                                continue
                            gov = child.lemma_.lower() in titles.government and org.type in {
                                "Country", "GovernmentBody", "Legislature", "InternationalOrganisation"}
                            out.append(_relation(doc_id, sent, sent_index, person,
                                                 "officialOf" if gov else "affiliatedWith", org, False,
                                                 "asserted", 0.75, f"{child.text} {prep.text}", "role:apposition"))
                for poss in _children(child, {"poss"}):
                    org = resolve_token(poss)
                    if org is not None and type_group(org.type) == "Actor" and org.type != "Person":
                        gov = child.lemma_.lower() in titles.government
                        out.append(_relation(doc_id, sent, sent_index, person,
                                             "officialOf" if gov and org.type == "Country" else "affiliatedWith",
                                             org, False, "asserted", 0.75, f"{poss.text}'s {child.text}",
                                             "role:apposition"))
        return out


def _confidence(subject_how: str, theme_how: str, subj: EntityMention, obj: EntityMention) -> float:
    score = 0.9
    if subject_how in {"inherited", "participle", "relative"}:
        score -= 0.08
    elif subject_how == "recovered":
        score -= 0.15
    if theme_how in {"coordinated", "relative", "participle"}:
        score -= 0.03
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
