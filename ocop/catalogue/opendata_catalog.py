"""The DCAT catalogue (JSON-LD) of the open data, made from the last build's manifest."""

from typing import Any

from django.urls import reverse
from django.utils.translation import gettext as _

from .links import absolute
from .opendata import DATASETS, LICENSE

MEDIA_TYPES = {
    "csv": "text/csv",
    "jsonl": "application/jsonl",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
}
FORMAT_NAMES = {"csv": "CSV", "jsonl": "JSON Lines", "xlsx": "XLSX"}
CONTEXT = {
    "dcat": "http://www.w3.org/ns/dcat#",
    "dct": "http://purl.org/dc/terms/",
    "spdx": "http://spdx.org/rdf/terms#",
    "xsd": "http://www.w3.org/2001/XMLSchema#",
    "ocop": "https://ocop.gov.vn/ns/opendata#",
    "dcat:byteSize": {"@type": "xsd:nonNegativeInteger"},
    "ocop:rowCount": {"@type": "xsd:nonNegativeInteger"},
    "dct:issued": {"@type": "xsd:dateTime"},
    "dct:modified": {"@type": "xsd:dateTime"},
}


def dataset_titles() -> dict[str, str]:
    return {
        "products": _("Sản phẩm OCOP đã được công nhận"),
        "certificates": _("Giấy chứng nhận sản phẩm OCOP"),
        "decisions": _("Quyết định công nhận và thu hồi"),
    }


def file_url(filename: str) -> str:
    return absolute(reverse("opendata:file", args=[filename]))


def distribution(filename: str, info: dict[str, Any]) -> dict[str, Any]:
    return {
        "@id": file_url(filename),
        "@type": "dcat:Distribution",
        "dct:title": filename,
        "dcat:downloadURL": {"@id": file_url(filename)},
        "dcat:mediaType": MEDIA_TYPES[info["format"]],
        "dct:format": FORMAT_NAMES[info["format"]],
        "dcat:byteSize": info["bytes"],
        "ocop:rowCount": info["rows"],
        "spdx:checksum": {
            "@type": "spdx:Checksum",
            "spdx:algorithm": {"@id": "spdx:checksumAlgorithm_sha256"},
            "spdx:checksumValue": info["sha256"],
        },
        "dct:license": {"@id": LICENSE},
        "dct:issued": info["issued"],
        "dct:modified": info["modified"],
    }


def dataset(name: str, files: dict[str, dict[str, Any]]) -> dict[str, Any]:
    mine = {f: info for f, info in sorted(files.items()) if info["dataset"] == name}
    return {
        "@id": absolute(reverse("opendata:index")) + f"#{name}",
        "@type": "dcat:Dataset",
        "dct:identifier": name,
        "dct:title": dataset_titles()[name],
        "dct:license": {"@id": LICENSE},
        "dct:issued": min(info["issued"] for info in mine.values()),
        "dct:modified": max(info["modified"] for info in mine.values()),
        "dcat:distribution": [distribution(f, info) for f, info in mine.items()],
    }


def catalog(manifest: dict[str, Any] | None) -> dict[str, Any]:
    files = manifest["files"] if manifest else {}
    built = [name for name in DATASETS if any(i["dataset"] == name for i in files.values())]
    document: dict[str, Any] = {
        "@context": CONTEXT,
        "@id": absolute(reverse("opendata:catalog")),
        "@type": "dcat:Catalog",
        "dct:title": _("Dữ liệu mở Chương trình OCOP"),
        "dct:description": _(
            "Sản phẩm OCOP đã được công nhận, giấy chứng nhận và quyết định, cập nhật theo mỗi "
            "lần dựng dữ liệu."
        ),
        "dct:language": [{"@id": "http://id.loc.gov/vocabulary/iso639-1/vi"}],
        "dct:license": {"@id": LICENSE},
        "dcat:dataset": [dataset(name, files) for name in built],
    }
    if manifest:
        document["dct:issued"] = manifest["issued"]
        document["dct:modified"] = manifest["built_at"]
    return document
