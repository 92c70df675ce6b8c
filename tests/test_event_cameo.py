"""Event types from the CAMEO codebook's wording, code by code: the news phrasing of a code is coded as
the PLOVER type the CAMEO-to-PLOVER table gives it, and its near misses are not."""

from __future__ import annotations

from datetime import date

import pytest

from forewarn.model import Event, TextInput

PUBLISHED = date(2022, 12, 20)


def _events(pipeline, text: str) -> tuple[Event, ...]:  # type: ignore[no-untyped-def]
    return pipeline.analyze(TextInput("t", text, PUBLISHED)).events  # type: ignore[no-any-return]


@pytest.mark.parametrize(
    ("text", "type_", "mode"),
    [
        # 043 host a visit: a visiting official received
        ("The Pope received the Lebanese president at the Vatican on Tuesday.", "CONSULT", None),
        # 050 diplomatic cooperation: ties deepened, embassies reopened
        ("Saudi Arabia and Iran reopened their embassies on Sunday.", "SUPPORT", None),
        ("Brazil and Argentina strengthened their ties on Monday.", "SUPPORT", None),
        ("Brazil said it would deepen economic ties with Argentina.", "AGREE", None),
        # 061 economic cooperation: a joint project
        ("Egypt and Israel opened a joint industrial zone in Sinai on Sunday.", "COOPERATE", None),
        # 07 aid: goods given or flown in
        ("Japan gave Vietnam 20 new coastguard vessels on Monday.", "AID", None),
        ("The Red Cross flew medical supplies to flood victims on Sunday.", "AID", None),
        # 086 access: envoys and peacekeepers let in, a crossing opened to aid
        ("Syria allowed the UN envoy to enter Homs on Thursday.", "RETREAT", "access"),
        ("Lebanon accepted the deployment of additional UN peacekeepers.", "RETREAT", "access"),
        ("Israel opened the Kerem Shalom crossing to aid trucks on Sunday.", "RETREAT", "access"),
        # 09 and 11: inquiries into attacks, liability found, cases filed
        ("NATO launched an inquiry into the air strike that killed civilians.", "ACCUSE", "investigate"),
        ("A Dutch court found Russia liable for the downing of the airliner.", "ACCUSE", None),
        ("Gambia filed a genocide case against Myanmar at the World Court.", "ACCUSE", None),
        # 1052 a demand that a crackdown stop asks the addressee to yield; no demand for sanctions
        ("The EU called on Minsk to stop the crackdown on peaceful protesters.", "REQUEST", "yield"),
        # 128 an accord violated is defied
        ("Iran violated the nuclear deal by enriching uranium to 60 percent.", "REJECT", None),
        # 143 a walkout from work is a strike
        ("Teachers walked out of schools on Monday.", "PROTEST", "strike"),
        # 144 and 145: what a crowd named by its protest does is the protest
        ("Protesters blockaded the presidential palace on Friday.", "PROTEST", "obstruct"),
        ("Rioters set fire to police stations in Dhaka.", "PROTEST", "riot"),
        # 150 a show of force
        ("Russia paraded its new missiles through Red Square.", "MOBILIZE", None),
        # 1661 peacekeepers ordered out
        ("The government ordered UN peacekeepers to leave the country.", "SANCTION", "expel"),
        # 1722 a party dissolved or banned
        ("Cambodia's Supreme Court dissolved the main opposition party.", "COERCE", None),
        # 2041 a chemical agent used
        ("Government forces used sarin gas on the suburb.", "ASSAULT", "unconventional"),
        # 036 readiness expressed to meet
        ("Syria expressed readiness on Monday to resume peace talks with Israel.", "AGREE", None),
        # 051 congratulations offered
        ("Paris extended congratulations to Rabat on Monday.", "SUPPORT", None),
        # 083 demands met, autonomy granted, a party legalised, a law repealed or a price rise scrapped
        ("The government met the strikers' demands on Monday.", "CONCEDE", None),
        ("The government granted the region autonomy on Monday.", "CONCEDE", None),
        ("The government unbanned the opposition party on Monday.", "CONCEDE", None),
        ("The government repealed the emergency law on Monday.", "CONCEDE", None),
        ("The government scrapped the price rise on Monday.", "CONCEDE", None),
        # 0872 checkpoints removed, 0841 a post quit
        ("The army dismantled checkpoints on Monday.", "RETREAT", None),
        ("The minister quit his post on Monday.", "RETREAT", "resign"),
        # 094 a fact-finding mission
        ("The UN sent a fact-finding mission to the camp on Monday.", "ACCUSE", "investigate"),
        # 07 debt relief
        ("Japan granted Ghana debt relief on Monday.", "AID", None),
        # 102 and 1041: an appeal issued
        ("The Pope issued an appeal for calm on Sunday.", "REQUEST", None),
        # 110 a decision regretted, a state branded
        ("Moscow regretted Kyiv's decision on Monday.", "ACCUSE", "disapprove"),
        ("Moscow branded Kyiv a terrorist state.", "ACCUSE", "disapprove"),
        # 120 a treaty renounced
        ("Paris renounced the treaty on Monday.", "REJECT", None),
        # 138 a retaliation announced
        ("Paris said it would retaliate against Rabat.", "THREATEN", "violence"),
        # 141 and 145: a vigil, slogans chanted, tyres burned
        ("Thousands held a vigil outside the ministry on Monday.", "PROTEST", "demo"),
        ("Students chanted slogans against the government on Monday.", "PROTEST", "demo"),
        ("Students burned tyres in the capital on Monday.", "PROTEST", "riot"),
        # 164 talks left, 166 a diplomat declared persona non grata
        ("Canada pulled out of the talks on Monday.", "SANCTION", "withdraw"),
        ("Canada declared two diplomats persona non grata on Monday.", "SANCTION", None),
        # 173 held for questioning
        ("Police held the activists for questioning on Monday.", "COERCE", "arrest"),
        # 18-20: an attack in a wire writer's verbs
        ("Rebel fighters mortared an army post near the border on Sunday.", "ASSAULT", None),
        ("Government troops battled the rebels for control of the town.", "ASSAULT", None),
        ("Rebel forces besieged the town for three weeks.", "ASSAULT", None),
        ("The navy sank a rebel supply boat on Sunday.", "ASSAULT", None),
        ("The army downed a rebel helicopter on Sunday.", "ASSAULT", "aerial"),
        ("Militants lobbed grenades at a police station.", "ASSAULT", None),
        ("A mob stoned the convoy on Sunday.", "ASSAULT", None),
        ("Thirty tourists were murdered on the beach.", "ASSAULT", None),
        # nominal and predicative forms: lobbying, applying for, displeasure, harbouring, unacceptable proposals
        ("Kyiv has been lobbying Washington for long-range missiles.", "REQUEST", None),
        ("Kyiv applied to the IMF for a new loan.", "REQUEST", None),
        ("Ankara voiced its displeasure to Stockholm.", "ACCUSE", None),
        ("Ankara said Stockholm was harbouring terrorists.", "ACCUSE", None),
        ("Seoul said Pyongyang was responsible for the sinking.", "ACCUSE", None),
        ("Ankara said the proposal was unacceptable.", "REJECT", None),
        ("Washington said all options were on the table regarding Tehran.", "THREATEN", None),
        ("Ankara expressed its gratitude to Baku.", "SUPPORT", None),
        ("Washington announced plans to open an embassy in Hanoi.", "AGREE", None),
        # 032 a promise to reopen an embassy or deepen ties is a promise (AGREE), as one to restore them
        ("Japan has promised to reopen its embassy in Hanoi.", "AGREE", None),
        ("Japan pledged to deepen ties with Vietnam.", "AGREE", None),
        # 13 a responsibility assigned in advance; 141 crowds pouring into the streets
        ("Israel said it would hold Lebanon responsible for any attack.", "THREATEN", None),
        ("Thousands poured into the streets of Caracas on Monday.", "PROTEST", "demo"),
        # 172 citizenship stripped, a licence revoked, an area cordoned off
        ("Authorities stripped the dissident of his citizenship.", "COERCE", "restrict"),
        ("Authorities revoked the licence of the TV station.", "COERCE", "restrict"),
        ("Police cordoned off the area on Monday.", "COERCE", "restrict"),
        # 0831 context: protests named by how many or how long are street protests
        ("The prime minister resigned after weeks of protests.", "PROTEST", "demo"),
        ("Mass protests swept the capital on Friday.", "PROTEST", "demo"),
        # 145 looting by a crowd named by its protest
        ("Protesters looted shops in the city centre.", "PROTEST", "riot"),
        # 050 ties boosted; 063 suspects handed to another state; 072 weapons sold
        ("Hanoi and Manila boosted their ties on Friday.", "SUPPORT", None),
        ("Kenya handed over two suspects to Ugandan police.", "COOPERATE", None),
        ("Paris sold 24 fighter jets to Cairo last year.", "AID", None),
        ("Britain sold arms to Saudi Arabia.", "AID", None),
        ("France sold weapons to Egypt last year.", "AID", None),
        # 071 and 0334: an actor's stated intent to give aid is a promise (AGREE)
        ("Norway intends to send food aid to Sudan.", "AGREE", None),
        ("Seoul aims to provide medical assistance to the refugees.", "AGREE", None),
        # 06 joint patrols with a word between; 07 boats handed over
        ("Thai and Lao police began joint river patrols on Monday.", "COOPERATE", None),
        ("Tokyo handed over four coastguard boats to Jakarta.", "AID", None),
        # 1622 assistance terminated or frozen; 161 a diplomatic presence reduced; 164 a walk-out from talks
        ("Washington terminated its military aid to the junta.", "SANCTION", None),
        ("Oslo froze development aid to the government.", "SANCTION", None),
        ("Rabat scaled down its diplomatic presence in Algiers.", "SANCTION", "withdraw"),
        ("The rebels withdrew from the negotiations on Sunday.", "SANCTION", "withdraw"),
        ("The agency pulled its aid workers out of the province.", "SANCTION", None),
        # 1721 and 1722: a parliament dissolved, a constitution suspended; 191 roadblocks set up
        ("The general dissolved parliament on Tuesday.", "COERCE", "restrict"),
        ("The junta suspended the constitution.", "COERCE", "restrict"),
        ("Soldiers set up roadblocks on every road into the town.", "COERCE", "restrict"),
        # 138 a warning to a crowd that the warner will use force
        ("The police warned strikers they would use force.", "THREATEN", None),
        # 141 a flag burned; 142 a hunger strike launched
        ("Students burned an effigy of the president outside the ministry.", "PROTEST", "demo"),
        ("Forty detainees launched a hunger strike on Monday.", "PROTEST", "hunger"),
        # 185 an attempt on a life; 201 people driven from their homes
        ("Gunmen made an attempt on the governor's life.", "ASSAULT", None),
        ("The militia drove the villagers from their homes.", "ASSAULT", None),
        ("Soldiers forcibly expelled the nomads from the valley.", "ASSAULT", None),
        # 116 a court's finding of guilt governs the crime it names; 196 a truce broken
        ("A court in Nairobi found three men guilty of the hotel bombing.", "ACCUSE", None),
        ("The militia broke the truce on Sunday.", "ASSAULT", None),
        # 175 a crowd dispersed by force; 152 readiness increased
        ("Riot police violently dispersed the marchers.", "ASSAULT", "crowd-control"),
        ("The navy increased its combat readiness in the strait.", "MOBILIZE", None),
        # 0862 inspections allowed; 0871 fighting stopped; 0811 censorship lifted; 073 food dropped
        ("Baghdad allowed inspections of the palaces on Monday.", "RETREAT", "access"),
        ("Both militias stopped fighting on Friday.", "RETREAT", "ceasefire"),
        ("The junta lifted censorship of the press.", "CONCEDE", None),
        ("Helicopters dropped food to the stranded villagers.", "AID", None),
        # 164 talks broken off; 166 monitors expelled
        ("The government has broken off talks with the strikers.", "SANCTION", None),
        ("Khartoum expelled the UN monitors on Tuesday.", "SANCTION", "expel"),
        # 050 ties raised to a level; 1721 a station told to stop broadcasting
        ("Hanoi and Seoul raised their ties to ambassadorial level.", "SUPPORT", None),
        ("The junta ordered the radio station to stop broadcasting.", "COERCE", "censor"),
        # 191 a plane forced down after a long description; 030 a promise to accept; 052 actions defended
        (
            "Jets forced a Latvian cargo plane bound for Minsk from Riga to land in Vilnius.",
            "COERCE",
            "restrict",
        ),
        ("The coastguard forced the ship to dock in Odesa.", "COERCE", "restrict"),
        ("Austria agreed to accept 500 refugees from the camps.", "AGREE", None),
        ("The premier defended Warsaw's actions, saying the smugglers were armed.", "SUPPORT", None),
        # 111 criticism offered; 10 a call repeated
        ("The visiting delegation offered sharp criticism of the court's ruling.", "ACCUSE", None),
        ("The agency repeated its call on Friday that Cairo reopen the crossing.", "REQUEST", None),
        # 191 airspace closed; 1312 a closure announced on a condition is a threat
        ("Ankara closed its airspace to Armenian flights.", "COERCE", "restrict"),
        ("Tehran said it would close the port to tankers if attacked.", "THREATEN", None),
        # COERCE 'cyber': computer networks broken into
        ("Hackers broke into the networks of the election commission.", "COERCE", "cyber"),
    ],
)
def test_cameo_wording_is_coded(pipeline, text: str, type_: str, mode: str | None) -> None:  # type: ignore[no-untyped-def]
    events = _events(pipeline, text)
    assert any(e.type == type_ and (mode is None or e.mode == mode) for e in events), [
        (e.type, e.mode) for e in events
    ]


