"""Dossier files in an S3-compatible bucket (ADR 0010): a file uploaded through the UI lands in the
bucket as a private object, downloads only for those who may see the dossier, goes into the ZIP,
and leaves the bucket when it is removed.

The server is real: `moto_server` over HTTP on loopback. CI starts one and sets
OCOP_TEST_S3_ENDPOINT; without it the test starts its own (`moto.server.ThreadedMotoServer`).
"""

import io
import os
import socket
import urllib.error
import urllib.request
import uuid
import zipfile
from pathlib import Path

import boto3
import pytest

from ocop.accounts.testing import client_for
from ocop.evaluation.models import EvidenceFile
from ocop.evaluation.services.applications import application_create
from ocop.evaluation.testing import PDF_BYTES, pdf_upload

pytestmark = pytest.mark.django_db

KEYS = {"aws_access_key_id": "ocop-test", "aws_secret_access_key": "ocop-test-secret"}


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.fixture(scope="module")
def s3_endpoint():
    endpoint = os.environ.get("OCOP_TEST_S3_ENDPOINT")
    if endpoint:
        yield endpoint
        return
    if os.environ.get("CI") == "true":
        pytest.fail("CI: OCOP_TEST_S3_ENDPOINT is not set (.ci/run starts moto_server)")
    from moto.server import ThreadedMotoServer

    port = _free_port()
    server = ThreadedMotoServer(ip_address="127.0.0.1", port=port, verbose=False)
    server.start()
    yield f"http://127.0.0.1:{port}"
    server.stop()


@pytest.fixture
def bucket(s3_endpoint, settings):
    """A fresh private bucket, with the default storage pointed at it."""
    name = f"ocop-test-{uuid.uuid4().hex[:12]}"
    client = boto3.client("s3", endpoint_url=s3_endpoint, region_name="us-east-1", **KEYS)
    client.create_bucket(Bucket=name)
    settings.STORAGES = {
        **settings.STORAGES,
        "default": {
            "BACKEND": "storages.backends.s3.S3Storage",
            "OPTIONS": {
                "bucket_name": name,
                "endpoint_url": s3_endpoint,
                "region_name": "us-east-1",
                "access_key": KEYS["aws_access_key_id"],
                "secret_key": KEYS["aws_secret_access_key"],
                "default_acl": "private",
                "querystring_auth": True,
                "file_overwrite": False,
            },
        },
    }
    return client, name, s3_endpoint


def _keys(client, name) -> list[str]:
    return [item["Key"] for item in client.list_objects_v2(Bucket=name).get("Contents", [])]


def _upload_through_ui(personas, world):
    application = application_create(
        actor=personas["producer_a"], product=world.product_a, round=world.round, kind="first"
    )
    response = client_for(personas["producer_a"]).post(
        f"/applications/{application.pk}/files/", {"section": "general", "file": pdf_upload()}
    )
    assert response.status_code == 302
    return application, EvidenceFile.objects.get(application=application)


def test_an_uploaded_file_lands_in_the_bucket_as_a_private_object(
    bucket, personas, world, settings
):
    client, name, endpoint = bucket
    _, evidence = _upload_through_ui(personas, world)
    key = f"dossiers/{evidence.stored_name}"
    assert _keys(client, name) == [key]
    assert client.get_object(Bucket=name, Key=key)["Body"].read() == PDF_BYTES
    grants = client.get_object_acl(Bucket=name, Key=key)["Grants"]
    assert [g["Grantee"].get("URI") for g in grants if g["Grantee"].get("URI")] == []
    with pytest.raises(urllib.error.HTTPError) as anonymous:
        urllib.request.urlopen(f"{endpoint}/{name}/{key}")  # noqa: S310 (loopback test server)
    assert anonymous.value.code == 403
    # Nothing is written to disk when the bucket is the storage.
    assert not (Path(settings.MEDIA_ROOT) / "dossiers").exists()


def test_the_file_downloads_only_with_the_right_role(bucket, personas, world):
    _, evidence = _upload_through_ui(personas, world)
    url = f"/files/{evidence.pk}/"
    owner = client_for(personas["producer_a"]).get(url)
    assert owner.status_code == 200
    assert b"".join(owner.streaming_content) == PDF_BYTES
    assert client_for(personas["producer_b"]).get(url).status_code == 404
    assert client_for(None).get(url).status_code == 302  # to the login page


def test_the_dossier_zip_reads_the_bucket(bucket, personas, world):
    application, evidence = _upload_through_ui(personas, world)
    response = client_for(personas["producer_a"]).get(f"/applications/{application.pk}/dossier.zip")
    archive = zipfile.ZipFile(io.BytesIO(b"".join(response.streaming_content)))
    # The form PDFs first (Phụ lục III: Mẫu 01, Mẫu 02), then the evidence read from the bucket.
    assert archive.namelist() == [
        "mau-01-phieu-dang-ky.pdf",
        "mau-02-bao-cao-tu-danh-gia.pdf",
        f"general/001-{evidence.original_name}",
    ]
    assert archive.read(f"general/001-{evidence.original_name}") == PDF_BYTES


def test_removing_the_file_deletes_the_object(
    bucket, personas, world, django_capture_on_commit_callbacks
):
    client, name, _ = bucket
    application, evidence = _upload_through_ui(personas, world)
    with django_capture_on_commit_callbacks(execute=True):
        response = client_for(personas["producer_a"]).post(f"/files/{evidence.pk}/delete/")
    assert response.status_code == 302
    assert EvidenceFile.objects.filter(application=application).count() == 0
    assert _keys(client, name) == []
