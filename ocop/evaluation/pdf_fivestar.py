"""The 5★ hand-off documents as PDFs (typst): the approval decision (quyết định phê duyệt kết quả
đánh giá, Art. 7.3.e), the province's letter to the ministry (Art. 6.3) and the ministry's notice
of the central result (Art. 7.4.g). Official Vietnamese wording, the same in every interface
language, as the recognition decision's."""

from ocop.certificates.choices import SignerTitle
from ocop.core.dates import format_date, place_date_line
from ocop.core.letterhead import agency_lines, document_place, signature_lines

from .models import FiveStarDossier
from .pdf import _compile
from .pdf_council import BASIS_26_2026, STARS, _average
from .services.decisions import MINISTRY, authority_for
from .services.fivestar import central_item, provincial_item


def _base(dossier: FiveStarDossier, level: str, number: str, day, title: str) -> dict:
    authority = MINISTRY if level == "central" else authority_for("province", dossier.province)
    deputy = dossier.signer_title == SignerTitle.DEPUTY and level != "central"
    return {
        "title": title, "agency": agency_lines(authority, level), "number": number,
        "place_date": place_date_line(document_place(authority, level), day),
        "signature": signature_lines(level, deputy), "signer": dossier.signer if level != "central" else "",
        "heading": "", "subject": "", "subject_line": "", "issuer": "", "addressee": "",
        "paragraphs": [], "closing": [], "recipients": [],
        "unit": authority.removeprefix("UBND "),
    }  # fmt: skip


def _row(dossier: FiveStarDossier, item, result: str) -> dict[str, str]:
    application = dossier.application
    average = _average(item.average, item.average_display) if item is not None else "—"
    return {"no": "1", "product": application.product.name, "code": application.product.code or "—",
            "producer": application.producer.name, "average": average, "result": result}  # fmt: skip


def approval_pdf(dossier: FiveStarDossier) -> bytes:
    assert dossier.approved_on is not None
    data = _base(dossier, "province", dossier.approval_number, dossier.approved_on,
                 "Quyết định phê duyệt kết quả đánh giá, phân hạng sản phẩm OCOP")  # fmt: skip
    item = provincial_item(dossier.application)
    data |= {
        "heading": "QUYẾT ĐỊNH",
        "subject": "Phê duyệt kết quả đánh giá, phân hạng sản phẩm OCOP có tiềm năng đạt 5 sao",
        "issuer": f"CHỦ TỊCH ỦY BAN NHÂN DÂN {data['unit'].upper()}",
        "paragraphs": [
            BASIS_26_2026,
            "Căn cứ điểm e khoản 3 Điều 7 Quyết định số 26/2026/QĐ-TTg: đối với các sản phẩm có "
            "tiềm năng đạt 5 sao (đạt từ 90 trở lên), Chủ tịch UBND cấp tỉnh xem xét, quyết định "
            "phê duyệt kết quả đánh giá;",
            "Căn cứ kết quả đánh giá, phân hạng của Hội đồng đánh giá, phân hạng sản phẩm OCOP cấp "
            "tỉnh" + (f" ngày {format_date(item.session.held_on)}" if item else "") + ";",
            "QUYẾT ĐỊNH:",
            "Điều 1. Phê duyệt kết quả đánh giá, phân hạng sản phẩm OCOP có tiềm năng đạt 5 sao "
            "sau đây:",
        ],
        "rows": [_row(dossier, item, "Đề nghị đánh giá 5 sao")],
        "closing": [
            "Điều 2. Giao cơ quan tham mưu quản lý OCOP cấp tỉnh hoàn thiện hồ sơ theo khoản 3 Điều "
            "6 Quyết định số 26/2026/QĐ-TTg, trình UBND tỉnh gửi Bộ Nông nghiệp và Môi trường đề "
            "nghị đánh giá, phân hạng sản phẩm OCOP 5 sao.",
            "Điều 3. Quyết định này có hiệu lực kể từ ngày ký.",
        ],
        "recipients": ["- Như Điều 2;", "- Bộ Nông nghiệp và Môi trường;", "- Lưu: VT, OCOP."],
    }  # fmt: skip
    data["signature"] = signature_lines("province", dossier.signer_title == SignerTitle.DEPUTY)[1:]
    return _compile("fivestar.typ", data)


