from datetime import date

import pytest

from ocop.certificates import services
from ocop.registry.testing import make_producer, make_product


@pytest.fixture
def product_p(territory, personas):
    """A product in commune X of province P (Hà Nội), represented by producer_a."""
    producer = make_producer(
        territory.commune_x,
        "HTX Nông nghiệp Phú Xuyên",
        1,
        personas["producer_a"],
        street_address="Thôn Thượng",
    )
    return make_product(producer, "Mật ong hoa nhãn Phú Xuyên", 4)


@pytest.fixture
def product_q(territory, personas):
    """A product in commune Z of province Q (TP Hồ Chí Minh), represented by producer_b."""
    producer = make_producer(
        territory.commune_z, "Công ty TNHH Sài Gòn Xanh", 2, personas["producer_b"]
    )
    return make_product(producer, "Cà phê rang xay Sài Gòn", 13)


def issue(product, *, stars=3, issue_date=date(2026, 6, 30), supersedes=None, actor=None):
    """5★ by the ministry, 3★/4★ (and refused 2★) by the province, as the rules require."""
    central = stars == 5
    return services.certificate_issue(
        actor=actor,
        product=product,
        stars=stars,
        rules="26-2026",
        authority_name="Bộ Nông nghiệp và Môi trường" if central else "UBND thành phố Hà Nội",
        authority_level="central" if central else "province",
        decision_number="1234/QĐ-UBND",
        decision_date=issue_date,
        issue_date=issue_date,
        supersedes=supersedes,
    )


@pytest.fixture
def certificate_p(product_p):
    return issue(product_p)


@pytest.fixture
def certificate_q(product_q):
    return services.certificate_issue(
        actor=None,
        product=product_q,
        stars=4,
        rules="26-2026",
        authority_name="UBND Thành phố Hồ Chí Minh",
        authority_level="province",
        decision_number="88/QĐ-UBND",
        decision_date=date(2026, 7, 1),
        issue_date=date(2026, 7, 1),
    )
