"""The services check authority themselves: role, territory, representation. None is the system."""

import pytest
from django.core.exceptions import PermissionDenied

from ocop.core.models import AuditEntry
from ocop.registry import services
from ocop.registry.models import PendingChange, Producer, Product

OFFICER_REFUSAL = "Bạn không có quyền thực hiện thao tác này tại xã/phường này."
EDITOR_REFUSAL = "Bạn không có quyền sửa dữ liệu của chủ thể này."


def _state():
    return (
        list(Producer.objects.order_by("pk").values_list("name", "verified_by", "archived_at")),
        list(Product.objects.order_by("pk").values_list("name", "verified_by", "archived_at")),
        AuditEntry.objects.count(),
        PendingChange.objects.count(),
    )


def _refused(call, message: str) -> None:
    before = _state()
    with pytest.raises(PermissionDenied) as info:
        call()
    assert str(info.value) == message
    assert _state() == before


def test_producer_and_other_territory_cannot_verify_or_archive(registry, personas):
    # the reviewer's probe: a producer verified, and an officer archived, outside their reach
    producer = registry.producer_z
    for persona in ("producer_a", "producer_b", "commune_x", "province_p", "advisor", "member"):
        actor = personas[persona]
        _refused(
            lambda a=actor: services.producer_verify(actor=a, producer=producer), OFFICER_REFUSAL
        )
        _refused(
            lambda a=actor: services.producer_set_archived(
                actor=a, producer=producer, archived=True
            ),
            OFFICER_REFUSAL,
        )
        _refused(
            lambda a=actor: services.product_verify(actor=a, product=registry.product_z),
            OFFICER_REFUSAL,
        )
        _refused(
            lambda a=actor: services.product_set_archived(
                actor=a, product=registry.product_z, archived=True
            ),
            OFFICER_REFUSAL,
        )


def test_officers_act_in_their_territory(registry, personas):
    services.producer_verify(actor=personas["commune_x"], producer=registry.producer_x)
    services.product_verify(actor=personas["province_p"], product=registry.product_y)
    services.producer_set_archived(
        actor=personas["province_q"], producer=registry.producer_z, archived=True
    )
    services.product_set_archived(
        actor=personas["central"], product=registry.product_z, archived=True
    )
    registry.producer_x.refresh_from_db()
    registry.product_y.refresh_from_db()
    assert registry.producer_x.verified_by == personas["commune_x"]
    assert registry.product_y.verified_by == personas["province_p"]
    assert Producer.objects.active().filter(pk=registry.producer_z.pk).count() == 0


def test_edits_need_an_officer_of_the_commune_or_the_representative(registry, personas):
    product, producer = registry.product_y, registry.producer_y
    for persona in ("producer_a", "commune_x", "province_q", "member"):
        actor = personas[persona]
        _refused(
            lambda a=actor: services.producer_update(
                actor=a, producer=producer, data={"name": "X"}
            ),
            EDITOR_REFUSAL,
        )
        _refused(
            lambda a=actor: services.product_update(actor=a, product=product, data={"price": 1}),
            EDITOR_REFUSAL,
        )
        _refused(
            lambda a=actor: services.product_create(
                actor=a, data={"producer": producer, "name": "Kẹo", "set_number": 4}
            ),
            EDITOR_REFUSAL,
        )
        _refused(
            lambda a=actor: services.producer_add_document(
                actor=a, producer=producer, data={"kind": "business_registration", "number": "1"}
            ),
            EDITOR_REFUSAL,
        )
        _refused(
            lambda a=actor: services.product_add_standard(
                actor=a, product=product, data={"kind": "vietgap", "number": "1"}
            ),
            EDITOR_REFUSAL,
        )
    services.product_update(actor=personas["producer_b"], product=product, data={"price": 5000})
    services.product_update(actor=personas["commune_y"], product=product, data={"price": 6000})
    product.refresh_from_db()
    assert product.price == 6000


def test_a_product_cannot_be_moved_to_someone_elses_producer(registry, personas):
    _refused(
        lambda: services.product_update(
            actor=personas["producer_a"],
            product=registry.product_x,
            data={"producer": registry.producer_y},
        ),
        EDITOR_REFUSAL,
    )


def test_an_officer_cannot_move_a_producer_out_of_the_territory(registry, personas, territory):
    _refused(
        lambda: services.producer_update(
            actor=personas["commune_x"],
            producer=registry.producer_x,
            data={"commune": territory.commune_z},
        ),
        OFFICER_REFUSAL,
    )


def test_create_producer_in_territory_or_as_own_representative(territory, personas):
    data = {"legal_form": "cooperative", "name": "HTX Mới", "tax_code": "0100109106"}
    _refused(
        lambda: services.producer_create(
            actor=personas["commune_x"], data={**data, "commune": territory.commune_z}
        ),
        "Bạn không có quyền tạo chủ thể tại xã/phường này.",
    )
    _refused(
        lambda: services.producer_create(
            actor=personas["producer_a"], data={**data, "commune": territory.commune_z}
        ),
        "Bạn không có quyền tạo chủ thể tại xã/phường này.",
    )
    made = services.producer_create(
        actor=personas["producer_a"],
        data={**data, "commune": territory.commune_z},
        representative=personas["producer_a"],
    )
    assert list(made.representatives.all()) == [personas["producer_a"]]


def test_pending_changes_are_decided_by_an_officer_of_the_commune(registry, personas):
    services.producer_verify(actor=personas["commune_x"], producer=registry.producer_x)
    change = services.producer_update(
        actor=personas["producer_a"], producer=registry.producer_x, data={"phone": "0912345678"}
    )
    for persona in ("producer_a", "commune_y", "province_q"):
        actor = personas[persona]
        _refused(lambda a=actor: services.change_accept(actor=a, change=change), OFFICER_REFUSAL)
        _refused(
            lambda a=actor: services.change_reject(actor=a, change=change, note="Không"),
            OFFICER_REFUSAL,
        )
    services.change_accept(actor=personas["province_p"], change=change)
    registry.producer_x.refresh_from_db()
    assert registry.producer_x.phone == "0912345678"


def test_assign_code_by_an_officer_is_checked_but_the_system_may(registry, personas):
    _refused(
        lambda: services.product_assign_code(
            product=registry.product_z, year=2026, actor=personas["commune_x"]
        ),
        OFFICER_REFUSAL,
    )
    assert services.product_assign_code(product=registry.product_z, year=2026) == (
        "79-26734-001-2026"
    )


def test_the_system_acts_without_an_actor(registry):
    services.producer_verify(actor=None, producer=registry.producer_z)
    services.product_update(actor=None, product=registry.product_z, data={"price": 10})
    registry.producer_z.refresh_from_db()
    registry.product_z.refresh_from_db()
    assert (registry.producer_z.verified_at is not None, registry.product_z.price) == (True, 10)
