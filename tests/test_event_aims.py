"""Warnings about others, aims and 'could': events a sentence names but does not report as done."""

from __future__ import annotations

from datetime import date

import pytest

from forewarn.model import Event, TextInput

PUBLISHED = date(2022, 12, 20)


def _coded(pipeline, text: str) -> list[tuple[str, str, str]]:  # type: ignore[no-untyped-def]
    """(type, modality, first actor's text) of each event."""
    events: tuple[Event, ...] = pipeline.analyze(TextInput("t", text, PUBLISHED)).events
    return [
        (e.type, e.modality, text[e.actors[0].start : e.actors[0].end] if e.actors else "") for e in events
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # another's act warned of: coded with its own actor, a forecast; no threat by the warner
        ("Zelensky warned that Russia could attack from Belarus.", ("ASSAULT", "forecast", "Russia")),
        ("Zelensky warned Russia could attack from Belarus in February.", ("ASSAULT", "forecast", "Russia")),
        ("Zelensky warned of a possible attack from Belarus.", ("ASSAULT", "forecast", "")),
        # the warner's own act, or a condition put to the addressee: a threat
        ("Russia warned it would respond with force.", ("THREATEN", "threatened", "Russia")),
        ("Russia warned Ukraine that it would strike Kyiv.", ("THREATEN", "threatened", "Russia")),
        (
            "Iran warned of retaliation if Israel strikes its nuclear sites.",
            ("THREATEN", "threatened", "Iran"),
        ),
        (
            "Pakistan warned India that any incursion would be met with force.",
            ("THREATEN", "threatened", "Pakistan"),
        ),
        # a consequence named is the warner's threat, whoever the clause's subject is
        (
            "Russia warned that NATO expansion would have serious consequences.",
            ("THREATEN", "threatened", "Russia"),
        ),
        (
            "Egypt's security chief warned that police will no longer tolerate rallies.",
            ("THREATEN", "threatened", ""),
        ),
    ],
)
def test_events_warning_about_others_is_no_threat(
    pipeline, text: str, expected: tuple[str, str, str]
) -> None:  # type: ignore[no-untyped-def]
    coded = _coded(pipeline, text)
    assert expected[:2] in [c[:2] for c in coded], coded
    if expected[2]:
        assert expected in coded, coded
    if expected[0] != "THREATEN":
        assert "THREATEN" not in [c[0] for c in coded], coded


@pytest.mark.parametrize(
    "text",
    [
        "The UN warned that millions could starve in Yemen.",
        "He warned of the dangers of artificial intelligence.",  # a concern voiced
        # a condition in another clause is not the warning's
        "Kyiv warned that Russia is massing troops, but an attack remains unlikely if talks go on.",
    ],
)
def test_events_warning_about_others_is_no_threat_by_the_warner(pipeline, text: str) -> None:  # type: ignore[no-untyped-def]
    assert "THREATEN" not in [c[0] for c in _coded(pipeline, text)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a warning put after its content: the content's subject decides, as after "warned that"
        ('"Russia could attack from Belarus," Zelensky warned.', ("ASSAULT", "forecast", "Russia")),
        ("Russia will attack Kyiv again, Zelensky warned on Sunday.", ("ASSAULT", "forecast", "Russia")),
        (
            '"We will respond with force," the defence minister warned.',
            ("THREATEN", "threatened", "the defence minister"),
        ),
    ],
)
def test_events_postposed_warning(pipeline, text: str, expected: tuple[str, str, str]) -> None:  # type: ignore[no-untyped-def]
    coded = _coded(pipeline, text)
    assert coded == [expected], coded


def test_events_warning_of_the_threat_of_an_attack_is_a_forecast(pipeline) -> None:  # type: ignore[no-untyped-def]
    coded = _coded(pipeline, "Zelensky warned of the threat of a Russian attack from Belarus.")
    assert [c[:2] for c in coded] == [("ASSAULT", "forecast")], coded


@pytest.mark.parametrize(
    ("text", "aim", "act"),
    [
        # the infinitive after a completed act is its aim: planned, not asserted, and no threat
        ("Russian forces shelled the town to intimidate residents.", ("COERCE", "planned", "Russian forces"),
         ("ASSAULT", "asserted")),
        ("Russian troops deployed to Belarus to prepare an offensive.", ("ASSAULT", "planned", "Russian troops"),
         ("MOBILIZE", "asserted")),
        ("Police raided the offices in order to arrest the editors.", ("COERCE", "planned", "Police"), None),
        ("Russian forces seek to capture the entirety of Donbas.", ("ASSAULT", "planned", "Russian forces"), None),
        ("Soldiers fired into the air to disperse the crowd.", ("COERCE", "planned", "Soldiers"), None),
        # a mission or a plan is an aim: "were tasked with", "the plan was to"
        ("Russian units were tasked with trying to capture Kyiv.", ("ASSAULT", "planned", "Russian units"),
         None),
        ("Russia's primary objective is to capture Donetsk.", ("ASSAULT", "planned", "Russia"), None),
    ],
)  # fmt: skip
def test_events_purpose_clause_is_an_aim(  # type: ignore[no-untyped-def]
    pipeline, text: str, aim: tuple[str, str, str], act: tuple[str, str] | None
) -> None:
    coded = _coded(pipeline, text)
    assert aim in coded, coded
    assert "THREATEN" not in [c[0] for c in coded], coded
    if act is not None:
        assert act in [c[:2] for c in coded], coded


