"""A file named on the command line. `Path("")` is `.`, the current folder: an empty name
(`ratbond import ""`, a shell variable left unset) would be read as the folder and blamed on
it, so it is refused as empty before any command sees it."""

from __future__ import annotations

from pathlib import Path

import typer


def file_name(text: str) -> str:
    """`text` as typed, refused when blank (for arguments that also take `-`)."""
    if not text.strip():
        raise typer.BadParameter("is empty; give the path of a file")
    return text


def file_path(text: str) -> Path:
    """`text` as a path, refused when blank."""
    return Path(file_name(text))
