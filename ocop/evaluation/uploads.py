"""What a dossier may hold: PDF and images, checked by content (never by name). No Django."""

import hashlib
import io
import warnings
from dataclasses import dataclass

from PIL import Image, UnidentifiedImageError

MAX_FILE_BYTES = 20 * 1024 * 1024  # one file
MAX_DOSSIER_BYTES = 200 * 1024 * 1024  # all files of one dossier
IMAGE_TYPES = {"JPEG": "image/jpeg", "PNG": "image/png", "WEBP": "image/webp"}
EXTENSIONS = {
    "application/pdf": ".pdf",
    "image/jpeg": ".jpg",
    "image/png": ".png",
    "image/webp": ".webp",
}
TOO_MANY_PIXELS = "Ảnh có kích thước điểm ảnh quá lớn; vui lòng thu nhỏ ảnh rồi tải lại."


class UploadRefused(ValueError):
    """The file may not go into a dossier; the message is Vietnamese."""


@dataclass(frozen=True)
class CheckedFile:
    content_type: str
    size: int
    sha256: str


def check_content(data: bytes) -> CheckedFile:
    """PDF by its magic bytes; images by opening them with Pillow. Anything else is refused."""
    if not data:
        raise UploadRefused("Tệp rỗng.")
    if len(data) > MAX_FILE_BYTES:
        raise UploadRefused(f"Tệp vượt quá {MAX_FILE_BYTES // (1024 * 1024)} MB.")
    digest = hashlib.sha256(data).hexdigest()
    if data[:5] == b"%PDF-":
        return CheckedFile("application/pdf", len(data), digest)
    kind = _image_kind(data)
    if kind not in IMAGE_TYPES:
        raise UploadRefused(
            "Chỉ nhận tệp PDF hoặc ảnh (JPEG, PNG, WEBP); nội dung tệp không hợp lệ."
        )
    return CheckedFile(IMAGE_TYPES[kind], len(data), digest)


def _image_kind(data: bytes) -> str | None:
    """Pillow's format name, or None when the bytes are not an image. Refuses an image whose
    pixel count makes it a decompression bomb (Pillow warns above its limit, fails above twice)."""
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            with Image.open(io.BytesIO(data)) as image:
                kind = image.format
                image.verify()
    except (Image.DecompressionBombError, Image.DecompressionBombWarning):
        raise UploadRefused(TOO_MANY_PIXELS) from None
    except (UnidentifiedImageError, OSError, SyntaxError, ValueError):
        return None
    return kind


def check_dossier_room(current_total: int, adding: int) -> None:
    if current_total + adding > MAX_DOSSIER_BYTES:
        raise UploadRefused(
            f"Tổng dung lượng hồ sơ vượt quá {MAX_DOSSIER_BYTES // (1024 * 1024)} MB."
        )


def safe_name(name: str, content_type: str) -> str:
    """The user's file name without folders, with the extension its content deserves."""
    base = name.replace("\\", "/").rsplit("/", 1)[-1].strip() or "tep"
    stem = base.rsplit(".", 1)[0] if "." in base else base
    return f"{stem[:200]}{EXTENSIONS[content_type]}"
