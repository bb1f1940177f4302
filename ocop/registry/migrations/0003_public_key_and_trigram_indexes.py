"""The catalogue's public search key, and trigram indexes on every search key on PostgreSQL.

On PostgreSQL `LIKE '%term%'` over the keys (already lower case, unaccented, đ → d by
ocop.core.text.search_key, so no unaccent() is needed at query time) is served by GIN trigram
indexes (pg_trgm). SQLite has no such index: it scans the narrow covering indexes (ADR 0008).
"""

from django.db import migrations, models

TRIGRAM_INDEXES = [
    ("product_search_key_trgm", "registry_product", "search_key"),
    ("product_public_key_trgm", "registry_product", "public_key"),
    ("producer_search_key_trgm", "registry_producer", "search_key"),
]


# PostgreSQL reads the first catalogue page of a broad query in key order from this one (it does
# not from the (archived_at, public_key, ...) index under `archived_at IS NULL`). Its condition is
# that of ocop.certificates.public.products_in_force().
IN_FORCE_INDEX = (
    "CREATE INDEX IF NOT EXISTS product_in_force_key ON registry_product (public_key, id) "
    "WHERE archived_at IS NULL AND certificate_status IN ('valid', 'expiring') AND code <> ''"
)


def fill_public_keys(apps, schema_editor):
    from ocop.core.text import search_key

    Product = apps.get_model("registry", "Product")
    products = list(Product.objects.exclude(code="").select_related("producer__commune__province"))
    for product in products:
        producer, commune = product.producer, product.producer.commune
        product.public_key = search_key(
            f"{product.name} {product.code} {producer.name} {commune.name} {commune.province.name}"
        )
    Product.objects.bulk_update(products, ["public_key"], batch_size=500)


def add_trigram_indexes(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    schema_editor.execute("CREATE EXTENSION IF NOT EXISTS pg_trgm")
    for name, table, column in TRIGRAM_INDEXES:
        schema_editor.execute(
            f"CREATE INDEX IF NOT EXISTS {name} ON {table} USING gin ({column} gin_trgm_ops)"
        )
    schema_editor.execute(IN_FORCE_INDEX)


def drop_trigram_indexes(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    for name in [*(index[0] for index in TRIGRAM_INDEXES), "product_in_force_key"]:
        schema_editor.execute(f"DROP INDEX IF EXISTS {name}")


class Migration(migrations.Migration):
    dependencies = [("registry", "0002_search_indexes"), ("places", "0001_initial")]

    operations = [
        migrations.AddField(
            model_name="product",
            name="public_key",
            field=models.CharField(blank=True, default="", editable=False, max_length=800),
        ),
        migrations.RunPython(fill_public_keys, migrations.RunPython.noop),
        migrations.AddIndex(
            model_name="product",
            index=models.Index(
                fields=["archived_at", "public_key", "certificate_status", "code"],
                name="product_public_search",
            ),
        ),
        migrations.RunPython(add_trigram_indexes, drop_trigram_indexes),
    ]
