import pytest
from hypothesis import HealthCheck, settings

# Property tests must not fail because a shared CI machine is slow: no per-example deadline.
settings.register_profile("ocop", deadline=None, suppress_health_check=[HealthCheck.too_slow])
settings.load_profile("ocop")

pytest_plugins = ["ocop.accounts.testing", "tests.browser"]


@pytest.fixture(autouse=True)
def _fast_hashing(settings):
    """Tests hash with MD5 for speed; production uses Argon2 (checked in test_settings)."""
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
