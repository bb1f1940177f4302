"""Uploaded product photos: checked by their content, not their name, and resized. No Django."""

import io

from PIL import Image, UnidentifiedImageError

MAX_SIDE = 1600
ACCEPTED = {"JPEG": "jpg", "PNG": "png", "WEBP": "webp"}
MAX_BYTES = 15 * 1024 * 1024


def prepare_image(data: bytes) -> tuple[bytes, str, int, int]:
    """(bytes to store, file extension, width, height) or ValueError with a Vietnamese reason."""
    if len(data) > MAX_BYTES:
        raise ValueError("Ảnh quá lớn (tối đa 15 MB).")
    try:
        Image.open(io.BytesIO(data)).verify()  # verify() leaves the image unusable: reopen below
        image = Image.open(io.BytesIO(data))
        image.load()
    except (UnidentifiedImageError, OSError, SyntaxError, ValueError) as exc:
        raise ValueError("Tệp không phải là ảnh hợp lệ.") from exc
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
