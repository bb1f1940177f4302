"""Regressions for reviewed holes: paper-sheet reads and writes, conflicted managers, formula
cells in the workbook, oversize workbooks, carried evidence, image bombs, duplicate visibility."""

import io
from datetime import date

import pytest
from django.core.exceptions import PermissionDenied
from django.core.files.uploadedfile import SimpleUploadedFile
from openpyxl import load_workbook
from PIL import Image

from ocop.accounts.testing import client_for
from ocop.evaluation.models import Application, EvidenceFile, ScoreSheet, Session, SessionItem
from ocop.evaluation.services.applications import application_create
from ocop.evaluation.services.councils import conflict_declare
from ocop.evaluation.services.files import evidence_remove, evidence_upload
from ocop.evaluation.services.sessions import item_outcome_record
from ocop.evaluation.services.sheets import (
    ONLINE_SHEET,
    item_sheet,
    sheet_revise,
    sheet_save,
    sheet_submit,
)
from ocop.evaluation.spreadsheets import MAX_WORKBOOK_BYTES, TOO_BIG, read_workbook
from ocop.evaluation.testing import answers_totalling, new_dossier, pdf_upload
from ocop.evaluation.uploads import TOO_MANY_PIXELS, UploadRefused, check_content

from .test_services_applications import MAU03, act

pytestmark = pytest.mark.django_db


def form_data(item, total, **extra):
    answers = answers_totalling(item_sheet(item), total)
    return {**{f"score_{c}": str(p) for c, p in answers.items()}, **extra}


def paper_url(item, member):
    return f"/sheets/{item.pk}/paper/{member.pk}/"


def shown(page):
    html = page.content.decode()
    return html.count(" checked>"), 'data-sheet-total="0"' in html


def sheet_rows(item):
    return list(ScoreSheet.objects.filter(item=item).order_by("pk").values_list(
        "member_id", "status", "total", "on_paper", "entered_by_id", "version"))  # fmt: skip


@pytest.mark.parametrize("submitted", [False, True])
def test_paper_entry_over_a_members_online_sheet_is_refused(council_world, submitted):
    chair, other, _secretary = council_world.members
    item = council_world.items[0]
    scored = sheet_submit if submitted else sheet_save
    scored(actor=other.user, item=item, member=other,
           answers=answers_totalling(item_sheet(item), 77))  # fmt: skip
    before = sheet_rows(item)
    client = client_for(chair.user)
    page = client.get(paper_url(item, other))
    assert page.status_code == 403
    html = page.content.decode()
    assert str(ONLINE_SHEET) in html
    assert 'name="score_' not in html  # the form is not shown at all
    for action in ("save", "submit"):
        posted = client.post(paper_url(item, other), form_data(item, 95, action=action))
        assert posted.status_code == 403
    for entry in (sheet_save, sheet_submit):
        with pytest.raises(PermissionDenied, match="trực tuyến"):
            entry(actor=chair.user, item=item, member=other, on_paper=True,
                  answers=answers_totalling(item_sheet(item), 95))  # fmt: skip
    assert sheet_rows(item) == before


def test_paper_entry_for_a_member_without_a_sheet_still_works(council_world):
    chair, other, _secretary = council_world.members
    item = council_world.items[0]
    client = client_for(chair.user)
    assert client.get(paper_url(item, other)).status_code == 200
    posted = client.post(paper_url(item, other), form_data(item, 66, action="submit", confirm="1"))
    assert posted.status_code == 302
    assert sheet_rows(item) == [(other.pk, "submitted", 66, True, chair.user_id, 1)]


