"""The command line in Bokmål: every command a user meets, no English left; `someplan language`."""

import re
import shutil
from pathlib import Path

import pytest

from someplan.cli import main

SAMPLE = Path(__file__).resolve().parents[2] / "sample_workspace"
DATA = Path(__file__).resolve().parents[1] / "data"

# Words of someplan's English UI. The sample's own data is Norwegian (its English words, like
# "Black Week", are capitalised), so one of these in Bokmål output is a string left untranslated.
ENGLISH = re.compile(
    r"\b(?:week|weeks|posts?|planned|channels?|category|categories|the|error|usage|files?|new|unused|missing"
    r"|published|scheduled|draft|drafts|ready|idea|reach|engagement|followers|overdue|this|with|and|of|none"
    r"|never|options|arguments|required|show|help|message|exit|invalid|choose|unknown|known|found|problems"
    r"|Next|Planned|Problems|Campaigns|Assets|Last|Categories|Key|Language|Chosen|Your|The|Batch|Drafts)\b"
    r"|\bno "
)
# Not prose: option names (--week), command names (someplan list, "    show   …" in the help).
NOT_PROSE = re.compile(r"--?[\w-]+|\bsomeplan \w+|^ {4}\w+ ", re.MULTILINE)


def english_in(text: str) -> list[str]:
    """The English UI words left in `text`, with the line each is on."""
    found = []
    for line in NOT_PROSE.sub(" ", text).splitlines():
        found += [f"{word.group(0)!r} in {line.strip()!r}" for word in ENGLISH.finditer(line)]
    return found


@pytest.fixture
def sample(tmp_path):
    path = tmp_path / "sample"
    shutil.copytree(SAMPLE, path)
    return str(path)


@pytest.fixture
def bokmal(someplan, monkeypatch):
    monkeypatch.setenv("SOMEPLAN_LANG", "nb")
    return someplan


def _usage(capsys, *args) -> str:
    with pytest.raises(SystemExit) as exit:
        main(list(args))
    out, err = capsys.readouterr()
    assert exit.value.code in (0, 2), (args, exit.value.code)
    return out + err


def test_the_scanner_finds_english():
    assert english_in("Next proposal: Sat 28 Nov (ahead): new draft") == [
        "'Next' in 'Next proposal: Sat 28 Nov (ahead): new draft'",
        "'new' in 'Next proposal: Sat 28 Nov (ahead): new draft'",
        "'draft' in 'Next proposal: Sat 28 Nov (ahead): new draft'",
    ]
    assert english_in("Neste forslag: lør 28. nov (i forkant): nytt utkast · --week 48 · someplan list") == []


def test_status_in_bokmal(bokmal, sample):
    for args in (("status", sample), ("status", sample, "--week", "48")):
        out = bokmal(*args)
        assert english_in(out) == [], out
    out = bokmal("status", sample, "--week", "48")
    assert out.splitlines()[0] == "Fjordhotellet Solvik · uke 48 · 23.–29. nov"
    assert re.search(r"^fre 27\. nov +★ Black Friday", out, re.MULTILINE)
    assert re.search(r"^søn 29\. nov +★ Første søndag i advent", out, re.MULTILINE)
    assert "Planlagt mot mål:" in out and "planlagt" in out and "Kampanjer:" in out


def test_status_json_keeps_its_english_keys(bokmal, sample):
    report = bokmal.json("status", sample, "--json")
    assert {"week", "days", "channels", "categories_due", "next_proposal", "figures", "problems"} <= set(report)
    assert report["week"]["label"] == "uke 47 · 16.–22. nov"  # the human text is in the language spoken
    assert report["days"][0]["posts"][0]["status"] == "published"  # values for scripts stay as stored


def test_every_command_a_user_meets_speaks_bokmal(bokmal, sample):
    first = bokmal.json("list", "-w", sample, "--week", "47", "--json")[0]["id"]
    device = next(Path(sample).glob("devices/*/device.json")).parent
    (device / "000099.jsonl").write_bytes(b"garbage\n")
    (device / "000098.jsonl").write_bytes(b"")
    commands = [
        ("list", "-w", sample, "--week", "48"),
        ("show", first, "-w", sample),
        ("history", first, "-w", sample),
        ("doctor", "-w", sample),
        ("channel", "list", "-w", sample),
        ("category", "list", "-w", sample),
        ("people", "list", "-w", sample),
        ("figures", "-w", sample, "--weeks", "4", "--by", "weekday"),
        ("assets", "-w", sample),
        ("batch", "ansatte", "--people", "Kari Solheim, Sondre Lid, Lise Haugland", "--day", "2026-11-24", "-w", sample),
        ("import", str(DATA / "meta_facebook_posts.csv"), "-w", sample, "--dry-run"),
        ("language", "-w", sample),
    ]
    for args in commands:
        out = bokmal(*args, code=1 if args[0] == "doctor" else 0)  # doctor lists an error: exit 1
        assert english_in(out) == [], (args, out)
    doctor = bokmal("doctor", "-w", sample, code=1)
    assert (
        "feil" in doctor
        and "uleselige linjer: 1" in doctor
        and "advarsel" in doctor
        and "tom (synkroniseres fortsatt?)" in doctor
    )


