"""certificate_issue refuses an authority level or rule set that does not fit the stars and the
decision date (DOMAIN.md §1)."""

from datetime import date

import pytest
from django.core.exceptions import ValidationError

from ocop.certificates import services
from ocop.certificates.models import Certificate

pytestmark = pytest.mark.django_db

HANOI, PHU_XUYEN, MINISTRY = "UBND thành phố Hà Nội", "UBND huyện Phú Xuyên", "Bộ NN&MT"


def issue(product, *, stars, rules, name, level, day):
    return services.certificate_issue(
        actor=None,
        product=product,
        stars=stars,
        rules=rules,
        authority_name=name,
        authority_level=level,
        decision_number="1/QĐ",
        decision_date=day,
        issue_date=day,
    )


@pytest.mark.parametrize(
    ("stars", "rules", "name", "level", "day", "messages"),
    [
        (5, "26-2026", HANOI, "province", date(2026, 6, 30), [
            "Sản phẩm 5 sao do cấp trung ương công nhận, không phải cấp “Tỉnh/thành phố”.",
        ]),
        (4, "26-2026", MINISTRY, "central", date(2026, 6, 30), [
            "Cấp trung ương chỉ công nhận sản phẩm 5 sao, không công nhận sản phẩm 4 sao.",
        ]),
        (4, "148-2023", PHU_XUYEN, "district_historic", date(2024, 3, 1), [
            "Cấp huyện chỉ công nhận sản phẩm 3 sao, không công nhận sản phẩm 4 sao.",
        ]),
        (3, "148-2023", PHU_XUYEN, "district_historic", date(2025, 7, 1), [
            "Cấp huyện chỉ công nhận sản phẩm 3 sao theo quyết định từ 24/02/2023 đến "
            "30/06/2025 (Quyết định 148/QĐ-TTg), không phải ngày 01/07/2025.",
        ]),
        (3, "1048-2019", PHU_XUYEN, "district_historic", date(2020, 12, 20), [
            "Cấp huyện chỉ công nhận sản phẩm 3 sao theo quyết định từ 24/02/2023 đến "
            "30/06/2025 (Quyết định 148/QĐ-TTg), không phải ngày 20/12/2020.",
        ]),
        (4, "148-2023", HANOI, "province", date(2026, 7, 22), [
            "Bộ tiêu chí 148-2023 không có hiệu lực ngày 22/07/2026; bộ tiêu chí có hiệu lực: "
            "26-2026.",
        ]),
        (3, "26-2026", HANOI, "province", date(2026, 5, 21), [
            "Bộ tiêu chí 26-2026 không có hiệu lực ngày 21/05/2026; bộ tiêu chí có hiệu lực: "
            "148-2023.",
        ]),
        (3, "1048-2019", HANOI, "province", date(2023, 2, 24), [
            # issue 13 item 9: the district recognised 3★ from 24/02/2023 to 30/06/2025
            "Từ 24/02/2023 đến 30/06/2025 (Quyết định 148/QĐ-TTg) sản phẩm 3 sao do UBND cấp "
            "huyện công nhận, không phải cấp tỉnh (ngày 24/02/2023).",
            "Bộ tiêu chí 1048-2019 không có hiệu lực ngày 24/02/2023; bộ tiêu chí có hiệu lực: "
            "148-2023.",
        ]),
        (5, "148-2023", HANOI, "province", date(2026, 8, 1), [
            "Sản phẩm 5 sao do cấp trung ương công nhận, không phải cấp “Tỉnh/thành phố”.",
            "Bộ tiêu chí 148-2023 không có hiệu lực ngày 01/08/2026; bộ tiêu chí có hiệu lực: "
            "26-2026.",
        ]),
    ],
)  # fmt: skip
def test_issue_refuses_an_authority_or_rule_set_that_does_not_fit(
    product_p, stars, rules, name, level, day, messages
):
    with pytest.raises(ValidationError) as refused:
        issue(product_p, stars=stars, rules=rules, name=name, level=level, day=day)
    assert refused.value.messages == messages
    assert Certificate.objects.count() == 0
    product_p.refresh_from_db()
    assert (product_p.current_stars, product_p.certificate_status) == (None, "")


@pytest.mark.parametrize(
    ("stars", "rules", "name", "level", "day"),
    [
        (3, "1048-2019", HANOI, "province", date(2023, 2, 23)),
        (3, "148-2023", PHU_XUYEN, "district_historic", date(2023, 2, 24)),
        (3, "148-2023", PHU_XUYEN, "district_historic", date(2025, 6, 30)),
        (4, "148-2023", HANOI, "province", date(2026, 5, 22)),
        (4, "26-2026", HANOI, "province", date(2026, 5, 22)),
        (3, "148-2023", HANOI, "province", date(2026, 7, 21)),
        (5, "26-2026", MINISTRY, "central", date(2026, 7, 22)),
    ],
)
def test_issue_accepts_the_edges_of_each_period(product_p, stars, rules, name, level, day):
    certificate = issue(product_p, stars=stars, rules=rules, name=name, level=level, day=day)
    assert (certificate.stars, certificate.rules, certificate.authority_level) == (
        stars,
        rules,
        level,
    )
    assert certificate.decision_date == day
