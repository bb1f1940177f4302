"""The demo shows scoping (issue 9.9): its dossiers belong to several producers, and each of the two
demo producer accounts sees only its own producer's dossiers, products and certificates."""

import pytest
from django.test import Client

from ocop.accounts.demo import DEMO_ACCOUNTS, seed_accounts
from ocop.accounts.models import User
from ocop.accounts.testing import make_territory
from ocop.certificates.demo import seed_certificates
from ocop.certificates.models import Certificate
from ocop.evaluation.demo import seed_evaluation
from ocop.evaluation.models import Application
from ocop.places.models import Commune
from ocop.registry.demo import seed_registry
from ocop.registry.models import Product

pytestmark = pytest.mark.django_db


@pytest.fixture
def demo(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    territory = make_territory()
    for code, name in (("10330", "Xã Chuyên Mỹ"), ("10333", "Xã Đại Xuyên")):
        Commune.objects.create(
            code=code, name=name, division_type="xã", province=territory.province_p
        )
    seed_accounts()
    seed_registry()
    seed_evaluation()
    seed_certificates()
    return {u.username: u for u in User.objects.filter(username__in=["producer", "producer2"])}


def names(queryset) -> set[str]:
    return set(queryset.values_list("product__name", flat=True))


def test_demo_dossiers_belong_to_several_producers_in_several_communes(demo):
    assert set(Application.objects.values_list("producer__name", flat=True)) == {
        "HTX Nông nghiệp Phú Xuyên", "Tổ hợp tác Mật ong Quang Hà", "Hộ kinh doanh Giò chả Nam Tiến",
        "Trang trại Cá Minh Phát", "HTX Nông nghiệp Phượng Dực",
    }  # fmt: skip
    assert set(Application.objects.values_list("commune__code", flat=True)) == {"10273", "10279"}
    assert {"producer2"} <= {username for username, *_ in DEMO_ACCOUNTS}
    producer, producer2 = demo["producer"].producers.get(), demo["producer2"].producers.get()
    assert (producer.name, producer.commune.code) == ("HTX Nông nghiệp Phú Xuyên", "10273")
    assert (producer2.name, producer2.commune.code) == ("HTX Nông nghiệp Phượng Dực", "10279")


def test_each_producer_account_sees_only_its_own(demo):
    mine = Application.objects.visible_to(demo["producer"])
    theirs = Application.objects.visible_to(demo["producer2"])
    assert names(theirs) == {"Gạo tám thơm Phượng Dực", "Cà rốt Phượng Dực"}
    assert mine.count() == 10
    assert not names(mine) & names(theirs)
    assert set(mine.values_list("producer__name", flat=True)) == {"HTX Nông nghiệp Phú Xuyên"}
    for account in demo.values():
        own = account.producers.get()
        products = Product.objects.visible_to(account)
        assert set(products.values_list("producer", flat=True)) == {own.pk}
        assert products.count() == Product.objects.filter(producer=own).count()
        certificates = Certificate.objects.visible_to(account)
        assert certificates.exists()
        assert set(certificates.values_list("product__producer", flat=True)) == {own.pk}


def test_the_list_pages_show_each_producer_only_its_own(demo):
    for username, other in (("producer", "Cà rốt Phượng Dực"), ("producer2", "Bí xanh Phú Xuyên")):
        client = Client()
        client.force_login(demo[username])
        own = Application.objects.visible_to(demo[username]).exclude(stage="draft").first()
        page = client.get("/applications/").content.decode()
        assert own.product.name in page
        assert other not in page


def test_the_province_and_the_commune_see_their_territory(demo):
    province = User.objects.get(username="province")
    commune = User.objects.get(username="commune")
    filed = Application.objects.exclude(stage="draft")
    assert set(filed.visible_to(province)) == set(filed)
    assert "Cà rốt Phượng Dực" in names(filed.visible_to(province))
    assert set(filed.visible_to(commune)) == set(filed.filter(commune__code="10273"))
    assert (
        Product.objects.visible_to(province).count()
        == Product.objects.filter(producer__commune__province__code="01").count()
    )