def test_help_and_usage_errors_in_bokmal(bokmal, capsys):
    for args in (("--help",), ("add", "--help"), ("status", "--help"), ("language", "--help"), ("campaign", "--help"),
                 ("campaign", "add", "--help"), ("people", "add", "--help"), ("export", "--help"), ("report", "--help")):
        out = _usage(capsys, *args)
        assert out.startswith("bruk: someplan") and "valg:" in out, out
        assert english_in(out) == [], (args, out)
        assert not {"MONTH", "YEAR", "QUARTER", "OUTPUT"} & set(out.replace("[", " ").replace("]", " ").split()), out
    # every NOUN ACTION command is built alike: its value names and -w explained in Bokmål too
    assert "HANDLING ..." in _usage(capsys, "campaign", "--help")
    out = _usage(capsys, "campaign", "add", "--help")
    assert "--kind TYPE" in out and "mappen med arbeidsområdet" in out
    out = _usage(capsys, "add")
    assert "someplan add: feil: disse argumentene må være med: tittel, --date, --channel, --category" in out
    assert english_in(out) == []
    out = _usage(capsys, "language", "fr")
    assert "ugyldig valg: 'fr' (velg blant 'nb', 'en')" in out


def test_user_errors_in_bokmal(bokmal, sample):
    bokmal("show", "nope", "-w", sample, code=1)
    assert bokmal.err == "someplan: ingen innlegg med id 'nope' (se: someplan list)\n"
    bokmal("add", "x", "--date", "2026-11-23", "--channel", "MySpace", "--category", "kunder", "-w", sample, code=1)
    assert bokmal.err.startswith("someplan: ukjent kanal 'MySpace'; kjente: Facebook, Instagram")
    bokmal("list", "--week", "99", "-w", sample, code=1)
    assert bokmal.err == "someplan: ikke en uke: '99' (skriv 47, 2026-W47 eller 'uke 47')\n"
    bokmal("status", "/no/such/folder", code=1)
    assert bokmal.err == "someplan: mappen finnes ikke: /no/such/folder\n"
    for err in (bokmal.err,):
        assert english_in(err) == []


def test_english_is_english(someplan, sample):
    out = someplan("status", sample, "--week", "48")
    assert out.splitlines()[0] == "Fjordhotellet Solvik · week 48 · 23–29 Nov"
    assert re.search(r"^Fri 27 Nov +★ Black Friday", out, re.MULTILINE)
    assert re.search(r"^Sun 29 Nov +★ First Sunday of Advent", out, re.MULTILINE)


# -- someplan language --------------------------------------------------------------------------


@pytest.fixture
def unset(monkeypatch):
    """No language from the environment: the user's choice and the workspace decide."""
    for name in ("SOMEPLAN_LANG", "LC_ALL", "LC_MESSAGES", "LANG"):
        monkeypatch.delenv(name, raising=False)


def test_language_says_which_and_why(someplan, ws):
    out = someplan("language", "-w", ws)
    assert "Language:        English (en)" in out and "Chosen by:       $SOMEPLAN_LANG is set" in out
    assert "The workspace:   Solvik · norsk bokmål" in out


def test_the_order_is_environment_then_user_then_workspace(someplan, ws, unset, monkeypatch):
    out = someplan("language", "-w", ws)
    assert "Språk:" in out and "norsk bokmål (nb)" in out and "innstillingen i arbeidsområdet" in out
    assert someplan("status", ws).startswith("Solvik · uke 47")

    out = someplan("language", "en", "-w", ws)  # the user's own choice beats the workspace's
    assert out.startswith("You have chosen English on this machine.") and "your own choice on this machine" in out
    assert someplan("status", ws).startswith("Solvik · week 47")

    ops = _ops(ws)
    out = someplan("language", "--workspace", "en", "-w", ws)
    assert out.startswith("The workspace Solvik now speaks English for everyone who opens it.")
    assert _ops(ws) == ops + 1  # one op, the setting
    assert someplan("language", "--workspace", "en", "-w", ws).startswith("The workspace Solvik speaks English already.")
    assert _ops(ws) == ops + 1

    someplan("language", "nb", "-w", ws)
    assert someplan("status", ws).startswith("Solvik · uke 47")  # the user's nb over the workspace's en
    monkeypatch.setenv("SOMEPLAN_LANG", "en")
    assert someplan("status", ws).startswith("Solvik · week 47")  # the environment over both
    assert "$SOMEPLAN_LANG is set" in someplan("language", "-w", ws)
    monkeypatch.delenv("SOMEPLAN_LANG")

    out = someplan("language", "--reset", "-w", ws)  # back to the workspace's: English now
    assert out.startswith("Your own choice is dropped.") and "Chosen by:       the workspace's setting" in out
    assert "Your own choice: none" in out and "Solvik · English" in out
    assert someplan("status", ws).startswith("Solvik · week 47")


def test_help_speaks_the_last_workspace_language(someplan, ws, unset, capsys):
    someplan("status", ws)  # remembers the workspace's locale (nb) for commands before one is open
    assert _usage(capsys, "--help").startswith("bruk: someplan")


def _ops(ws) -> int:
    return sum(len(path.read_bytes().splitlines()) for path in Path(ws).glob("devices/*/*.jsonl"))
