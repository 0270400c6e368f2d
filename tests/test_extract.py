"""Relation extraction, one table per linguistic phenomenon. Sentences are written for the tests
(not copied from seeds/), so passing them means the rules generalise beyond the sample corpus."""
from __future__ import annotations

import pytest

from kg.extract import verb_lemma

UK, US, CN, FR, JP, IN = "United Kingdom", "United States", "China", "France", "Japan", "India"

ACTIVE_PASSIVE = [
    ("France signed the Paris Agreement.", {(FR, "signed", "Paris Agreement", False)}),
    ("The Paris Agreement was signed by France.", {(FR, "signed", "Paris Agreement", False)}),
    ("India ratified the treaty on Tuesday after a long debate.", {(IN, "ratified", "treaty", False)}),
    ("Japan hosted the G7 summit in Hiroshima.", {(JP, "hosted", "G7 summit", False)}),
    ("The G20 summit was hosted by India.", {(IN, "hosted", "G20 summit", False)}),
]

COORDINATION = [
    ("The US, China and the UK signed the Bletchley Declaration.",
     {(US, "signed", "Bletchley Declaration", False), (CN, "signed", "Bletchley Declaration", False),
      (UK, "signed", "Bletchley Declaration", False)}),
    ("Germany endorsed the Hiroshima Process and the Bletchley Declaration.",
     {("Germany", "endorsed", "Hiroshima Process", False), ("Germany", "endorsed", "Bletchley Declaration", False)}),
    ("The charter was proposed by Brazil and co-sponsored by Kenya and Chile.",
     {("Brazil", "proposed", "charter", False), ("Kenya", "coSponsored", "charter", False),
      ("Chile", "coSponsored", "charter", False)}),
]

CLAUSES = [
    ("The General Assembly adopted a resolution on digital trade that was proposed by Canada.",
     {("UN General Assembly", "adopted", "resolution on digital trade", False),
      ("Canada", "proposed", "resolution on digital trade", False)}),
    ("Italy was among 30 countries to endorse the Bletchley Declaration.",
     {("Italy", "endorsed", "Bletchley Declaration", False)}),
    ("Japan signed the accord, calling for a common approach to chip exports.",
     {(JP, "calledFor", "common approach to chip exports", False)}),
]

PREPOSITIONAL = [
    ("Canada warned about the risks of autonomous weapons.",
     {("Canada", "warnedAbout", "risks of autonomous weapons", False)}),
    ("The European Union called for a ban on facial recognition.",
     {("European Union", "calledFor", "ban on facial recognition", False)}),
    ("Emmanuel Macron met with Narendra Modi in Paris.",
     {("Emmanuel Macron", "metWith", "Narendra Modi", False)}),
    ("India wants to work with Japan on semiconductors.", {(IN, "cooperatesWith", JP, False)}),
    ("Britain held talks with Kenya on migration.", {(UK, "metWith", "Kenya", False)}),
    ("Kenya made an agreement with Germany on climate finance.", {("Kenya", "agreementWith", "Germany", False)}),
]

NEGATION = [
    ("France did not sign the Bletchley Declaration.", {(FR, "signed", "Bletchley Declaration", True)}),
    ("India declined to sign the Bletchley Declaration.", {(IN, "signed", "Bletchley Declaration", True)}),
    ("Japan never endorsed the Bletchley Declaration.", {(JP, "endorsed", "Bletchley Declaration", True)}),
    # "stopped short of", "refrained from": not done, and the subject is the clause's
    ("Liu Haoran praised the Paris Roadmap but stopped short of endorsing it.",
     {("Liu Haoran", "endorsed", "Paris Roadmap", True)}),
    ("Liu Haoran praised the Paris Roadmap but refrained from signing it.",
     {("Liu Haoran", "signed", "Paris Roadmap", True)}),
    # "no plans to", "no intention of": an intention denied
    ("The minister said Nigeria had no plans to restrict Huawei.", {("Nigeria", "restricted", "Huawei", True)}),
    ("Kenya has no intention of signing the Nairobi Pact.", {("Kenya", "signed", "Nairobi Pact", True)}),
    # a body's name the NER cut after "United Nations" goes on to its head
    ("The Coalition for Sustainable AI was launched by France, the United Nations Environment Programme and the "
     "International Telecommunication Union.",
     {("United Nations Environment Programme", "established", "Coalition for Sustainable AI", False)}),
]

METONYMY_AND_ALIASES = [
    ("Britain signed the Bletchley Declaration.", {(UK, "signed", "Bletchley Declaration", False)}),
    ("The British government signed the Bletchley Declaration.", {(UK, "signed", "Bletchley Declaration", False)}),
    ("Beijing endorsed the Bletchley Declaration.", {(CN, "endorsed", "Bletchley Declaration", False)}),
]


@pytest.mark.parametrize("text,expected", ACTIVE_PASSIVE + COORDINATION + CLAUSES + PREPOSITIONAL + NEGATION
                         + METONYMY_AND_ALIASES)
def test_phenomena(facts, text, expected):
    got = facts(text)
    assert expected <= got, f"missing {expected - got}; got {got}"
    # nothing negated may come out positive, and nothing positive negated
    flipped = {(s, p, o, not n) for s, p, o, n in expected}
    assert not (flipped & got), f"polarity wrong: {flipped & got}"


@pytest.mark.parametrize("text,unwanted", [
    # topic, not event: the warning is about cooperation, nobody cooperated
    ("US officials warned about working with China on AI.", (US, "cooperatesWith", CN)),
    # a negated fact must never be asserted
    ("France did not sign the Bletchley Declaration.", (FR, "signed", "Bletchley Declaration")),
])
def test_no_false_assertion(facts, text, unwanted):
    assert unwanted + (False,) not in facts(text)


@pytest.mark.parametrize("text,modality", [
    # a present-tense "before" clause has not happened yet
    ("Civil groups called for a debate before India signs the Bletchley Declaration.", "possible"),
    ("India will sign the Bletchley Declaration.", "planned"),
    ("India may sign the Bletchley Declaration.", "possible"),
    ("India wants to sign the Bletchley Declaration.", "intended"),
    ("India signed the Bletchley Declaration.", "asserted"),
    ("Officials said that India signed the Bletchley Declaration.", "reported"),
    # someone else's expectation is no plan of India's; India's own expectation is
    ("The minister said he expected India to sign the Bletchley Declaration within weeks.", "possible"),
    ("India expects to sign the Bletchley Declaration next week.", "planned"),
    # a question asserts nothing, not even a plan
    ("Will India sign the Bletchley Declaration next week?", "possible"),
])
def test_modality(facts, text, modality):
    got = facts(text, with_modality=True)
    assert (IN, "signed", "Bletchley Declaration", False, modality) in got, got


def test_reciprocal_symmetric(facts):
    got = facts("The United States and China are competing in artificial intelligence.")
    assert (US, "competesWith", CN, False) in got or (CN, "competesWith", US, False) in got


def test_relation_carries_provenance(nlp, extractor):
    text = "Intro line.\nFrance signed the Paris Agreement."
    doc = nlp(text)
    rels = extractor.extract(doc, "a.txt")
    rel = next(r for r in rels if r.predicate == "signed")
    assert rel.doc == "a.txt"
    assert text[rel.start_char:rel.end_char].strip() == "France signed the Paris Agreement."
    assert rel.sentence == "France signed the Paris Agreement."
    assert 0 < rel.confidence <= 1


def test_roles(facts):
    got = facts("Chinese President Xi Jinping met US President Joe Biden. OpenAI's Sam Altman spoke.")
    assert ("Xi Jinping", "officialOf", CN, False) in got
    assert ("Joe Biden", "officialOf", US, False) in got
    assert ("Sam Altman", "affiliatedWith", "OpenAI", False) in got
    assert ("Xi Jinping", "metWith", "Joe Biden", False) in got


@pytest.mark.parametrize("text", ["The plan was co-sponsored by Peru.", "Peru is co-sponsoring the plan.",
                                  "Peru co-sponsors the plan."])
def test_verb_lemma_keeps_hyphenated_prefix(nlp, text):
    doc = nlp(text)
    token = next(t for t in doc if "sponsor" in t.text)
    assert verb_lemma(token, {"co-sponsor"}) == "co-sponsor"


DISCOURSE = [
    # null object: the document under discussion
    ("Peru signed the Lima Accord on Friday. Chile declined to sign.",
     {("Peru", "signed", "Lima Accord", False), ("Chile", "signed", "Lima Accord", True)}),
    # a document introduced by description, then named
    ("Twelve countries endorsed a charter on ocean data in Lisbon. The Lisbon Charter was drafted by Portugal.",
     {("Portugal", "proposed", "Lisbon Charter", False)}),
    # a quoted title names the document; "the text" refers back to it
    ('The assembly adopted a resolution titled "Clean Seas Now". The text was tabled by Fiji.',
     {("Fiji", "proposed", "Clean Seas Now", False)}),
    # representatives stand for their countries
    ("The accord was drafted by diplomats from Norway and Iceland.",
     {("Norway", "proposed", "accord", False), ("Iceland", "proposed", "accord", False)}),
    # a capital as the object of criticism is its country
    ("Moscow condemned Washington over the sanctions.", {("Russia", "criticised", "United States", False)}),
]

ROLES = [
    ("Ana Costa, Portugal's minister for the sea, arrived.", {("Ana Costa", "officialOf", "Portugal", False)}),
    ("Brazil's ambassador to the United Nations, Rui Barbosa, spoke.", {("Rui Barbosa", "officialOf", "Brazil", False)}),
    ("Kenyan Trade Minister Amina Odhiambo spoke.", {("Amina Odhiambo", "officialOf", "Kenya", False)}),
    ("Google's chief scientist, Jeff Dean, spoke.", {("Jeff Dean", "affiliatedWith", "Google", False)}),
]


@pytest.mark.parametrize("text,expected", DISCOURSE + ROLES)
def test_discourse_and_roles(facts, text, expected):
    got = facts(text)
    assert expected <= got, f"missing {expected - got}; got {got}"


def test_ambassador_to_an_organisation_is_not_its_official(facts):
    got = facts("Brazil's ambassador to the United Nations, Rui Barbosa, spoke.")
    assert ("Rui Barbosa", "officialOf", "United Nations", False) not in got


def test_relative_clause_on_an_apposition_belongs_to_the_name(facts):
    got = facts("Senator Jane Doe, a Texas Republican who chairs the Senate Armed Services Committee, spoke.")
    assert any(s == "Jane Doe" and p == "chaired" for s, p, _, _ in got), got


@pytest.mark.parametrize("text,expected", [
    # "we" in a quote is the country its speaker serves
    ('"We call for an immediate ban on lethal autonomous weapons," said Wang Yi, China\'s foreign minister.',
     (CN, "calledFor", "immediate ban on lethal autonomous weapons", False)),
    # an unnamed official stands for the country
    ("The Japanese foreign ministry warned about the risks of deepfakes.",
     (JP, "warnedAbout", "risks of deepfakes", False)),
])
def test_reported_speech_and_officials(facts, text, expected):
    got = facts(text)
    assert expected in got, got


@pytest.mark.parametrize("text,expected", [
    ("Argentina voted against the resolution on data flows.", ("Argentina", "endorsed", "resolution on data flows", True)),
    ("Chile voted for the resolution on data flows.", ("Chile", "endorsed", "resolution on data flows", False)),
    ("Peru rejected the Lima Accord.", ("Peru", "endorsed", "Lima Accord", True)),
])
def test_negative_triggers(facts, text, expected):
    assert expected in facts(text)


def test_among_the_signatories(facts):
    got = facts("Twelve states signed the Lima Accord on Friday. Chile and Peru were among the signatories.")
    assert ("Chile", "signed", "Lima Accord", False) in got and ("Peru", "signed", "Lima Accord", False) in got


# --------------------------------------------------------------------------------------------------
# Grammar that decides who did what (written for these tests; none of it comes from the gold sets)

AGREEMENT_AND_NAMES = [
    # a relative clause agrees with its noun: "island states that *was* drafted" → the resolution
    ('The UN General Assembly adopted "Ocean Data for All", a resolution on sharing satellite data with '
     'island states that was drafted by Fiji.',
     {("UN General Assembly", "adopted", "Ocean Data for All", False), ("Fiji", "proposed", "Ocean Data for All", False)}),
    # a participle names the phrase, though the parser hangs it on the last noun
    ("The European Commission proposed a set of changes to the AI Act, known as the digital omnibus, on Monday.",
     {("European Commission", "proposed", "digital omnibus", False)}),
    # a ministry acting is its state acting; the gazetteer knows whose a department is
    ("The U.S. Treasury Department imposed sanctions on Corvex Systems.", {(US, "restricted", "Corvex Systems", False)}),
    ("The State Department accused Moscow of spreading disinformation.", {(US, "criticised", "Russia", False)}),
    # a document's name the NER took for a person's, and "the text" that refers back to it
    ("Nineteen governments signed the Dakar Pledge on Shared Compute, although Nigeria did not sign the text.",
     {("Nigeria", "signed", "Dakar Pledge on Shared Compute", True)}),
    # a name that goes on past a gazetteer match is another name: not the US Congress
    ("Spain ratified the Lisbon Treaty after the Congress of Deputies approved the Lisbon Treaty.",
     {("Congress of Deputies", "adopted", "Lisbon Treaty", False)}),
    # an unquoted title after "titled"; a capitalised definite with its complement is a name, not a reference
    ("The 86-page study, titled Guardrails or Guidelines?, was funded by the Kalpataru Foundation.",
     {("Kalpataru Foundation", "funded", "Guardrails or Guidelines?", False)}),
    ("Colombia and Chile signed a memorandum on data sharing. Both countries endorsed the Recommendation on "
     "the Ethics of AI.", {("Chile", "endorsed", "Recommendation on Ethics of AI", False)}),
    # a body's foreign namesake is another body
    ("The Canadian AI Safety Institute will work with the AI Safety Institute on testing.",
     {("Canadian AI Safety Institute", "cooperatesWith", "UK AI Security Institute", False)}),
]

CONTROL_AND_MODALITY = [
    # object control: the object does the wanted thing, which has not happened
    ("Germany urged Poland to sign the treaty.", {("Poland", "signed", "treaty", False, "possible")}),
    ("Brazil asked the United States to ratify the convention.", {(US, "ratified", "convention", False, "possible")}),
    # passive raising: the passive subject is the doer; a schedule is a plan, an expectation is not
    ("Norway is scheduled to sign the accord next week.", {("Norway", "signed", "accord", False, "planned")}),
    ("Norway is expected to sign the accord next week.", {("Norway", "signed", "accord", False, "possible")}),
    # an application is not membership
    ("The Philippines will apply to join the African Union next year.",
     {("Philippines", "memberOf", "African Union", False, "possible")}),
    # a conjunct with its own auxiliary keeps its own modality
    ("Mexico will host the forum and has invited Peru.", {("Mexico", "invited", "Peru", False, "asserted")}),
]

MEMBERSHIP = [
    ("Chile and Peru, both members of APEC, signed the statement.",
     {("Chile", "memberOf", "APEC", False), ("Peru", "memberOf", "APEC", False)}),
    ("Vietnam, which is not a member of the OECD, endorsed the guidelines.", {("Vietnam", "memberOf", "OECD", True)}),
    # membership that has ended is denied, in a relative clause or in apposition
    ("Russia, which is no longer a member of the Council of Europe, took no part in the negotiations.",
     {("Russia", "memberOf", "Council of Europe", True)}),
    ("Russia, no longer a member of the Council of Europe, took no part in the negotiations.",
     {("Russia", "memberOf", "Council of Europe", True)}),
    ("Kenya is a member of the African Union.", {("Kenya", "memberOf", "African Union", False)}),
]

INFERENCE_AND_QUANTIFIERS = [
    # two signers of one agreement have an agreement with each other; three signers of a declaration do not;
    # an unnamed agreement between two is named by its parties, as news does ("the Greece-Jordan memorandum")
    ("Greece and Jordan signed a memorandum on data centres.",
     {("Greece", "agreementWith", "Jordan", False), ("Greece", "signed", "Greece-Jordan memorandum on data centres", False)}),
    ("Brazil and China signed a memorandum of understanding on artificial intelligence and satellite cooperation.",
     {("China", "signed", "Brazil-China memorandum of understanding on AI and satellite cooperation", False)}),
    # "neither" denies the predicate of each member of the group named before it
    ("Peru and Chile signed the Lima Accord on Monday; neither has ratified.",
     {("Peru", "ratified", "Lima Accord", True), ("Chile", "ratified", "Lima Accord", True)}),
    # a second by-phrase, hung by the parser on "as well as" or on a relative clause
    ("The summit was attended by Morocco and Rwanda, as well as by delegations from the African Union.",
     {("African Union", "attended", "summit", False), ("Morocco", "attended", "summit", False)}),
    ("Kora AI is funded by Falaj Ventures, which led the round, and by Merlion Growth Partners.",
     {("Merlion Growth Partners", "funded", "Kora AI", False)}),
    # "his government": the country its minister serves
    ("Ivorian digital minister Koffi Adjoumani said his government would fund a regional GPU cluster.",
     {("Côte d'Ivoire", "funded", "regional GPU cluster", False)}),
    # an object pronoun is not its own clause's subject
    ("The compact was signed by Kenya, Ghana and Rwanda, while Egypt declined to sign it.",
     {("Egypt", "signed", "Kenya-Ghana-Rwanda compact", True)}),  # (an unnamed pact, named by its parties)
    # a counted group is its named members
    ("Tokyo imposed restrictions on two firms, Hexin Lithography Services and Tianrun Trading Company.",
     {(JP, "restricted", "Hexin Lithography Services", False)}),
    # co-agents: "alongside"
    ("The Gates Foundation funded the Lagos AI Centre alongside the World Bank.",
     {("World Bank", "funded", "Lagos AI Centre", False)}),
    # a visit to a capital is a visit to its country; "on Thursday" is not part of what was adopted
    ("Ana Silva, Brazil's foreign minister, will visit Canberra next month.", {("Ana Silva", "visited", "Australia", False)}),
    ("The UN General Assembly adopted a resolution on data sharing on Thursday.",
     {("UN General Assembly", "adopted", "resolution on data sharing", False)}),
    # "what X called Y" names Y
    ('Chile warned about what it called "a new digital divide".', {("Chile", "warnedAbout", "new digital divide", False)}),
]

REFERENCE = [
    # "it" in a reported clause is the speaker; a capital speaks for its country
    ("Tokyo said it would fund a new research centre.", {(JP, "funded", "new research centre", False)}),
    # a possessive takes the sentence's topic: the agent of the passive, not an earlier sentence's subject
    ("Peru spoke first. The summit was hosted by Kenya and chaired by its foreign minister, Joseph Mwangi.",
     {("Joseph Mwangi", "officialOf", "Kenya", False), ("Kenya", "hosted", "summit", False)}),
    # an implicit object survives an adjunct: "signed after a long debate"
    ("Chile signed the Santiago Declaration. Peru also signed after a long debate.",
     {("Peru", "signed", "Santiago Declaration", False)}),
    # a working group's titled name goes on through its complement; "a body" in apposition is that group
    ("The guide was drafted by the ASEAN Working Group on AI Governance, a body co-chaired by Singapore.",
     {("ASEAN Working Group on AI Governance", "proposed", "guide", False),
      ("Singapore", "chaired", "ASEAN Working Group on AI Governance", False)}),
    ("Marek Zawadzki, Vistula's chief executive, spoke. Vistula Aerosystems and Zhuravel Robotics formed "
     "Vistula-Zhuravel Defence. The Stop Killer Robots coalition urged both governments to keep control.",
     {("Stop Killer Robots", "calledFor", "keep control", False)}),
    # "the alliance" is the body named with that head, whatever the NER typed it; money "of" it funds it
    ("Germany and France announced a joint initiative. The Franco-German AI Compute Alliance was presented at "
     "the Federal Chancellery. KfW and Bpifrance will each fund 1.2 billion euros of the alliance. Green Party "
     "MP Jana Oberholz criticised the alliance for containing no binding requirements.",
     {("KfW", "funded", "Franco-German AI Compute Alliance", False),
      ("Jana Oberholz", "criticised", "Franco-German AI Compute Alliance", False)}),
    # "the Federal Government" is the story's state; "the National" the NER cut off belongs to the name
    ("Nigeria wants engineers. Nigeria has a plan. Lagos is in Nigeria. The Federal Government on Tuesday "
     "unveiled the National Artificial Intelligence Strategy, a 92-page plan.",
     {("Nigeria", "released", "National Artificial Intelligence Strategy", False)}),
    # a body's members: listed in an apposition, or included by it, whatever type its name suggested
    ("Poland holds the rotating presidency of the Visegrad Group, which also includes the Czech Republic, "
     "Slovakia and Hungary. The Silicon Trade Council, whose members include Nvidia and AMD, criticised the bill.",
     {("Hungary", "memberOf", "Visegrad Group", False), ("AMD", "memberOf", "Silicon Trade Council", False)}),
    ("The Minerals Security Partnership, a grouping of Australia, India, Japan and the United States, met in "
     "Tokyo.", {("India", "memberOf", "Minerals Security Partnership", False)}),
    # money put into, contributed toward or pledged to something funds it
    ("The Gulf Digital Fund put 8 million dollars into a grants window for local start-ups.",
     {("Gulf Digital Fund", "funded", "grants window for local start-ups", False)}),
    ("Japan and Australia pledged a combined 400 million dollars to the Pacific Cable Fund.",
     {("Japan", "funded", "Pacific Cable Fund", False)}),
    # a memorandum signed "with" a partner: signed, and an agreement with the partner; four signatories
    # of one memorandum make no pairwise agreements
    ("China signed a memorandum of understanding with Brazil on AI capacity building.",
     {("China", "agreementWith", "Brazil", False),
      ("China", "signed", "memorandum of understanding on AI capacity building", False)}),
    # "co-host" hosts; a name whose last word is "Summit" is a summit though a concept opens it
    ("The ITU and Switzerland on Tuesday opened the annual AI for Good Global Summit, which they co-host at the "
     "Palexpo exhibition centre.", {("Switzerland", "hosted", "AI for Good Global Summit", False)}),
    ("The ITU would host the next AI for Good Global Summit in Geneva in July.",
     {("International Telecommunication Union", "hosted", "AI for Good Global Summit", False)}),
    # a two-word surname is the full name; "the two governments" are the states of the two who met
    ("The meeting was chaired by Qatar's Minister of Communications, Abdulaziz Al Marri. Delegations from the "
     "United Arab Emirates attended. On the sidelines, Al Marri held talks with South Korea's Vice-Minister of "
     "Science and ICT, Park Ji-hoon, and the two governments signed a memorandum of understanding on AI safety.",
     {("Abdulaziz Al Marri", "metWith", "Park Ji-hoon", False), ("Qatar", "agreementWith", "South Korea", False)}),
    # the gap of a relative clause is the object of its infinitive: "a proposal Berlin declined to back"
    ("France has pushed for joint EU borrowing to finance AI infrastructure, a proposal Berlin has so far "
     "declined to back.", {("Germany", "endorsed", "joint EU borrowing", True)}),
    # "X, a text drafted by …" is X, even when the parser makes the text a second object
    ("The meeting closed with the Doha Statement on Inclusive AI, a non-binding text drafted by Qatar and "
     "Malaysia that commits signatories to share datasets.",
     {("Qatar", "proposed", "Doha Statement on Inclusive AI", False)}),
    # a title-case quote set off by commas names the text; "the rule" is it, not "a separate rule" since
    ('The bureau published an interim final rule, "Export Controls on Model Weights," requiring a licence. '
     'The bureau said it would propose a separate rule on cloud access. China condemned the rule.',
     {("China", "criticised", "Export Controls on Model Weights", False)}),
]


@pytest.mark.parametrize("text,expected", AGREEMENT_AND_NAMES + MEMBERSHIP + REFERENCE + INFERENCE_AND_QUANTIFIERS)
def test_grammar_of_reference(facts, text, expected):
    got = facts(text)
    assert expected <= got, f"missing {expected - got}; got {got}"


@pytest.mark.parametrize("text,expected", CONTROL_AND_MODALITY)
def test_control_and_modality(facts, text, expected):
    got = facts(text, with_modality=True)
    assert expected <= got, f"missing {expected - got}; got {got}"


@pytest.mark.parametrize("text,unwanted", [
    # "who" takes a person: not the organisation at the end of the title
    ('"We are ready," said Rosa Quintero, Chile\'s envoy to the United Nations, who chaired the talks.',
     ("United Nations", "chaired")),
    # no agreement between two states from a refusal to sign
    ("Japan and India did not sign the memorandum on chips.", ("Japan", "agreementWith")),
    # a past role is not a role
    ("Tran Minh Chau, a former researcher at Hanoi University, spoke.", ("Tran Minh Chau", "affiliatedWith")),
    # legislators hold no office of the state
    ("Anna Berg, a Swedish MEP, criticised the plan.", ("Anna Berg", "officialOf")),
    # "welcomed the decision" does not say which text was decided: no guess (on the held-out sets the
    # nearest document was the wrong one more often than not)
    ("The Council adopted the Data Governance Act. Sweden welcomed the decision.", ("Sweden", "endorsed")),
    # joining a country in doing something is not endorsing the country, nor membership
    ("Japan joined Canada in criticising the plan.", ("Japan", "endorsed")),
    ("Japan joined Canada in criticising the plan.", ("Japan", "memberOf")),
    # "urged X to do Y": what is called for is Y, not X
    ("Egypt urged wealthier countries to pay for training.", ("Egypt", "calledFor", "wealthier countries")),
    # a conjunct does not inherit the denial of "rejected"
    ("Tamm rejected the accusation and praised the inspectorate.", ("Tamm", "praised", "inspectorate", True)),
])
def test_no_wrong_argument(facts, text, unwanted):
    got = facts(text)
    assert not {f for f in got if f[:len(unwanted)] == unwanted}, got


