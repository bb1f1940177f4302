"""Lists on a phone (issue 10.5): at 375 px each list shows its first row's status, stars and
deadline inside the screen, with no sideways page scroll; at 1366 px the tables stay tables, and a
table that may scroll is a labelled region the keyboard can reach. Screenshots of both widths."""

from datetime import date

import pytest

from ocop.accounts.roles import Role
from ocop.accounts.testing import make_personas, make_territory, make_user
from ocop.certificates.services import certificate_issue
from ocop.evaluation.models import Application
from ocop.evaluation.services.sessions import session_close, session_create
from ocop.evaluation.services.sheets import item_sheet, sheet_submit
from ocop.evaluation.testing import (
    answers_totalling,
    make_council,
    make_producer,
    make_product,
    make_ready,
    make_round,
    new_dossier,
)  # fmt: skip
from tests.browser import PHONE, log_in, screenshot

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]
DESKTOP = {"width": 1366, "height": 900}
MEMBERS = ["Nguyễn Thị Phương Thảo", "Trần Văn Quang Minh", "Lê Thị Hồng Nhung",
           "Phạm Quốc Trung Hiếu", "Vũ Thị Thanh Xuân"]  # fmt: skip


@pytest.fixture
def lists(settings, tmp_path):
    """A province with a certified product, a closed session of five members, and a dossier of
    commune X overdue at the commune."""
    settings.MEDIA_ROOT = tmp_path / "media"
    t = make_territory()
    personas = make_personas(t)
    producer = make_producer(personas["producer_a"], t.commune_x,
                             "Hợp tác xã Dịch vụ Nông nghiệp Tổng hợp Phú Xuyên", "0100109106")  # fmt: skip
    round_ = make_round(t.province_p)
    scored = [make_product(producer, n) for n in ("Chè búp Phú Xuyên", "Bún khô Phú Xuyên")]
    dossiers = [make_ready(new_dossier(personas["producer_a"], p, round_)) for p in scored]
    users = [make_user(f"tv{n}", Role.COUNCIL_MEMBER, province=t.province_p)
             for n in range(1, len(MEMBERS) + 1)]  # fmt: skip
    for user, name in zip(users, MEMBERS, strict=True):
        user.full_name = name
        user.save(update_fields=["full_name"])
    council = make_council(t.province_p, users, quorum=5)
    session = session_create(actor=None, council=council, round=round_,
                             held_on=date(2027, 5, 20), applications=dossiers)  # fmt: skip
    for item, totals in zip(session.items.order_by("id"), ([82, 78, 80, 79, 81], [64, 60, 61, 62, 63]),
                            strict=True):  # fmt: skip
        sheet = item_sheet(item)
        for member, total in zip(council.members.order_by("id"), totals, strict=True):
            sheet_submit(actor=member.user, item=item, member=member,
                         answers=answers_totalling(sheet, total))  # fmt: skip
    session_close(actor=users[-1], session=session)
    certified = make_product(producer, "Mật ong hoa nhãn rừng tự nhiên Phú Xuyên loại đặc biệt", 4)
    certificate = certificate_issue(
        actor=None, product=certified, stars=4, rules="26-2026",
        authority_name="UBND thành phố Hà Nội", authority_level="province",
        decision_number="1234/QĐ-UBND", decision_date=date(2026, 6, 30), issue_date=date(2026, 6, 30),
    )  # fmt: skip
    Application.objects.create(
        round=round_, product=make_product(producer, "Miến dong Phú Xuyên"), producer=producer,
        commune=t.commune_x, kind="first", rules="26-2026", set_number=1, stage="submitted",
        stage_due=date(2026, 11, 20), registration_number="007/PĐK-01-10273-2026",
    )  # fmt: skip
    return {"session": session.pk, "valid_until": f"{certificate.valid_until:%d/%m/%Y}"}


def within(page, selector: str, width: int) -> str:
    """The element's text, after checking its box lies inside the viewport's width."""
    found = page.locator(selector).first
    found.wait_for()
    box = found.bounding_box()
    assert box is not None and box["width"] > 0, selector
    assert box["x"] >= 0 and box["x"] + box["width"] <= width, (selector, box)
    return found.inner_text()


def pages(session_pk: int) -> dict[str, tuple[str, dict[str, str]]]:
    """name → (URL, {what: selector in the first row}), for the province officer."""
    first = "table.stack tbody tr:first-child"
    return {
        "dossiers": ("/applications/", {
            "status": f"{first} [data-stage]", "deadline": f"{first} .overdue",
        }),
        "products": ("/products/?q=mat+ong", {
            "stars": f"{first} .stars", "certificate": f"{first} td:nth-child(3)",
        }),
        "producers": ("/producers/", {"commune": f"{first} td:last-child"}),
        "certificates": ("/certificates/", {
            "stars": f"{first} .stars", "status": f"{first} .cert-status",
            "valid until": f"{first} td:nth-child(5)",
        }),
        "board": (f"/sessions/{session_pk}/", {
            "submitted": "table.board tbody tr:first-child [data-submitted]",
            "last member": "table.board tbody tr:first-child td:last-child",
            "stars": "tr[data-result] [data-stars]",
        }),
    }  # fmt: skip


