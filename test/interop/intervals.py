"""Computes 95% intervals with statsmodels, for the interop suite to check Logbook's against.

Reads a JSON list of cases from stdin, each {"wilson": [count, nobs]} or
{"newcomb": [count1, nobs1, count2, nobs2]}, and prints a JSON list of [low, high], in order:
statsmodels' proportion_confint(method="wilson") and
confint_proportions_2indep(method="newcomb", compare="diff").
"""

import json
import sys

from statsmodels.stats.proportion import confint_proportions_2indep, proportion_confint

out = []
for case in json.load(sys.stdin):
    if "wilson" in case:
        count, nobs = case["wilson"]
        low, high = proportion_confint(count, nobs, alpha=0.05, method="wilson")
    else:
        count1, nobs1, count2, nobs2 = case["newcomb"]
        low, high = confint_proportions_2indep(count1, nobs1, count2, nobs2, method="newcomb", compare="diff", alpha=0.05)
    out.append([float(low), float(high)])
json.dump(out, sys.stdout)
