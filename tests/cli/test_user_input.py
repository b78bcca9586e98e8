"""What users type is read in one module (services.user_input), the same for every command and
screen: one wording for each mistake."""

import ast
import datetime as dt
from pathlib import Path

import pytest

from someplan.services import user_input
from someplan.services.errors import UserError

SERVICES = Path(user_input.__file__).resolve().parent
PARSERS = {"parse_date", "parse_time", "parse_status", "parse_statuses", "parse_week", "parse_month", "parse_network",
           "parse_cadence", "parse_weekday", "parse_kind"}  # fmt: skip


def test_the_parsers_live_in_one_module():
    assert all(callable(getattr(user_input, name)) for name in PARSERS)
    elsewhere = sorted(
        f"{path.relative_to(SERVICES)}: {node.name}"
        for path in SERVICES.rglob("*.py") if path.name != "user_input.py"
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8")))
        if isinstance(node, ast.FunctionDef) and node.name in PARSERS
    )  # fmt: skip
    assert elsewhere == []


def test_weeks_and_months_in_both_languages():
    today = dt.date(2026, 11, 18)
    assert user_input.parse_week("uke 48", today) == user_input.parse_week("2026-W48", today)
    assert user_input.parse_month("desember", today) == user_input.parse_month("Dec 2026", today) == (2026, 12)
    with pytest.raises(UserError, match=r"not a week: '99' \(use 47, 2026-W47 or 'uke 47'\)"):
        user_input.parse_week("99", today)


def test_a_bad_week_reads_the_same_in_every_command(someplan, ws):
    someplan("list", "--week", "99", "-w", ws, code=1)
    listed = someplan.err
    someplan("export", "md", "--week", "99", "-w", ws, code=1)
    assert someplan.err == listed == "someplan: not a week: '99' (use 47, 2026-W47 or 'uke 47')\n"


@pytest.mark.parametrize("word", ["none", "Ingen", " - ", ""])
def test_one_word_clears_a_field_on_every_command(someplan, ws, word):
    """A post's time, a category's time, channel and minutes, a person's consent end and hours,
    earned content's permission: the same words clear each (`parse_weekday` took "-", the post's
    time only '')."""
    pid = someplan("add", "Kari", "--date", "2026-11-23", "--time", "9:30", "--channel", "facebook", "--category", "ansatte",
                   "-w", ws).strip()  # fmt: skip
    someplan("edit", pid, "--surface", "earned", "--permission-until", "2026-12-31", "-w", ws)
    someplan("edit", pid, "--time", word, "--permission-until", word, "-w", ws)
    shown = someplan.json("show", pid, "--json", "-w", ws)
    assert shown.get("time") is None and shown.get("permission_until") is None
    someplan("category", "edit", "ansatte", "--time", "10:00", "--channel", "facebook", "--minutes", "45", "--weekday", "tue",
             "-w", ws)  # fmt: skip
    someplan("category", "edit", "ansatte", "--time", word, "--channel", word, "--minutes", word, "--weekday", word, "-w", ws)
    [category] = [c for c in someplan.json("category", "list", "--json", "-w", ws) if c["name"] == "ansatte"]
    assert all(category.get(name) is None for name in ("time", "channel", "minutes", "weekday")), category
    someplan("people", "add", "Kari", "--consent", "yes", "--until", "2027-01-01", "--hours", "7,5", "-w", ws)
    someplan("people", "edit", "Kari", "--until", word, "--hours", word, "-w", ws)
    [person] = someplan.json("people", "list", "--json", "-w", ws)
    assert person.get("consent_until") is None and person.get("hours") is None, person
