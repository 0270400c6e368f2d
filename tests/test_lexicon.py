import pytest

from kg.errors import DataFileError
from kg.lexicon import Lexicon, Trigger

ISSUE_INVENTORY = {"signed", "endorsed", "ratified", "proposed", "coSponsored", "adopted", "warnedAbout",
                   "calledFor", "praised", "criticised", "announced", "metWith", "visited", "hosted", "invited",
                   "attended", "chaired", "cooperatesWith", "competesWith", "restricted", "agreementWith",
                   "established", "funded", "released"}


def test_builtin_lexicon_covers_the_inventory():
    lex = Lexicon.load()
    assert ISSUE_INVENTORY <= set(lex.predicates)
    assert lex.is_symmetric("metWith") and lex.is_symmetric("cooperatesWith") and not lex.is_symmetric("signed")


def test_trigger_syntax():
    lex = Lexicon.load()
    assert Trigger("metWith", "hold", "talk", ("with",)) in lex.triggers_for("hold")
    assert Trigger("warnedAbout", "warn", None, ("about",)) in lex.triggers_for("warn")
    assert Trigger("proposed", "put", None, ("forward",)) in lex.triggers_for("put")
    # most specific first, so "meet with" is tried before bare "meet"
    assert [t.specificity for t in lex.triggers_for("meet")] == sorted(
        [t.specificity for t in lex.triggers_for("meet")], reverse=True)


def test_user_lexicon_adds_verbs_and_predicates(tmp_path):
    extra = tmp_path / "mine.toml"
    extra.write_text('[signed]\nverbs = ["ink"]\n\n[vetoed]\ndescription = "vetoed"\nverbs = ["veto"]\n',
                     encoding="utf-8")
    lex = Lexicon.load((extra,))
    assert {t.predicate for t in lex.triggers_for("ink")} == {"signed"}
    assert "sign" in {t.lemma for t in lex.predicates["signed"].triggers}  # built-in verbs kept
    assert "vetoed" in lex.predicates
    assert lex.version != Lexicon.load().version


@pytest.mark.parametrize("content,message", [
    ('[signed]\nverbs = ["Sign It!"]\n', "is not 'lemma'"),
    ('[Signed]\nverbs = ["sign"]\n', "lowerCamelCase"),
    ('[signed]\nverb = ["sign"]\n', "unknown setting 'verb'"),
    ('[signed]\nobject_types = ["Planet"]\n', "object_types has 'Planet'"),
    ('[restricted]\nverbs = ["add {list}"]\n', "is not 'lemma'"),  # a {noun} needs a preposition to govern it
    ('[funded]\ninverse_verbs = ["receive [money]"]\n', "needs the preposition of its agent"),
    ('[cooperatesWith]\ncomitatives = ["with"]\n', "is not words ending in a preposition"),
    ('[nominalisations]\nRatify = "ratification of"\n', "is not verb = "),
    ('[nominalisations]\nratify = 3\n', "is not verb = "),
    ('nominalisations = ["ratification"]\n', "must be a table of verb"),
])
def test_bad_lexicon_is_a_clear_error(tmp_path, content, message):
    bad = tmp_path / "bad.toml"
    bad.write_text(content, encoding="utf-8")
    with pytest.raises(DataFileError, match=message):
        Lexicon.load((bad,))


def test_behaviour_settings_are_data(tmp_path):
    """What "urged X to do Y" calls for, who a report speaks for, and whether a past tense counts are
    lexicon settings a user can give a predicate of their own."""
    lex = Lexicon.load()
    assert all(t.request for t in lex.predicates["calledFor"].triggers)
    assert lex.predicates["warnedAbout"].author_speaks and lex.predicates["affiliatedWith"].present_only
    extra = tmp_path / "mine.toml"
    extra.write_text('[demanded]\ndescription = "demanded"\nverbs = ["press"]\nrequest_objects = true\n',
                     encoding="utf-8")
    assert all(t.request for t in Lexicon.load((extra,)).predicates["demanded"].triggers)


def test_place_triggers_are_parsed():
    """"add to {list}": the preposition must govern that noun, and the direct object is the theme."""
    lex = Lexicon.load()
    trig = next(t for t in lex.triggers_for("add") if t.predicate == "restricted")
    assert (trig.words, trig.place, str(trig)) == (("to",), "list", "add to {list}")


def test_inverse_and_clause_settings_are_data():
    """"raise [money] from" names the funder after "from"; "announce that" takes the clause's object."""
    lex = Lexicon.load()
    trig = next(t for t in lex.triggers_for("raise") if t.predicate == "funded")
    assert trig.inverse and (trig.noun, trig.words) == ("money", ("from",))
    assert lex.predicates["announced"].clause_objects and not lex.predicates["signed"].clause_objects


def test_comitatives_are_data(tmp_path):
    """"together with" on any verb is a lexicon setting: the built-in one for cooperatesWith, and a
    user's own phrase is appended to it."""
    assert ("together", "with") in Lexicon.load().predicates["cooperatesWith"].comitatives
    extra = tmp_path / "mine.toml"
    extra.write_text('[cooperatesWith]\ncomitatives = ["hand in hand with"]\n', encoding="utf-8")
    phrases = Lexicon.load((extra,)).predicates["cooperatesWith"].comitatives
    assert ("hand", "in", "hand", "with") in phrases and ("jointly", "with") in phrases


def test_nominalisations_are_data(tmp_path):
    """How an action asked for is named is a lexicon table a user can extend or change."""
    assert Lexicon.load().nominalisations["ratify"] == "ratification of"
    assert Lexicon.load().nominalisations["set up"] == "creation of"
    extra = tmp_path / "mine.toml"
    extra.write_text('[nominalisations]\ndigitise = "digitisation of"\nratify = "ratifying"\n', encoding="utf-8")
    lex = Lexicon.load((extra,))
    assert lex.nominalisations["digitise"] == "digitisation of" and lex.nominalisations["ratify"] == "ratifying"
    assert "nominalisations" not in lex.predicates and lex.version != Lexicon.load().version
