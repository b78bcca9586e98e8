"""Make the sample workspace: the social-media plan of a fictional fjord hotel, in Norwegian.

    .venv/bin/python tools/make_sample_workspace.py [--out PATH] [--force] [--seed N]

Fjordhotellet Solvik (est. 1896, 38 rooms, in the made-up village of Solvik by Brekkefjorden)
plans Facebook, Instagram, LinkedIn and TikTok with someplan. The sample holds ten weeks of
published posts with key figures (uke 37 to the morning of its "today"), four weeks of planned
posts after it, a small backlog, categories, people, campaigns and seasons, and an asset folder
with small pictures drawn by this script. Two colleagues made it on two devices: Ingrid, who
runs marketing, wrote most of it; Jonas in reception added a few posts and corrected one of
Ingrid's captions, so the sample shows collaboration and history.

Conventions the CLI and TUI rely on:

- Records are stored with `Workspace.insert(table, Record.to_doc(), record_id=...)` in the
  tables "settings" (one record, id "workspace"), "channels", "categories", "posts", "people"
  and "events"; ids come from `new_record_id()`.
- The settings record has an extra field "sample_date" ("2026-11-18", a Wednesday in uke 47):
  the sample's own "today", which the app may use instead of the real date for this workspace.
- Asset references (`Post.assets`) are paths relative to the asset folder (settings
  `asset_folder`, "assets/"), e.g. "natur/nordlys.png" is `<workspace>/assets/natur/nordlys.png`.
- The post's `owner` is the first name of whoever is responsible for it.

Everything written (titles, captions, figures, pictures) follows from the seed; record ids,
device ids and the workspace id are new on every run. Op stamps come from a fake clock in
November 2026. The devices' private config and state dirs are temporary and deleted, so the
result is just the workspace folder. The folder is built next to `--out` and moved into place
when complete; `--force` replaces an existing workspace (or an empty folder), nothing else.

`--add-strategy` adds only the issue-19 step (hours, minutes per category, formats, surfaces and
purposes, the target mix, an earned post) to the workspace at `--out`, as Ingrid on her laptop,
a third device: the committed sample got it so, keeping the record ids the tests name. A fresh
build writes the same step on Ingrid's own device.
"""

from __future__ import annotations

import argparse
import math
import random
import shutil
import struct
import sys
import tempfile
import zlib
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta, timezone
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))  # run from a checkout without installing

from someplan.domain import (  # noqa: E402
    Cadence,
    Category,
    Channel,
    ChannelKind,
    Event,
    EventKind,
    FunnelStage,
    Network,
    Person,
    Post,
    Status,
    WorkspaceSettings,
)
from someplan.domain.goals import Direction, Goal, Target, TargetKind  # noqa: E402
from someplan.domain.post import MIX_FIELDS, PostFormat, Surface  # noqa: E402
from someplan.store.device import IdentityStore  # noqa: E402
from someplan.store.layout import DEVICES, SNAPSHOT_FILE, WORKSPACE_FILE  # noqa: E402
from someplan.store.workspace import Workspace, new_record_id  # noqa: E402

DEFAULT_OUT = ROOT / "sample_workspace"
DEFAULT_SEED = 1896
SAMPLE_DATE = date(2026, 11, 18)  # Wednesday, uke 47: the sample's "today"
HOTEL = "Fjordhotellet Solvik"
SITE = "https://fjordhotellet-solvik.example"
OSLO_WINTER = timezone(timedelta(hours=1))  # CET: all stamps fall in November

INGRID = "Ingrid (markedsansvarlig)"
JONAS = "Jonas (resepsjonen)"
INGRID_LAPTOP = "Ingrid (bærbar)"


# -- records ---------------------------------------------------------------------------------------

# key: (name, network, target per week, followers noted on dates)
CHANNELS = {
    "fb": ("Facebook", Network.FACEBOOK, 5, {
        "2026-06-01": 4512, "2026-08-01": 4605, "2026-09-01": 4668,
        "2026-10-01": 4741, "2026-11-01": 4819, "2026-11-16": 4858,
    }),
    "ig": ("Instagram", Network.INSTAGRAM, 5, {
        "2026-06-01": 2704, "2026-08-01": 2851, "2026-09-01": 2926,
        "2026-10-01": 3008, "2026-11-01": 3094, "2026-11-16": 3132,
    }),
    "li": ("LinkedIn", Network.LINKEDIN, 1, {
        "2026-06-01": 841, "2026-09-01": 868, "2026-10-01": 884, "2026-11-01": 901, "2026-11-16": 912,
    }),
    "tt": ("TikTok", Network.TIKTOK, 2, {
        "2026-08-15": 118, "2026-09-01": 286, "2026-10-01": 472, "2026-11-01": 611, "2026-11-16": 664,
    }),
}

QUESTIONS = {
    "ansatte": "Hva gjør du en vanlig dag? Hva er ditt beste tips til gjestene? Favorittsted i bygda?",
    "kunder": "Hva fikk dere til å velge Solvik? Hva var høydepunktet under oppholdet? Hvem tar dere med neste gang?",
    "bak kulissene": "Hva skjer før gjestene våkner? Hva er det ingen ser, men alle merker? "
                     "Hvilket verktøy kunne du ikke klart deg uten?",
    "produkt": "Hva er nytt denne sesongen? Hvem passer tilbudet for? Hva er inkludert, og hva koster det?",
    "historie": "Hva skjedde her for 50 eller 100 år siden? Hvilke bilder eller gjenstander har vi fra den tiden? "
                "Hvem husker det?",
    "tips og triks": "Hva spør gjestene oftest om? Hvilken tur passer i dette været? Hva bør man ha i sekken?",
    "inspirasjon": "Hvilket øyeblikk fra uka fortjener et stort bilde? Hva får folk til å drømme seg hit?",
}

# name: (colour, cadence, weekday 0=Monday, time, channel key, funnel stage of its posts)
CATEGORIES = {
    "ansatte": ("#e07a5f", "weekly", 1, "19:00", "fb", FunnelStage.CONSIDERATION),
    "kunder": ("#f2b84b", "weekly", 3, "12:00", "fb", FunnelStage.CONSIDERATION),
    "bak kulissene": ("#81b29a", "weekly", 2, "18:00", "tt", FunnelStage.AWARENESS),
    "produkt": ("#3d5a80", "weekly", 4, "11:00", "fb", FunnelStage.CONVERSION),
    "historie": ("#9c6644", "monthly", 6, "19:00", "fb", FunnelStage.AWARENESS),
    "tips og triks": ("#4ea8de", "every 2 weeks", 5, "09:00", "ig", FunnelStage.AWARENESS),
    "inspirasjon": ("#b185db", "every 2 weeks", 6, "20:00", "ig", FunnelStage.AWARENESS),
}

PEOPLE = (
    ("Kari Solheim", "resepsjonist", True, "2027-08-31"),
    ("Ahmed Karimi", "kokk", True, "2027-12-31"),
    ("Lise Haugland", "husøkonom", True, "2026-10-31"),  # expired: renew before Lise is shown again
    ("Åse Brekke", "stamgjest siden 1979", True, "2027-03-31"),
    ("Eirik Fossdal", "daglig leder, Solvik Kajakk og Friluft (samarbeidspartner)", True, "2027-05-31"),
    ("Sondre Lid", "sommervikar i restauranten", False, None),  # never asked: not in any post
)

# Who each post features (first names), so the registry knows when each was last shown.
FEATURES = {
    "Møt Lise, husøkonomen vår": ("Lise",),
    "Ahmed presenterer høstmenyen": ("Ahmed",),
    "Slik får du mest ut av en kajakktur på fjorden": ("Eirik",),
    "Møt Kari i resepsjonen": ("Kari",),
    "Lises fem tips for bedre søvn på hotell": ("Lise",),
    "Ahmed: «Jeg lærte å lage raspeballer av svigermor»": ("Ahmed",),
    "Åse har vært her hvert år siden 1979": ("Åse",),
    "Kari anbefaler: tre kafeer i bygda": ("Kari",),
    "Ahmed tester julemenyen": ("Ahmed",),
    "Kari: ti år i resepsjonen": ("Kari",),
    "Karis beste tips til vintergjestene": ("Kari",),
    "Ahmed forbereder risgrøten": ("Ahmed",),
    "Lise pynter til jul": ("Lise",),  # her consent ran out 31.10: the planner warns
    "Karis julekalender": ("Kari",),
    "Åse tenner adventslys med oss": ("Åse",),
}

EVENTS = (
    ("Sommersesong 2026", EventKind.SEASON, "2026-05-15", "2026-09-15",
     "Alle 38 rom åpne, uteserveringen på brygga, båtrute fra Brekke to ganger daglig."),
    ("Høstferie", EventKind.CAMPAIGN, "2026-09-28", "2026-10-04",
     "Familiepakke uke 40: to netter, krabbefiske og kajakk med Solvik Kajakk. Barn under 12 bor gratis."),
    ("Julebordsesongen", EventKind.CAMPAIGN, "2026-11-13", "2026-12-19",
     "Fredager og lørdager. Meny: pinnekjøtt, ribbe eller lutefisk, vegetar på forespørsel. Bussavtale med Brekke."),
    ("Black Week", EventKind.CAMPAIGN, "2026-11-23", "2026-11-30",
     "30 % på vinteropphold (januar–mars) og 25 % ekstra verdi på gavekort. Kun nettbestilling."),
    ("Vintersesong", EventKind.SEASON, "2026-12-01", "2027-03-31",
     "Spa, peisestue og nordlysvarsel. Skibuss til Brekkefjellet lørdager. Restauranten stengt mandager."),
    ("Påskekampanje 2027", EventKind.CAMPAIGN, "2027-02-15", "2027-03-29",
     "Påskeopphold med påskelunsj på brygga og tur til Solvikbreen. Start annonsering midt i februar."),
)


