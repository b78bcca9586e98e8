from hypothesis import HealthCheck, settings

# CI machines are small and sometimes busy: a slow first draw or example is not a failure.
settings.register_profile("someplan", deadline=None, suppress_health_check=[HealthCheck.too_slow])
settings.load_profile("someplan")


import pytest  # noqa: E402

from someplan import i18n  # noqa: E402


@pytest.fixture(autouse=True)
def _speak_english(monkeypatch):
    """Tests read English unless they ask for Bokmål (monkeypatch SOMEPLAN_LANG=nb)."""
    monkeypatch.setenv(i18n.ENV_VAR, "en")
    i18n.set_language("en")
    yield
    i18n.set_language("en")


@pytest.fixture(autouse=True)
def _own_user_dirs(monkeypatch, tmp_path_factory):
    """Every test has its own config, state and cache folders (a test may set its own): none
    reads what another left in them, and none writes into the real user's."""
    home = tmp_path_factory.mktemp("user")
    for variable in ("XDG_CONFIG_HOME", "XDG_STATE_HOME", "XDG_CACHE_HOME"):
        monkeypatch.setenv(variable, str(home / variable.lower()))
