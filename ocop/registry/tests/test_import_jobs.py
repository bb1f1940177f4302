"""A confirmed import of more than OCOP_JOB_THRESHOLD rows is applied by a background job (ADR
0012): it checks the stored file again for its uploader and writes it all or nothing, with one
audit entry; its page shows the counts, or the errors when the data changed meanwhile."""

import pytest
from django.urls import reverse

from ocop.accounts.testing import client_for
from ocop.core.jobs import run_job
from ocop.core.models import AuditEntry, Job
from ocop.registry.jobs import queued_upload_path, upload_path
from ocop.registry.models import Producer, Product

from .test_excel import product_row, product_sheet, state

pytestmark = pytest.mark.django_db
NAMES = ["Bánh tẻ Phú Xuyên", "Giò lụa Phú Xuyên", "Mứt sen Phú Xuyên"]


@pytest.fixture
def queued(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    settings.OCOP_JOBS = "worker"  # queued only: the test runs the worker itself
    settings.OCOP_JOB_THRESHOLD = 2


def _upload(client, registry) -> str:
    sheet = product_sheet([product_row(registry.producer_x, name, price=1000) for name in NAMES])
    sheet.name = "sp.xlsx"
    response = client.post(reverse("registry:products_import"), {"file": sheet})
    assert len(response.context["plan"].creates) == 3
    return response.context["token"]


def _confirm(client, token):
    return client.post(reverse("registry:products_import_confirm", args=[token]))


def _imported() -> list[str]:
    return sorted(Product.objects.filter(name__in=NAMES).values_list("name", flat=True))


def test_a_long_import_is_applied_by_a_job_with_its_counts(queued, registry, personas):
    client = client_for(personas["commune_x"])
    token = _upload(client, registry)
    response = _confirm(client, token)
    job = Job.objects.get()
    assert response.status_code == 302 and response["Location"] == f"/jobs/{job.pk}/"
    assert (job.kind, job.status, job.params) == (
        "registry_import",
        "queued",
        {"kind": "products", "token": token, "rows": 3},
    )
    assert job.title == "Nhập danh sách sản phẩm từ Excel (3 dòng)"
    assert _imported() == []  # nothing written before the job runs
    assert not upload_path(token).exists() and queued_upload_path(token).is_file()
    assert _confirm(client, token).status_code == 404  # one attempt per upload
    assert Job.objects.count() == 1
    assert run_job().status == "done"
    job.refresh_from_db()
    assert (job.done, job.total, job.result_content_type) == (3, 3, "text/plain; charset=utf-8")
    assert _imported() == sorted(NAMES)
    entry = AuditEntry.objects.get(action="products_import")
    assert (entry.actor, entry.after["rows"], entry.after["created"]) == (
        personas["commune_x"],
        3,
        3,
    )
    assert AuditEntry.objects.filter(action__in=["product_create", "product_update"]).count() == 0
    page = client.get(f"/jobs/{job.pk}/").content.decode()
    assert '<p class="job-summary">Đã nhập: 3 tạo mới, 0 cập nhật.</p>' in page
    result = client.get(f"/jobs/{job.pk}/result/")
    assert b"".join(result.streaming_content).decode() == "Đã nhập: 3 tạo mới, 0 cập nhật."
    assert not queued_upload_path(token).exists()


def test_the_job_writes_what_the_direct_confirm_writes(queued, registry, personas, settings):
    client = client_for(personas["commune_x"])
    run = _confirm(client, _upload(client, registry))
    assert run.status_code == 302 and run_job().status == "done"
    by_job = state()
    Product.objects.filter(name__in=NAMES).delete()
    settings.OCOP_JOB_THRESHOLD = 3  # three rows: not more than the threshold, so at once
    direct = _confirm(client, _upload(client, registry))
    assert direct.status_code == 302 and direct["Location"] == reverse("registry:product_list")
    assert Job.objects.count() == 1
    assert state() == by_job
    job_entry, direct_entry = AuditEntry.objects.filter(action="products_import").order_by("id")
    assert (job_entry.summary, job_entry.actor) == (direct_entry.summary, direct_entry.actor)


def test_a_file_that_no_longer_passes_fails_the_job_and_writes_nothing(queued, registry, personas):
    client = client_for(personas["commune_x"])
    token = _upload(client, registry)
    assert _confirm(client, token).status_code == 302
    # Meanwhile the producer moved out of the officer's commune.
    Producer.objects.filter(pk=registry.producer_x.pk).update(commune=registry.producer_y.commune)
    before = state()
    job = run_job()
    assert job.status == "failed"
    assert job.error.startswith(
        "Dữ liệu đã thay đổi từ lúc xem trước: 3 lỗi, chưa ghi gì vào hệ thống. Dòng 2"
    )
    assert state() == before and _imported() == []
    assert AuditEntry.objects.filter(action="products_import").count() == 0
    assert not queued_upload_path(token).exists()
    page = client.get(f"/jobs/{job.pk}/").content.decode()
    assert 'role="alert">Dữ liệu đã thay đổi từ lúc xem trước' in page


def test_only_the_uploader_confirms_and_follows_the_import(queued, registry, personas):
    client = client_for(personas["commune_x"])
    token = _upload(client, registry)
    other = client_for(personas["province_p"])
    assert _confirm(other, token).status_code == 404
    assert Job.objects.count() == 0 and upload_path(token).is_file()
    _confirm(client, token)
    job = run_job()
    for persona in ("province_p", "commune_y", "admin"):
        assert client_for(personas[persona]).get(f"/jobs/{job.pk}/").status_code == 404
        assert client_for(personas[persona]).get(f"/jobs/{job.pk}/result/").status_code == 404
