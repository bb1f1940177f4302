"""Irreversible actions ask first (issue 10.6): the first POST changes nothing and shows a summary
with a "Xác nhận" button re-posting the same fields with confirm=1; only that POST acts, once."""

import re
from datetime import date

from ocop.accounts.testing import client_for
from ocop.certificates.models import Certificate
from ocop.core.models import AuditEntry
from ocop.evaluation.models import Application, Decision, ScoreSheet, Session, StageChange
from ocop.evaluation.services.applications import application_create
from ocop.evaluation.services.sessions import session_close
from ocop.evaluation.services.sheets import item_sheet, sheet_submit
from ocop.evaluation.testing import answers_totalling, fill_dossier


def summary(html: str) -> dict[str, str]:
    """The confirmation page's summary as {label: value}."""
    block = html[html.index("data-confirm-summary") : html.index("</dl>")]
    pairs = re.findall(r"<dt>(.*?)</dt><dd>(.*?)</dd>", block, re.S)
    return {label.strip(): value.strip() for label, value in pairs}


def hidden(html: str) -> list[tuple[str, str]]:
    form = html[html.index('<div class="confirm-buttons">') :]
    form = form[: form.index("</form>")]
    return re.findall(r'<input type="hidden" name="([^"]+)" value="([^"]*)">', form)


def score(world, item, totals):
    sheet = item_sheet(item)
    for member, total in zip(world.members, totals, strict=True):
        sheet_submit(actor=member.user, item=item, member=member,
                     answers=answers_totalling(sheet, total))  # fmt: skip


def test_submitting_a_sheet_asks_with_its_total_and_stars(personas, council_world):
    item = council_world.items[0]
    answers = answers_totalling(item_sheet(item), 72)
    data = {f"score_{code}": str(points) for code, points in answers.items()}
    client = client_for(personas["member"])
    url = f"/sheets/{item.pk}/"
    page = client.post(url, {**data, "action": "submit"}).content.decode()
    assert not ScoreSheet.objects.exists()
    rows = summary(page)
    assert (rows["Tổng điểm"], rows["Hạng theo phiếu"]) == ("72/100", "4 sao")
    assert rows["Số tiêu chí đã chấm"] == f"{len(answers)}/{len(answers)}"
    assert ("action", "submit") in hidden(page)
    assert set(data.items()) <= set(hidden(page))
    assert 'name="action" value="save"' in page  # "Lưu nháp và quay lại phiếu" keeps the ticks
    client.post(url, {**data, "action": "submit", "confirm": "1"})
    client.post(url, {**data, "action": "submit", "confirm": "1"})  # double click
    sheet = ScoreSheet.objects.get()
    assert (sheet.status, sheet.total, sheet.versions.count()) == ("submitted", 72, 1)
    assert AuditEntry.objects.filter(action="sheet_submit").count() == 1


def test_an_incomplete_sheet_is_refused_without_a_confirmation_page(personas, council_world):
    item = council_world.items[0]
    response = client_for(personas["member"]).post(
        f"/sheets/{item.pk}/", {"score_1.1": "3", "action": "submit"}
    )
    assert "data-confirm-summary" not in response.content.decode()
    assert not ScoreSheet.objects.filter(status="submitted").exists()


def test_closing_a_session_asks_with_what_is_missing(personas, council_world):
    w = council_world
    score(w, w.items[0], [80, 76, 73])
    score(w, w.items[1], [62, 60, 55])
    client = client_for(w.members[-1].user)  # the secretary
    url = f"/sessions/{w.session.pk}/close/"
    page = client.post(url).content.decode()
    assert Session.objects.get().status == "open"
    rows = summary(page)
    assert (rows["Sản phẩm trong phiên"], rows["Phiếu chưa nộp"]) == ("3", "3")
    assert rows["Chưa đủ 3 phiếu hợp lệ"] == "Ổi Phú Xuyên"
    score(w, w.items[2], [95, 92, 91])
    page = client.post(url).content.decode()
    assert summary(page)["Phiếu chưa nộp"] == "0"
    assert "Chưa đủ" not in page
    first = client.post(url, {"confirm": "1"})
    second = client.post(url, {"confirm": "1"}, follow=True)
    assert first.status_code == 302
    assert Session.objects.get().status == "closed"
    assert AuditEntry.objects.filter(action="session_close").count() == 1
    assert "Phiên họp đã kết thúc" in second.content.decode()


