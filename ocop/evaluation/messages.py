"""The words of the evaluation app's pure modules (uploads, selfscore, workflow, periods): each
message code as a gettext string with %(name)s placeholders."""

from collections import ChainMap

from django.utils.translation import gettext_lazy as _

from ocop.core.i18n import Texts, render
from ocop.core.messages import Message, MessageError
from ocop.criteria.messages import TEXTS as CRITERIA_TEXTS

TEXTS: Texts = {
    "council.no_chair": _("Hội đồng chưa có chủ tịch (Điều %(article)s)."),
    "council.missing_agency": _(
        "Hội đồng chưa có thành viên đại diện %(agency)s (Điều %(article)s); kiểm tra lại thành "
        "phần hoặc ghi rõ cơ quan của thành viên."
    ),
    "upload.empty": _("Tệp rỗng."),
    "upload.too_big": _("Tệp vượt quá %(mb)s MB."),
    "upload.bad_type": _("Chỉ nhận tệp PDF hoặc ảnh (JPEG, PNG, WEBP); nội dung tệp không hợp lệ."),
    "upload.too_many_pixels": _(
        "Ảnh có kích thước điểm ảnh quá lớn; vui lòng thu nhỏ ảnh rồi tải lại."
    ),
    "upload.dossier_too_big": _("Tổng dung lượng hồ sơ vượt quá %(mb)s MB."),
    "upload.pdf_broken": _(
        "Tệp PDF bị hỏng hoặc không đọc được; vui lòng xuất lại tệp PDF rồi tải lên."
    ),
    "upload.pdf_no_pages": _("Tệp PDF không có trang nào."),
    "upload.pdf_encrypted": _(
        "Tệp PDF có đặt mật khẩu hoặc mã hóa; vui lòng bỏ mật khẩu rồi tải lại."
    ),
    "upload.pdf_active": _(
        "Tệp PDF chứa mã JavaScript, lệnh tự chạy hoặc tệp đính kèm bên trong, nên không được "
        "nhận; vui lòng in lại thành PDF thường (chỉ có trang) rồi tải lên."
    ),
    "workbook.too_big": _("Tệp bảng tính vượt quá %(mb)s MB."),
    "workbook.not_xlsx": _("Tệp không phải bảng tính Excel (.xlsx) hợp lệ."),
    "workbook.unknown_item": _(
        "Trang “%(sheet)s”, dòng 1, cột B: mã mục không thuộc các phiếu bạn được chấm."
    ),
    "workbook.duplicate": _("Trang “%(sheet)s”: sản phẩm này xuất hiện ở hai trang tính."),
    "workbook.wrong_criterion": _(
        "Trang “%(sheet)s”, dòng %(row)s, cột A: phải là tiêu chí %(criterion)s (không sửa cột này)."
    ),
    "workbook.bad_points": _(
        "Trang “%(sheet)s”, dòng %(row)s, cột %(column)s: “%(value)s” không phải mức điểm của "
        "tiêu chí %(criterion)s (các mức: %(levels)s)."
    ),
    "selfscore.not_integer": _("Điểm tiêu chí %(criterion)s phải là số nguyên."),
    "selfscore.not_allowed": _("Tiêu chí %(criterion)s chỉ có các mức: %(levels)s."),
    "workflow.not_allowed": _(
        "Không thể thực hiện thao tác “%(action)s” ở bước hiện tại của hồ sơ."
    ),
    "workflow.wrong_role": _("Vai trò của bạn không được thực hiện thao tác này ở bước hiện tại."),
}


def text(message: Message | MessageError) -> str:
    """The message in the active language, whether its code is this app's or the engine's."""
    return render(message, ChainMap(dict(TEXTS), dict(CRITERIA_TEXTS)))


def texts(messages) -> list[str]:
    return [text(m) for m in messages]
