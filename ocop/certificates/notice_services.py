"""Sending written notices (thông báo bằng văn bản): numbered letters stored as `Notice` rows, an
in-app notification to the addressee's users and an e-mail after commit.

`notice_send` is the one write path for every kind of letter (a decision's results, Art. 7.3.g /
7.4.g / 7.6.đ; a revocation, Art. 8.3.c; the ministry's oversight, Art. 10.1.b); callers describe
each letter with a `Letter` and pass the issuing authority once. `revocation_notices_send` is the
revocation's: the producer, the commune and the provincial OCOP agency, each with its letter."""

import logging
from dataclasses import dataclass
from datetime import date

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.core.mail import send_mail
from django.db import models, transaction
from django.db.models import F
from django.utils.translation import gettext as _

from ocop.accounts.models import User
from ocop.accounts.roles import Role
from ocop.accounts.services import notify
from ocop.core.dates import format_date
from ocop.core.services import audit_record
from ocop.places.models import Commune, Province
from ocop.registry.models import Producer, Product

from .choices import AuthorityLevel, RevocationGround
from .models import Certificate
from .notice_models import Notice, NoticeCounter, NoticeKind, RecipientKind

log = logging.getLogger(__name__)
MINISTRY = "Bộ Nông nghiệp và Môi trường"


@dataclass(frozen=True)
class Letter:
    """One letter to one addressee. `province` (and `commune`) locate it for the officers' scope."""

    kind: str
    recipient_kind: str
    province: Province
    subject: str
    body: str
    source: models.Model
    commune: Commune | None = None
    producer: Producer | None = None
    product: Product | None = None
    certificate: Certificate | None = None
    outcome: str = ""


def committee_of(unit_name: str) -> str:
    """ "Xã Phú Xuyên" → "UBND xã Phú Xuyên"; "Thành phố Hà Nội" → "UBND thành phố Hà Nội"."""
    return f"UBND {unit_name[:1].lower()}{unit_name[1:]}"


def province_agency(province: Province) -> str:
    """The provincial OCOP agency (cơ quan tham mưu quản lý OCOP cấp tỉnh)."""
    return f"Sở Nông nghiệp và Môi trường {province.name[:1].lower()}{province.name[1:]}"


def addressee_of(letter: Letter) -> str:
    if letter.recipient_kind == RecipientKind.PRODUCER and letter.producer is not None:
        return letter.producer.name
    if letter.recipient_kind == RecipientKind.COMMUNE and letter.commune is not None:
        return committee_of(letter.commune.name)
    return province_agency(letter.province)


def recipients_of(notice: Notice) -> list[User]:
    """The users who receive the letter in the system: the producer's representatives, the
    commune's officers, or the province's officers."""
    users = User.objects.filter(is_active=True)
    if notice.recipient_kind == RecipientKind.PRODUCER and notice.producer is not None:
        return list(notice.producer.representatives.filter(is_active=True))
    if notice.recipient_kind == RecipientKind.COMMUNE:
        return list(users.filter(role=Role.COMMUNE, commune=notice.commune_id))
    return list(users.filter(role=Role.PROVINCE, province=notice.province_id))


def _next_number(authority_name: str, level: str, year: int) -> str:
    NoticeCounter.objects.get_or_create(authority=authority_name, year=year)
    counters = NoticeCounter.objects.filter(authority=authority_name, year=year)
    counters.update(last=F("last") + 1)  # locks the row until the transaction ends
    serial = counters.values_list("last", flat=True).get()
    suffix = "BNNMT" if level == AuthorityLevel.CENTRAL else "UBND"
    return f"{serial:02d}/TB-{suffix}"


