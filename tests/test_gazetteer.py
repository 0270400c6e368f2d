import pytest

from kg.errors import DataFileError
from kg.gazetteer import Gazetteer, entity_key, normalise_name, slugify


@pytest.mark.parametrize("name,label", [
    ("UK", "United Kingdom"), ("Britain", "United Kingdom"), ("the United Kingdom", "United Kingdom"),
    ("the US", "United States"), ("U.S.", "United States"), ("America", "United States"),
    ("PRC", "China"), ("People's Republic of China", "China"), ("UNGA", "UN General Assembly"),
    ("Kosovo", "Kosovo"), ("South Korea", "South Korea"), ("Korea, Republic of", "South Korea"),
    ("NIST", "National Institute of Standards and Technology"), ("FTC", "Federal Trade Commission"),
    ("GPAI", "Global Partnership on Artificial Intelligence"),
])
def test_aliases_resolve_to_one_label(name, label):
    assert Gazetteer.load().lookup(name).label == label


def test_short_aliases_are_case_sensitive():
    gaz = Gazetteer.load()
    assert gaz.lookup("us") is None
    assert gaz.lookup("US").label == "United States"


def test_demonyms_and_capitals():
    gaz = Gazetteer.load()
    assert gaz.country_of_demonym("British").label == "United Kingdom"
    assert gaz.country_of_capital("Beijing").label == "China"
    # small states' capitals too: "Honiara would not sign" is Solomon Islands
    assert gaz.country_of_capital("Honiara").label == "Solomon Islands"
    assert gaz.country_of_capital("Nuku'alofa").label == "Tonga"


@pytest.mark.parametrize("name,region", [
    ("Ontario", True), ("British Columbia", True),  # ISO 3166-2, as written
    ("Galicia", True), ("Cataluña", True), ("Navarra", True),  # ISO names with a second language or inverted
    ("Bavaria", True), ("Andalusia", True), ("Flanders", True), ("Scotland", True),  # English names, from data
    ("Geneva", False), ("Lima", False), ("Kenya", False),  # a city, a capital, a country
])
def test_self_governing_regions(name, region):
    assert Gazetteer.load().is_region(name) is region


def test_user_gazetteer_adds_regions(tmp_path):
    extra = tmp_path / "mine.toml"
    extra.write_text('[countries.CH]\nregions = ["Grisons"]\n', encoding="utf-8")
    assert not Gazetteer.load().is_region("Grisons")
    assert Gazetteer.load(extra_files=[extra]).is_region("Grisons")


def test_every_country_has_a_deterministic_key():
    gaz = Gazetteer.load()
    countries = [e for e in gaz.entries.values() if e.type == "Country"]
    assert len(countries) >= 249
    assert gaz.lookup("UK").key == "country/united-kingdom" == entity_key("Country", "United Kingdom")
    assert gaz.lookup("UK").wikidata == "Q145"


def test_user_gazetteer_extends_builtin(tmp_path):
    extra = tmp_path / "mine.toml"
    extra.write_text('''
[countries.GB]
aliases = ["Blighty"]

[[entity]]
id = "frontier-forum"
label = "Frontier Model Forum"
type = "InternationalOrganisation"
aliases = ["FMF"]
''', encoding="utf-8")
    gaz = Gazetteer.load((extra,))
    assert gaz.lookup("Blighty").label == "United Kingdom"
    assert gaz.lookup("FMF").label == "Frontier Model Forum"
    assert gaz.lookup("FMF").key == "org/frontier-forum"


def test_bad_gazetteer_file_names_the_file(tmp_path):
    bad = tmp_path / "bad.toml"
    bad.write_text('[[entity]]\nlabel = "X"\ntype = "Spaceship"\n', encoding="utf-8")
    with pytest.raises(DataFileError, match="bad.toml.*unknown type 'Spaceship'"):
        Gazetteer.load((bad,))
    broken = tmp_path / "broken.toml"
    broken.write_text("[[entity]\n", encoding="utf-8")
    with pytest.raises(DataFileError, match="broken.toml: not valid TOML"):
        Gazetteer.load((broken,))


def test_name_helpers():
    assert normalise_name("the UK’s") == "UK"
    assert slugify("António Guterres") == "antonio-guterres"


def test_a_named_group_of_states_lists_its_members(tmp_path):
    assert Gazetteer.load().lookup("Baltic states").members == ["country/estonia", "country/latvia",
                                                                "country/lithuania"]
    extra = tmp_path / "groups.toml"
    extra.write_text('[[entity]]\nlabel = "Andean states"\ntype = "Group"\nmembers = ["PE", "BO", "XX"]\n',
                     encoding="utf-8")
    with pytest.raises(DataFileError, match="groups.toml.*'Andean states'.*XX"):
        Gazetteer.load((extra,))
