"""The permission matrix: every registry page × every persona."""

from django.urls import reverse

from ocop.accounts.testing import assert_matrix, client_for
from ocop.registry.models import PendingChange, Producer, Product

OFFICERS = {"commune_x", "commune_y", "province_p", "province_q", "central", "admin"}
LISTS = OFFICERS | {"producer_a", "producer_b"}
SEES_X = {"commune_x", "province_p", "central", "admin", "producer_a"}
ACTS_ON_X = SEES_X - {"producer_a"}


def _producers_state():
    return list(Producer.objects.order_by("pk").values_list("name", "verified_at", "archived_at"))


def _products_state():
    return list(
        Product.objects.order_by("pk").values_list("name", "price", "verified_at", "archived_at")
    )


def test_lists_and_create_pages(personas, registry):
    for name in (
        "producer_list",
        "product_list",
        "producer_create",
        "product_create",
        "change_list",
    ):
        assert_matrix(personas, reverse(f"registry:{name}"), LISTS)


def test_producer_pages(personas, registry):
    pk = registry.producer_x.pk
    for name in ("producer_detail", "producer_edit"):
        assert_matrix(personas, reverse(f"registry:{name}", args=[pk]), SEES_X)


def test_product_pages(personas, registry):
    pk = registry.product_x.pk
    for name in ("product_detail", "product_edit"):
        assert_matrix(personas, reverse(f"registry:{name}", args=[pk]), SEES_X)


def test_officer_actions_on_producer(personas, registry):
    pk = registry.producer_x.pk
    for name in ("producer_verify", "producer_archive"):
        assert_matrix(
            personas, reverse(f"registry:{name}", args=[pk]), ACTS_ON_X,
            method="post", ok_status=(302,), state=_producers_state,
        )  # fmt: skip


def test_officer_actions_on_product(personas, registry):
    pk = registry.product_x.pk
    for name in ("product_verify", "product_archive"):
        assert_matrix(
            personas, reverse(f"registry:{name}", args=[pk]), ACTS_ON_X,
            method="post", ok_status=(302,), state=_products_state,
        )  # fmt: skip


def test_edit_post_is_refused_outside_scope(personas, registry):
    data = {
        "producer": registry.producer_x.pk, "name": "Gà Lạc Thủy", "rules": "26-2026",
        "set_number": 2, "price": 123000, "trademark": "",
    }  # fmt: skip
    url = reverse("registry:product_edit", args=[registry.product_x.pk])
    assert_matrix(
        personas, url, SEES_X, method="post", data=data, ok_status=(302,), state=_products_state
    )
    registry.product_x.refresh_from_db()
    assert registry.product_x.price == 123000


def test_documents_standards_images(personas, registry):
    doc = {"kind": "food_safety", "number": "12/ATTP"}
    assert_matrix(
        personas, reverse("registry:producer_document_add", args=[registry.producer_x.pk]), SEES_X,
        method="post", data=doc, ok_status=(302,),
        state=lambda: registry.producer_x.documents.count(),
    )  # fmt: skip
    standard = {"kind": "vietgap", "number": "VG-1"}
    assert_matrix(
        personas, reverse("registry:product_standard_add", args=[registry.product_x.pk]), SEES_X,
        method="post", data=standard, ok_status=(302,),
        state=lambda: registry.product_x.standards.count(),
    )  # fmt: skip
    assert_matrix(
        personas, reverse("registry:product_image_add", args=[registry.product_x.pk]), SEES_X,
        method="post", ok_status=(302,), state=lambda: registry.product_x.images.count(),
    )  # fmt: skip


def test_pending_change_decisions(personas, registry):
    from ocop.registry import services

    services.producer_verify(actor=personas["commune_x"], producer=registry.producer_x)
    change = services.producer_update(
        actor=personas["producer_a"], producer=registry.producer_x, data={"phone": "0912345678"}
    )

    def state():
        return list(PendingChange.objects.values_list("status", flat=True))

    assert_matrix(
        personas, reverse("registry:change_reject", args=[change.pk]), ACTS_ON_X,
        method="post", data={"note": "Chưa đủ"}, ok_status=(302,), state=state,
    )  # fmt: skip
    assert state() == ["rejected"]


def test_accept_is_refused_outside_scope(personas, registry):
    from ocop.registry import services

    services.producer_verify(actor=personas["commune_x"], producer=registry.producer_x)
    change = services.producer_update(
        actor=personas["producer_a"], producer=registry.producer_x, data={"phone": "0912345678"}
    )
    url = reverse("registry:change_accept", args=[change.pk])
    for name in ("anonymous", "producer_a", "producer_b", "commune_y", "province_q", "advisor"):
        response = client_for(personas[name]).post(url)
        assert response.status_code in (302, 403, 404)
        assert PendingChange.objects.get().status == "pending"
    response = client_for(personas["commune_x"]).post(url)
    assert response.status_code == 302
    registry.producer_x.refresh_from_db()
    assert registry.producer_x.phone == "0912345678"


def test_excel_pages(personas, registry):
    for kind in ("producers", "products"):
        assert_matrix(personas, reverse(f"registry:{kind}_template"), OFFICERS)
        assert_matrix(personas, reverse(f"registry:{kind}_import"), OFFICERS)
        assert_matrix(personas, reverse(f"registry:{kind}_export"), LISTS)


def test_import_confirm_needs_the_uploaders_session(personas, registry):
    url = reverse("registry:products_import_confirm", args=["0" * 32])
    assert_matrix(personas, url, set(), method="post", state=_products_state)


def test_scoped_lists_show_only_the_territory(personas, registry):
    def names(persona):
        response = client_for(personas[persona]).get(reverse("registry:product_list"))
        return sorted(p.name for p in response.context["page"])

    assert names("commune_x") == ["Gà Lạc Thủy"]
    assert names("producer_b") == ["Đường phèn Phượng Dực"]
    assert names("province_p") == ["Gà Lạc Thủy", "Đường phèn Phượng Dực"]
    assert names("province_q") == ["Cà phê Sài Gòn"]
    assert len(names("central")) == 3


def test_officer_cannot_create_a_producer_outside_the_territory(personas, territory):
    data = {"legal_form": "cooperative", "name": "HTX Ngoài", "tax_code": "0100109106",
            "commune": territory.commune_y.code}  # fmt: skip
    response = client_for(personas["commune_x"]).post(reverse("registry:producer_create"), data)
    assert response.status_code == 200
    assert response.context["form"].errors["commune"] == [
        "Xã/phường này ngoài phạm vi quản lý của bạn."
    ]
    assert Producer.objects.count() == 0
