"""`someplan export FORMAT …`: files, stdout, exit codes, one-line errors, hostile titles."""

import csv
import io
import shutil
from pathlib import Path

import pytest
from icalendar import Calendar

SAMPLE = Path(__file__).resolve().parents[2] / "sample_workspace"


@pytest.fixture(autouse=True)
def _cache(tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))


@pytest.fixture
def sample(someplan, tmp_path):
    target = tmp_path / "sample"
    shutil.copytree(SAMPLE, target)
    return str(target)


def exports(workspace: str) -> list[Path]:
    folder = Path(workspace) / "exports"
    return sorted(folder.iterdir()) if folder.exists() else []


def test_ics_is_written_to_the_workspace_exports_folder(someplan, sample):
    out = someplan("export", "ics", "-w", sample)
    (path,) = exports(sample)
    assert path.name.startswith("someplan-plan-") and path.suffix == ".ics"
    assert out.startswith("Exported ") and str(path) in out.replace("\n", "")
    count = int(out.split()[1])
    assert len(Calendar.from_ical(path.read_bytes()).walk("VEVENT")) == count > 0
    again = someplan("export", "ics", "-w", sample)  # replaces its own file
    assert again == out and exports(sample) == [path]


def test_output_dash_writes_the_file_to_stdout_and_messages_to_stderr(someplan, sample):
    out = someplan("export", "md", "--week", "48", "-w", sample, "-o", "-")
    assert out.startswith("<!-- someplan export -->\n# Fjordhotellet Solvik")
    assert "Exported" in someplan.err and exports(sample) == []


def test_each_format_writes_a_file(someplan, sample, tmp_path):
    for fmt, extra in (("html", ["--month", "2026-12"]), ("csv", ["--from", "2026-11-01", "--to", "30.11.2026"]),
                       ("markdown", []), ("hootsuite", ["--channel", "instagram", "--status", "ready,scheduled"])):  # fmt: skip
        someplan("export", fmt, "-w", sample, "-o", str(tmp_path), *extra)
    names = sorted(p.name for p in tmp_path.iterdir() if p.name.startswith("someplan-"))
    assert [n.split("-")[1] for n in names] == ["hootsuite", "plan", "plan", "posts"]
    posts = next(tmp_path.glob("someplan-posts-2026-11-01_2026-11-30-*.csv")).read_bytes()
    rows = list(csv.reader(io.StringIO(posts.decode("utf-8-sig"), newline="")))
    assert len(rows) > 1


def test_hootsuite_reports_what_it_left_out_and_strict_refuses(someplan, ws, tmp_path):
    someplan("add", "Klar og fin", "--date", "2026-11-24", "--time", "09:30", "--channel", "facebook", "--category", "ansatte",
             "--status", "ready", "-w", ws)  # fmt: skip
    someplan("add", "Skjev tid", "--date", "2026-11-25", "--time", "09:32", "--channel", "facebook", "--category", "ansatte",
             "--status", "ready", "-w", ws)  # fmt: skip
    someplan("add", "[bold]Uten tid[/bold]", "--date", "2026-11-26", "--channel", "facebook", "--category", "ansatte",
             "--status", "ready", "-w", ws)  # fmt: skip
    target = tmp_path / "fb.csv"
    out = someplan("export", "hootsuite", "--channel", "Facebook", "-w", ws, "-o", str(target))
    assert "2 posts left out:" in out
    assert "Skjev tid" in out and "not on a 5-minute mark (09:30 or 09:35)" in out
    assert "[bold]Uten tid[/bold]" in out and "no time of day" in out
    assert "Exported 1 post to" in out and "(2 posts left out)" in out
    assert target.read_bytes() == b"24/11/2026 09:30,Klar og fin,\r\n"
    target.unlink()
    someplan("export", "hootsuite", "--channel", "Facebook", "--strict", "-w", ws, "-o", str(target), code=1)
    assert "refused (--strict): 2 posts break Hootsuite's rules" in someplan.err and not target.exists()
    assert someplan.err.strip().count("\n") == 0
    out = someplan("export", "hootsuite", "--channel", "Facebook", "--date-format", "mdy", "-w", ws, "-o", "-")
    assert out == "11/24/2026 09:30,Klar og fin,\r\n"


@pytest.mark.parametrize("args, message", [
    (["hootsuite"], "a Hootsuite file is for one channel"),
    (["ics", "--week", "48", "--month", "11"], "choose one period"),
    (["md", "--week", "60"], "not a week"),
    (["md", "--month", "smarch"], "not a month"),
    (["csv", "--from", "2026-12-01", "--to", "2026-11-01"], "ends before it starts"),
    (["ics", "--channel", "Myspace"], "unknown channel 'Myspace'"),
    (["ics", "--status", "maybe"], "unknown status 'maybe'"),
    (["ics", "-o", "/no/such/folder/x.ics"], "does not exist"),
])  # fmt: skip
def test_bad_input_is_a_one_line_error(someplan, sample, args, message):
    someplan("export", *args, "-w", sample, code=1)
    assert message in someplan.err and someplan.err.count("\n") == 1 and "Traceback" not in someplan.err


def test_an_unknown_format_is_a_usage_error(someplan, sample):
    with pytest.raises(SystemExit) as stop:
        someplan("export", "nope", "-w", sample)
    assert stop.value.code == 2 and "unknown export format 'nope'" in someplan.capsys.readouterr().err