@pytest.mark.parametrize("text,called_for", [
    # an action asked for is named by its noun (the lexicon's nominalisations), less its time and manner
    ("Amnesty International urged Kenya to ratify the Malabo Convention without further delay.",
     "ratification of Malabo Convention"),
    ("The European Trade Union Confederation called on the Commission to withdraw the measures.",
     "withdrawal of the measures"),
    # passive: what is acted on is the subject, wherever the parser hung the infinitive
    ("Senator Ruth Okafor called for the full text of the memorandum to be published before the vote.",
     "publication of the full text of the memorandum"),
    # a prepositional verb keeps its preposition; a second complement stays
    ("Oxfam urged governments to invest in local data centres rather than relying on foreign clouds.",
     "investment in local data centres"),
    ("Privacy International called on regulators to extend the rule to in-house systems by June.",
     "extension of the rule to in-house systems"),
    # a verb the table does not list keeps its clause
    ("Oxfam urged ministers to give exporters clearer guidance.", "give exporters clearer guidance"),
    ("Oxfam condemned the Data Act and urged the president to veto it.", "veto of Data Act"),
])
def test_requests_are_named_by_their_nominalisation(facts, text, called_for):
    assert called_for in {o for s, p, o, n in facts(text) if p == "calledFor"}, facts(text)


@pytest.mark.parametrize("text", [
    "Greenpeace urged other members to do so.",  # an action named before
    "Greenpeace urged Japan to ratify it.",  # nothing for "it" to be (not Japan)
])
def test_requests_that_name_nothing_are_not_stored(facts, text):
    assert not {f for f in facts(text) if f[1] == "calledFor"}, facts(text)


def test_no_event_is_read_from_a_headline(nlp, extractor):
    doc = nlp("France signs AI treaty as Japan holds back\n\nFrance signed the Lyon Treaty on Monday.")
    rels = extractor.extract(doc, "h.txt")
    assert {(r.subject_label, r.predicate) for r in rels} == {(FR, "signed")}
    assert all(r.sentence_index > 0 for r in rels)


@pytest.mark.parametrize("text,wanted,unwanted", [
    # a live blog's entry heading, under a clock time: the prose under it tells the event
    ("Live updates\n\n15:55 Seoul and Riyadh sign chip memorandum\n\nMinisters met in Riyadh on Tuesday.",
     set(), ("Saudi Arabia", "signed")),
    # a "Most read" link, after its list number, and a teaser with its clock time in brackets
    ("Ministers met in Riyadh on Tuesday.\n\nMost read\n1. Qatar signs chip supply deal with Nvidia\n"
     "2. Senate approves AI bill (05:10)\n", set(), ("Qatar", "agreementWith")),
    # a forum post quoting another page's headline
    ("Saw this in the Times this morning.\n> Kyrgyzstan and Russia sign memorandum on AI tutors\n"
     "> The deal covers 300 schools.", set(), ("Kyrgyzstan", "signed")),
    # a hard-wrapped paragraph's line is prose: its sentence goes on below it
    ("Ministers met in Riyadh on Tuesday.\n\nThe ministry said Japan signed the Riyadh Accord\nand France "
     "endorsed it.", {("Japan", "signed", "Riyadh Accord")}, None),
    # a body sentence with its full stop is read, however short its line
    ("Ministers met in Riyadh on Tuesday.\n\nQatar signed the Riyadh Accord.\n\nIt takes effect in May.",
     {("Qatar", "signed", "Riyadh Accord")}, None),
])
def test_no_event_is_read_from_a_title_line(facts, text, wanted, unwanted):
    got = facts(text)
    assert wanted <= {(s, p, o) for s, p, o, n in got}, got
    assert unwanted is None or not any((s, p) == unwanted for s, p, o, n in got), got


@pytest.mark.parametrize("text,fact", [
    # "not" on the auxiliary, split from its verb by a parenthetical
    ("Islamabad has lodged a protest but has not, unlike Kazakhstan, criticised Washington in public.",
     ("Pakistan", "criticised", US)),
    # "neither … nor": the denial sits on the first conjunct
    ("The UAE proposed the Gulf Chip Code, but neither Saudi Arabia nor Qatar has endorsed it.",
     ("Qatar", "endorsed", "Gulf Chip Code")),
    # "no" on the light noun of "impose restrictions on"
    ("The European Union has imposed no restrictions of its own on the United Arab Emirates.",
     ("European Union", "restricted", "United Arab Emirates")),
])
def test_denials_the_parse_hides(facts, text, fact):
    got = facts(text)
    assert (*fact, True) in got and (*fact, False) not in got, got


# --- titles, names the NER misses, and organisations the article describes ---------------------------

TITLES_AND_NAMES = [
    # "X's Minister of <portfolio>, NAME": the portfolio is no body, the name (missed by the NER) a person
    ("Ghana's Minister of Communications and Digitalisation, Kwabena Osei-Mensah, opened the forum.",
     {("Kwabena Osei-Mensah", "officialOf", "Ghana", False)}),
    ("Tomas Varga, Hungary's Minister for Digital Affairs, criticised the plan.",
     {("Tomas Varga", "officialOf", "Hungary", False)}),
    # a demonym the NER took for a person still names the state
    ("The deal was announced by Mongolian Prime Minister Batbayar Enkhjargal.",
     {("Batbayar Enkhjargal", "officialOf", "Mongolia", False)}),
    # a ministry's spokesman speaks for the state
    ("Moroccan Foreign Ministry spokesman Youssef Alaoui said Rabat was ready.",
     {("Youssef Alaoui", "officialOf", "Morocco", False)}),
    # "NAME of ORG": where the person works
    ("Dr Ines Marchal-Duval of the University of Lisbon told the committee the test was flawed.",
     {("Ines Marchal-Duval", "affiliatedWith", "University of Lisbon", False)}),
    # a name set off by commas that the parser coordinated with the portfolio
    ("Peru's Minister of Production, Lucia Quispe, held talks in Lima with Andres Vela, Ecuador's industry "
     "minister.", {("Lucia Quispe", "metWith", "Andres Vela", False), ("Lucia Quispe", "officialOf", "Peru", False)}),
    # "X AI" is a company, not the concept AI
    ("Lisbon-based start-up Farol AI on Monday released Tejo-3, an open-weight model.",
     {("Farol AI", "released", "Tejo-3", False)}),
]

DESCRIBED_ORGANISATIONS = [
    # the appositive description makes the name an organisation and finds it again later
    ("Kapwa Datos, a Cebu-based digital rights watchdog, criticised the bill. "
     '"It is a blank cheque," said the watchdog\'s director, Maria Santos.',
     {("Kapwa Datos", "criticised", "bill", False), ("Maria Santos", "affiliatedWith", "Kapwa Datos", False)}),
    # "its director, NAME, called for": a finite verb misparsed as a modifier of "director"
    ("Vozes Digitais, a Porto-based rights group, criticised the treaty, and its director, Rui Matos, "
     "called for an independent audit.", {("Rui Matos", "calledFor", "independent audit", False)}),
    # a report speaks for the body that published it
    ("A report released on Tuesday by the Lisbon Institute for Digital Policy found gaps. The report calls "
     "for mandatory audits and praised Estonia.",
     {("Lisbon Institute for Digital Policy", "calledFor", "mandatory audits", False),
      ("Lisbon Institute for Digital Policy", "praised", "Estonia", False)}),
]

DENIALS_AND_CONDITIONS = [
    ("Nigeria and Ghana have yet to ratify the Accra Convention.",
     {("Nigeria", "ratified", "Accra Convention", True), ("Ghana", "ratified", "Accra Convention", True)}),
    ("Canada has neither ratified the Accra Convention nor set a date for doing so.",
     {("Canada", "ratified", "Accra Convention", True)}),
    ("Vodafone said it would no longer work with Huawei.", {("Vodafone", "cooperatesWith", "Huawei", True)}),
]

CONTROL_AND_COORDINATION = [
    # "called on X to V": X is asked, so X's act is only possible, and the caller called for it
    ("Amnesty International called on Kenya to sign the Accra Convention.",
     {("Kenya", "signed", "Accra Convention", False, "possible")}),
    # "used the occasion to V": the user does it
    ("Sintra Labs used the summit to launch Gaivota-2, a chatbot.", {("Sintra Labs", "released", "Gaivota-2", False,
                                                                       "asserted")}),
    # a conditional plan is not a plan
    ("Officials said Austria would ratify the Accra Convention once the law is ready.",
     {("Austria", "ratified", "Accra Convention", False, "possible")}),
]


@pytest.mark.parametrize("text,expected", TITLES_AND_NAMES + DESCRIBED_ORGANISATIONS + DENIALS_AND_CONDITIONS)
def test_titles_descriptions_and_denials(facts, text, expected):
    got = facts(text)
    assert expected <= got, f"missing {expected - got}; got {got}"
    flipped = {(s, p, o, not n) for s, p, o, n in expected}
    assert not (flipped & got), f"polarity wrong: {flipped & got}"


@pytest.mark.parametrize("text,expected", [c for c in CONTROL_AND_COORDINATION if c[1]])
def test_control_by_objects_and_conditions(facts, text, expected):
    got = facts(text, with_modality=True)
    assert expected <= got, f"missing {expected - got}; got {got}"


def test_coordinated_demonyms_are_each_state(facts):
    got = facts("Andes Neural, a Santiago-based start-up, released a model. The company said it would work "
                "with the Colombian and Uruguayan governments on pilots.")
    assert {("Andes Neural", "cooperatesWith", "Colombia", False),
            ("Andes Neural", "cooperatesWith", "Uruguay", False)} <= got, got


@pytest.mark.parametrize("text,unwanted", [
    # "worked at" is a former role
    ("Lena Fisk, who worked at Nordic Compute until 2023, criticised the plan.", ("Lena Fisk", "affiliatedWith")),
    # a title-cased headline cited in quotes is no name of a resolution
    ('Xinhua, "UNGA Adopts Kenya-Proposed Resolution to Boost AI Skills," accessed May 2, 2024.',
     ("UN General Assembly", "adopted")),
    # a country has no secretary-general: "its" is the body named before
    ("The Council of Europe drafted the treaty. Japan may join. Its deputy secretary-general, Ana Lind, urged "
     "signatories to ratify.", ("Ana Lind", "officialOf", "Japan")),
])
def test_no_wrong_argument_2(facts, text, unwanted):
    got = facts(text)
    assert not {f for f in got if f[:len(unwanted)] == unwanted}, got


REFERENCE_TO_PROPOSALS_AND_EVENTS = [
    # "the idea" / "the plan" with nothing of its own: what was just proposed
    ("Kenya proposed a Pan-African Compute Agency at the summit. Ghana and Togo backed the idea, while "
     "Egypt rejected the plan.",
     {("Ghana", "endorsed", "Pan-African Compute Agency", False), ("Togo", "endorsed", "Pan-African Compute Agency", False),
      ("Egypt", "endorsed", "Pan-African Compute Agency", True)}),
    # a denied second agent
    ("Oslo has proposed a peer-review mechanism, and the idea has been endorsed by Latvia and Malta, though "
     "not by Italy.",
     {("Latvia", "endorsed", "peer-review mechanism", False), ("Italy", "endorsed", "peer-review mechanism", True)}),
    # how long a meeting lasts does not say which meeting; where it is does
    ("Bolivia attended a two-day ministerial meeting in Sucre.",
     {("Bolivia", "attended", "ministerial meeting in Sucre", False)}),
]


@pytest.mark.parametrize("text,expected", REFERENCE_TO_PROPOSALS_AND_EVENTS)
def test_reference_to_proposals_and_events(facts, text, expected):
    got = facts(text)
    assert expected <= got, f"missing {expected - got}; got {got}"
    flipped = {(s, p, o, not n) for s, p, o, n in expected}
    assert not (flipped & got), f"polarity wrong: {flipped & got}"


VOTES_GROUPS_AND_PARTIES = [
    # voting without naming the text: the text under discussion
    ("The assembly adopted the Quito Declaration on Monday. Chile and Bolivia voted in favour, while Peru "
     "voted against.",
     {("Chile", "endorsed", "Quito Declaration", False), ("Bolivia", "endorsed", "Quito Declaration", False),
      ("Peru", "endorsed", "Quito Declaration", True)}),
    ("Brazil voted in favour of the Quito Declaration.", {("Brazil", "endorsed", "Quito Declaration", False)}),
    # "all three states": the three named
    ("Oman, Kuwait and Bahrain are racing to build data centres. All three states are members of the Gulf "
     "Cooperation Council.",
     {("Oman", "memberOf", "Gulf Cooperation Council", False), ("Kuwait", "memberOf", "Gulf Cooperation Council", False),
      ("Bahrain", "memberOf", "Gulf Cooperation Council", False)}),
    # a party's deputy is a member of that party
    ("Marta Gil Soto, a Civic Union deputy, accused the government of delay.",
     {("Marta Gil Soto", "memberOf", "Civic Union", False)}),
    ("Fjellkraft Capital also invested in Aurora Labs.", {("Fjellkraft Capital", "funded", "Aurora Labs", False)}),
]


@pytest.mark.parametrize("text,expected", VOTES_GROUPS_AND_PARTIES)
def test_votes_groups_and_parties(facts, text, expected):
    got = facts(text)
    assert expected <= got, f"missing {expected - got}; got {got}"
    flipped = {(s, p, o, not n) for s, p, o, n in expected}
    assert not (flipped & got), f"polarity wrong: {flipped & got}"


@pytest.mark.parametrize("text,expected", [
    # a title on the first of coordinated names, and "of <country>": whom they serve
    ("The accord was signed by foreign ministers Lucia Ferreira of Brazil and Diego Marin of Chile.",
     {("Diego Marin", "officialOf", "Chile", False)}),
    # "Chief executive X" with no company named: the company the story is about
    ("Qalam AI released Sidra-2 on Monday, backed by Meridian Capital. Chief executive Layla Haddad said the "
     "money would pay for a cluster.", {("Layla Haddad", "affiliatedWith", "Qalam AI", False)}),
    # one known name the NER cut in two: not "Republic of China" (Taiwan)
    ("Biden met President Xi Jinping of the People’s Republic of China in Woodside.",
     {("Xi Jinping", "officialOf", "China", False)}),
])
def test_roles_from_context(facts, text, expected):
    got = facts(text)
    assert expected <= got, f"missing {expected - got}; got {got}"


def test_a_proposal_to_create_and_its_reception(facts):
    got = facts("A proposal by Kenya to create a continental AI safety institute divided the room. Ghana and "
                "Senegal backed the idea, but Egypt declined to endorse it.", with_modality=True)
    institute = "continental AI safety institute"
    assert {("Kenya", "proposed", institute, False, "asserted"), ("Ghana", "endorsed", institute, False, "asserted"),
            ("Egypt", "endorsed", institute, True, "asserted")} <= got, got
    # proposing to create something is not creating it, nor intending to
    assert not {f for f in got if f[1] == "established" and f[4] in {"asserted", "intended", "planned"}}, got


def test_names_after_titles_the_ner_missed(facts):
    got = facts("Green Party MP Tama Henare said his party would table amendments. Nigeria's Minister of "
                "Communications and Digital Economy, Babatunde Adeyemi-Okoro, who visited the site on Sunday, "
                "said Abuja was ready.")
    assert {("Tama Henare", "memberOf", "Green Party", False),
            ("Babatunde Adeyemi-Okoro", "officialOf", "Nigeria", False)} <= got, got


@pytest.mark.parametrize("text,expected", [
    # "warned that …": the clause, less its adverbial clause
    ("Senator Ruiz warned that the EU must build its own chips, after China announced new export controls.",
     {("Ruiz", "warnedAbout", "the EU must build its own chips", False)}),
])
def test_warned_that(facts, text, expected):
    got = facts(text)
    assert expected <= got, f"missing {expected - got}; got {got}"


def test_warned_about_takes_no_second_theme_from_a_stray_clause(facts):
    got = facts("Commissioner Ruth Kingi had warned about agencies buying systems they could not explain in a "
                "submission last year.")
    assert {o for s, p, o, n in got if p == "warnedAbout"} == {"agencies buying systems they could not explain"} or \
        all("submission" not in o for s, p, o, n in got if p == "warnedAbout"), got


def test_the_company_is_the_one_the_story_is_about(facts):
    got = facts("Fjordlight AI released Skald-2 on Monday. Fjordlight AI is funded by Donau Ventures and by "
                "EIFO. The company will not release the training dataset.")
    assert ("Fjordlight AI", "released", "training dataset", True) in got, got
    assert not any(s == "Donau Ventures" and p == "released" for s, p, o, n in got), got


def test_a_name_in_apposition_to_a_name_is_the_same_body(facts):
    got = facts("CAF, the Development Bank of Latin America and the Caribbean, announced a regional facility for "
                "AI in public services.")
    assert {s for s, p, o, n in got if p == "announced"} == {"CAF"}, got


@pytest.mark.parametrize("text,expected", [
    # the parser hung the first name on the second, with the "and": both signed
    ("The memorandum was signed by Minister Yoon Ji-hye and Secretary Ramon Villacorta.",
     {("Yoon Ji-hye", "signed", "memorandum", False), ("Ramon Villacorta", "signed", "memorandum", False)}),
    # the name before "chief executive of X", hung on the title by the parser
    ("Minister Ana Lima later met with Park Sung-min, chief executive of Seoul-based chipmaker Daon Semiconductor.",
     {("Ana Lima", "metWith", "Park Sung-min", False), ("Park Sung-min", "affiliatedWith", "Daon Semiconductor", False)}),
])
def test_names_the_parser_misattached(facts, text, expected):
    got = facts(text)
    assert expected <= got, f"missing {expected - got}; got {got}"


def test_an_unresolved_counted_reference_is_nobody_new(facts):
    got = facts("The two ministers later met with Kenya's president, William Ruto.")
    assert not any(s == "two ministers" for s, p, o, n in got), got


@pytest.mark.parametrize("text,unwanted", [
    # the reason for praise is background, not an event reported
    ("The report praised Singapore for publishing its testing tools.", ("Singapore", "released")),
    # a bare "the measure" names nothing
    ("China's commerce ministry criticised the measure as discriminatory.", ("China", "criticised", "measure")),
])
def test_no_background_or_nameless_facts(facts, text, unwanted):
    got = facts(text)
    assert not {f for f in got if f[:len(unwanted)] == unwanted}, got


@pytest.mark.parametrize("text,expected", [
    # verb-phrase ellipsis after an auxiliary: the verb it hangs on, denied or stated
    ("Mexico and Chile co-sponsored the Lima Declaration, but Argentina did not.",
     {("Argentina", "coSponsored", "Lima Declaration", True), ("Chile", "coSponsored", "Lima Declaration", False)}),
    ("Norway and Japan have signed the Lima Declaration, as has the European Union.",
     {("European Union", "signed", "Lima Declaration", False)}),
    ("Google signed the Seoul Pledge in May. Microsoft has not.", {("Microsoft", "signed", "Seoul Pledge", True)}),
])
def test_ellipsis(facts, text, expected):
    got = facts(text)
    assert expected <= got, f"missing {expected - got}; got {got}"


def test_no_ellipsis_from_a_full_verb(facts):
    got = facts('France chaired the talks. She said the text was "more concrete than anything we have had before".')
    assert not any(r[3] is False and r[1] == "chaired" and r[0] != "France" for r in got), got


def test_it_as_the_object_of_signing_is_the_text_under_discussion(facts):
    got = facts("Kenya circulated the Nairobi Statement on Compute on Monday. Mexico and Chile co-sponsored it "
                "within the hour, but Argentina did not.")
    assert {("Mexico", "coSponsored", "Nairobi Statement on Compute", False),
            ("Argentina", "coSponsored", "Nairobi Statement on Compute", True)} <= got, got


def test_a_described_body_is_the_one_named_after_it(facts):
    got = facts("ASEAN launched a regional network of artificial intelligence safety institutes on Friday. The "
                "ASEAN AI Safety Network was set up at a meeting of digital ministers. Singapore, Indonesia and the "
                "Philippines are its founding members. The network will work with the Japan AI Safety Institute.")
    net = "ASEAN AI Safety Network"
    assert {("ASEAN", "established", net, False), ("Singapore", "memberOf", net, False),
            (net, "cooperatesWith", "Japan AI Safety Institute", False)} <= got, got


@pytest.mark.parametrize("text,fact", [
    # a denial denies what it reports
    ("Daeyang Semiconductor denied a report that it had held talks with Huawei about memory chips.",
     ("Daeyang Semiconductor", "metWith", "Huawei")),
    ("Yunfeng Cloud denied that it had ever worked with Huawei.", ("Yunfeng Cloud", "cooperatesWith", "Huawei")),
])
def test_denied_reports(facts, text, fact):
    got = facts(text)
    assert (*fact, True) in got and (*fact, False) not in got, got


def test_chief_executive_of_a_described_employer(facts):
    got = facts("Priya Raman, chief executive of the London-based developer Kestrel AI, travelled to Washington.")
    assert ("Priya Raman", "affiliatedWith", "Kestrel AI", False) in got, got
    # "X, whose president, NAME, called it …" parsed with the clause as a complement, not a relative
    got = facts("The plan was welcomed by the Federation of German Industries, whose president, Harald Sommerfeld, "
                "called it overdue.")
    assert ("Harald Sommerfeld", "affiliatedWith", "Federation of German Industries", False) in got, got
    # a one-word firm's name the NER could not type: a chief executive is a firm's (a state has none)
    for text in ("Mathilde Roux, the chief executive of Vantix, welcomed the decision.",
                 "Vantix's chief executive, Mathilde Roux, welcomed the decision."):
        assert ("Mathilde Roux", "affiliatedWith", "Vantix", False) in facts(text), text


@pytest.mark.parametrize("text,expected", [
    ("Britain has invited India and Brazil to attend as guests, but not China, officials said.",
     {("United Kingdom", "invited", "India", False), ("United Kingdom", "invited", "China", True)}),
    # "the American proposal for X": the US proposed X, and what was criticised is X
    ("Li Meifang criticised the American proposal for a trusted AI club of allied democracies.",
     {(US, "proposed", "trusted AI club of allied democracies", False),
      ("Li Meifang", "criticised", "trusted AI club of allied democracies", False)}),
    # declining to back a proposal does not deny that it was proposed
    ("India declined to endorse a French proposal for a global AI observatory.",
     {(FR, "proposed", "global AI observatory", False)}),
    # "a Polish proposal to delay …": named by what it would do; the proposer is no part of its name
    ("Spain and Italy backed a Polish proposal to delay by two years the AI Act's obligations for high-risk "
     "systems, which was tabled on Monday.",
     {("Poland", "proposed", "proposal to delay AI Act's obligations for high-risk systems", False),
      ("Spain", "endorsed", "proposal to delay AI Act's obligations for high-risk systems", False)}),
])
def test_proposals_and_exceptions(facts, text, expected):
    got = facts(text)
    assert expected <= got, f"missing {expected - got}; got {got}"
    flipped = {(s, p, o, not n) for s, p, o, n in expected}
    assert not (flipped & got), f"polarity wrong: {flipped & got}"


def test_welcoming_the_adoption_of_a_text(facts):
    got = facts("The Human Rights Council adopted the resolution on AI and human rights. Amara Diallo welcomed the "
                "adoption of the text by the council.")
    assert ("Amara Diallo", "endorsed", "resolution on AI and human rights", False) in got, got
    assert not any(s == "Amara Diallo" and p == "adopted" for s, p, o, n in got), got


def test_a_definite_text_is_the_text_of_that_kind(facts):
    got = facts("Digital ministers adopted a communiqué on artificial intelligence in Durban on Friday. South "
                "Africa had made a proposal for a compute-sharing facility the centrepiece of the talks. Brazil and "
                "India signed the communiqué alongside Japan.")
    assert ("Brazil", "signed", "communiqué on AI", False) in got, got  # (one spelling: "AI")
    assert not any(p == "signed" and "facility" in o for s, p, o, n in got), got


def test_a_question_headline_is_still_a_headline(nlp, extractor):
    doc = nlp("Explainer: The first AI treaty is in force. Who is bound by it?\n\nNorway has ratified the "
              "Framework Convention on Artificial Intelligence. Switzerland has not yet ratified the treaty.")
    got = {(r.subject_label, r.predicate, r.object_label, r.negated) for r in extractor.extract(doc, "q.txt")}
    assert ("Switzerland", "ratified", "Framework Convention on Artificial Intelligence", True) in got, got