# -- posts --------------------------------------------------------------------------------------------

@dataclass
class Story:
    """One piece of content, going out on one or more channels (one post each)."""

    day: str | None  # "MM-DD" in 2026; None: in the backlog
    category: str
    title: str
    caption: str
    slots: dict[str, str]  # channel key -> "HH:MM" or "HH:MM status"
    status: str = "published"
    owner: str = "Ingrid"
    assets: tuple[str, ...] = ()
    link: str = ""
    notes: str = ""
    video: bool = False
    boost: float = 1.0  # how much better than usual it did
    captions: dict[str, str] = field(default_factory=dict)  # channel key -> its own wording


def story(day, category, title, caption, **kw) -> Story:
    slots = {key: kw.pop(key) for key in ("fb", "ig", "li", "tt") if key in kw}
    return Story(day, category, title, caption, slots, **kw)


HISTORY = (
    # uke 37
    story("09-08", "ansatte", "Møt Lise, husøkonomen vår",
          "Lise Haugland har holdt orden på 38 rom i 14 år. Hennes beste tips? «Åpne vinduet fem minutter "
          "hver morgen – fjordlufta gjør resten.» Takk for alt du gjør, Lise!", fb="19:00", ig="20:15"),
    story("09-09", "ansatte", "Vi søker kokk til vintersesongen",
          "Vil du lage mat med råvarer fra fjorden, fjellet og naboens gård? Fjordhotellet Solvik søker kokk "
          "i 100 % stilling fra 1. desember. Søknadsfrist 1. oktober.", li="08:30", link=f"{SITE}/jobb"),
    story("09-09", "bak kulissene", "200 rundstykker før klokka sju",
          "Klokka er 04.45, og bakeriet er allerede varmt. Slik blir frokostbrødet til. #bakkulissene #solvik",
          tt="18:00", video=True),
    story("09-10", "kunder", "«Vi kommer tilbake hver september»",
          "Marit og Terje fra Bergen feirer bryllupsdagen sin hos oss for tolvte år på rad. Samme rom, samme "
          "bord ved vinduet, og like mye regn som i 2014. Gratulerer!", fb="12:00", ig="19:30"),
    story("09-11", "produkt", "Høstpakke: to netter med treretters middag",
          "Høsten er fjordens beste årstid. To netter med frokost og treretters middag fra 3 490 kr per person. "
          "Gjelder søndag–torsdag ut oktober.", fb="11:00", ig="11:30", link=f"{SITE}/host"),
    story("09-13", "inspirasjon", "Blikkstille morgen på fjorden",
          "Sånn så det ut fra brygga i dag klokka sju. Ingen filter, bare Brekkefjorden.",
          ig="20:00", fb="20:30", assets=("natur/fjord-morgen.png",), boost=1.2),
    # uke 38
    story("09-15", "ansatte", "Ahmed presenterer høstmenyen",
          "Kokken vår Ahmed Karimi har plukket kantarell i lia bak hotellet hele uka. Resultatet smaker du på "
          "høstmenyen fra fredag: hjort, kantarell og tyttebær.", fb="19:00", ig="20:00",
          assets=("ansatte/ahmed-kjokkenet.png",)),
    story("09-16", "bak kulissene", "38 senger på to timer",
          "Utsjekk klokka elleve, innsjekk klokka tre. Se husøkonomiteamet gjøre klart på rekordtid.",
          tt="18:00", video=True),
    story("09-17", "kunder", "Bryllup på brygga",
          "Silje og Hassan sa ja til hverandre på brygga vår i august. Takk for at vi fikk være med på dagen "
          "deres – og takk for bildene!", fb="12:00", ig="19:30", boost=1.3),
    story("09-18", "produkt", "Kurs og konferanse med fjordutsikt",
          "Møterom for inntil 60 personer, lunsj på brygga og teambuilding i kajakk. Vinterdatoer er åpne "
          "for bedrifter som vil planlegge 2027.", li="08:30", link=f"{SITE}/konferanse"),
    story("09-19", "tips og triks", "Slik får du mest ut av en kajakktur på fjorden",
          "Eirik i Solvik Kajakk og Friluft gir tre råd: start tidlig mens vinden sover, hold deg nær land, "
          "og ta med tørre ullklær i en vanntett sekk. Utleie rett ved brygga.",
          ig="09:00", fb="09:30", assets=("natur/kajakk.png",), notes="Tagg @solvikkajakk"),
    story("09-20", "historie", "1896: Da dampbåten la til for første gang",
          "Sommeren 1896 åpnet Anders og Marta Solvik «Solvik Turisthotel» med åtte rom og en brygge for "
          "dampbåten fra Bergen. 130 år senere står fasaden der fortsatt.",
          fb="19:00", ig="20:00", assets=("hotellet/1896-fasade.png",), boost=1.3),
    # uke 39
    story("09-22", "ansatte", "Møt Kari i resepsjonen",
          "Kari Solheim er den første du møter når du kommer hit. Hva gjør hun en vanlig dag? «Alt fra å finne "
          "borte nøkler til å bestille bord på den beste plassen.» Favorittsted i bygda: benken ved kirka.",
          fb="19:00", ig="20:00", li="08:30", assets=("ansatte/kari-resepsjonen.png",), boost=1.5),
    story("09-23", "bak kulissene", "Fra båt til bord: fisken kommer inn",
          "Torsk fra Arne på Nesøy, levert på brygga klokka åtte. I kveld står den på menyen.",
          tt="18:00", video=True),
    story("09-24", "kunder", "Tre generasjoner, ett bord",
          "Familien Dahl samlet tre generasjoner til 80-årsdagen til farmor Randi. «Her var jeg på bryllupsreise "
          "i 1966», sa hun. Gratulerer med dagen!", fb="12:00", ig="19:30", boost=1.2),
    story("09-25", "produkt", "Høstferie på fjorden: familiepakke",
          "Uke 40: to netter, krabbefiske fra brygga og kajakktur med Solvik Kajakk. Barn under 12 bor gratis.",
          fb="11:00", ig="11:30", link=f"{SITE}/hostferie"),
    story("09-27", "inspirasjon", "Første snø på toppene",
          "Brekkefjellet fikk sitt første hvite lag i natt. Høst nede ved fjorden, vinter der oppe.", ig="20:00"),
    # uke 40
    story("09-29", "ansatte", "Kjøkkenteamet er klare for høstferien",
          "Ahmed og gjengen på kjøkkenet har testet barnemenyen på sine egne barn. Fiskeburgeren vant.",
          fb="19:00", ig="20:00"),
    story("09-30", "bak kulissene", "En mandag i vaskeriet",
          "1 200 håndklær i uka. Her er maskinen som aldri får fri.", tt="18:00", video=True),
    story("10-01", "tips og triks", "Høstferie: fem ting å gjøre med barn i Solvik",
          "Krabbefiske fra brygga, skattejakt i hagen, kajakk for nybegynnere, bålpanne på stranda og "
          "regnværsbingo i peisestua.", ig="09:00", fb="12:00"),
    story("10-01", "kunder", "Takk til Vestlandsnett for to gode konferansedager",
          "40 ledere, to dager, én fjord. Takk for tilliten, Vestlandsnett – vi sees i mars.", li="08:30"),
    story("10-02", "kunder", "«Ungene snakker fortsatt om krabbefisket»",
          "Familien Berg fra Oslo var her første høstferiedag. Rekorden er nå 14 krabber på en time.",
          fb="19:30", ig="20:00", boost=1.1),
    story("10-03", "tips og triks", "Krabbefiske fra brygga – slik gjør du det",
          "Snøre, klype, en bit makrell og litt tålmodighet. Se Eirik vise hvordan.", tt="12:00", video=True),
    # uke 41
    story("10-06", "ansatte", "Lises fem tips for bedre søvn på hotell",
          "Husøkonom Lise Haugland vet hva som hjelper: kjølig rom, tunge gardiner, ullpledd, ingen skjerm – "
          "og lyden av regn på fjorden.", fb="19:00", ig="20:00"),
    story("10-07", "bak kulissene", "Eplene fra hagen blir til most",
          "80 kilo epler fra hagen ble til 40 liter most. Den serveres til frokost så lenge den varer.",
          tt="18:00", ig="19:00", video=True),
    story("10-07", "bak kulissene", "Solvik er nå Miljøfyrtårn-sertifisert",
          "Mindre matsvinn, kortreiste råvarer og strøm fra elva. Vi er stolte av at hele huset har vært med.",
          li="08:30"),
    story("10-08", "kunder", "Turgruppa fra Stavanger",
          "Tolv venner, seks dager, fire toppturer og en uendelig mengde vafler. Takk for besøket!", fb="12:00"),
    story("10-09", "produkt", "Ny høstmeny: hjort, kantarell og tyttebær",
          "Fra i dag står høstmenyen på bordet. Treretters 795 kr. Bord bestilles i resepsjonen eller på nett.",
          fb="11:00", ig="11:30", link=f"{SITE}/meny", assets=("mat/hostmeny.png",)),
    story("10-11", "inspirasjon", "Regnværsdag med bok og peis",
          "Noen dager er laget for peisestua. I dag er en sånn dag.", ig="20:00", fb="20:30"),
    # uke 42
    story("10-13", "ansatte", "Ahmed: «Jeg lærte å lage raspeballer av svigermor»",
          "Ahmed kom fra Kabul til Solvik i 2011. I dag lager han de beste raspeballene i bygda – etter "
          "svigermors oppskrift. Torsdag står de på lunsjmenyen.", fb="19:00", ig="20:00", boost=1.4),
    story("10-14", "bak kulissene", "Slik pakker vi hagen ned for vinteren",
          "Rosene får granbar, benkene går i kjelleren og brygga får nye tau.", tt="18:00", video=True),
    story("10-15", "kunder", "Åse har vært her hvert år siden 1979",
          "Åse Brekke kom første gang som 24-åring. I år feiret hun 47. besøk med utsikt fra rom 12, som alltid. "
          "«Fjorden er den samme, men frokosten blir bedre», sier hun.", fb="12:00", ig="19:30", boost=1.6),
    story("10-16", "produkt", "Julebord 2026: nå kan dere booke",
          "Pinnekjøtt, ribbe eller lutefisk, levende musikk og overnatting med utsikt. Fredager og lørdager fra "
          "13. november. Bussavtale fra Brekke.", fb="11:00", ig="11:30", li="08:30", link=f"{SITE}/julebord"),
    story("10-17", "tips og triks", "Fjordtur i høstregn: dette trenger du",
          "Ull innerst, skall ytterst, ekstra sokker i sekken og termos med kakao. Og godt humør.", ig="09:00"),
    story("10-18", "historie", "Brannen i 1923 og gjenreisingen",
          "Natt til 3. mars 1923 brant hovedhuset ned. Bygda samlet seg, og to år senere sto det nye hotellet "
          "ferdig – med 24 rom og den verandaen vi har i dag.", fb="19:00", ig="20:00", boost=1.3),
    # uke 43
    story("10-20", "ansatte", "Nattevakten: hvem passer på mens du sover?",
          "Når resepsjonen stenger, tar nattevakten over. Kaffe, runder i gangene og en og annen nordlysvekking.",
          fb="19:00"),
    story("10-21", "ansatte", "Vi søker resepsjonist (deltid)",
          "Liker du folk, språk og fjordutsikt? Vi søker resepsjonist i 60 % stilling, helg og kveld.",
          li="08:30", link=f"{SITE}/jobb"),
    story("10-21", "bak kulissene", "Lefsebaking i bakrommet",
          "Tynne, søte og med smør og sukker. Lefsene til julebordet bakes nå.", tt="18:00", ig="19:00", video=True),
    story("10-22", "kunder", "Padling i solnedgang med Solvik Kajakk",
          "Jentegjengen fra Førde ville padle, og fjorden leverte. Takk til Eirik for en magisk kveld.",
          fb="12:00", ig="19:30", assets=("natur/kajakk.png",)),
    story("10-23", "produkt", "Weekendopphold: 20 % i november",
          "Fredag til søndag med frokost og middag. 20 % rabatt på alle helger i november, så lenge det er ledig.",
          fb="11:00", ig="11:30", link=f"{SITE}/weekend"),
    story("10-24", "tips og triks", "Tre merkede turstier rett fra hotellet",
          "Kirkestien (30 min), Utsikten (1 t 30 min) og Solvikbreen (hel dag). Kart får du i resepsjonen.",
          ig="09:00", fb="09:30"),
    # uke 44
    story("10-27", "ansatte", "Kari anbefaler: tre kafeer i bygda",
          "Kari fra resepsjonen tipser: Bakeriet på kaia, Kafé Naustet og Gamle Skulen. Si at du bor hos oss!",
          fb="19:00", ig="20:00"),
    story("10-28", "bak kulissene", "Gresskarsuppe til 80 gjester",
          "Halloween-helgen er fullbooket, og kjøkkenet har 30 gresskar å gå løs på.", tt="18:00", video=True),
    story("10-29", "kunder", "Konferansegjestene som ble en ekstra natt",
          "Styret i Brekke Maritime skulle hjem torsdag, men ble til fredag. Vi forstår dem godt.",
          li="08:30", fb="12:00"),
    story("10-30", "produkt", "Halloween-helg for familier",
          "Skattejakt i kjelleren, gresskarsuppe og skumle historier i peisestua. Noen få rom ledig.",
          fb="11:00", ig="11:30", link=f"{SITE}/halloween"),
    story("11-01", "inspirasjon", "Nordlys over Solvik i natt",
          "Klokka 23.40 dukket det opp. Nattevakten vekket alle som hadde bedt om det, og halve hotellet sto "
          "på brygga i morgenkåpe.", ig="20:00", fb="20:30", tt="21:00",
          assets=("natur/nordlys.png",), boost=3.2),
    # uke 45
    story("11-03", "ansatte", "Ahmed tester julemenyen",
          "Sju varianter av risalamande senere har Ahmed bestemt seg. Resultatet får julebordsgjestene smake.",
          fb="19:00", ig="20:00", assets=("ansatte/ahmed-kjokkenet.png",)),
    story("11-04", "bak kulissene", "3 000 lyspærer skal opp",
          "Verandaen, brygga og det store bjørketreet. Vaktmester Tor har lagt en plan.", tt="18:00", video=True),
    story("11-05", "kunder", "«Beste frokosten vi har hatt på hotell»",
          "Det skrev familien Nilsen i gjesteboka. Vi tror det har noe med utsikten å gjøre.",
          fb="12:00", ig="19:30", assets=("mat/frokost-utsikt.png",), boost=1.3),
    story("11-06", "produkt", "Julebord: siste ledige fredager",
          "Fredag 4. og 11. desember har fortsatt plass til grupper på 20–60 personer.",
          fb="11:00", li="08:30", link=f"{SITE}/julebord"),
    story("11-07", "tips og triks", "Vinterklar: slik kjører du trygt langs fjorden",
          "Piggdekk eller piggfritt, sjekk vegvesen.no før du kjører og ta pause i Brekke. Vi har ladere til "
          "elbilen.", ig="09:00", fb="09:30"),
    story("11-08", "inspirasjon", "Farsdag: takk for turene, pappa",
          "Til alle fedre som har båret sekken, smurt matpakka og sagt «bare litt lenger». God farsdag!",
          ig="20:00", fb="20:30"),
    # uke 46
    story("11-10", "ansatte", "Kari: ti år i resepsjonen",
          "I dag er det ti år siden Kari Solheim sjekket inn sin første gjest. Gratulerer, Kari – Solvik "
          "hadde ikke vært Solvik uten deg!", fb="19:00", ig="20:00", li="08:30",
          assets=("ansatte/kari-resepsjonen.png",), boost=1.4),
    story("11-11", "bak kulissene", "Juledekorasjonene kommer opp",
          "12 kasser fra loftet, og hvert år finner vi noe vi hadde glemt.", tt="18:00", ig="19:00", video=True),
    story("11-12", "kunder", "Julebordet til Solvik Båtbyggeri",
          "Sesongens første julebord: 42 båtbyggere, pinnekjøtt og dans til langt på natt.", fb="12:00"),
    story("11-13", "produkt", "Julebordsesongen er i gang!",
          "Fredager og lørdager fram til 19. desember. Overnatting med frokost fra 1 290 kr per person.",
          fb="11:00", ig="11:30", link=f"{SITE}/julebord", assets=("hotellet/julebord.png",)),
    story("11-15", "historie", "Julebord i 1950: menyen vi fant i arkivet",
          "Lutefisk, multekrem og «Solvik-punsj». Menyen fra julebordet i 1950 ble funnet bak en skuff i "
          "resepsjonen. Skal vi servere punsjen igjen?", fb="19:00", ig="20:00", boost=1.4),
    # uke 47, before the sample's today
    story("11-16", "tips og triks", "Nordlysvarsel: slik vet du når du skal gå ut",
          "Sjekk Kp-indeksen, se etter klar himmel mot nord og gå bort fra lysene på brygga. Eller be "
          "nattevakten vekke deg!", ig="12:00", fb="12:30"),
    story("11-17", "ansatte", "Karis beste tips til vintergjestene",
          "Ta med brodder, bestill bord i restauranten før du kommer, og spør om nordlysvekking ved innsjekk.",
          fb="19:00", ig="20:00"),
    story("11-17", "bak kulissene", "Resepsjonen har fått julepynt",
          "Jonas og Kari fikk frie tøyler. Resultatet: 40 meter lysslynge.", tt="18:00", video=True),
    story("11-18", "inspirasjon", "God morgen fra en frostklar fjord",
          "Minus fire og helt stille. Frokosten serveres til klokka elleve.", ig="07:45",
          assets=("natur/fjord-morgen.png",)),
)

