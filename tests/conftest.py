from hypothesis import HealthCheck, settings

# CI machines are small and sometimes busy: a slow first draw or example is not a failure.
settings.register_profile("someplan", deadline=None, suppress_health_check=[HealthCheck.too_slow])
settings.load_profile("someplan")
