"""The places stage: toponyms recognised and resolved offline, on the seed, variants and bad input."""

from __future__ import annotations

import math
import random
import sys
import time
from dataclasses import FrozenInstanceError, astuple
from pathlib import Path

import pytest

from forewarn.analyze.places import Places, _outside, find_places, new_place
from forewarn.knowledge.gazetteer import load_gazetteer, load_lexicon
from forewarn.model import Place

REPO = Path(__file__).resolve().parent.parent


def km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    p1, p2 = math.radians(lat1), math.radians(lat2)
    a = (
        math.sin((p2 - p1) / 2) ** 2
        + math.cos(p1) * math.cos(p2) * math.sin(math.radians(lon2 - lon1) / 2) ** 2
    )
    return 2 * 6371.0 * math.asin(math.sqrt(a))


def places(text: str) -> tuple[Place, ...]:
    return find_places(text, load_gazetteer(), load_lexicon())


def named(found: tuple[Place, ...], surface: str) -> list[Place]:
    return [p for p in found if p.text == surface]


# Surface form, expected level, true point, tolerance in km (areas get more room than towns).
SEED_PLACES = [
    ("Hostomel", "city", 50.569, 30.265, 5),
    ("airport in Hostomel", "feature", 50.604, 30.192, 5),
    ("Kyiv", "city", 50.450, 30.524, 5),
    ("Bucha", "city", 50.549, 30.212, 5),
    ("Irpin", "city", 50.521, 30.251, 5),
    ("Kharkiv", "city", 49.993, 36.231, 5),
    ("Kherson", "city", 46.636, 32.617, 5),
    ("Crimea", "admin1", 45.3, 34.4, 100),
    ("Donbas", "region", 48.3, 38.3, 150),
    ("Belarus", "country", 53.7, 28.0, 150),
    ("Ukraine", "country", 49.0, 31.5, 150),
    ("Russia", "country", 60.0, 100.0, 100),
]


@pytest.fixture(scope="module")
def seed_places(seed_path: Path) -> tuple[Place, ...]:
    return places(seed_path.read_text(encoding="utf-8"))


@pytest.mark.parametrize(("surface", "level", "lat", "lon", "tolerance"), SEED_PLACES)
def test_places_seed_resolved(
    seed_places: tuple[Place, ...], surface: str, level: str, lat: float, lon: float, tolerance: float
) -> None:
    found = named(seed_places, surface)
    assert found, f"{surface} not found"
    for place in found:
        assert place.level == level
        assert place.lat is not None and place.lon is not None
        assert km(place.lat, place.lon, lat, lon) < tolerance, place
        assert 0.0 < place.confidence <= 1.0


def test_places_seed_offsets_index_the_text(seed_path: Path, seed_places: tuple[Place, ...]) -> None:
    text = seed_path.read_text(encoding="utf-8")
    for place in seed_places:
        assert text[place.start : place.end] == place.text


def test_places_seed_demonyms_are_marked_country_places(seed_places: tuple[Place, ...]) -> None:
    demonyms = [p for p in seed_places if p.text in ("Belarusian", "Russian", "Ukrainian")]
    assert demonyms
    assert all(p.kind == "demonym" and p.level == "country" for p in demonyms)
    assert {p.text: p.country for p in demonyms}.get("Belarusian", "BY") == "BY"
    assert all(p.level == "country" for p in seed_places if p.kind == "demonym")
    assert {p.kind for p in seed_places if p.text in ("Ukraine", "Kyiv", "Hostomel")} == {"toponym"}


def test_places_demonym_plural_and_region_adjective() -> None:
    text = "Syrians fled to Turkey. Central American migrants and a Belarusian officer."
    found = {p.text: p for p in places(text)}
    assert found["Syrians"].country == "SY" and found["Syrians"].kind == "demonym"
    assert found["Belarusian"].country == "BY" and found["Belarusian"].lat is not None
    assert "American" not in found and found["Turkey"].kind == "toponym"


@pytest.mark.parametrize(
    ("variant", "geonameid"),
    [
        ("Kyiv", 703448), ("Kiev", 703448), ("Kharkiv", 706483), ("Kharkov", 706483),
        ("Homel", 627907), ("Gomel", 627907), ("Homyel'", 627907), ("Mazyr", 625324), ("Mozyr", 625324),
        ("Hostomel", 708251), ("Gostomel", 708251), ("Irpin", 707565), ("Irpen", 707565),
        ("Mykolaiv", 700569), ("Mykolayiv", 700569),
    ],
)  # fmt: skip
def test_places_spelling_variants_resolve(variant: str, geonameid: int) -> None:
    found = places(f"Troops were seen near {variant} on Monday.")
    assert [p.geonameid for p in found] == [geonameid]


@pytest.mark.parametrize(("name", "geonameid"), [("Київ", 703448), ("Гомель", 627907), ("Харків", 706483)])
def test_places_cyrillic_names_resolve(name: str, geonameid: int) -> None:
    found = places(f"Колона рухалася до {name}.")
    assert [p.geonameid for p in found] == [geonameid]


