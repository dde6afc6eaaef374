"""The reference side of bench/clv.sh: lifetimes fits BG/NBD and Gamma-Gamma on the CDNOW cohort
(server/tests/data/cdnow/cdnow_summary.csv) several times and prints its parameters and the
median fit times as JSON. Never part of the product."""

import json
import statistics
import sys
import time

import pandas as pd
from lifetimes import BetaGeoFitter, GammaGammaFitter


def main():
    path, runs = sys.argv[1], int(sys.argv[2])
    data = pd.read_csv(path)
    repeat = data[data["x"] > 0]
    bg_times, gg_times = [], []
    for _ in range(runs):
        started = time.perf_counter()
        bg = BetaGeoFitter().fit(data["x"], data["t_x"], data["T"])
        bg_times.append(time.perf_counter() - started)
        started = time.perf_counter()
        gg = GammaGammaFitter().fit(repeat["x"], repeat["zbar"])
        gg_times.append(time.perf_counter() - started)
    print(
        json.dumps(
            {
                "bg_nbd": {k: float(v) for k, v in bg.params_.items()},
                "gamma_gamma": {k: float(v) for k, v in gg.params_.items()},
                "bg_nbd_seconds": statistics.median(bg_times),
                "gamma_gamma_seconds": statistics.median(gg_times),
            }
        )
    )


if __name__ == "__main__":
    main()
