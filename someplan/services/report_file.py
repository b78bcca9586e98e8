"""Writing the report like an export: atomically, by default in the workspace's exports folder
under a name with this device's id (see `exports.files` for the rules)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from someplan.services.catalog import Catalog
from someplan.services.exports.digest import Period
from someplan.services.exports.files import check_target, default_name, device_id, target_path, write_file
from someplan.services.exports.report_html import report_html
from someplan.services.report import Report, build_report, last_whole_month


def write_report(catalog: Catalog, period: Period | None, today: dt.date, output: str | None = None,
                 force: bool = False) -> tuple[Report, Path]:  # fmt: skip
    """Build the report of `period` (None: the last whole month) and write it; `output` is a file
    or a folder (None: the workspace's exports folder)."""

    from someplan.services.goals import report_lines as goal_lines
    from someplan.services.ideas import report_lines

    period = period or last_whole_month(today)
    goals = goal_lines(catalog, period.first, period.last, today)
    report = build_report(catalog, period, today, goals=goals, ideas=report_lines(catalog, period.first, period.last))
    device = device_id(catalog.workspace)
    root = catalog.workspace.root
    path = target_path(output, root, default_name("report", device, report.slug()))
    check_target(path, root, device, force)
    write_file(path, report_html(report).encode("utf-8"))
    return report, path
