import pytest

pytest_plugins = ["ocop.accounts.testing", "tests.browser"]


@pytest.fixture(autouse=True)
def _fast_hashing(settings):
    """Tests hash with MD5 for speed; production uses Argon2 (checked in test_settings)."""
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
