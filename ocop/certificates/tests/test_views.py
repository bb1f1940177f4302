from datetime import date

import pytest
from django.urls import reverse

from ocop.accounts.testing import assert_matrix, client_for
from ocop.certificates.signing import sign, verification_path
from ocop.core.models import AuditEntry

pytestmark = pytest.mark.django_db

EVERYONE = [
    "anonymous", "producer_a", "producer_b", "commune_x", "commune_y", "province_p",
    "province_q", "advisor", "member", "member_conflicted", "central", "admin",
]  # fmt: skip
SEE_P = ["producer_a", "commune_x", "province_p", "central", "admin"]


def test_list_matrix(personas, certificate_p):
    url = reverse("certificates:certificate_list")
    allowed = ["producer_a", "producer_b", "commune_x", "commune_y", "province_p", "province_q",
               "central", "admin"]  # fmt: skip
    assert_matrix(personas, url, allowed)


@pytest.mark.parametrize("name", ["certificate_detail", "certificate_pdf"])
def test_detail_and_pdf_matrix(personas, certificate_p, name):
    assert_matrix(personas, reverse(f"certificates:{name}", args=[certificate_p.pk]), SEE_P)


def test_audit_trail_matrix(personas, certificate_p):
    url = f"/audit/certificates/certificate/{certificate_p.pk}/"
    assert_matrix(personas, url, ["commune_x", "province_p", "central", "admin"])


def test_revoke_form_matrix(personas, certificate_p):
    url = reverse("certificates:certificate_revoke", args=[certificate_p.pk])
    assert_matrix(personas, url, ["province_p", "admin"])


def test_revoke_post_matrix(personas, certificate_p):
    url = reverse("certificates:certificate_revoke", args=[certificate_p.pk])
    data = {"ground": "law_violation", "conclusion_date": "2026-11-20",
            "decision_number": "15/QĐ-UBND", "decision_date": "2026-11-25", "note": "",
            "confirm": "1"}  # fmt: skip

    def state():
        certificate_p.refresh_from_db()
        return certificate_p.status

    others = {k: v for k, v in personas.items() if k != "admin"}
    assert_matrix(
        others, url, ["province_p"], method="post", data=data, ok_status=(302,), state=state
    )
    assert state() == "revoked"


def test_verification_page_is_public(personas, certificate_p):
    assert_matrix(personas, verification_path(certificate_p.token), EVERYONE)


def test_verification_page_shows_validity_and_no_private_data(certificate_p):
    page = client_for(None).get(verification_path(certificate_p.token)).content.decode()
    assert "CÒN HIỆU LỰC" in page
    assert "Mật ong hoa nhãn Phú Xuyên" in page
    assert "HTX Nông nghiệp Phú Xuyên" in page
    assert "UBND thành phố Hà Nội" in page
    assert "30/06/2029" in page
    assert certificate_p.product.producer.tax_code not in page


@pytest.mark.parametrize("tamper", ["token", "signature"])
def test_tampered_verification_url_is_404(certificate_p, tamper):
    token, signature = certificate_p.token, sign(certificate_p.token)
    if tamper == "token":
        token = ("A" if token[0] != "A" else "B") + token[1:]
    else:
        signature = ("A" if signature[0] != "A" else "B") + signature[1:]
    url = reverse("certificates:verify", args=[token, signature])
    assert client_for(None).get(url).status_code == 404


def test_revoking_through_the_form_changes_the_public_page(personas, certificate_p):
    url = reverse("certificates:certificate_revoke", args=[certificate_p.pk])
    data = {"ground": "mark_misuse", "conclusion_date": "2026-11-20",
            "decision_number": "15/QĐ-UBND", "decision_date": "2026-11-25", "note": "Kiểm tra",
            "confirm": "1"}  # fmt: skip
    response = client_for(personas["province_p"]).post(url, data)
    assert response.status_code == 302
    page = client_for(None).get(verification_path(certificate_p.token)).content.decode()
    assert "ĐÃ BỊ THU HỒI" in page
    assert "Sử dụng sai biểu trưng OCOP" in page
    assert "15/QĐ-UBND" in page


def test_superseded_page_links_to_the_newer_certificate(product_p, certificate_p):
    from .conftest import issue

    newer = issue(product_p, stars=4, issue_date=date(2026, 10, 1), supersedes=certificate_p)
    page = client_for(None).get(verification_path(certificate_p.token)).content.decode()
    assert "ĐÃ ĐƯỢC THAY THẾ" in page
    assert verification_path(newer.token) in page


