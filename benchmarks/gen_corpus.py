"""A synthetic, deterministic news corpus for the scale benchmarks.

Writes N raw plain-text page dumps the way a scraper saves them (menus, share buttons,
sponsor lines, comment forms, view counters and copyright around a 300-900 word body),
a registry of a few hundred actors in the schema of ``content/actors.yml``, and a
``mkdocs.yml`` for that corpus copied from the project's. The same seed gives the same
bytes, so timings from two runs compare the same work.

    python benchmarks/gen_corpus.py --n 1000 --out benchmarks/out/n1000

A ``manifest.jsonl`` (one article a line: file, title, date, actor ids, paragraphs) lets
``scale.py`` write the same articles as posts for Material's blog plugin.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import random
import re
import shutil
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent

# Start and end of the running story; articles are spread across it, denser at the start.
STORY_START = date(2023, 10, 7)
STORY_DAYS = 640
MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August",
          "September", "October", "November", "December"]  # fmt: skip
WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]

COUNTRIES = [
    ("Qatar", "Qatari"), ("Israel", "Israeli"), ("Egypt", "Egyptian"), ("Jordan", "Jordanian"),
    ("Lebanon", "Lebanese"), ("Syria", "Syrian"), ("Iran", "Iranian"), ("Iraq", "Iraqi"),
    ("Turkey", "Turkish"), ("Saudi Arabia", "Saudi"), ("Oman", "Omani"), ("Yemen", "Yemeni"),
    ("Kuwait", "Kuwaiti"), ("Bahrain", "Bahraini"), ("Morocco", "Moroccan"),
    ("Algeria", "Algerian"), ("Tunisia", "Tunisian"), ("Libya", "Libyan"), ("Sudan", "Sudanese"),
    ("France", "French"), ("Germany", "German"), ("Italy", "Italian"), ("Spain", "Spanish"),
    ("Norway", "Norwegian"), ("Sweden", "Swedish"), ("Ireland", "Irish"),
    ("Belgium", "Belgian"), ("Netherlands", "Dutch"), ("Switzerland", "Swiss"),
    ("Austria", "Austrian"), ("Greece", "Greek"), ("Cyprus", "Cypriot"), ("Russia", "Russian"),
    ("China", "Chinese"), ("India", "Indian"), ("Pakistan", "Pakistani"),
    ("Indonesia", "Indonesian"), ("Malaysia", "Malaysian"), ("Japan", "Japanese"),
    ("Brazil", "Brazilian"), ("Chile", "Chilean"), ("Colombia", "Colombian"),
    ("South Africa", "South African"), ("Nigeria", "Nigerian"), ("Kenya", "Kenyan"),
    ("Canada", "Canadian"), ("Australia", "Australian"), ("Mexico", "Mexican"),
    ("Poland", "Polish"), ("Ukraine", "Ukrainian"), ("Hungary", "Hungarian"),
    ("Azerbaijan", "Azerbaijani"), ("Armenia", "Armenian"), ("Georgia", "Georgian"),
    ("Afghanistan", "Afghan"), ("Bangladesh", "Bangladeshi"), ("Malta", "Maltese"),
    ("Slovenia", "Slovenian"), ("Portugal", "Portuguese"), ("Denmark", "Danish"),
]  # fmt: skip
ORGANISATIONS = [
    "United Nations", "European Union", "Arab League", "African Union", "Red Cross",
    "World Health Organization", "World Food Programme", "UNRWA", "Amnesty International",
    "Human Rights Watch", "International Court of Justice", "International Criminal Court",
    "Security Council", "General Assembly", "Doctors Without Borders", "Save the Children",
    "Oxfam", "NATO", "Gulf Cooperation Council", "Organisation of Islamic Cooperation",
    "World Bank", "International Monetary Fund", "UNICEF", "Norwegian Refugee Council",
    "Palestinian Authority", "Fatah", "Knesset", "Pentagon", "State Department", "Mossad",
    "Shin Bet", "Israel Defense Forces", "Qatar Investment Authority", "Al Jazeera",
    "Reuters", "Associated Press", "Egyptian Intelligence Service", "CIA", "Kremlin",
    "Elysee Palace",
]  # fmt: skip
ARMED_GROUPS = [
    "Hamas", "Hezbollah", "Islamic Jihad", "Houthis", "Al-Qassam Brigades",
    "Al-Quds Brigades", "Kataib Hezbollah", "Popular Resistance Committees",
    "Al-Aqsa Martyrs' Brigades", "Lions' Den", "Jenin Brigade", "Islamic Resistance in Iraq",
    "Popular Front", "Democratic Front", "Ansar Allah Naval Unit", "Radwan Force",
]  # fmt: skip
FIRST = [
    "Ahmed", "Mohammed", "Yousef", "Khalid", "Omar", "Hassan", "Ali", "Tamim", "Majed",
    "Benjamin", "Yoav", "Isaac", "Gideon", "Naftali", "Yair", "Benny", "Itamar", "Bezalel",
    "David", "John", "Antony", "Joseph", "Steve", "Brett", "Lloyd", "Jake", "Kamala",
    "Emmanuel", "Olaf", "Giorgia", "Pedro", "Keir", "Rishi", "Annalena", "Josep", "Ursula",
    "Antonio", "Martin", "Philippe", "Sergei", "Vladimir", "Recep", "Hakan", "Abbas", "Ismail",
    "Yahya", "Marwan", "Mousa", "Khalil", "Nabil", "Ayman", "Sameh", "Abdel", "Faisal",
    "Ayelet", "Miri", "Orly", "Noa", "Shira", "Rania", "Leila", "Sara", "Hind", "Maya",
]  # fmt: skip
LAST = [
    "Haniyeh", "Sinwar", "Deif", "Marzouk", "Hamdan", "Abu Zuhri", "Nakhala", "Nasrallah",
    "Qassem", "Gallant", "Herzog", "Eisenkot", "Lapid", "Bennett", "Gantz", "Smotrich",
    "Barnea", "Halevi", "Dermer", "Blinken", "Burns", "Witkoff", "McGurk", "Austin",
    "Sullivan", "Harris", "Macron", "Scholz", "Meloni", "Sanchez", "Starmer", "Sunak",
    "Baerbock", "Borrell", "Leyen", "Guterres", "Griffiths", "Lazzarini", "Tedros", "Lavrov",
    "Erdogan", "Fidan", "Shoukry", "Sisi", "Kamel", "Safadi", "Mikati", "Raisi", "Araghchi",
    "Khalifa", "Ansari", "Khulaifi", "Thani", "Attiyah", "Kuwari", "Obaidli", "Mansour",
    "Levy", "Cohen", "Mizrahi", "Peretz", "Biton", "Dahan", "Friedman", "Katz", "Shapiro",
    "Ben-Gvir", "Regev", "Danon", "Erdan", "Nusseibeh", "Shtayyeh", "Mustafa", "Dahlan",
    "Barghouti", "Rajoub", "Ashrawi", "Zomlot", "Odeh", "Tibi", "Abbasi", "Qureshi",
]  # fmt: skip
ROLES = [
    "foreign minister", "prime minister", "defence minister", "spokesperson", "envoy",
    "negotiator", "intelligence chief", "army chief of staff", "senior official",
    "political bureau member", "ambassador", "national security adviser", "president",
]  # fmt: skip

VERBS = [
    "met", "called on", "warned", "urged", "accused", "praised", "criticised",
    "held talks with", "sent a proposal to", "rejected a demand from", "welcomed a move by",
    "pressed", "hosted a delegation from", "signalled support for", "threatened",
    "backed a plan by", "spoke by phone with", "condemned", "briefed", "appealed to",
]  # fmt: skip
TOPICS = [
    "a ceasefire deal", "the release of hostages", "a prisoner exchange", "humanitarian aid",
    "the Rafah crossing", "a truce extension", "the framework agreement", "fuel deliveries",
    "the return of displaced families", "guarantees for the second phase", "a pause in fighting",
    "the reopening of border crossings", "the reconstruction of Gaza", "security arrangements",
    "the withdrawal of troops", "a list of detainees", "medical evacuations", "the talks",
]  # fmt: skip
PLACES = ["in Doha", "in Cairo", "in Paris", "in Washington", "in Amman", "in Riyadh",
          "in Geneva", "in New York", "in Jerusalem", "in Ankara", "in Gaza City", "in Beirut"]
FILLER = [
    "The talks have moved slowly for weeks, with both sides accusing the other of stalling.",
    "Negotiators have repeatedly said that a deal was close, only to see it slip away.",
    "Families of the hostages held rallies demanding that the government prioritise their return.",
    "Aid agencies said the situation on the ground remained catastrophic for civilians.",
    "Analysts said the mediators faced mounting pressure from all sides to deliver results.",
    "The proposal would unfold in three phases, each lasting several weeks.",
    "Officials cautioned that any agreement remained fragile and could collapse at short notice.",
    "Diplomats described the latest round as constructive but inconclusive.",
    "Thousands of people have been displaced, and shortages of food and water persist.",
    "The mediators have shuttled between delegations that refuse to meet face to face.",
    "Critics argued that the strategy had failed to bring the fighting to an end.",
    "Observers noted that the language of the statement was unusually firm.",
    "A spokesperson declined to comment on the details of the discussions.",
    "The sticking points include the sequencing of releases and the duration of the truce.",
    "Public opinion polls show deep divisions over how to proceed with the negotiations.",
]  # fmt: skip
SAID = ["said", "told reporters", "said in a statement", "told local media", "wrote on X",
        "said on Tuesday", "announced", "confirmed"]  # fmt: skip


@dataclass(eq=False)
class ActorSpec:
    id: str
    name: str
    kind: str
    description: str
    aliases: list[str]
    mentions: list[str]  # how articles write it (name first, then aliases)


def slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.lower().replace("'", "")).strip("-")


def make_registry(rng: random.Random, n_people: int = 220) -> list[ActorSpec]:
    """A few hundred actors with distinct names and aliases, as an editor would list them."""
    actors: list[ActorSpec] = []
    for name, demonym in COUNTRIES:
        actors.append(ActorSpec(slug(name), name, "country", f"{name}, a state following the "
                                "negotiations.", [demonym], [name, name, demonym]))  # fmt: skip
    for name in ORGANISATIONS:
        acronym = "".join(w[0] for w in name.split() if w[0].isupper())
        aliases = [acronym] if len(acronym) >= 3 and acronym != name else []
        actors.append(ActorSpec(slug(name), name, "organisation", f"The {name}.", aliases,
                                [name, *aliases]))  # fmt: skip
    for name in ARMED_GROUPS:
        actors.append(ActorSpec(slug(name), name, "armed group", f"{name}, an armed group.", [],
                                [name]))  # fmt: skip
    seen_names: set[str] = {a.name.lower() for a in actors}
    people = 0
    while people < n_people:
        first, last = rng.choice(FIRST), rng.choice(LAST)
        name = f"{first} {last}"
        if name.lower() in seen_names:
            continue
        seen_names.add(name.lower())
        role = rng.choice(ROLES)
        country = rng.choice(COUNTRIES)[0]
        actors.append(ActorSpec(slug(name), name, "person", f"{country}'s {role}.", [],
                                [name, name, last]))  # fmt: skip
        people += 1
    return actors


def registry_yaml(actors: list[ActorSpec]) -> str:
    entries = [
        {"id": a.id, "name": a.name, "kind": a.kind, "description": a.description,
         "aliases": a.aliases}  # fmt: skip
        for a in actors
    ]
    head = "# Synthetic registry written by benchmarks/gen_corpus.py.\n"
    return head + yaml.safe_dump({"actors": entries}, allow_unicode=True, sort_keys=False)


def date_phrase(rng: random.Random, day: date, published: date) -> str:
    """How a news sentence writes a date: absolute, weekday-relative or month-only."""
    style = rng.random()
    if style < 0.35:
        return f"on {MONTHS[day.month - 1]} {day.day}"
    if style < 0.55:
        return f"on {day.day} {MONTHS[day.month - 1]} {day.year}"
    if style < 0.7 and 0 < (published - day).days < 7:
        return f"on {WEEKDAYS[day.weekday()]}"
    if style < 0.8:
        return f"in {MONTHS[day.month - 1]} {day.year}"
    if style < 0.9:
        return f"on {MONTHS[day.month - 1][:3]}. {day.day}, {day.year}"
    return "since October 7, 2023"


def sentence(rng: random.Random, cast: list[ActorSpec], published: date, dated: bool) -> str:
    a, b = rng.sample(cast, 2) if len(cast) > 1 else (cast[0], cast[0])
    subject = rng.choice(a.mentions)
    obj = rng.choice(b.mentions)
    parts = [subject, rng.choice(VERBS), obj, "over", rng.choice(TOPICS)]
    if rng.random() < 0.4:
        parts.append(rng.choice(PLACES))
    if dated:
        day = published - timedelta(days=rng.choice([0, 0, 1, 1, 2, 3, 5, 9, 30, 60]))
        parts.append(date_phrase(rng, max(day, STORY_START - timedelta(days=365)), published))
    text = " ".join(parts)
    if rng.random() < 0.35:
        text += f", officials {rng.choice(SAID)}"
    return text[0].upper() + text[1:] + "."


def body(rng: random.Random, cast: list[ActorSpec], published: date) -> list[str]:
    target = rng.randint(300, 900)
    paragraphs: list[str] = []
    words = 0
    while words < target:
        sentences = []
        for _ in range(rng.randint(2, 4)):
            if rng.random() < 0.55:
                sentences.append(sentence(rng, cast, published, dated=rng.random() < 0.3))
            else:
                sentences.append(rng.choice(FILLER))
        paragraph = " ".join(sentences)
        paragraphs.append(paragraph)
        words += len(paragraph.split())
    return paragraphs


# Site layouts: (header lines, date line format, footer lines). {views}, {year}, {site} filled in.
LAYOUTS = [
    (
        ["twitter", "youtube", "instagram", "facebook", "telegram", "search",
         "WHAT ARE YOU LOOKING FOR ?", "", "Any use of materials is allowed only with a "
         "hyperlink to {site}", "{site} © {year}.", "WORLD", "A+", "A-"],
        "{d:02d} {month} {y} {hh:02d}:{mm:02d}",
        ["By {author}", "", "{site}", "Views: {views}", "",
         "share-lineLiked the story? Share it on social media!", "print", "copy link",
         "WORLD", "The most important world news"],
    ),
    (
        ["Dark Mode", "{weekday}, {d} {month} {y}", "Logo", "AdSense Advertisement",
         "Advertisement"],
        "",
        ["AdSense Advertisement", "Advertisement", "Comment / Reply From", "Your name",
         "Your email", "Post comment", "Archive", "Please select a date!", "Newsletter",
         "Subscribe to our mailing list to get the new updates!", "Copyright {year} {site}"],
    ),
    (
        ["Skip to content", "Home", "News", "Politics", "Middle East", "Opinion", "Sport",
         "Subscribe", "Sign in"],
        "Published {month3} {d}, {y} | Updated {hh}:{mm:02d} GMT",
        ["Sponsored: Discover the region's best hotels", "Read more", "Related stories",
         "Share on Facebook", "Share on Twitter", "Share via email", "{views} views",
         "Leave a comment", "You must be logged in to post a comment.",
         "© {year} {site}. All rights reserved.", "Privacy policy", "Terms of use"],
    ),
    (
        ["MENU", "LIVE", "Latest", "World", "Business", "Tech", "Video"],
        "{y}-{m:02d}-{d:02d}",
        ["TAGS", "Gaza", "Qatar", "Hostages", "Most read", "1", "2", "3",
         "Follow us", "RSS", "{site} ({year}). Reproduction prohibited.", "Contact | About us"],
    ),
]  # fmt: skip
SITES = ["Gulf Times Daily", "Levant Observer", "Caspian Wire", "Harbour Post", "Meridian News",
         "The Atlas Review", "Crescent Report", "Northbridge Herald", "Cedar Dispatch",
         "Nile Chronicle", "Bosphorus Ledger", "Red Sea Monitor"]  # fmt: skip
AUTHORS = ["Lina Haddad", "Tom Walsh", "Serdar Dincel", "Vafa Guliyeva", "Mark Jensen",
           "Nadia Fares", "Jo Kim", "Rami Aziz", "Eva Novak", "Sam Okoro"]  # fmt: skip


def page_text(rng: random.Random, title: str, paragraphs: list[str], published: date | None,
              site: str, layout: int) -> str:  # fmt: skip
    header, dateline, footer = LAYOUTS[layout]
    day = published or STORY_START
    fields = {
        "site": site, "year": day.year, "views": rng.randint(30, 90000),
        "weekday": WEEKDAYS[day.weekday()], "d": day.day, "m": day.month, "y": day.year,
        "month": MONTHS[day.month - 1], "month3": MONTHS[day.month - 1][:3],
        "hh": rng.randint(0, 23), "mm": rng.randint(0, 59), "author": rng.choice(AUTHORS),
    }  # fmt: skip
    lines = [line.format(**fields) for line in header]
    if layout == 1 and published is None:
        lines[1] = "Today"
    lines += ["", title, ""]
    if dateline and published is not None:
        lines += [dateline.format(**fields), ""]
    if layout == 1:
        lines += [title, "", f"By {fields['author']}", ""]
    for paragraph in paragraphs:
        lines += [paragraph, ""]
    lines += [line.format(**fields) for line in footer]
    return "\n".join(lines) + "\n"


def title_for(rng: random.Random, cast: list[ActorSpec]) -> str:
    a, b = cast[0], cast[1 % len(cast)]
    return f"{a.name} {rng.choice(VERBS)} {b.name} over {rng.choice(TOPICS)}"


def generate(n: int, out: Path, seed: int = 7) -> None:
    """Write the corpus, registry, intro, manifest and mkdocs.yml under ``out``."""
    rng = random.Random(seed)
    actors = make_registry(random.Random(seed + 1))
    # News is concentrated: a few actors appear everywhere, most rarely (Zipf-like weights).
    weights = [1 / (1 + i) ** 0.9 for i in range(len(actors))]
    order = actors[:]
    random.Random(seed + 2).shuffle(order)
    for core in ("qatar", "israel", "hamas", "egypt"):
        spec = next(a for a in order if a.id == core)
        order.remove(spec)
        order.insert(0, spec)
    content = out / "content"
    raw = content / "raw"
    if raw.exists():
        shutil.rmtree(raw)
    raw.mkdir(parents=True)
    (content / "actors.yml").write_text(registry_yaml(actors), encoding="utf-8")
    (content / "index.md").write_text(
        "# Synthetic digest\n\nA generated corpus for the scale benchmarks.\n", encoding="utf-8"
    )
    written: list[dict] = []
    with (out / "manifest.jsonl").open("w", encoding="utf-8") as manifest:
        for i in range(n):
            if written and rng.random() < 0.05:  # the same article syndicated on another site
                original = written[rng.randrange(len(written))]
                record = {**original, "file": "", "site": rng.choice(SITES)}
                layout = rng.randrange(len(LAYOUTS))
            else:
                offset = int(rng.triangular(0, STORY_DAYS, 0))
                published = STORY_START + timedelta(days=offset)
                cast = rng.choices(order, weights=weights, k=rng.randint(3, 9))
                cast = list(dict.fromkeys(cast))
                if len(cast) < 2:
                    cast.append(order[1] if cast[0] is order[0] else order[0])
                record = {
                    "title": title_for(rng, cast),
                    "date": published.isoformat() if rng.random() >= 0.08 else None,
                    "actors": sorted(a.id for a in cast),
                    "paragraphs": body(rng, cast, published),
                    "site": rng.choice(SITES),
                }
                layout = rng.randrange(len(LAYOUTS))
            published = date.fromisoformat(record["date"]) if record["date"] else None
            text = page_text(rng, record["title"], record["paragraphs"], published,
                             record["site"], layout)  # fmt: skip
            digest = hashlib.sha1(text.encode("utf-8")).hexdigest()[:16]
            record["file"] = f"{i:05d}_{digest}.txt"
            (raw / record["file"]).write_text(text, encoding="utf-8")
            manifest.write(json.dumps(record, ensure_ascii=False) + "\n")
            written.append(record)
    write_mkdocs_yml(out)


def write_mkdocs_yml(out: Path) -> None:
    """The project's mkdocs.yml with the digest plugin pointed at the generated folders."""
    config = yaml.safe_load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"))
    config["site_name"] = "Synthetic digest"
    config["docs_dir"] = "content"
    config["site_dir"] = "site"
    for plugin in config["plugins"]:
        if isinstance(plugin, dict) and "digest" in plugin:
            plugin["digest"].update(
                title="Synthetic digest",
                corpus="content/raw",
                articles="content/articles",
                registry="content/actors.yml",
                templates="templates",
                intro="content/index.md",
            )
    (out / "mkdocs.yml").write_text(
        yaml.safe_dump(config, allow_unicode=True, sort_keys=False), encoding="utf-8"
    )


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--n", type=int, default=100)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--out", type=Path, default=None)
    args = parser.parse_args(argv)
    out = args.out or ROOT / "benchmarks" / "out" / f"n{args.n}"
    generate(args.n, out, args.seed)
    print(f"{args.n} pages, registry and mkdocs.yml written to {out}")


if __name__ == "__main__":
    main()