@pytest.mark.parametrize("text,expected,unwanted", [
    # "declined to say whether X would sign": neither way
    ("He declined to say whether Canada would sign the Ottawa Code.", set(), ("Canada", "signed")),
    # "accused the regulator of …": the regulator is accused, the charge is no object
    ("The Dutch Data Protection Authority fined Quillon AI. Quillon accused the regulator of enforcement by press "
     "release.", set(), ("Quillon AI", "criticised", "regulator of enforcement")),
    # "Its director" opening a sentence: the organisation that opened the one before
    ("The report was praised by Japan. Digital Freedom Watch, an Amsterdam-based campaign group, criticised it. Its "
     "legal director, Ines Brandao, called for a ban.",
     {("Ines Brandao", "affiliatedWith", "Digital Freedom Watch", False)}, ("Ines Brandao", "affiliatedWith", "Japan")),
])
def test_hedges_charges_and_topics(facts, text, expected, unwanted):
    got = facts(text, with_modality=True)
    stated = {f[:4] for f in got if f[4] != "possible"}
    assert expected <= stated, f"missing {expected - stated}; got {got}"
    assert not {f for f in stated if f[:len(unwanted)] == unwanted}, got


def test_co_sponsors_named_among_a_counted_group(facts):
    got = facts("Tuvalu drafted the Funafuti Resolution. The text was co-sponsored by 64 countries, among them "
                "Australia, New Zealand, Japan and the Philippines. Tuvalu, Fiji and Vanuatu drafted it. The three "
                "sponsors are all members of the Pacific Islands Forum.")
    assert {("Australia", "coSponsored", "Funafuti Resolution", False),
            ("Philippines", "coSponsored", "Funafuti Resolution", False),
            ("Fiji", "memberOf", "Pacific Islands Forum", False)} <= got, got


def test_no_implicit_object_in_a_free_relative(facts):
    got = facts("The Council of Europe adopted the Vilnius Convention. Here is what it does, who has joined and who "
                "is staying out.")
    assert not any(p == "endorsed" for s, p, o, n in got), got


def test_ellipsis_after_a_speech_verb_and_titles_of_envoys(facts):
    got = facts("Russia has not endorsed the Paris Declaration, he confirmed, and neither has China.")
    assert ("China", "endorsed", "Paris Declaration", True) in got, got
    got = facts("Briefing the council, Ingrid Solvang, the UN's High Representative for Disarmament Affairs, warned "
                "about compressed decision cycles.")
    assert not any(p == "affiliatedWith" and "Representative" in o for s, p, o, n in got), got


def test_the_declaration_is_the_only_text_named(facts):
    got = facts("Fourteen governments adopted the Paris Agreement on Thursday. Morocco did not "
                "sign the declaration. The Colombo Collective criticised the compact's silence on labour.")
    assert ("Morocco", "signed", "Paris Agreement", True) in got, got


# -- session 4: coordination the parser flattens, titles with portfolios, companions ----------------

COORDINATION_AND_TITLES = [
    # right-node raising: two verbs share the object written after the second
    ("Norway signed and ratified the Oslo Accord on Algorithms.",
     {("Norway", "signed", "Oslo Accord on Algorithms", False), ("Norway", "ratified", "Oslo Accord on Algorithms", False)}),
    ("Peru did not sign or ratify the Lima Charter.",
     {("Peru", "signed", "Lima Charter", True), ("Peru", "ratified", "Lima Charter", True)}),
    # a conjunct with its own auxiliary does not inherit the first verb's "not"
    ("Zentra AI said it had not scraped any news sites and would cooperate with the Office of the Privacy "
     "Commissioner.", {("Zentra AI", "cooperatesWith", "Office of the Privacy Commissioner", False)}),
    # companions of the agent: "along with", "alongside"
    ("Senegal, along with Ghana and Togo, voted against the Dakar Resolution.",
     {("Ghana", "endorsed", "Dakar Resolution", True), ("Togo", "endorsed", "Dakar Resolution", True)}),
    ("The Quito Charter was backed by Ecuador, along with Bolivia.",
     {("Bolivia", "endorsed", "Quito Charter", False)}),
    # the class noun's name in apposition carries the coordination
    ("The chip, which was funded by the Oslo venture firm Fjord Capital and the Nansen Foundation, ships in May.",
     {("Fjord Capital", "funded", "chip", False), ("Nansen Foundation", "funded", "chip", False)}),
    # "researchers at X": X
    ("Lumio Labs worked with researchers at Makanda University on the benchmark.",
     {("Lumio Labs", "cooperatesWith", "Makanda University", False)}),
    # titles whose portfolio is a list with commas, and names the NER typed as organisations
    ("Peru's Minister of Production, Trade and Tourism, Rosa Quispe Huamán, met with Ana Ortiz.",
     {("Rosa Quispe Huamán", "officialOf", "Peru", False), ("Rosa Quispe Huamán", "metWith", "Ana Ortiz", False)}),
    ("Kenya's investment, trade and industry minister, Otieno Kamau, criticised the levy.",
     {("Otieno Kamau", "officialOf", "Kenya", False)}),
    ("She held talks with her Ghanaian counterpart, Kwesi Boateng.", {("Kwesi Boateng", "officialOf", "Ghana", False)}),
    # an MEP "of" a political group is its member
    ("The amendment was tabled by Dutch MEP Joris Bakker of the Renew Europe group.",
     {("Joris Bakker", "memberOf", "Renew Europe", False)}),
    # a bare "a declaration" in the lede is the declaration named next; "the text" is then that declaration
    ("Ministers adopted a declaration on Tuesday, but Serbia refused to back the text. The Belgrade Declaration on "
     "Machine Learning was drafted by Croatia.",
     {("Serbia", "endorsed", "Belgrade Declaration on Machine Learning", True)}),
]


@pytest.mark.parametrize("text,expected", COORDINATION_AND_TITLES)
def test_coordination_and_titles(facts, text, expected):
    got = facts(text)
    assert expected <= got, f"missing {expected - got}; got {got}"


@pytest.mark.parametrize("text,unwanted", [
    # no shared object when the second verb is no trigger: "shows little sign"
    ("Israel has not ratified and shows little sign of doing so.", ("Israel", "ratified")),
    # a bare "a text" is any text, not the one named later
    ("\"We cannot support a text that ignores workers,\" she said. China voted in favour of the Dakar Resolution. "
     "The Global Digital Compact was mentioned.", ("China", "endorsed", "Global Digital Compact")),
    # a name the NER missed before a lowercase class noun is the organisation, not the last one named
    ("Poland will work with NATO on drones. The Stop Killer Robots coalition urged both governments to keep "
     "control.", ("NATO", "calledFor")),
    # "Vistula" is Vistula Aerosystems, not the joint venture "Vistula-Zhuravel Defence"
    ("Vistula Aerosystems struck a deal with Zhuravel Robotics to form a joint venture, Vistula-Zhuravel Defence. "
     "Marek Zawadzki, Vistula's chief executive, said the venture would grow.",
     ("Marek Zawadzki", "affiliatedWith", "Vistula-Zhuravel Defence")),
    # a minister's portfolio is no body they belong to, however the "for" phrase is attached
    ("The alliance was presented by Germany's Digital Minister, Tobias Rensing, and France's Minister Delegate "
     "for AI and Digital Affairs, Camille Roussel.", ("Camille Roussel", "memberOf")),
    ("The partnership was signed in Rabat by Morocco's Minister Delegate for Digital Transition, Leila Tazi.",
     ("Leila Tazi", "memberOf")),
    # the proposal one declines to back is the one the sentence set up, not an earlier report
    ("Amnesty released a report called Faces for Export. Germany said it would support a moratorium on exports, "
     "while Italy declined to back the proposal.", ("Italy", "endorsed", "Faces for Export")),
    # "a coalition of NGOs" names no member
    ("Stop Killer Robots, an international coalition of NGOs, welcomed the resolution.", ("of NGOs", "memberOf")),
    ("Estonia, Finland, Latvia and Sweden signed a memorandum of understanding on a shared test range.",
     ("Estonia", "agreementWith")),
    # "the rule of law" is no text for "it" to refer to
    ("The convention is the first treaty on AI, human rights and the rule of law. Besides Norway, it has been "
     "ratified by Andorra.", ("Andorra", "ratified", "rule of law")),
    # a participle before its noun describes it: a proposed takeover was not proposed as a text
    ("The regulator blocked Vantix's proposed acquisition of Parlance AI.", ("Vantix", "proposed")),
    ("He questioned Kilele's published scores.", ("Kilele", "released")),
    # a person who joins a board takes up a post; a state that joins an initiative backs it
    ("Johan Dahl, a partner at Nordvik Ventures, will join Fjällmind's board.", ("Johan Dahl", "endorsed")),
    # "support for" a country's sector is aid, not the backing of a text
    ("She praised China for its unwavering support for Pakistan's technology sector.", ("China", "endorsed")),
])
def test_no_shared_or_generic_object(facts, text, unwanted):
    got = facts(text)
    assert not {f for f in got if f[:len(unwanted)] == unwanted}, got


def test_the_story_country_holds_an_unattributed_ministry(facts):
    text = ("Ireland will tax data centres from 2027. The Irish levy was announced in Dublin, where Ireland's "
            "cabinet met. Critics in Ireland said the plan was late. The Minister for Enterprise, Declan Furlong, "
            "said the levy was fair.")
    assert ("Declan Furlong", "officialOf", "Ireland", False) in facts(text)
    # two countries in the story: nobody can tell whose minister it is
    text = ("Qatar and Indonesia signed a pact in Doha. Indonesia and Qatar will train engineers. The Prime "
            "Minister, Sheikh Khalid Al Thani, welcomed the pact.")
    assert not any(p == "officialOf" and s.endswith("Al Thani") for s, p, o, n in facts(text))
    # the capital and the national bodies count for the story's country, against a rival named twice
    text = ("Australia opened the Australian AI Safety Institute in Canberra. The Australian AI Safety Institute "
            "will test models from London and Seoul. The United Kingdom sent staff. The institute reports to "
            "Canberra. Her appointment was announced by the industry and science minister, Peter Callaghan.")
    assert ("Peter Callaghan", "officialOf", "Australia", False) in facts(text)
    # but not a title the sentence gives to another state's delegation
    text = ("Ireland will tax data centres from 2027. The Irish levy was announced in Dublin, where Ireland's "
            "cabinet met. Critics in Ireland said the plan was late. The American delegation, led by Under "
            "Secretary Dana Whitlock, criticised the levy.")
    assert not any(p == "officialOf" and s == "Dana Whitlock" and o == "Ireland" for s, p, o, n in facts(text))
    # a state named in passing ("after Singapore") gives the ministry no other owner
    text = ("Indonesia will host a meeting. Indonesia will fund a centre. Indonesia has joined the network as the "
            "second member after Singapore, and the Ministry of Communication invited Thailand and Vietnam to follow.")
    assert ("Indonesia", "invited", "Thailand", False) in facts(text)


@pytest.mark.parametrize("text,expected", [
    # a name the NER missed after a class noun, also one ending in a country's name
    ("Ana Ruiz, an analyst at the Lima consultancy Datos Andinos, warned about the plant's water needs.",
     {("Ana Ruiz", "affiliatedWith", "Datos Andinos", False)}),
    ("Kenya's ICT minister, Eliud Owalo, met with executives from the telecom operator Telkom Kenya.",
     {("Eliud Owalo", "metWith", "Telkom Kenya", False)}),
    # a company's name without its last word is the company
    ("Nordhavn Semiconductor Systems will build a plant in Aarhus. Nordhavn Semiconductor's chief executive, "
     "Mette Lund, praised the grant.", {("Mette Lund", "affiliatedWith", "Nordhavn Semiconductor Systems", False)}),
    # "In <capital>, the foreign office spokesperson, NAME": the capital's state
    ("In Islamabad, the foreign office spokesperson, Saima Qureshi, criticised the compact.",
     {("Saima Qureshi", "officialOf", "Pakistan", False)}),
    # a chief executive of a body is its staff, not an official
    ("Omar Ruiz, chief executive of the Greater Tucson Economic Council, praised the plant.",
     {("Omar Ruiz", "affiliatedWith", "Greater Tucson Economic Council", False)}),
    # "neither country" is the pair coordinated in the sentence, not the last two named
    ("Chile and Peru, whose ministers visited Japan, have drawn interest, though neither country has signed "
     "an agreement with Andes Chips.",
     {("Chile", "agreementWith", "Andes Chips", True), ("Peru", "agreementWith", "Andes Chips", True)}),
])
def test_names_settings_and_groups(facts, text, expected):
    got = facts(text)
    assert expected <= got, f"missing {expected - got}; got {got}"
    if "neither country" in text:
        assert not any(s == "Japan" for s, p, o, n in got), got


@pytest.mark.parametrize("text,expected", [
    # "the Canadian institute": the institute of that country named before
    ("The Canadian AI Safety Institute signed a deal with Japan. Lena Ortiz praised the Canadian institute.",
     {("Lena Ortiz", "praised", "Canadian AI Safety Institute", False)}),
    # coordinated appositions: each title gives a role
    ("Marc Roy, a professor at Université Laval and a researcher at Mila, called for audits.",
     {("Marc Roy", "affiliatedWith", "Université Laval", False), ("Marc Roy", "affiliatedWith", "Mila", False)}),
    # a second by-phrase after an adverb
    ("Kenya proposed the Nairobi Charter. The charter was welcomed by Mexico, and later by the European Union.",
     {("European Union", "endorsed", "Nairobi Charter", False)}),
    # ", among them …" at the end of the clause names members of the subject group
    ("Thirty-eight countries voted in favour of the Accra Compact, among them Ghana and Togo.",
     {("Ghana", "endorsed", "Accra Compact", False), ("Togo", "endorsed", "Accra Compact", False)}),
    # "added X to its Entity List" restricts X (lexicon: "add to {list}"), also a name the NER missed
    ("The US Commerce Department added Qiantu Computing and Silverpath Trading to its Entity List.",
     {(US, "restricted", "Qiantu Computing", False), (US, "restricted", "Silverpath Trading", False)}),
    # "the company" in a spokesman's words: the company named as the sentence's possessor
    ("Rivermont Devices sells routers. Volkov Microsystems was listed. Volkov's chief executive, Gennady Zorin, "
     "said the company had never worked with the Russian defence ministry.",
     {("Volkov Microsystems", "cooperatesWith", "Russia", True)}),
    # a possessive opening a sentence: the subject of the sentence before, after "The Lagos-based"
    ("The Lagos-based Centre for Digital Justice criticised the African Union. Its director, Funmi Reed, urged "
     "openness.", {("Funmi Reed", "affiliatedWith", "Centre for Digital Justice", False)}),
])
def test_definites_lists_and_possessives(facts, text, expected):
    got = facts(text)
    assert expected <= got, f"missing {expected - got}; got {got}"


def test_adding_a_clause_to_a_draft_restricts_nobody(facts):
    assert not any(p == "restricted" for s, p, o, n in facts("The ministry added a clause to the draft law."))


@pytest.mark.parametrize("text,expected", [
    ("Sandrine Kolb, who heads the OECD's AI policy unit, attended the session.",
     {("Sandrine Kolb", "officialOf", "OECD", False)}),
    ("Margit Svensson is a senior fellow at the Brussels Institute for Technology Governance.",
     {("Margit Svensson", "affiliatedWith", "Brussels Institute for Technology Governance", False)}),
    ("Corvid AI was founded by Malik Haddad, who is now its chief technology officer.",
     {("Malik Haddad", "affiliatedWith", "Corvid AI", False)}),
    # lower-case particles inside a name the NER typed as an organisation
    ("A spokesperson for the European AI Office, Anneke de Vries, said the office was aware.",
     {("Anneke de Vries", "officialOf", "European AI Office", False)}),
    # a seat of government before a title is its state
    ("A White House spokesperson, Kevin Marsh, rejected the plan.", {("Kevin Marsh", "officialOf", US, False)}),
])
def test_roles_by_copula_heading_and_seat(facts, text, expected):
    got = facts(text)
    assert expected <= got, f"missing {expected - got}; got {got}"


@pytest.mark.parametrize("text,unwanted", [
    ("Malik Haddad, who was its chief technology officer until May, left Corvid AI.", ("Malik Haddad", "affiliatedWith")),
    ("Tomás Redbird, policy director at the Ottawa-based group Digital Fairness Canada, spoke.",
     ("Tomás Redbird", "officialOf")),
])
def test_no_past_or_located_role(facts, text, unwanted):
    got = facts(text)
    assert not {f for f in got if f[:len(unwanted)] == unwanted}, got


@pytest.mark.parametrize("text,expected", [
    # a light-verb meeting between coordinated subjects needs no "with"; signing still signs
    ("President Ana Silva and Prime Minister Jon Berg held a bilateral meeting before the session.",
     {("Ana Silva", "metWith", "Jon Berg", False)}),
    ("Finland and Vietnam signed a digital cooperation agreement on Monday.",
     {("Finland", "signed", "Finland-Vietnam digital cooperation agreement", False), ("Finland", "agreementWith", "Vietnam", False)}),
    # a funding round is the raising company's
    ("Corvid AI raised 40 million euros on Monday. The round was funded by Meridian Ventures.",
     {("Meridian Ventures", "funded", "Corvid AI", False)}),
    # a name that opens with a common noun and a connector, in apposition to "NGO"
    ("Rights in Code, a Strasbourg-based NGO, has accused the United Kingdom of delay, and its legal director, "
     "Jonas Weber, called for a timetable.",
     {("Rights in Code", "criticised", UK, False), ("Jonas Weber", "affiliatedWith", "Rights in Code", False)}),
    # "a report released by X" is the report whose title the article gives next
    ("The ban was criticised in a report released on Wednesday by Open Lens, a Berlin-based digital rights "
     "organisation. The 90-page report, titled Seen and Sorted, examines four countries.", {("Open Lens", "released", "Seen and Sorted", False)}),
])
def test_meetings_rounds_and_titled_reports(facts, text, expected):
    got = facts(text)
    assert expected <= got, f"missing {expected - got}; got {got}"


def test_close_to_an_agreement_is_not_one(facts):
    got = facts("Britain and Serbia are close to reaching an agreement on data.", with_modality=True)
    assert not any(p == "agreementWith" and m != "possible" for s, p, o, n, m in got), got
    got = facts("Fjordlight AI announced a Series B round on Monday.")
    assert not any(o == "Fjordlight AI" for s, p, o, n in got), got


@pytest.mark.parametrize("text,expected", [
    # a surname the NER took for a place, and "the Uruguayan diplomat" for the person who serves Uruguay
    ("The talks resumed on Monday under Lucía Ferreyra Bastos, Uruguay's permanent representative to the United "
     "Nations. For eight months the Uruguayan diplomat has chaired the UN talks on AI.",
     {("Lucía Ferreyra Bastos", "officialOf", "Uruguay", False),
      ("Lucía Ferreyra Bastos", "chaired", "UN talks on AI", False)}),
    # "the regulator": a body the NER could not type, when the story names no state body
    ("Corvid AI released a model on Monday. Hours later, France's data protection authority, the CNIL, warned "
     "about the risk of leaks. In a statement, the regulator called for detailed summaries of training data.",
     {("CNIL", "calledFor", "detailed summaries of training data", False)}),
    # a one-word name found elsewhere; "its" after an opening phrase is the sentence before's subject
    ("Quillon makes chatbots. The regulator fined Quillon. Quillon denied breaking the law. In a statement, its "
     "general counsel, Bradley Osei, said so.", {("Bradley Osei", "affiliatedWith", "Quillon", False)}),
])
def test_people_by_description_and_bodies_by_role(facts, text, expected):
    got = facts(text)
    assert expected <= got, f"missing {expected - got}; got {got}"
    assert not any(s == "Uruguay" and p == "chaired" for s, p, o, n in got), got


@pytest.mark.parametrize("text,expected", [
    ("Kazakhstan hosted a ministerial meeting in Astana. Uzbekistan will host the next round in Tashkent.",
     {("Uzbekistan", "hosted", "next round", False)}),
    ("Uruguay will host an informal retreat for negotiators in Punta del Este.",
     {("Uruguay", "hosted", "informal retreat for negotiators", False)}),
])
def test_new_events_are_not_the_old_ones(facts, text, expected):
    got = facts(text)
    assert expected <= got, f"missing {expected - got}; got {got}"
    assert not any(s == "Uzbekistan" and "ministerial" in o for s, p, o, n in got), got


@pytest.mark.parametrize("text,expected", [
    # a patronymic name split by the NER at "bin", with honorifics
    ("The memorandum was signed by HE Sheikh Fahad bin Jassim Al Mahmoud, Qatar's Minister of Communications. "
     "She invited Sheikh Fahad to Jakarta.",
     {("Fahad bin Jassim Al Mahmoud", "officialOf", "Qatar", False)}),
    # "it" after a text named earlier in the sentence by another predicate
    ("The OECD adopted the Paris Declaration on AI Incidents. Germany praised the declaration as workable, while "
     "the Trade Union Advisory Committee criticised it for leaving workers out.",
     {("Trade Union Advisory Committee", "criticised", "Paris Declaration on AI Incidents", False)}),
    # "the State" in a story about one country
    ("Ireland will tax data centres. Ireland's cabinet met in Dublin. Critics in Ireland objected. The minister "
     "confirmed that the State had not signed a power agreement with Corrlinn Compute.",
     {("Ireland", "agreementWith", "Corrlinn Compute", True)}),
    # money written together stays together
    ("Canada announced a C$300 million fund for computing capacity.",
     {("Canada", "announced", "C$300 million fund for computing capacity", False)}),
])
def test_names_pronouns_and_states(facts, text, expected):
    got = facts(text)
    assert expected <= got, f"missing {expected - got}; got {got}"


def test_no_misattached_subjects_or_titles(facts):
    # a subordinate clause the parser hung on the main subject: the regulator warned, not the start-up
    got = facts("Kilele Labs on Monday released Sauti-2, an open-weight model, just days after Kenya's data "
                "protection regulator warned about the scraping of radio archives.")
    assert not any(s == "Kilele Labs" and p == "warnedAbout" for s, p, o, n in got), got
    # "Commerce Under Secretary NAME": Commerce is part of a title, not whom one meets
    got = facts("Ana Ruiz is scheduled to meet with Commerce Under Secretary Daniel Whitcomb next month.")
    assert not any(o == "Commerce" for s, p, o, n in got), got


@pytest.mark.parametrize("text,expected", [
    ("The Nairobi Network of AI Labs, a group that also includes Ghana, Kenya and the African Union, met in May.",
     {("Ghana", "memberOf", "Nairobi Network of AI Labs", False), ("Kenya", "memberOf", "Nairobi Network of AI Labs", False)}),
    ("The Silicon Trade Council, a Washington industry group whose members include Rivermont Devices, welcomed the "
     "crackdown. The council's president, Amy Lindqvist, spoke.",
     {("Rivermont Devices", "memberOf", "Silicon Trade Council", False),
      ("Amy Lindqvist", "affiliatedWith", "Silicon Trade Council", False)}),
    # a family name before a hyphenated given name
    ("South Korea's minister of science, Park Seo-yeon, opened the meeting. On the sidelines, Park held talks with "
     "Marcus Whitfield.", {("Park Seo-yeon", "metWith", "Marcus Whitfield", False)}),
])
def test_inclusions_lobbies_and_family_names(facts, text, expected):
    got = facts(text)
    assert expected <= got, f"missing {expected - got}; got {got}"


def test_a_delegation_that_includes_ministers_has_no_members(facts):
    got = facts("The Japanese delegation, which included two ministers, left early.")
    assert not any(p == "memberOf" for s, p, o, n in got), got


def test_the_two_sides_are_the_states_of_the_officials_named(facts):
    got = facts("South Korea's minister of science, Park Seo-yeon, opened the meeting. On the sidelines, Park held "
                "talks with Marcus Whitfield, the US under secretary of commerce, and the two sides struck an "
                "agreement on joint research.")
    assert ("South Korea", "agreementWith", US, False) in got or (US, "agreementWith", "South Korea", False) in got, got
    # "the two ministers" are the ministers, not their states
    got = facts("France's minister, Claire Roux, held talks with India's minister, Arvind Rao, and the two "
                "ministers signed the Indo-French Roadmap on Artificial Intelligence.")
    assert ("Claire Roux", "signed", "Indo-French Roadmap on Artificial Intelligence", False) in got, got
    assert not any(s == FR and p == "signed" for s, p, o, n in got), got


@pytest.mark.parametrize("text,expected", [
    ("Kestrel AI competes with Aster Dynamics, as well as with larger players such as OpenAI and Google DeepMind.",
     {("Kestrel AI", "competesWith", "OpenAI", False), ("Kestrel AI", "competesWith", "Google DeepMind", False)}),
    ("Corvid AI raised money. Sequoia Capital led the round.", {("Sequoia Capital", "funded", "Corvid AI", False)}),
    ("Corvid AI announced it had raised money in a round led by Sequoia Capital.",
     {("Sequoia Capital", "funded", "Corvid AI", False)}),
    ("Speaking for the United States, Ambassador Michael Tran said Washington backed the text.",
     {("Michael Tran", "officialOf", US, False)}),
    ("Russia sent a counsellor, and in Moscow the foreign ministry spokesperson, Yelena Koroleva, criticised the "
     "statement.", {("Yelena Koroleva", "officialOf", "Russia", False)}),
    ("The United States on Monday imposed new export controls on advanced AI chips and chipmaking equipment bound "
     "for China.", {(US, "restricted", CN, False)}),
])
def test_repeated_prepositions_rounds_and_settings(facts, text, expected):
    got = facts(text)
    assert expected <= got, f"missing {expected - got}; got {got}"


