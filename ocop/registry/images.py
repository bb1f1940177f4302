"""Uploaded product photos: checked by their content, not their name, and resized. No Django."""

import io
import warnings

from PIL import Image, UnidentifiedImageError

from ocop.core.messages import MessageError

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
        raise MessageError("image.too_many_pixels") from exc
    except (UnidentifiedImageError, OSError, SyntaxError, ValueError) as exc:
        raise MessageError("image.invalid") from exc
    return image


def prepare_image(data: bytes) -> tuple[bytes, str, int, int]:
    """(bytes to store, file extension, width, height) or MessageError saying why not."""
    if len(data) > MAX_BYTES:
        raise MessageError("image.too_big", mb=MAX_BYTES // (1024 * 1024))
    image = _open(data)
    kind = image.format or ""
    if kind not in ACCEPTED:
        raise MessageError("image.bad_type")
    image.thumbnail((MAX_SIDE, MAX_SIDE))
    out = io.BytesIO()
    if kind == "JPEG":
        image.convert("RGB").save(out, "JPEG", quality=85, optimize=True)
    else:
        image.save(out, kind)
    return out.getvalue(), ACCEPTED[kind], image.width, image.height
