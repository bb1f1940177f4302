import csv
import hashlib
import io
import json
import zipfile

import pytest
from django.core.management import call_command
from openpyxl import load_workbook

from ocop.catalogue import opendata, opendata_files
from ocop.catalogue.opendata import folder, opendata_build
from ocop.core.testing import assert_styled_sheet

from .conftest import GTIN

pytestmark = pytest.mark.django_db
FILES = sorted(f"{name}.{kind}" for name in opendata.DATASETS for kind in ("csv", "jsonl", "xlsx"))
PRIVATE = ("0912345678", "htx@example.vn", "Thôn Thượng")


@pytest.fixture(autouse=True)
def _data_dir(settings, tmp_path):
    settings.DATA_DIR = tmp_path
    settings.SITE_URL = "https://ocop.example.gov.vn"


def contents() -> dict[str, bytes]:
    return {f: (folder() / f).read_bytes() for f in FILES}


def run(capsys, *args):
    try:
        call_command("opendata", *args)
        code = 0
    except SystemExit as exit_:
        code = exit_.code
    out = capsys.readouterr()
    return code, out.out, out.err


def test_build_writes_every_file_with_its_manifest(product, plain_product):
    manifest = opendata_build()
    assert sorted(p.name for p in folder().iterdir() if not p.name.startswith(".")) == sorted(
        [*FILES, "manifest.json"]
    )
    for filename, info in manifest["files"].items():
        data = (folder() / filename).read_bytes()
        assert info["sha256"] == hashlib.sha256(data).hexdigest()
        assert info["bytes"] == len(data)
    rows = {f: i["rows"] for f, i in manifest["files"].items()}
    assert rows == {
        "products.csv": 2, "products.jsonl": 2, "products.xlsx": 2,
        "certificates.csv": 2, "certificates.jsonl": 2, "certificates.xlsx": 2,
        "decisions.csv": 1, "decisions.jsonl": 1, "decisions.xlsx": 1,
    }  # fmt: skip
    assert manifest["license"] == "https://creativecommons.org/licenses/by/4.0/"


def test_csv_has_a_bom_and_only_public_fields(product, plain_product):
    opendata_build()
    data = (folder() / "products.csv").read_bytes()
    assert data.startswith(b"\xef\xbb\xbf")
    rows = list(csv.DictReader(io.StringIO(data.decode("utf-8-sig"))))
    assert [r["product_code"] for r in rows] == sorted([product.code, plain_product.code])
    honey = next(r for r in rows if r["gtin"])
    assert honey == {
        "product_code": product.code, "name": "Mật ong hoa nhãn Phú Xuyên", "gtin": GTIN,
        "stars": "4", "certificate_status": "valid", "rules": "26-2026", "set_number": "4",
        "set_name": product.product_set.name, "producer": "HTX Nông nghiệp Phú Xuyên",
        "legal_form": "cooperative", "commune_code": product.producer.commune.code,
        "commune": product.producer.commune.name,
        "province_code": product.producer.commune.province.code,
        "province": product.producer.commune.province.name,
        "page_url": f"https://ocop.example.gov.vn/catalogue/{product.code}/",
    }  # fmt: skip
    everything = b"".join(contents().values()).decode("utf-8", "ignore")
    for private in (*PRIVATE, product.producer.tax_code):
        assert private not in everything


def test_jsonl_certificates_and_decisions(product, certificate):
    opendata_build()
    lines = (folder() / "certificates.jsonl").read_text(encoding="utf-8").splitlines()
    assert [json.loads(line) for line in lines] == [
        {
            "number": certificate.number, "product_code": product.code,
            "product_name": "Mật ong hoa nhãn Phú Xuyên", "producer": "HTX Nông nghiệp Phú Xuyên",
            "stars": 4, "rules": "26-2026", "authority": "UBND thành phố Hà Nội",
            "authority_level": "province", "decision_number": "1234/QĐ-UBND",
            "decision_date": "2026-06-30", "issue_date": "2026-06-30",
            "valid_until": certificate.valid_until.isoformat(), "status": "valid",
            "revocation_ground": "", "revocation_decision_number": "",
            "revocation_decision_date": "", "verification_url": certificate.verification_url,
        }
    ]  # fmt: skip
    decisions = (folder() / "decisions.jsonl").read_text(encoding="utf-8").splitlines()
    assert [json.loads(line) for line in decisions] == [
        {"kind": "recognition", "decision_number": "1234/QĐ-UBND", "decision_date": "2026-06-30",
         "authority": "UBND thành phố Hà Nội", "rules": "26-2026", "products": 1,
         "product_codes": product.code}
    ]  # fmt: skip