def test_submitted_paper_sheet_shows_only_once_the_viewer_has_scored(personas, council_world):
    chair, other, _secretary = council_world.members
    item = council_world.items[0]
    sheet_submit(actor=personas["province_p"], item=item, member=other, on_paper=True,
                 answers=answers_totalling(item_sheet(item), 64))  # fmt: skip
    assert shown(client_for(chair.user).get(paper_url(item, other))) == (0, True)
    sheet_submit(actor=chair.user, item=item, member=chair,
                 answers=answers_totalling(item_sheet(item), 70))  # fmt: skip
    html = client_for(chair.user).get(paper_url(item, other)).content.decode()
    assert 'data-sheet-total="64"' in html


def test_paper_draft_is_shown_to_the_manager_entering_it(council_world):
    chair, other, _secretary = council_world.members
    item = council_world.items[0]
    answers = answers_totalling(item_sheet(item), 55)
    sheet_save(actor=chair.user, item=item, member=other, answers=answers, on_paper=True)
    assert shown(client_for(chair.user).get(paper_url(item, other))) == (len(answers), False)


def test_conflicted_chair_may_not_enter_a_paper_sheet(council_world):
    chair, other, _secretary = council_world.members
    item = council_world.items[0]
    conflict_declare(actor=chair.user, member=chair, product=item.application.product,
                     reason="Người nhà")  # fmt: skip
    client = client_for(chair.user)
    assert client.get(paper_url(item, other)).status_code == 404
    posted = client.post(paper_url(item, other), form_data(item, 95, action="submit"))
    assert posted.status_code == 404
    with pytest.raises(PermissionDenied):
        sheet_submit(actor=chair.user, item=item, member=other, on_paper=True,
                     answers=answers_totalling(item_sheet(item), 95))  # fmt: skip
    assert ScoreSheet.objects.filter(item=item).count() == 0


def test_paper_revision_may_not_overwrite_an_online_sheet(council_world):
    chair, other, _secretary = council_world.members
    item = council_world.items[1]
    sheet, _done = sheet_submit(actor=other.user, item=item, member=other,
                                answers=answers_totalling(item_sheet(item), 60))  # fmt: skip
    posted = client_for(chair.user).post(
        paper_url(item, other), form_data(item, 90, action="revise", reason="x")
    )
    assert posted.status_code == 403
    with pytest.raises(PermissionDenied):
        sheet_revise(actor=chair.user, sheet=sheet, reason="x", on_paper=True,
                     answers=answers_totalling(item_sheet(item), 90))  # fmt: skip
    sheet.refresh_from_db()
    assert (sheet.total, sheet.version, sheet.on_paper, sheet.entered_by_id) == (
        60,
        1,
        False,
        other.user_id,
    )


def test_paper_revision_of_a_paper_sheet_still_works(personas, council_world):
    _chair, other, _secretary = council_world.members
    item = council_world.items[1]
    sheet, _done = sheet_submit(actor=personas["province_p"], item=item, member=other,
                                on_paper=True, answers=answers_totalling(item_sheet(item), 60))  # fmt: skip
    sheet = sheet_revise(actor=personas["province_p"], sheet=sheet, reason="Sai số", on_paper=True,
                         answers=answers_totalling(item_sheet(item), 62))  # fmt: skip
    assert (sheet.total, sheet.version, sheet.on_paper) == (62, 2, True)


def test_conflicted_chair_may_not_record_an_outcome(council_world):
    w = council_world
    chair, item = w.members[0], w.items[0]
    conflict_declare(actor=chair.user, member=chair, product=item.application.product, reason="x")
    stage = item.application.stage
    posted = client_for(chair.user).post(
        f"/sessions/{w.session.pk}/items/{item.pk}/outcome/",
        {"outcome": "reject", "rule": "reject-1", "reason": "Sao chép sản phẩm"},
    )
    assert posted.status_code == 404
    with pytest.raises(PermissionDenied):
        item_outcome_record(actor=chair.user, item=item, outcome="reject", rule="reject-1",
                            reason="x")  # fmt: skip
    item.refresh_from_db()
    item.application.refresh_from_db()
    assert (item.outcome, item.application.stage) == ("", stage)