@pytest.mark.parametrize("text,expected", [
    # "the minister" is the person introduced with a title headed by "minister"
    ("Speaking in the Dáil, the Minister for Enterprise, Declan Furlong, defended the deal. Róisín Tallon "
     "accused the minister of negotiating blind.", {("Róisín Tallon", "criticised", "Declan Furlong", False)}),
    # "it" after a direct object earlier in the sentence, whoever the subject of that clause was
    ("Ministers adopted the Paris Declaration on AI Incident Reporting. Business at OECD praised the declaration "
     "as workable, while the Trade Union Advisory Committee criticised it.",
     {("Trade Union Advisory Committee", "criticised", "Paris Declaration on AI Incident Reporting", False)}),
    # a long apposition the parser folded into a relative clause: the subject is the name it hangs from
    ("Tomasz Wierzbicki, director of the AI Incident Observatory, a research group that tracks failures of "
     "deployed systems, called for mandatory reporting of incidents by private companies, not just by agencies.",
     {("Tomasz Wierzbicki", "calledFor", "mandatory reporting of incidents", False)}),
])
def test_titles_pronouns_and_long_appositions(facts, text, expected):
    got = facts(text)
    assert expected <= got, f"missing {expected - got}; got {got}"


def test_the_commission_is_not_its_commissioner(facts):
    got = facts("The signing by the commission's commissioner for energy, Adaeze Mwangi, was delayed. Mwangi said "
                "the commission would work with the University of Lagos.")
    assert not any(s == "Adaeze Mwangi" and p == "cooperatesWith" for s, p, o, n in got), got


@pytest.mark.parametrize("text,expected", [
    # "a resolution on …" then "The text, titled "…"": the resolution's title
    ("The assembly adopted a resolution on the use of AI in elections. The text, titled 'Machines and Ballots', "
     "was co-sponsored by Chile and Panama.",
     {("Chile", "coSponsored", "Machines and Ballots", False)}),
    ("The committee adopted a draft resolution on AI capacity-building. The draft, titled 'Closing the Gap', was "
     "proposed by Morocco.", {("Morocco", "proposed", "Closing the Gap", False)}),
    # … and "the resolution" after it is still that text
    ("The assembly adopted a resolution on AI in elections. The text, titled 'Machines and Ballots', passed. The "
     "resolution was put forward by Mexico.", {("Mexico", "proposed", "Machines and Ballots", False)}),
    # criticising a state's sanctions criticises the state
    ("China's foreign ministry criticised the U.S. sanctions.", {(CN, "criticised", US, False)}),
])
def test_titled_texts_and_state_acts(facts, text, expected):
    got = facts(text)
    assert expected <= got, f"missing {expected - got}; got {got}"


@pytest.mark.parametrize("text,expected", [
    ("Norway ratified the Oslo Convention on AI. A second group, made up of Chile and Ireland, ratified the "
     "convention in the spring.", {("Chile", "ratified", "Oslo Convention on AI", False)}),
    # a veto is the refusal to sign a bill into law; a bill by its number is the bill named beside it
    ("Oregon Governor Marisa Calloway on Tuesday vetoed SB 1142, the Frontier AI Accountability Act.",
     {("Marisa Calloway", "signed", "Frontier AI Accountability Act", True)}),
    ("The pact was signed by Malaysia, Brunei and Timor-Leste.",
     {("Brunei", "signed", "Malaysia-Brunei-Timor-Leste pact", False),
      ("Timor-Leste", "signed", "Malaysia-Brunei-Timor-Leste pact", False)}),
])
def test_groups_vetoes_and_country_names(facts, text, expected):
    got = facts(text)
    assert expected <= got, f"missing {expected - got}; got {got}"


def test_so_far_is_not_part_of_a_group_and_so_called_stays(facts):
    got = facts("So far 22 countries have ratified the Lima Convention on AI.")
    assert any(s == "22 countries" and p == "ratified" for s, p, o, n in got), got
    got = facts("The European Parliament approved the so-called digital omnibus on Thursday.")
    assert any(o == "so-called digital omnibus" or o == "digital omnibus" for s, p, o, n in got), got


def test_an_indefinite_description_after_a_name_is_that_name(facts):
    got = facts("The senator declined to endorse the Safe AI Deployment Act, a bill drafted by Margaret Holloway and "
                "Senator Paul Brennan, that would require audits before models are released.")
    assert ("Paul Brennan", "proposed", "Safe AI Deployment Act", False) in got, got
    assert not any(o == "bill" for s, p, o, n in got), got


@pytest.mark.parametrize("text,expected", [
    ("Vistrada Systems won the bid. The Warsaw-based foundation Cyfrowa Wolnosc warned about automated targeting.",
     {("Cyfrowa Wolnosc", "warnedAbout", "automated targeting", False)}),
    ("Oregon Governor Marisa Calloway on Tuesday vetoed the Frontier AI Accountability Act.",
     {("Marisa Calloway", "officialOf", "Oregon", False)}),
])
def test_class_nouns_before_names_and_governors(facts, text, expected):
    got = facts(text)
    assert expected <= got, f"missing {expected - got}; got {got}"


@pytest.mark.parametrize("text,kept,dropped", [
    # a lone noun that names nothing and refers back to nothing is not a thing of the graph; the parties to
    # an unnamed agreement still have it with each other
    ("Japan and Australia signed an agreement on Thursday.",
     {(JP, "agreementWith", "Australia", False)}, {"agreement"}),
    ("Amnesty International criticised the process and praised the outcome.", set(), {"process", "outcome"}),
    ("The Dutch government welcomed the investment.", set(), {"investment"}),
    # ... but a lone noun is what one warns about or calls for, and "the treaty" of a story that names no
    # treaty is the one it reports
    ("Amnesty International warned about surveillance and called for restraint.",
     {("Amnesty International", "warnedAbout", "surveillance", False),
      ("Amnesty International", "calledFor", "restraint", False)}, set()),
    ("India ratified the treaty on Tuesday.", {(IN, "ratified", "treaty", False)}, set()),
    ("Japan and Australia signed an agreement on AI testing.", {(JP, "signed", "Japan-Australia agreement on AI testing", False)}, set()),
])
def test_lone_nouns_name_nothing(facts, text, kept, dropped):
    got = facts(text)
    assert kept <= got, f"missing {kept - got}; got {got}"
    assert not any(o in dropped for s, p, o, n in got), got


@pytest.mark.parametrize("text,expected", [
    # a sitting of an event stands for the event when attended ...
    ("Ministers met for the Lagos Summit on AI on Monday. Observers from Japan attended the closing session.",
     {(JP, "attended", "Lagos Summit on AI", False)}),
    ("Delegates from Peru also attended the afternoon session of the Lima Summit.",
     {("Peru", "attended", "Lima Summit", False)}),
    # ... but a session with a topic of its own is its own event, and a denial is about the sitting only
    ("Brazil will attend the afternoon session on AI and energy.",
     {("Brazil", "attended", "session on AI and energy", False)}),
    ("Delegates met for the Lagos Summit on AI. Libya did not attend the closing session.",
     {("Libya", "attended", "closing session", True)}),
    # a forum that is hosted or attended is an event, whatever the NER said
    ("Delegates gathered in Beijing for the Global Forum on AI Governance, which was hosted by China. "
     "The United States did not attend the forum.",
     {(CN, "hosted", "Global Forum on AI Governance", False),
      (US, "attended", "Global Forum on AI Governance", True)}),
    # representatives of several bodies: each body; "whose delegation": the antecedent of "whose"
    ("Representatives of Hanul Semiconductor and Daesan Memory also attended the Seoul Summit on AI.",
     {("Hanul Semiconductor", "attended", "Seoul Summit on AI", False),
      ("Daesan Memory", "attended", "Seoul Summit on AI", False)}),
    ("India, whose delegation attended the Seoul Summit on AI as an observer, declined to sign the statement.",
     {(IN, "attended", "Seoul Summit on AI", False)}),
])
def test_events_sittings_and_representatives(facts, text, expected):
    got = facts(text)
    assert expected <= got, f"missing {expected - got}; got {got}"


def test_a_portfolio_before_a_title_is_no_actor(facts):
    # "ICT and innovation minister": the portfolio the NER took for an organisation is part of the title
    got = facts("Rwanda's ICT and innovation minister, Claudine Uwase, warned about a new digital divide.")
    assert ("Claudine Uwase", "warnedAbout", "new digital divide", False) in got, got
    assert not any(s == "ICT" for s, p, o, n in got), got


@pytest.mark.parametrize("text,expected,unwanted", [
    # a region's office holder serves the region
    ("Iowa Attorney General Gregory Staab declined to join the lawsuit.",
     {("Gregory Staab", "officialOf", "Iowa", False)}, set()),
    ("Telangana's IT minister, Raghava Reddy Kandula, spoke first.",
     {("Raghava Reddy Kandula", "officialOf", "Telangana", False)}, set()),
    # an unqualified national title in a datelined story is the dateline country's ...
    ("Turkey signs chip deal\n\nANKARA — Turkey and Taiwan signed a deal on Monday. The visitors also held "
     "talks with Trade Minister Elif Karaca on export licensing.",
     {("Elif Karaca", "officialOf", "Turkey", False)}, set()),
    # ... but not a title the text qualifies, nor one whose country a dateline of an unknown city hides
    ("Deal signed\n\nANKARA — Turkey and Taiwan signed a deal. Dutch Economic Affairs Minister Pieter van "
     "Hoorne objected.", set(), {("Pieter van Hoorne", "officialOf", "Turkey", False)}),
    ("Deal signed\n\nGEBZE — Trade Minister Elif Karaca spoke.", set(),
     {("Elif Karaca", "officialOf", "Turkey", False)}),
    # a title ends at another person's name, however the parse joined them
    ("The memorandum was signed by South Korean Science and ICT Minister Yoon Ji-hye and Philippine "
     "Information and Communications Technology Secretary Ramon Villacorta.",
     {("Yoon Ji-hye", "officialOf", "South Korea", False)},
     {("Ramon Villacorta", "officialOf", "South Korea", False)}),
])
def test_titles_of_regions_datelines_and_neighbours(facts, text, expected, unwanted):
    got = facts(text)
    assert expected <= got, f"missing {expected - got}; got {got}"
    assert not unwanted & got, got


@pytest.mark.parametrize("text,expected", [
    # a round led by an investor funds the company that raises or announces it
    ("Vireo Systems, a Paris start-up, has raised €40m in a Series B round led by Halcyon Ventures.",
     {("Halcyon Ventures", "funded", "Vireo Systems", False)}),
    ("Boreal AI released Aurora-2 and announced a C$50 million funding round led by Thameside Ventures.",
     {("Thameside Ventures", "funded", "Boreal AI", False)}),
    # "its members include": the body the possessive continues, the subject of the sentence before
    ("The Association of UK Book Publishers sued Corvid Labs. The association had accused Corvid of piracy. "
     "Its members include Harrow & Finch and Bellweather Press.",
     {("Harrow & Finch", "memberOf", "Association of UK Book Publishers", False),
      ("Bellweather Press", "memberOf", "Association of UK Book Publishers", False)}),
    # a copula lists the members; a body of members "brings together" or "comprises" them; "the IberIA
    # consortium" is the one its name word picks out, not the last consortium named
    ("The Nordic AI Alliance was launched in Oslo. The alliance's members are Sweden, Norway and Finland.",
     {("Sweden", "memberOf", "Nordic AI Alliance", False), ("Finland", "memberOf", "Nordic AI Alliance", False)}),
    ("The Nordic AI Alliance comprises Sweden, Norway and Finland.",
     {("Norway", "memberOf", "Nordic AI Alliance", False)}),
    ("The Kestrel consortium won the bid. The IberIA consortium brings together the Spanish telecoms operator "
     "Telvia and the Catalan energy company Enercat.",
     {("Telvia", "memberOf", "IberIA consortium", False), ("Enercat", "memberOf", "IberIA consortium", False)}),
])
def test_rounds_and_members_listed(facts, text, expected):
    got = facts(text)
    assert expected <= got, f"missing {expected - got}; got {got}"


@pytest.mark.parametrize("text,expected,unwanted", [
    # a one-word name launched or released is a product, whatever the NER typed it as
    ("Nordvik AI launched FaceGate in 2023.", {("Nordvik AI", "released", "FaceGate", False)}, set()),
    # an active conjunct with an object of its own shares the passive's subject
    ("Palisade AI was founded in 2021 by Hannah Cole and released Kindred in 2023.",
     {("Palisade AI", "released", "Kindred", False), ("Hannah Cole", "established", "Palisade AI", False)}, set()),
    ("The treaty was signed by France and ratified by Spain.",
     {(FR, "signed", "treaty", False), ("Spain", "ratified", "treaty", False)}, set()),
    # "forty-one members of the WTO" are some of its members, not the WTO
    ("Forty-one members of the World Trade Organization signed a joint statement on Thursday.", set(),
     {("World Trade Organization", "signed", "joint statement", False)}),
])
def test_products_conjuncts_and_counted_members(facts, text, expected, unwanted):
    got = facts(text)
    assert expected <= got, f"missing {expected - got}; got {got}"
    assert not unwanted & got, got


@pytest.mark.parametrize("text,expected", [
    # "signatories include": each signed the text the story is about, or the one named
    ("Forty members signed a joint statement on AI trade on Thursday. Signatories include Japan, Canada and Kenya.",
     {(JP, "signed", "joint statement on AI trade", False), ("Kenya", "signed", "joint statement on AI trade", False)}),
    ("Signatories of the Lima Accord include Chile and Peru.", {("Chile", "signed", "Lima Accord", False)}),
    # a parenthetical "to the surprise of …" is no object: the text just signed is
    ("Forty members signed a joint statement on AI trade. China also signed, to the surprise of some delegates.",
     {(CN, "signed", "joint statement on AI trade", False)}),
])
def test_signatories_and_implicit_texts(facts, text, expected):
    got = facts(text)
    assert expected <= got, f"missing {expected - got}; got {got}"


@pytest.mark.parametrize("text,expected", [
    # a past verb after a modal subordinate clause continues the main clause
    ("Ms Forsberg warned about a race to field systems before they can be verified and called for shared "
     "testing standards.", {("Forsberg", "calledFor", "shared testing standards", False)}),
    # the verb after a long apposition, parsed as the name's participle, is the sentence's verb
    ("Tomasz Wierzba, a legal adviser at the International Committee of the Red Cross, pressed for clear "
     "prohibitions on systems that target people directly.",
     {("Tomasz Wierzba", "calledFor", "clear prohibitions on systems", False)}),
])
def test_misattached_verbs(facts, text, expected):
    got = facts(text)
    assert expected <= got, f"missing {expected - got}; got {got}"


def test_a_ministry_named_without_its_country_is_the_datelined_state(facts):
    got = facts("Kenya opens AI hub\n\nNAIROBI — The Nairobi AI Hub was established by the Ministry of Information "
                "and Communications together with Strathmore University.")
    assert ("Kenya", "established", "Nairobi AI Hub", False) in got, got


def test_a_presidency_is_the_state_that_holds_it(facts):
    got = facts("The proposal was welcomed by the South African presidency in the chair's summary.")
    assert ("South Africa", "endorsed", "proposal", False) in got, got


def test_a_legislators_part_is_no_office(facts):
    got = facts("Parliament's lead negotiator, German MEP Katharina Vogt, had pushed for strict liability.")
    assert not any(s == "Katharina Vogt" and p == "officialOf" and o == "European Parliament" for s, p, o, n in got), got


def test_transcript_speakers_and_titles_of_two_people(facts):
    text = ("Canada and UAE sign AI pact\n\n"
            "The following is a transcript of a press conference in Ottawa by Canada's Minister of Artificial "
            "Intelligence, Priya Raghunathan, and the United Arab Emirates' Minister of State for Artificial "
            "Intelligence, Khalid Al Mansoori.\n\n"
            "RAGHUNATHAN: Good afternoon. I will chair the Montreal Summit in June.\n\n"
            "AL MANSOORI: Thank you. Yesterday I visited Mila in Montreal.")
    got = facts(text)
    assert ("Priya Raghunathan", "chaired", "Montreal Summit", False) in got, got
    assert ("Khalid Al Mansoori", "visited", "Mila", False) in got, got
    assert ("Khalid Al Mansoori", "officialOf", "United Arab Emirates", False) in got, got
    assert ("Khalid Al Mansoori", "officialOf", "Canada", False) not in got, got


@pytest.mark.parametrize("text,wanted,unwanted", [
    # a label with the office and the name in brackets; the turn goes on past a stage direction
    ("The sitting resumed at 15:05.\n\n"
     "The Minister for Digital Affairs (Duarte Valente): Members, this bill does three things.\n"
     "(Applause from the government benches.)\n"
     "Last month I visited the Spanish AI supervisory agency, AESIA, in A Coruña.",
     {("Duarte Valente", "visited", "AESIA")}, None),
    # a name in ordinary case, then the party in brackets; the address to the chair is no subject
    ("The debate went on late into the evening.\n\n"
     "Mr Rui Baptista (CH): Madam President, I accuse the Minister, Duarte Valente, of building a bureaucracy.",
     {("Rui Baptista", "criticised", "Duarte Valente")}, ("Madam President", None)),
    ("The debate went on late into the evening.\n\n"
     "Mr Vasco Ferreira (PSD): Madam President, the Social Democratic Party will support the bill.",
     {("Social Democratic Party", "endorsed", "bill")}, ("Vasco Ferreira", "endorsed")),
    # a label that names no person of the article gives "I" to nobody
    ("The spokesperson took questions.\n\nQ: I visited Geneva last week. Will China sign the accord?",
     set(), ("Q", None)),
])
def test_speaker_labels_in_ordinary_case(facts, text, wanted, unwanted):
    got = facts(text)
    assert wanted <= {(s, p, o) for s, p, o, n in got}, got
    if unwanted is not None:
        assert not any(s == unwanted[0] and unwanted[1] in {None, p} for s, p, o, n in got), got


def test_companions_of_the_object(facts):
    got = facts("Canada has invited the UAE, along with India and Kenya, as outreach partners.")
    assert {("Canada", "invited", "India", False), ("Canada", "invited", "Kenya", False)} <= got, got
    assert not any(s in {"India", "Kenya"} for s, p, o, n in got), got


def test_an_event_introduced_without_a_name_is_the_one_not_attended(facts):
    got = facts("Ministers closed a two-day meeting in Jakarta on Thursday. The United States did not attend.")
    assert ("United States", "attended", "meeting in Jakarta", True) in got, got


@pytest.mark.parametrize("text,expected", [
    # "whose" on an apposition: the name the clause hangs from
    ("A Philippine plan was criticised by Thailand, whose Minister of Digital Economy and Society, Pichai Srisuk, "
     "said it would overstep what the bloc can enforce.", {("Pichai Srisuk", "officialOf", "Thailand", False)}),
    # "the digital rights group" is the group named before it, not the Group of 20 named earlier
    ("The Group of 20 met in Rio. The position drew criticism from Access Now, the digital rights group, whose "
     "policy director, Tomasz Wierzbicki, accused Washington of neglect.",
     {("Tomasz Wierzbicki", "affiliatedWith", "Access Now", False)}),
])
def test_whose_on_appositions(facts, text, expected):
    got = facts(text)
    assert expected <= got, f"missing {expected - got}; got {got}"


def test_one_spelling_for_ai_in_descriptions(facts):
    got = facts("NATO leaders adopted a revised artificial intelligence strategy at their summit in Lisbon.")
    assert ("NATO", "adopted", "revised AI strategy", False) in got, got
    got = facts("Kenya ratified the Framework Convention on Artificial Intelligence.")  # a name keeps its words
    assert ("Kenya", "ratified", "Framework Convention on Artificial Intelligence", False) in got, got


@pytest.mark.parametrize("text,expected", [
    ("Notably, Sen. Thomas Raleigh (R-Texas), who chairs the Senate Commerce Committee, did not sign it.",
     {("Thomas Raleigh", "memberOf", "Republican Party", False)}),
    ("Senator Ruth Alvarez, a Democrat who sits on the Senate Commerce Committee, praised the group.",
     {("Ruth Alvarez", "memberOf", "Democratic Party", False)}),
    ("Senator Dana Whitfield, an Ohio Republican, praised the rule.",
     {("Dana Whitfield", "memberOf", "Republican Party", False)}),
    # a federal councillor's title is no part of the name
    ("The conference was chaired by Swiss Federal Councillor Andreas Keller.",
     {("Andreas Keller", "officialOf", "Switzerland", False)}),
])
def test_us_party_notation_and_titles_in_names(facts, text, expected):
    got = facts(text)
    assert expected <= got, f"missing {expected - got}; got {got}"


@pytest.mark.parametrize("text,expected", [
    # a round financed by an investor, raised by a company named in a relative clause's head
    ("Sentra Vision, which raised $45 million last year in a round financed by the Tel Aviv fund Cedar Line "
     "Capital, competes for Gulf contracts.", {("Cedar Line Capital", "funded", "Sentra Vision", False)}),
    # funding a body's years of operation is funding the body
    ("Kenya opened the Pacific AI Skills Hub. Japan will fund the hub's first three years.",
     {(JP, "funded", "Pacific AI Skills Hub", False)}),
])
def test_funding_of_raisers_and_running_years(facts, text, expected):
    got = facts(text)
    assert expected <= got, f"missing {expected - got}; got {got}"


def test_an_amendment_is_a_text_that_it_can_refer_to(facts):
    got = facts("The council adopted the resolution on new technologies. An amendment put forward by Russia, which "
                "would have deleted all references to facial recognition, was defeated, with only China and Cuba "
                "voting for it.")
    assert (CN, "endorsed", "amendment", False) in got, got
    assert not any(s == CN and p == "endorsed" and "resolution" in o for s, p, o, n in got), got


@pytest.mark.parametrize("text,expected", [
    # a name and a verb in "-s" the small model reads as one noun phrase ("Zorvex/JJ competes/NNS")
    ("Zorvex competes with Nvidia and AMD in the market for inference chips.",
     {("Zorvex", "competesWith", "Nvidia", False), ("Zorvex", "competesWith", "AMD", False)}),
    ("Lumina partners with Microsoft on cloud services.", {("Lumina", "cooperatesWith", "Microsoft", False)}),
    # a main clause's second verb, coordinated by the parser with a clause inside the first
    ('Ambassador Lina Haddad warned about "a new layer of rules that will slow trade" and called for a '
     "separate protocol on data flows.", {("Lina Haddad", "calledFor", "separate protocol on data flows", False)}),
    ('Helena Brandt, a researcher at the Institute for Digital Sovereignty, said the bans were "a blunt '
     'instrument" but called for common European rules on apps.',
     {("Helena Brandt", "calledFor", "common European rules", False)}),
])
def test_repaired_parses(facts, text, expected):
    got = facts(text)
    assert expected <= got, f"missing {expected - got}; got {got}"


@pytest.mark.parametrize("text,expected", [
    # "the text" is the text the last sentence is about (its main clause), not one a clause inside mentions
    ("The General Assembly on Monday adopted a resolution on autonomous weapons that calls for negotiations on "
     "a legally binding instrument. The text, tabled by Austria, had been adopted in November by the First "
     "Committee.", {("Austria", "proposed", "resolution on autonomous weapons", False)}),
    # a bill's number names the act it is in apposition to, wherever the article uses it
    ("Bill 21, the Algorithmic Transparency in Public Services Act, was tabled in March. The Greens backed "
     "Bill 21.", {("Greens", "endorsed", "Algorithmic Transparency in Public Services Act", False)}),
    # the name a text is known by, without the clause after it
    ("Ghana has ratified the African Union Convention on Cyber Security, known as the Malabo Convention, which "
     "entered into force in 2023.", {("Ghana", "ratified", "Malabo Convention", False)}),
    # a working group set up is a standing body
    ("India and the European Union set up a joint working group on AI testing standards on Thursday.",
     {("India", "established", "joint working group", False)}),
])
def test_references_and_names_of_texts_and_bodies(facts, text, expected):
    got = facts(text)
    assert expected <= got, f"missing {expected - got}; got {got}"


@pytest.mark.parametrize("text,expected,unwanted", [
    # inverse funding frames: the one money comes from funds the one who raises or receives it
    ("Cerulean Compute has raised $610 million from Redwood Ridge Ventures and the state investor Temasek.",
     {("Redwood Ridge Ventures", "funded", "Cerulean Compute", False), ("Temasek", "funded", "Cerulean Compute", False)},
     set()),
    ("Sentra Systems, which raised $45m from Anka Ventures last year, did not comment.",
     {("Anka Ventures", "funded", "Sentra Systems", False)}, set()),
    ("Vireo Systems did not receive any funding from the European Union.",
     {("European Union", "funded", "Vireo Systems", True)}, {("European Union", "funded", "Vireo Systems", False)}),
    # what is raised must be money: concerns raised from industry fund nothing
    ("The Digital Ministry raised concerns from Vireo Systems about the rules.", set(),
     {("Vireo Systems", "funded", "Digital Ministry", False)}),
])
def test_inverse_funding(facts, text, expected, unwanted):
    got = facts(text)
    assert expected <= got, f"missing {expected - got}; got {got}"
    assert not unwanted & got, got


def test_an_announced_clause_announces_what_it_says_is_done(facts):
    got = facts("Grace Whitfield announced that Australia would fund a 12 million dollar program to test models "
                "in Pacific languages.", with_modality=True)
    assert ("Grace Whitfield", "announced", "12 million dollar program", False, "asserted") in got, got
    # an announced "would" is a plan, not a possibility
    assert ("Australia", "funded", "12 million dollar program", False, "planned") in got, got
    denied = facts("Grace Whitfield announced that Australia would not sign the Lima Accord.")
    assert not any(p == "announced" for s, p, o, n in denied), denied