PLANNED = (
    # resten av uke 47
    story("11-18", "bak kulissene", "Pepperkakehuset, dag 1",
          "Ahmed har tegnet, nå skal det bakes: hotellet vårt i pepperkake, i skala 1:50.",
          tt="18:00 scheduled", video=True),
    story("11-19", "kunder", "«Julebordet vårt var magisk»",
          "Fjordbuss AS var først ute i helgen. Takk for en kveld med god mat og høy stemning!",
          fb="12:00 scheduled", ig="19:30 scheduled"),
    story("11-20", "produkt", "Siste ledige julebordsdatoer",
          "Fredag 4. og 11. desember har fortsatt plass til grupper på 20–60. Book på nett eller send e-post "
          "til booking@fjordhotellet-solvik.example.",
          fb="11:00 scheduled", li="08:30 ready", link=f"{SITE}/julebord", assets=("hotellet/julebord.png",),
          captions={"li": "Julebord for bedrifter: noen få datoer i desember er fortsatt ledige. Middag, "
                          "underholdning og overnatting med fjordutsikt, buss fra Brekke. Ta kontakt for tilbud."}),
    story("11-22", "inspirasjon", "Første frostrøyk over fjorden",
          "Når lufta er kaldere enn vannet, ryker fjorden. Vinteren er her.", ig="20:00 ready",
          assets=("natur/fjord-morgen.png",)),
    # uke 48: Black Week
    story("11-23", "produkt", "Black Week: 30 % på vinteropphold",
          "Hele uka: 30 % på opphold i januar–mars. Spa, peisestue og nordlysvekking inkludert.",
          fb="12:00 scheduled", ig="12:30 scheduled", link=f"{SITE}/black-week"),
    story("11-24", "ansatte", "Ahmed forbereder risgrøten",
          "Risgrøten til lørdagslunsjen kokes i samme gryte som i 1952. Ahmed røper hemmeligheten.",
          fb="19:00 ready", ig="20:00 ready", assets=("ansatte/ahmed-kjokkenet.png",)),
    story("11-25", "bak kulissene", "Pepperkakehuset er ferdig!",
          "40 timer, 6 kilo deig og en liten krise med taket. Se resultatet.", tt="18:00 ready", video=True),
    story("11-25", "kunder", "Mørketidskonferanse med Brekke Maritime",
          "Hvordan holder man på folk i en liten bygd? Takk for gode samtaler, Brekke Maritime.",
          li="08:30 draft"),
    story("11-27", "produkt", "Black Friday: gavekort med 25 % ekstra",
          "Kun i dag: kjøp gavekort for 2 000 kr og få 2 500 kr å bruke. Perfekt julegave til noen som "
          "trenger en fjord.", fb="09:00 scheduled", ig="09:00 scheduled", tt="17:00 draft",
          link=f"{SITE}/gavekort", notes="Gjelder kun nettbutikken, 27.11 kl. 00–24."),
    story("11-29", "inspirasjon", "1. søndag i advent: det første lyset er tent",
          "Adventsstaken står i peisestua, og gløggen er varm. God første søndag i advent!",
          fb="18:00 ready", ig="18:30 ready"),
    # uke 49
    story("12-01", "ansatte", "Lise pynter til jul",
          "Husøkonom Lise viser hvordan 38 rom blir juleklare på én dag.",
          fb="19:00 draft", ig="20:00 draft",
          notes="Sjekk samtykke: Lises samtykke gikk ut 31.10. Spør henne før dette publiseres."),
    story("12-02", "ansatte", "Vi søker sesongansatte til vinteren",
          "Servitører og romvertinner til vintersesongen, januar–mars. Bolig kan ordnes.",
          li="08:30 draft", link=f"{SITE}/jobb"),
    story("12-03", "kunder", "Bedriftsjulebord: tre ting gjestene elsket", "",
          fb="12:00 idea", notes="Hent sitater fra tilbakemeldingsskjemaet."),
    story("12-04", "produkt", "Vintersesongen åpner: spa og peisestue",
          "Fra 1. desember er spaet åpent hver dag. Vinterpakke med to netter fra 2 990 kr.",
          fb="11:00 draft", ig="11:30 draft", link=f"{SITE}/vinter"),
    story("12-05", "tips og triks", "Vintertur: fire ting i sekken", "", ig="09:00 idea"),
    story("12-06", "historie", "Jul på Solvik i 1912",
          "Et brev fra kokkepika Gunhild forteller om juletrefest for hele bygda i spisesalen.",
          fb="19:00 draft", ig="20:00 idea", assets=("hotellet/1896-fasade.png",)),
    # uke 50
    story("12-08", "ansatte", "Karis julekalender", "Luke for luke: Kari svarer på gjestenes spørsmål.",
          fb="19:00 idea", ig="20:00 idea", assets=("tekster/intervju-spørsmål.txt",)),
    story("12-09", "kunder", "Takk for et godt konferanseår", "", li="08:30 idea"),
    story("12-09", "bak kulissene", "Lutefisk: kjærlighet eller hat?", "", tt="18:00 idea", video=True),
    story("12-10", "kunder", "Åse tenner adventslys med oss", "",
          fb="12:00 idea", notes="Åse kommer 9.–12. desember. Spør om vi kan filme."),
    story("12-11", "produkt", "Gavekort pakkes inn i resepsjonen",
          "Bestill gavekort på nett, så pakker vi det inn og sender det i posten.", ig="11:30 draft",
          link=f"{SITE}/gavekort"),
    story("12-13", "inspirasjon", "Luciamorgen i frokostsalen",
          "Barna fra Solvik skule går luciatog gjennom frokostsalen klokka åtte.",
          fb="08:00 draft", ig="08:30 draft", tt="09:00 idea",
          notes="Foreldrene må samtykke før vi viser barna. Filme bakfra / på avstand."),
    # uke 51
    story("12-15", "ansatte", "Hele gjengen ønsker god jul", "", fb="19:00 idea"),
    story("12-16", "ansatte", "Julehilsen fra hele Solvik-teamet", "", li="08:30 idea"),
    story("12-16", "bak kulissene", "Stråstjerner i resepsjonen", "", tt="18:00 idea", video=True),
    story("12-17", "tips og triks", "Juleferie i Solvik: dette er åpent", "", ig="09:00 idea"),
    story("12-18", "produkt", "Nyttår på Solvik: siste rom", "", fb="11:00 idea", link=f"{SITE}/nyttar"),
    story("12-20", "inspirasjon", "Snart snur lyset", "Om to dager er det vintersolverv.", ig="20:00 idea"),
    # the backlog
    story(None, "produkt", "Nyttårsaften: meny og program", "", fb=""),
    story(None, "historie", "Serie: ett rom, én historie",
          "Hvert rom har en historie. Rom 12: Åses rom siden 1979.", ig=""),
)

