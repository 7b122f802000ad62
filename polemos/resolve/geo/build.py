"""Build the gazetteer cache eagerly: ``python -m polemos.resolve.geo.build [--force] [PATH]``."""

from __future__ import annotations

import sys
import time
from pathlib import Path

from polemos.resolve.geo.gazetteer import build, default_path


def main(argv: list[str] | None = None) -> int:
    args = list(sys.argv[1:] if argv is None else argv)
    force = "--force" in args
    args = [a for a in args if a != "--force"]
    path = Path(args[0]) if args else default_path()
    if path.exists() and not force:
        print(f"gazetteer up to date: {path}")
        return 0
    t = time.perf_counter()
    build(path)
    print(f"built {path} ({path.stat().st_size / 1e6:.0f} MB) in {time.perf_counter() - t:.0f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
