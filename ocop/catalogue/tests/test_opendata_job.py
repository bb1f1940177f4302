"""An admin starts the open-data build from /open-data/: a background job (ADR 0012) that runs
the same build as `ocop opendata build` and shows its summary; nobody else may start or see it."""

import json

import pytest
from django.core.management import call_command

from ocop.accounts.testing import client_for
from ocop.catalogue.opendata import build_lock, folder
from ocop.core.jobs import run_job
from ocop.core.models import AuditEntry, Job

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _data_dir(settings, tmp_path):
    settings.DATA_DIR = tmp_path
    settings.MEDIA_ROOT = tmp_path / "media"
    settings.OCOP_JOBS = "worker"  # queued only: the test runs the worker itself


def test_an_admin_starts_the_build_and_gets_the_command_summary(personas, product, capsys):
    client = client_for(personas["admin"])
    assert 'action="/open-data/build/"' in client.get("/open-data/").content.decode()
    response = client.post("/open-data/build/")
    job = Job.objects.get()
    assert response.status_code == 302 and response["Location"] == f"/jobs/{job.pk}/"
    assert (job.kind, job.status, job.title) == ("opendata_build", "queued", "Dựng lại dữ liệu mở")
    assert AuditEntry.objects.filter(action="job_enqueue", object_id=str(job.pk)).count() == 1
    assert not (folder() / "manifest.json").exists()
    assert run_job().status == "done"
    manifest = json.loads((folder() / "manifest.json").read_text(encoding="utf-8"))
    assert manifest["files"]["products.csv"]["rows"] == 1
    summary = b"".join(client.get(f"/jobs/{job.pk}/result/").streaming_content).decode()
    call_command("opendata", "build")
    assert (
        capsys.readouterr().out.replace(
            json.loads((folder() / "manifest.json").read_text(encoding="utf-8"))["built_at"],
            manifest["built_at"],
        )
        == summary + "\n"
    )
    assert (
        f'<p class="job-summary">{summary}</p>' in client.get(f"/jobs/{job.pk}/").content.decode()
    )


@pytest.mark.parametrize("persona", ["central", "province_p", "commune_x", "producer_a"])
def test_nobody_else_may_start_a_build(personas, persona):
    client = client_for(personas[persona])
    assert "/open-data/build/" not in client.get("/open-data/").content.decode()
    assert client.post("/open-data/build/").status_code == 403
    assert Job.objects.count() == 0


def test_visitors_see_no_button_and_are_sent_to_log_in(client):
    assert "/open-data/build/" not in client.get("/open-data/").content.decode()
    assert client.post("/open-data/build/").status_code == 302
    assert Job.objects.count() == 0


def test_a_build_already_running_fails_the_job_with_its_reason(personas):
    client_for(personas["admin"]).post("/open-data/build/")
    with build_lock():
        job = run_job()
    assert (job.status, job.error) == (
        "failed",
        "Một lần dựng dữ liệu mở khác đang chạy; các tệp hiện có được giữ nguyên, hãy thử lại sau.",
    )
    assert not (folder() / "manifest.json").exists()
