"""Hand-annotated sample: every actor the five sample pages name is found, nothing else.

The paragraphs are the article text of content/raw/ copied by hand (site chrome,
headlines and section headings left out; photo captions inside the body kept). The
expected mentions were written by reading each paragraph, not by running the code.
Outlets (AFP, CNN, The Times of Israel, Channel 12) are sources, not actors, and
places that are not governments (Gaza, Jerusalem, Paris, Istanbul) are not actors.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from generator.extract.actors import find_article_mentions, load_registry

ROOT = Path(__file__).resolve().parents[2]
REGISTRY = load_registry(ROOT / "content" / "actors.yml")

SAMPLE: dict[str, list[tuple[str, list[tuple[str, str]]]]] = {
    "000_d86fd928b422e364.txt": [
        (
            "At the request of officials from US President-elect Donald Trump's transition "
            "team, Qatar has summoned Hamas leaders back to Doha to resume hostage "
            "negotiations.",
            [
                ("US", "united-states"),
                ("Donald Trump", "donald-trump"),
                ("Qatar", "qatar"),
                ("Hamas", "hamas"),
                ("Doha", "qatar"),
            ],
        ),
        (
            "Qatar had expelled these leaders in late October after the Biden administration "
            "requested their removal due to Hamas's refusal to engage in ceasefire and "
            "hostage release talks, Caliber.Az reports citing İsraeli media.",
            [
                ("Qatar", "qatar"),
                ("Biden", "joe-biden"),
                ("Hamas", "hamas"),
                ("İsraeli", "israel"),
            ],
        ),
        (
            "Qatar maintains that the expulsion was a unilateral decision made to pause its "
            "mediation efforts until both sides showed willingness to negotiate. Following "
            "their removal, the Hamas leaders fled to Türkiye, which also has close ties "
            "with the group, although the Biden administration condemned Türkiye's decision "
            "to host them.",
            [
                ("Qatar", "qatar"),
                ("Hamas", "hamas"),
                ("Türkiye", "turkey"),
                ("Biden", "joe-biden"),
                ("Türkiye", "turkey"),
            ],
        ),
        (
            "After Trump's election victory, his team, including newly appointed Middle East "
            "envoy Steve Witkoff, conveyed to Qatar that the hostage situation must be "
            "resolved before January 20. Trump’s aides emphasized the importance of Qatar's "
            "mediation in securing a deal, leading to the return of Hamas leaders to Doha "
            "for negotiations. However, this return is seen as temporary, strictly for the "
            "purpose of resuming talks on the hostages.",
            [
                ("Trump", "donald-trump"),
                ("Steve Witkoff", "steve-witkoff"),
                ("Qatar", "qatar"),
                ("Trump", "donald-trump"),
                ("Qatar", "qatar"),
                ("Hamas", "hamas"),
                ("Doha", "qatar"),
            ],
        ),
        (
            "Qatar has been working with the US and Egypt on indirect talks between Israel "
            "and Hamas to end the war and secure the release of hostages. These efforts led "
            "to a brief ceasefire in November 2023, during which over 100 hostages were "
            "freed. However, subsequent talks have stalled, and more hostages remain in Gaza.",
            [
                ("Qatar", "qatar"),
                ("US", "united-states"),
                ("Egypt", "egypt"),
                ("Israel", "israel"),
                ("Hamas", "hamas"),
            ],
        ),
        (
            "Meanwhile, Israeli officials indicated that Egypt had proposed a new ceasefire "
            "plan, but there are conflicting reports suggesting that it may actually be an "
            "Israeli proposal passed to Egypt. Netanyahu's aides have expressed optimism, "
            "while some Israeli officials and Arab diplomats argue that Hamas's refusal to "
            "compromise could hinder progress.",
            [
                ("Israeli", "israel"),
                ("Egypt", "egypt"),
                ("Israeli", "israel"),
                ("Egypt", "egypt"),
                ("Netanyahu", "benjamin-netanyahu"),
                ("Israeli", "israel"),
                ("Hamas", "hamas"),
            ],
        ),
        (
            "As negotiations continue, Turkish Foreign Minister Hakan Fidan met with Hamas "
            "leaders in Doha to discuss the hostage crisis.",
            [
                ("Turkish", "turkey"),
                ("Hakan Fidan", "hakan-fidan"),
                ("Hamas", "hamas"),
                ("Doha", "qatar"),
            ],
        ),
    ],
    "001_72d3c180fd1e2e32.txt": [
        (
            "The war has displaced practically all of Gaza’s population and has left much of "
            "the enclave in rubble [Getty/archive]",
            [],
        ),
        (
            "Israeli Prime Minister Benjamin Netanyahu sent a delegation of senior officials "
            "to Qatar for negotiations on a hostage release and Gaza ceasefire deal, his "
            "office said Saturday.",
            [
                ("Israeli", "israel"),
                ("Benjamin Netanyahu", "benjamin-netanyahu"),
                ("Qatar", "qatar"),
            ],
        ),
        (
            "Netanyahu – wanted by the International Criminal Court for alleged war crimes "
            "in Gaza – held a meeting in Jerusalem with US president-elect Donald Trump’s "
            "Middle East envoy Steve Witkoff, a representative of current US President Joe "
            "Biden and senior Israeli officials, the prime minister’s office said in a "
            "statement.",
            [
                ("Netanyahu", "benjamin-netanyahu"),
                ("International Criminal Court", "icc"),
                ("US", "united-states"),
                ("Donald Trump", "donald-trump"),
                ("Steve Witkoff", "steve-witkoff"),
                ("US", "united-states"),
                ("Joe Biden", "joe-biden"),
                ("Israeli", "israel"),
            ],
        ),
        (
            "Following the meeting, Netanyahu instructed the heads of the Mossad spy agency "
            "and Shin Bet security agency as well as General Nitzan Alon and foreign policy "
            "adviser Ophir Falk “to depart for Doha in order to continue advancing a deal to "
            "release our hostages”, the statement said.",
            [
                ("Netanyahu", "benjamin-netanyahu"),
                ("Mossad", "mossad"),
                ("Shin Bet", "shin-bet"),
                ("Nitzan Alon", "nitzan-alon"),
                ("Ophir Falk", "ophir-falk"),
                ("Doha", "qatar"),
            ],
        ),
        (
            "The United States has for more than a year been mediating talks alongside Qatar "
            "and Egypt for an end to the war in Gaza alongside the release of captives, in "
            "return for Palestinian detainees in Israel being freed.",
            [
                ("United States", "united-states"),
                ("Qatar", "qatar"),
                ("Egypt", "egypt"),
                ("Palestinian", "palestinians"),
                ("Israel", "israel"),
            ],
        ),
        (
            "The announcement was welcomed by the Hostages and Missing Families Forum, a "
            "campaign group for those held in Gaza, which called it “a historic opportunity "
            "to secure the release of all our loved ones”.",
            [
                ("Hostages and Missing Families Forum", "hostages-and-missing-families-forum"),
            ],
        ),
        (
            "“Leave no stone unturned and return with an agreement that ensures the return "
            "of all hostages, down to the last one,” it said in a statement.",
            [],
        ),
        (
            "Indirect negotiations between Israel and the Palestinian group Hamas resumed "
            "last weekend in Qatar.",
            [
                ("Israel", "israel"),
                ("Palestinian", "palestinians"),
                ("Hamas", "hamas"),
                ("Qatar", "qatar"),
            ],
        ),
        (
            "The discussions are currently focused on the immediate freeing of captives "
            "taken by Hamas during its October 7, 2023 attack in southern Israel, which "
            "Hamas said came in response to decades of Israeli occupation and aggression "
            "against the Palestinians.",
            [
                ("Hamas", "hamas"),
                ("Israel", "israel"),
                ("Hamas", "hamas"),
                ("Israeli", "israel"),
                ("Palestinians", "palestinians"),
            ],
        ),
        (
            "Hamas-led gunmen took 251 people,\xa0of whom 94 remain in the Gaza Strip, "
            "including 34 the Israeli military has declared dead, some of them in Israeli "
            "strikes.",
            [
                ("Hamas", "hamas"),
                ("Israeli military", "idf"),
                ("Israeli", "israel"),
            ],
        ),
        (
            "Biden, who will leave office on January 20, said on Thursday there had been "
            "“real progress” in the talks.",
            [
                ("Biden", "joe-biden"),
            ],
        ),
        (
            "Trump, who will replace Biden, promised “hell to pay” if the hostages were not "
            "released by his inauguration.",
            [
                ("Trump", "donald-trump"),
                ("Biden", "joe-biden"),
            ],
        ),
        (
            "The war in Gaza has killed over 46,500 people, the majority civilians, "
            "according to figures from the health ministry in the territory considered "
            "reliable by the United Nations. It has reduced much of the enclave to rubble "
            "and displaced practically its entire population.",
            [
                ("United Nations", "united-nations"),
            ],
        ),
    ],
    "002_4a97c181142f56f4.txt": [
        (
            "DOHA, Qatar — A Hamas office in the Qatari capital has not yet been shut down, "
            "but negotiators for the terror group are no longer in the country, Qatar said "
            "on Tuesday, indicating that the decision could still be reversed.",
            [
                ("DOHA", "qatar"),
                ("Qatar", "qatar"),
                ("Hamas", "hamas"),
                ("Qatari", "qatar"),
                ("Qatar", "qatar"),
            ],
        ),
        (
            "On Sunday, an Arab diplomat speaking on condition of anonymity told The Times "
            "of Israel that senior members of Hamas’s political arm had decamped for Turkey, "
            "apparently after the US pressured Doha to stop hosting the group.",
            [
                ("Hamas’s political arm", "hamas-political-bureau"),
                ("Turkey", "turkey"),
                ("US", "united-states"),
                ("Doha", "qatar"),
            ],
        ),
        (
            "“The leaders of Hamas that are within the negotiating team are now not in "
            "Doha,” Qatari foreign ministry spokesperson Majed Al-Ansari said Tuesday.",
            [
                ("Hamas", "hamas"),
                ("Doha", "qatar"),
                ("Qatari foreign ministry", "qatar-foreign-ministry"),
                ("Majed Al-Ansari", "majed-al-ansari"),
            ],
        ),
        (
            "But he added that Hamas’s mission in Qatar, opened in 2012, could still remain "
            "open in the future.",
            [
                ("Hamas", "hamas"),
                ("Qatar", "qatar"),
            ],
        ),
        (
            "“The decision to… close down the office permanently, is a decision that you "
            "will hear about from us directly,” he added.",
            [],
        ),
        (
            "Qatar, along with the United States and Egypt, had led months of fruitless "
            "negotiations for a truce in the Gaza war but the Gulf state said earlier this "
            "month it was pausing its mediation efforts.",
            [
                ("Qatar", "qatar"),
                ("United States", "united-states"),
                ("Egypt", "egypt"),
            ],
        ),
        (
            "“The mediation process right now… is suspended unless we take a decision to "
            "reverse that which is based on the positions of both sides,” Ansari said on "
            "Tuesday.",
            [
                ("Ansari", "majed-al-ansari"),
            ],
        ),
        (
            "“The office of Hamas in Doha was created for the sake of the mediation process. "
            "Obviously, when there is no mediation process, the office itself doesn’t have "
            "any function,” he added, declining to confirm whether Qatar had asked the Hamas "
            "officials to leave, as has been reported.",
            [
                ("Hamas", "hamas"),
                ("Doha", "qatar"),
                ("Qatar", "qatar"),
                ("Hamas", "hamas"),
            ],
        ),
        (
            "File: Turkey’s President Recep Tayyip Erdogan, center, and ministers of his "
            "government, right, meet with Hamas delegation led by Ismail Haniyeh, in "
            "Istanbul, Turkey, April 20, 2024. (Turkish Presidency via AP)",
            [
                ("Turkey", "turkey"),
                ("Recep Tayyip Erdogan", "recep-tayyip-erdogan"),
                ("Hamas", "hamas"),
                ("Ismail Haniyeh", "ismail-haniyeh"),
                ("Turkey", "turkey"),
                ("Turkish", "turkey"),
            ],
        ),
        (
            "A senior Hamas leader told AFP on Monday that “no one has asked us to leave” "
            "and rebuffed reports that members had relocated to Turkey, where many of them "
            "have families and already spend significant time, according to the Arab "
            "diplomat.",
            [
                ("Hamas", "hamas"),
                ("Turkey", "turkey"),
            ],
        ),
        (
            "“Leaders from different levels in the political echelon in Hamas make "
            "coordinated visits to Turkey from time to time,” the Hamas official said.",
            [
                ("Hamas", "hamas"),
                ("Turkey", "turkey"),
                ("Hamas", "hamas"),
            ],
        ),
        (
            "After Israel killed Hamas’s Gaza-based leader Yayha Sinwar in mid-October, the "
            "US voiced optimism that it would mark a step forward in efforts to end the war "
            "and return the hostages, framing Sinwar as the main obstacle to a deal.",
            [
                ("Israel", "israel"),
                ("Hamas", "hamas"),
                ("Yayha Sinwar", "yahya-sinwar"),
                ("US", "united-states"),
                ("Sinwar", "yahya-sinwar"),
            ],
        ),
        (
            "But successive rounds of negotiations have made little headway since a one-week "
            "pause in fighting last year brokered by Qatar, during which 105 hostages were "
            "released in exchange for hundreds of Palestinian prisoners.",
            [
                ("Qatar", "qatar"),
                ("Palestinian", "palestinians"),
            ],
        ),
        (
            "Hamas earlier this month rejected a proposal from Egypt and Qatar for a "
            "short-term truce in exchange for a small number of hostages, demanding an "
            "open-ended ceasefire instead.",
            [
                ("Hamas", "hamas"),
                ("Egypt", "egypt"),
                ("Qatar", "qatar"),
            ],
        ),
        (
            "Israel has repeatedly vowed it will not stop fighting until it achieves its war "
            "objectives — to eliminate Hamas and bring the hostages home.",
            [
                ("Israel", "israel"),
                ("Hamas", "hamas"),
            ],
        ),
        (
            "In April, Qatar said it was re-evaluating its mediation role during an impasse "
            "in negotiations, prompting several group members to leave for Turkey — only to "
            "return two weeks later at the request of the United States and Israel.",
            [
                ("Qatar", "qatar"),
                ("Turkey", "turkey"),
                ("United States", "united-states"),
                ("Israel", "israel"),
            ],
        ),
        (
            "Israelis attend a rally calling for the release of hostages held in Gaza, in "
            "Tel Aviv, November 16, 2024. (Avshalom Sassoni/Flash90)",
            [
                ("Israelis", "israel"),
                ("Tel Aviv", "israel"),
            ],
        ),
        (
            "Prime Minister Benjamin Netanyahu held a meeting with government ministers and "
            "top defense officials Sunday night to discuss the hostage crisis. Security "
            "chiefs were reportedly expected to warn that Israel would need to show more "
            "flexibility in talks to free the hostages, who are facing dire conditions.",
            [
                ("Benjamin Netanyahu", "benjamin-netanyahu"),
                ("Israel", "israel"),
            ],
        ),
        (
            "According to a poll aired by Channel 12 news last week, 69 percent of Israelis "
            "said they support a hostage deal that would end the war compared to 20% who "
            "prefer continuing fighting.",
            [
                ("Israelis", "israel"),
            ],
        ),
        (
            "It is believed that 97 of the 251 hostages abducted by Hamas on October 7 "
            "remain in Gaza, including the bodies of at least 34 confirmed dead by the IDF.",
            [
                ("Hamas", "hamas"),
                ("IDF", "idf"),
            ],
        ),
        (
            "Hamas is also holding two Israeli civilians who entered the Strip in 2014 and "
            "2015, as well as the bodies of two IDF soldiers who were killed in 2014.",
            [
                ("Hamas", "hamas"),
                ("Israeli", "israel"),
                ("IDF", "idf"),
            ],
        ),
    ],
    "003_8f38d61264a857a1.txt": [
        (
            "- US Secretary of State Antony Blinken conveyed message to Qatari leader during "
            "meeting on March 5 in Washington, according to report",
            [
                ("US", "united-states"),
                ("Antony Blinken", "antony-blinken"),
                ("Qatari", "qatar"),
                ("Washington", "united-states"),
            ],
        ),
        (
            "ISTANBUL (AA) - US Secretary of State Antony Blinken called on Qatar to "
            "threaten Hamas with deportation from the capital Doha, home to senior Hamas "
            "members, in case the group does not agree on a cease-fire and prisoner swap "
            "deal to end the war in Gaza, CNN reported Thursday.",
            [
                ("US", "united-states"),
                ("Antony Blinken", "antony-blinken"),
                ("Qatar", "qatar"),
                ("Hamas", "hamas"),
                ("Doha", "qatar"),
                ("Hamas", "hamas"),
            ],
        ),
        (
            "Citing two US officials, the report revealed that Blinken conveyed this message "
            "to Sheikh Mohammed bin Abdulrahman Al-Thani, prime minister and minister of "
            "foreign affairs of Qatar, in a meeting held on March 5 in Washington.",
            [
                ("US", "united-states"),
                ("Blinken", "antony-blinken"),
                ("Mohammed bin Abdulrahman Al-Thani", "mohammed-bin-abdulrahman-al-thani"),
                ("Qatar", "qatar"),
                ("Washington", "united-states"),
            ],
        ),
        (
            "The officials said that Qatar comprehended the message and showed no major rebuff.",
            [
                ("Qatar", "qatar"),
            ],
        ),
        (
            "It remains to be seen whether Qatari officials conveyed this warning to Hamas.",
            [
                ("Qatari", "qatar"),
                ("Hamas", "hamas"),
            ],
        ),
        (
            "Indirect negotiations continue in Doha between Israel and Hamas, mediated by "
            "Qatar and Egypt and with the participation of the US, aiming to achieve a "
            "cease-fire and a prisoner exchange deal amid Israel's ongoing war on Gaza since "
            "Oct. 7, 2023.",
            [
                ("Doha", "qatar"),
                ("Israel", "israel"),
                ("Hamas", "hamas"),
                ("Qatar", "qatar"),
                ("Egypt", "egypt"),
                ("US", "united-states"),
                ("Israel", "israel"),
            ],
        ),
        (
            "Israel has waged a deadly military offensive on the Gaza Strip since an Oct. 7 "
            "cross-border attack by the Palestinian group Hamas in which some 1,200 Israelis "
            "were killed.",
            [
                ("Israel", "israel"),
                ("Palestinian", "palestinians"),
                ("Hamas", "hamas"),
                ("Israelis", "israel"),
            ],
        ),
        (
            "Nearly 32,000 Palestinians, mostly women and children, have since been killed "
            "in Gaza, and nearly 74,200 injured amid mass destruction and shortages of "
            "necessities.",
            [
                ("Palestinians", "palestinians"),
            ],
        ),
        (
            "The Israeli war has pushed 85% of Gaza’s population into internal displacement "
            "amid a crippling blockade of most food, clean water and medicine, while 60% of "
            "the enclave's infrastructure has been damaged or destroyed, according to the UN.",
            [
                ("Israeli", "israel"),
                ("UN", "united-nations"),
            ],
        ),
        (
            "Israel stands accused of genocide at the International Court of Justice, which "
            "in January issued an interim ruling ordering Tel Aviv to stop genocidal acts "
            "and take measures to guarantee that humanitarian assistance is provided to "
            "civilians in Gaza.",
            [
                ("Israel", "israel"),
                ("International Court of Justice", "icj"),
                ("Tel Aviv", "israel"),
            ],
        ),
    ],
    "004_5b72c0c7e31c3037.txt": [
        (
            "Next week, negotiations between Israel and Hamas are set to resume to secure "
            "the release of Israeli hostages in the Gaza Strip. The talks will involve "
            "negotiators from Qatar, Egypt, and the United States, as confirmed by sources "
            "familiar with the matter.",
            [
                ("Israel", "israel"),
                ("Hamas", "hamas"),
                ("Israeli", "israel"),
                ("Qatar", "qatar"),
                ("Egypt", "egypt"),
                ("United States", "united-states"),
            ],
        ),
        (
            "A senior official from the Biden administration acknowledged the progress being "
            "made, stating that contacts are ongoing. The U.S. is closely collaborating with "
            "Egyptian and Qatari mediators to advance the negotiation process in the coming "
            "week.",
            [
                ("Biden", "joe-biden"),
                ("U.S.", "united-states"),
                ("Egyptian", "egypt"),
                ("Qatari", "qatar"),
            ],
        ),
        (
            "To reinvigorate the stalled hostage talks, CIA Director William Burns visited "
            "Paris as part of a high-level diplomatic effort.",
            [
                ("CIA", "cia"),
                ("William Burns", "william-burns"),
            ],
        ),
        (
            "In Israel, families of hostages continue to exert pressure on the Netanyahu "
            "government to reach a diplomatic resolution with Hamas. Approximately 120 "
            "hostages, including five U.S. citizens, remain in captivity.",
            [
                ("Israel", "israel"),
                ("Netanyahu", "benjamin-netanyahu"),
                ("Hamas", "hamas"),
                ("U.S.", "united-states"),
            ],
        ),
        (
            "Earlier negotiations in Cairo yielded no significant progress in early May. "
            "However, U.S. officials remain optimistic about overcoming the differences "
            "between Israel and Hamas. The U.S. delegation, led by Burns, has been in "
            "contact with David Barnea, the head of Mossad.",
            [
                ("Cairo", "egypt"),
                ("U.S.", "united-states"),
                ("Israel", "israel"),
                ("Hamas", "hamas"),
                ("U.S.", "united-states"),
                ("Burns", "william-burns"),
                ("David Barnea", "david-barnea"),
                ("Mossad", "mossad"),
            ],
        ),
        (
            "Notable progress was reported in a meeting in Paris involving Burns, Barnea, "
            "and Qatari Prime Minister Mohammed bin Abdulrahman bin Jassim Al Thani. U.S. "
            "officials believe this development will bring all parties closer to resuming "
            "the negotiations.",
            [
                ("Burns", "william-burns"),
                ("Barnea", "david-barnea"),
                ("Qatari", "qatar"),
                (
                    "Mohammed bin Abdulrahman bin Jassim Al Thani",
                    "mohammed-bin-abdulrahman-al-thani",
                ),
                ("U.S.", "united-states"),
            ],
        ),
        (
            "President Joe Biden emphasized the urgency of diplomacy to secure an immediate "
            "cease-fire and bring the hostages home during a commencement address at West "
            "Point. Additionally, discussions with Egyptian President Abdel Fattah el-Sisi "
            "were focused on initiatives to secure the release of hostages and maintain a "
            "cease-fire in Gaza.",
            [
                ("Joe Biden", "joe-biden"),
                ("Egyptian", "egypt"),
                ("Abdel Fattah el-Sisi", "abdel-fattah-el-sisi"),
            ],
        ),
        (
            "Secretary of State Antony Blinken engaged with Israeli war cabinet Minister "
            "Benny Gantz to discuss efforts to achieve a cease-fire and secure the release "
            "of hostages to prevent the conflict from escalating further.",
            [
                ("Antony Blinken", "antony-blinken"),
                ("Israeli war cabinet", "israeli-war-cabinet"),
                ("Benny Gantz", "benny-gantz"),
            ],
        ),
        (
            "The war in Gaza was sparked by an October 7 Hamas attack on Israel that "
            "resulted in casualties and captives. The conflict has claimed numerous lives, "
            "including both combatants and civilians.",
            [
                ("Hamas", "hamas"),
                ("Israel", "israel"),
            ],
        ),
    ],
}


@pytest.mark.parametrize("page", sorted(SAMPLE))
def test_sample_mentions_are_exactly_the_annotated_ones(page: str) -> None:
    paragraphs = [text for text, _ in SAMPLE[page]]
    found = find_article_mentions(paragraphs, REGISTRY)
    problems = []
    for index, ((text, expected), mentions) in enumerate(zip(SAMPLE[page], found, strict=True)):
        got = [(m.text, m.actor_id) for m in mentions]
        if got != expected:
            missing = [e for e in expected if e not in got]
            extra = [g for g in got if g not in expected]
            problems.append(f"paragraph {index} ({text[:40]}…): missing {missing}, extra {extra}")
    assert not problems, "\n".join(problems)


@pytest.mark.parametrize("page", sorted(SAMPLE))
def test_sample_paragraphs_are_copied_from_the_raw_page(page: str) -> None:
    lines = set((ROOT / "content" / "raw" / page).read_text(encoding="utf-8").splitlines())
    for text, _ in SAMPLE[page]:
        assert text in lines


def test_every_annotated_actor_is_registered_and_described() -> None:
    annotated = {actor_id for page in SAMPLE.values() for _, exp in page for _, actor_id in exp}
    assert annotated <= set(REGISTRY.actors)
    # People, states and organisations of the sample: at least these must have pages.
    assert {
        "majed-al-ansari", "mohammed-bin-abdulrahman-al-thani", "hakan-fidan",
        "recep-tayyip-erdogan", "yahya-sinwar", "ismail-haniyeh", "william-burns",
        "david-barnea", "benny-gantz", "abdel-fattah-el-sisi", "nitzan-alon", "ophir-falk",
        "mossad", "shin-bet", "idf", "icc", "icj", "cia", "united-nations",
        "hostages-and-missing-families-forum", "palestinians",
    } <= annotated  # fmt: skip
