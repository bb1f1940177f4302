"""Background jobs (ADR 0012): a long export runs off the request, its owner follows a progress
page and downloads the result; nobody else sees it; two workers never run one job; a failing job
says so and the worker goes on."""

import io
import time
import uuid

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from openpyxl import load_workbook

from ocop.accounts.testing import client_for
from ocop.core.jobs import JobResult, run_job
from ocop.core.models import AuditEntry, Job
from ocop.core.services import job_claim, job_enqueue
from ocop.core.testing import run_at_once
from ocop.registry.testing import make_producer, make_product

pytestmark = pytest.mark.django_db


@pytest.fixture
def products(territory, personas):
    producer = make_producer(territory.commune_x, "HTX Phú Xuyên", 1, personas["producer_a"])
    return [make_product(producer, f"Sản phẩm {n}") for n in range(7)]


@pytest.fixture
def queued(settings):
    settings.OCOP_JOBS = "worker"  # queued only: the test runs the worker itself
    settings.OCOP_JOB_THRESHOLD = 5


def _rows(content: bytes) -> list[tuple]:
    sheet = load_workbook(io.BytesIO(content)).active
    return [tuple(row) for row in sheet.iter_rows(min_row=2, values_only=True)]


def test_a_long_export_becomes_a_job_with_the_same_file(queued, products, personas, settings):
    client = client_for(personas["province_p"])
    response = client.get("/products/export.xlsx", {"q": "san pham"})
    job = Job.objects.get()
    assert response.status_code == 302 and response["Location"] == f"/jobs/{job.pk}/"
    assert (job.status, job.kind, job.params["query"]) == (
        "queued",
        "registry_export",
        {"q": ["san pham"]},
    )
    assert AuditEntry.objects.filter(action="job_enqueue", object_id=str(job.pk)).count() == 1
    page = client.get(f"/jobs/{job.pk}/").content.decode()
    assert 'data-status="queued"' in page and 'hx-trigger="every 1s"' in page
    assert run_job().status == "done"
    job.refresh_from_db()
    assert (job.done, job.total, job.percent) == (7, 7, 100)
    page = client.get(f"/jobs/{job.pk}/", headers={"HX-Request": "true"}).content.decode()
    assert (
        'data-status="done"' in page and "hx-get" not in page and f"/jobs/{job.pk}/result/" in page
    )
    result = client.get(f"/jobs/{job.pk}/result/")
    assert result.status_code == 200
    settings.OCOP_JOB_THRESHOLD = 100  # the same list, straight in the response
    direct = client.get("/products/export.xlsx", {"q": "san pham"})
    assert _rows(b"".join(result.streaming_content)) == _rows(direct.content)
    assert len(_rows(direct.content)) == 7


def test_only_the_owner_follows_and_downloads_a_job(queued, products, personas):
    client_for(personas["province_p"]).get("/products/export.xlsx")
    job = run_job()
    for persona in ("province_q", "commune_x", "producer_a", "admin"):
        other = client_for(personas[persona])
        assert other.get(f"/jobs/{job.pk}/").status_code == 404
        assert other.get(f"/jobs/{job.pk}/result/").status_code == 404
    assert client_for(None).get(f"/jobs/{job.pk}/").status_code == 302
    assert client_for(personas["province_p"]).get(f"/jobs/{uuid.uuid4()}/").status_code == 404


def test_a_short_list_is_exported_at_once(queued, products, personas, settings):
    settings.OCOP_JOB_THRESHOLD = 7
    response = client_for(personas["province_p"]).get("/products/export.xlsx")
    assert response.status_code == 200 and Job.objects.count() == 0


def broken_job(job, progress):
    raise RuntimeError("boom")


def small_job(job, progress):
    progress(1, 1)
    return JobResult(b"xong", "ket-qua.txt", "text/plain")


def test_a_failing_job_says_so_and_the_worker_goes_on(queued, personas, settings):
    settings.OCOP_JOB_KINDS = {
        "broken": "ocop.registry.tests.test_jobs.broken_job",
        "small": "ocop.registry.tests.test_jobs.small_job",
    }
    owner = personas["province_p"]
    first = job_enqueue(actor=owner, kind="broken", title="Hỏng", params={})
    second = job_enqueue(actor=owner, kind="small", title="Nhỏ", params={})
    call_command("jobs", "work", "--once", stdout=io.StringIO())
    first.refresh_from_db()
    second.refresh_from_db()
    assert first.status == "failed" and "Có lỗi khi thực hiện" in first.error
    assert second.status == "done"
    page = client_for(owner).get(f"/jobs/{first.pk}/").content.decode()
    assert 'role="alert"' in page and "Có lỗi khi thực hiện" in page
    assert client_for(owner).get(f"/jobs/{first.pk}/result/").status_code == 404


def test_an_unknown_kind_is_refused_and_nothing_is_queued(queued, personas):
    with pytest.raises(ValueError):
        job_enqueue(actor=personas["province_p"], kind="nope", title="?", params={})
    assert Job.objects.count() == 0


@pytest.mark.django_db(transaction=True)
def test_two_workers_never_take_the_same_job(queued, personas):
    job = job_enqueue(actor=personas["province_p"], kind="registry_export", title="Xuất",
                      params={"kind": "products", "query": {}})  # fmt: skip
    race = run_at_once(lambda: job_claim(job.pk))
    assert race.errors == []
    assert [claimed.pk for claimed in race.results if claimed is not None] == [job.pk]
    assert Job.objects.get().status == "running"


@pytest.mark.django_db(transaction=True)
def test_in_thread_mode_the_web_process_runs_the_job(settings, territory, personas):
    settings.OCOP_JOBS = "thread"
    settings.OCOP_JOB_KINDS = {"small": "ocop.registry.tests.test_jobs.small_job"}
    job = job_enqueue(actor=personas["province_p"], kind="small", title="Nhỏ", params={})
    deadline = time.monotonic() + 20
    while Job.objects.get(pk=job.pk).status != "done":
        assert time.monotonic() < deadline, "the job thread did not finish"
        time.sleep(0.05)


def test_the_command_says_how_to_use_it():
    with pytest.raises(CommandError) as error:
        call_command("jobs")
    assert error.value.returncode == 2 and "ocop jobs work" in str(error.value)
    with pytest.raises(CommandError) as error:
        call_command("jobs", "work", "--sleep", "0")
    assert error.value.returncode == 2