def notice_send(
    *, actor, letters: list[Letter], authority_name: str, authority_level: str,
    issued_on: date, signer: str = "", signer_deputy: bool = False,
) -> list[Notice]:  # fmt: skip
    """Number and store each letter, notify its addressee's users in the application and by
    e-mail after commit. Call inside the caller's transaction: a rolled-back action sends nothing,
    and a failing e-mail (after commit) never undoes the action. Side effects: Notice rows, a
    counter, Notification rows, one audit entry per letter."""
    notices = []
    for letter in letters:
        notice = Notice.objects.create(
            kind=letter.kind, recipient_kind=letter.recipient_kind, addressee=addressee_of(letter),
            province=letter.province, commune=letter.commune, producer=letter.producer,
            product=letter.product, certificate=letter.certificate,
            source_type=ContentType.objects.get_for_model(letter.source),
            source_id=letter.source.pk, outcome=letter.outcome, authority_name=authority_name,
            authority_level=authority_level, issued_on=issued_on,
            number=_next_number(authority_name, authority_level, issued_on.year),
            subject=letter.subject, body=letter.body, signer=signer, signer_deputy=signer_deputy,
            created_by=actor,
        )  # fmt: skip
        users = recipients_of(notice)
        message = _("Thông báo %(number)s: %(subject)s") % {
            "number": notice.number, "subject": notice.subject}  # fmt: skip
        notice.sent_to = notify(recipients=users, message=message, url=notice.get_absolute_url(),
                                email=False)  # fmt: skip
        notice.save(update_fields=["sent_to"])
        _mail_after_commit(notice, [u.email for u in users if u.email], message)
        audit_record(actor=actor, action="notice_send", obj=notice,
                     summary=f"{notice.number} → {notice.addressee}")  # fmt: skip
        notices.append(notice)
    return notices


def _mail_after_commit(notice: Notice, addresses: list[str], message: str) -> None:
    if not addresses:
        return
    link = f"{settings.SITE_URL}{notice.get_absolute_url()}"
    body = f"{notice.addressee}\n\n{notice.subject}\n\n{notice.body}\n\n{link}\n"
    subject = _("[OCOP] %(message)s") % {"message": message[:80]}

    def send() -> None:
        for address in addresses:
            try:
                send_mail(subject, body, None, [address])
            except Exception:  # an unreachable mail server must not fail the request
                log.exception("notice %s: e-mail to %s failed", notice.pk, address)

    transaction.on_commit(send, robust=True)


def revocation_letters(certificate, *, kind: str = NoticeKind.REVOCATION) -> list[Letter]:
    """Art. 8.3.c: "Quyết định thu hồi giấy chứng nhận được gửi cho chủ thể OCOP và các cơ quan
    liên quan": the producer, its commune and the provincial OCOP agency."""
    product = certificate.product
    producer = product.producer
    ground = RevocationGround(certificate.revocation_ground).label
    subject = f"Về việc thu hồi giấy chứng nhận sản phẩm OCOP số {certificate.number}"
    body = (
        f"Giấy chứng nhận sản phẩm OCOP số {certificate.number} ({certificate.stars} sao) của sản "
        f"phẩm “{certificate.product_name}”, chủ thể {certificate.producer_name}, cấp theo Quyết "
        f"định số {certificate.decision_number} ngày {format_date(certificate.decision_date)}, "
        f"bị thu hồi theo Quyết định số {certificate.revocation_decision_number} ngày "
        f"{format_date(certificate.revocation_decision_date)}.\n"
        f"Căn cứ thu hồi: {ground} (kết luận ngày "
        f"{format_date(certificate.revocation_conclusion_date)}).\n"
        "Kể từ ngày quyết định thu hồi có hiệu lực, chủ thể không được sử dụng biểu trưng OCOP và "
        "giấy chứng nhận nêu trên cho sản phẩm (khoản 3 Điều 8 Quyết định số 26/2026/QĐ-TTg)."
    )
    common = {"kind": kind, "province": producer.commune.province, "commune": producer.commune,
              "producer": producer, "product": product, "certificate": certificate,
              "subject": subject, "body": body, "source": certificate,
              "outcome": "revoked"}  # fmt: skip
    return [Letter(recipient_kind=kind_, **common) for kind_ in RecipientKind.values]


def revoking_authority(certificate) -> tuple[str, str]:
    """The authority that revokes today (Art. 8.2): the ministry for 5★, otherwise the provincial
    People's Committee (a former district's 3★ is revoked by the province)."""
    if certificate.stars >= 5:
        return MINISTRY, AuthorityLevel.CENTRAL
    return committee_of(certificate.product.producer.commune.province.name), AuthorityLevel.PROVINCE


def revocation_notices_send(*, actor, certificate) -> list[Notice]:
    """The three letters of a revocation (Art. 8.3.c). Call inside the revocation's transaction."""
    name, level = revoking_authority(certificate)
    return notice_send(
        actor=actor, letters=revocation_letters(certificate), authority_name=name,
        authority_level=level, issued_on=certificate.revocation_decision_date,
    )  # fmt: skip