def test_lists_fit_a_phone_with_key_fields_visible(browser, live_server, lists):
    context = browser.new_context(viewport=PHONE, locale="vi-VN", base_url=live_server.url)
    page = context.new_page()
    page.set_default_timeout(15000)
    log_in(page, "province_p")
    seen = {}
    for name, (url, fields) in pages(lists["session"]).items():
        page.goto(url)
        seen[name] = {
            what: within(page, selector, PHONE["width"]) for what, selector in fields.items()
        }
        assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"], name
        screenshot(page, f"lists-{name}-375")
    assert seen["dossiers"]["status"] == "Đã nộp UBND xã"
    assert seen["dossiers"]["deadline"] == "hạn 20/11/2026 — quá hạn"
    # (the column names before the values are CSS ::before content: in the screenshots, not here)
    assert seen["products"] == {"stars": "4★", "certificate": "Còn hiệu lực"}
    assert seen["producers"]["commune"] == "Xã Phú Xuyên"
    assert seen["certificates"]["stars"] == "4★"
    assert seen["certificates"]["status"] == "Còn hiệu lực"
    assert seen["certificates"]["valid until"] == lists["valid_until"]
    assert seen["board"]["submitted"] == "5/5"
    assert seen["board"]["last member"].startswith("đã nộp")
    assert seen["board"]["stars"] == "4 ★"

    page.get_by_role("button", name="Đăng xuất").click()
    page.wait_for_url("**/")
    log_in(page, "commune_x")
    page.goto("/applications/tasks/")
    task = within(page, "[data-task]", PHONE["width"])
    assert task.startswith("007/PĐK-01-10273-2026 · Miến dong Phú Xuyên")
    assert "quá hạn" in task
    assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]
    screenshot(page, "lists-tasks-375")
    context.close()


def test_lists_stay_tables_on_a_desktop_and_their_regions_take_focus(browser, live_server, lists):
    context = browser.new_context(viewport=DESKTOP, locale="vi-VN", base_url=live_server.url)
    page = context.new_page()
    page.set_default_timeout(15000)
    log_in(page, "province_p")
    for name, (url, _fields) in pages(lists["session"]).items():
        page.goto(url)
        header = page.locator("table.stack thead").first
        assert header.is_visible(), name  # a table with its header row, not cards
        for region in page.locator(".table-wrap").all():
            assert region.get_attribute("tabindex") == "0", name
            assert region.get_attribute("role") == "region", name
            assert region.get_attribute("aria-label"), name
        assert page.evaluate("document.documentElement.scrollWidth") <= DESKTOP["width"], name
        screenshot(page, f"lists-{name}-1366")
    page.goto(f"/sessions/{lists['session']}/")
    region = page.locator(".table-wrap").first
    region.focus()
    assert page.evaluate("document.activeElement.getAttribute('aria-label')") == "Tiến độ chấm điểm"
    context.close()


@pytest.fixture
def open_sheet(settings, tmp_path):
    """An open session with one product and one member (tv1) to score it."""
    settings.MEDIA_ROOT = tmp_path / "media"
    t = make_territory()
    personas = make_personas(t)
    producer = make_producer(personas["producer_a"], t.commune_x, "HTX Phú Xuyên", "0100109106")
    round_ = make_round(t.province_p)
    dossier = make_ready(
        new_dossier(personas["producer_a"], make_product(producer, "Chè búp"), round_)
    )
    member = make_user("tv1", Role.COUNCIL_MEMBER, province=t.province_p)
    council = make_council(t.province_p, [member], quorum=1)
    session = session_create(actor=None, council=council, round=round_,
                             held_on=date(2027, 5, 20), applications=[dossier])  # fmt: skip
    return session.items.get().pk


@pytest.mark.parametrize("viewport", [PHONE, DESKTOP], ids=["375", "1366"])
def test_scoring_page_explains_the_asterisks_before_the_criteria(browser, live_server, open_sheet,
                                                                 viewport):  # fmt: skip
    context = browser.new_context(viewport=viewport, locale="vi-VN", base_url=live_server.url)
    page = context.new_page()
    page.set_default_timeout(15000)
    log_in(page, "tv1")
    page.goto(f"/sheets/{open_sheet}/")
    legend = page.locator("details.minimum-legend")
    legend.locator("summary").click()
    first_criterion = page.locator("fieldset.crit").first.bounding_box()
    box = legend.bounding_box()
    assert box is not None and first_criterion is not None
    assert box["y"] + box["height"] <= first_criterion["y"]
    assert box["x"] + box["width"] <= viewport["width"]
    assert "không được công nhận" in legend.inner_text()
    assert page.evaluate("document.documentElement.scrollWidth") <= viewport["width"]
    screenshot(page, f"lists-sheet-legend-{viewport['width']}")
    context.close()
