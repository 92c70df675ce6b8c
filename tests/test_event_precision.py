"""Precision of the trigger lexicon: words that name no event here are not coded, and the
narrowed triggers still code the events they name."""

from __future__ import annotations

from datetime import date

import pytest

from forewarn.model import Event, TextInput

PUBLISHED = date(2022, 12, 20)


def _events(pipeline, text: str) -> tuple[Event, ...]:  # type: ignore[no-untyped-def]
    return pipeline.analyze(TextInput("t", text, PUBLISHED)).events


def _types(pipeline, text: str) -> set[str]:  # type: ignore[no-untyped-def]
    return {e.type for e in _events(pipeline, text)}


@pytest.mark.parametrize(
    ("text", "absent"),
    [
        # a report's title
        ("Russian Offensive Campaign Assessment, May 4", "ASSAULT"),
        ("Russia-Ukraine Warning Update: Russian Offensive Campaign Assessment", "THREATEN"),
        # an intention or an aim is not a request, a promise or a concession
        ("Rebel forces likely seek to cut the highway south of the town.", "REQUEST"),
        ("The commanders likely intend to encircle the city.", "AGREE"),
        ("The commander sent a list of volunteers ready to fight abroad.", "AGREE"),
        ("The commander sent a list of volunteers ready to fight abroad.", "THREATEN"),
        # among armed forces, stopping an advance is no sanction, pushing at lines no complaint
        ("Government troops halted a rebel advance near the river.", "SANCTION"),
        ("Partisans are challenging the extended supply lines of the invading army.", "ACCUSE"),
        # a noun modifier or a compound noun names no event
        ("Soldiers drove three captured ambulances to the rear.", "ASSAULT"),
        ("The brigade is now operating captured enemy tanks.", "ASSAULT"),
        ("Syrian personnel ready to fight in Ukraine were listed.", "ASSAULT"),
        ("The BTGs committed to fighting have suffered losses.", "THREATEN"),
        ("The brigade faces growing supply problems.", "AID"),
        ("Drones struck fuel depots and supply routes overnight.", "AID"),
        ("The unit replenished its supplies near the border.", "AID"),
        ("The campaign aims to take the enemy air force out of the fight.", "SANCTION"),
        ("Missiles hit the training center near the border, the army said.", "COOPERATE"),
        ("Trains loaded with tanks arrived at the railway station near the border.", "COOPERATE"),
        # a cause, a difficulty or a danger is not an act
        ("Shortages contributed to the failure of the assault.", "AID"),
        ("Shortages contributed to the failure of the assault.", "AGREE"),
        ("The garrison faces serious challenges.", "ACCUSE"),
        ("The exercise prepares forces for conventional and unconventional threats.", "THREATEN"),
        ("The rebels posed a threat to the capital.", "THREATEN"),
        # bare "strikes" in war news are attacks
        ("Strikes hit the airfield overnight.", "PROTEST"),
        # a surrender forced on someone is the attacker's aim; a cause is no concession; felt pressure no demand
        ("Artillery pounded the city to force it to capitulate.", "CONCEDE"),
        ("The shelling aims to force the garrison to surrender.", "RETREAT"),
        ("The capture of the bridge will allow the army to resume its advance.", "CONCEDE"),
        ("Counterattacks relieved pressure on the capital.", "REQUEST"),
        # positions held, conscripts named, a battle manoeuvre or a new phase are no mobilisation
        ("The defenders remain in their original defensive positions.", "MOBILIZE"),
        ("Artillery shelled the defensive positions of the brigade.", "MOBILIZE"),
        ("The new conscripts will need months of training.", "MOBILIZE"),
        ("The rebels have been unable to complete an enveloping maneuver around the town.", "MOBILIZE"),
        ("The army is moving to a new phase of the war.", "MOBILIZE"),
        # publishing, informing or showing a quality is no release, aid or demonstration
        ("The army released footage of destroyed tanks near the village.", "RETREAT"),
        ("The ministry did not provide further details.", "REJECT"),
        ("The new units are unlikely to provide meaningful combat power.", "AID"),
        ("The brigade continues to demonstrate the highest capabilities.", "PROTEST"),
        ("The fall of the city will free up enemy forces.", "RETREAT"),
        ("Soldiers refused orders to advance.", "REQUEST"),
        # resistance offered, a text's own structure, an adjective participle
        ("The isolated units are not offering coordinated resistance.", "AGREE"),
        ("The rebels are advancing on three axes, discussed in turn below.", "CONSULT"),
        ("The army is recruiting convicted prisoners.", "ACCUSE"),
        # remarks delivered, needs met, a statement provided, a courtesy
        ("The envoy will deliver remarks at the conference.", "AGREE"),
        ("The envoy will deliver remarks at the conference.", "AID"),
        ("The programme helps farmers meet the needs of their families.", "CONSULT"),
        ("The programme helps farmers meet the needs of their families.", "REQUEST"),
        ("The spokesman provided a written statement.", "AID"),
        ("Thank you.", "SUPPORT"),
        # a purpose, an adjective, an electoral contest fought with the words of war
        ("The mayor left the city in order to coordinate the defence.", "REQUEST"),
        ("The candidate promised free college.", "RETREAT"),
        ("Cruz captured two states on Tuesday.", "ASSAULT"),
        ("The senators battle for second place in the primary.", "ASSAULT"),
        ("Sanders beat expectations in the caucuses.", "ASSAULT"),
        # a plea in court, a reporter's request for comment, a question, an attraction
        ("The former aide pleaded guilty to fraud.", "REQUEST"),
        ("The campaign did not immediately return a request for comment.", "REQUEST"),
        ("The campaign did not immediately return a request for comment.", "RETREAT"),
        ("The moderator asked the candidates a simple question.", "REQUEST"),
        ("The senator's appeal among young voters is growing.", "REQUEST"),
        # a unit's purpose, a shortage, a position that menaces, military pressure
        ("Russian officer losses will impede the ability to staff training units.", "COOPERATE"),
        ("The brigade faces logistics and reinforcement issues.", "MOBILIZE"),
        ("Armoured columns advancing from the south threaten to encircle the city.", "THREATEN"),
        ("Counterattacks are successfully pressuring enemy forces near the river.", "REQUEST"),
        # a place named after aid, an orderly manner
        ("Artillery shelled a humanitarian aid distribution point in the city.", "AID"),
        ("The rebels are completing their withdrawal, but not in good order.", "REQUEST"),
        # evidence not offered, a deployment avoided
        ("The president offered no evidence for that claim.", "AGREE"),
        ("Some conscripts injured themselves to avoid deployment to the front.", "MOBILIZE"),
        # support as evidence, or armed forces supporting an operation, is no diplomatic support
        ("Satellite images support this assessment.", "SUPPORT"),
        ("The brigade attacked the village with supporting artillery.", "SUPPORT"),
        ("Marines, supported by helicopters, landed on the beach.", "SUPPORT"),
        ("Reserve units moved south to support the assault on the port.", "SUPPORT"),
    ],
)
def test_not_coded(pipeline, text: str, absent: str) -> None:  # type: ignore[no-untyped-def]
    assert absent not in _types(pipeline, text)