def test_producer_sees_only_its_own_certificates(personas, certificate_p, certificate_q):
    url = reverse("certificates:certificate_list")
    page_a = client_for(personas["producer_a"]).get(url).content.decode()
    page_q = client_for(personas["province_q"]).get(url).content.decode()
    assert certificate_p.number in page_a and certificate_q.number not in page_a
    assert certificate_q.number in page_q and certificate_p.number not in page_q


def test_list_filters_and_csv(personas, certificate_p, certificate_q):
    client = client_for(personas["admin"])
    url = reverse("certificates:certificate_list")
    page = client.get(url, {"stars": "4"}).content.decode()
    assert certificate_q.number in page and certificate_p.number not in page
    response = client.get(url, {"status": "valid", "format": "csv"})
    rows = response.content.decode("utf-8-sig").strip().splitlines()
    assert len(rows) == 3
    assert rows[1].startswith(certificate_q.number) or rows[2].startswith(certificate_q.number)


def test_product_history_partial(product_p, certificate_p):
    from django.template import Context, Template

    html = Template("{% load certificates %}{% product_history product %}").render(
        Context({"product": product_p})
    )
    assert certificate_p.number in html


def test_revoke_form_refuses_a_decision_before_the_conclusion(personas, certificate_p):
    url = reverse("certificates:certificate_revoke", args=[certificate_p.pk])
    data = {"ground": "mark_misuse", "conclusion_date": "2026-11-20",
            "decision_number": "15/QĐ-UBND", "decision_date": "2026-11-19"}  # fmt: skip
    response = client_for(personas["province_p"]).post(url, data)
    assert response.status_code == 200
    assert "Ngày quyết định thu hồi không được trước ngày có kết luận." in response.content.decode()
    certificate_p.refresh_from_db()
    assert (certificate_p.status, certificate_p.revocation_ground) == ("valid", "")


def test_five_star_revoke_page_is_for_the_centre_only(personas, product_p):
    from .conftest import issue

    certificate = issue(product_p, stars=5)
    url = reverse("certificates:certificate_revoke", args=[certificate.pk])
    assert_matrix(personas, url, ["central", "admin"])


def test_revoke_form_dates_production_stopped_from_the_commune_confirmation(
    personas, certificate_p
):
    from ocop.certificates.forms import RevokeForm

    field = RevokeForm().fields["conclusion_date"]
    assert field.label == "Ngày có kết luận (hoặc ngày UBND xã xác nhận dừng sản xuất)"
    assert field.help_text == (
        "Với căn cứ “chủ thể ngừng sản xuất”, thời hạn 15 ngày tính từ ngày UBND xã xác nhận."
    )
    url = reverse("certificates:certificate_revoke", args=[certificate_p.pk])
    page = client_for(personas["province_p"]).get(url).content.decode()
    assert "Ngày có kết luận (hoặc ngày UBND xã xác nhận dừng sản xuất)" in page
    assert "thời hạn 15 ngày tính từ ngày UBND xã xác nhận." in page
    assert "hoặc ngày UBND xã xác nhận chủ thể ngừng sản xuất (Điều 8.4" in page


def test_revoking_asks_for_confirmation_with_a_summary_first(personas, certificate_p):
    url = reverse("certificates:certificate_revoke", args=[certificate_p.pk])
    data = {"ground": "mark_misuse", "conclusion_date": "2026-11-20",
            "decision_number": "15/QĐ-UBND", "decision_date": "2026-11-25", "note": "Kiểm tra"}  # fmt: skip
    client = client_for(personas["province_p"])
    audits = AuditEntry.objects.count()
    page = client.post(url, data).content.decode()
    certificate_p.refresh_from_db()
    assert (certificate_p.status, AuditEntry.objects.count()) == ("valid", audits)
    summary = page[page.index("data-confirm-summary") : page.index("</dl>")]
    assert certificate_p.number in summary
    assert "Mật ong hoa nhãn Phú Xuyên" in summary
    assert "Sử dụng sai biểu trưng OCOP" in summary
    assert "15/QĐ-UBND — 25/11/2026" in summary
    # The confirmation re-posts the same fields with confirm=1 (no JavaScript needed).
    assert '<input type="hidden" name="decision_number" value="15/QĐ-UBND">' in page
    assert 'name="confirm" value="1"' in page
    first = client.post(url, {**data, "confirm": "1"})
    second = client.post(url, {**data, "confirm": "1"})  # a double click on "Xác nhận"
    certificate_p.refresh_from_db()
    assert (first.status_code, second.status_code, certificate_p.status) == (302, 200, "revoked")
    assert AuditEntry.objects.filter(action="certificate_revoke").count() == 1