JONAS_POSTS = (
    story("11-26", "kunder", "Hilsen fra gjesteboka", "En gjest skrev et dikt i gjesteboka. Vi deler det her.",
          fb="12:00 idea", owner="Jonas"),
    story("12-02", "bak kulissene", "En dag i resepsjonen på 30 sekunder",
          "Fra første kaffe til siste nøkkel: Jonas filmer en hel vakt.", tt="18:00 draft", video=True,
          owner="Jonas"),
    story(None, "tips og triks", "Quiz: hvor godt kjenner du Solvik?",
          "Ti spørsmål om bygda, hotellet og fjorden. Premie: middag for to.", tt="", owner="Jonas"),
)

# Jonas knows the bookings: 11 December went yesterday, and guests ask about special diets.
JONAS_CAPTION = (
    "Fredag 4. og 18. desember har fortsatt plass til grupper på 20–60. Vi har også vegetar-, vegan- og "
    "glutenfri meny – si fra når dere bestiller. Book på nett eller send e-post til "
    "booking@fjordhotellet-solvik.example."
)


# -- key figures ---------------------------------------------------------------------------------------

REACH_RATE = {"fb": 0.26, "ig": 0.31, "li": 0.40, "tt": 1.10}  # reach ÷ followers, a usual post
ENGAGEMENT_RATE = {"fb": 0.045, "ig": 0.055, "li": 0.030, "tt": 0.060}  # engagements ÷ reach
CATEGORY_REACH = {"ansatte": 1.55, "kunder": 1.40, "historie": 1.30, "inspirasjon": 1.20,
                  "bak kulissene": 1.05, "tips og triks": 1.00, "produkt": 0.70}
CATEGORY_ENGAGEMENT = {"ansatte": 1.90, "kunder": 1.65, "historie": 1.30, "bak kulissene": 1.15,
                       "inspirasjon": 1.00, "tips og triks": 0.90, "produkt": 0.55}
# How a network's engagements split into the counts its export gives.
SPLITS = {
    "fb": {"reactions": 0.68, "comments": 0.12, "shares": 0.08, "clicks": 0.12},
    "ig": {"reactions": 0.82, "comments": 0.07, "saves": 0.08, "shares": 0.03},
    "li": {"reactions": 0.62, "comments": 0.08, "shares": 0.07, "clicks": 0.23},
    "tt": {"reactions": 0.84, "comments": 0.07, "shares": 0.09},
}


def followers_then(noted: dict[str, int], day: date) -> int:
    """The channel's followers on a day, read between the counts noted (they grow steadily)."""
    points = sorted((date.fromisoformat(d), n) for d, n in noted.items())
    before = [(d, n) for d, n in points if d <= day] or points[:1]
    after = [(d, n) for d, n in points if d > day]
    (d0, n0), (d1, n1) = before[-1], (after[0] if after else before[-1])
    if d1 == d0:
        return n0
    return round(n0 + (n1 - n0) * (day - d0).days / (d1 - d0).days)