def test_workbook_writes_names_as_text_not_formulas(personas, council_world):
    product = council_world.items[0].application.product
    product.name = '=HYPERLINK("http://attacker.example","Mở hồ sơ")'
    product.save()
    url = f"/sessions/{council_world.session.pk}/workbook.xlsx"
    book = load_workbook(io.BytesIO(client_for(personas["member"]).get(url).content))
    formulas = [c.coordinate for ws in book.worksheets for row in ws.iter_rows() for c in row
                if c.data_type == "f"]  # fmt: skip
    assert formulas == []
    assert book.worksheets[0]["B2"].value == "'" + product.name


def test_oversize_workbook_is_refused_unread(personas, council_world):
    assert read_workbook(b"x" * (MAX_WORKBOOK_BYTES + 1), {}) == ({}, [TOO_BIG])
    upload = SimpleUploadedFile("phieu.xlsx", b"x" * (MAX_WORKBOOK_BYTES + 1))
    page = client_for(personas["member"]).post(
        f"/sessions/{council_world.session.pk}/workbook/", {"file": upload}, follow=True
    )
    assert "Tệp bảng tính vượt quá 10 MB." in page.content.decode()
    assert ScoreSheet.objects.count() == 0


def test_producer_may_not_remove_carried_evidence_of_others(personas, world):
    producer, advisor = personas["producer_a"], personas["advisor"]
    first = new_dossier(producer, world.product_a, world.round)
    act(producer, first, "submit")
    act(personas["commune_x"], first, "propose", report=MAU03)
    act(personas["province_p"], first, "accept")
    evidence_upload(actor=advisor, application=first, section="tests", upload=pdf_upload("kn.pdf"))
    act(advisor, first, "report_to_council", report={"text": "Đạt."})
    world.product_a.current_stars = 3
    world.product_a.save()
    upgrade = application_create(
        actor=producer, product=world.product_a, round=world.round, kind="upgrade"
    )
    report = upgrade.files.get(section="tests")
    with pytest.raises(PermissionDenied):
        evidence_remove(actor=producer, evidence=report)
    assert EvidenceFile.objects.filter(pk=report.pk).exists()
    own = upgrade.files.exclude(section="tests").get()  # the producer's own file, carried
    evidence_remove(actor=producer, evidence=own)
    assert not EvidenceFile.objects.filter(pk=own.pk).exists()


def bomb(width: int, height: int) -> bytes:
    buffer = io.BytesIO()
    Image.new("1", (width, height)).save(buffer, "PNG")
    return buffer.getvalue()


@pytest.mark.parametrize("size", [(20000, 20000), (10000, 10000)])  # error, then warning level
def test_image_bombs_are_refused(size):
    with pytest.raises(UploadRefused, match=TOO_MANY_PIXELS):
        check_content(bomb(*size))


def test_image_bomb_upload_is_refused_with_a_message(personas, world):
    application = new_dossier(personas["producer_a"], world.product_a, world.round)
    client = client_for(personas["producer_a"])
    page = client.post(
        f"/applications/{application.pk}/files/",
        {"section": "general", "file": SimpleUploadedFile("a.png", bomb(20000, 20000))},
        follow=True,
    )
    assert page.status_code == 200
    assert (
        "Ảnh có kích thước điểm ảnh quá lớn; vui lòng thu nhỏ ảnh rồi tải lại."
        in page.content.decode()
    )
    assert application.files.count() == 1  # only the PDF new_dossier attached


def test_dossier_on_two_sessions_is_visible_once(personas, council_world):
    w = council_world
    application = w.items[0].application
    again = Session.objects.create(
        council=w.council, round=w.session.round, held_on=date(2027, 5, 27)
    )
    SessionItem.objects.create(session=again, application=application)
    visible = Application.objects.visible_to(personas["member"])
    assert list(visible.filter(pk=application.pk)) == [application]
    page = client_for(personas["member"]).get(f"/applications/{application.pk}/")
    assert page.status_code == 200
