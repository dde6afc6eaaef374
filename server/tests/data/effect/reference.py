"""Reference figures for the offer effect's interval (server/src/offers/effect.rs), computed
once with scipy and kept beside this script in reference.json.

Each case is a fixed pair of samples (visits or spend per member: those who could see an
offer, and the holdout), drawn here from a seeded generator so the data are in the file, with
scipy's Welch t-test: the difference of means, its 95 % confidence interval and the
Welch-Satterthwaite degrees of freedom.

Run: python3 -m venv /tmp/effect-venv && /tmp/effect-venv/bin/pip install scipy==1.14.1 &&
     /tmp/effect-venv/bin/python server/tests/data/effect/reference.py
"""

import json
import os

import numpy as np
from scipy import stats

HERE = os.path.dirname(os.path.abspath(__file__))


def case(name, treated, control):
    result = stats.ttest_ind(treated, control, equal_var=False)
    ci = result.confidence_interval(confidence_level=0.95)
    return {
        "name": name,
        "treated": [float(v) for v in treated],
        "control": [float(v) for v in control],
        "estimate": float(np.mean(treated) - np.mean(control)),
        "low": float(ci.low),
        "high": float(ci.high),
        "df": float(result.df),
    }


def main():
    rng = np.random.default_rng(24301)
    cases = [
        # Visits in a month: an offer that adds a little, a 10 % holdout.
        case("visits, 10 % held out", rng.poisson(2.3, 180), rng.poisson(2.0, 20)),
        # Visits: no effect, a 50 % holdout, many members.
        case("visits, no effect", rng.poisson(1.5, 400), rng.poisson(1.5, 400)),
        # Spend in minor units: skewed, unequal spread.
        case(
            "spend",
            np.round(rng.gamma(2.0, 900.0, 150)),
            np.round(rng.gamma(2.0, 600.0, 30)),
        ),
        # The smallest groups an interval is given for.
        case("two and three", [3.0, 1.0], [0.0, 2.0, 1.0]),
    ]
    with open(os.path.join(HERE, "reference.json"), "w") as f:
        f.write("[\n")
        f.write(",\n".join(json.dumps(c) for c in cases))
        f.write("\n]\n")


if __name__ == "__main__":
    main()
