"""The programme report of a unit holding more than OCOP_REPORT_JOB_THRESHOLD products is made by
a background job (ADR 0012): the same file, on the owner's job page; a smaller unit's report and
the `ocop report` command still answer at once."""

import io

import pytest
from django.core.management import call_command
from openpyxl import load_workbook
from pypdf import PdfReader

from ocop.accounts.testing import client_for
from ocop.core.jobs import run_job
from ocop.core.models import AuditEntry, Job

pytestmark = pytest.mark.django_db
XLSX = "/reports/programme/01/report.xlsx?start=2019&end=2025"
PDF = "/reports/programme/01/report.pdf?start=2019&end=2025"


@pytest.fixture
def queued(settings):
    settings.OCOP_JOBS = "worker"  # queued only: the test runs the worker itself
    settings.OCOP_REPORT_JOB_THRESHOLD = 3  # Hà Nội holds 4 products, Phú Xuyên 3


def _sheets(content: bytes) -> dict[str, list[tuple]]:
    book = load_workbook(io.BytesIO(content))
    return {sheet.title: list(sheet.iter_rows(values_only=True)) for sheet in book.worksheets}


def _result(client, job) -> bytes:
    response = client.get(f"/jobs/{job.pk}/result/")
    assert response.status_code == 200
    return b"".join(response.streaming_content)


def test_a_province_report_becomes_a_job_with_the_same_workbook(
    queued, programme, personas, settings
):
    client = client_for(personas["province_p"])
    response = client.get(XLSX)
    job = Job.objects.get()
    assert response.status_code == 302 and response["Location"] == f"/jobs/{job.pk}/"
    assert (job.status, job.kind, job.params) == (
        "queued",
        "programme_report",
        {"code": "01", "start": 2019, "end": 2025, "ext": "xlsx", "steps": True},
    )
    assert job.title == "Báo cáo Chương trình OCOP Thành phố Hà Nội 2019–2025 (XLSX)"
    assert AuditEntry.objects.filter(action="job_enqueue", object_id=str(job.pk)).count() == 1
    assert run_job().status == "done"
    job.refresh_from_db()
    assert (job.done, job.total, job.percent, job.result_filename) == (
        10,
        10,
        100,
        "bao-cao-ocop-01-2019-2025.xlsx",
    )
    page = client.get(f"/jobs/{job.pk}/").content.decode()
    assert "10 / 10 bước" in page and f"/jobs/{job.pk}/result/" in page
    settings.OCOP_REPORT_JOB_THRESHOLD = 4  # the same report, straight in the response
    direct = client.get(XLSX)
    assert direct.status_code == 200 and Job.objects.count() == 1
    assert _sheets(_result(client, job)) == _sheets(direct.content)
    assert len(_sheets(direct.content)) == 9


def test_a_province_pdf_becomes_a_job_with_the_same_pages(queued, programme, personas, settings):
    client = client_for(personas["province_p"])
    assert client.get(PDF).status_code == 302
    job = run_job()
    assert (job.status, job.done, job.total, job.result_content_type) == (
        "done",
        2,
        2,
        "application/pdf",
    )
    settings.OCOP_REPORT_JOB_THRESHOLD = 4
    direct = client.get(PDF)
    assert direct["Content-Type"] == "application/pdf"
    pages = [page.extract_text() for page in PdfReader(io.BytesIO(direct.content)).pages]
    result = PdfReader(io.BytesIO(_result(client, job))).pages
    assert [page.extract_text() for page in result] == pages


def test_a_commune_report_is_answered_at_once(queued, programme, personas):
    response = client_for(personas["commune_x"]).get(
        "/reports/programme/10273/report.xlsx?start=2019&end=2025"
    )
    assert response.status_code == 200 and response.content.startswith(b"PK")
    assert Job.objects.count() == 0


def test_only_the_owner_follows_a_report_job(queued, programme, personas):
    client_for(personas["province_p"]).get(XLSX)
    job = run_job()
    for persona in ("province_q", "commune_x", "admin"):
        other = client_for(personas[persona])
        assert other.get(f"/jobs/{job.pk}/").status_code == 404
        assert other.get(f"/jobs/{job.pk}/result/").status_code == 404


def test_a_bad_period_is_refused_before_any_job(queued, programme, personas):
    response = client_for(personas["province_p"]).get(
        "/reports/programme/01/report.xlsx?start=2025&end=2019"
    )
    assert response.status_code == 400 and Job.objects.count() == 0


def test_the_command_still_writes_the_file_itself(queued, programme, tmp_path, settings):
    settings.OCOP_REPORT_JOB_THRESHOLD = 0
    path = tmp_path / "bao-cao.xlsx"
    call_command("report", "programme", "--unit", "01", "--from", "2019", "--to", "2025",
                 "--xlsx", str(path))  # fmt: skip
    assert len(_sheets(path.read_bytes())) == 9 and Job.objects.count() == 0


def test_a_job_whose_owner_lost_the_unit_fails_without_a_file(queued, programme, personas):
    owner = personas["province_p"]
    client_for(owner).get(XLSX)
    type(owner).objects.filter(pk=owner.pk).update(province=personas["province_q"].province)
    job = run_job()
    assert (job.status, job.error, job.result_name) == (
        "failed",
        "Đơn vị này không còn trong phạm vi của bạn.",
        "",
    )
