"""Security headers, the Content-Security-Policy's promise (no inline script in any template),
session ages by role and `ocop check --deploy` with the README's production settings."""

import os
import re
import secrets
import shlex
import subprocess
import sys
from pathlib import Path

import pytest
from django.urls import reverse

from ocop.accounts.testing import PASSWORD, make_user

ROOT = Path(__file__).resolve().parents[1]
TEMPLATE_DIRS = [ROOT / "templates", *ROOT.glob("ocop/*/templates")]
# A JSON-LD data block (`<script type="application/ld+json">`, exactly) is data, never executed,
# so the Content-Security-Policy does not apply to it: the one inline <script> a template may carry.
DATA_BLOCK = r'<script type="application/ld\+json">'
INLINE = [
    (re.compile(rf"(?!{DATA_BLOCK})<script(?![^>]*\bsrc=)[^>]*>", re.I), "inline <script>"),
    (re.compile(r"\son[a-z]+\s*=", re.I), "on*= handler"),
    (re.compile(r"javascript:", re.I), "javascript: URL"),
]


def test_every_page_sends_the_content_security_policy(client, db):
    response = client.get("/accounts/login/")
    assert response["Content-Security-Policy"] == (
        "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; "
        "img-src 'self' data:; object-src 'none'; base-uri 'self'; form-action 'self'; "
        "frame-ancestors 'none'"
    )
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Referrer-Policy"] == "same-origin"
    assert response["X-Frame-Options"] == "DENY"


def test_no_template_carries_inline_script():
    found = [
        f"{path.relative_to(ROOT)}: {what}"
        for folder in TEMPLATE_DIRS
        for path in folder.rglob("*.html")
        for pattern, what in INLINE
        if pattern.search(path.read_text())
    ]
    assert found == []


@pytest.mark.parametrize(
    ("markup", "inline"),
    [
        ('<script type="application/ld+json">{"@type": "Product"}</script>', False),
        ('<script src="/static/js/ocop.js" defer></script>', False),
        ("<script>alert(1)</script>", True),
        ('<script type="text/javascript">alert(1)</script>', True),
        ('<script type="module">alert(1)</script>', True),
        ('<script type="application/ld+json" onload="alert(1)">{}</script>', True),
        ('<script type="application/ld+json" id="x">{}</script>', True),
        ('<script type="application/json">{}</script>', True),
    ],
)
def test_only_a_json_ld_data_block_escapes_the_inline_script_rule(markup, inline):
    assert any(pattern.search(markup) for pattern, _what in INLINE) is inline


def test_base_page_loads_scripts_only_from_static_and_disables_htmx_inline_styles(client, db):
    body = client.get("/accounts/login/").content.decode()
    assert re.findall(r"<script[^>]*>", body) == [
        '<script src="/static/vendor/htmx/htmx.min.js" defer>',
        '<script src="/static/js/ocop.js" defer>',
    ]
    assert '"includeIndicatorStyles": false' in body
    assert "data-autosubmit" in body


@pytest.mark.parametrize(
    ("role", "age"), [("producer", 14 * 24 * 3600), ("province", 8 * 3600), ("admin", 8 * 3600)]
)
def test_session_age_depends_on_the_role(client, territory, role, age):
    extra = {"province": territory.province_p} if role == "province" else {}
    make_user("nguoidung", role, **extra)
    response = client.post(reverse("login"), {"username": "nguoidung", "password": PASSWORD})
    assert response.status_code == 302
    assert client.session.get_expiry_age() == age
    assert response.cookies["sessionid"]["max-age"] == age


def test_admin_login_page_gives_the_staff_session_age(client, territory):
    make_user("quantri", "admin", is_staff=True, is_superuser=True)
    response = client.post("/admin/login/", {"username": "quantri", "password": PASSWORD})
    assert response.status_code == 302
    assert client.session.get_expiry_age() == 8 * 3600


def readme_production_environment() -> dict[str, str]:
    """The `export …` lines of README's production section, with its `…` placeholders filled."""
    readme = (ROOT / "README.md").read_text()
    section = readme.split("## Production deployment", 1)[1]
    block = re.search(r"^export (.*?[^\\])$", section, re.M | re.S)
    assert block is not None
    pairs = dict(item.split("=", 1) for item in shlex.split(block.group(1).replace("\\\n", " ")))
    fill = {
        "DATABASE_URL": "postgres://ocop:secret@127.0.0.1:5432/ocop",
        "OCOP_SECRET_KEY": secrets.token_urlsafe(50),
    }
    return {key: fill.get(key, value) for key, value in pairs.items()}


def test_check_deploy_is_clean_with_the_readme_production_settings(tmp_path):
    production = readme_production_environment()
    assert production["OCOP_SECURE_COOKIES"] == "1"
    environment = {
        **{k: v for k, v in os.environ.items() if not k.startswith(("OCOP_", "DJANGO_"))},
        **production,
        "OCOP_DATA_DIR": str(tmp_path),
    }
    result = subprocess.run(
        [sys.executable, str(ROOT / "manage.py"), "check", "--deploy", "--fail-level", "DEBUG"],
        env=environment,
        capture_output=True,
        text=True,
        cwd=ROOT,
        check=False,
    )
    assert result.stderr == ""
    assert result.stdout == "System check identified no issues (1 silenced).\n"
    assert result.returncode == 0
