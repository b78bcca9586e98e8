"""The style sheets as parsed at the last start (tui/parsed_styles.py): the same rules as a fresh
parse, and a bad or foreign file is parsed anew."""

import pytest

from someplan.tui import parsed_styles


@pytest.fixture(autouse=True)
def _fresh():
    parsed_styles.forget()
    yield
    parsed_styles.forget()


def _described(rules) -> list[str]:
    return [repr((rule.selectors, sorted(rule.styles.get_rules().items(), key=repr), rule.is_default_rules, rule.tie_breaker))
            for rule in rules]  # fmt: skip


def _rules(app) -> list[str]:
    return _described(app.stylesheet.rules)


def _counting_parses(monkeypatch) -> list[str]:
    """The sheets Textual parses from now on (what the parse cache did not have)."""
    import textual.css.stylesheet as sheets

    parsed: list[str] = []
    real = sheets.parse

    def parse(scope, css, *args, **kwargs):
        parsed.append(css)
        return real(scope, css, *args, **kwargs)

    monkeypatch.setattr(sheets, "parse", parse)
    return parsed


async def _started(app):
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        return _rules(app)


async def test_what_is_kept_is_what_a_fresh_parse_gives(make_app, monkeypatch):
    import textual.css.stylesheet as sheets

    from someplan.tui.screens import main

    monkeypatch.setattr(main, "PRELOAD_AFTER_S", 60)  # the screens' own sheets: not in this start
    real = sheets.parse
    parsed = _counting_parses(monkeypatch)
    first = make_app()
    await _started(first)
    parsed_styles.keep(first.stylesheet, first.get_css_variables())
    assert parsed and parsed_styles._path().is_file()

    parsed_styles.forget()
    parsed.clear()
    again = make_app()  # as the next start: the kept rules fill its parse cache
    await _started(again)
    assert parsed == []  # not one sheet parsed
    sheet = again.stylesheet
    for css, read_from, is_default, tie_breaker, scope in list(sheet._parse_cache.keys()):
        kept = sheet._parse_cache[(css, read_from, is_default, tie_breaker, scope)]
        fresh = list(real(scope, css, read_from, variable_tokens=sheet._variable_tokens, is_default_rules=is_default,
                          tie_breaker=tie_breaker))  # fmt: skip
        assert _described(kept) == _described(fresh)


@pytest.mark.parametrize("content", [b"", b"not a pickle", b"\x80\x05N."])
async def test_a_damaged_file_is_parsed_anew(make_app, content):
    path = parsed_styles._path()
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(content)
    fresh_app = make_app()
    rules = await _started(fresh_app)
    assert rules and "#plan-list" in " ".join(rules)


async def test_rules_kept_for_other_theme_variables_are_not_used(make_app):
    first = make_app()
    await _started(first)
    parsed_styles.keep(first.stylesheet, first.get_css_variables())
    parsed_styles.forget()

    from textual.css.stylesheet import Stylesheet

    other = Stylesheet()
    parsed_styles.fill(other, {**first.get_css_variables(), "primary": "#123456"})
    same = Stylesheet()
    parsed_styles.fill(same, first.get_css_variables())
    assert getattr(other._parse_cache, "pending", {}) == {} and same._parse_cache.pending != {}


async def test_the_sheets_parsed_as_the_editor_is_built_ahead_are_kept_too(make_app, monkeypatch):
    """Kept once the editor built ahead has composed: the next start parses no sheet at all, its
    screens' and the editor's included."""

    from someplan.tui.screens import main

    monkeypatch.setattr(main, "PRELOAD_AFTER_S", 0.01)
    monkeypatch.setattr(main, "KEEP_STYLES_AFTER_S", 0.01)
    path = parsed_styles._path()
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        for _ in range(500):  # the preload, the editor and the timer: events, not a fixed sleep
            if path.is_file() and "TextArea" in path.read_bytes().decode("latin-1"):
                break
            await pilot.pause(0.01)
    assert "TextArea" in path.read_bytes().decode("latin-1")

    parsed_styles.forget()
    parsed = _counting_parses(monkeypatch)
    again = make_app()
    async with again.run_test(size=(120, 40)) as pilot:
        for _ in range(500):
            if again.screen_stack[0]._settled.is_set() and not again.workers and "PostEditor" in again._registry.__repr__():
                break
            await pilot.pause(0.01)
        await pilot.pause(0.1)
    assert parsed == []


def test_only_the_sheets_read_are_unpickled_and_a_damaged_one_is_parsed_anew(monkeypatch):
    from textual.css.stylesheet import Stylesheet

    variables = {"accent": "#ff0000"}

    def sheet(*names: str) -> Stylesheet:
        made = Stylesheet(variables=variables)
        for name in names:
            made.add_source(f"#{name} {{ color: $accent; height: 3; }}", read_from=(f"{name}.tcss", ""))
        return made

    first = sheet("read", "later")
    first.parse()
    parsed_styles.keep(first, variables)
    parsed_styles.forget()

    parsed = _counting_parses(monkeypatch)
    again = sheet("read")  # the sheet of a screen not opened yet is not read
    parsed_styles.fill(again, variables)
    again.parse()
    assert parsed == []  # from the file
    assert [key[1][0] for key in again._parse_cache.pending] == ["later.tcss"]  # still a pickle
    assert _described(again.rules) == _described(sheet_parsed("read", sheet))

    parsed.clear()
    broken = sheet("read", "later")
    parsed_styles.fill(broken, variables)
    broken._parse_cache.pending = {key: b"\x80damaged" for key in broken._parse_cache.pending}
    broken.parse()
    assert len(parsed) == 2  # both parsed anew
    parsed.clear()
    assert _described(broken.rules) == _described(sheet_parsed("read", sheet, "later"))


def sheet_parsed(name, make, *more):
    fresh = make(name, *more)
    fresh.parse()
    return fresh.rules
