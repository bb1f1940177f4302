"""Who may change what in the registry, checked by the services themselves.

Views already fetch through scoped QuerySets; the services check again so that no other caller
(a new view, the API, a script) can skip the rule. `actor=None` is the system: management
commands, the CLI import and the demo data, which act with the full scope.
"""

from django.core.exceptions import PermissionDenied
from django.utils.translation import gettext as _

from ocop.accounts.roles import OFFICER_ROLES, Role
from ocop.accounts.scope import covers_commune


def _is_active(actor) -> bool:
    return actor.is_authenticated and actor.is_active


def is_officer_of(actor, commune) -> bool:
    """An OCOP officer (or admin) whose territory includes the commune."""
    if not _is_active(actor):
        return False
    is_officer = actor.is_superuser or actor.role in OFFICER_ROLES
    return is_officer and covers_commune(actor, commune)


def represents(actor, producer) -> bool:
    """A producer representative linked to this producer."""
    if not _is_active(actor) or actor.role != Role.PRODUCER or producer.pk is None:
        return False
    return producer.representatives.filter(pk=actor.pk).exists()


def require_officer(actor, commune) -> None:
    """Officer-only actions (verify, archive, decide on changes) in the officer's territory."""
    if actor is not None and not is_officer_of(actor, commune):
        raise PermissionDenied(_("Bạn không có quyền thực hiện thao tác này tại xã/phường này."))


def require_editor(actor, producer) -> None:
    """Edits of a producer or its products: an officer of its commune, or its representative."""
    if actor is None or is_officer_of(actor, producer.commune) or represents(actor, producer):
        return
    raise PermissionDenied(_("Bạn không có quyền sửa dữ liệu của chủ thể này."))


def require_creator(actor, commune, representative) -> None:
    """A new producer: an officer of its commune, or a representative registering their own."""
    if actor is None or is_officer_of(actor, commune):
        return
    if _is_active(actor) and actor.role == Role.PRODUCER and representative == actor:
        return
    raise PermissionDenied(_("Bạn không có quyền tạo chủ thể tại xã/phường này."))
