"""What a dossier may hold: PDF and images, checked by content (never by name). No Django:
refusals are message codes (ocop.core.messages), worded in evaluation.messages."""

import hashlib
import io
import warnings
from collections.abc import Iterator
from dataclasses import dataclass

from PIL import Image, UnidentifiedImageError
from pypdf import PdfReader
from pypdf.errors import PyPdfError
from pypdf.generic import ArrayObject, DictionaryObject, IndirectObject, NameObject

from ocop.core.messages import MessageError

MAX_FILE_BYTES = 20 * 1024 * 1024  # one file
MAX_DOSSIER_BYTES = 200 * 1024 * 1024  # all files of one dossier
IMAGE_TYPES = {"JPEG": "image/jpeg", "PNG": "image/png", "WEBP": "image/webp"}
EXTENSIONS = {
    "application/pdf": ".pdf",
    "image/jpeg": ".jpg",
    "image/png": ".png",
    "image/webp": ".webp",
}
TOO_MANY_PIXELS = "upload.too_many_pixels"
# Keys and action types that make a PDF run something or carry another file: scripts (/JS,
# /JavaScript, also inside /OpenAction), additional actions (/AA), launching programs, embedded
# files (/EmbeddedFiles, /EF), Flash and XFA forms.
ACTIVE_KEYS = frozenset(
    {"/JS", "/JavaScript", "/AA", "/EmbeddedFiles", "/EF", "/RichMedia", "/XFA"}
)
ACTIVE_ACTIONS = frozenset({"/JavaScript", "/Launch", "/ImportData", "/SubmitForm", "/Rendition"})
MAX_PDF_OBJECTS = 200_000  # a walk of the object graph stops here: a real dossier PDF has far fewer


class UploadRefused(MessageError):
    """The file may not go into a dossier; its message code says why."""


@dataclass(frozen=True)
class CheckedFile:
    content_type: str
    size: int
    sha256: str


def check_content(data: bytes) -> CheckedFile:
    """PDF by its magic bytes; images by opening them with Pillow. Anything else is refused."""
    if not data:
        raise UploadRefused("upload.empty")
    if len(data) > MAX_FILE_BYTES:
        raise UploadRefused("upload.too_big", mb=MAX_FILE_BYTES // (1024 * 1024))
    digest = hashlib.sha256(data).hexdigest()
    if data[:5] == b"%PDF-":
        check_pdf(data)
        return CheckedFile("application/pdf", len(data), digest)
    kind = _image_kind(data)
    if kind not in IMAGE_TYPES:
        raise UploadRefused("upload.bad_type")
    return CheckedFile(IMAGE_TYPES[kind], len(data), digest)


def check_pdf(data: bytes) -> None:
    """A PDF that opens with at least one page, not encrypted, with no script, automatic action or
    embedded file anywhere in its objects."""
    try:
        reader = PdfReader(io.BytesIO(data), strict=False)
        if reader.is_encrypted:
            raise UploadRefused("upload.pdf_encrypted")
        if len(reader.pages) < 1:
            raise UploadRefused("upload.pdf_no_pages")
        active = _active_content(reader)
    except UploadRefused:
        raise
    except (PyPdfError, ValueError, TypeError, KeyError, AttributeError, IndexError,
            RecursionError, OSError, AssertionError, ZeroDivisionError):  # fmt: skip
        # pypdf raises many kinds on a damaged file; any of them means "not a readable PDF"
        raise UploadRefused("upload.pdf_broken") from None
    if active:
        raise UploadRefused("upload.pdf_active")


def _active_content(reader: PdfReader) -> bool:
    for key, value in _entries(reader.trailer):
        if key in ACTIVE_KEYS or (key == "/S" and value in ACTIVE_ACTIONS):
            return True
    return False


def _entries(root: object) -> Iterator[tuple[str, object]]:
    """Every (key, value) of every dictionary reachable from root, each object visited once."""
    seen: set[tuple[int, int]] = set()
    stack = [root]
    visited = 0
    while stack:
        item = stack.pop()
        if isinstance(item, IndirectObject):
            ref = (item.idnum, item.generation)
            if ref in seen:
                continue
            seen.add(ref)
            item = item.get_object()
        visited += 1
        if visited > MAX_PDF_OBJECTS:
            raise UploadRefused("upload.pdf_broken")
        if isinstance(item, DictionaryObject):
            for key, value in item.items():
                resolved = value.get_object() if isinstance(value, IndirectObject) else value
                yield str(key), resolved if isinstance(resolved, NameObject) else None
                stack.append(value)
        elif isinstance(item, ArrayObject):
            stack.extend(item)


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
        raise UploadRefused("upload.dossier_too_big", mb=MAX_DOSSIER_BYTES // (1024 * 1024))


def safe_name(name: str, content_type: str) -> str:
    """The user's file name without folders, with the extension its content deserves."""
    base = name.replace("\\", "/").rsplit("/", 1)[-1].strip() or "tep"
    stem = base.rsplit(".", 1)[0] if "." in base else base
    return f"{stem[:200]}{EXTENSIONS[content_type]}"
