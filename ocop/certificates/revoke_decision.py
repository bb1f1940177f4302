"""Revoking every certificate a recognition decision issued, when the central level finds the
decision wrongly issued (Art. 10.1.b of Decision 26/2026). Unlike certificate_revoke (one
certificate, the authority of its class, Art. 8.2) this is the central level acting on a whole
provincial decision; the letters are the caller's (one set for the decision)."""

from datetime import date

from django.core.exceptions import PermissionDenied
from django.utils.translation import gettext as _

from ocop.accounts.roles import Role
from ocop.core.services import audit_record, lock, snapshot

from . import verify_cache
from .choices import IN_FORCE, RevocationGround, Status
from .models import Certificate
from .services import AUDITED, product_certificate_sync


def certificates_revoke_for_decision(
    *, actor, certificates: list[Certificate], conclusion_date: date, decision_number: str,
    decision_date: date, note: str,
) -> list[Certificate]:  # fmt: skip
    """Revoke the certificates still in force (each locked and re-read), on the ground "kết luận
    khác của cơ quan có thẩm quyền" with the review's note; superseded, expired or already revoked
    ones are left as they are. Call inside the caller's transaction. Side effects: status and
    revocation facts, audit entry each, product sync, verification cache. Returns the revoked."""
    if actor is None or not (actor.is_superuser or actor.role in (Role.ADMIN, Role.CENTRAL)):
        raise PermissionDenied(_("Chỉ cấp trung ương thu hồi toàn bộ một quyết định công nhận."))
    revoked = []
    for certificate in sorted(certificates, key=lambda c: c.pk):
        lock(certificate)
        if certificate.status not in IN_FORCE:
            continue
        before = snapshot(certificate, AUDITED)
        certificate.status = Status.REVOKED
        certificate.revocation_ground = RevocationGround.OTHER_CONCLUSION
        certificate.revocation_conclusion_date = conclusion_date
        certificate.revocation_decision_number = decision_number
        certificate.revocation_decision_date = decision_date
        certificate.revocation_note = note
        certificate.save()
        verify_cache.forget(certificate)
        audit_record(actor=actor, action="certificate_revoke", obj=certificate,
                     summary=_("Thu hồi theo quyết định thu hồi quyết định công nhận %(number)s")
                     % {"number": decision_number}, before=before,
                     after=snapshot(certificate, AUDITED))  # fmt: skip
        product_certificate_sync(certificate.product)
        revoked.append(certificate)
    return revoked