def test_a_file_someplan_did_not_write_needs_force(someplan, sample, tmp_path):
    mine = tmp_path / "plan.ics"
    mine.write_text("mine")
    someplan("export", "ics", "-w", sample, "-o", str(mine), code=1)
    assert "not written by someplan" in someplan.err and mine.read_text() == "mine"
    someplan("export", "ics", "-w", sample, "-o", str(mine), "--force")
    assert mine.read_bytes().startswith(b"BEGIN:VCALENDAR")


def test_inside_the_workspace_the_name_must_carry_the_device(someplan, sample):
    someplan("export", "md", "-w", sample, "-o", str(Path(sample) / "plan.md"), code=1)
    assert "this machine's id" in someplan.err


def test_hostile_titles_stay_text_in_every_format(someplan, ws):
    for title in ("<script>alert(1)</script>", "=HYPERLINK(\"http://x\")", "a | b", "[red]rødt[/red]"):
        someplan("add", title, "--date", "2026-11-24", "--time", "10:00", "--channel", "facebook", "--category", "ansatte",
                 "-w", ws)  # fmt: skip
    page = someplan("export", "html", "--week", "48", "-w", ws, "-o", "-")
    assert "<script>" not in page and "&lt;script&gt;alert(1)&lt;/script&gt;" in page
    text = someplan("export", "md", "--week", "48", "-w", ws, "-o", "-")
    assert "a \\| b" in text and "\\[red\\]rødt\\[/red\\]" in text
    sheet = someplan("export", "csv", "--delimiter", "comma", "-w", ws, "-o", "-")
    assert "'=HYPERLINK" in sheet


def test_bokmal_messages(someplan, ws, monkeypatch):
    monkeypatch.setenv("SOMEPLAN_LANG", "nb")
    someplan("export", "hootsuite", "-w", ws, code=1)
    assert "en Hootsuite-fil er for én kanal" in someplan.err
    out = someplan("export", "csv", "-w", ws, "-o", "-")
    assert out.startswith("\ufeffid;dato;uke;ukedag;klokkeslett;kanal")
    assert "Eksporterte 0 innlegg" in someplan.err


def test_the_help_names_every_option(capsys):
    from someplan.cli import main

    with pytest.raises(SystemExit) as done:
        main(["export", "--help"])
    assert done.value.code == 0
    out = capsys.readouterr().out
    for option in ("--from", "--to", "--week", "--month", "--channel", "--status", "--output", "--date-format", "--strict"):
        assert option in out


def test_export_wheel_draws_the_year_as_an_svg_in_the_exports_folder(someplan, sample):
    from tests.services.document_checks import check_svg

    out = someplan("export", "wheel", "--year", "2026", "-w", sample)
    (path,) = exports(sample)
    assert path.name.startswith("someplan-wheel-2026-") and path.suffix == ".svg"
    assert str(path) in out.replace("\n", "")
    assert out.startswith("Wrote the year wheel to ") and "posts planned in its year" in out  # not "Exported N posts"
    root = check_svg(path.read_text(encoding="utf-8"))
    texts = [t.text for t in root.iter("{http://www.w3.org/2000/svg}text")]
    assert "2026" in texts and "Fjordhotellet Solvik" in texts and "today" in texts  # SOMEPLAN_TODAY is in 2026
    again = someplan("export", "svg", "--year", "2026", "-w", sample)  # replaces its own file
    assert again == out and exports(sample) == [path]
    someplan("export", "wheel", "--year", "12", "-w", sample, code=1)
    assert "not a year" in someplan.err


def test_report_writes_the_period_asked_for_and_refuses_a_bad_one(someplan, sample):
    from tests.services.document_checks import check_html

    out = someplan("report", "--quarter", "2026-Q4", "-w", sample)
    (path,) = exports(sample)
    assert path.name.startswith("someplan-report-2026-q4-") and str(path) in out.replace("\n", "")
    assert out.startswith("Wrote the report for Q4 2026 to ")
    check_html(path.read_text(encoding="utf-8"))
    someplan("report", "--month", "2026-13", "-w", sample, code=1)
    assert "not a month" in someplan.err
    someplan("report", "--year", "1066", "-w", sample, code=1)


def test_an_empty_hootsuite_export_writes_nothing_and_says_so(someplan, ws, tmp_path):
    # Once a 0-byte file and "Exported 0 posts": Hootsuite refuses such a file.
    someplan("add", "Bare en idé", "--date", "2026-11-24", "--time", "09:30", "--channel", "facebook", "--category",
             "ansatte", "-w", ws)  # fmt: skip
    someplan("export", "hootsuite", "--channel", "Facebook", "-w", ws, code=1)
    assert "nothing to export: Facebook has no post with status ready from" in someplan.err
    assert someplan.err.count("\n") == 1 and exports(ws) == []
    assert someplan("export", "hootsuite", "--channel", "Facebook", "-w", ws, "-o", "-", code=1) == ""
    someplan("add", "Uten tid", "--date", "2026-11-25", "--channel", "facebook", "--category", "ansatte",
             "--status", "ready", "-w", ws)  # fmt: skip
    out = someplan("export", "hootsuite", "--channel", "Facebook", "-w", ws, "-o", str(tmp_path), code=1)
    assert "Uten tid" in out and "no time of day" in out  # the reasons are still listed
    assert "breaks Hootsuite's rules" in someplan.err and not list(tmp_path.glob("someplan-*"))
