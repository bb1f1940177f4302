"""A fingerprint of what the producer controls in a dossier (pure, no Django).

Mẫu 01, Mẫu 02, the self-scores and the evidence files (section and content hash: the same bytes
uploaded again are no change). Taken at each workflow step, it tells a resubmission that changed
nothing since the return from one that did, whatever was saved and undone in between.
"""

import hashlib
import json
from collections.abc import Iterable, Mapping


def content_fingerprint(
    *,
    form01: Mapping[str, object],
    form02: Mapping[str, object],
    self_scores: Mapping[str, object],
    files: Iterable[tuple[str, str]],
) -> str:
    """SHA-256 hex of the canonical JSON of the dossier's parts; `files` as (section, sha256)."""
    content = {
        "form01": form01,
        "form02": form02,
        "self_scores": self_scores,
        "files": sorted([section, digest] for section, digest in files),
    }
    text = json.dumps(
        content, sort_keys=True, ensure_ascii=False, separators=(",", ":"), default=str
    )
    return hashlib.sha256(text.encode()).hexdigest()
