import json

import pytest

from kg.errors import GoldError
from kg.evaluate import Fact, evaluate, format_report, load_gold


def test_scores_with_alias_normalisation_and_symmetry():
    gold = [Fact("a", "UK", "signed", "Bletchley Declaration"),
            Fact("a", "China", "metWith", "United States"),
            Fact("a", "France", "signed", "Paris Agreement"),
            Fact("a", "India", "signed", "Paris Agreement", negated=True)]
    predicted = [Fact("a", "United Kingdom", "signed", "the Bletchley Declaration"),
                 Fact("a", "United States", "metWith", "China"),  # symmetric: either way round
                 Fact("a", "India", "signed", "Paris Agreement"),  # negated in gold: wrong polarity
                 Fact("b", "Chile", "signed", "Paris Agreement")]  # document not in gold: not scored
    report = evaluate(gold, predicted)
    assert (report.overall.tp, report.overall.fp, report.overall.fn) == (2, 1, 2)
    assert report.per_predicate["metWith"].f1 == 1.0
    assert len(report.negated_asserted) == 1
    text = format_report(report)
    assert "OVERALL" in text and "negated facts asserted as positive: 1" in text
    assert "- a: France signed Paris Agreement" in text


def test_concepts_match_on_content_words():
    gold = [Fact("a", "EU", "calledFor", "a global approach to AI risks")]
    predicted = [Fact("a", "European Union", "calledFor", "global approach to ai risks")]
    assert evaluate(gold, predicted).overall.tp == 1


def test_ai_is_artificial_intelligence_inside_names():
    gold = [Fact("a", "Turkey", "signed", "memorandum of understanding on artificial intelligence")]
    predicted = [Fact("a", "Turkey", "signed", "memorandum of understanding on AI")]
    assert evaluate(gold, predicted).overall.tp == 1
    # (but "AI" alone does not make two different texts one)
    assert evaluate(gold, [Fact("a", "Turkey", "signed", "AI Act")]).overall.tp == 0


def test_accented_letters_are_folded_not_dropped():
    # "Şahan-X" is "sahan x": a name written without its accents is the same name, and a letter with an
    # accent is not lost ("ahan x" made it a word of any phrase mentioning the X)
    gold = [Fact("a", "Côte d'Ivoire", "signed", "Abidjan Accord"), Fact("a", "Toros", "announced", "Şahan-X")]
    assert evaluate(gold, [Fact("a", "Cote d'Ivoire", "signed", "Abidjan Accord"),
                           Fact("a", "Toros", "announced", "Sahan-X")]).overall.tp == 2
    assert evaluate(gold, [Fact("a", "Côte d'Ivoire", "signed", "Abidjan Accord"),
                           Fact("a", "Toros", "announced", "ahan-X")]).overall.tp == 1


def test_bad_gold_line_names_file_and_line(tmp_path):
    path = tmp_path / "gold.jsonl"
    path.write_text(json.dumps({"subject": "UK", "predicate": "signed", "object": "X"}) + "\n{oops\n", encoding="utf-8")
    with pytest.raises(GoldError, match="gold.jsonl:2"):
        load_gold(path)


def test_gold_may_name_documents_without_their_extension():
    gold = [Fact("001_story", "UK", "signed", "Bletchley Declaration")]
    predicted = [Fact("001_story.txt", "United Kingdom", "signed", "Bletchley Declaration"),
                 Fact("002_other.txt", "France", "signed", "Bletchley Declaration")]  # not in gold: not scored
    report = evaluate(gold, predicted)
    assert (report.overall.tp, report.overall.fp, report.overall.fn) == (1, 0, 0)