def test_issuing_a_decision_asks_with_its_products_and_stars(personas, council_world):
    w = council_world
    score(w, w.items[0], [80, 76, 73])  # 4★
    score(w, w.items[1], [62, 60, 55])  # 3★
    score(w, w.items[2], [95, 92, 91])  # ≥ 90: proposed to the ministry
    session_close(actor=w.members[-1].user, session=w.session)
    client = client_for(personas["province_p"])
    data = {"decided_on": "2027-06-10", "signer": "Nguyễn Văn Phong",
            "items": [str(i.pk) for i in w.items]}  # fmt: skip
    page = client.post("/decisions/", data).content.decode()
    assert not Decision.objects.exists() and not Certificate.objects.exists()
    rows = summary(page)
    assert (rows["Số sản phẩm"], rows["Công nhận 4 sao"], rows["Công nhận 3 sao"]) == (
        "3",
        "1",
        "1",
    )
    assert rows["Đề nghị Trung ương đánh giá 5 sao"] == "1"
    assert rows["Rau cải Phú Xuyên"] == "4 sao (76.33)"
    assert sorted(v for k, v in hidden(page) if k == "items") == sorted(data["items"])
    client.post("/decisions/", {**data, "confirm": "1"})
    client.post("/decisions/", {**data, "confirm": "1"})  # double click
    assert Decision.objects.count() == 1
    assert Certificate.objects.count() == 2


def test_submitting_a_dossier_asks_first(personas, world):
    producer = personas["producer_a"]
    application = fill_dossier(
        application_create(actor=producer, product=world.product_a, round=world.round,
                           kind="first"), producer, points=2)  # fmt: skip
    client = client_for(producer)
    url = f"/applications/{application.pk}/act/submit/"
    page = client.post(url).content.decode()
    application.refresh_from_db()
    assert (application.stage, StageChange.objects.count()) == ("draft", 0)
    rows = summary(page)
    assert (application.self_total, rows["Điểm tự chấm"]) == (72, "72/100 · 3 sao")
    assert (rows["Tệp minh chứng"], rows["Nơi nhận"]) == ("1", "UBND Xã Phú Xuyên")
    client.post(url, {"confirm": "1"})
    second = client.post(url, {"confirm": "1"}, follow=True)
    assert Application.objects.get().stage == "submitted"
    assert StageChange.objects.count() == 1
    assert "Không thể thực hiện thao tác" in second.content.decode()


def test_withdrawing_asks_with_the_reason_and_an_empty_reason_is_refused_at_once(personas, world):
    producer = personas["producer_a"]
    application = application_create(actor=producer, product=world.product_a, round=world.round,
                                     kind="first")  # fmt: skip
    client = client_for(producer)
    url = f"/applications/{application.pk}/act/withdraw/"
    refused = client.post(url, {"reason": " "}, follow=True).content.decode()
    assert "data-confirm-summary" not in refused and "Vui lòng nêu lý do." in refused
    page = client.post(url, {"reason": "Chưa đủ vốn"}).content.decode()
    assert summary(page)["Lý do"] == "Chưa đủ vốn"
    assert Application.objects.get().stage == "draft"
    client.post(url, {"reason": "Chưa đủ vốn", "confirm": "1"})
    assert Application.objects.get().stage == "withdrawn"


def test_proposing_asks_first(personas, world):
    from ocop.evaluation.services.transitions import application_transition

    application = fill_dossier(application_create(
        actor=personas["producer_a"], product=world.product_a, round=world.round, kind="first"),
        personas["producer_a"])  # fmt: skip
    application_transition(actor=personas["producer_a"], application=application,
                           action="submit", today=date(2027, 1, 4))  # fmt: skip
    report = {"raw_materials": "Tại xã.", "local_labour": "12 người.", "idea_origin": "Truyền thống.",
              "local_identity": "Giống bản địa.", "proposal_letter": "Tờ trình 15/TTr-UBND"}  # fmt: skip
    client = client_for(personas["commune_x"])
    url = f"/applications/{application.pk}/act/propose/"
    page = client.post(url, report).content.decode()
    assert summary(page)["Văn bản đề nghị"] == "Tờ trình 15/TTr-UBND"
    assert Application.objects.get().stage == "submitted"
    client.post(url, {**report, "confirm": "1"})
    assert Application.objects.get().stage == "proposed"
