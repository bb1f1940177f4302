"""The 5★ hand-off pages (Art. 7.3.e, 6.3.a, 7.4.g) and the major-changes flag (Art. 7.6.c): the
province prepares from the dossier page, sending asks for confirmation first, a commune officer is
refused with nothing changed."""

from datetime import date

import pytest

from ocop.accounts.testing import client_for
from ocop.evaluation.models import Application, FiveStarDossier
from ocop.evaluation.services import fivestar

from .test_fivestar_7_4 import proposed  # noqa: F401 (fixture)

pytestmark = pytest.mark.django_db


def test_art_7_3_e_prepare_from_the_dossier_page_on_11_jun_2027(proposed, personas):  # noqa: F811
    officer = client_for(personas["province_p"])
    page = officer.get(f"/applications/{proposed.pk}/").content.decode()
    assert f'href="/applications/{proposed.pk}/five-star/"' in page
    refused = client_for(personas["commune_x"]).post(f"/applications/{proposed.pk}/five-star/",
                                                     {"on": "2027-06-11"})  # fmt: skip
    assert refused.status_code == 403
    assert FiveStarDossier.objects.count() == 0
    response = officer.post(f"/applications/{proposed.pk}/five-star/",
                            {"on": "2027-06-11", "signer": "Nguyễn Văn A", "signer_title": "head"})  # fmt: skip
    dossier = FiveStarDossier.objects.get()
    assert response.url == f"/five-star/{dossier.pk}/"
    assert (dossier.approval_number, dossier.approved_on) == ("02/QĐ-UBND", date(2027, 6, 11))
    detail = officer.get(response.url).content.decode()
    assert detail.count("data-part=") == 7
    assert "data-fivestar-send" in detail


def test_art_7_3_e_sending_asks_first_then_sends(proposed, personas):  # noqa: F811
    dossier = fivestar.fivestar_prepare(actor=personas["province_p"], application=proposed,
                                        on=date(2027, 6, 11))  # fmt: skip
    officer = client_for(personas["province_p"])
    url = f"/five-star/{dossier.pk}/send/"
    first = officer.post(url, {"on": "2027-06-12"})
    assert first.status_code == 200 and 'name="confirm"' in first.content.decode()
    dossier.refresh_from_db()
    assert dossier.status == "preparing"
    assert (
        client_for(personas["commune_x"])
        .post(url, {"on": "2027-06-12", "confirm": "1"})
        .status_code
        == 403
    )
    assert (
        client_for(personas["central"]).post(url, {"on": "2027-06-12", "confirm": "1"}).status_code
        == 403
    )
    dossier.refresh_from_db()
    assert dossier.status == "preparing"
    officer.post(url, {"on": "2027-06-12", "confirm": "1"})
    dossier.refresh_from_db()
    assert (dossier.status, dossier.sent_on) == ("sent", date(2027, 6, 12))


def test_art_7_6_c_commune_flags_major_changes_on_the_dossier_page(personas, world):
    """Art. 7.6.c: the commune officer sets "có thay đổi lớn" with a note while it checks a
    re-evaluation (stage submitted); the producer cannot."""
    from ocop.evaluation.testing import new_dossier

    application = new_dossier(personas["producer_a"], world.product_a, world.round)
    Application.objects.filter(pk=application.pk).update(kind="reevaluation", stage="submitted",
                                                         filed_on=date(2026, 7, 20))  # fmt: skip
    url = f"/applications/{application.pk}/major-changes/"
    data = {"major_changes": "1", "note": "Mở rộng xưởng lên 500 m²."}
    assert client_for(personas["producer_a"]).post(url, data).status_code == 403
    commune = client_for(personas["commune_x"])
    assert "data-major-changes" in commune.get(f"/applications/{application.pk}/").content.decode()
    commune.post(url, data)
    application.refresh_from_db()
    assert (application.major_changes, application.major_changes_note) == (
        True, "Mở rộng xưởng lên 500 m².")  # fmt: skip