@pytest.mark.parametrize("text,expected,unwanted", [
    # "the ministry" with no ministry named before is the story's government, not another state body
    ("BERLIN - The Federal Criminal Police Office would get new powers under the bill. The ministry drafted "
     "the bill after a series of attacks.", {("Germany", "proposed", "bill", False)},
     {("Federal Criminal Police Office", "proposed", "bill", False)}),
    # the speaker's body: "X's vice-chancellor said the university would …" is X
    ("Strathmore University and the University of Nairobi run the academy. Strathmore's vice-chancellor, "
     "Prof. Peter Mwangi, said the university would release an open Swahili speech dataset.",
     {("Strathmore University", "released", "open Swahili speech dataset", False)},
     {("University of Nairobi", "released", "open Swahili speech dataset", False)}),
    # "it" says a name the NER took for a person is not one: the speaker of "said it would"
    ("South Korea's Helix Memory, which makes most of the memory affected by the rule, said it would work with "
     "the Commerce Department.", {("Helix Memory", "cooperatesWith", US, False)}, set()),
])
def test_definite_and_pronoun_references_to_bodies(facts, text, expected, unwanted):
    got = facts(text)
    assert expected <= got, f"missing {expected - got}; got {got}"
    assert not unwanted & got, got


def test_coordinated_titles_with_their_names(facts):
    got = facts("BRICS ministers closed a two-day meeting in Cape Town. Brazil's communications minister, Rafael "
                "Queiroz, and India's minister of state for electronics, Arvind Kulkarni, attended in person.")
    assert {("Rafael Queiroz", "attended", "meeting in Cape Town", False),
            ("Arvind Kulkarni", "attended", "meeting in Cape Town", False)} <= got, got


def test_what_the_criticised_failed_to_do_is_not_the_critics(facts):
    got = facts("The Conservative MP Daniel Whitcombe criticised the government for failing to publish the full "
                "text of the Lima Accord.")
    assert not any(s == "Daniel Whitcombe" and p == "released" for s, p, o, n in got), got


def test_members_among_a_counted_group_and_calls_as_texts(facts):
    got = facts("Senegal, Benin and Rwanda were among fourteen governments that adopted the Dakar Call to Action on "
                "Ethical Artificial Intelligence on Thursday. Cameroon declined to endorse the text.")
    call = "Dakar Call to Action on Ethical Artificial Intelligence"
    assert {("Senegal", "adopted", call, False), ("Rwanda", "adopted", call, False),
            ("Cameroon", "endorsed", call, True)} <= got, got
    assert not any(s == "fourteen governments" for s, p, o, n in got), got


@pytest.mark.parametrize("text,expected,unwanted", [
    # a state or province (ISO 3166-2) acts through its government
    ("Governor Ana Okafor said New Jersey would work with Pennsylvania on common procurement rules for AI.",
     {("New Jersey", "cooperatesWith", "Pennsylvania", False)}, set()),
    ("Kerala's IT minister, Anil Menon, said the state would fund the hub.",
     {("Anil Menon", "officialOf", "Kerala", False)}, set()),
    ("Quebec signed the Montreal Declaration on Responsible AI on Monday.",
     {("Quebec", "signed", "Montreal Declaration on Responsible AI", False)}, set()),
    # a senator "of Texas" is from Texas, no member or official of it
    ("Senator Ray Castellano of Texas refused to back the bill.", set(),
     {("Ray Castellano", "memberOf", "Texas", False), ("Ray Castellano", "officialOf", "Texas", False)}),
])
def test_regions_act_through_their_governments(facts, text, expected, unwanted):
    got = facts(text)
    assert expected <= got, f"missing {expected - got}; got {got}"
    assert not unwanted & got, got


def test_a_titled_name_the_ner_missed_and_its_appositive_description(facts):
    got = facts("Delegations from 28 countries endorsed the Riyadh Charter on AI for Development, a non-binding text "
                "drafted by Saudi Arabia and the United Arab Emirates. Egypt signed the charter on the first day, "
                "but India did not.")
    charter = "Riyadh Charter on AI for Development"
    assert {("Saudi Arabia", "proposed", charter, False), ("Egypt", "signed", charter, False),
            (IN, "signed", charter, True)} <= got, got
    assert not any(o == "non-binding text" for s, p, o, n in got), got


def test_not_attending_is_not_attending_the_event_whose_session_was_named(facts):
    got = facts("Ministers held a two-day meeting in Cairo on Monday. Egypt's minister, Karim Mansour, chaired the "
                "session. Lebanon, Libya and Sudan did not attend.")
    assert ("Libya", "attended", "meeting in Cairo", True) in got, got
    assert not any(o == "session" for s, p, o, n in got), got


def test_an_event_hosted_by_one_and_attended_by_others(facts):
    got = facts("The statement was issued at the end of a one-day summit hosted by Japanese Prime Minister Haruki "
                "Tanabe and attended by U.S. President Ellen Marsh and Indian Prime Minister Arvind Rao.")
    assert {("Ellen Marsh", "attended", "summit", False), ("Arvind Rao", "attended", "summit", False),
            ("Haruki Tanabe", "hosted", "summit", False)} <= got, got


def test_a_text_named_by_a_plural_head(facts):
    got = facts("Ministers adopted the Addis Ababa Implementation Guidelines on Tuesday. Egypt did not endorse the "
                "guidelines, with its delegate saying that Cairo needed more time.")
    assert ("Egypt", "endorsed", "Addis Ababa Implementation Guidelines", True) in got, got


def test_absolute_with_gives_the_participle_its_subject(facts):
    got = facts("The council met at the headquarters of the Arab League in Cairo, with Egypt's minister of "
                "communications, Karim Mansour, chairing the session.")
    assert ("Karim Mansour", "chaired", "session", False) in got, got
    assert not any(p == "chaired" and s != "Karim Mansour" for s, p, o, n in got), got


def test_the_state_after_a_region_is_the_region(facts):
    got = facts("Nuevo León's governor, Samuel Treviño Garza, said the state would work with Silicon Harbor "
                "Technologies on a training programme.")
    assert {("Nuevo León", "cooperatesWith", "Silicon Harbor Technologies", False),
            ("Samuel Treviño Garza", "officialOf", "Nuevo León", False)} <= got, got


def test_the_state_is_not_a_place_named_in_a_quote(facts):
    # the quotation runs over two sentences, so it opens in the sentence before the one naming Virginia
    got = facts("Tamil Nadu launched a state AI cloud on Monday. Officials said five universities would use it.\n\n"
                "\"Sovereign compute is not a slogan. A start-up should not have to rent GPUs in Virginia,\" the "
                "state's IT minister said. The state will work with the Indian Institute of Technology Madras.")
    assert ("Tamil Nadu", "cooperatesWith", "Indian Institute of Technology Madras", False) in got, got
    assert not any("Virginia" in (s, o) for s, p, o, n in got), got


def test_a_research_lab_named_like_a_foreign_province_stays_a_lab(facts):
    got = facts("Hélène Charbonneau, a researcher at Mila in Montreal, welcomed the report.")
    assert ("Hélène Charbonneau", "affiliatedWith", "Mila", False) in got, got


def test_a_participle_modifies_the_named_text_not_the_topic(facts):
    got = facts("The UAE has not joined the Chip Security Compact, a US-led pact on export controls signed by Japan "
                "and South Korea last year.")
    assert {(JP, "signed", "Chip Security Compact", False), ("South Korea", "signed", "Chip Security Compact", False)} \
        <= got, got
    assert not any(o == "export controls" for s, p, o, n in got), got


@pytest.mark.parametrize("text", [
    "Sixty countries signed the Paris Declaration. Washington did not oppose the declaration, a US diplomat said.",
    "Sixty countries signed the Paris Declaration. Japan did not vote against the declaration.",
])
def test_not_opposing_is_no_endorsement(facts, text):
    got = facts(text)
    assert not any(p == "endorsed" and s in {US, JP} for s, p, o, n in got), got


def test_a_person_after_a_concept_is_no_second_theme(facts):
    got = facts('The American Chip Council warned about "escalating retaliation" that could cost firms billions, and '
                "its president, Rachel Ortiz, called for closer coordination with allies.")
    assert not any(p == "warnedAbout" and o == "Rachel Ortiz" for s, p, o, n in got), got


@pytest.mark.parametrize("text,expected,unwanted", [
    # a lede's description of a text, named in the next sentence, is that text
    ("Andean ministers on Friday adopted a long-debated protocol on cross-border data flows. The Protocol on Data "
     "Flows and Digital Trust was adopted at a summit in Quito. Peru and Chile signed the protocol.",
     {("Peru", "signed", "Protocol on Data Flows and Digital Trust", False),
      ("Chile", "signed", "Protocol on Data Flows and Digital Trust", False)}, set()),
    # the second participle of a relative clause on "its summit in X" is about the summit, not the place
    ("The charter was adopted at its annual summit in Lusaka, which was hosted by Zambia and chaired by Malawi.",
     {("Zambia", "hosted", "Lusaka summit", False), ("Malawi", "chaired", "Lusaka summit", False)},
     {("Malawi", "chaired", "Zambia", False)}),
    # as an object, "the first board meeting of the fund" is the meeting
    ("The Sahel Data Fund was launched last year. Niger said it would host the first board meeting of the "
     "Sahel Data Fund in Niamey.", {("Niger", "hosted", "first board meeting of Sahel Data Fund", False)}, set()),
    # a verb never has two adjacent objects: "skills" (read as a verb) modifies "forum"
    ("Jordan's digital minister, Rami Haddad, said Amman would host a regional AI skills forum next year.",
     {("Jordan", "hosted", "regional AI skills forum", False)}, set()),
    # an unnamed representative acts for the state, and so does "his Government" in the clause
    ("Peru's representative supported the resolution and said that his Government would host a workshop on "
     "data governance in Lima.",
     {("Peru", "endorsed", "resolution", False), ("Peru", "hosted", "workshop on data governance", False)}, set()),
    # a name the parser hung on "the meeting" is a chair, not the meeting
    ("The meeting was co-chaired by Trade Minister Ravi Menon and the European Commission's executive "
     "vice-president for trade, Ingrid Sorensen, who had visited Pune a day earlier.",
     {("Ravi Menon", "chaired", "meeting", False)}, {("Ravi Menon", "chaired", "Ingrid Sorensen", False)}),
    # actors named by what they do are no concepts
    ("Brazil and Mexico praised the co-facilitators for an open process.", set(),
     {("Brazil", "praised", "co-facilitators", False)}),
])
def test_descriptions_events_and_state_agents(facts, text, expected, unwanted):
    got = facts(text)
    assert expected <= got, f"missing {expected - got}; got {got}"
    assert not unwanted & got, got


@pytest.mark.parametrize("text,expected,unwanted", [
    # a party's name before a legislator's title: membership of the party, not of a place
    ("Labour MP Owen Pritchard criticised the plan.", {("Owen Pritchard", "memberOf", "Labour", False)}, set()),
    ("Owen Pritchard, the Labour MP who chairs the committee, spoke first.",
     {("Owen Pritchard", "memberOf", "Labour", False)}, set()),
    ("Republican senator Dale Whitmore praised the move.",
     {("Dale Whitmore", "memberOf", "Republican Party", False)}, set()),
    ("Kenyan senator Ruth Achieng praised the move.", set(),
     {("Ruth Achieng", "memberOf", "Kenyan", False)}),
    ("Senior MP John Ashdown praised the move.", set(), {("John Ashdown", "memberOf", "Senior", False)}),
])
def test_party_of_a_legislator_from_the_title(facts, text, expected, unwanted):
    got = facts(text)
    assert expected <= got, f"missing {expected - got}; got {got}"
    assert not unwanted & got, got


@pytest.mark.parametrize("text,expected,unwanted", [
    # a counted part of a group, with its named members: those named
    ("By Friday, 12 of the bloc's 15 members, including Ghana and Senegal, had endorsed the Accra Principles.",
     {("Ghana", "endorsed", "Accra Principles", False), ("Senegal", "endorsed", "Accra Principles", False)}, set()),
    # ... but "one of" them is only one
    ("It is the first time that one of the bloc's founding members, Ghana, Togo and Benin, has refused to sign "
     "the Accra Principles.", set(), {("Togo", "signed", "Accra Principles", True)}),
    # an apposition renames what was just called for; "the idea" later is what an earlier sentence called for
    ("Chile's minister, Ana Rojas, called for a shared compute fund, a proposal that Peru's minister, Luis Vera, "
     "also backed.", {("Luis Vera", "endorsed", "shared compute fund", False)}, set()),
    ("Senator Jane Holt called for a duty to report incidents. Two executives, Ian Roe and Lee Park, declined "
     "to back the idea.", {("Ian Roe", "endorsed", "duty", True)}, {("Ian Roe", "endorsed", "duty", False)}),
    # "likely to" is a guess, not a plan or a fact
    ("Diplomats said Malaysia was likely to support the Hanoi Declaration.", set(),
     {("Malaysia", "endorsed", "Hanoi Declaration", False)}),
    # an unnamed agreement is named by its parties, and "the accord" is the same one
    ("Chile and Peru on Tuesday signed an agreement to share computing capacity. Bolivia did not sign the accord.",
     {("Chile", "signed", "Chile-Peru agreement", False), ("Bolivia", "signed", "Chile-Peru agreement", True)}, set()),
    ("The United States and Japan signed an accord.", {("Japan", "signed", "US-Japan accord", False)}, set()),
])
def test_counted_members_proposals_hedges_and_agreement_names(facts, text, expected, unwanted):
    got = facts(text) if "likely" not in text else {f for f in facts(text, with_modality=True)
                                                    if f[4] in {"asserted", "planned", "reported"}}
    got = {f[:4] for f in got}
    assert expected <= got, f"missing {expected - got}; got {got}"
    assert not unwanted & got, got


@pytest.mark.parametrize("text,expected", [
    # a partnership announced beside another object is still the subject's partnership
    ("Veridian Labs announced a new funding round and a multi-year partnership with Corvane Cloud.",
     {("Veridian Labs", "cooperatesWith", "Corvane Cloud", False)}),
    # "in partnership with" under a passive: the passive's agent partners
    ("The forum, organised by Qatar in partnership with the Arab League, opened on Monday.",
     {("Qatar", "cooperatesWith", "Arab League", False)}),
    # "with which": the noun the clause modifies
    ("The model runs on Halcyon Cloud, with which Microsoft has partnered since 2023.",
     {("Microsoft", "cooperatesWith", "Halcyon Cloud", False)}),
    # a title goes on over "and" into a concept's words
    ("Ten governments endorsed the Lima Declaration on Ethical and Inclusive Artificial Intelligence.",
     {("Ten governments", "endorsed", "Lima Declaration on Ethical and Inclusive Artificial Intelligence", False)}),
    # a seat of government stands for its body: "Brussels" acting is the EU
    ("Washington and Brussels both endorsed the Hiroshima Code of Conduct.",
     {("European Union", "endorsed", "Hiroshima Code of Conduct", False)}),
])
def test_partnerships_titles_and_seats(facts, text, expected):
    got = facts(text)
    assert expected <= got, f"missing {expected - got}; got {got}"


def test_a_texts_partner_is_no_part_of_its_name(facts):
    got = facts("Kinabalu Data signed a memorandum of understanding with Japan's AI Safety Institute.")
    assert ("Kinabalu Data", "signed", "memorandum of understanding", False) in got, got


@pytest.mark.parametrize("text,expected", [
    # a titled plural head the NER split is one name, and the apposition names the description
    ("Its main product, the Lagos Principles on AI for Inclusive Growth, was drafted by Ghana and Kenya.",
     {("Ghana", "proposed", "Lagos Principles on AI for Inclusive Growth", False)}),
    # "called X" names the bill, however the participle is tagged
    ("The bill, called the Chip Export Integrity Act, was introduced by Senator Karen Whitfield.",
     {("Karen Whitfield", "proposed", "Chip Export Integrity Act", False)}),
    # a letter is a text: an open letter later given its title is that title
    ("Employees of AI labs published an open letter on Tuesday. The letter, titled \"The Right to Warn\", was "
     "drafted by Priya Raman.", {("Priya Raman", "proposed", "The Right to Warn", False)}),
])
def test_names_given_to_described_texts(facts, text, expected):
    got = facts(text)
    assert expected <= got, f"missing {expected - got}; got {got}"


@pytest.mark.parametrize("text,expected,unwanted", [
    # the chair of a state agency holds an office of it; the chief executive of a lobby works for it
    ("The chair of the Federal Trade Commission, Leonard Vance, praised the letter.",
     {("Leonard Vance", "officialOf", "Federal Trade Commission", False)},
     {("Leonard Vance", "affiliatedWith", "Federal Trade Commission", False)}),
    ("Omar Vela, chief executive of the Greater Phoenix Economic Council, praised the deal.",
     {("Omar Vela", "affiliatedWith", "Greater Phoenix Economic Council", False)},
     {("Omar Vela", "officialOf", "Greater Phoenix Economic Council", False)}),
])
def test_heads_of_state_agencies_are_officials(facts, text, expected, unwanted):
    got = facts(text)
    assert expected <= got, f"missing {expected - got}; got {got}"
    assert not unwanted & got, got


def test_in_a_list_of_title_name_pairs_each_title_is_its_names(facts):
    got = facts("The compact was signed by Kenya's ICT Cabinet Secretary, Amina Wekesa, Rwanda's Minister of ICT "
                "and Innovation, Jean-Paul Habimana, and Uganda's State Minister for ICT, Grace Akello.")
    assert {("Amina Wekesa", "officialOf", "Kenya", False), ("Jean-Paul Habimana", "officialOf", "Rwanda", False),
            ("Grace Akello", "officialOf", "Uganda", False)} <= got, got
    assert ("Amina Wekesa", "officialOf", "Rwanda", False) not in got, got
    # ... but a name followed by its title keeps it when another name follows
    got = facts("The deal was signed by Oliver Hartley, Britain's technology secretary, Ravi Menon, India's minister, "
                "and others.")
    assert ("Oliver Hartley", "officialOf", "United Kingdom", False) in got, got


def test_a_contrast_after_a_denial_is_asserted(facts):
    got = facts("Brazil did not co-sponsor the Lima Resolution but voted in favour of it.")
    assert ("Brazil", "coSponsored", "Lima Resolution", True) in got, got
    assert ("Brazil", "endorsed", "Lima Resolution", False) in got, got
    assert ("Brazil", "endorsed", "Lima Resolution", True) not in got, got


def test_sending_a_delegation_to_an_event_is_attending_it(facts):
    got = facts("Nigeria sent a delegation to the Francophone Digital Summit, but Kenya did not send a "
                "representative to the summit.")
    assert ("Nigeria", "attended", "Francophone Digital Summit", False) in got, got
    assert ("Kenya", "attended", "Francophone Digital Summit", True) in got, got


@pytest.mark.parametrize("text,expected", [
    # a titled complement goes on through "and" and an acronym the NER took for a person
    ("ASEAN ministers adopted the Bohol Declaration on Safe and Trustworthy AI on Friday.",
     {("ASEAN", "adopted", "Bohol Declaration on Safe and Trustworthy AI", False)}),
    ("Chile urged Peru to endorse the Political Declaration on Responsible Military Use of Artificial "
     "Intelligence and Autonomy. Peru endorsed the Political Declaration on Responsible Military Use of "
     "Artificial Intelligence and Autonomy in May.",
     {("Peru", "endorsed", "Political Declaration on Responsible Military Use of Artificial Intelligence and "
       "Autonomy", False)}),
    # an attribute of a text stands for the text
    ("Kenya adopted the Nairobi Declaration. Ghana praised the declaration's focus on capacity building.",
     {("Ghana", "praised", "Nairobi Declaration", False)}),
    # an acronym of a hyphenated name
    ("Hsin-Yuan Semiconductor Manufacturing (HYSM) opened a plant. Taiwan's economy minister, Lin Mei, "
     "praised HYSM.", {("Lin Mei", "praised", "Hsin-Yuan Semiconductor Manufacturing", False)}),
])
def test_names_the_ner_cut_and_attributes_of_texts(facts, text, expected):
    got = facts(text)
    assert expected <= got, f"missing {expected - got}; got {got}"


def test_the_country_in_a_speakers_clause_is_the_speakers_state(facts):
    got = facts("The UAE's AI minister, Omar Saeed, visited Washington on Monday. He said the country had not signed "
                "the Framework Convention on Artificial Intelligence.")
    assert ("United Arab Emirates", "signed", "Framework Convention on Artificial Intelligence", True) in got, got


def test_a_name_with_a_plural_text_head_is_a_text(facts):
    got = facts("Mistral AI signed the Frontier AI Safety Commitments in May.")
    assert ("Mistral AI", "signed", "Frontier AI Safety Commitments", False) in got, got


@pytest.mark.parametrize("text,expected,unwanted", [
    # what is set against a call is not called for
    ("Luciana Prado called for a decision by consensus rather than a vote.",
     {("Luciana Prado", "calledFor", "decision by consensus", False)},
     {("Luciana Prado", "calledFor", "vote", False)}),
    # "by" with a common noun says how, and keeps a vague head ("a decision") a concept
    ("Yuki Tanabe called for mandatory incident reporting by developers.",
     {("Yuki Tanabe", "calledFor", "mandatory incident reporting by developers", False)}, set()),
])
def test_contrasted_conjuncts_and_how_by(facts, text, expected, unwanted):
    got = facts(text)
    assert expected <= got, f"missing {expected - got}; got {got}"
    assert not unwanted & got, got


@pytest.mark.parametrize("text,expected,unwanted", [
    # a declaration speaks for itself ...
    ("Ministers adopted the Bogota Declaration on Friday. The declaration calls for a regional registry of AI "
     "systems and warns about the concentration of computing power.",
     {("Bogota Declaration", "calledFor", "regional registry of AI systems", False),
      ("Bogota Declaration", "warnedAbout", "concentration of computing power", False)}, set()),
    # ... a size says nothing of which text ("the 14-page text" is the declaration just adopted) ...
    ("Ministers adopted the Lima Declaration on Digital Rights on Tuesday. The 14-page text calls for a "
     "central role for the United Nations.",
     {("Lima Declaration on Digital Rights", "calledFor", "central role for United Nations", False)}, set()),
    # ... a name coordinated inside its "on" phrase is one name, whatever the NER made of its last words ...
    ("Ministers adopted the Incheon Statement on Artificial Intelligence and Digital Trust, a non-binding text "
     "that calls for interoperable approaches.",
     {("Incheon Statement on Artificial Intelligence and Digital Trust", "calledFor", "interoperable approaches",
       False)}, set()),
    # ... but a report speaks for its author, and for no one when none is known
    ("The report, titled \"Silent Lines\", traces 63 contracts. Ana Ruiz endorsed its call for a moratorium.",
     set(), {("Silent Lines", "calledFor", "moratorium", False)}),
])
def test_texts_that_call_for_and_warn(facts, text, expected, unwanted):
    got = facts(text)
    assert expected <= got, f"missing {expected - got}; got {got}"
    assert not unwanted & got, got


def test_we_in_a_bodys_own_text_is_the_body(facts):
    text = ("Introducing Kestrel 3\n\nToday we are releasing Kestrel 3, the most capable model Aldermoor AI has "
            "built. We will work with the Japan AI Safety Institute on evaluations. We are not releasing the "
            "model's weights. \"We tested it for six weeks,\" said Ana Ruiz, who leads testing at the UK AI "
            "Security Institute.")
    got = facts(text)
    assert ("Aldermoor AI", "cooperatesWith", "Japan AI Safety Institute", False) in got, got
    assert any(s == "Aldermoor AI" and p == "released" and o.startswith("Kestrel") and not n for s, p, o, n in got), got
    assert ("Aldermoor AI", "released", "model's weights", True) in got, got
    # a news story's "we" outside quotes is nobody's
    news = facts("Chile and Peru signed a data accord on Monday. We understand that Peru will host the next "
                 "round. We also learned that Bolivia declined. We will report more.")
    assert not any(s == "Chile" and p == "hosted" for s, p, o, n in news), news


@pytest.mark.parametrize("text,expected", [
    # "the meeting", bare but for its length, is the forum or summit just named ...
    ("Kazakhstan hosted the Astana Digital Forum on Tuesday. The two-day meeting, chaired by Kazakhstan's "
     "minister of digital development, Zhanibek Ospanov, was attended by ministers from Uzbekistan.",
     {("Zhanibek Ospanov", "chaired", "Astana Digital Forum", False),
      ("Uzbekistan", "attended", "Astana Digital Forum", False)}),
    # ... but "the final session" is a part of it, of its own
    ("Kazakhstan hosted the Astana Digital Forum on Tuesday. The final session was chaired by Zhanibek Ospanov.",
     {("Zhanibek Ospanov", "chaired", "final session", False)}),
])
def test_a_bare_meeting_is_the_event_just_named(facts, text, expected):
    got = facts(text)
    assert expected <= got, f"missing {expected - got}; got {got}"


