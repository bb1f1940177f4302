"""The open data page, its DCAT catalogue and the files (streamed), public, no login; an admin
starts a build from the page (a background job, ADR 0012)."""

import json

from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST, require_safe

from ocop.accounts.permissions import role_required
from ocop.accounts.roles import Role
from ocop.core.services import job_enqueue

from .opendata import LICENSE, folder, read_manifest
from .opendata_catalog import MEDIA_TYPES, catalog, dataset_titles

CHARSET = {"csv": "; charset=utf-8", "jsonl": "; charset=utf-8", "xlsx": ""}


@require_safe
def index(request: HttpRequest) -> HttpResponse:
    manifest = read_manifest()
    titles = dataset_titles()
    files = sorted((manifest or {}).get("files", {}).items())
    datasets = [
        {"name": name, "title": title, "files": [(f, i) for f, i in files if i["dataset"] == name]}
        for name, title in titles.items()
    ]
    user = request.user
    may_build = user.is_authenticated and (user.is_superuser or user.role == Role.ADMIN)
    context = {
        "manifest": manifest, "datasets": datasets, "license": LICENSE, "may_build": may_build,
    }  # fmt: skip
    return render(request, "catalogue/opendata_index.html", context)


@require_safe
def catalog_jsonld(request: HttpRequest) -> HttpResponse:
    body = json.dumps(catalog(read_manifest()), ensure_ascii=False, indent=2)
    response = HttpResponse(body, content_type="application/ld+json; charset=utf-8")
    response["Access-Control-Allow-Origin"] = "*"
    return response


@require_safe
def download(request: HttpRequest, filename: str) -> FileResponse:
    info = ((read_manifest() or {}).get("files") or {}).get(filename)
    path = folder() / filename
    if info is None or not path.is_file():
        raise Http404
    kind = info["format"]
    response = FileResponse(
        path.open("rb"), as_attachment=True, filename=filename,
        content_type=MEDIA_TYPES[kind] + CHARSET[kind],
    )  # fmt: skip
    response["Access-Control-Allow-Origin"] = "*"
    return response


@require_POST
@role_required()  # admins only
def build(request: HttpRequest) -> HttpResponse:
    job = job_enqueue(
        actor=request.user, kind="opendata_build", title=_("Dựng lại dữ liệu mở"), params={}
    )
    return redirect("jobs:detail", job_id=job.pk)
