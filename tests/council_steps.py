"""Browser steps of a council's journey, shared by the browser tests (the provincial council in
test_browser_council, both councils in test_browser_fivestar): a member scores a product on the
sheet, the secretary closes the session, an officer issues the decision. Each step waits for what
the page shows when the step is done, so the next step never races the server."""

from ocop.evaluation.services.sheets import item_sheet
from ocop.evaluation.testing import answers_totalling
from tests.browser import log_in, screenshot


def log_out(page) -> None:
    page.get_by_role("button", name="Đăng xuất").click()
    page.wait_for_url("**/")


def fill_sheet(page, item, total: int) -> None:
    """Open the item's sheet from the member's list of sheets and answer it to `total` points."""
    page.goto("/sheets/")
    page.get_by_role("row", name=item.application.product.name).get_by_role("link").click()
    page.wait_for_url(f"**/sheets/{item.pk}/")
    for code, points in answers_totalling(item_sheet(item), total).items():
        page.locator(f"input[name='score_{code}'][value='{points}']").check()
    page.locator(f"[data-sheet-total='{total}']").wait_for()


def submit_sheet(page, total: int, confirm_shot: str | None = None) -> None:
    """Submit the filled sheet through its confirmation page (screenshot `confirm_shot` there)."""
    page.get_by_role("button", name="Nộp phiếu").click()
    page.locator(f"[data-confirm-summary] dd:text-is('{total}/100')").wait_for()
    if confirm_shot:
        screenshot(page, confirm_shot)
    page.get_by_role("button", name="Xác nhận nộp phiếu").click()
    page.get_by_text("Đã nộp phiếu; phiếu đã được khóa.").wait_for()


def score(page, username: str, item, total: int) -> None:
    """`username` logs in, scores `item` at `total` points, submits the sheet and logs out."""
    log_in(page, username)
    fill_sheet(page, item, total)
    submit_sheet(page, total)
    log_out(page)


def close_session(page, session_pk: int) -> None:
    """The secretary (logged in) closes the session and the results are computed."""
    page.goto(f"/sessions/{session_pk}/")
    page.get_by_role("button", name="Kết thúc phiên họp và tính kết quả").click()
    page.get_by_role("button", name="Xác nhận kết thúc phiên và tính kết quả").click()
    page.get_by_text("Đã kết thúc phiên họp; kết quả đã được tính.").wait_for()


def issue_decision(page, decided_on: str, signer: str, number: str) -> None:
    """The officer (logged in) issues the decision on every product waiting for it."""
    page.goto("/decisions/")
    page.locator("input[name='items']").first.wait_for()
    for checkbox in page.locator("input[name='items']").all():
        checkbox.check()
    page.get_by_label("Ngày quyết định").fill(decided_on)
    page.get_by_label("Người ký").fill(signer)
    page.get_by_role("button", name="Ban hành quyết định").click()
    page.get_by_role("button", name="Xác nhận ban hành").click()
    page.get_by_text(f"Đã ban hành quyết định {number}.").wait_for()