@pytest.mark.parametrize("text,expected,unwanted", [
    # an unnamed gathering is named by the body whose people gather ...
    ("Digital ministers from the Association of Southeast Asian Nations (ASEAN) adopted a framework on Thursday. "
     "The meeting was hosted by Indonesia and chaired by its minister, Dewi Kartika Sari.",
     {("Indonesia", "hosted", "ASEAN meeting", False), ("Dewi Kartika Sari", "chaired", "ASEAN meeting", False)},
     {("Indonesia", "hosted", "meeting", False)}),
    # ... or that convenes it
    ("The meeting, convened by the OECD, was attended by Brazil and Chile.",
     {("Brazil", "attended", "OECD meeting", False), ("Chile", "attended", "OECD meeting", False)}, set()),
    # ... however far down the phrase of its people the body comes
    ("Ministers responsible for the digital economy in the Economic Community of West African States (ECOWAS) "
     "adopted a framework on Tuesday. The meeting was hosted by Nigeria.",
     {("Nigeria", "hosted", "ECOWAS meeting", False)}, set()),
    # a national ministry's staff do not make its meetings
    ("Mexico's labour minister, Ana Ruiz, said the meeting was hosted by Mexico.",
     {("Mexico", "hosted", "meeting", False)}, set()),
])
def test_an_unnamed_gathering_is_named_by_its_body(facts, text, expected, unwanted):
    got = facts(text)
    assert expected <= got, f"missing {expected - got}; got {got}"
    assert not unwanted & got, got


def test_a_name_the_ner_cut_before_its_head_is_whole(facts):
    got = facts("The text was signed by Argentina's foreign minister, Gustavo Iriarte, and his Brazilian counterpart, "
                "Helena Moraes Tavares. The two ministers had held talks over lunch. Ms Moraes Tavares announced a "
                "joint regulatory sandbox.")
    assert ("Helena Moraes Tavares", "announced", "joint regulatory sandbox", False) in got, got
    assert not any("Helena Moraes" in (s, o) for s, p, o, n in got), got


def test_ministers_of_several_states_stand_for_each(facts):
    got = facts("Egypt has invited the digital ministers of Kenya, Nigeria and Morocco to the forum.")
    assert {("Egypt", "invited", c, False) for c in ("Kenya", "Nigeria", "Morocco")} <= got, got


def test_members_listed_after_among_them_each_with_a_description(facts):
    got = facts("The charter was signed by 23 companies and institutions, among them the cloud provider Misr Cloud, "
                "the Alexandria-based start-up Pharos AI and the telecoms operator Nilecom, as well as Cairo "
                "University and Ain Shams University.")
    charter = {o for s, p, o, n in got if p == "signed"}
    assert {s for s, p, o, n in got if p == "signed"} == {
        "Misr Cloud", "Pharos AI", "Nilecom", "Cairo University", "Ain Shams University"}, got
    assert len(charter) == 1, got


@pytest.mark.parametrize("text,expected,unwanted", [
    # "the defence ministry", "the federal government": the state of a story datelined in its capital
    ("WARSAW - Poland and Ukraine signed an agreement on Thursday. Poland will host the centre. Marek Sobczak "
     "criticised the defence ministry for publishing nothing. Anna Nowak criticised the federal government.",
     {("Marek Sobczak", "criticised", "Poland", False), ("Anna Nowak", "criticised", "Poland", False)},
     {("Marek Sobczak", "criticised", "defence ministry", False)}),
    # "the ministry" alone is the ministry just named
    ("DOHA - Qatar hosted the Gulf AI Forum. Qatar had invited China's Ministry of Industry to send a delegation, "
     "but the ministry did not attend.", {("China", "attended", "Gulf AI Forum", True)},
     {("Qatar", "attended", "Gulf AI Forum", True)}),
])
def test_a_government_by_its_portfolio_is_the_storys_state(facts, text, expected, unwanted):
    got = facts(text)
    assert expected <= got, f"missing {expected - got}; got {got}"
    assert not unwanted & got, got


@pytest.mark.parametrize("text,expected,unwanted", [
    # a body's organ named after it is one body, of the body's kind
    ("The framework was proposed by the ECOWAS Commission in 2024. Ghana's minister, Kwabena Asante-Darko, "
     "praised the Commission for keeping it short.",
     {("ECOWAS Commission", "proposed", "framework", False),
      ("Kwabena Asante-Darko", "praised", "ECOWAS Commission", False)},
     {("Commission", "proposed", "framework", False)}),
    ("Lina Marcelo, a spokesperson for the ASEAN Secretariat, said the talks would go on.",
     {("Lina Marcelo", "officialOf", "ASEAN Secretariat", False)},
     {("Lina Marcelo", "affiliatedWith", "ASEAN Secretariat", False)}),
    # "its" after "the opposition Tisza party criticised …" is the party's, not the last state named
    ("The US ambassador, Laura Whitfield, said the United States would want assurances. At home, the opposition "
     "Tisza party criticised the deals. Its economic spokesman, Bence Horváth, accused the government of lying.",
     {("Bence Horváth", "affiliatedWith", "Tisza", False)}, {("Bence Horváth", "officialOf", "United States", False)}),
])
def test_organs_of_bodies_and_parties_named_before_their_noun(facts, text, expected, unwanted):
    got = facts(text)
    assert expected <= got, f"missing {expected - got}; got {got}"
    assert not unwanted & got, got


@pytest.mark.parametrize("text,expected,unwanted", [
    # "neither" opens a coordination; it is no part of the first name
    ("Neither Türkiye nor Azerbaijan has signed the Framework Convention on Artificial Intelligence.",
     {("Turkey", "signed", "Framework Convention on Artificial Intelligence", True),
      ("Azerbaijan", "signed", "Framework Convention on Artificial Intelligence", True)}, set()),
    # a firm's country head holds no office of that state
    ("Huawei's Bangladesh chief executive, Pan Jianguo, attended the ceremony.",
     {("Pan Jianguo", "affiliatedWith", "Huawei", False)}, {("Pan Jianguo", "officialOf", "Bangladesh", False)}),
    # "an area in which …" renames nothing one can warn about
    ("Zeynep Ersoy warned about the lack of oversight of military uses of AI, an area in which both countries "
     "have invested heavily.", {("Zeynep Ersoy", "warnedAbout", "lack of oversight of military uses", False)},
     {("Zeynep Ersoy", "warnedAbout", "area", False)}),
])
def test_correlatives_regional_heads_and_vague_renamings(facts, text, expected, unwanted):
    got = facts(text)
    assert expected <= got, f"missing {expected - got}; got {got}"
    assert not unwanted & got, got


def test_a_texts_partner_in_its_topic_phrase(facts):
    # the parser hangs "with" on the topic of the memorandums ("on AI cooperation with …")
    got = facts("During the forum, China signed memorandums of understanding on AI cooperation with Egypt, Ethiopia "
                "and Senegal, covering joint laboratories.")
    assert {("China", "agreementWith", "Egypt", False), ("China", "agreementWith", "Senegal", False)} <= got, got


@pytest.mark.parametrize("text,expected", [
    # "the institute" is the "Institut …" named in French, not the university named since
    ("Quebec will give $85 million to the Institut Boréal d'intelligence artificielle. Speaking at the "
     "institute's offices on the Université de Sherbrooke campus, the minister praised its staff. The institute "
     "was founded in 2021 by the Université de Sherbrooke and Hydro-Québec.",
     {("Hydro-Québec", "established", "Institut Boréal", False)}),
    # a body's name in apposition to its description, though the NER took it for a place
    ("Quebec would sign a research agreement with France's national computer science institute, Inria, "
     "in the spring.", {("Quebec", "agreementWith", "Inria", False)}),
])
def test_foreign_names_of_bodies(facts, text, expected):
    # (how much of the French name the NER takes in varies: its first words are enough)
    got = {(s, p, o if not o.startswith("Institut Boréal") else "Institut Boréal", n) for s, p, o, n in facts(text)}
    assert expected <= got, f"missing {expected - got}; got {got}"


@pytest.mark.parametrize("text,expected,unwanted", [
    # two known states joined by "and" are two names; a possessor opens the title after them
    ("The charter has been endorsed by Cyprus and Malta, and Italy's undersecretary for technological "
     "innovation, Lorenzo Ferrante, said Rome would back it.",
     {("Lorenzo Ferrante", "officialOf", "Italy", False)},
     {("Lorenzo Ferrante", "officialOf", "Cyprus", False), ("Lorenzo Ferrante", "officialOf", "Malta", False),
      ("Lorenzo Ferrante", "affiliatedWith", "Cyprus and Malta", False)}),
    # (a portfolio list still reads through its commas)
    ("Japan's vice-minister of economy, trade and industry, Kenji Moriyama, met Li.",
     {("Kenji Moriyama", "officialOf", "Japan", False)}, set()),
])
def test_titles_after_a_list_of_names(facts, text, expected, unwanted):
    got = facts(text)
    assert expected <= got, f"missing {expected - got}; got {got}"
    assert not unwanted & got, got


def test_a_one_word_name_is_the_same_body_where_the_tagger_missed_it(facts):
    got = facts("Fjällmind, the Stockholm-based developer of Nordic-language AI models, has signed the General-Purpose "
                "AI Code of Practice. Johan Dahl, a partner at Nordvik Ventures, will join Fjällmind's board. "
                "Fjällmind announced a partnership with the telecom operator Nordtel.")
    assert ("Fjällmind", "signed", "General-Purpose AI Code of Practice", False) in got, got


@pytest.mark.parametrize("text,expected,unwanted", [
    # a definite event noun takes an earlier mention with its head before a nearer event of another head
    ("The accord was signed by Peru's minister, Ana Ruiz, and Chile's minister, Jorge Soto, at a ceremony hosted by "
     "the Andean Institute for Computing in Lima. Ruiz said Peru would invite Soto to the Cyber Week conference at "
     "San Marcos University in June. Canada welcomed the accord. Its ambassador to Peru, Joan Reyes, attended the "
     "ceremony.",
     {("Joan Reyes", "attended", "ceremony", False)}, {("Joan Reyes", "attended", "Cyber Week", False)}),
    # a past "attended the forum" is not the next edition announced since
    ("Kazakhstan hosted the Steppe Forum on Artificial Intelligence on Monday. Uzbekistan will host the next "
     "edition of the forum in 2026. Mongolia attended the forum but did not sign the declaration.",
     {("Mongolia", "attended", "Steppe Forum on Artificial Intelligence", False)},
     {("Mongolia", "attended", "next edition of forum", False)}),
    # nor is an implicit event the next summit, and the event the story is about stays in discussion
    ("Ghana on Monday hosted a three-day African Union workshop on data governance in Accra. The workshop is "
     "funded by the European Union. The minister opened it. Officials spoke about data. The bloc will fund "
     "more. She praised Ghana. Ghana will launch a register. Kenya has not ratified the convention and was urged "
     "to do so before the next AU summit. Delegations from Nigeria and Senegal attended.",
     {("Nigeria", "attended", "African Union workshop on data governance", False),
      ("Senegal", "attended", "African Union workshop on data governance", False)},
     {("Nigeria", "attended", "next AU summit", False)}),
])
def test_which_event_is_meant(facts, text, expected, unwanted):
    got = facts(text)
    assert expected <= got, f"missing {expected - got}; got {got}"
    assert not unwanted & got, got


@pytest.mark.parametrize("text,expected,unwanted", [
    # object control, and not done: "bars either side from demanding", "prevented Meta from releasing"
    ("The treaty bars Kenya from signing the Nairobi Accord.", {("Kenya", "signed", "Nairobi Accord", True)},
     {("Kenya", "signed", "Nairobi Accord", False)}),
    ("The court prevented Meta from releasing Llama 5.", {("Meta", "released", "Llama 5", True)},
     {("Meta", "released", "Llama 5", False), ("court", "released", "Llama 5", False)}),
    ("Peru and Chile signed the Lima Accord. The Lima Accord bars either side from demanding access to source code.",
     set(), {("Lima Accord", "calledFor", "access to source code", False)}),
    # "source code" is no text to sign
    ("The chapter protects software source code. It was signed by Mexico in January.", set(),
     {("Mexico", "signed", "software source code", False)}),
])
def test_prevented_actions_and_source_code(facts, text, expected, unwanted):
    got = facts(text)
    assert expected <= got, f"missing {expected - got}; got {got}"
    assert not unwanted & got, got


@pytest.mark.parametrize("text,expected", [
    # a body's name goes on past "for": the NER split "The Mexican Association" + "Digital Rights"
    ("The Mexican Association for Digital Rights (AMDD), a civil-society group, criticised the government of Mexico.",
     {("Mexican Association for Digital Rights", "criticised", "Mexico", False)}),
])
def test_body_names_with_a_complement(facts, text, expected):
    got = facts(text)
    assert expected <= got, f"missing {expected - got}; got {got}"


@pytest.mark.parametrize("text,expected,unwanted", [
    # a participle set off by commas, parsed as the sentence's verb, is still a passive on its noun
    ("The Canadian Centre for AI Safety Evaluation, announced Thursday by Marc-André Thibodeau, the Minister of "
     "Artificial Intelligence, will be headquartered in Montreal.",
     {("Marc-André Thibodeau", "announced", "Canadian Centre for AI Safety Evaluation", False)}, set()),
    # a "she" that is Oyama makes her a woman: the "he" after it is Ferrante
    ("Japanese Prime Minister Sachiko Oyama held talks with Italian Prime Minister Lorenzo Ferrante. Oyama said "
     "Tokyo wanted to work with Rome. She invited Ferrante to Japan, and he will make an official visit to Tokyo "
     "in November.",
     {("Lorenzo Ferrante", "visited", "Japan", False)}, {("Sachiko Oyama", "visited", "Japan", False)}),
    # (and with another woman named before as a subject, the "he" is still the man her clause named)
    ("European Commission President Henrike Vos said the statement was compatible with the AI Act. Japanese Prime "
     "Minister Sachiko Oyama held talks with Italian Prime Minister Lorenzo Ferrante. Oyama said Tokyo wanted to "
     "work with Rome. She invited Ferrante to Japan, and he will make an official visit to Tokyo in November.",
     {("Lorenzo Ferrante", "visited", "Japan", False)},
     {("Sachiko Oyama", "visited", "Japan", False), ("Henrike Vos", "visited", "Japan", False)}),
    # a plural pronoun nearer a bare plural of people than any name is generic
    ("Washington did not sign a separate annex on open-weight models, drafted by Canada and France, which "
     "encourages developers to publish safety evaluations alongside the model weights they release.",
     {("Canada", "proposed", "separate annex on open-weight models", False)},
     {("Canada", "released", "weights", False), ("France", "released", "weights", False)}),
    # (but not a role, nor people named by their state)
    ("Kazakhstan and Egypt, which attended as observers, said they supported the Beijing Statement.",
     {("Kazakhstan", "endorsed", "Beijing Statement", False), ("Egypt", "endorsed", "Beijing Statement", False)},
     set()),
    # "the leaders" are the one body whose leaders the story named
    ("Group of Seven leaders on Tuesday adopted a joint statement on testing AI models. In the statement, the "
     "leaders called for a network of testing laboratories. They also praised the OECD for its work.",
     {("G7", "calledFor", "network of testing laboratories", False), ("G7", "praised", "OECD", False)},
     {("network of testing laboratories", "praised", "OECD", False)}),
    ("Leaders of Japan and Italy met in Rome. The leaders called for a ceasefire.", set(),
     {("Japan", "calledFor", "ceasefire", False), ("Italy", "calledFor", "ceasefire", False)}),
])
def test_participles_pronouns_and_delegates(facts, text, expected, unwanted):
    got = facts(text)
    assert expected <= got, f"missing {expected - got}; got {got}"
    assert not unwanted & got, got


@pytest.mark.parametrize("text,expected,unwanted", [
    # a counted group whose members the next sentence lists
    ("The Commerce Department on Wednesday added five Chinese companies to the Entity List. The listed firms "
     "include Kunlun Xinsheng Computing, a Beijing data-center operator; Hangzhou Tianshu Microelectronics; and "
     "Shenzhen Lanhai Cloud, a cloud provider.",
     {(US, "restricted", "Kunlun Xinsheng Computing", False), (US, "restricted", "Shenzhen Lanhai Cloud", False)},
     {(US, "restricted", "five Chinese companies", False)}),
    # … or the parser's conjuncts after a comma, as many as counted
    ("Beijing hit back. China added two American companies, the drone maker Corvane Systems and the "
     "data-analytics firm Halberd Analytics, to its unreliable entity list.",
     {(CN, "restricted", "Corvane Systems", False), (CN, "restricted", "Halberd Analytics", False)},
     {(CN, "restricted", "two American companies", False)}),
    # a relative's gap is no call: "which Republicans had urged it to list"
    ("The department did not add Qingdao Haixin Robotics, which a group of House Republicans had urged it to list.",
     set(), {("Republicans", "calledFor", "which list", False)}),
])
def test_listed_members_and_relative_gaps(facts, text, expected, unwanted):
    got = facts(text)
    assert expected <= got, f"missing {expected - got}; got {got}"
    assert not unwanted & got, got


def test_a_headline_name_the_tagger_missed_in_the_lead(facts):
    got = facts("Daeyang Semiconductor, Arclight AI to launch chip joint venture\nTHE KOREA INDUSTRY DAILY\n"
                "Industry > Semiconductors\n[Share] KakaoTalk  Facebook  X  Copy URL    [Font] +  -    [Print]\n\n"
                "Daeyang Semiconductor, Korea's third-largest memory chipmaker, struck a deal with San "
                "Francisco-based Arclight AI on Monday to jointly develop chips, the two companies said.")
    assert ("Daeyang Semiconductor", "agreementWith", "Arclight AI", False) in got, got


def test_a_short_name_is_the_firm_named_most_not_its_venture(facts):
    got = facts("Daeyang Semiconductor struck a deal with Arclight AI on Monday. Under the agreement, the companies "
                "will establish a joint venture, Daeyang Arclight Inference Co., in Pangyo. The agreement was signed "
                "by Daeyang chief executive Park Seung-hoon.")
    assert ("Park Seung-hoon", "affiliatedWith", "Daeyang Semiconductor", False) in got, got
    assert ("Park Seung-hoon", "affiliatedWith", "Daeyang Arclight Inference Co", False) not in got, got


@pytest.mark.parametrize("text,expected,unwanted", [
    # a hall is no person, whatever the tagger said, so it holds no office
    ("Unveiling the document at the State House Banquet Hall, the Minister of Communications, Innovation and "
     "Digital Economy, Dr Adaeze Okonkwo-Bello, said Nigeria could not afford to wait.",
     set(), {("Banquet Hall", "officialOf", "Nigeria", False)}),
    # an office is no body: "the agency" is NITDA, not "Director-General"
    ("NITDA's Director-General, Kabiru Lawal Danjuma, told reporters that the agency had held talks with Microsoft.",
     {("NITDA", "metWith", "Microsoft", False)}, {("Director-General", "metWith", "Microsoft", False)}),
    # a name the tagger took for a product, in apposition to a title, is a person ("Mr Eklund" later)
    ("Oksana Hrytsenko, Ukraine's deputy minister for digital transformation, and Lars Eklund, the European "
     "commissioner for defence and space, attended alongside delegations from Lithuania, Latvia and Estonia. "
     "Mr Eklund praised Ukraine.", {("Lars Eklund", "praised", "Ukraine", False)},
     {("Eklund", "praised", "Ukraine", False)}),
    # "U.S. National Security Adviser X": a title, whose state is named at its start
    ("The proposal, put forward by U.S. National Security Adviser Grant Whitaker at a meeting of sherpas last "
     "month, was backed by Japan.", {("Grant Whitaker", "officialOf", US, False)},
     {("Grant Whitaker", "affiliatedWith", "U.S. National Security", False)}),
    # a body's director for a country serves the body
    ("The World Bank's country director for Nigeria, Marguerite Eklund, praised the government.",
     {("Marguerite Eklund", "officialOf", "World Bank", False)},
     {("Marguerite Eklund", "officialOf", "Nigeria", False)}),
    # "the company" one founded is the firm of one's present post, not a past employer or a firm named before
    ("NITDA held talks with Microsoft and Google. Sahelcore AI chief executive Tobiloba Adeyemi-Ross, a former "
     "Andela engineer who founded the company in 2021, welcomed the strategy.",
     {("Tobiloba Adeyemi-Ross", "established", "Sahelcore AI", False)},
     {("Tobiloba Adeyemi-Ross", "established", "Microsoft", False),
      ("Tobiloba Adeyemi-Ross", "established", "Andela", False)}),
])
def test_places_offices_and_posts(facts, text, expected, unwanted):
    got = facts(text)
    assert expected <= got, f"missing {expected - got}; got {got}"
    assert not unwanted & got, got


@pytest.mark.parametrize("text,expected,unwanted", [
    # a text's topic keeps its second part: "a report on copyright and generative AI" is one thing adopted
    ("Parliament on Wednesday adopted a non-legislative report on copyright and generative artificial "
     "intelligence.", {("Parliament", "adopted", "non-legislative report on copyright and generative AI", False)},
     {("Parliament", "adopted", "artificial intelligence", False)}),
    # the names that classify a plural are its members
    ("The report was backed by the EPP, S&D, Renew Europe and Greens/EFA groups.",
     {("European People's Party", "endorsed", "report", False), ("Renew Europe", "endorsed", "report", False),
      ("Greens/European Free Alliance", "endorsed", "report", False)}, set()),
])
def test_topics_and_classified_plurals(facts, text, expected, unwanted):
    got = facts(text)
    assert expected <= got, f"missing {expected - got}; got {got}"
    assert not unwanted & got, got


@pytest.mark.parametrize("text,expected,unwanted", [
    # a name the parser coordinated with the verb is the by-agent's second item; a hyphenated acronym in
    # brackets is the name before it, not another body's acronym inside it
    ("The memorandum was signed by Haruka Ishida, director of the Japan AI Safety Institute (J-AISI), and Gareth "
     "Pennington, interim director of the UK AI Security Institute, at a ceremony.",
     {("Haruka Ishida", "signed", "memorandum", False), ("Gareth Pennington", "signed", "memorandum", False),
      ("Haruka Ishida", "officialOf", "Japan AI Safety Institute", False)},
     {("Haruka Ishida", "officialOf", "UK AI Security Institute", False)}),
    # "the British institute" is a description by nationality: the British body named before
    ("The memorandum was signed by Gareth Pennington, interim director of the UK AI Security Institute. The "
     "agreement is the second of its kind for the British institute, which struck a similar deal with the "
     "Canadian AI Safety Institute last year.",
     {("UK AI Security Institute", "agreementWith", "Canadian AI Safety Institute", False)}, set()),
    # a list does not go on past a clause on something else: those who attended the ceremony did not sign
    ("The agreement was signed in Riyadh by Rawafid's chief executive, Faisal Al-Qahtani, and Orséa's founder and "
     "chairwoman, Hélène Marchetti, at a ceremony attended by the Minister of Communications and Information "
     "Technology, Khalid Al-Mutairi, and France's Minister Delegate for Artificial Intelligence and Digital "
     "Affairs, Claire Dufresne.",
     {("Hélène Marchetti", "signed", "agreement", False), ("Khalid Al-Mutairi", "attended", "ceremony", False)},
     {("Claire Dufresne", "signed", "agreement", False), ("Khalid Al-Mutairi", "signed", "agreement", False)}),
    # (set against the list: kept apart)
    ("Britain has invited India and Brazil to attend as guests, but not China, officials said.",
     {(UK, "invited", "India", False), (UK, "invited", CN, True)}, {(UK, "invited", CN, False)}),
])
def test_coordination_repairs(facts, text, expected, unwanted):
    got = facts(text)
    assert expected <= got, f"missing {expected - got}; got {got}"
    assert not unwanted & got, got


@pytest.mark.parametrize("text,expected,unwanted", [
    # "countries that voted against": the relative is the subject, the text under discussion the object
    ("The council adopted the Geneva Resolution on Monday. China, Cuba, Vietnam and Burundi were among the 11 "
     "countries that voted against.",
     {(CN, "endorsed", "Geneva Resolution", True), ("Cuba", "endorsed", "Geneva Resolution", True)},
     {(CN, "endorsed", "Geneva Resolution", False)}),
    # inverted: "Voting in favour were …"
    ("The council adopted the Geneva Resolution on Monday. Voting in favour were most European members, "
     "including France, Germany and Chile, as well as Ghana and Kenya.",
     {(FR, "endorsed", "Geneva Resolution", False), ("Kenya", "endorsed", "Geneva Resolution", False)}, set()),
    # "Without" inside a described body's name; a title is no person's name
    ("Privacy Without Borders, a Geneva-based advocacy group, praised the resolution. Deputy High Commissioner "
     "for Human Rights Matthias Lindqvist welcomed the resolution.",
     {("Privacy Without Borders", "praised", "resolution", False)},
     {("Borders", "praised", "resolution", False), ("High Commissioner", "endorsed", "resolution", False)}),
])
def test_votes_inversions_and_names(facts, text, expected, unwanted):
    got = facts(text)
    assert expected <= got, f"missing {expected - got}; got {got}"
    assert not unwanted & got, got


@pytest.mark.parametrize("text,expected,unwanted", [
    # a name an apposition calls a framework is a text that is signed; its topic goes on past "and"
    ("Thailand and Japan on Friday signed the Thailand-Japan Partnership on Semiconductors and AI Investment, a "
     "five-year framework that officials in Bangkok said could bring more capital.",
     {("Thailand", "signed", "Thailand-Japan Partnership on Semiconductors and AI Investment", False),
      (JP, "signed", "Thailand-Japan Partnership on Semiconductors and AI Investment", False)}, set()),
    # (a body called an initiative stays a body)
    ("Kenya, Rwanda and Ethiopia set up the East African AI Research Alliance, a joint initiative of their "
     "universities.", {("Kenya", "established", "East African AI Research Alliance", False)}, set()),
])
def test_texts_named_by_apposition(facts, text, expected, unwanted):
    got = facts(text)
    assert expected <= got, f"missing {expected - got}; got {got}"
    assert not unwanted & got, got


