"""Who acts on whom: actor and recipient of events in short sentences, through the whole pipeline."""

from __future__ import annotations

from datetime import date

import pytest

from forewarn.model import Event, TextInput


def _roles(pipeline, text: str, type_: str) -> tuple[list[str], list[str]]:  # type: ignore[no-untyped-def]
    events = pipeline.analyze(TextInput("t", text, date(2022, 12, 1))).events
    found: list[Event] = [e for e in events if e.type == type_]
    assert found, f"no {type_} among {[e.type for e in events]}"
    event = found[0]
    return (
        [text[a.start : a.end] for a in event.actors],
        [text[r.start : r.end] for r in event.recipients],
    )


@pytest.mark.parametrize(
    ("text", "type_", "actors", "recipients"),
    [
        # a mention after a new clause ("and", "but", "though") is not the object
        (
            "Russian forces attacked the town of Izyum, and Ukrainian forces did not withdraw.",
            "ASSAULT",
            ["Russian forces"],
            ["Izyum"],
        ),
        (
            "Heavy fighting continued near Kharkiv, but Ukrainian forces held their lines.",
            "ASSAULT",
            [],
            ["Kharkiv"],
        ),
        (
            "The Security Council condemned the attacks in Sousse in which 30 Britons were murdered.",
            "ACCUSE",
            ["The Security Council"],
            ["Sousse"],
        ),
        # "and" then a subject and its verb opens a clause of its own: not the object, nor joined to it
        (
            "Russian forces shelled Kharkiv and Ukrainian forces struck Russian positions near Izyum.",
            "ASSAULT",
            ["Russian forces"],
            ["Kharkiv"],
        ),
        ("Hamas fired rockets at Israel and Israeli jets struck Gaza.", "ASSAULT", ["Hamas"], ["Israel"]),
        (
            "Russian forces attacked Ukrainian troops and civilians in Izyum.",
            "ASSAULT",
            ["Russian forces"],
            ["Ukrainian troops", "civilians"],
        ),
        # "the city" or "it" right after an assault names again the last city before it in the sentence
        (
            "Russian forces made limited territorial gains in eastern Mariupol and continued to shell the city.",
            "ASSAULT",
            ["Russian forces"],
            ["Mariupol"],
        ),
        (
            "Russian forces bypassed Kharkiv and may have enveloped it.",
            "ASSAULT",
            ["Russian forces"],
            ["Kharkiv"],
        ),
        ("Russian troops have not encircled the city.", "ASSAULT", ["Russian troops"], []),
        # forces "around" a city stand there; no one acts on the place it is named as
        (
            "Russian forces around Mariupol continued to assault Mariupol from the west.",
            "ASSAULT",
            ["Russian forces"],
            ["Mariupol"],
        ),
        ("Russia is concentrating reserves in Russia.", "MOBILIZE", ["Russia"], []),
        # the place an assault acts on directly comes before a mention in another phrase
        (
            "Russian forces attacked Kyiv in an effort to force the Ukrainian government to capitulate.",
            "ASSAULT",
            ["Russian forces"],
            ["Kyiv"],
        ),
        # the one who acts, not where it stands; a place opening the sentence does not act
        (
            "Russian troops in southern Ukraine attacked Mykolayiv.",
            "ASSAULT",
            ["Russian troops"],
            ["Mykolayiv"],
        ),
        ("In Syria, progress was slow, despite their support.", "SUPPORT", [], []),
        # a retreat is not aimed at the units it moves nor where they went
        ("Russia is withdrawing some units to Belarus.", "RETREAT", ["Russia"], []),
        ("A battalion of the 6th Army withdrew to Belgorod.", "RETREAT", ["the 6th Army"], []),
        # where forces go or arrive is a mobilisation's place, not whom it is aimed at (manual, MOBILIZE)
        ("Russian troops arrived in Bakhmut.", "MOBILIZE", ["Russian troops"], []),
        ("Russian forces concentrated reserves in Severodonetsk.", "MOBILIZE", ["Russian forces"], []),
        ("Russian forces redeployed to Kherson Oblast.", "MOBILIZE", ["Russian forces"], []),
        ("A Russian column moved toward Bakhmut.", "MOBILIZE", ["A Russian column"], []),
        ("Russia deployed troops to Belarus and Crimea.", "MOBILIZE", ["Russia"], []),
        ("Russia massed troops against Ukraine.", "MOBILIZE", ["Russia"], ["Ukraine"]),
        # nor at the armed force it moves or the front it reinforces, of any country
        (
            "The Kremlin announced plans to deploy Syrian fighters to Ukraine.",
            "MOBILIZE",
            ["The Kremlin"],
            [],
        ),
        ("Russian forces continued to reinforce the Sumy axis.", "MOBILIZE", ["Russian forces"], []),
        # an advance is aimed at the town; a withdrawal's recipient is where it leaves
        ("Russian forces advanced toward Bakhmut.", "ASSAULT", ["Russian forces"], ["Bakhmut"]),
        ("The army's withdrawal from Kherson surprised analysts.", "RETREAT", ["The army"], ["Kherson"]),
        # "with the support of X, Y ...": X supports Y; a passive's sufferer named with its apposition
        (
            "In Syria, with the support of the Counter-Daesh Coalition, the SDF has retaken the town.",
            "SUPPORT",
            ["the Counter-Daesh Coalition"],
            ["the SDF"],
        ),
        (
            "Abu Jandal al-Kuwaiti, an ISIL commander in Raqqah was killed by a coalition airstrike near Tabqa, Syria.",
            "ASSAULT",
            ["a coalition"],
            ["Abu Jandal al-Kuwaiti", "an ISIL commander"],
        ),
        # an assault is not aimed at the actor's own state side; rebels of the same country are fair game
        ("Ukrainian counterattacks forced Ukrainian forces to regroup.", "ASSAULT", ["Ukrainian"], []),
        (
            "Syrian government forces shelled Syrian rebels in Idlib.",
            "ASSAULT",
            ["Syrian government forces"],
            ["Syrian rebels"],
        ),
        # the subject of a subordinate clause or a reporting aside is not the object
        (
            "Israeli tanks fired shells at targets in Jericho, witnesses said, in a rare incident in the West Bank.",
            "ASSAULT",
            ["Israeli tanks"],
            ["Jericho"],
        ),
        (
            "Russian forces attacked the town before Ukrainian forces had arrived.",
            "ASSAULT",
            ["Russian forces"],
            [],
        ),
        ("The talks were the first meeting since Boris Johnson was appointed.", "CONSULT", [], []),
        # kept as they are
        (
            "Protesters staged rallies in Kyiv against the government.",
            "PROTEST",
            ["Protesters"],
            ["the government"],
        ),
        ("Russian forces shelled Kharkiv on Tuesday.", "ASSAULT", ["Russian forces"], ["Kharkiv"]),
        ("Ukraine was offered a new gas deal by Russia.", "AGREE", ["Russia"], ["Ukraine"]),
        ("Hamas fired rockets at Israel.", "ASSAULT", ["Hamas"], ["Israel"]),
        # the one who reports fighting is its source, not its actor; a gerund with an object is its own act
        ("The General Staff reported ongoing fighting near Bakhmut.", "ASSAULT", [], ["Bakhmut"]),
        ("Local authorities reported heavy fighting in Irpin.", "ASSAULT", [], ["Irpin"]),
        ("The General Staff reported a March 6 attack on Kherson.", "ASSAULT", [], ["Kherson"]),
        (
            "Officials reported at 6:00 am on March 24 that fighting was ongoing in Irpin.",
            "ASSAULT",
            [],
            ["Irpin"],
        ),
        (
            "Ukrainian officials said Russian forces shelled Kherson.",
            "ASSAULT",
            ["Russian forces"],
            ["Kherson"],
        ),
        (
            "Ukrainian forces reported destroying two Russian tanks.",
            "ASSAULT",
            ["Ukrainian forces"],
            ["Russian tanks"],
        ),
        ("ISW cannot independently confirm these possible counterattacks.", "ASSAULT", [], []),
        # who claims a capture is its source: the one who captures acts ("claimed to": the claimer's side), and
        # the claimer suffers no passive it reports
        (
            "Russian sources claimed that Russian forces captured Pisky.",
            "ASSAULT",
            ["Russian forces"],
            ["Pisky"],
        ),
        ("The Russian MoD claimed to capture Pisky.", "ASSAULT", ["The Russian MoD"], ["Pisky"]),
        ("The Russian MoD claimed that Pisky was captured.", "ASSAULT", [], []),
        (
            "The Russian MoD claimed that the Ukrainian battalion was destroyed.",
            "ASSAULT",
            [],
            ["the Ukrainian battalion"],
        ),
        # a pronoun acts for the name it stands for in its sentence
        (
            "Mayor Igor Kolikhayev announced that he rejected a Russian proposal.",
            "REJECT",
            ["Mayor Igor Kolikhayev"],
            ["Russian"],
        ),
        ("Shortly after the verdict, Eric Holder announced his resignation.", "RETREAT", ["Eric Holder"], []),
        ("Marco Rubio suspended his campaign on Tuesday.", "SANCTION", ["Marco Rubio"], []),  # his own
        # bare groups with no country act and are acted on
        ("Bandits kidnapped 20 students.", "ASSAULT", ["Bandits"], ["students"]),
        ("Kidnappers released the hostages on Monday.", "RETREAT", ["Kidnappers"], []),
        ("Prosecutors charged the former minister with fraud.", "ACCUSE", ["Prosecutors"], []),
        ("The ruling party rejected the proposal.", "REJECT", ["The ruling party"], []),
        # those a request for arms or aid is addressed to
        (
            "Kyiv stressed the need for arms from partner countries.",
            "REQUEST",
            ["Kyiv"],
            ["partner countries"],
        ),
        ("The government appealed to donors for aid.", "REQUEST", ["The government"], ["donors"]),
        # generic groups act with no country named
        ("The occupiers shelled Kherson.", "ASSAULT", ["The occupiers"], ["Kherson"]),
        ("The West imposed sanctions on Russia.", "COERCE", ["The West"], ["Russia"]),
        (
            "Unidentified attackers killed three police officers.",
            "ASSAULT",
            ["Unidentified attackers"],
            ["police officers"],
        ),
        ("The enemy shelled Kherson.", "ASSAULT", ["The enemy"], ["Kherson"]),
        # a noun trigger opening its sentence, bare or after one word, names its doer after "by"
        ("Shelling by Syrian forces hit Homs on Monday.", "ASSAULT", ["Syrian forces"], ["Homs"]),
        ("Renewed raids by government troops hit Kidal.", "ASSAULT", ["government troops"], ["Kidal"]),
        # forces moved through or via a country are not aimed at it
        ("Russian troops are moving through Belarus to the border.", "MOBILIZE", ["Russian troops"], []),
        ("Chadian units redeployed via Niger toward the lake.", "MOBILIZE", ["Chadian units"], []),
        # the actor's own thing given is no recipient: whom it goes to is
        ("Ghana offered its troops to the African Union.", "AGREE", ["Ghana"], ["the African Union"]),
        (
            "Norway pledged its troops to the Sudanese government.",
            "AGREE",
            ["Norway"],
            ["the Sudanese government"],
        ),
        # the place a visitor arrived in or flew to hosts the visit
        (
            "The Qatari emir arrived in Khartoum on an official visit.",
            "CONSULT",
            ["The Qatari emir"],
            ["Khartoum"],
        ),
        # a possessive object with no one after "to" stays the recipient
        ("The minister thanked his supporters in Accra.", "SUPPORT", ["The minister"], ["his supporters"]),
        # a participle after "if" is a passive with its subject left out: the speaker is attacked
        ("Israel will respond if attacked by Hezbollah.", "ASSAULT", ["Hezbollah"], ["Israel"]),
        ("Tehran said it would close its airspace if attacked.", "ASSAULT", [], []),
        ("Tehran once again rejected the French appeal.", "REJECT", ["Tehran"], ["French"]),
        # villagers, farmers, passengers and fishermen are civilians, a side of their own
        ("Twelve villagers were killed by militants.", "ASSAULT", ["militants"], ["villagers"]),
        (
            "Farmers blocked roads in Delhi to protest against the government.",
            "PROTEST",
            ["Farmers"],
            ["the government"],
        ),
        ("Gunmen opened fire on passengers at the bus station.", "ASSAULT", ["Gunmen"], ["passengers"]),
        ("Soldiers detained three fishermen off the coast.", "COERCE", ["Soldiers"], ["fishermen"]),
    ],
)
def test_roles(pipeline, text: str, type_: str, actors: list[str], recipients: list[str]) -> None:  # type: ignore[no-untyped-def]
    assert _roles(pipeline, text, type_) == (actors, recipients)