def key_figures(rng: random.Random, item: Story, key: str, day: date) -> dict[str, int]:
    """Raw counts as an export would give them, plausible for the channel, category and day."""
    followers = followers_then(CHANNELS[key][3], day)
    reach = round(followers * REACH_RATE[key] * CATEGORY_REACH[item.category] * item.boost * rng.uniform(0.75, 1.3))
    views = round(reach * rng.uniform(1.15, 1.65))
    engaged = reach * ENGAGEMENT_RATE[key] * CATEGORY_ENGAGEMENT[item.category] * rng.uniform(0.75, 1.3)
    engaged *= item.boost ** 0.3
    split = dict(SPLITS[key])
    if item.category == "produkt" and "clicks" in split:
        split.update(reactions=0.45, comments=0.05, shares=0.05, clicks=0.45)
    if item.category == "tips og triks" and "saves" in split:
        split.update(reactions=0.62, saves=0.28)
    counts = {name: max(0, round(engaged * share * rng.uniform(0.8, 1.2))) for name, share in split.items()}
    counts.update(reach=reach, views=views, followers=followers)
    if item.video:
        counts["video_views"] = views if key == "tt" else round(views * rng.uniform(0.55, 0.8))
    return counts


# -- pictures (PNG, drawn here: no image library needed) -----------------------------------------------

Colour = tuple[float, float, float]
W, H = 160, 100


class Canvas:
    def __init__(self, colour: Colour = (0, 0, 0)):
        self.px = [[list(colour) for _ in range(W)] for _ in range(H)]

    def blend(self, x: int, y: int, colour: Colour, alpha: float = 1.0) -> None:
        if 0 <= x < W and 0 <= y < H and alpha > 0:
            alpha = min(alpha, 1.0)
            pixel = self.px[y][x]
            for i in range(3):
                pixel[i] += (colour[i] - pixel[i]) * alpha

    def gradient(self, y0: int, y1: int, top: Colour, bottom: Colour, x0: int = 0, x1: int = W) -> None:
        for y in range(max(y0, 0), min(y1, H)):
            t = (y - y0) / max(y1 - y0 - 1, 1)
            colour = mix(top, bottom, t)
            for x in range(max(x0, 0), min(x1, W)):
                self.px[y][x] = list(colour)

    def rect(self, x0: int, y0: int, x1: int, y1: int, colour: Colour, alpha: float = 1.0) -> None:
        for y in range(max(y0, 0), min(y1, H)):
            for x in range(max(x0, 0), min(x1, W)):
                self.blend(x, y, colour, alpha)

    def ellipse(self, cx: float, cy: float, rx: float, ry: float, colour: Colour, alpha: float = 1.0) -> None:
        for y in range(int(cy - ry - 1), int(cy + ry + 2)):
            for x in range(int(cx - rx - 1), int(cx + rx + 2)):
                d = math.hypot((x + 0.5 - cx) / rx, (y + 0.5 - cy) / ry)
                cover = max(0.0, min(1.0, (1 - d) * min(rx, ry) + 0.5))
                self.blend(x, y, colour, cover * alpha)

    def disc(self, cx: float, cy: float, r: float, colour: Colour, alpha: float = 1.0) -> None:
        self.ellipse(cx, cy, r, r, colour, alpha)

    def glow(self, cx: float, cy: float, r: float, colour: Colour, strength: float = 0.6) -> None:
        for y in range(int(cy - r), int(cy + r) + 1):
            for x in range(int(cx - r), int(cx + r) + 1):
                d = math.hypot(x - cx, y - cy) / r
                if d < 1:
                    self.blend(x, y, colour, strength * (1 - d) ** 2)

    def polygon(self, points: list[tuple[float, float]], colour: Colour, alpha: float = 1.0) -> None:
        """Even-odd fill, sampled at pixel centres."""
        ys = [p[1] for p in points]
        for y in range(max(int(min(ys)), 0), min(int(max(ys)) + 1, H)):
            yc = y + 0.5
            cuts = []
            for (xa, ya), (xb, yb) in zip(points, points[1:] + points[:1], strict=False):
                if (ya <= yc < yb) or (yb <= yc < ya):
                    cuts.append(xa + (yc - ya) * (xb - xa) / (yb - ya))
            cuts.sort()
            for left, right in zip(cuts[::2], cuts[1::2], strict=False):
                for x in range(max(int(round(left)), 0), min(int(round(right)), W)):
                    self.blend(x, y, colour, alpha)

    def ridge(self, heights: list[float], colour: Colour, bottom: int = H) -> None:
        """A mountain silhouette: filled from `heights[x]` down to `bottom`, soft top edge."""
        for x in range(W):
            top = heights[x]
            for y in range(max(int(top), 0), min(bottom, H)):
                self.blend(x, y, colour, min(1.0, y + 1 - top))

    def reflect(self, horizon: int, water: Colour, strength: float = 0.45, rng: random.Random | None = None) -> None:
        """Mirror what is above the horizon into the water below it, tinted and rippled."""
        for y in range(horizon, H):
            depth = (y - horizon) / max(H - horizon, 1)
            source = self.px[max(horizon - 1 - (y - horizon), 0)]
            shift = rng.randint(-1, 1) if rng else 0
            row = [list(source[min(max(x + shift, 0), W - 1)]) for x in range(W)]
            for x in range(W):
                self.px[y][x] = list(mix(row[x], water, strength + (1 - strength) * depth * 0.6))

    def sepia(self, vignette: float = 0.5) -> None:
        for y in range(H):
            for x in range(W):
                r, g, b = self.px[y][x]
                light = 0.3 * r + 0.59 * g + 0.11 * b
                edge = math.hypot((x - W / 2) / (W / 2), (y - H / 2) / (H / 2)) / math.sqrt(2)
                dim = 1 - vignette * edge ** 2
                self.px[y][x] = [light * 1.07 * dim, light * 0.87 * dim, light * 0.62 * dim]

    def png(self) -> bytes:
        raw = b"".join(
            b"\x00" + bytes(max(0, min(255, round(c))) for pixel in row for c in pixel) for row in self.px
        )

        def chunk(tag: bytes, data: bytes) -> bytes:
            return struct.pack(">I", len(data)) + tag + data + struct.pack(">I", zlib.crc32(tag + data) & 0xFFFFFFFF)

        header = struct.pack(">IIBBBBB", W, H, 8, 2, 0, 0, 0)  # 8-bit RGB, no interlace
        return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", zlib.compress(raw, 9)) + chunk(b"IEND", b"")


def mix(a, b, t: float) -> Colour:
    t = max(0.0, min(1.0, t))
    return (a[0] + (b[0] - a[0]) * t, a[1] + (b[1] - a[1]) * t, a[2] + (b[2] - a[2]) * t)


