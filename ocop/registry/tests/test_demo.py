from ocop.places.models import Commune
from ocop.registry.demo import demo_gtin, seed_registry
from ocop.registry.identifiers import clean_gtin, clean_phone, clean_tax_code
from ocop.registry.models import Producer, Product


def test_seed_story_is_complete_and_idempotent(territory):
    for code, name in (("10330", "Xã Chuyên Mỹ"), ("10333", "Xã Đại Xuyên")):
        Commune.objects.create(
            code=code, name=name, division_type="xã", province=territory.province_p
        )
    assert seed_registry() == (26, 102)
    assert seed_registry() == (26, 102)
    in_phu_xuyen = Producer.objects.filter(commune__province__code="01")
    assert in_phu_xuyen.count() == 23
    assert Producer.objects.exclude(commune__province__code="01").count() == 3
    assert Product.objects.values("set_number").distinct().count() >= 15
    for producer in Producer.objects.all():
        assert clean_tax_code(producer.tax_code) == producer.tax_code
        assert producer.phone == "" or clean_phone(producer.phone) == producer.phone


def test_about_a_third_of_the_demo_products_carry_vietnamese_gtins(territory):
    for code, name in (("10330", "Xã Chuyên Mỹ"), ("10333", "Xã Đại Xuyên")):
        Commune.objects.create(
            code=code, name=name, division_type="xã", province=territory.province_p
        )
    seed_registry()
    gtins = list(Product.objects.exclude(gtin="").values_list("gtin", flat=True))
    assert len(gtins) == 31  # of 102
    assert len(set(gtins)) == len(gtins)
    for gtin in gtins:
        assert (len(gtin), gtin[:3]) == (13, "893")
        assert clean_gtin(gtin) == gtin


def test_demo_gtins_are_deterministic():
    assert [demo_gtin(1, i) for i in range(4)] == ["", "", "8930500100035", ""]
    assert demo_gtin(3, 0) == "8930500300015"
