import json

import pytest

from ocop.catalogue.opendata import folder, opendata_build

pytestmark = pytest.mark.django_db
SITE = "https://ocop.example.gov.vn"


@pytest.fixture(autouse=True)
def _data_dir(settings, tmp_path):
    settings.DATA_DIR = tmp_path
    settings.SITE_URL = SITE


def test_before_any_build_the_page_says_so_and_files_are_404(client):
    page = client.get("/open-data/")
    assert page.status_code == 200
    assert "ocop opendata build" in page.content.decode()
    assert client.get("/open-data/products.csv").status_code == 404
    catalog = json.loads(client.get("/open-data/catalog.jsonld").content)
    assert catalog["dcat:dataset"] == []


def test_page_lists_each_file_with_rows_checksum_time_and_licence(client, product):
    manifest = opendata_build()
    page = client.get("/open-data/").content.decode()
    info = manifest["files"]["products.csv"]
    assert 'href="/open-data/products.csv"' in page
    assert info["sha256"] in page
    assert f'<time datetime="{manifest["built_at"]}">' in page
    assert 'href="https://creativecommons.org/licenses/by/4.0/" rel="license"' in page


@pytest.mark.parametrize(
    ("filename", "content_type"),
    [
        ("products.csv", "text/csv; charset=utf-8"),
        ("certificates.jsonl", "application/jsonl; charset=utf-8"),
        ("decisions.xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"),
    ],
)
def test_files_are_streamed_with_their_content_types(client, product, filename, content_type):
    opendata_build()
    response = client.get(f"/open-data/{filename}")
    assert response.status_code == 200
    assert response.streaming
    assert response["Content-Type"] == content_type
    assert response["Content-Disposition"] == f'attachment; filename="{filename}"'
    body = b"".join(response.streaming_content)
    assert body == (folder() / filename).read_bytes()


def test_only_built_files_are_served(client, product):
    opendata_build()
    for path in ("/open-data/manifest.json", "/open-data/other.csv", "/open-data/.lock"):
        assert client.get(path).status_code == 404


def test_dcat_catalogue_describes_every_distribution(client, product, plain_product):
    manifest = opendata_build()
    response = client.get("/open-data/catalog.jsonld")
    assert response["Content-Type"] == "application/ld+json; charset=utf-8"
    catalog = json.loads(response.content)
    assert catalog["@type"] == "dcat:Catalog"
    assert catalog["@id"] == f"{SITE}/open-data/catalog.jsonld"
    assert catalog["dct:license"] == {"@id": "https://creativecommons.org/licenses/by/4.0/"}
    assert catalog["dct:modified"] == manifest["built_at"]
    datasets = {d["dct:identifier"]: d for d in catalog["dcat:dataset"]}
    assert sorted(datasets) == ["certificates", "decisions", "products"]
    products = datasets["products"]
    assert products["@type"] == "dcat:Dataset"
    assert [d["dct:format"] for d in products["dcat:distribution"]] == ["CSV", "JSON Lines", "XLSX"]
    csv_ = products["dcat:distribution"][0]
    info = manifest["files"]["products.csv"]
    assert csv_["@type"] == "dcat:Distribution"
    assert csv_["dcat:downloadURL"] == {"@id": f"{SITE}/open-data/products.csv"}
    assert csv_["dcat:mediaType"] == "text/csv"
    assert (csv_["dcat:byteSize"], csv_["ocop:rowCount"]) == (info["bytes"], 2)
    assert csv_["spdx:checksum"]["spdx:checksumValue"] == info["sha256"]
    assert (csv_["dct:issued"], csv_["dct:modified"]) == (info["issued"], info["modified"])
    counts = {
        d["dct:identifier"]: d["dcat:distribution"][1]["ocop:rowCount"] for d in datasets.values()
    }
    assert counts == {"products": 2, "certificates": 2, "decisions": 1}
