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
