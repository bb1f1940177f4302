"""Ten concurrent requests of each registry action have exactly one effect (issue 9.2): a pending
change accepted or rejected once, data verified once, archived or restored once, one audit row."""

import pytest

from ocop.core.models import AuditEntry
from ocop.core.testing import assert_one_effect, run_at_once
from ocop.registry import services
from ocop.registry.models import PendingChange, Producer, Product

pytestmark = pytest.mark.django_db(transaction=True)


def audited(action: str) -> int:
    return AuditEntry.objects.filter(action=action).count()


@pytest.fixture
def change(registry, personas):
    services.producer_verify(actor=personas["commune_x"], producer=registry.producer_x)
    return services.producer_update(
        actor=personas["producer_a"], producer=registry.producer_x,
        data={"street_address": "Thôn Mới"},
    )  # fmt: skip


def test_ten_acceptances_apply_a_change_once(registry, personas, change):
    race = run_at_once(lambda: services.change_accept(
        actor=personas["commune_x"], change=PendingChange.objects.get(pk=change.pk)))  # fmt: skip
    assert_one_effect(race)
    assert PendingChange.objects.get().status == "accepted"
    assert Producer.objects.get(pk=registry.producer_x.pk).street_address == "Thôn Mới"
    assert audited("producer_update") == 1


def test_ten_rejections_close_a_change_once(personas, change):
    race = run_at_once(lambda: services.change_reject(
        actor=personas["commune_x"], change=PendingChange.objects.get(pk=change.pk), note="Sai"))  # fmt: skip
    assert_one_effect(race)
    assert PendingChange.objects.get().status == "rejected"
    assert audited("change_reject") == 1


def test_ten_verifications_verify_once(registry, personas):
    pk = registry.product_x.pk
    race = run_at_once(lambda: services.product_verify(
        actor=personas["commune_x"], product=Product.objects.get(pk=pk)))  # fmt: skip
    assert_one_effect(race, silent_repeats=True)
    assert audited("product_verify") == 1
    assert Product.objects.get(pk=pk).verified_by == personas["commune_x"]
    race = run_at_once(lambda: services.producer_verify(
        actor=personas["commune_x"], producer=Producer.objects.get(pk=registry.producer_x.pk)))  # fmt: skip
    assert_one_effect(race, silent_repeats=True)
    assert audited("producer_verify") == 1


def test_ten_archivings_archive_once_and_ten_restores_restore_once(registry, personas):
    pk = registry.product_x.pk

    def archive(archived):
        return lambda: services.product_set_archived(
            actor=personas["commune_x"], product=Product.objects.get(pk=pk), archived=archived)  # fmt: skip

    assert_one_effect(run_at_once(archive(True)), silent_repeats=True)
    assert (audited("product_archive"), Product.objects.get(pk=pk).archived_at is not None) == (
        1, True,
    )  # fmt: skip
    assert_one_effect(run_at_once(archive(False)), silent_repeats=True)
    assert (audited("product_restore"), Product.objects.get(pk=pk).archived_at) == (1, None)
    producer_pk = registry.producer_x.pk
    assert_one_effect(run_at_once(lambda: services.producer_set_archived(
        actor=personas["commune_x"], producer=Producer.objects.get(pk=producer_pk),
        archived=True)), silent_repeats=True)  # fmt: skip
    assert audited("producer_archive") == 1
