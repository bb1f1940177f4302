"""Offline scoring: download a member's workbook, fill it, upload it back (all or nothing)."""

import io

import pytest
from openpyxl import load_workbook

from ocop.accounts.testing import client_for
from ocop.evaluation.models import ScoreSheet
from ocop.evaluation.services.sheets import item_sheet, sheet_submit
from ocop.evaluation.spreadsheets import FIRST_ROW
from ocop.evaluation.testing import answers_totalling

pytestmark = pytest.mark.django_db


def download(client, session):
    response = client.get(f"/sessions/{session.pk}/workbook.xlsx")
    assert response.status_code == 200
    return load_workbook(io.BytesIO(response.content))


def upload(client, session, book):
    buffer = io.BytesIO()
    book.save(buffer)
    buffer.seek(0)
    buffer.name = "phieu.xlsx"
    return client.post(f"/sessions/{session.pk}/workbook/", {"file": buffer}, follow=True)


def test_round_trip_writes_drafts(personas, council_world):
    w = council_world
    chair = w.members[0]
    sheet_submit(actor=chair.user, item=w.items[2], member=chair,
                 answers=answers_totalling(item_sheet(w.items[2]), 70))  # fmt: skip
    client = client_for(personas["member"])
    book = download(client, w.session)
    assert len(book.worksheets) == 2  # the submitted sheet is not offered again
    ws = book.worksheets[0]
    assert ws["B1"].value == w.items[0].pk
    assert ws[f"A{FIRST_ROW}"].value == "1.1"
    assert ws.data_validations.dataValidation[0].formula1 == '"0,1,2,3"'
    ws[f"E{FIRST_ROW}"] = 2
    ws[f"E{FIRST_ROW + 1}"] = "1"
    response = upload(client, w.session, book)
    assert "Đã ghi 2 phiếu nháp từ bảng tính." in response.content.decode()
    sheet = ScoreSheet.objects.get(item=w.items[0], member=chair)
    assert (sheet.status, sheet.answers) == ("draft", {"1.1": 2, "1.2": 1})


def test_a_bad_cell_writes_nothing(personas, council_world):
    w = council_world
    client = client_for(personas["member"])
    book = download(client, w.session)
    book.worksheets[0][f"E{FIRST_ROW}"] = 2
    book.worksheets[1][f"E{FIRST_ROW}"] = 9
    response = upload(client, w.session, book)
    title = book.worksheets[1].title
    assert (
        f"Trang “{title}”, dòng {FIRST_ROW}, cột E: “9” không phải mức điểm của tiêu chí 1.1 "
        "(các mức: 0, 1, 2, 3)." in response.content.decode()
    )
    assert not ScoreSheet.objects.exists()


def test_workbook_is_styled_and_only_the_points_column_is_editable(personas, council_world):
    from ocop.core.testing import assert_styled_sheet
    from ocop.evaluation.spreadsheets import HEADER_ROW

    book = download(client_for(personas["member"]), council_world.session)
    for ws in book.worksheets:
        assert_styled_sheet(ws, header_row=HEADER_ROW, validations=True)
        last = ws.max_row
        assert ws.auto_filter.ref == f"A{HEADER_ROW}:E{last}"
        assert ws.protection.sheet is True
        # The item id and the criterion codes are the keys the upload reads: locked.
        assert ws["B1"].protection.locked is True
        assert all(
            ws[f"{c}{r}"].protection.locked for c in "ABCD" for r in range(FIRST_ROW, last + 1)
        )
        assert not any(ws[f"E{r}"].protection.locked for r in range(FIRST_ROW, last + 1))
        checks = ws.data_validations.dataValidation
        assert len(checks) == last - FIRST_ROW + 1
        assert checks[0].error == "Tiêu chí 1.1 chỉ có các mức: 0,1,2,3"


def test_no_open_sheet_gives_a_message_not_a_server_error(personas, council_world):
    w = council_world
    chair = w.members[0]
    for item in w.items:
        sheet_submit(actor=chair.user, item=item, member=chair,
                     answers=answers_totalling(item_sheet(item), 70))  # fmt: skip
    client = client_for(personas["member"])
    response = client.get(f"/sessions/{w.session.pk}/workbook.xlsx")
    assert response.status_code == 302
    assert response["Location"] == "/sheets/"
    page = client.get("/sheets/").content.decode()
    assert "Không có phiếu nào đang mở để chấm offline: bạn đã nộp hết các phiếu." in page