def test_headquarters_named_is_no_event(pipeline) -> None:  # type: ignore[no-untyped-def]
    text = "Representatives from the army headquarters attended the exercise."
    assert all("headquarters" not in text[e.trigger.start : e.trigger.end] for e in _events(pipeline, text))


@pytest.mark.parametrize(
    ("text", "type_", "mode"),
    [
        # the narrower triggers code what they should instead
        ("Strikes hit the airfield overnight.", "ASSAULT", ""),
        ("The military is airlifting troops to the front.", "MOBILIZE", "troops"),
        ("Two battalions were committed to the assault on the town.", "ASSAULT", ""),
        ("The fighters tried to force the defenders out of their trenches.", "ASSAULT", ""),
        ("Reserve units moved south to support the assault on the port.", "ASSAULT", ""),
        ("The foreign minister said his country supports the peace plan.", "SUPPORT", ""),
        ("Rebel troops tried to seize the town of Sirte.", "ASSAULT", ""),
        ("Armoured columns cut off the defenders in the city.", "ASSAULT", "heavy-weapons"),
        ("The garrison was forced to surrender.", "RETREAT", "disarm"),
        ("The government allowed the refugees to leave the camp.", "CONCEDE", ""),
        ("The court allowed the candidate to run in the election.", "CONCEDE", ""),
        ("Customs officers seized 200 kilograms of cocaine.", "COERCE", "seize"),
        ("Police cut off electricity to the building.", "COERCE", "withhold"),
        ("Soldiers were digging defensive positions near the river.", "MOBILIZE", "troops"),
        ("The ministry is calling up conscripts from the eastern regions.", "MOBILIZE", "troops"),
        ("The army held maneuvers near the border.", "MOBILIZE", "troops"),
        ("Ukrainian forces captured three Russian tanks.", "ASSAULT", "heavy-weapons"),
        ("The army is ready to fight.", "THREATEN", "violence"),
        ("The militia said it was willing to fight.", "THREATEN", "violence"),
        ("The rebels released two hostages on Friday.", "RETREAT", "release"),
        ("Thousands demonstrated in the capital against the new law.", "PROTEST", "demo"),
        ("Soldiers refused orders to advance.", "REJECT", ""),
        ("Government troops expelled rebel fighters from the town.", "ASSAULT", ""),
        ("Soldiers are forcibly evacuating residents to the border region.", "COERCE", "deport"),
        ("The government offered talks to the rebels.", "AGREE", ""),
        ("The two ministers discussed the crisis in Libya.", "CONSULT", ""),
        ("The EU expelled two diplomats from its mission.", "SANCTION", "expel"),
        ("The convoy delivered food to the besieged town.", "AID", ""),
        ("The minister met protesters to discuss their demands.", "CONSULT", ""),
        ("The president thanked Japan for its support.", "SUPPORT", ""),
        ("Coalition forces are preparing operations to free the city of Mosul.", "ASSAULT", ""),
        ("The rebels freed three hostages.", "RETREAT", "release"),
        ("Police beat protesters in the square.", "ASSAULT", "beat"),
        ("Rebels captured the town after heavy fighting.", "ASSAULT", ""),
        ("Ukrainian forces captured Russian tanks near the village.", "ASSAULT", "heavy-weapons"),
        ("The president ordered the army to withdraw.", "REQUEST", "yield"),
        ("The government appealed to donors to send food aid.", "REQUEST", "assist"),
        ("The minister asked the UN to send monitors.", "REQUEST", ""),
        ("Moscow is pressuring Minsk to send troops.", "REQUEST", ""),
        # and still code the events they name
        ("Belarus is supplying the army with fuel.", "AID", ""),
        ("The government said it was ready to resume talks.", "AGREE", ""),
        ("The union went on strike over pay.", "PROTEST", "strike"),
        ("Workers staged strikes across the country.", "PROTEST", "strike"),
        ("The opposition challenged the election results.", "ACCUSE", "disapprove"),
        ("The militants threatened to attack the base.", "THREATEN", "violence"),
        ("Ukraine established a new military headquarters in Kyiv.", "MOBILIZE", "troops"),
        ("The charity airlifted food to the flooded region.", "AID", ""),
        ("The government halted imports from the neighbouring country.", "SANCTION", "discontinue"),
        ("The ministry halted the programme.", "SANCTION", "discontinue"),
        ("Ethiopia sought military aid from its allies.", "REQUEST", "assist"),
        ("The United States remains committed to working with its partners.", "AGREE", ""),
        ("The committee forced the chairman out of office.", "SANCTION", "expel"),
    ],
)
def test_still_coded(pipeline, text: str, type_: str, mode: str) -> None:  # type: ignore[no-untyped-def]
    found = [e for e in _events(pipeline, text) if e.type == type_]
    assert found, f"no {type_} in {text!r}"
    assert found[0].mode == mode
