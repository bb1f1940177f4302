"""The words of the GS1 resolver (digital_link) and the open data build: each message code as a
gettext string. GTIN check-digit codes are the registry's own."""

from django.utils.translation import gettext_lazy as _

from ocop.core.i18n import Texts, render
from ocop.core.messages import MessageError
from ocop.registry.messages import TEXTS as REGISTRY_TEXTS

TEXTS: Texts = {
    "id.gtin_check": REGISTRY_TEXTS["id.gtin_check"],
    "dl.malformed": _(
        "Đường dẫn GS1 Digital Link không hợp lệ; dạng đúng: /01/<GTIN>, có thể thêm /10/<số lô> "
        "và /21/<số sê-ri>."
    ),
    "dl.qualifier": _("Trình phân giải chỉ nhận số lô (/10/) và số sê-ri (/21/) sau mã GTIN."),
    "dl.unknown": _("Không có sản phẩm OCOP công khai nào mang mã GTIN này."),
    "opendata.busy": _(
        "một lần dựng dữ liệu mở khác đang chạy; các tệp hiện có được giữ nguyên, hãy thử lại sau."
    ),
}


def text(error: MessageError) -> str:
    return render(error, TEXTS)
