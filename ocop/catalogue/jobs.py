"""The open-data build started from /open-data/ by an admin, as a background job (ADR 0012): the
same opendata_build as `ocop opendata build`; its result is the command's own summary line."""

from typing import Any

from django.utils.translation import gettext as _

from ocop.core.jobs import JobError, JobResult, Progress
from ocop.core.messages import MessageError
from ocop.core.models import Job

from .messages_gs1 import text
from .opendata import folder, opendata_build


def build_summary(manifest: dict[str, Any]) -> str:
    rows = {name: info["rows"] for name, info in manifest["files"].items()}
    return _(
        "Đã dựng dữ liệu mở trong %(folder)s lúc %(time)s: %(products)s sản phẩm, "
        "%(certificates)s giấy chứng nhận, %(decisions)s quyết định."
    ) % {  # fmt: skip
        "folder": folder(),
        "time": manifest["built_at"],
        "products": rows["products.csv"],
        "certificates": rows["certificates.csv"],
        "decisions": rows["decisions.csv"],
    }


def opendata_job(job: Job, progress: Progress) -> JobResult:
    """The job kind "opendata_build": one step, the whole build (it holds the build lock)."""
    progress(0, 1)
    try:
        manifest = opendata_build()
    except MessageError as error:
        reason = text(error)  # worded to follow "Lỗi: " in the command
        raise JobError(reason[:1].upper() + reason[1:]) from error
    progress(1, 1)
    stamp = manifest["built_at"][:10].replace("-", "")
    return JobResult(
        build_summary(manifest).encode(), f"du-lieu-mo-{stamp}.txt", "text/plain; charset=utf-8"
    )
