"""A returned dossier: "Cần hoàn thiện" beside the resubmit button, and the refusal of a
resubmission that changed nothing (issue 10.4)."""

import re
from datetime import date

from ocop.accounts.testing import client_for
from ocop.evaluation.models import StageChange
from ocop.evaluation.services.transitions import application_transition
from ocop.evaluation.testing import new_dossier

TODAY = date(2027, 1, 4)


def returned(personas, world, items):
    application = new_dossier(personas["producer_a"], world.product_a, world.round)
    application_transition(actor=personas["producer_a"], application=application, action="submit",
                           today=TODAY)  # fmt: skip
    application_transition(actor=personas["commune_x"], application=application, action="return",
                           items=items, today=TODAY)  # fmt: skip
    return application


def block(html: str) -> str:
    found = re.search(r'<section class="to-complete".*?</section>', html, re.S)
    assert found, "no Cần hoàn thiện block"
    return found.group(0)


def text(html: str) -> str:
    return " ".join(re.sub(r"<[^>]+>", " ", html).split())


def test_returned_dossier_lists_what_to_complete_next_to_the_resubmit_button(personas, world):
    items = [
        {"item": "Tiêu chí 1.2", "reason": "Thiếu hợp đồng liên kết vùng nguyên liệu"},
        {"item": "Mẫu 02", "reason": "- Bổ sung doanh thu 2026\n- Ghi rõ số lao động\n"},
    ]
    application = returned(personas, world, items)
    html = client_for(personas["producer_a"]).get(f"/applications/{application.pk}/").content
    page = html.decode()
    found = block(page)
    assert text(found).startswith("Cần hoàn thiện Yêu cầu của commune_x ngày")
    assert found.count("data-to-complete-item") == 2
    assert "<strong>Tiêu chí 1.2</strong>: Thiếu hợp đồng liên kết vùng nguyên liệu" in found
    assert "<ul><li>Bổ sung doanh thu 2026</li><li>Ghi rõ số lao động</li></ul>" in found
    # The block sits in the stage box, before the resubmit button, not only in the history.
    assert page.index("data-to-complete") < page.index('data-action="resubmit"')
    assert page.index('data-action="resubmit"') < page.index("Lịch sử xử lý")


def test_no_block_once_resubmitted(personas, world):
    application = returned(personas, world, [{"item": "1.1", "reason": "Thiếu ảnh"}])
    client = client_for(personas["producer_a"])
    client.post(f"/applications/{application.pk}/files/", {"section": "1.3", "file": _pdf()})
    client.post(f"/applications/{application.pk}/act/resubmit/", {"confirm": "1"})
    application.refresh_from_db()
    assert application.stage == "submitted"
    page = client.get(f"/applications/{application.pk}/").content.decode()
    assert "data-to-complete" not in page


def test_unchanged_resubmission_is_refused_with_a_message(personas, world):
    application = returned(personas, world, [{"item": "1.1", "reason": "Thiếu ảnh"}])
    client = client_for(personas["producer_a"])
    changes = StageChange.objects.count()
    response = client.post(
        f"/applications/{application.pk}/act/resubmit/", {"confirm": "1"}, follow=True
    )
    application.refresh_from_db()
    assert (application.stage, StageChange.objects.count()) == ("returned", changes)
    assert "Hồ sơ chưa có thay đổi nào kể từ khi bị trả lại" in response.content.decode()


def _pdf():
    from ocop.evaluation.testing import PDF_BYTES, pdf_upload

    return pdf_upload("anh.pdf", PDF_BYTES + b"% new\n")
