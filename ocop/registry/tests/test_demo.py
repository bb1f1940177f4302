from ocop.places.models import Commune
from ocop.registry.demo import seed_registry
from ocop.registry.identifiers import clean_phone, clean_tax_code
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
