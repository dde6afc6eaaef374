"""Reference figures for the CLV models' tests, computed once and kept beside this script.

The CDNOW cohort (2,357 customers, calibration to 1997-09-30, time unit weeks) as the Python
`lifetimes` package ships it, and what `lifetimes` fits on it:

- cdnow_summary.csv: ID, x (repeat purchases), t_x (weeks from the first to the last purchase),
  T (weeks from the first purchase to the end of calibration), zbar (mean spend of the repeat
  purchases), copied from lifetimes/datasets/cdnow_customers_summary_with_transactions.csv;
- lifetimes_reference.json: lifetimes' BG/NBD and Gamma-Gamma parameters and log-likelihoods
  on that data, and a few of its predictions, for server/src/insights/clv tests.

The published BG/NBD figures (Fader, Hardie and Lee 2005, "Counting your customers the easy
way", table on the CDNOW cohort: r 0.243, alpha 4.414, a 0.793, b 2.426, LL -9582.4) are in the
tests themselves.

Run: python3 -m venv /tmp/lt && /tmp/lt/bin/pip install lifetimes==0.11.3 &&
     /tmp/lt/bin/python server/tests/data/cdnow/extract.py
"""

import json
import os
import shutil

import lifetimes
from lifetimes import BetaGeoFitter, GammaGammaFitter

HERE = os.path.dirname(os.path.abspath(__file__))
SOURCE = os.path.join(
    os.path.dirname(lifetimes.__file__),
    "datasets",
    "cdnow_customers_summary_with_transactions.csv",
)


def main():
    shutil.copyfile(SOURCE, os.path.join(HERE, "cdnow_summary.csv"))
    import pandas as pd

    data = pd.read_csv(SOURCE)
    bg = BetaGeoFitter(penalizer_coef=0.0)
    bg.fit(data["x"], data["t_x"], data["T"])
    repeat = data[data["x"] > 0]
    gg = GammaGammaFitter(penalizer_coef=0.0)
    gg.fit(repeat["x"], repeat["zbar"])
    examples = []
    for x, t_x, T in [(0, 0.0, 38.86), (2, 30.43, 38.86), (7, 35.0, 38.0), (20, 8.0, 40.0)]:
        examples.append(
            {
                "x": x,
                "t_x": t_x,
                "T": T,
                "expected_39_weeks": float(
                    bg.conditional_expected_number_of_purchases_up_to_time(39, x, t_x, T)
                ),
                "p_alive": float(bg.conditional_probability_alive(x, t_x, T).item()),
            }
        )
    reference = {
        "source": f"lifetimes {lifetimes.__version__}, {os.path.basename(SOURCE)}",
        "bg_nbd": {k: float(v) for k, v in bg.params_.items()},
        "gamma_gamma": {k: float(v) for k, v in gg.params_.items()},
        "gamma_gamma_conditional_spend": [
            {"x": int(x), "zbar": float(z), "expected": float(e)}
            for x, z, e in zip(
                repeat["x"][:5],
                repeat["zbar"][:5],
                gg.conditional_expected_average_profit(repeat["x"][:5], repeat["zbar"][:5]),
            )
        ],
        "predictions": examples,
    }
    with open(os.path.join(HERE, "lifetimes_reference.json"), "w") as f:
        json.dump(reference, f, indent=2)
        f.write("\n")
    print(json.dumps(reference, indent=2))


if __name__ == "__main__":
    main()
