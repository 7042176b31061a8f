"""Benchmark: preparing a 24-megapixel photo for the vision model vs Pillow's plain thumbnail.

Run: ``.venv/bin/python -m bench.images`` (or ``python bench/images.py``).

Each method runs in its own fresh subprocess, so peak memory (the process's VmHWM, which
sees Pillow's C allocations that tracemalloc can't) is not polluted by the other methods;
the photos are generated in a subprocess too.
Figures are ratios against Pillow's ``thumbnail`` measured in the same run.

Methods:
- ``pillow_thumbnail``: ``Image.open`` + ``thumbnail((1120, 1120))`` + encode. Pillow's
  thumbnail already uses JPEG draft mode (decode at 1/2, 1/4, 1/8 scale).
- ``pillow_full_decode``: full decode + LANCZOS ``resize`` + encode: what code that
  doesn't use draft pays.
- ``hearth_prepare``: ``agents.images.prepare_image``: sniffing, bomb checks, EXIF
  orientation, colour conversion, draft, LANCZOS, encode and SHA-256.
"""

from __future__ import annotations

import argparse
import json
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import TypedDict

WORKER = r"""
import io, json, resource, sys, time
from PIL import Image
from agents.images.intake import prepare_image

method, path, repeats = sys.argv[1], sys.argv[2], int(sys.argv[3])
raw = open(path, "rb").read()

def pillow_thumbnail():
    with Image.open(io.BytesIO(raw)) as im:
        im.thumbnail((1120, 1120))
        out = io.BytesIO()
        im.convert("RGB").save(out, "JPEG", quality=90)
        return out.getvalue()

def pillow_full_decode():
    with Image.open(io.BytesIO(raw)) as im:
        im.load()
        scale = 1120 / max(im.size)
        small = im.resize((round(im.width * scale), round(im.height * scale)),
                          Image.Resampling.LANCZOS)
        out = io.BytesIO()
        small.convert("RGB").save(out, "JPEG", quality=90)
        return out.getvalue()

def hearth_prepare():
    return prepare_image(raw, "photo").data

run = {"pillow_thumbnail": pillow_thumbnail, "pillow_full_decode": pillow_full_decode,
       "hearth_prepare": hearth_prepare}[method]
def peak_kb():
    # VmHWM is this process's own high-water mark; ru_maxrss can carry the parent's
    # peak across fork+exec on Linux.
    try:
        for line in open("/proc/self/status"):
            if line.startswith("VmHWM:"):
                return int(line.split()[1])
    except OSError:
        pass
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss

base_kb = peak_kb()
times = []
for _ in range(repeats):
    start = time.perf_counter()
    data = run()
    times.append(time.perf_counter() - start)
top_kb = peak_kb()
size = Image.open(io.BytesIO(data)).size
print(json.dumps({"times": times, "peak_extra_mb": (top_kb - base_kb) / 1024,
                  "size": size, "bytes": len(data)}))
"""

METHODS = ("pillow_thumbnail", "pillow_full_decode", "hearth_prepare")


def make_photo(path: Path, width: int, height: int, fmt: str) -> None:
    """A photo-like 24 MP image: gradients plus noise (compresses like a real photo)."""
    from PIL import Image

    red = Image.linear_gradient("L").resize((width, height))
    green = Image.radial_gradient("L").resize((width, height))
    blue = Image.effect_noise((width, height), 48)
    image = Image.merge("RGB", (red, green, blue))
    if fmt == "JPEG":
        image.save(path, "JPEG", quality=92)
    else:
        image.save(path, "PNG", compress_level=1)


class Figures(TypedDict):
    """What one method measured."""

    times: list[float]
    peak_extra_mb: float
    size: list[int]
    bytes: int


def measure(method: str, path: Path, repeats: int) -> Figures:
    """Runs one method in a fresh interpreter and returns its figures."""
    root = Path(__file__).resolve().parent.parent
    result = subprocess.run(
        [sys.executable, "-c", WORKER, method, str(path), str(repeats)],
        capture_output=True,
        text=True,
        check=True,
        cwd=root,
    )
    figures: Figures = json.loads(result.stdout.strip().splitlines()[-1])
    return figures


def main(argv: list[str] | None = None) -> int:
    """Prints a table of median time and peak extra memory per method and format."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeats", type=int, default=3, help="runs per method (median)")
    parser.add_argument("--width", type=int, default=6000)
    parser.add_argument("--height", type=int, default=4000)
    args = parser.parse_args(argv)
    megapixels = args.width * args.height / 1e6
    print(
        f"Preparing a {args.width}x{args.height} ({megapixels:.0f} MP) photo; "
        f"median of {args.repeats}; each method in its own process"
    )
    with tempfile.TemporaryDirectory() as folder:
        for fmt in ("JPEG", "PNG"):
            path = Path(folder) / f"photo.{fmt.lower()}"
            started = time.perf_counter()
            subprocess.run(
                [
                    sys.executable,
                    "-c",
                    "import sys; from pathlib import Path; from bench.images import make_photo; "
                    "a = sys.argv; make_photo(Path(a[1]), int(a[2]), int(a[3]), a[4])",
                    str(path),
                    str(args.width),
                    str(args.height),
                    fmt,
                ],
                check=True,
                cwd=Path(__file__).resolve().parent.parent,
            )
            print(
                f"\n{fmt}: {path.stat().st_size / 1e6:.1f} MB file "
                f"(generated in {time.perf_counter() - started:.1f} s)"
            )
            rows = {m: measure(m, path, args.repeats) for m in METHODS}
            base_time = statistics.median(rows["pillow_thumbnail"]["times"])
            base_mem = rows["pillow_thumbnail"]["peak_extra_mb"]
            print(
                f"{'method':<20} {'median s':>9} {'x thumb':>8} {'peak MB':>8} "
                f"{'x thumb':>8}  output"
            )
            for method, row in rows.items():
                seconds = statistics.median(row["times"])
                memory = row["peak_extra_mb"]
                width, height = row["size"]
                memory_ratio = memory / base_mem if base_mem else 0.0
                print(
                    f"{method:<20} {seconds:>9.3f} {seconds / base_time:>8.2f} "
                    f"{memory:>8.1f} {memory_ratio:>8.2f}  "
                    f"{width}x{height}, {row['bytes'] / 1e3:.0f} kB"
                )
    return 0


if __name__ == "__main__":
    sys.exit(main())
