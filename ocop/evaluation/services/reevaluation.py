"""Re-evaluation filings and the Art. 12.3 transition (Decision 26/2026/QĐ-TTg).

Art. 7.6.a: "Thời gian nộp hồ sơ không sớm hơn 180 ngày và không muộn hơn 120 ngày tính đến ngày
hết thời hạn của giấy chứng nhận." Art. 12.3: "Những sản phẩm thuộc đối tượng đánh giá, phân hạng
lại, nhưng thời gian nộp hồ sơ không đáp ứng được thời hạn theo quy định tại điểm a khoản 6 Điều 7
Quyết định này, thì giấy chứng nhận tiếp tục có hiệu lực đến ngày có kết quả xử lý của cơ quan có
thẩm quyền, nhưng không quá 180 ngày tính từ ngày hết thời hạn."

So a dossier is opened inside the window, or late when the window had closed before the decision
took effect (`validity.late_reevaluation_allowed`). Its first submission (the filing with the
commune, Art. 7.1) records the extension on the certificate; the result ends it: a new certificate
supersedes it, any other result (refused, stopped, withdrawn, below 3★) ends it that day.
"""

from datetime import date

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

from ocop.certificates import validity
from ocop.certificates.choices import IN_FORCE
from ocop.certificates.models import Certificate
from ocop.certificates.services import certificate_extend, certificate_extension_end
from ocop.core.dates import format_date

from ..models import Application, ApplicationKind


def certificate_in_force(product) -> Certificate | None:
    return (
        Certificate.objects.filter(product=product, status__in=IN_FORCE)
        .order_by("-valid_until")
        .first()
    )


def check_filing(product, today: date) -> Certificate:
    """The certificate a re-evaluation opened on `today` renews; refused (ValidationError) outside
    the window unless Art. 12.3 lets a late one in. The dates decide, not the stored status."""
    current = certificate_in_force(product)
    if current is None:
        raise ValidationError(
            _("Sản phẩm không có giấy chứng nhận OCOP còn hiệu lực để đăng ký đánh giá lại.")
        )
    until = current.valid_until
    opens, closes = validity.window_start(until), validity.window_end(until)
    if opens <= today <= closes or validity.late_reevaluation_allowed(until, today):
        return current
    raise ValidationError(
        _(
            "Hồ sơ đánh giá lại chỉ được nộp từ %(opens)s đến %(closes)s (từ 180 đến 120 ngày "
            "trước ngày giấy chứng nhận %(number)s hết hạn, %(until)s)."
        )
        % {
            "opens": format_date(opens),
            "closes": format_date(closes),
            "number": current.number,
            "until": format_date(until),
        }
    )


def is_late(application: Application, certificate: Certificate | None = None) -> bool:
    """A re-evaluation whose certificate's window had closed before 26/2026 took effect."""
    if application.kind != ApplicationKind.REEVALUATION:
        return False
    certificate = certificate or certificate_in_force(application.product)
    return certificate is not None and validity.window_end(certificate.valid_until) < (
        validity.TRANSITION_DAY
    )


def on_filing(*, actor, application: Application, today: date) -> None:
    """At the first submission of a late re-evaluation: the certificate goes on past its expiry
    (Art. 12.3). Refused when the certificate expired before the filing: it can no longer
    "tiếp tục có hiệu lực"."""
    current = certificate_in_force(application.product)
    if current is None or not is_late(application, current):
        return
    if not validity.late_reevaluation_allowed(current.valid_until, today):
        raise ValidationError(
            _(
                "Giấy chứng nhận %(number)s đã hết hạn ngày %(until)s: Điều 12.3 Quyết định "
                "26/2026/QĐ-TTg chỉ kéo dài hiệu lực khi hồ sơ đánh giá lại được nộp trước ngày "
                "hết hạn."
            )
            % {"number": current.number, "until": format_date(current.valid_until)}
        )
    certificate_extend(actor=actor, certificate=current, filed_on=today)


def on_result(*, actor, application: Application, on: date) -> None:
    """A re-evaluation ended without a new certificate: the extension (if any) ends on `on`."""
    if application.kind == ApplicationKind.REEVALUATION:
        certificate_extension_end(actor=actor, product=application.product, on=on)