def test_xlsx_opens_and_is_styled(product):
    opendata_build()
    book = load_workbook(folder() / "products.xlsx")
    sheet = book.active
    assert sheet.title == "Sản phẩm OCOP"
    assert_styled_sheet(sheet)
    assert [c.value for c in sheet[1]][:3] == ["product_code", "name", "gtin"]
    assert sheet["B2"].value == "Mật ong hoa nhãn Phú Xuyên"


def test_two_builds_give_identical_files_bar_the_build_time(product, plain_product, monkeypatch):
    first = opendata_build()
    before = contents()
    later = "2030-01-01T08:00:00+07:00"
    monkeypatch.setattr(opendata.timezone, "localtime", lambda: _Fixed(later))
    second = opendata_build()
    assert contents() == before
    assert second["built_at"] == later
    assert second["files"] == first["files"]  # same sha256, same issued and modified times


class _Fixed:
    def __init__(self, value):
        self.value = value

    def isoformat(self, timespec=""):
        return self.value


def test_a_change_updates_modified_but_not_issued(product, plain_product, monkeypatch):
    first = opendata_build()
    plain_product.name = "Gạo nếp mới"
    plain_product.save()
    monkeypatch.setattr(opendata.timezone, "localtime", lambda: _Fixed("2030-01-01T08:00:00+07:00"))
    second = opendata_build()
    changed = second["files"]["products.csv"]
    assert changed["issued"] == first["files"]["products.csv"]["issued"]
    assert changed["modified"] == "2030-01-01T08:00:00+07:00"
    assert second["files"]["certificates.csv"] == first["files"]["certificates.csv"]


def test_an_interrupted_build_leaves_the_previous_files(product, plain_product, monkeypatch):
    opendata_build()
    before = contents()
    manifest = (folder() / "manifest.json").read_bytes()
    plain_product.name = "Gạo nếp mới"
    plain_product.save()
    real = opendata_files.xlsx_bytes
    calls = []

    def failing(table):
        calls.append(table.name)
        if table.name == "certificates":  # products' three files are staged by then
            raise OSError("disk full")
        return real(table)

    monkeypatch.setitem(opendata_files.WRITERS, "xlsx", failing)
    with pytest.raises(OSError):
        opendata_build()
    assert calls == ["products", "certificates"]
    assert contents() == before
    assert (folder() / "manifest.json").read_bytes() == manifest
    assert sorted(p.name for p in folder().iterdir()) == sorted([*FILES, "manifest.json", ".lock"])


def test_a_build_while_another_runs_is_refused_and_changes_nothing(product, capsys):
    opendata_build()
    before = contents()
    with opendata.build_lock():
        code, out, err = run(capsys, "build")
    assert code == 2
    assert err == (
        "Lỗi: một lần dựng dữ liệu mở khác đang chạy; các tệp hiện có được giữ nguyên, "
        "hãy thử lại sau.\n"
    )
    assert out == ""
    assert contents() == before


@pytest.mark.parametrize("args", [(), ("rebuild",)])
def test_bad_usage_exits_2_in_vietnamese(capsys, args):
    code, out, err = run(capsys, *args)
    assert code == 2
    assert err == "Lỗi: cần một lệnh con: build (ví dụ: ocop opendata build).\n"
    assert not folder().exists()


def test_command_builds_and_reports(capsys, product):
    code, out, _err = run(capsys, "build")
    assert code == 0
    assert "1 sản phẩm, 1 giấy chứng nhận, 1 quyết định." in out
    assert (folder() / "products.csv").exists()


def test_steady_zip_fixes_times():
    table = opendata_files.Table("t", "T", ["a"], [["x"]])
    assert opendata_files.xlsx_bytes(table) == opendata_files.xlsx_bytes(table)
    archive = zipfile.ZipFile(io.BytesIO(opendata_files.xlsx_bytes(table)))
    assert b"1980-01-01T00:00:00Z" in archive.read("docProps/core.xml")
    assert {info.date_time for info in archive.infolist()} == {(1980, 1, 1, 0, 0, 0)}


def test_formula_like_names_are_defused_in_csv_and_xlsx():
    table = opendata_files.Table("t", "T", ["name"], [["=HYPERLINK(1)"]])
    assert opendata_files.csv_bytes(table).decode("utf-8-sig").splitlines()[1] == "'=HYPERLINK(1)"
    assert json.loads(opendata_files.jsonl_bytes(table)) == {"name": "=HYPERLINK(1)"}