@pytest.mark.parametrize(
    ("text", "type_", "modality"),
    [
        # not a purpose: the act itself, an attempt, the object's act, a preposition's object
        ("Russian forces continued to shell Kharkiv.", "ASSAULT", "asserted"),
        ("The rebels were forced to surrender.", "RETREAT", "asserted"),
        ("The deal will free prisoners to return home.", "AGREE", "planned"),
        ("Russia returned to talks with Ukraine.", "CONSULT", "asserted"),
        ("Troops withdrawn from Sumy are resting prior to redeployment to Izyum.", "MOBILIZE", "asserted"),
    ],
)
def test_events_infinitives_that_are_no_aim(pipeline, text: str, type_: str, modality: str) -> None:  # type: ignore[no-untyped-def]
    coded = _coded(pipeline, text)
    assert (type_, modality) in [c[:2] for c in coded], coded


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a merely possible act keeps its type; PLOVER's THREATEN is a threat its actor communicates
        ("Russian forces could seize Kherson.", ("ASSAULT", "hypothetical")),
        ("Russia could launch an offensive.", ("ASSAULT", "hypothetical")),
        ("The government could close the border.", ("COERCE", "hypothetical")),
        # the actor's own possible act, or one put as a condition, is a threat
        ("Pyongyang said it could strike US bases in Guam.", ("THREATEN", "threatened")),
        ("The EU may halt mediation if the talks fail.", ("THREATEN", "threatened")),
        ("Turkey will withdraw its troops unless the talks resume.", ("THREATEN", "threatened")),
        ("Hand over the city; otherwise the army will impose a curfew.", ("THREATEN", "threatened")),
        # "or otherwise" is an adverb (in another way), no condition
        (
            "Russian forces could seize the plant and damage it or otherwise cut the power.",
            ("ASSAULT", "hypothetical"),
        ),
        # another's future act told by a reporter is a forecast: no threat by its actor
        (
            "The General Staff reports that Russian forces are preparing to attack Sumy.",
            ("ASSAULT", "forecast"),
        ),
        ("Zelensky said Russia is preparing to bomb Odesa.", ("ASSAULT", "forecast")),
        # the speaker's own future act, or an announcement with no one reporting it, is a threat
        ("Hezbollah said it will strike Israeli cities.", ("THREATEN", "threatened")),
        ("Turkey will impose sanctions on Syria.", ("THREATEN", "threatened")),
        # an unnamed speaker of the actor's own side announces its act
        (
            "A Ukrainian official stated that Ukrainian forces plan to retake Horlivka.",
            ("THREATEN", "threatened"),
        ),
    ],
)
def test_events_possible_or_foretold_act_is_no_threat_unless_the_actor_makes_it(
    pipeline, text: str, expected: tuple[str, str]
) -> None:  # type: ignore[no-untyped-def]
    coded = [c[:2] for c in _coded(pipeline, text)]
    assert expected in coded, coded
    if expected[0] != "THREATEN":
        assert "THREATEN" not in [c[0] for c in coded], coded