@pytest.mark.parametrize("name", ["Avdiivka", "Izium", "Zaporizhzhia", "Mykolaiv", "Luninets"])
def test_places_national_romanisation_resolves(name: str) -> None:
    found = places(f"Shelling was reported in {name} on Tuesday.")
    assert len(found) == 1 and found[0].level == "city" and found[0].country in ("UA", "BY")


def test_places_x_comma_y_pattern() -> None:
    found = places("Shelling hit Bucha, Kyiv Oblast, overnight.")
    bucha, oblast = named(found, "Bucha"), named(found, "Kyiv Oblast")
    assert bucha and bucha[0].country == "UA" and bucha[0].admin1 == "Kyiv Oblast"
    assert oblast and oblast[0].level == "admin1"


def test_places_country_adjective_before_city_of() -> None:
    found = places("The attack happened in the English city of Salisbury.")
    assert [(p.text, p.country, p.kind) for p in found] == [
        ("English", "GB", "demonym"),
        ("Salisbury", "GB", "toponym"),
    ]


def test_places_country_acting_is_still_a_place() -> None:
    found = places("Russia said the talks had failed.")
    assert [(p.text, p.level, p.country) for p in found] == [("Russia", "country", "RU")]


@pytest.mark.parametrize(
    "text",
    [
        "Victoria Beckham said she would visit in May.",
        "The Mobile app was updated on Friday.",
        "Mr Paul Bucha spoke to reporters.",
        "He bought orange juice.",
    ],
)
def test_places_common_words_and_persons_are_not_places(text: str) -> None:
    assert places(text) == ()


def test_places_region_and_feature_levels() -> None:
    found = places("Fighting went on in northern Ukraine and along the Dnipro River near Kherson.")
    levels = {p.text: p.level for p in found}
    assert levels.get("northern Ukraine") == "region"
    assert levels.get("Dnipro River") == "feature"


def test_places_streets_are_features_without_coordinates() -> None:
    found = places("Police closed Royal Street in New Orleans on Sunday.")
    street, city = named(found, "Royal Street"), named(found, "New Orleans")
    assert street and street[0].level == "feature" and street[0].lat is None
    assert city and city[0].country == "US"


def test_places_part_of_a_country_is_a_region() -> None:
    found = places("Airstrikes continued in northern Iraq and Raqqah.")
    assert [(p.text, p.level, p.country) for p in found] == [
        ("northern Iraq", "region", "IQ"),
        ("Raqqah", "city", "SY"),
    ]


def test_places_all_caps_headline() -> None:
    found = places("UKRAINE PREPARES FOR ANOTHER RUSSIAN INVASION FROM BELARUS\nText follows.")
    assert [p.name for p in found if p.kind == "toponym"] == ["Ukraine", "Belarus"]
    assert [p.text for p in found if p.kind == "demonym"] == ["RUSSIAN"]


@pytest.mark.parametrize(
    "text",
    ["", "   \n\n", "no places at all here, only words.", "<div><p>Kyiv</p></div> &amp; <br/>", "¶" * 50],
)
def test_places_bad_input_does_not_crash(text: str) -> None:
    found = places(text)
    assert all(text[p.start : p.end] == p.text for p in found)


def test_places_very_long_document(seed_path: Path) -> None:
    text = seed_path.read_text(encoding="utf-8") * 40
    start = time.perf_counter()
    found = places(text)
    assert len(named(found, "Hostomel")) == 40
    assert time.perf_counter() - start < 10


def test_places_annotator_fills_the_analysis(seed_path: Path) -> None:
    from forewarn.analyze.pipeline import Pipeline
    from forewarn.analyze.sentences import Sentences
    from forewarn.model import TextInput

    text = seed_path.read_text(encoding="utf-8")
    analysis = Pipeline([Sentences(), Places()]).analyze(TextInput("seed", text))
    assert any(p.name == "Hostomel" for p in analysis.places)


# Floors pinned just under what bench/eval_places.py measured on the GeoWebNews development
# set (F1 exact .835, overlap .893, accuracy@161 km .944, mean error 183 km). Raise them when the
# stage improves; lowering one must be a deliberate decision.
GWN_FLOORS = {
    "toponym F1 (exact)": 0.837,
    "toponym F1 (overlap)": 0.893,
    "toponym F1, no demonyms/adjectives (exact)": 0.828,
    "accuracy@161 km (recognised gold with coordinates)": 0.945,
}


def test_places_geowebnews_floors(eval_dir: Path) -> None:
    sys.path.insert(0, str(REPO / "bench"))
    try:
        from eval_places import run
    finally:
        sys.path.pop(0)
    rows = {metric: value for _, metric, value, _ in run(eval_dir)}
    for metric, floor in GWN_FLOORS.items():
        assert isinstance(rows[metric], float) and rows[metric] >= floor, (metric, rows[metric])
    assert isinstance(rows["mean error km"], float) and rows["mean error km"] <= 195.0  # a ceiling


