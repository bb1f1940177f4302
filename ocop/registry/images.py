"""Uploaded product photos: checked by their content, not their name, and resized. No Django."""

import io
import warnings

from PIL import Image, UnidentifiedImageError

MAX_SIDE = 1600
ACCEPTED = {"JPEG": "jpg", "PNG": "png", "WEBP": "webp"}
MAX_BYTES = 15 * 1024 * 1024


def _open(data: bytes) -> Image.Image:
    """The decoded image, refusing files whose pixel count would exhaust memory once decoded
    (a few kilobytes of PNG can declare 20000×20000 pixels)."""
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            Image.open(io.BytesIO(data)).verify()  # verify() leaves it unusable: reopen below
            image = Image.open(io.BytesIO(data))
            image.load()
    except (Image.DecompressionBombError, Image.DecompressionBombWarning) as exc:
        raise ValueError("Ảnh có quá nhiều điểm ảnh; hãy thu nhỏ ảnh rồi tải lên lại.") from exc
    except (UnidentifiedImageError, OSError, SyntaxError, ValueError) as exc:
        raise ValueError("Tệp không phải là ảnh hợp lệ.") from exc
    return image


def prepare_image(data: bytes) -> tuple[bytes, str, int, int]:
    """(bytes to store, file extension, width, height) or ValueError with a Vietnamese reason."""
    if len(data) > MAX_BYTES:
        raise ValueError("Ảnh quá lớn (tối đa 15 MB).")
    image = _open(data)
    kind = image.format or ""
    if kind not in ACCEPTED:
        raise ValueError("Chỉ nhận ảnh JPEG, PNG hoặc WebP.")
    image.thumbnail((MAX_SIDE, MAX_SIDE))
    out = io.BytesIO()
    if kind == "JPEG":
        image.convert("RGB").save(out, "JPEG", quality=85, optimize=True)
    else:
        image.save(out, kind)
    return out.getvalue(), ACCEPTED[kind], image.width, image.height