@pytest.mark.parametrize(
    ("text", "roles"),
    [
        (
            "Russian forces shelled Kharkiv and Ukrainian forces struck Russian positions near Izyum.",
            [(["Russian forces"], ["Kharkiv"]), (["Ukrainian forces"], ["Russian"])],
        ),
        (
            "Russian forces continued assaults near Bakhmut while Ukrainian forces conducted counterattacks near Kreminna.",
            [(["Russian forces"], ["Bakhmut"]), (["Ukrainian forces"], ["Kreminna"])],
        ),
    ],
)
def test_two_sides_two_assaults(pipeline, text: str, roles: list[tuple[list[str], list[str]]]) -> None:  # type: ignore[no-untyped-def]
    """Two clauses, each with its own subject, by two sides: two assaults with their own roles."""
    events = pipeline.analyze(TextInput("t", text, date(2022, 12, 1))).events
    found = [
        ([text[a.start : a.end] for a in e.actors], [text[r.start : r.end] for r in e.recipients])
        for e in events
        if e.type == "ASSAULT"
    ]
    assert found == roles


@pytest.mark.parametrize(
    ("headline", "type_", "actors", "recipients"),
    [
        ("Xi Meets Lula in Beijing", "CONSULT", ["Xi"], ["Lula"]),
        ("Macron Hosts Scholz at the Elysee", "CONSULT", ["Macron"], ["Scholz"]),
        ("Erdogan Slams Netanyahu Over Gaza Raids", "ACCUSE", ["Erdogan"], ["Netanyahu"]),
        ("Pope Francis Urges Peace in Ukraine", "REQUEST", ["Pope Francis"], ["Ukraine"]),
    ],
)
def test_roles_title_case_headline_verb_before_a_known_name(  # type: ignore[no-untyped-def]
    pipeline, headline: str, type_: str, actors: list[str], recipients: list[str]
) -> None:
    """A headline capitalises its verb: "Meets" before a known family name is no other given name of
    the person ("Meets Lula"), so the verb is an event with its two sides."""
    assert _roles(pipeline, headline, type_) == (actors, recipients)
