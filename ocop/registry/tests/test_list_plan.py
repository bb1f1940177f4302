"""An officer of one territory gets its products read through the producers' index, not by
walking every product of the country in name order (50,000 of them at national scale)."""

from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from ocop.accounts.testing import client_for
from ocop.registry.models import Product
from ocop.registry.testing import make_product


def _page_query(client, url: str) -> tuple[str, str]:
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url)
    assert response.status_code == 200
    pages = [q["sql"] for q in captured if 'FROM "registry_product"' in q["sql"]
             and "ORDER BY" in q["sql"]]  # fmt: skip
    assert len(pages) == 1
    return pages[0], response.content.decode()


def _plan(sql: str) -> str:
    with connection.cursor() as cursor:
        cursor.execute("EXPLAIN QUERY PLAN " + sql)
        return " | ".join(str(row[-1]) for row in cursor.fetchall())


def test_a_commune_officer_lists_its_products_in_name_order_from_its_producers(personas, registry):
    second = make_product(registry.producer_x, "Bánh chưng Phú Xuyên", 1)
    archived = make_product(registry.producer_x, "Cốm cũ", 1)
    Product.objects.filter(pk=archived.pk).update(archived_at=timezone.now())
    sql, page = _page_query(client_for(personas["commune_x"]), "/products/")
    assert page.index(second.name) < page.index(registry.product_x.name)
    assert archived.name not in page and registry.product_y.name not in page
    if connection.vendor == "sqlite":
        plan = _plan(sql)
        assert "registry_product USING INDEX" in plan and "(producer_id=?)" in plan, plan
        assert "INDEX product_search " not in plan, plan
    _sql, archived_page = _page_query(client_for(personas["commune_x"]), "/products/?archived=1")
    assert archived.name in archived_page and second.name not in archived_page


def test_a_province_officer_lists_the_provinces_products_from_its_producers(personas, registry):
    sql, page = _page_query(client_for(personas["province_p"]), "/products/")
    assert registry.product_x.name in page and registry.product_y.name in page
    assert registry.product_z.name not in page
    if connection.vendor == "sqlite":
        plan = _plan(sql)
        assert "registry_product USING INDEX" in plan and "(producer_id=?)" in plan, plan
        assert "INDEX product_search " not in plan, plan


def test_a_central_officer_still_walks_the_name_index_without_sorting(personas, registry):
    sql, page = _page_query(client_for(personas["central"]), "/products/")
    assert registry.product_z.name in page
    if connection.vendor == "sqlite":
        plan = _plan(sql)
        assert "product_search" in plan and "TEMP B-TREE" not in plan, plan