def mountains(rng: random.Random, base: float, height: float, roughness: float = 0.55) -> list[float]:
    """A ridge line by midpoint displacement: y of the top edge for every x."""
    size = 256
    line = [0.0] * (size + 1)
    line[0], line[size] = rng.uniform(-1, 1), rng.uniform(-1, 1)
    step, spread = size, 1.0
    while step > 1:
        half = step // 2
        for i in range(half, size, step):
            line[i] = (line[i - half] + line[i + half]) / 2 + rng.uniform(-spread, spread)
        step, spread = half, spread * roughness
    low, high = min(line), max(line)
    return [base - height * (line[x * size // W] - low) / ((high - low) or 1) for x in range(W)]


def fjord(rng: random.Random, sky_top: Colour, sky_low: Colour, far: Colour, near: Colour,
          water: Colour, horizon: int = 62) -> Canvas:
    canvas = Canvas()
    canvas.gradient(0, horizon, sky_top, sky_low)
    canvas.ridge(mountains(rng, horizon - 8, 30), far, horizon)
    canvas.ridge(mountains(rng, horizon + 1, 24, 0.6), near, horizon)
    return canvas


def draw_fjord_morning(rng: random.Random) -> Canvas:
    canvas = fjord(rng, (120, 160, 205), (250, 205, 160), (125, 135, 165), (55, 70, 85), (70, 105, 140))
    canvas.glow(112, 52, 30, (255, 230, 170), 0.7)
    canvas.disc(112, 52, 6, (255, 240, 200))
    canvas.ridge(mountains(rng, 62, 10, 0.6), (45, 58, 70), 62)
    canvas.reflect(62, (60, 95, 130), 0.4, rng)
    for y in range(64, H, 3):  # the sun's path on the water
        canvas.rect(108 - (y - 60) // 6, y, 116 + (y - 60) // 6, y + 1, (255, 225, 170), 0.35)
    return canvas


def draw_northern_lights(rng: random.Random) -> Canvas:
    canvas = Canvas()
    canvas.gradient(0, 66, (8, 12, 35), (20, 40, 70))
    for _ in range(70):
        canvas.blend(rng.randrange(W), rng.randrange(58), (255, 255, 240), rng.uniform(0.3, 0.9))
    phase = rng.uniform(0, 6)
    for x in range(W):
        centre = 28 + 9 * math.sin(x / 19 + phase) + 4 * math.sin(x / 7)
        curtain = 0.55 + 0.45 * math.sin(x / 3.1 + phase) ** 2
        for y in range(0, 62):
            above = centre - y
            if above > 0:
                strength = curtain * math.exp(-above / 16) * 0.75
            else:
                strength = curtain * math.exp(above / 3) * 0.85
            colour = mix((80, 255, 150), (170, 90, 220), max(0.0, above - 12) / 20)
            canvas.blend(x, y, colour, strength)
    canvas.ridge(mountains(rng, 60, 28), (10, 15, 25), 66)
    canvas.ridge(mountains(rng, 67, 10, 0.6), (4, 6, 12), 66)
    canvas.reflect(66, (5, 15, 30), 0.55, rng)
    for x in (40, 44, 48, 90):  # lights on the quay
        canvas.glow(x, 64, 4, (255, 200, 120), 0.9)
    return canvas


def draw_kayak(rng: random.Random) -> Canvas:
    canvas = fjord(rng, (90, 150, 215), (200, 225, 240), (110, 140, 150), (50, 95, 70), (50, 110, 140), 55)
    canvas.reflect(55, (40, 100, 135), 0.5, rng)
    canvas.ellipse(82, 78, 20, 3, (215, 60, 45))  # the kayak
    canvas.rect(78, 68, 85, 77, (245, 200, 40))  # life vest
    canvas.disc(81.5, 65, 3.5, (230, 185, 150))
    canvas.rect(78, 61, 86, 63, (40, 60, 90))  # cap
    canvas.polygon([(62, 64), (64, 63), (104, 80), (102, 81)], (30, 30, 30))  # paddle
    canvas.ellipse(82, 84, 26, 2, (30, 70, 100), 0.5)  # its shadow
    return canvas


def draw_breakfast(rng: random.Random) -> Canvas:
    canvas = Canvas((235, 222, 200))
    view = draw_fjord_morning(random.Random(rng.random()))
    for y in range(10, 60):  # the window shows the fjord
        for x in range(30, 130):
            canvas.px[y][x] = list(view.px[10 + (y - 10) * 80 // 50][(x - 30) * W // 100])
    canvas.rect(28, 8, 132, 10, (250, 250, 245))
    canvas.rect(28, 60, 132, 62, (250, 250, 245))
    canvas.rect(28, 8, 30, 62, (250, 250, 245))
    canvas.rect(130, 8, 132, 62, (250, 250, 245))
    canvas.rect(79, 8, 81, 62, (250, 250, 245))
    canvas.gradient(66, H, (160, 110, 70), (120, 80, 50))  # table
    canvas.ellipse(60, 82, 22, 8, (250, 250, 250))  # plate
    canvas.ellipse(55, 80, 8, 4, (225, 180, 110))  # bread
    canvas.ellipse(67, 83, 6, 3, (240, 200, 60))  # egg yolk on white
    canvas.ellipse(110, 80, 9, 9, (250, 250, 250))  # cup
    canvas.ellipse(110, 79, 6.5, 6.5, (95, 55, 30))  # coffee
    canvas.ellipse(128, 88, 7, 4, (200, 40, 50))  # jam
    return canvas


def draw_autumn_menu(rng: random.Random) -> Canvas:
    canvas = Canvas()
    canvas.gradient(0, H, (45, 35, 30), (25, 18, 15))
    canvas.ellipse(80, 52, 50, 32, (240, 238, 232))
    canvas.ellipse(80, 52, 38, 24, (250, 250, 248))
    canvas.ellipse(74, 52, 17, 10, (110, 45, 35))  # venison
    canvas.ellipse(74, 50, 15, 6, (140, 60, 45), 0.7)
    for _ in range(9):  # chanterelles
        canvas.ellipse(92 + rng.uniform(-6, 6), 45 + rng.uniform(-6, 8), 3.2, 2, (235, 160, 40))
    for _ in range(14):  # lingonberries
        canvas.disc(64 + rng.uniform(-12, 28), 64 + rng.uniform(-3, 4), 1.5, (200, 20, 40))
    canvas.ellipse(88, 60, 9, 3, (120, 90, 50), 0.8)  # sauce
    canvas.rect(140, 20, 143, 85, (190, 190, 195))  # fork
    return canvas


def draw_facade_1896(rng: random.Random) -> Canvas:
    canvas = Canvas()
    canvas.gradient(0, 70, (200, 205, 210), (235, 235, 230))
    canvas.ridge(mountains(rng, 45, 30), (150, 155, 160), 70)
    canvas.gradient(70, H, (120, 125, 110), (90, 95, 80))  # the yard
    canvas.rect(30, 38, 130, 78, (225, 220, 205))  # the house
    canvas.polygon([(24, 40), (80, 14), (136, 40)], (80, 70, 65))  # roof
    canvas.rect(103, 18, 109, 30, (110, 100, 95))  # chimney
    for row in (45, 60):
        for col in range(36, 126, 15):
            canvas.rect(col, row, col + 7, row + 10, (60, 65, 75))
            canvas.rect(col + 3, row, col + 4, row + 10, (225, 220, 205))
    canvas.rect(75, 62, 85, 78, (90, 70, 55))  # door
    canvas.rect(60, 36, 100, 41, (150, 130, 110))  # sign board
    canvas.rect(0, 86, W, 88, (70, 60, 50))  # the quay
    canvas.sepia(0.7)
    return canvas


def draw_christmas_party(rng: random.Random) -> Canvas:
    canvas = Canvas()
    canvas.gradient(0, H, (85, 20, 25), (35, 10, 12))
    for x in range(6, W, 9):  # a string of lights
        y = 12 + 5 * math.sin(x / 14)
        canvas.glow(x, y, 5, (255, 210, 120), 0.7)
        canvas.disc(x, y, 1.3, (255, 240, 190))
    canvas.polygon([(10, 72), (150, 72), (160, 100), (0, 100)], (235, 230, 220))  # the table
    for x in (30, 62, 98, 130):
        canvas.glow(x, 52, 14, (255, 180, 80), 0.55)
        canvas.rect(x - 2, 56, x + 2, 72, (245, 240, 230))  # candle
        canvas.ellipse(x, 53, 1.6, 3, (255, 220, 120))  # flame
    for x in (46, 80, 114):
        canvas.ellipse(x, 84, 12, 4, (250, 250, 250))
        canvas.ellipse(x, 83.5, 6, 2, (140, 70, 50))
    for x in (20, 140):
        canvas.polygon([(x - 3, 64), (x + 3, 64), (x + 1, 78), (x - 1, 78)], (200, 220, 230), 0.6)  # glasses
    return canvas


def draw_reception(rng: random.Random) -> Canvas:
    canvas = Canvas()
    canvas.gradient(0, H, (200, 165, 120), (150, 115, 80))
    for x in range(0, W, 16):  # panelled wall
        canvas.rect(x, 0, x + 1, 62, (170, 135, 95))
    canvas.glow(128, 14, 22, (255, 235, 180), 0.6)
    canvas.disc(128, 14, 4, (255, 245, 210))
    canvas.rect(20, 12, 56, 40, (120, 85, 55))  # key board
    for row in range(3):
        for col in range(5):
            canvas.disc(26 + col * 7, 18 + row * 8, 1.3, (230, 190, 80))
    canvas.ellipse(96, 40, 9, 11, (60, 40, 30))  # hair
    canvas.ellipse(96, 42, 7, 9, (235, 195, 165))  # face
    canvas.ellipse(96, 72, 20, 18, (40, 70, 110))  # uniform
    canvas.rect(94, 52, 98, 58, (235, 195, 165))
    canvas.gradient(66, H, (110, 70, 40), (80, 50, 30))  # the desk
    canvas.rect(0, 64, W, 67, (140, 95, 55))
    canvas.rect(40, 58, 58, 64, (240, 240, 235))  # guest book
    canvas.ellipse(140, 60, 6, 4, (70, 120, 60))  # plant
    return canvas


def draw_kitchen(rng: random.Random) -> Canvas:
    canvas = Canvas()
    canvas.gradient(0, H, (205, 210, 210), (170, 175, 178))
    for y in range(0, 60, 10):  # tiles
        canvas.rect(0, y, W, y + 1, (185, 190, 192))
    for x in range(0, W, 10):
        canvas.rect(x, 0, x + 1, 60, (185, 190, 192))
    canvas.ellipse(66, 20, 11, 7, (250, 250, 250))  # chef's hat
    canvas.rect(58, 20, 75, 28, (250, 250, 250))
    canvas.ellipse(66, 36, 8, 10, (170, 120, 85))  # face
    canvas.ellipse(66, 75, 22, 24, (248, 248, 245))  # jacket
    canvas.rect(63, 46, 69, 52, (170, 120, 85))
    for y in (58, 66, 74):
        canvas.disc(66, y, 1.2, (60, 60, 60))
    canvas.rect(0, 80, W, H, (120, 125, 130))  # steel bench
    canvas.rect(96, 60, 136, 82, (70, 72, 78))  # the pot
    canvas.ellipse(116, 60, 20, 3, (95, 98, 105))
    for i, x in enumerate((106, 116, 126)):  # steam
        for y in range(22, 56):
            canvas.blend(int(x + 3 * math.sin(y / 5 + i)), y, (255, 255, 255), 0.35 * (y - 22) / 34)
    return canvas


PICTURES: dict[str, Callable[[random.Random], Canvas]] = {
    "ansatte/kari-resepsjonen.png": draw_reception,
    "ansatte/ahmed-kjokkenet.png": draw_kitchen,
    "mat/frokost-utsikt.png": draw_breakfast,
    "mat/hostmeny.png": draw_autumn_menu,
    "natur/fjord-morgen.png": draw_fjord_morning,
    "natur/nordlys.png": draw_northern_lights,
    "natur/kajakk.png": draw_kayak,
    "hotellet/1896-fasade.png": draw_facade_1896,
    "hotellet/julebord.png": draw_christmas_party,
}


def interview_questions() -> str:
    lines = [
        f"Intervjuspørsmål – {HOTEL}",
        "",
        "Brukes når vi lager flere innlegg på én gang: still spørsmålene, ta et bilde, skriv ned svarene.",
        "Husk samtykke før noen vises i et innlegg (se listen over personer i someplan).",
        "",
    ]
    for name, question in QUESTIONS.items():
        lines += [f"{name.capitalize()}:"] + [f"  - {part.strip()}?" for part in question.split("?") if part.strip()]
        lines.append("")
    return "\n".join(lines)


# What colleagues dropped into the ideas folder (the inbox, `i`): a note from the kitchen, a
# photo from a phone, tips from the reception. All still new: the op logs (and the record ids
# tests name) are the same with or without the inbox.
IDEA_NOTES = {
    "ahmed/rakfisk.md": "Fra: Ahmed Karimi\n\n# Rakfisk-smaking før julebordet\n"
                        "Vi åpner tønna med rakfisk på torsdag. Kan vi filme det bak kulissene på kjøkkenet?\n",
    "tips fra resepsjonen.txt": "Fra: Kari Solheim\nGjestene spør oftest om turer i nærheten.\n"
                                "En serie med turtips fra resepsjonen, en tur i uka?\n",
    "Sondre - tiktok.txt": "TikTok-dans i restauranten med hele staben!\n",
    "Åse fyller 80.txt": "From: Jonas\nÅse Brekke fyller 80 i desember og har vært stamgjest siden 1979. "
                         "Historien hennes om hotellet før og nå?\n",
}
IDEA_PICTURES = {"Kari Solheim - nordlys over taket.png": "draw_northern_lights"}


def write_ideas(root: Path, seed: int) -> None:
    for relpath, text in IDEA_NOTES.items():
        path = root / relpath
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    for relpath, draw in IDEA_PICTURES.items():
        (root / relpath).write_bytes(globals()[draw](random.Random(f"{seed}:idea:{relpath}")).png())


def write_assets(root: Path, seed: int) -> None:
    for relpath, draw in PICTURES.items():
        path = root / relpath
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(draw(random.Random(f"{seed}:{relpath}")).png())
    text = root / "tekster" / "intervju-spørsmål.txt"
    text.parent.mkdir(parents=True, exist_ok=True)
    text.write_text(interview_questions(), encoding="utf-8")


# -- writing the workspace ---------------------------------------------------------------------------

class FakeClock:
    """Wall time for the op stamps: a day and time in November 2026, moved on by hand."""

    def __init__(self, rng: random.Random):
        self.rng = rng
        self.ms = 0

    def __call__(self) -> int:
        return self.ms

    def set(self, day: date, at: str) -> None:
        moment = datetime.combine(day, time.fromisoformat(at), OSLO_WINTER)
        self.ms = max(self.ms, int(moment.timestamp() * 1000))

    def pause(self, low: int = 15, high: int = 90) -> None:
        """Someone types the next record."""
        self.ms += self.rng.randint(low * 1000, high * 1000)


def identity(base: Path, name: str) -> IdentityStore:
    store = IdentityStore(base / "config", base / "state")
    store.rename(store.load(), name)
    return store


@dataclass
class Builder:
    ws: Workspace
    clock: FakeClock
    rng: random.Random
    channels: dict[str, str] = field(default_factory=dict)  # key -> id
    categories: dict[str, str] = field(default_factory=dict)  # name -> id
    people: dict[str, str] = field(default_factory=dict)  # first name -> id
    posts: dict[tuple[str | None, str, str], str] = field(default_factory=dict)  # (day, title, key) -> id

    def insert(self, table: str, doc: dict) -> str:
        self.clock.pause()
        return self.ws.insert(table, doc, record_id=new_record_id())

    def setup(self) -> None:
        settings = WorkspaceSettings(name=HOTEL, timezone="Europe/Oslo", locale="nb", asset_folder="assets/")
        self.clock.pause()
        self.ws.insert("settings", {**settings.to_doc(), "sample_date": SAMPLE_DATE.isoformat()}, "workspace")
        for key, (name, network, target, followers) in CHANNELS.items():
            counts = {date.fromisoformat(d): n for d, n in followers.items()}
            channel = Channel("", name, network, ChannelKind.OWNED, target, counts)
            self.channels[key] = self.insert("channels", channel.to_doc())
        for name, (colour, cadence, weekday, at, key, _) in CATEGORIES.items():
            category = Category("", name, colour, Cadence.parse(cadence), weekday, time.fromisoformat(at),
                                self.channels[key], QUESTIONS[name], True)
            self.categories[name] = self.insert("categories", category.to_doc())
        for name, role, consent, until in PEOPLE:
            person = Person("", name, role, consent, date.fromisoformat(until) if until else None)
            self.people[name.split()[0]] = self.insert("people", person.to_doc())
        for title, kind, start, end, notes in EVENTS:
            event = Event("", title, date.fromisoformat(start), date.fromisoformat(end), kind, notes)
            self.insert("events", event.to_doc())

    def add(self, item: Story, published_before: date) -> None:
        """One post per channel of the story; figures only for posts published before a day."""
        day = date(2026, *map(int, item.day.split("-"))) if item.day else None
        for key, slot in item.slots.items():
            at, _, status = slot.partition(" ")
            status = Status(status or (item.status if day else "idea"))  # the backlog holds ideas
            figures = {}
            if status is Status.PUBLISHED:
                if day >= published_before:
                    status = Status.SCHEDULED  # it goes out later: published and measured in a later session
                else:
                    figures = key_figures(self.rng, item, key, day)
            post = Post(
                id="",
                title=item.title,
                caption=item.captions.get(key, item.caption),
                channel=self.channels[key],
                date=day,
                time=time.fromisoformat(at) if at else None,
                status=status,
                category=self.categories[item.category],
                funnel=CATEGORIES[item.category][5],
                owner=item.owner,
                assets=item.assets,
                people=tuple(self.people[name] for name in FEATURES.get(item.title, ())),
                link=item.link,
                notes=item.notes,
                **figures,
            )
            # The issue-19 fields are set by add_strategy, the step that first wrote them.
            doc = {k: v for k, v in post.to_doc().items() if k not in MIX_FIELDS or v is not None}
            self.posts[(item.day, item.title, key)] = self.insert("posts", doc)

    def goals(self) -> None:
        for goal in sample_goals(self.channels, self.categories):
            self.insert("goals", goal.to_doc())

    def publish(self, item: Story, with_figures: bool) -> None:
        """The post went out: mark it published and, once the export has them, add its figures."""
        day = date(2026, *map(int, item.day.split("-")))
        for key in item.slots:
            fields = {"status": Status.PUBLISHED.value}
            if with_figures:
                fields |= key_figures(self.rng, item, key, day)
            self.clock.pause(5, 30)
            self.ws.update("posts", self.posts[(item.day, item.title, key)], fields)


def sample_goals(channels: dict[str, str], categories: dict[str, str]) -> tuple[Goal, ...]:
    """What the hotel wants from its posts this autumn, and how it will know (issue 19): one goal
    on track and behind in parts, one with a count noted by hand each Friday and a target the
    sample's figures cannot measure (no page-level imports), so both verdicts and the "say so" show."""
    julebord = Goal("", "Fylle julebordene", date(2026, 10, 1), date(2026, 12, 19),
                    "Alle fredager og lørdager fulle innen 1. desember.", (
        Target("eng", TargetKind.ENGAGEMENT_RATE, 5.0),
        Target("prod", TargetKind.SHARE, 25.0, category=categories["produkt"]),
        Target("fb", TargetKind.POSTS_PER_WEEK, 3.0, channel=channels["fb"]),
    ))  # fmt: skip
    calls = {date(2026, 9, 11) + timedelta(weeks=week): float(count)
             for week, count in enumerate((62, 58, 59, 54, 51, 50, 47, 46, 44, 43))}  # fmt: skip
    fewer = Goal("", "Færre telefoner til sentralbordet", date(2026, 9, 7), date(2026, 12, 31),
                 "Svar på det gjestene spør om i resepsjonen før de ringer: parkering, frokost, nordlys.", (
        Target("tlf", TargetKind.COUNT, 40.0, Direction.AT_MOST, label="telefoner om praktiske spørsmål i uka",
               recorded=calls),
        Target("ig", TargetKind.NEW_FOLLOWERS, 300.0, channel=channels["ig"]),
    ))  # fmt: skip
    return julebord, fewer


# -- issue 19: hours, formats, the target mix and earned content --------------------------------------

# Who makes the content, and the hours a week each has for it (Ingrid and Jonas make it; Kari helps).
CONTENT_TEAM = (
    ("Ingrid Berg", "markedsansvarlig", 7.0),
    ("Jonas Vik", "resepsjonen, lager innhold på fredager", 2.5),
)
HELPERS = {"Kari Solheim": 1.0}
CATEGORY_MINUTES = {"ansatte": 45, "kunder": 40, "bak kulissene": 60, "historie": 90, "produkt": 30}
# Percent of a month's posts; December leans on reels for the julebord season.
MIX_TARGETS = {"format:image": 40, "format:carousel": 15, "format:reel": 20, "format:video": 10, "surface:earned": 10,
               "surface:paid": 5, "2026-12/format:reel": 30}  # fmt: skip
# In week 50, clear of the weeks the fill and the next proposal show first on the sample's today.
EARNED_STORY = story(
    "12-10", "kunder", "Gjestens nordlysbilde fra brygga",
    "Maria Olsen fanget nordlyset over fjorden fra brygga vår en natt i november. Takk for at vi får dele, Maria!",
    ig="20:00 ready",
)
EARNED_SOURCE = ("Maria Olsen (gjest, @mariaolsen på Instagram)", "bildet på Instagram, med navn",
                 "2026-12-15")  # runs out within a month of the sample's today: the planner warns
PURPOSES = {"ansatte": "rekruttering", "produkt": "salg", "kunder": "omdømme"}


def post_format(doc: dict, network: str) -> str:
    """A format that fits what the sample's post is: TikTok films, Instagram pictures and reels, links."""
    title = str(doc.get("title", "")).casefold()
    assets = doc.get("assets") or []
    if network == "tiktok":
        return "reel" if doc.get("status") != "published" or "video" in title else "video"
    if network == "instagram":
        if any(word in title for word in ("film", "video", "slik", "dag 1", "pepperkake")):
            return "reel"
        return "carousel" if len(assets) > 1 else "image"
    if network == "linkedin":
        return "link" if doc.get("link") else "text"
    if doc.get("link") and not assets:
        return "link"
    return "carousel" if len(assets) > 1 else "image"


def add_strategy(ws: Workspace, clock: FakeClock) -> None:
    """Hours, minutes, formats, surfaces and purposes, the target mix and an earned post: what the
    strategy views (issue 19) show a newcomer on first start."""
    categories = {doc.get("name"): rid for rid, doc in ws.view("categories").items()}
    networks = {rid: doc.get("network") for rid, doc in ws.view("channels").items()}
    clock.pause()
    ws.write([("settings", "workspace", f"mix_{key}", value) for key, value in MIX_TARGETS.items()])
    for name, minutes in CATEGORY_MINUTES.items():
        clock.pause(5, 20)
        ws.update("categories", categories[name], {"minutes": minutes})
    for name, role, hours in CONTENT_TEAM:
        clock.pause()
        ws.insert("people", Person("", name, role, True, None, hours=hours).to_doc(), record_id=new_record_id())
    people = {doc.get("name"): rid for rid, doc in ws.view("people").items()}
    for name, hours in HELPERS.items():
        ws.update("people", people[name], {"hours": hours})
    purposes = {categories[name]: purpose for name, purpose in PURPOSES.items()}
    changes = []
    for rid, doc in ws.view("posts").items():
        if doc.get("date"):
            changes.append(("posts", rid, "format", post_format(doc, networks.get(doc.get("channel"), ""))))
        if doc.get("category") in purposes:
            changes.append(("posts", rid, "purpose", purposes[doc["category"]]))
        if doc.get("title") == "Black Week: 30 % på vinteropphold" and networks.get(doc.get("channel")) == "facebook":
            changes.append(("posts", rid, "surface", "paid"))  # boosted for the week
        if doc.get("title") == "Hilsen fra gjesteboka":
            # A guest's poem: earned, and nobody has asked yet (the note says so): the planner warns.
            changes += [("posts", rid, "surface", "earned"), ("posts", rid, "source", "gjesten i rom 12")]
    clock.pause()
    ws.write(changes)
    source, permission, until = EARNED_SOURCE
    day = date(2026, *map(int, (EARNED_STORY.day or "").split("-")))
    for key, slot in EARNED_STORY.slots.items():
        at, _, status = slot.partition(" ")
        channel = next(rid for rid, doc in ws.view("channels").items() if doc.get("name", "").casefold().startswith(
            {"fb": "facebook", "ig": "instagram"}[key]))
        post = Post("", EARNED_STORY.title, EARNED_STORY.caption, channel, day, time.fromisoformat(at), Status(status),
                    categories[EARNED_STORY.category], FunnelStage.CONSIDERATION, "Ingrid",
                    format=PostFormat.IMAGE, surface=Surface.EARNED, purpose="omdømme", source=source,
                    permission=permission, permission_until=date.fromisoformat(until))  # fmt: skip
        clock.pause()
        ws.insert("posts", {k: v for k, v in post.to_doc().items() if v not in (None, "", [])}, record_id=new_record_id())


def update_sample(root: Path) -> None:
    """Add the issue-19 step to an existing sample workspace (its record ids stay, so the tests that
    name them do too), written by Ingrid on her laptop, Wednesday morning after the import."""
    with tempfile.TemporaryDirectory(prefix="someplan-sample-devices-") as private:
        # A device of its own: a machine cannot write another's log (the workspace would mint a
        # new id anyway), so Ingrid does this from her laptop.
        ingrid = identity(Path(private) / "ingrid-laptop", INGRID_LAPTOP)
        clock = FakeClock(random.Random(DEFAULT_SEED + 19))
        clock.set(SAMPLE_DATE, "09:15")
        ws = Workspace.open(root, ingrid, now_ms=clock)
        add_strategy(ws, clock)
        ws.close()
    for snapshot in (root / DEVICES).glob(f"*/{SNAPSHOT_FILE}"):
        snapshot.unlink()


def build(root: Path, seed: int) -> dict[str, int]:
    """Write the sample into `root` (an empty or missing folder); the number of records per table."""
    rng = random.Random(seed)
    clock = FakeClock(random.Random(seed + 1))
    with tempfile.TemporaryDirectory(prefix="someplan-sample-devices-") as private:
        ingrid = identity(Path(private) / "ingrid", INGRID)
        jonas = identity(Path(private) / "jonas", JONAS)

        # Monday morning: Ingrid sets the workspace up and enters the autumn so far and the plan.
        clock.set(date(2026, 11, 16), "09:05")
        builder = Builder(Workspace.init(root, ingrid, now_ms=clock), clock, rng)
        write_ideas(root / "ideas", seed)
        builder.setup()
        for item in HISTORY:
            builder.add(item, published_before=date(2026, 11, 16))
        for item in PLANNED:
            builder.add(item, published_before=date(2026, 11, 16))
        builder.ws.close()

        # Tuesday after lunch: Jonas adds his ideas and corrects the julebord caption.
        clock.set(date(2026, 11, 17), "13:20")
        builder.ws = Workspace.open(root, jonas, now_ms=clock)
        for item in JONAS_POSTS:
            builder.add(item, published_before=SAMPLE_DATE)
        clock.pause()
        julebord = builder.posts[("11-20", "Siste ledige julebordsdatoer", "fb")]
        builder.ws.update("posts", julebord, {"caption": JONAS_CAPTION})
        builder.ws.close()

        # Wednesday morning (the sample's today): Ingrid imports this week's figures so far.
        clock.set(SAMPLE_DATE, "08:40")
        builder.ws = Workspace.open(root, ingrid, now_ms=clock)
        for item in HISTORY:
            if item.day and date(2026, *map(int, item.day.split("-"))) >= date(2026, 11, 16):
                builder.publish(item, with_figures=item.day < "11-18")
        guestbook = builder.posts[("11-26", "Hilsen fra gjesteboka", "fb")]
        clock.pause()
        builder.ws.update("posts", guestbook, {
            "status": Status.DRAFT.value,
            "notes": "Fint, Jonas! Spør gjesten om lov til å dele diktet og bruke navnet.",
        })
        builder.goals()
        clock.set(SAMPLE_DATE, "09:15")
        add_strategy(builder.ws, clock)
        counts = {table: len(builder.ws.view(table)) for table in
                  ("settings", "channels", "categories", "posts", "people", "events", "goals")}
        builder.ws.close()
    for snapshot in (root / DEVICES).glob(f"*/{SNAPSHOT_FILE}"):
        snapshot.unlink()  # an optimisation for big workspaces; the sample is small
    write_assets(root / "assets", seed)
    return counts


def replaceable(folder: Path) -> bool:
    """Only a workspace or an empty folder may be replaced by --force."""
    return folder.is_dir() and ((folder / WORKSPACE_FILE).is_file() or not any(folder.iterdir()))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT, help=f"where to create it (default: {DEFAULT_OUT})")
    parser.add_argument("--force", action="store_true", help="replace an existing sample workspace")
    parser.add_argument("--seed", type=int, default=DEFAULT_SEED, help="all content follows from it")
    parser.add_argument("--add-strategy", action="store_true",
                        help="add only the hours, formats, target mix and earned post to the sample at --out")
    args = parser.parse_args(argv)
    if args.add_strategy:
        update_sample(args.out.resolve())
        return 0
    out = args.out.resolve()
    if out.exists() and not args.force:
        print(f"{out} exists; add --force to replace it", file=sys.stderr)
        return 1
    if out.exists() and not replaceable(out):
        print(f"{out} is not a someplan workspace; not replacing it", file=sys.stderr)
        return 1
    out.parent.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=".~someplan-sample-", dir=out.parent))
    try:
        counts = build(staging, args.seed)
        if out.exists():
            shutil.rmtree(out)
        staging.rename(out)
    finally:
        shutil.rmtree(staging, ignore_errors=True)
    print(f"{out}: " + ", ".join(f"{n} {table}" for table, n in counts.items()))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
