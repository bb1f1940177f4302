import io

import pytest
from django.core.exceptions import ValidationError
from PIL import Image

from ocop.core.models import AuditEntry
from ocop.registry import services
from ocop.registry.models import CommuneSerial, PendingChange, Producer, Product
from ocop.registry.product_sets import (
    _sets_of_known,
    find_set,
    rules_with_sets,
    set_choices,
    sets_of,
)


def test_product_sets_come_from_the_classification():
    assert find_set("26-2026", 13).code == "I.4.b" or find_set("26-2026", 13).number == 13
    assert find_set("26-2026", 27) is None
    assert len(set_choices("26-2026")) == 26


def test_assign_code_takes_the_commune_serial(registry):
    first = services.product_assign_code(product=registry.product_x, year=2026)
    other = Product.objects.create(
        producer=registry.producer_x, name="Miến dong", set_number=6, search_key="mien dong"
    )
    second = services.product_assign_code(product=other, year=2027)
    again = services.product_assign_code(product=registry.product_x, year=2030)
    in_y = services.product_assign_code(product=registry.product_y, year=2026)
    assert (first, second, again, in_y) == (
        "01-10273-001-2026",
        "01-10273-002-2027",
        "01-10273-001-2026",
        "01-10279-001-2026",
    )
    assert CommuneSerial.objects.get(commune=registry.producer_x.commune).last == 2
    assert Product.objects.filter(search_key__contains="01-10273-001-2026").count() == 1


def test_update_writes_audit_with_before_and_after(registry, personas):
    producer = registry.producer_x
    services.producer_update(
        actor=personas["commune_x"], producer=producer, data={"name": "HTX Mới"}
    )
    entry = AuditEntry.objects.filter(action="producer_update").get()
    assert entry.changes() == [("name", "HTX Nông nghiệp Phú Xuyên", "HTX Mới")]
    assert entry.actor == personas["commune_x"]
    registry.product_x.refresh_from_db()
    assert "htx moi" in registry.product_x.search_key


def test_producer_edit_of_verified_data_waits_for_an_officer(registry, personas):
    producer = registry.producer_x
    services.producer_verify(actor=personas["commune_x"], producer=producer)
    change = services.producer_update(
        actor=personas["producer_a"], producer=producer, data={"street_address": "Thôn Mới"}
    )
    producer.refresh_from_db()
    assert producer.street_address == ""
    assert change.values == {"street_address": "Thôn Mới"}
    services.change_accept(actor=personas["commune_x"], change=change)
    producer.refresh_from_db()
    change.refresh_from_db()
    assert (producer.street_address, change.status) == ("Thôn Mới", "accepted")
    with pytest.raises(ValidationError):
        services.change_accept(actor=personas["commune_x"], change=change)


def test_pending_product_change_keeps_types_and_can_be_rejected(registry, personas):
    product = registry.product_x
    services.product_verify(actor=personas["commune_x"], product=product)
    change = services.product_update(
        actor=personas["producer_a"],
        product=product,
        data={"price": 150000, "bilingual_label": True},
    )
    services.change_reject(actor=personas["commune_x"], change=change, note="Giá chưa đúng")
    product.refresh_from_db()
    assert (product.price, product.bilingual_label) == (None, False)
    assert PendingChange.objects.get().status == "rejected"


def test_unverified_data_is_edited_directly_by_its_producer(registry, personas):
    result = services.product_update(
        actor=personas["producer_a"], product=registry.product_x, data={"price": 90000}
    )
    registry.product_x.refresh_from_db()
    assert (result, registry.product_x.price) == (None, 90000)


def test_archive_hides_but_keeps(registry, personas):
    services.producer_set_archived(
        actor=personas["admin"], producer=registry.producer_z, archived=True
    )
    assert Producer.objects.active().filter(pk=registry.producer_z.pk).count() == 0
    assert Producer.objects.filter(pk=registry.producer_z.pk).count() == 1


def _png(size) -> bytes:
    out = io.BytesIO()
    Image.new("RGB", size, (200, 30, 30)).save(out, "PNG")
    return out.getvalue()


def test_image_is_checked_and_resized(registry, personas, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    image = services.product_add_image(
        actor=personas["producer_a"], product=registry.product_x, data=_png((3200, 800))
    )
    assert (image.width, image.height) == (1600, 400)
    assert image.image.name.endswith(".png")
    with pytest.raises(ValidationError) as info:
        services.product_add_image(
            actor=personas["producer_a"], product=registry.product_x, data=b"GIF89a not really"
        )
    assert info.value.messages == ["Tệp không phải là ảnh hợp lệ."]


@pytest.mark.parametrize("code", ["x" * 5000, "../data/26-2026", "../../../etc"])
def test_sets_of_an_unknown_code_are_empty_and_not_cached(code):
    assert sets_of(code) == {}
    assert find_set(code, 1) is None
    assert _sets_of_known.cache_info().currsize <= len(rules_with_sets())
