"""`ocop demo`: links follow --host/--port, e-mails go to files, the output ends with the URL and
the accounts; the demo server answers /static/../ with 404; an unmigrated database is explained."""

import io
import os
import subprocess
import sys
from pathlib import Path
from wsgiref.util import setup_testing_defaults

import pytest
from django.contrib.staticfiles.management.commands.runserver import Command as Runserver
from django.core.management import call_command

from ocop.accounts.demo import DEMO_ACCOUNTS
from ocop.accounts.models import Notification
from ocop.certificates.models import Certificate
from ocop.demo.management.commands.demo import RUNSERVER_OPTIONS, demo_site_url

ROOT = Path(__file__).resolve().parents[3]


@pytest.mark.parametrize(
    ("host", "port", "url"),
    [
        ("127.0.0.1", "8080", "http://127.0.0.1:8080"),
        ("0.0.0.0", "8102", "http://127.0.0.1:8102"),
        ("demo.local", "80", "http://demo.local:80"),
        ("::1", "8000", "http://[::1]:8000"),
    ],
)
def test_site_url_follows_host_and_port(monkeypatch, host, port, url):
    monkeypatch.delenv("OCOP_SITE_URL", raising=False)
    assert demo_site_url(host, port) == url


def test_an_explicit_site_url_wins(monkeypatch, settings):
    monkeypatch.setenv("OCOP_SITE_URL", "https://ocop.example.gov.vn")
    settings.SITE_URL = "https://ocop.example.gov.vn"
    assert demo_site_url("0.0.0.0", "8080") == "https://ocop.example.gov.vn"


def test_demo_prints_links_it_serves_mails_to_files_and_ends_with_the_accounts(
    db, settings, tmp_path, monkeypatch, client, django_capture_on_commit_callbacks
):
    monkeypatch.delenv("OCOP_SITE_URL", raising=False)
    monkeypatch.delenv("OCOP_EMAIL_BACKEND", raising=False)
    settings.DATA_DIR = tmp_path
    settings.MEDIA_ROOT = tmp_path / "media"
    out = io.StringIO()
    with django_capture_on_commit_callbacks(execute=True):
        call_command("demo", "--no-serve", "--port", "8080", stdout=out)
    lines = out.getvalue().rstrip("\n").splitlines()
    assert "Content-Type" not in out.getvalue()
    assert len(lines) < 40
    assert lines[-len(DEMO_ACCOUNTS) :] == [
        line for line in lines if line.startswith("  ") and "—" in line
    ]
    assert [line.split()[0] for line in lines[-len(DEMO_ACCOUNTS) :]] == [
        username for username, *_ in DEMO_ACCOUNTS
    ]
    assert "Hệ thống OCOP (trình diễn): http://127.0.0.1:8080/" in lines
    mail_dir = tmp_path / "demo-mail"
    assert f"Thư điện tử của bản trình diễn được ghi vào tệp trong: {mail_dir}" in lines
    mails = "".join(path.read_text() for path in mail_dir.iterdir())
    assert "http://127.0.0.1:8080/" in mails
    assert "127.0.0.1:8000" not in mails
    [verify] = [line for line in lines if "/verify/" in line]
    link = verify.split(": ", 1)[1]
    assert link.startswith("http://127.0.0.1:8080/verify/")
    assert client.get(link.removeprefix("http://127.0.0.1:8080")).status_code == 200
    # Nothing stored bakes the address in: served elsewhere later, the links follow.
    assert not Notification.objects.filter(url__contains="://").exists()
    assert not Notification.objects.filter(message__contains="://").exists()
    settings.SITE_URL = "http://127.0.0.1:9000"
    certificate = Certificate.objects.get(token=link.split("/verify/")[1].split("/")[0])
    assert certificate.verification_url.startswith("http://127.0.0.1:9000/verify/")


def call_wsgi(handler, path: str) -> str:
    environ: dict = {"PATH_INFO": path}
    setup_testing_defaults(environ)
    statuses = []
    body = b"".join(handler(environ, lambda status, headers, exc=None: statuses.append(status)))
    assert body
    return statuses[0]


def test_demo_server_answers_static_traversal_with_404(db):
    handler = Runserver().get_handler(**{"insecure_serving": True, **RUNSERVER_OPTIONS})
    assert call_wsgi(handler, "/static/css/ocop.css").startswith("200")
    for path in ("/static/../README.md", "/static/css/../../config/settings.py"):
        assert call_wsgi(handler, path).startswith("404")


def test_a_command_on_a_database_never_migrated_says_what_to_run(tmp_path):
    environment = {k: v for k, v in os.environ.items() if not k.startswith(("OCOP_", "DATABASE"))}
    result = subprocess.run(
        [sys.executable, str(ROOT / "manage.py"), "export", "producers", str(tmp_path / "x.xlsx")],
        env={**environment, "OCOP_DATA_DIR": str(tmp_path)},
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 2
    assert "Traceback" not in result.stderr
    assert "Cơ sở dữ liệu chưa được khởi tạo" in result.stderr
    assert "`ocop migrate`" in result.stderr and "`bin/demo`" in result.stderr
    assert not (tmp_path / "x.xlsx").exists()
