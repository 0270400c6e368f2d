"""The pipeline's own components, on the real model: parse repairs."""
from __future__ import annotations

import pytest


@pytest.mark.parametrize("text,subject,verb", [
    ("Zorvex competes with Nvidia and AMD.", "Zorvex", "competes"),
    ("Cerulean works with Samsung Foundry on chips.", "Cerulean", "works"),
])
def test_a_name_and_a_verb_read_as_one_noun_phrase_are_subject_and_verb(nlp, text, subject, verb):
    doc = nlp(text)
    token = next(t for t in doc if t.text == verb)
    assert token.pos_ == "VERB" and token.dep_ == "ROOT", [(t.text, t.pos_, t.dep_) for t in doc]
    assert [c.text for c in token.children if c.dep_ == "nsubj"] == [subject]


def test_plural_nouns_that_are_nouns_stay_nouns(nlp):
    doc = nlp("Chip exports rose sharply in May.")
    assert doc[1].pos_ == "NOUN" and doc[1].dep_ != "ROOT"


def test_a_stranded_second_verb_joins_the_main_clause(nlp):
    doc = nlp('He warned about "a layer of rules that will slow trade" and called for a protocol on data.')
    called = next(t for t in doc if t.text == "called")
    assert called.head.text == "warned" and called.dep_ == "conj"


@pytest.mark.parametrize("text", [
    "Luciana Prado said the compromise had broad support and called for a ban on drones.",
    "Hannah Voss said the arrests showed that enforcement was improving but warned about the risk of smuggling.",
])
def test_a_speech_act_after_a_reported_state_of_things_is_the_speakers(nlp, text):
    # a thing ("the compromise", "the arrests") cannot call for or warn about anything
    doc = nlp(text)
    verb = next(t for t in doc if t.text in {"called", "warned"})
    assert verb.head.text == "said", [(t.text, t.dep_, t.head.text) for t in doc]


def test_a_verb_after_a_reported_actor_stays_with_it(nlp):
    # the leaders may well have agreed: only a thing is ruled out as the agent
    doc = nlp("A Japanese official told reporters that the two leaders discussed chip supply chains and agreed "
              "to cooperate.")
    agreed = next(t for t in doc if t.text == "agreed")
    assert agreed.head.text == "discussed", [(t.text, t.dep_, t.head.text) for t in doc]


def test_no_sentence_opens_with_a_comma(nlp):
    doc = nlp("Share · Save · Listen\n\nFjällmind, the Stockholm-based developer of Nordic-language AI models, has "
              "raised €60 million.")
    assert not any(s[0].text == "," for s in doc.sents), [s.text for s in doc.sents]


def test_a_verb_that_continues_its_own_clause_stays_there(nlp):
    # same tense, no modal: the relative clause may well go on ("which imposed … and warned …")
    doc = nlp("China criticised the United States, which imposed controls last year and warned of retaliation.")
    warned = next(t for t in doc if t.text == "warned")
    assert warned.head.text == "imposed"


def test_a_second_passive_participle_joins_the_first(nlp):
    doc = nlp("The statement was issued at the end of a summit hosted by Japan and attended by U.S. President "
              "Ellen Marsh and Indian Prime Minister Arvind Rao.")
    attended = next(t for t in doc if t.text == "attended")
    assert attended.head.text == "hosted", [(t.text, t.dep_, t.head.text) for t in doc]


def test_two_adjacent_objects_become_one_noun_phrase(nlp):
    doc = nlp("Cairo would host a BRICS AI skills forum next spring.")
    host = next(t for t in doc if t.lower_ == "host")
    assert [t.text for t in host.children if t.dep_ == "dobj"] == ["forum"]
    skills = doc[6]
    assert skills.head.text == "forum" and skills.dep_ == "compound" and skills.pos_ == "NOUN"


def test_a_past_form_coordinated_with_a_participle_is_a_participle(nlp):
    doc = nlp("The resolution, drafted by Austria and co-sponsored by more than 70 states, was adopted.")
    verb = next(t for t in doc if t.lower_ == "co-sponsored")
    assert verb.tag_ == "VBN" and any(c.dep_ == "agent" for c in verb.children)


def test_a_by_list_split_at_a_comma_is_one_list(nlp):
    doc = nlp("India also joined the Coalition for Sustainable AI, which was launched in February by France, the "
              "United Nations Environment Programme and the International Telecommunication Union to measure "
              "emissions.")
    france = next(t for t in doc if t.text == "France")
    assert {t.text for t in france.conjuncts} >= {"Programme", "Union"}, [(t.text, t.dep_, t.head.text) for t in doc]


def test_an_including_list_hangs_on_the_counted_group(nlp):
    doc = nlp("By the end of the day, the roadmap had been endorsed by 31 of the delegations present, including "
              "Brazil, Kenya and Canada.")
    including = next(t for t in doc if t.lower_ == "including")
    assert including.head.text == "delegations", [(t.text, t.dep_, t.head.text) for t in doc]


def test_a_second_by_phrase_joins_the_agent_list(nlp):
    doc = nlp("The memorandum was signed by Kenya's Cabinet Secretary for Information, Josephine Mbugua, and by "
              "Daniel Whitcombe, the US Assistant Secretary of State for Cyberspace.")
    whitcombe = next(t for t in doc if t.text == "Whitcombe")
    secretary = next(t for t in doc if t.text == "Secretary")
    assert whitcombe in secretary.conjuncts, [(t.text, t.dep_, t.head.text) for t in doc]


def test_a_for_clause_with_its_own_subject_is_what_is_called_for(nlp, facts):
    doc = nlp("Senator Margaret Oyelaran called for Congress to write the rule into law.")
    clause = next(t for t in doc if t.lower_ == "write")
    assert (clause.dep_, clause.head.lower_, clause.head.dep_) == ("pcomp", "for", "prep")
    # the addressee named in the clause is left out of what is asked for
    assert ("Margaret Oyelaran", "calledFor", "write the rule into law", False) in facts(doc.text)
