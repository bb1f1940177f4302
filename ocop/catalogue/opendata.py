"""Open data: the recognised products, their certificates and the decisions, as files under
$OCOP_DATA_DIR/open-data/ with a manifest (rows, sha256, size, times), built by
`ocop opendata build` and described by a DCAT catalogue.

Only public fields, read through ocop.certificates.public: never phones, e-mails, tax codes,
addresses of representatives or scores. Licence: CC BY 4.0.
"""

import fcntl
import json
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from django.conf import settings
from django.utils import timezone

from ocop.certificates.public import public_certificates, public_products
from ocop.core.messages import MessageError

from .links import absolute, catalogue_product_path
from .opendata_files import Table, write_json, write_tables

LICENSE = "https://creativecommons.org/licenses/by/4.0/"
MANIFEST = "manifest.json"
DATASETS = ("products", "certificates", "decisions")
PRODUCT_HEADERS = [
    "product_code", "name", "gtin", "stars", "certificate_status", "rules", "set_number",
    "set_name", "producer", "legal_form", "commune_code", "commune", "province_code", "province",
    "page_url",
]  # fmt: skip
CERTIFICATE_HEADERS = [
    "number", "product_code", "product_name", "producer", "stars", "rules", "authority",
    "authority_level", "decision_number", "decision_date", "issue_date", "valid_until", "status",
    "revocation_ground", "revocation_decision_number", "revocation_decision_date",
    "verification_url",
]  # fmt: skip
DECISION_HEADERS = [
    "kind", "decision_number", "decision_date", "authority", "rules", "products", "product_codes",
]  # fmt: skip


def folder() -> Path:
    return Path(settings.DATA_DIR) / "open-data"


def _date(value: Any) -> str:
    return value.isoformat() if value else ""


def product_rows() -> list[list[object]]:
    products = public_products().select_related("producer__commune__province")
    rows: list[list[object]] = []
    for p in products.order_by("code"):
        commune = p.producer.commune
        product_set = p.product_set
        rows.append([
            p.code, p.name, p.gtin, p.current_stars, p.certificate_status, p.rules, p.set_number,
            product_set.name if product_set else "", p.producer.name, p.producer.legal_form,
            commune.code, commune.name, commune.province.code, commune.province.name,
            absolute(catalogue_product_path(p.code)),
        ])  # fmt: skip
    return rows


def certificate_rows() -> list[list[object]]:
    rows: list[list[object]] = []
    for c in public_certificates().select_related("product").order_by("number"):
        rows.append([
            c.number, c.product.code, c.product_name, c.producer_name, c.stars, c.rules,
            c.authority_name, c.authority_level, c.decision_number, _date(c.decision_date),
            _date(c.issue_date), _date(c.valid_until), c.status, c.revocation_ground,
            c.revocation_decision_number, _date(c.revocation_decision_date), c.verification_url,
        ])  # fmt: skip
    return rows


def decision_rows() -> list[list[object]]:
    """The recognition decisions and the revocations, as the certificates record them."""
    grouped: dict[tuple[str, str, str, str, str], list[str]] = {}
    for c in public_certificates().select_related("product"):
        key = ("recognition", c.decision_number, _date(c.decision_date), c.authority_name, c.rules)
        grouped.setdefault(key, []).append(c.product.code)
        if c.revocation_decision_number or c.revocation_decision_date:
            key = ("revocation", c.revocation_decision_number,
                   _date(c.revocation_decision_date), c.authority_name, c.rules)  # fmt: skip
            grouped.setdefault(key, []).append(c.product.code)
    rows: list[list[object]] = []
    for (kind, number, day, authority, rules), codes in grouped.items():
        codes = sorted(set(codes))
        rows.append([kind, number, day, authority, rules, len(codes), ";".join(codes)])
    return sorted(rows, key=lambda row: (str(row[2]), str(row[1]), str(row[0]), str(row[3])))


def tables() -> list[Table]:
    return [
        Table("products", "Sản phẩm OCOP", PRODUCT_HEADERS, product_rows()),
        Table("certificates", "Giấy chứng nhận", CERTIFICATE_HEADERS, certificate_rows()),
        Table("decisions", "Quyết định", DECISION_HEADERS, decision_rows()),
    ]


def read_manifest() -> dict[str, Any] | None:
    try:
        return json.loads((folder() / MANIFEST).read_text(encoding="utf-8"))
    except (FileNotFoundError, ValueError):
        return None


@contextmanager
def build_lock() -> Iterator[None]:
    """One build at a time (cron may start one while another runs): a second is refused."""
    folder().mkdir(parents=True, exist_ok=True)
    with open(folder() / ".lock", "w") as handle:
        try:
            fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError as error:
            raise MessageError("opendata.busy") from error
        try:
            yield
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)


def opendata_build() -> dict[str, Any]:
    """Writes every file whose content changed, then the manifest (build time, and for each
    file its rows, sha256, size, first issue and last change). Returns the manifest. Writes no
    database row, so it leaves no audit entry; a failure leaves the previous files."""
    with build_lock():
        previous = read_manifest() or {"files": {}}
        now = timezone.localtime().isoformat(timespec="seconds")
        files = {}
        for item in write_tables(folder(), tables()):
            before = previous["files"].get(item.filename, {})
            unchanged = not item.changed and before.get("sha256") == item.sha256
            files[item.filename] = {
                "dataset": item.filename.split(".")[0],
                "format": item.filename.split(".")[1],
                "rows": item.rows,
                "sha256": item.sha256,
                "bytes": item.size,
                "issued": before.get("issued", now),
                "modified": before["modified"] if unchanged else now,
            }
        manifest = {"built_at": now, "issued": previous.get("issued", now), "license": LICENSE,
                    "files": files}  # fmt: skip
        write_json(folder() / MANIFEST, manifest)
        return manifest
