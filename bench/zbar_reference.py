"""zbar as a reference decoder for bench/scan.sh: reads the benchmark's frames (written by
`fake-camera frames`) with Debian's libzbar0 through pyzbar and prints one JSON line: how many
frames it read (the right text, alone), and its p50 and p95 milliseconds a frame. zbar is a
reference only, never part of Regulars. Usage: python zbar_reference.py FRAMES_DIR"""

import json
import math
import sys
import time
from pathlib import Path

from pyzbar import pyzbar


def percentile(values, p):
    ordered = sorted(values)
    rank = min(len(ordered) - 1, max(0, math.ceil(p / 100 * len(ordered)) - 1))
    return ordered[rank]


def main():
    frames = Path(sys.argv[1])
    meta = json.loads((frames / "frames.json").read_text())
    pixels = (frames / "frames.bin").read_bytes()
    width, height = meta["width"], meta["height"]
    size = width * height
    read, times, missed = 0, [], []
    for i, code in enumerate(meta["codes"]):
        frame = pixels[i * size:(i + 1) * size]
        started = time.perf_counter()
        found = pyzbar.decode((frame, width, height), symbols=[pyzbar.ZBarSymbol.QRCODE])
        times.append((time.perf_counter() - started) * 1000)
        texts = [f.data.decode("utf-8", "replace") for f in found]
        if texts == [code]:
            read += 1
        else:
            missed.append(i)
    print(json.dumps({"read": read, "count": len(meta["codes"]), "p50": percentile(times, 50),
                      "p95": percentile(times, 95), "missed": missed}))


if __name__ == "__main__":
    main()