@pytest.mark.parametrize("text,expected,unwanted", [
    # "Ms. Ellison's bill" is the text the story tied to her; "spent a year drafting X": she drafted it
    ("The hearing was chaired by Senator Margaret Ellison, the Washington Democrat who has spent much of the past "
     "year drafting the Frontier Model Accountability Act, a bill on incident reports. Senator Luis Ortega said he "
     "would co-sponsor Ms. Ellison's bill.",
     {("Margaret Ellison", "proposed", "Frontier Model Accountability Act", False),
      ("Luis Ortega", "coSponsored", "Frontier Model Accountability Act", False)},
     {("Luis Ortega", "coSponsored", "Ms. Ellison's bill", False)}),
    # a model named with digits, parsed with its description as a second object; a described subject's
    # coordination
    ("The Open Scholarly Models Consortium, a group of six universities, and cloud provider Nimbara Cloud on "
     "Tuesday released Tessera-34B, a 34-billion-parameter language model whose weights are available.",
     {("Open Scholarly Models Consortium", "released", "Tessera-34B", False),
      ("Nimbara Cloud", "released", "Tessera-34B", False)}, set()),
])
def test_possessed_texts_and_described_subjects(facts, text, expected, unwanted):
    got = facts(text)
    assert expected <= got, f"missing {expected - got}; got {got}"
    assert not unwanted & got, got


@pytest.mark.parametrize("text,expected", [
    # a dateline is its own line of the parse; a set-off participle the tagger read as a past verb
    ("NUSA DUA, Bali — The annual ASEAN Digital Ministers' Meeting, hosted this year by Indonesia, on Wednesday "
     "adopted a regional guide on generative artificial intelligence.",
     {("Indonesia", "hosted", "ASEAN Digital Ministers' Meeting", False)}),
])
def test_datelines_and_set_off_participles(facts, text, expected):
    got = facts(text)
    assert expected <= got, f"missing {expected - got}; got {got}"


def test_what_a_that_clause_proposes_and_the_idea_that_refers_to_it(facts):
    got = facts("Malaysia went further, proposing that the bloc build a regional network of AI safety institutes. "
                "The idea was co-sponsored by Vietnam and Thailand.")
    assert ("Malaysia", "proposed", "regional network of AI safety institutes", False) in got, got
    assert ("Vietnam", "coSponsored", "regional network of AI safety institutes", False) in got, got


def test_a_conjunct_with_its_own_tense_is_outside_the_negation(facts):
    got = facts("Halvorsen Capital, which owns about 38 percent of Aurelian, did not back the board's decision and "
                "called for a new vote immediately.")
    assert ("Halvorsen Capital", "calledFor", "new vote", False) in got, got
    assert ("Halvorsen Capital", "calledFor", "new vote", True) not in got, got


@pytest.mark.parametrize("text,expected,unwanted", [
    # the European Parliament's notation "(Group, CC)": a member of the political group, and no list
    ("The report, drafted by rapporteur Helena Marquardt (EPP, DE) for the Committee on Legal Affairs, was "
     "approved. Shadow rapporteur Tomasz Wielgosz (S&D, PL) praised the rapporteur.",
     {("Helena Marquardt", "memberOf", "European People's Party", False),
      ("Tomasz Wielgosz", "memberOf", "Socialists and Democrats", False)},
     {("Socialists and Democrats", "praised", "Helena Marquardt", False)}),
])
def test_parliament_group_notation(facts, text, expected, unwanted):
    got = facts(text)
    assert expected <= got, f"missing {expected - got}; got {got}"
    assert not unwanted & got, got


def test_the_place_and_date_line_of_the_page_is_a_dateline(facts):
    got = facts("Poland hosts EU and Ukraine at Warsaw defence forum\nWARSAW LEDGER | English Edition\n"
                "Warsaw, 14.05.2025 18:42 | Updated 20:05\n"
                "Ukraine and the EU sent ministers to the Vistula Defence Tech Forum on Tuesday, a meeting convened by "
                "the Ministry of Digital Affairs. Ukraine praised the forum. Ukrainian firms were there.\n"
                "Joanna Pietrzak, director of the Warsaw-based Digital Watch Foundation, criticised the Ministry of "
                "Digital Affairs for holding closed-door sessions.")
    assert ("Joanna Pietrzak", "criticised", "Poland", False) in got, got


@pytest.mark.parametrize("text,expected,unwanted", [
    # a plural pronoun reporting its speakers' stance is bound by them, not by the nearer subject before
    ("Chile and Peru drafted the Lima Charter on Data Rights on Monday, and Spain and Portugal said they backed it.",
     {("Spain", "endorsed", "Lima Charter on Data Rights", False),
      ("Portugal", "endorsed", "Lima Charter on Data Rights", False)},
     {("Chile", "endorsed", "Lima Charter on Data Rights", False)}),
    # "together with" / "jointly with" on a verb of no predicate: the agent works with the partner
    ("The testing centre will be operated by Makerere University jointly with the Uganda Communications "
     "Commission.", {("Makerere University", "cooperatesWith", "Uganda Communications Commission", False)}, set()),
    ("Atlas Compute will build the cluster together with the Kenya Power and Lighting Company.",
     {("Atlas Compute", "cooperatesWith", "Kenya Power and Lighting Company", False)}, set()),
    # … but on an event verb the partner does the same (a companion), not a partnership
    ("The forum, hosted by the Ghana Investment Promotion Centre together with the Ghana Tech Chamber, drew 900 "
     "delegates.",
     {("Ghana Tech Chamber", "hosted", "forum", False), ("Ghana Investment Promotion Centre", "hosted", "forum", False)},
     {("Ghana Investment Promotion Centre", "cooperatesWith", "Ghana Tech Chamber", False)}),
])
def test_speakers_bind_they_and_comitative_partners(facts, text, expected, unwanted):
    got = facts(text)
    assert expected <= got, f"missing {expected - got}; got {got}"
    assert not unwanted & got, got


@pytest.mark.parametrize("text,expected,unwanted", [
    # a by-phrase the parser hung on the time before it, and a passive conjunct sharing the first subject
    ("Uganda and Rwanda set up the Nyota Data Institute in March. The institute will be financed for its "
     "first four years by the Mastercard Foundation.",
     {("Mastercard Foundation", "funded", "Nyota Data Institute", False)}, set()),
    ("The study, \"Machines at the Border\", surveys eleven countries and was funded by the Ford Foundation.",
     {("Ford Foundation", "funded", "Machines at the Border", False)}, set()),
    # a second by-phrase joined to the first: "by A, …, and by the ambassador, B"
    ("India and Chile signed a memorandum in Santiago. The ceremony was attended by Rohan Mehta, India's "
     "commerce secretary, and by the Chilean ambassador to India, Paula Ríos.",
     {("Paula Ríos", "attended", "ceremony", False), ("Rohan Mehta", "attended", "ceremony", False)}, set()),
    # the people "among" the participants of the event just named
    ("The summit was hosted by Kenya in Nairobi. Among those attending were Amina Odhiambo and Peter Wanjiru. "
     "Among the foreign participants was Lena Brandt, a German economist.",
     {("Amina Odhiambo", "attended", "summit", False), ("Peter Wanjiru", "attended", "summit", False),
      ("Lena Brandt", "attended", "summit", False)}, set()),
    # one cannot join a state of a federation as a member
    ("Ohio sued Corvex Labs in March. Within a week it was joined by Michigan.", set(),
     {("Michigan", "memberOf", "Ohio", False)}),
])
def test_agents_hung_elsewhere_and_event_participants(facts, text, expected, unwanted):
    got = facts(text)
    assert expected <= got, f"missing {expected - got}; got {got}"
    assert not unwanted & got, got


@pytest.mark.parametrize("text,expected,unwanted", [
    # "the company" is a firm, not the court named since
    ("Lintang Labs lost its appeal in the Jakarta State Administrative Court. Its founder said the firm would go to "
     "the Constitutional Court. The company is funded by Borneo Ventures.",
     {("Borneo Ventures", "funded", "Lintang Labs", False)},
     {("Borneo Ventures", "funded", "Constitutional Court", False)}),
    # "as founding members of X": a kind of member, not a founding
    ("Brazil and India, as founding members of the New Development Bank, called for cheaper loans.", set(),
     {("Brazil", "established", "New Development Bank", False)}),
    # an apposition describing the text before its comma, which the parser hung on the subject
    ("The Sahel Digital Rights Network has refused to endorse the Niamey Communiqué, the outcome document drafted "
     "by Niger as host.",
     {("Niger", "proposed", "Niamey Communiqué", False)},
     {("Niger", "proposed", "Sahel Digital Rights Network", False)}),
    # a follow-up event is a new one, not the summit just held
    ("Ghana hosted the ECOWAS digital summit in Accra on Thursday. Senegal will host the follow-up summit in 2026.",
     {("Senegal", "hosted", "follow-up summit", False)},
     {("Senegal", "hosted", "ECOWAS digital summit", False)}),
])
def test_kinds_of_bodies_attempts_and_new_events(facts, text, expected, unwanted):
    got = facts(text)
    assert expected <= got, f"missing {expected - got}; got {got}"
    assert not unwanted & got, got


def test_asking_to_join_or_being_welcome_to_is_not_joining(facts):
    got = facts("Five countries signed the Da Nang Statement. Nepal asked to join the statement last year. The minister "
                "said Bhutan and Laos were welcome to join at any time.", with_modality=True)
    joined = {(s, m) for s, p, o, n, m in got if p == "endorsed" and o == "Da Nang Statement" and not n}
    assert joined and all(m == "possible" for _, m in joined), got


@pytest.mark.parametrize("text,expected,unwanted", [
    # coordinated legislators "both of" a party
    ("Senators Jorge Salinas Peña and Rosa María Ortiz Vega, both of the Broad Front Party, voted against the bill.",
     {("Jorge Salinas Peña", "memberOf", "Broad Front Party", False),
      ("Rosa María Ortiz Vega", "memberOf", "Broad Front Party", False)}, set()),
    # a proposal in apposition to what it proposes
    ("The minister said Ghana would work with Togo on a shared register of language datasets, a proposal first put "
     "forward by Benin last year.",
     {("Benin", "proposed", "shared register of language datasets", False)}, {("Benin", "proposed", "proposal", False)}),
    # a past act does not refer to a follow-up text announced since
    ("The council adopted the Geneva Resolution on Privacy. Brazil said it would work with Chile on a follow-up "
     "resolution. Privacy International praised the resolution.",
     {("Privacy International", "praised", "Geneva Resolution on Privacy", False)},
     {("Privacy International", "praised", "follow-up resolution", False)}),
])
def test_parties_chambers_and_proposals_in_apposition(facts, text, expected, unwanted):
    got = facts(text)
    assert expected <= got, f"missing {expected - got}; got {got}"
    assert not unwanted & got, got


@pytest.mark.parametrize("text,expected", [
    # a by-phrase hung on the circumstance before it
    ("Ministers adopted the Hanoi Charter on Data on Friday. It was signed on the spot by Laos and Cambodia.",
     {("Laos", "signed", "Hanoi Charter on Data", False), ("Cambodia", "signed", "Hanoi Charter on Data", False)}),
    # a passive conjunct whose time the tagger took for its object
    ("The Suva Compact on Ocean Data, which was proposed by Fiji in 2023 and signed the following year by Samoa and "
     "Tonga, entered into force.",
     {("Samoa", "signed", "Suva Compact on Ocean Data", False), ("Tonga", "signed", "Suva Compact on Ocean Data", False)}),
    # the relative pronoun is the object of the verb its clause controls
    ("Accra plans to build a regional AI testing centre, which Norway and the World Bank have agreed to fund.",
     {("Norway", "funded", "regional AI testing centre", False),
      ("World Bank", "funded", "regional AI testing centre", False)}),
])
def test_agents_and_gaps_the_parser_misplaced(facts, text, expected):
    got = facts(text)
    assert expected <= got, f"missing {expected - got}; got {got}"


@pytest.mark.parametrize("text,expected", [
    # a fronted participle describes the subject of the clause it opens
    ("Tabled by Peru and Chile on behalf of the Andean group, the resolution was co-sponsored by Bolivia.",
     {("Peru", "proposed", "resolution", False), ("Chile", "proposed", "resolution", False)}),
    ("Orchid Labs builds speech tools. Founded in 2020 by Amara Diallo, the company now employs 40 people.",
     {("Amara Diallo", "established", "Orchid Labs", False)}),
    # "for A and for B": the second object of the same preposition
    ("The charter calls for a regional register of risky systems and for common rules on data transfers.",
     {("charter", "calledFor", "regional register of risky systems", False),
      ("charter", "calledFor", "common rules on data transfers", False)}),
    # "praised its work": the one whose work it is
    ("Temasek invested in Orchid Labs last year. Minister Grace Lim visited Orchid Labs and praised its work on "
     "Malay speech recognition.", {("Grace Lim", "praised", "Orchid Labs", False)}),
    # a name after a comma names the object before it: a product, a text
    ("Lumo AI will release a larger version, Lumo Max, next year.", {("Lumo AI", "released", "Lumo Max", False)}),
    # a title-case body headed by "cell", missed by the tagger
    ("Estonia, Latvia and Lithuania signed a declaration on Monday. Under it, the three countries will establish a "
     "Baltic Data Fusion Cell in Riga.",
     {("Latvia", "established", "Baltic Data Fusion Cell", False)}),
])
def test_fronted_participles_second_objects_and_names(facts, text, expected):
    got = facts(text)
    assert expected <= got, f"missing {expected - got}; got {got}"


@pytest.mark.parametrize("text,expected,unwanted", [
    # proposing, welcoming or seeking a creation, a ban or an adoption is not doing it
    ("Saudi Arabia proposed the creation of an Arab AI safety network.",
     {("Saudi Arabia", "proposed", "Arab AI safety network", False)},
     {("Saudi Arabia", "established", "Arab AI safety network", False)}),
    ("The Lagos Digital Rights Hub welcomed the ban on real-time facial recognition.", set(),
     {("Lagos Digital Rights Hub", "restricted", "real-time facial recognition", False)}),
    # former employees do not stand for the body they left
    ("Kielo Labs, a Helsinki start-up founded by former Nokia engineers, released a model.", set(),
     {("Nokia", "established", "Kielo Labs", False)}),
    # a light verb's frame already says what its noun says: the target, not the trade flow
    ("Washington imposed restrictions on exports of advanced design software to China in August.",
     {("United States", "restricted", "China", False)},
     {("United States", "restricted", "exports of advanced design software", False)}),
])
def test_nominal_acts_under_other_verbs(facts, text, expected, unwanted):
    got = facts(text)
    assert expected <= got, f"missing {expected - got}; got {got}"
    assert not unwanted & got, got


def test_a_definite_title_refers_to_the_person_introduced_with_it(facts):
    """"the Cabinet Secretary" after "Kenya's Cabinet Secretary for ICT, Ruth Gachanja": a title with
    that head, even when capitalised and compounded."""
    got = facts("Kenya's Cabinet Secretary for Information and the Digital Economy, Ruth Gachanja, began a visit to "
                "Japan on Monday. In Tokyo, the Cabinet Secretary held talks with Vice Minister Kenji Ota.")
    assert ("Ruth Gachanja", "metWith", "Kenji Ota", False) in got, got


@pytest.mark.parametrize("text,expected", [
    ("Ghana's delegation was led by Kwame Mensah, the deputy minister for communications.",
     {("Kwame Mensah", "officialOf", "Ghana", False)}),
    ("A Chinese delegation headed by Vice Minister Li Wei visited Nairobi.", {("Li Wei", "officialOf", "China", False)}),
])
def test_who_leads_a_states_delegation_serves_it(facts, text, expected):
    got = facts(text)
    assert expected <= got, f"missing {expected - got}; got {got}"


def test_a_company_name_cut_short_by_the_tagger_runs_on_to_its_head(facts):
    got = facts("Google Cloud competes with Microsoft, Amazon Web Services and Huawei Cloud for banking business.")
    assert {("Google Cloud", "competesWith", "Amazon Web Services", False),
            ("Google Cloud", "competesWith", "Huawei Cloud", False)} <= got, got


@pytest.mark.parametrize("text,expected,unwanted", [
    # "are founding members" read as a progressive is a copula with a kind of member
    ("Peru and Chile signed a pact on Monday. Both countries are founding members of the Pacific Data Alliance.",
     {("Peru", "memberOf", "Pacific Data Alliance", False), ("Chile", "memberOf", "Pacific Data Alliance", False)},
     {("Peru", "established", "Pacific Data Alliance", False)}),
    # an MEP "sits with" a political group
    ("Anna Novak, a Slovenian MEP who sits with the Renew Europe group, praised the Commission.",
     {("Anna Novak", "memberOf", "Renew Europe", False)}, set()),
])
def test_founding_members_and_sitting_with_a_group(facts, text, expected, unwanted):
    got = facts(text)
    assert expected <= got, f"missing {expected - got}; got {got}"
    assert not unwanted & got, got


@pytest.mark.parametrize("text,expected", [
    # a name opening with a word for a bank or foundation in another language is that body
    ("LIMA - Banco Huallaga, Peru's fifth-largest lender, has struck a three-year agreement with Microsoft.",
     {("Banco Huallaga", "agreementWith", "Microsoft", False)}),
    ("Fundación Datos Abiertos criticised the ministry's plan.",
     {("Fundación Datos Abiertos", "criticised", "ministry's plan", False)}),
])
def test_bodies_named_in_other_languages(facts, text, expected):
    got = facts(text)
    assert expected <= got, f"missing {expected - got}; got {got}"


def test_a_provinces_minister_holds_no_office_of_the_state(facts):
    got = facts("OTTAWA - Canada will fund a national AI centre. The province's technology minister, Brent Halvorsen, "
                "said Edmonton had not been consulted. Canada's industry minister, Jean Roy, praised the plan.")
    assert ("Brent Halvorsen", "officialOf", "Canada", False) not in got, got
    assert ("Jean Roy", "officialOf", "Canada", False) in got, got


@pytest.mark.parametrize("text,expected,unwanted", [
    # a title right before a name is that name's, not the one before the comma
    ("The statement was signed by Japanese Foreign Minister Takeshi Kuroda, his Philippine counterpart Maria Elena "
     "Bautista and others.", {("Takeshi Kuroda", "officialOf", "Japan", False)},
     {("Takeshi Kuroda", "officialOf", "Philippines", False)}),
    # "his Latvian and Lithuanian counterparts, A and B": respectively
    ("The ceremony was hosted by Estonia's defence minister, Kaarel Tamm, and attended by his Latvian and "
     "Lithuanian counterparts, Ilze Kalnina and Tomas Petrauskas.",
     {("Ilze Kalnina", "officialOf", "Latvia", False)}, {("Ilze Kalnina", "officialOf", "Lithuania", False)}),
])
def test_counterparts_titles_go_to_their_own_names(facts, text, expected, unwanted):
    got = facts(text)
    assert expected <= got, f"missing {expected - got}; got {got}"
    assert not unwanted & got, got


def test_a_portfolios_words_name_no_other_holder(facts):
    got = facts("DUBLIN - Ireland's regulator opened an inquiry into Heliant. Minister of State for Digital Affairs "
                "Niall Furlong welcomed the inquiry.")
    assert ("Niall Furlong", "officialOf", "Ireland", False) in got, got


@pytest.mark.parametrize("text,expected,unwanted", [
    # "the agreement" the story named, praised or criticised; a name the tagger missed, with a title
    ("Estonia and Latvia signed the Riga Accord on Data Sharing on Monday. Raivo Sepp, an Isamaa member of the "
     "defence committee, criticised the agreement for saying nothing about cyber.",
     {("Raivo Sepp", "criticised", "Riga Accord on Data Sharing", False)}, set()),
    # (… but "the move" names no text)
    ("Estonia and Latvia signed the Riga Accord on Data Sharing on Monday. Brussels welcomed the move.", set(),
     {("European Union", "endorsed", "Riga Accord on Data Sharing", False)}),
])
def test_praise_and_criticism_of_the_text_named_before(facts, text, expected, unwanted):
    got = facts(text)
    assert expected <= got, f"missing {expected - got}; got {got}"
    assert not unwanted & got, got


def test_a_postponed_or_cancelled_event_did_not_happen(facts):
    got = facts("Claire Montaigu, France's digital minister, met Emirati officials in Abu Dhabi on Monday. Her visit to "
                "Jordan has been postponed to the spring, and France cancelled its talks with Iran.")
    assert ("Claire Montaigu", "visited", "Jordan", False) not in got, got
    assert ("France", "metWith", "Iran", False) not in got, got


# --- session 14: who the words refer to -------------------------------------------------------------

@pytest.mark.parametrize("text,expected,unwanted", [
    # "she" after a woman the article just called "Ms", not a subject of unknown sex before her (the tagger
    # took the company for a person)
    ("Telefónica announced an investment, and its chief executive, Marcos Villalba Ortega, said the company "
     "would also fund 2,000 scholarships.\n\nThe visit has a European dimension. Mr Olmedo said Spain would "
     "push for a digital partnership, and he invited Ms Velasco to the Ibero-American summit in Madrid next "
     "year. She said she would attend.",
     ("Velasco", "attended", "Ibero-American summit in Madrid", False), ("Telefónica", "attended")),
    # a title in apposition qualified by its own country is not the dateline's
    ("ACCRA - The United Kingdom and Ghana on Wednesday signed a memorandum of understanding on AI safety.\n\n"
     "Ghana hosted the talks. Ghana is keen.\n\nThe visit came three weeks after a trip to Accra by Zhang "
     "Ruiqing, China's vice-minister of industry and information technology, during which China and Ghana "
     "struck an agreement.",
     ("Zhang Ruiqing", "officialOf", "China", False), ("Zhang Ruiqing", "officialOf", "Ghana")),
    # a list after a colon is what the plural before the colon announces
    ("The Latin American Open AI Network released a model on Monday. The network was established in 2023 by "
     "its three founding members: the University of Chile, the University of São Paulo and the National "
     "Autonomous University of Mexico.",
     ("University of Chile", "established", "Latin American Open AI Network", False),
     ("Latin American Open AI Network", "established")),
    # an alliance described in apposition is a body, whatever the tagger said
    ("Smart Africa, the Kigali-based alliance to which Rwanda, Ghana and Senegal belong, welcomed the charter. "
     "Its director general, Jean-Paul Nsengimana Rugira, said the alliance would work with the African Union "
     "Commission.",
     ("Jean-Paul Nsengimana Rugira", "affiliatedWith", "Smart Africa", False), ("Smart Africa", "officialOf")),
    # a party's spokesperson, or a member "of" a party, is a member of it
    ("But Kari Vold, defence spokesperson for the Socialist Left Party, criticised the ministry.",
     ("Kari Vold", "memberOf", "Socialist Left Party", False), ("Kari Vold", "affiliatedWith")),
    ("The amendment was co-sponsored by Helmi Saarinen of the Green League.",
     ("Helmi Saarinen", "memberOf", "Green League", False), ("Helmi Saarinen", "affiliatedWith")),
    # a well-known company the tagger takes for a person: "the company" is it
    ("Ericsson will contribute engineers, said Jonas Lindahl, the company's head of AI research.",
     ("Jonas Lindahl", "affiliatedWith", "Ericsson", False), ("Ericsson", "affiliatedWith")),
    # "the group" is the body introduced as one ("the campaign group Fair Claims Project"), not a paper
    # named in a photo credit since
    ("Eastmoor Borough Council has suspended an AI tool, days after the campaign group Fair Claims Project "
     "accused it of discrimination.\n\nThe council's offices on Market Street. Picture: Eastmoor Gazette\n\n"
     "\"People were treated as suspects,\" said Marcus Oyelaran, the group's coordinator.",
     ("Marcus Oyelaran", "affiliatedWith", "Fair Claims Project", False), ("Marcus Oyelaran", "affiliatedWith",
                                                                         "Eastmoor Gazette")),
    # the staff of a development bank hold offices of an international body
    ("The African Development Bank will provide a further $1 billion in loans, the bank's president, Adewale "
     "Ogundipe, told the summit.", ("Adewale Ogundipe", "officialOf", "African Development Bank", False),
     ("Adewale Ogundipe", "affiliatedWith")),
    # a named group of states acts through its members
    ("The three Baltic states pushed for tougher language on disinformation.",
     ("Latvia", "calledFor", "tougher language", False), ("Baltic states", "calledFor")),
    # a body named with its country's adjective is that country's, not the dateline's
    ("NEW DELHI - India hosted the dialogue. India is keen. India said so.\n\nCarmela Reyes-Santos, an "
     "undersecretary at the Philippine Department of National Defense, attended the session.",
     ("Carmela Reyes-Santos", "officialOf", "Philippines", False), ("Carmela Reyes-Santos", "officialOf", "India")),
    # Indian honorifics are no part of the name
    ("Chief Minister Shri Bijay Kumar praised Nvidia. Smt Anjali Mohanty criticised Nvidia.",
     ("Anjali Mohanty", "criticised", "Nvidia", False), ("Smt Anjali Mohanty", "criticised")),
    # (but "Sri Lanka" is a country, not an honorific and a name)
    ("Sri Lanka and India on Thursday signed the Colombo Accord on Digital Public Infrastructure.",
     ("Sri Lanka", "signed", "Colombo Accord on Digital Public Infrastructure", False), ("Lanka", "signed")),
    # text as a mass noun is no document that one declines to join
    ("She warned about dependence on American models trained mostly on English text. Spotify declined to join.",
     None, ("Spotify", "endorsed")),
])
def test_reference(facts, text, expected, unwanted):
    got = facts(text)
    if expected is not None:
        assert expected in got, got
    assert not any((s, p) == unwanted[:2] and (len(unwanted) < 3 or o == unwanted[2]) for s, p, o, n in got), got