@pytest.mark.parametrize(
    ("text", "absent"),
    [
        # a ceasefire agreement violated is a use of force (as a ceasefire violated), no defiance
        ("The rebels violated the ceasefire agreement in the valley.", "REJECT"),
        # an inquiry is no attack
        ("NATO launched an inquiry into the air strike on the convoy.", "ASSAULT"),
        # a ban lifted is a concession, not a ban
        ("The government lifted the ban on the Wafd party.", "COERCE"),
        # a walkout from talks is no strike
        ("Iran walked out of talks with the EU.", "PROTEST"),
        # a blockade by the police stays their coercion
        ("Police blockaded the square as protesters gathered.", "NONE"),
        # receiving aid or a letter is no visit
        ("The ministry received a letter and new aid shipments.", "CONSULT"),
        # the defender halts an offensive too: no ceasefire
        ("Ukrainian forces halted the Russian offensive near Kyiv.", "RETREAT"),
        # a building sheltering civilians gives no aid; questions asked accuse no one
        ("The school, which was sheltering civilians, was destroyed.", "AID"),
        ("Reporters questioned the spokesman about the shooting.", "ACCUSE"),
        # a lead that rampages is no attack, forces that routed were routed; a court's finding stays ACCUSE
        ("The candidate rampages to a 30 point lead.", "ASSAULT"),
        ("The General Staff did not claim that Russian forces collapsed or routed.", "ASSAULT"),
        ("A federal judge found the regime guilty of murdering the reporter.", "ASSAULT"),
        # a decision called unacceptable stays a criticism; a prospect raised threatens nothing
        ("Ankara called the decision unacceptable.", "REJECT"),
        ("Kovalchuk raised the prospect of Russia increasing conscription.", "THREATEN"),
        # street protests named so are no complaint; a government's protest to another stays one
        ("The prime minister resigned after weeks of protests.", "ACCUSE"),
        # a cancelled visit stays a rejection, no sanction
        ("The prime minister cancelled a planned visit to Washington.", "SANCTION"),
        # a hunger strike launched is no air strike; a territory in dispute is no complaint
        ("Forty detainees launched a hunger strike on Monday.", "ASSAULT"),
        ("Troops entered the disputed territory on Sunday.", "ACCUSE"),
        # an aim given to an act by others, or a writer's guess, promises nothing
        ("The convoys are intended to resupply the garrison.", "AGREE"),
        ("The rebels likely intend to release the prisoners before the vote.", "AGREE"),
        # an intent a third party doubts or guesses is stated by no one: no promise
        ("It is not clear that the junta intends to release the detainees.", "AGREE"),
        ("It remains unclear whether Oslo intends to send food aid to the region.", "AGREE"),
        ("Diplomats believe the rebels intend to free the hostages.", "AGREE"),
        # a crowd warned that the warner's forces will act is threatened, not a forecast of the crowd's act
        ("The police warned strikers they would use force.", "PROTEST"),
        # corruption fought is no assault, also when promised; a radio station is no stationing of forces
        ("The new mayor promised to fight corruption and crime.", "THREATEN"),
        ("Police fight corruption in the port.", "ASSAULT"),
        ("The army seized the radio station in the capital.", "MOBILIZE"),
        # forces that shoot down aircraft or try to land one force no one; criticism offered is no offer
        ("Ukrainian forces shot down 10 Russian aircraft on Monday.", "COERCE"),
        ("Russian forces attempted to land an aircraft at the airport.", "COERCE"),
        ("The visiting delegation offered sharp criticism of the court's ruling.", "AGREE"),
        # a court's finding names a past crime, no new attack
        ("A court in Nairobi found three men guilty of the hotel bombing.", "ASSAULT"),
    ],
)
def test_cameo_near_misses_are_not_coded(pipeline, text: str, absent: str) -> None:  # type: ignore[no-untyped-def]
    assert absent not in {e.type for e in _events(pipeline, text)}


def test_a_demand_for_sanctions_stays_a_threat(pipeline) -> None:  # type: ignore[no-untyped-def]
    types = {e.type for e in _events(pipeline, "The EU called for sanctions against Belarus.")}
    assert "THREATEN" in types


def test_police_blockade_is_no_protest(pipeline) -> None:  # type: ignore[no-untyped-def]
    events = _events(pipeline, "Police blockaded the square as protesters gathered.")
    assert any(e.type == "COERCE" for e in events), [(e.type, e.mode) for e in events]


def test_a_responsibility_assigned_after_the_fact_stays_an_accusation(pipeline) -> None:  # type: ignore[no-untyped-def]
    types = {e.type for e in _events(pipeline, "Seoul held Pyongyang responsible for the sinking.")}
    assert "ACCUSE" in types and "THREATEN" not in types, types


def test_a_governments_protest_stays_a_complaint(pipeline) -> None:  # type: ignore[no-untyped-def]
    types = {e.type for e in _events(pipeline, "China protested to Japan over the visit.")}
    assert "ACCUSE" in types and "PROTEST" not in types, types
