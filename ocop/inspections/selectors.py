"""Reads of the post-audit app that join other apps."""

from ocop.certificates.models import Certificate
from ocop.evaluation.models import SessionItem


def recognised_item(certificate: Certificate) -> SessionItem | None:
    """The council result whose decision issued `certificate`: its dossier (the evaluation
    Application) is what Art. 9.3.a checks the product against. None for certificates issued
    outside this system (historic imports, the demo's 2020 results)."""
    return (
        SessionItem.objects.filter(
            decision__number=certificate.decision_number,
            decision__decided_on=certificate.decision_date,
            application__product_id=certificate.product_id,
        )
        .select_related("application__round", "decision")
        .order_by("-id")
        .first()
    )