def test_a_fronted_participle_describes_the_main_clause_subject(nlp, facts):
    # the small model makes "the company now employs …" a relative clause on the last founder
    text = ("Sautiwave, a Nairobi-based start-up that builds speech recognition models, has raised "
            "$22 million.\n\nFounded in 2021 by Achieng Odhiambo-Mutua, a former speech researcher at the "
            "University of Nairobi, and Ibrahima Sarr Diallo, a Senegalese software engineer, the company now "
            "employs 85 people in Nairobi and Dakar.")
    got = facts(text)
    assert ("Achieng Odhiambo-Mutua", "established", "Sautiwave", False) in got, got
    assert ("Ibrahima Sarr Diallo", "established", "Sautiwave", False) in got, got


def test_a_fronted_passive_whose_main_verb_was_read_as_its_auxiliary(facts):
    # the small model reads "calls" as the auxiliary of "Signed": the text is what the four signed
    text = ("The document, titled the Bishkek Communique on Trustworthy Artificial Intelligence, was agreed on "
            "Thursday. Signed by China, Russia, Kazakhstan and Kyrgyzstan, the eleven-page text calls for "
            "sovereign access to computing power.")
    got = facts(text)
    signers = {s for s, p, o, n in got if p == "signed" and o.startswith("Bishkek Communique") and not n}
    assert signers == {"China", "Russia", "Kazakhstan", "Kyrgyzstan"}, got


@pytest.mark.parametrize("text,expected,unwanted", [
    # the members a plural "members" lists in apposition
    ("Mercosur's four founding members, Brazil, Argentina, Uruguay and Paraguay, negotiate as one.",
     {("Paraguay", "memberOf", "Mercosur", False), ("Brazil", "memberOf", "Mercosur", False)}, set()),
    # a relative clause that speaks of one ("which is a member", "as a full member") is the last one's
    ("Kenya, Ghana and Peru, which is a member of the OECD, attended.",
     {("Peru", "memberOf", "OECD", False)}, {("Kenya", "memberOf", "OECD", False)}),
    # … but a plural one is all of theirs
    ("The pact was backed by France and Germany, which have signed the Paris Charter.",
     {("France", "signed", "Paris Charter", False), ("Germany", "signed", "Paris Charter", False)}, set()),
    # an active conjunct of a passive relative clause shares its head
    ("Kestrel AI, which is headquartered in Dublin and competes with TikTok and YouTube for younger users, faces "
     "a daily fine.", {("Kestrel AI", "competesWith", "TikTok", False)}, set()),
    # a name the tagger took for a body is an event where the text calls it one, however the parser
    # attached the description ("the Africa Regional Forum …, a three-day meeting convened by …")
    ("African governments on Friday endorsed the Kigali Call to Action at the close of the Africa Regional Forum "
     "on AI and Sustainable Development, a three-day meeting convened by the UN Economic Commission for Africa "
     "and the government of Rwanda. The forum was chaired by Ange-Marie Uwimana Kayitare, Rwanda's minister of ICT.",
     {("Rwanda", "hosted", "Africa Regional Forum on AI and Sustainable Development", False),
      ("Ange-Marie Uwimana Kayitare", "chaired", "Africa Regional Forum on AI and Sustainable Development", False)},
     set()),
    # joining a funding round funds the one who raised it
    ("Sautiwave, a Nairobi-based start-up, has raised $22 million in a Series A round led by Savannah Frontier "
     "Capital. Kola Ventures joined the round.",
     {("Kola Ventures", "funded", "Sautiwave", False)}, set()),
    # a known body's name opening a longer name is that longer body's
    ("The protocol was drafted by the Mercosur Digital Agenda Group, a technical body chaired by Brazil.",
     {("Mercosur Digital Agenda Group", "proposed", "protocol", False)}, {("Mercosur", "proposed", "protocol", False)}),
])
def test_members_and_relative_clauses(facts, text, expected, unwanted):
    got = facts(text)
    assert expected <= got, f"missing {expected - got}; got {got}"
    assert not (unwanted & got), got


def test_an_agreement_between_two_parties_is_named_by_them(facts):
    # as news names it: "the University of the South Pacific-Moana Broadcasting Network partnership agreement"
    got = facts("The partnership agreement between the University of the South Pacific and the Moana "
                "Broadcasting Network was signed by Anjali Prasad.")
    assert ("Anjali Prasad", "signed", "University of the South Pacific-Moana Broadcasting Network partnership "
            "agreement", False) in got, got


def test_an_agency_known_by_its_acronym_acts_in_its_own_name(facts):
    # a regulator with no "ministry" or "department" in its name is an actor of its own, not its state
    got = facts("The National Institute of Standards and Technology on Monday launched a consortium. Its director "
                "said NIST would work with the UK AI Security Institute.")
    assert ("National Institute of Standards and Technology", "cooperatesWith", "UK AI Security Institute",
            False) in got, got


def test_a_second_description_after_a_person_describes_the_body_named_in_the_first(facts):
    # the small model hangs "a Washington think tank" on the person, so the person would be funded
    got = facts("Ms Raghunathan was joined by Rosalind Ebuka, a senior fellow at the Halverson Institute, a "
                "Washington think tank funded largely by the Carrow Foundation.")
    assert ("Carrow Foundation", "funded", "Halverson Institute", False) in got, got
    assert ("Carrow Foundation", "funded", "Rosalind Ebuka", False) not in got, got


def test_a_recommendation_is_not_a_fact(facts, nlp, extractor):
    # "recommends that X work with Y" (a subjunctive after a verb of advising) says what ought to be
    doc = nlp("The report recommends that Australia work more closely with Japan.")
    rels = extractor.extract(doc, "t.txt")
    assert {(r.subject_label, r.predicate, r.modality) for r in rels} == {("Australia", "cooperatesWith", "possible")}
    assert ("Australia", "cooperatesWith", "Japan", False) in facts("The report noted that Australia works closely "
                                                                   "with Japan.")


def test_a_demonym_on_a_common_noun_does_not_take_the_ministry_abroad(facts):
    # "14 Chinese companies" names no acting state: the unqualified ministry is the dateline's (Taiwan's)
    got = facts("Taiwan adds firms to blacklist\n\nTAIPEI - Taiwan has added 14 Chinese companies to a list of "
                "barred buyers, the Ministry of Economic Affairs said on Tuesday. The ministry said it had held "
                "talks with Japan in recent weeks.")
    assert ("Taiwan", "metWith", "Japan", False) in got, got


DESCRIBED_LISTS = [
    # the second name hangs on the first one's title ("minister … and Annelise Vogt")
    ("The loan agreement was signed in Jakarta on Thursday by Bambang Hartono, Indonesia's minister of "
     "communication and digital affairs, and Annelise Vogt, the World Bank's country director for Indonesia.",
     {("Bambang Hartono", "signed", "loan agreement", False), ("Annelise Vogt", "signed", "loan agreement", False),
      ("Annelise Vogt", "officialOf", "World Bank", False)}, set()),
    # … or on the place inside the first one's "of" phrase
    ("The charter was signed by Nikos Karalis of the National Technical University of Athens, Sofia Papadaki "
     "of Aristotle University and Andreas Loizou of the University of Cyprus.",
     {("Nikos Karalis", "signed", "charter", False), ("Sofia Papadaki", "signed", "charter", False)}, set()),
    # no comma, no list: a name's own words stay in it, and the person's pronoun stays hers
    ("Tahmina Akter, president of the Bangladesh Association of Software and Information Services (BASIS), "
     "welcomed the programme. But she warned about low wages.",
     {("Tahmina Akter", "warnedAbout", "low wages", False)}, set()),
]


DEFINITE_REFERENCES = [
    # "the compromise" is the one described before by what it is on
    ("Ministers agreed a compromise on high-risk obligations on Monday. Germany and France backed the compromise.",
     {("Germany", "endorsed", "compromise on high-risk obligations", False),
      ("France", "endorsed", "compromise on high-risk obligations", False)}, set()),
    # a plural text's name is headed by its first noun: "the principles" = "Tokyo Principles on …"
    ("The ministers adopted the Tokyo Principles on Open Evaluation on Monday. Ms Park endorsed the principles.",
     {("Park", "endorsed", "Tokyo Principles on Open Evaluation", False)}, set()),
    # an adjective alone does not say which draft; nothing before, nothing to say
    ("Officials circulated a revised draft on Monday. Germany backed the draft.", set(),
     {("Germany", "endorsed", "revised draft", False)}),
    ("Germany backed the compromise.", set(), {("Germany", "endorsed", "compromise", False)}),
]


TRAILING_PARTICIPLES = [
    # a participle after the clause describes the clause's object …
    ("Turkey hosted a meeting of the Organization of Turkic States on digital policy in May, attended by "
     "Azerbaijan, Kazakhstan and Uzbekistan.",
     {("Azerbaijan", "attended", "meeting of Organization of Turkic States on digital policy", False),
      ("Uzbekistan", "attended", "meeting of Organization of Turkic States on digital policy", False)}, set()),
    ("Kenya signed the Nairobi Accord, drafted by Rwanda.", {("Rwanda", "proposed", "Nairobi Accord", False)},
     {("Rwanda", "proposed", "Kenya", False)}),
    # … or, with none, what the clause is about
    ("The Tallinn Resolution on AI passed on Monday, backed by Estonia.",
     {("Estonia", "endorsed", "Tallinn Resolution on AI", False)}, set()),
]


WORKING_TOGETHER = [
    ("The Asian Development Bank will coordinate with the World Bank to avoid duplication.",
     {("Asian Development Bank", "cooperatesWith", "World Bank", False)}, set()),
    ("Kenya and Rwanda joined forces on data centres.", {("Kenya", "cooperatesWith", "Rwanda", False)}, set()),
    # joining alone (a scheme, a body) is no working together
    ("Slovakia and Hungary have not joined, officials said.", set(),
     {("Slovakia", "cooperatesWith", "Hungary", True)}),
]

FUNDING = [
    # funding verbs with a prefix or an amount: "co-finance", "pay … towards", "seed", "underwrite"
    ("The Helvetic Trust will co-finance the Kigali AI Academy.",
     {("Helvetic Trust", "funded", "Kigali AI Academy", False)}, set()),
    ("Japan will pay up to 320 billion yen towards the Oita Memory Plant, the government said.",
     {("Japan", "funded", "Oita Memory Plant", False)}, set()),
    ("The Gates Foundation will underwrite the Nairobi Data Lab.",
     {("Gates Foundation", "funded", "Nairobi Data Lab", False)}, set()),
    # an amount's purpose is its giver's, wherever the parser hung the infinitive
    ("Nigeria and South Africa have each pledged $40 million to seed the Continental Compute Fund.",
     {("Nigeria", "funded", "Continental Compute Fund", False),
      ("South Africa", "funded", "Continental Compute Fund", False)}, set()),
    # "a non-profit funded by": the parser's apposition is the participle of the name
    ("The Straits Evaluation Lab, a non-profit funded by the Singapore government, will run the tests.",
     {("Singapore", "funded", "Straits Evaluation Lab", False)}, set()),
    # an open call for proposals is no demand
    ("Marcus Leung announced the Arctic Institute's first call for research proposals.", set(),
     {("Arctic Institute", "calledFor", "research proposals", False)}),
]


NEW_BODIES = [
    # a body the NER called a facility is a body by its head word; "the institute" then is the one named
    # last at the top of its sentence, by the name's head (not its last word)
    ("The Vector Institute and Mila on Wednesday launched the Arctic-Atlantic Institute for Responsible AI. "
     "The institute's budget is funded by the Lindqvist Family Foundation.",
     {("Lindqvist Family Foundation", "funded", "Arctic-Atlantic Institute for Responsible AI", False)},
     {("Lindqvist Family Foundation", "funded", "Vector Institute", False)}),
    # a list of names the parser broke into appositions
    ("The Vector Institute, Mila, the University of Oslo, the University of Helsinki and Aarhus University "
     "launched the Arctic-Atlantic Institute for Responsible AI.",
     {("University of Oslo", "established", "Arctic-Atlantic Institute for Responsible AI", False),
      ("Aarhus University", "established", "Arctic-Atlantic Institute for Responsible AI", False)}, set()),
    # … but a title with "and" inside is no list
    ("The compact was signed by Grace Namutebi, Kenya's Minister of ICT and Innovation, and Paul Otieno.",
     {("Grace Namutebi", "signed", "compact", False)}, {("Innovation", "signed", "compact", False)}),
    # "the trust" after "a regional tourism data trust": the new body, not one named before it
    ("The Caribbean Community met in Bridgetown. Everton Lashley called for a regional tourism data trust. "
     "The trust's first three years will be funded by the Inter-American Development Bank.",
     {("Inter-American Development Bank", "funded", "regional tourism data trust", False)},
     {("Inter-American Development Bank", "funded", "Caribbean Community", False)}),
]

VOTES_AND_GROUPS = [
    # a vote is always on a proposal, whatever its noun; a rejection of criticism is no vote
    ("Councillor Bernadette Doucet voted against the rezoning of the site.",
     {("Bernadette Doucet", "endorsed", "rezoning of site", True)}, set()),
    ("Hungary rejected the criticism of its media law.", set(),
     {("Hungary", "endorsed", "criticism of its media law", True)}),
    # "the New" + "Democratic Party": one name, not the US party
    ("Members of the Liberal Party and the New Democratic Party voted in favour of the Ottawa AI Act.",
     {("New Democratic Party", "endorsed", "Ottawa AI Act", False)},
     {("Democratic Party", "endorsed", "Ottawa AI Act", False)}),
    # "the province": the region just named
    ("Ontario banned TesseraChat on Monday. Colin Marsh accused the province of relying on an old review.",
     {("Colin Marsh", "criticised", "Ontario", False)}, set()),
    # a determined noun the parser took for a clause is the object
    ("Farah Siddiqui, Ontario's minister of public service delivery, announced the procurement ban on Monday "
     "and said it takes effect immediately.", {("Farah Siddiqui", "announced", "procurement ban", False)}, set()),
    # "members of A and B": each party
    ("Members of the Liberal Party and the Green Party voted in favour of the Ottawa AI Act.",
     {("Liberal Party", "endorsed", "Ottawa AI Act", False), ("Green Party", "endorsed", "Ottawa AI Act", False)},
     set()),
    # "the companies": the list of companies just named
    ("Officials met Google, Meta and TikTok in Riga on Monday. The companies, however, have not endorsed "
     "the Riga Statement on Election Integrity.",
     {("Google", "endorsed", "Riga Statement on Election Integrity", True),
      ("TikTok", "endorsed", "Riga Statement on Election Integrity", True)}, set()),
]

LISTED_OFFICIALS = [
    # a plural title over a list: each name's own country
    ("The text was signed by the three countries' digital ministers: Kadri Tamm of Estonia, Jānis Ozoliņš "
     "of Latvia and Rūta Vaitkienė of Lithuania.",
     {("Kadri Tamm", "officialOf", "Estonia", False), ("Jānis Ozoliņš", "officialOf", "Latvia", False)},
     {("Kadri Tamm", "officialOf", "Latvia", False)}),
    # "its" may be a state whose name has "and" in it; a capital the tagger took for a person is its state
    ("Jamaica praised the final text. Trinidad and Tobago did not sign the annex. Its prime minister, Rohan "
     "Maharaj-Baptiste, said Santo Domingo was ready to work with CARICOM.",
     {("Rohan Maharaj-Baptiste", "officialOf", "Trinidad and Tobago", False),
      ("Dominican Republic", "cooperatesWith", "CARICOM", False)},
     {("Rohan Maharaj-Baptiste", "officialOf", "Jamaica", False)}),
    # "the four commissioners" are the four just named
    ("Veridex Vision sells face search to police. The four commissioners, Moira Callaghan, Trevor Haldane, "
     "Anand Desrosiers and Isabelle Fortin-Lavoie, met on Wednesday. The four commissioners accused the company "
     "of scraping photographs.", {("Anand Desrosiers", "criticised", "Veridex Vision", False),
                                  ("Moira Callaghan", "criticised", "Veridex Vision", False)}, set()),
    # a name the tagger split into two places is one person's
    ("Marta Zielińska, a spokesperson for the Polish defence ministry, said Warsaw was sympathetic.",
     {("Marta Zielińska", "officialOf", "Poland", False)}, set()),
    # "the foreign ministry" of a story about one state; "ministry spokesperson" of the ministry just named
    ("China rejected the readout on Friday. Officials in China said talks with the United States would go on, "
     "and China would host the next round. Gao Yuming, a spokesperson for the foreign ministry, said the version "
     "was wrong.", {("Gao Yuming", "officialOf", "China", False)}, set()),
    ("China's Ministry of Commerce condemned the rule. Ministry spokesperson Feng Xiaolin accused the United "
     "States of weaponising trade.", {("Feng Xiaolin", "officialOf", "China", False)}, set()),
]

REGIONS = [
    # self-governing regions act; "the regional governments of A, B and C" are each of them
    ("AESIA struck cooperation agreements with the regional governments of Galicia, Andalusia and Navarre on "
     "Monday.", {("AESIA", "agreementWith", "Galicia", False), ("AESIA", "agreementWith", "Andalusia", False)},
     set()),
    ("Catalonia did not join the framework, while Bavaria called for a delay.",
     {("Catalonia", "endorsed", "framework", True), ("Bavaria", "calledFor", "delay", False)}, set()),
    # a body's name whose complement has a complement of its own, cut by a concept the gazetteer knows
    ("The Spanish Agency for the Supervision of Artificial Intelligence (AESIA) struck an agreement with France.",
     {("Spanish Agency for the Supervision of Artificial Intelligence", "agreementWith", "France", False)},
     {("Spanish Agency for the Supervision of", "agreementWith", "France", False)}),
    # a region's name the tagger took for a person's: owning an office, or listed with other regions
    ("Xoán Piñeiro, Galicia's regional minister for digital transformation, signed it.",
     {("Xoán Piñeiro", "officialOf", "Galicia", False)}, set()),
    ("Victoria Okafor, the minister, signed the accord. Victoria said it was fair.",
     {("Victoria Okafor", "signed", "accord", False)}, {("Victoria", "signed", "accord", False)}),
    # "the state" is the story's region, named most, not the rival named last
    ("Tamil Nadu launched Tamizh Compute on Monday. Officials said Tamil Nadu would expand it. The launch puts Tamil "
     "Nadu in competition with Karnataka. Karnataka's government did not respond. The state has invited Kerala "
     "to take part.", {("Tamil Nadu", "invited", "Kerala", False)}, {("Karnataka", "invited", "Kerala", False)}),
    # a second by-phrase the parser joined to the verb: "signed … by A, …, and by B, …"
    ("The Coruña Framework was signed at the agency's headquarters by Inés Carballo, AESIA's director-general, and "
     "by Xoán Piñeiro, Galicia's regional minister for digital transformation.",
     {("Inés Carballo", "signed", "Coruña Framework", False), ("Xoán Piñeiro", "signed", "Coruña Framework", False)},
     set()),
    # a dateline of two words in capitals is no subject
    ("Regional pacts sealed\n\nA CORUÑA - The agency signed the Coruña Framework on Monday.", set(),
     {("A CORUÑA", "signed", "Coruña Framework", False), ("CORUÑA", "signed", "Coruña Framework", False)}),
]

IMPLICIT_TEXTS = [
    # "signed on Tuesday", "signed for Rome": when and on whose behalf, and the text in question is signed
    ("Ministers adopted the Lisbon Protocol on Monday. Italy signed on Tuesday.",
     {("Italy", "signed", "Lisbon Protocol", False)}, set()),
    ("Ministers adopted the Lisbon Protocol on Monday. Valeria Conti, an undersecretary at the Italian foreign "
     "ministry, signed for Rome.", {("Valeria Conti", "signed", "Lisbon Protocol", False)},
     {("Valeria Conti", "signed", "Rome", False)}),
    # a counted subject that a colon goes on to name
    ("Ministers adopted the Lisbon Protocol on Monday. Three states that took part in the negotiations did not "
     "sign: Malta, Turkey and the United States, which holds observer status at the Council of Europe.",
     {("Malta", "signed", "Lisbon Protocol", True), ("United States", "signed", "Lisbon Protocol", True)},
     {("Malta", "signed", "Lisbon Protocol", False)}),
]

REVIEWED_EDGES = [
    # a counted subject in digits of another script is no crash and no count
    ("³ states signed the treaty: France, Germany and Italy.", set(), set()),
    # a text of one line, and a bulleted line, are prose without their full stops
    ("Microsoft signed a deal with OpenAI", {("Microsoft", "agreementWith", "OpenAI", False)}, set()),
    ("Intro.\n\n- Microsoft signed a deal with OpenAI\n- Google did too\n",
     {("Microsoft", "agreementWith", "OpenAI", False)}, set()),
    # a one-word region listed with people is no region; a name before a fronted phrase's comma is no firm
    ("Sabah and Tom met Emmanuel Macron in Paris.", {("Sabah", "metWith", "Emmanuel Macron", False)}, set()),
    # an acronym of an office spells no body
    ("The Chief Executive Officer (CEO) of Google, Sundar Pichai, met Emmanuel Macron.", set(),
     {("Chief Executive Officer", "metWith", "Emmanuel Macron", False)}),
    # "the foreign ministry" is no ministry of defence named before
    ("The Ministry of Defence of Japan issued a statement. A spokesperson for the foreign ministry, Feng Xiaolin, "
     "said China would retaliate.", set(), {("Feng Xiaolin", "officialOf", "Ministry of Defence of Japan", False)}),
    # a colon after the object lists the object, not the counted subject
    ("Two companies joined the alliance: Google and Microsoft.", set(),
     {("Google", "memberOf", "Microsoft", False), ("Microsoft", "memberOf", "Google", False)}),
]

#: (sentence, facts wanted, facts not wanted), by phenomenon
WANTED_AND_UNWANTED = {"described lists": DESCRIBED_LISTS, "definite references": DEFINITE_REFERENCES,
                       "trailing participles": TRAILING_PARTICIPLES, "working together": WORKING_TOGETHER,
                       "funding": FUNDING, "new bodies": NEW_BODIES, "votes and groups": VOTES_AND_GROUPS,
                       "listed officials": LISTED_OFFICIALS, "regions": REGIONS,
                       "implicit texts": IMPLICIT_TEXTS, "reviewed edges": REVIEWED_EDGES}


@pytest.mark.parametrize("text, expected, unwanted", [
    pytest.param(*case, id=f"{name} {i}") for name, table in WANTED_AND_UNWANTED.items()
    for i, case in enumerate(table)])
def test_wanted_and_unwanted_facts(facts, text, expected, unwanted):
    got = facts(text)
    assert expected <= got, got
    assert not unwanted & got, got


def test_by_agents_hung_on_the_ceremony(facts):
    # the small model hangs "by …" on the ceremony at which the text was signed, not on "signed"
    got = facts("The memorandum was signed at a ceremony in Nairobi by Cabinet Secretary Wanjiru Kamau-Otieno and "
                "the UAE's Minister of State for Digital Economy, Khalid Al Suwaidi, who is on a visit.")
    assert {("Wanjiru Kamau-Otieno", "signed", "memorandum", False),
            ("Khalid Al Suwaidi", "signed", "memorandum", False)} <= got, got


def test_second_title_name_pair_of_a_by_list(facts):
    # the small model coordinates the second title with the first name, and hangs the second name on the
    # first title
    got = facts("The loan agreement was signed in Lima on Monday by Peru's minister of economy and finance, "
                "Alejandro Cárdenas Villar, and the IDB's representative in Peru, Sofía Marchetti Duarte.")
    assert {("Alejandro Cárdenas Villar", "signed", "loan agreement", False),
            ("Sofía Marchetti Duarte", "signed", "loan agreement", False)} <= got, got


def test_a_page_menu_is_not_the_voice_of_the_text(facts):
    # "we" in a company's page is the body introduced at the top, never a word of its menu line
    text = ("Mitsuhana Holdings Q3 earnings call: AI tie-ups with Microsoft\n"
            "Skip to main content\n"
            "Mitsuhana Holdings  |  Corporate  |  Products & Services  |  Sustainability  |  Investor Relations  |  "
            "Careers\n"
            "Home > Investor Relations > IR Library > Earnings Calls\n\n"
            "Revenue rose 14 percent. In October we concluded a five-year agreement with Microsoft. We released "
            "Tsubasa 3 in September. We also joined the GENIAC programme.")
    got = facts(text)
    assert not any(s == "Sustainability" for s, *_ in got), got


def test_hoping_to_sign_is_an_intention(facts):
    # the small model lemmatises "hoped" as "hop"; the hope is still an intention, not a report of signing
    got = facts("The Federal University of Pernambuco did not sign the Coimbra Charter. Its vice-rector, Sérgio "
                "Wanderley, said the university hoped to sign before the end of the year.", with_modality=True)
    assert ("Federal University of Pernambuco", "signed", "Coimbra Charter", False, "intended") in got, got