def test_places_nation_adjectives_and_two_word_demonyms() -> None:
    found = {p.text: p for p in places("English fans and South Africans met North Korean officials.")}
    assert found["English"].name == "England" and found["English"].level == "country"
    assert found["South Africans"].country == "ZA" and found["North Korean"].country == "KP"
    assert {p.kind for p in found.values()} == {"demonym"}


def test_places_english_regions_and_state_context() -> None:
    found = {p.text: p for p in places("The race moved from Kent to Yorkshire and then to Cheshire.")}
    assert found["Yorkshire"].country == "GB" and found["Cheshire"].country == "GB"
    state = {
        p.text: p
        for p in places("A federal judge in Wyoming halted the rule. Seattle and Tacoma, Washington, agreed.")
    }
    assert state["Wyoming"].level == "admin1" and state["Washington"].level == "admin1"


def test_new_place_is_the_record_place_builds() -> None:
    args = (3, 7, "Kyiv", "Kyiv", 703448, 50.45, 30.52, "UA", "12", "city", 0.9)
    for extra in ((), ("demonym",)):
        fast, built = new_place(*args, *extra), Place(*args, *extra)  # type: ignore[arg-type]
        assert fast == built and hash(fast) == hash(built) and repr(fast) == repr(built)
        assert astuple(fast) == astuple(built) and vars(fast) == vars(built)
        with pytest.raises(FrozenInstanceError):
            fast.start = 0  # type: ignore[misc]


def test_demonyms_outside_places_are_those_overlapping_none() -> None:
    rnd = random.Random(5)
    for _ in range(2000):
        spans = sorted(rnd.sample(range(60), 2 * rnd.randint(0, 6)))
        demonyms = [new_place(s, e, "", "", None, None, None, "", "", "country", 0.7, "demonym")
                    for s, e in zip(spans[::2], spans[1::2], strict=True)]  # fmt: skip
        found = []
        for _ in range(rnd.randint(0, 6)):
            start = rnd.randrange(60)
            found.append(
                new_place(start, start + rnd.randint(0, 9), "", "", None, None, None, "", "", "city", 0.9)
            )
        expected = [d for d in demonyms if not any(p.start < d.end and d.start < p.end for p in found)]
        assert _outside(demonyms, found) == expected


def test_places_arabic_spellings_and_seats_of_unknown_population() -> None:
    found = places("Near Tal Afar, strikes hit targets in Jabla and in al-Hilla.")
    assert [p.country for p in named(found, "Tal Afar")] == ["IQ"]  # a seat GeoNames gives no population
    assert [p.country for p in named(found, "Jabla")] == ["SY"]  # "Jablah" in GeoNames
    assert [p.country for p in named(found, "al-Hilla")] == ["IQ"]  # "Al Hillah"
    assert not named(found, "Afar") and not named(found, "Hilla")
    found = places("Near Al Huwayjah, two strikes disabled two bridges.")
    assert [p.country for p in named(found, "Al Huwayjah")] == ["IQ"]  # "Al Hawijah", same consonants


def test_places_features_named_after_a_place() -> None:
    found = places("Families fled up Mount Sinjar. SDF forces neared Tabqa Dam. Jets left Qayyarah Airfield.")
    for name, country in (("Mount Sinjar", "IQ"), ("Tabqa Dam", "SY"), ("Qayyarah Airfield", "IQ")):
        place = named(found, name)
        assert [(p.level, p.country) for p in place] == [("feature", country)], name
        assert place[0].lat is not None and place[0].geonameid is None


def test_places_x_comma_y_reads_an_alternate_name_and_a_month_is_no_place() -> None:
    found = places("They fought for the retaking of Palmyra, Syria, Nov. 6, 2016.")
    assert [p.country for p in named(found, "Palmyra")] == ["SY"]  # Tadmur, known as Palmyra
    assert not named(found, "Nov")


def test_places_town_the_gazetteer_lacks_after_town_of() -> None:
    found = places("Rebels liberated the Syrian town of Dabiq and the village of Tuloul Naser near Mosul.")
    dabiq, tuloul = named(found, "Dabiq"), named(found, "Tuloul Naser")
    assert [(p.country, p.level, p.lat) for p in dabiq] == [("SY", "city", None)]
    assert [(p.country, p.lat) for p in tuloul] == [("", None)]
    assert named(places("She moved to the city of Kyiv."), "Kyiv")[0].lat is not None


def test_places_unlisted_place_before_the_place_holding_it() -> None:
    found = places("A bomb went off in Karrada, Baghdad. Staff moved to Breffni Integrated CLG, Cavan.")
    assert [(p.country, p.lat) for p in named(found, "Karrada")] == [("IQ", None)]
    assert not named(found, "Breffni Integrated CLG")
