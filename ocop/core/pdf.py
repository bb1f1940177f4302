"""Compile a typst template to PDF with its data as JSON (ADR 0006). The data goes in through
sys.inputs, never pasted into the markup; the root is the ocop package, so every template can
import the shared blocks of /core/typst/official.typ."""

import json
from pathlib import Path
from typing import Any

import typst

ROOT = Path(__file__).resolve().parent.parent


def compile_pdf(template: Path, payload: dict[str, Any]) -> bytes:
    data = json.dumps(payload, ensure_ascii=False)
    result = typst.compile(str(template), root=str(ROOT), sys_inputs={"data": data})
    assert isinstance(result, bytes)
    return result
