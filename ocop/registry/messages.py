"""The words of the registry's pure modules (identifiers, images, columns, excel): each message
code as a gettext string with %(name)s placeholders."""

from django.utils.translation import gettext_lazy as _

from ocop.core.i18n import Texts, render
from ocop.core.messages import Message, MessageError

TEXTS: Texts = {
    "id.tax_code_length": _("Mã số thuế phải có 10 chữ số, hoặc 13 chữ số với đơn vị phụ thuộc."),
    "id.tax_code_check": _("Mã số thuế sai chữ số kiểm tra."),
    "id.branch_range": _("Mã đơn vị phụ thuộc phải từ 001 đến 999."),
    "id.gtin_length": _("Mã GTIN phải gồm 8, 12, 13 hoặc 14 chữ số."),
    "id.gtin_check": _("Mã GTIN sai chữ số kiểm tra GS1."),
    "id.email": _("Địa chỉ email không đúng định dạng (ví dụ: htx@example.vn)."),
    "id.phone": _(
        "Số điện thoại không đúng định dạng Việt Nam (di động 10 số, cố định 11 số bắt đầu bằng 02)."
    ),
    "id.product_code": _("Mã sản phẩm phải có dạng (T)-(X)-(STT)-YYYY, ví dụ 01-10273-001-2026."),
    "image.too_many_pixels": _("Ảnh có quá nhiều điểm ảnh; hãy thu nhỏ ảnh rồi tải lên lại."),
    "image.invalid": _("Tệp không phải là ảnh hợp lệ."),
    "image.too_big": _("Ảnh quá lớn (tối đa %(mb)s MB)."),
    "image.bad_type": _("Chỉ nhận ảnh JPEG, PNG hoặc WebP."),
    "cell.not_in_list": _("Giá trị “%(value)s” không có trong danh sách."),
    "cell.whole_number": _(
        "Phải là số nguyên không âm, không có phần lẻ (hàng nghìn ghi bằng dấu chấm: 15.000)."
    ),
    "cell.too_many_digits": _("Số quá lớn."),
    "cell.not_integer": _("Phải là số nguyên không âm."),
    "cell.percent": _("Tỷ lệ không quá 100%."),
    "cell.year": _("Năm không hợp lệ."),
    "cell.date": _("Ngày phải có dạng dd/mm/yyyy."),
    "cell.yes_no": _("Chỉ ghi “Có” hoặc “Không”."),
    "cell.set_number": _("Ghi số thứ tự bộ sản phẩm (1–26)."),
    "sheet.not_xlsx": _("Tệp không phải là tệp Excel .xlsx hợp lệ."),
    "sheet.broken": _("Tệp Excel bị hỏng, không đọc được; hãy mở và lưu lại tệp rồi tải lên lại."),
    "sheet.too_big_unpacked": _(
        "Tệp Excel quá lớn khi giải nén (tối đa %(mb)s MB); hãy chia thành nhiều tệp nhỏ hơn."
    ),
    "sheet.too_many_rows": _(
        "Tệp có quá %(limit)s dòng dữ liệu; hãy chia thành nhiều tệp nhỏ hơn."
    ),
    "sheet.missing_columns": _("Tệp thiếu cột: %(columns)s. Hãy dùng tệp mẫu."),
}


def text(message: Message | MessageError) -> str:
    return render(message, TEXTS)


def reason(error: ValueError) -> str:
    """Why a value was refused: a pure module's code worded here, or another ValueError's text."""
    return text(error) if isinstance(error, MessageError) else str(error)
