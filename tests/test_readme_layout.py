"""README's "Layout of the code" names every folder of the project, and only folders that exist."""

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SKIP = {"__pycache__", "__snapshots__", "LC_MESSAGES", "data"}


def layout_folders() -> set[str]:
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    section = text.split("## Layout of the code\n", 1)[1].split("\n## ", 1)[0]
    return {match.group(1).rstrip("/") for match in re.finditer(r"^    (\S+/)\s", section, re.MULTILINE)}


def package_folders() -> set[str]:
    found = {"someplan/locale/nb"}
    for init in (ROOT / "someplan").rglob("__init__.py"):
        folder = init.parent.relative_to(ROOT).as_posix()
        if folder != "someplan":
            found.add(folder)
    for child in ROOT.iterdir():
        if child.is_dir() and child.name not in {"someplan", ".git", ".venv"} and not child.name.startswith((".", "_")):
            if not child.name.endswith(".egg-info"):
                found.add(child.name)
    found.add(".ci")
    return found


def test_every_package_and_top_level_folder_is_in_the_readme_layout():
    assert package_folders() - layout_folders() == set()


def test_every_folder_the_readme_layout_names_exists():
    assert {folder for folder in layout_folders() if not (ROOT / folder).is_dir()} == set()