@pytest.mark.parametrize(
    ("text", "expected", "absent"),
    [
        # a raid on homes or offices is a search (COERCE 'seize') even by armed forces; on positions an assault
        (
            "Security forces raided the offices of the newspaper in Cairo.",
            ("COERCE", "Security forces"),
            "ASSAULT",
        ),
        ("The army raided rebel positions near Goma.", ("ASSAULT", "The army"), "COERCE"),
        # debt forgiven with the amount between is aid, not forgiveness of a person
        ("The Paris Club forgave $1 billion of Sudan's debt.", ("AID", ""), "SUPPORT"),
        # barring entry is a refusal (manual: REJECT), not a restriction
        (
            "The government barred UN investigators from entering the country.",
            ("REJECT", "The government"),
            "COERCE",
        ),
        # hostages released or rescued are no new abduction
        ("Militants in Mali released 20 hostages.", ("RETREAT", "Militants"), "ASSAULT"),
        (
            "Pakistani soldiers rescued 15 hostages from a militant hideout.",
            ("AID", "Pakistani soldiers"),
            "ASSAULT",
        ),
        # property confiscated or looted by soldiers is seized, not attacked; a target hit is attacked
        ("Soldiers confiscated cattle from villagers in Darfur.", ("COERCE", "Soldiers"), "ASSAULT"),
        ("Ukrainian drones hit an oil depot in Bryansk.", ("ASSAULT", "Ukrainian drones"), "COERCE"),
        # an internet shutdown censors; peacekeepers recalled reduce relations (SANCTION 'withdraw')
        ("Zimbabwe's government imposed a nationwide internet shutdown.", ("COERCE", ""), "ASSAULT"),
        ("Russia recalled its peacekeepers from Karabakh.", ("SANCTION", "Russia"), "AID"),
        # a target struck is attacked; an aircraft forced to land is coerced
        ("The army is striking rebel targets near the border.", ("ASSAULT", "The army"), "PROTEST"),
        ("Belarus forced a passenger plane to land in Minsk.", ("COERCE", "Belarus"), "ASSAULT"),
        # an age before the object does not hide a lifted state of emergency
        ("Egypt lifted a three-month-old state of emergency.", ("CONCEDE", "Egypt"), "COERCE"),
        # withdrawing from an organisation reduces relations (manual: SANCTION 'withdraw'), not a retreat
        ("Mali pulled out of the G5 Sahel alliance.", ("SANCTION", "Mali"), "RETREAT"),
        # aid convoys let in are material access (RETREAT), people let leave a concession
        ("Turkey allowed UN aid convoys to cross into Syria.", ("RETREAT", "Turkey"), "CONCEDE"),
        ("Israel allowed Palestinians to leave Gaza.", ("CONCEDE", "Israel"), "RETREAT"),
        # a protest suspended is conceded; an ultimatum may name a day
        ("Striking doctors suspended their walkout.", ("CONCEDE", ""), "SANCTION"),
        ("The army gave the rebels until Friday to surrender.", ("THREATEN", ""), "RETREAT"),
        # an aid worker is a person, not aid given
        ("Iran released the British-Iranian aid worker.", ("RETREAT", "Iran"), "AID"),
    ],
)
def test_events_confusable_types(pipeline, text: str, expected: tuple[str, str], absent: str) -> None:  # type: ignore[no-untyped-def]
    coded = _coded(pipeline, text)
    assert expected[0] in [c[0] for c in coded], coded
    if expected[1]:
        assert (expected[0], expected[1]) in [(c[0], c[2]) for c in coded], coded
    assert absent not in [c[0] for c in coded], coded


def test_events_no_event_where_prices_hit_a_record(pipeline) -> None:  # type: ignore[no-untyped-def]
    assert _coded(pipeline, "Fuel prices hit a record high in March.") == []


def test_events_threat_of_a_strike_on_a_place_is_violence(pipeline) -> None:  # type: ignore[no-untyped-def]
    events = pipeline.analyze(
        TextInput("t", "Hezbollah said it would strike Israeli cities.", PUBLISHED)
    ).events
    assert [(e.type, e.mode) for e in events] == [("THREATEN", "violence")]


@pytest.mark.parametrize(
    ("text", "actor"),
    [
        # a place after "in", "at", "near" says where the mention before it is: that mention acts
        ("The warring parties in Yemen observed a truce.", "The warring parties"),
        ("Russian forces in Belarus are advancing on Kyiv.", "Russian forces"),
    ],
)
def test_events_locative_place_is_not_the_actor(pipeline, text: str, actor: str) -> None:  # type: ignore[no-untyped-def]
    assert actor in [c[2] for c in _coded(pipeline, text)]


@pytest.mark.parametrize(
    ("text", "type_"),
    [
        # a purpose after a movement that is no event of its own: the act is aimed at, not done
        (
            "By the time the reinforcements reached the airport to recapture it, the runway was gone.",
            "ASSAULT",
        ),
        ("Rebel fighters arrived in the town to attack the garrison.", "ASSAULT"),
        ("A delegation came to the city to demand its surrender.", "REQUEST"),
        # a goal named with "for" at the end of a chain of purposes from a planned act
        (
            "The plan was to capture the airport to establish a bridge to ferry troops for an attack on the capital.",
            "ASSAULT",
        ),
    ],
)
def test_events_aims_after_a_movement_or_a_chain_of_purposes(pipeline, text: str, type_: str) -> None:  # type: ignore[no-untyped-def]
    coded = [(t, m) for t, m, _ in _coded(pipeline, text)]
    assert (type_, "planned") in coded and (type_, "asserted") not in coded, coded


@pytest.mark.parametrize(
    "text",
    [
        "Celebrities went on Twitter to applaud the announcement.",  # the applause itself
        "Troops moved into the town and attacked the garrison.",  # no purpose: two acts
    ],
)
def test_events_movement_without_a_purpose_keeps_the_act(pipeline, text: str) -> None:  # type: ignore[no-untyped-def]
    assert all(m != "planned" for _, m, _ in _coded(pipeline, text)), _coded(pipeline, text)


@pytest.mark.parametrize(
    ("text", "accused"),
    [
        ("We are investigating.", False),
        ("Police are investigating, a spokesman said.", False),
        ("Police are investigating the killing of a journalist.", True),
        ("The killing was investigated.", True),
    ],
)
def test_events_investigation_of_nothing_named_is_no_accusation(pipeline, text: str, accused: bool) -> None:  # type: ignore[no-untyped-def]
    assert any(t == "ACCUSE" for t, _, _ in _coded(pipeline, text)) is accused
