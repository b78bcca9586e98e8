"""One doctor (services.doctor) behind `someplan doctor` and the planner's Doctor list."""

import json

from someplan.cli import main
from someplan.services.doctor import examine
from someplan.store.workspace import Workspace


def test_the_report_holds_the_format_the_devices_by_id_and_the_problems(sample_copy):
    bad = sample_copy / "devices" / "zzzzzzzzzzzz" / "000001.jsonl"
    bad.parent.mkdir(parents=True)
    bad.write_bytes(b"garbage")
    workspace = Workspace.open(sample_copy, writable=False)
    report = examine(workspace)
    assert report.workspace == str(sample_copy.resolve()) and report.format == workspace.format
    assert [device for device, _name in report.devices] == sorted(workspace.devices())
    assert [(p.code, p.path) for p in report.problems] == [("damaged", "devices/zzzzzzzzzzzz/000001.jsonl")]
    assert report.as_json()["problems"] == [p.as_dict() for p in workspace.problems]


def test_the_command_line_prints_the_same_report(sample_copy, capsys):
    assert main(["doctor", "--json", "-w", str(sample_copy)]) == 0
    printed = json.loads(capsys.readouterr().out)
    assert printed == examine(Workspace.open(sample_copy, writable=False)).as_json()