def letter_pdf(dossier: FiveStarDossier) -> bytes:
    data = _base(dossier, "province", dossier.letter_number, dossier.letter_on,
                 "Văn bản đề nghị đánh giá, phân hạng sản phẩm OCOP 5 sao")  # fmt: skip
    again = dossier.is_reevaluation
    basis = ("điểm b khoản 3 Điều 6 và điểm e khoản 6 Điều 7" if again
             else "điểm a khoản 3 Điều 6 và điểm e khoản 3 Điều 7")  # fmt: skip
    what = (
        "đánh giá, phân hạng lại sản phẩm OCOP 5 sao"
        if again
        else "đánh giá, phân hạng sản phẩm OCOP 5 sao"
    )
    attached = ("báo cáo đánh giá của cơ quan tham mưu quản lý OCOP cấp tỉnh; hồ sơ sản phẩm; các văn "
                "bản xác nhận kiểm tra, kiểm nghiệm bổ sung (nếu có); 05 sản phẩm mẫu" if again else
                "báo cáo đánh giá của Tổ tư vấn Hội đồng cấp tỉnh; báo cáo đánh giá của Hội đồng cấp "
                f"tỉnh; Quyết định phê duyệt kết quả đánh giá số {dossier.approval_number}; hồ sơ sản "
                "phẩm; các văn bản xác nhận kiểm tra, kiểm nghiệm bổ sung (nếu có); 05 sản phẩm mẫu")  # fmt: skip
    item = None if again else provincial_item(dossier.application)
    data |= {
        "subject_line": f"đề nghị {what}", "addressee": "Bộ Nông nghiệp và Môi trường",
        "paragraphs": [
            f"Thực hiện Quyết định số 26/2026/QĐ-TTg ({basis}), Ủy ban nhân dân {data['unit']} "
            f"đề nghị Bộ Nông nghiệp và Môi trường {what} đối với sản phẩm sau:",
        ],
        "rows": [_row(dossier, item, "Đánh giá lại 5 sao" if again else "Đề nghị đánh giá 5 sao")],
        "closing": [f"Hồ sơ gửi kèm (01 bộ hồ sơ giấy và 01 bộ hồ sơ điện tử): {attached}.",
                    f"Ủy ban nhân dân {data['unit']} kính đề nghị Bộ Nông nghiệp và Môi trường xem "
                    "xét, tổ chức đánh giá./."],
        "recipients": ["- Như trên;", "- Văn phòng Điều phối nông thôn mới Trung ương;",
                       "- Lưu: VT, OCOP."],
    }  # fmt: skip
    return _compile("fivestar.typ", data)


def notice_pdf(dossier: FiveStarDossier) -> bytes:
    assert dossier.notified_on is not None
    data = _base(dossier, "central", dossier.notice_number, dossier.notified_on,
                 "Thông báo kết quả đánh giá, phân hạng sản phẩm OCOP 5 sao")  # fmt: skip
    notice = dossier.notice
    item = central_item(dossier.application)
    stars = int(notice.get("stars") or 0)
    if notice.get("outcome"):
        result = f"{notice['outcome']}: {notice.get('reason', '')}"
    else:
        result = STARS.get(stars or None, "—")
    follow = (
        [f"Sản phẩm được công nhận đạt 5 sao tại Quyết định số {notice['decision']}."]
        if notice.get("decision") else
        ["Sản phẩm đạt 5 sao: Bộ trưởng Bộ Nông nghiệp và Môi trường xem xét, quyết định công nhận."]
        if stars == 5 else
        ["Sản phẩm không đạt 5 sao. Theo điểm g khoản 4 Điều 7 Quyết định số 26/2026/QĐ-TTg, Chủ "
         "tịch UBND cấp tỉnh có thể căn cứ vào kết quả đánh giá của Hội đồng cấp trung ương để xem "
         "xét, quyết định công nhận và cấp giấy chứng nhận cho sản phẩm OCOP đạt 3 sao, 4 sao hoặc "
         "tổ chức đánh giá và phân hạng sản phẩm theo thẩm quyền."]
    )  # fmt: skip
    held = format_date(item.session.held_on) if item else ""
    data |= {
        "heading": "THÔNG BÁO", "subject": "Kết quả đánh giá, phân hạng sản phẩm OCOP 5 sao",
        "addressee": f"Ủy ban nhân dân {dossier.province.name}",
        "paragraphs": [
            f"Căn cứ văn bản số {dossier.letter_number} ngày {format_date(dossier.letter_on)} của "
            f"Ủy ban nhân dân {dossier.province.name} và kết quả đánh giá, phân hạng của Hội đồng "
            f"đánh giá, phân hạng sản phẩm OCOP cấp trung ương ngày {held}, Bộ Nông nghiệp và Môi "
            "trường thông báo kết quả như sau:",
        ],
        "rows": [_row(dossier, item, result)],
        "closing": follow,
        "recipients": [f"- UBND {dossier.province.name};", "- Lưu: VT, VPĐP."],
    }  # fmt: skip
    return _compile("fivestar.typ", data)
