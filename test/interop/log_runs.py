"""Logs the interop scenario into real MLflow stores and writes what it logged to expected.json.

Usage: python log_runs.py --target NAME=TRACKING_URI [--target ...] --out expected.json

Every target gets the same runs (their run ids differ). Values in expected.json are what was
logged; run info (ids, start/end times, user) is read back from MLflow itself. Non-finite metric
values are written as the strings "NaN", "Infinity", "-Infinity" (JSON has no NaN).
"""

import argparse
import json
import math
import os
import sys

os.environ.setdefault("MLFLOW_ALLOW_FILE_STORE", "true")

import mlflow  # noqa: E402
from mlflow.tracking import MlflowClient  # noqa: E402

DAY = 86_400_000
T0 = 1_717_200_000_000  # 2024-06-01T00:00:00Z


def encode(value):
    if math.isnan(value):
        return "NaN"
    if math.isinf(value):
        return "Infinity" if value > 0 else "-Infinity"
    return value


class Logger:
    def __init__(self, uri):
        self.uri = uri
        self.client = MlflowClient(tracking_uri=uri)
        self.runs = []

    def experiment(self, name):
        return self.client.create_experiment(name)

    def run(self, experiment_id, name, start, *, parent=None, user="interop-user", params=None, tags=None,
            metrics=None, note=None, status="FINISHED", end=None, deleted=False, git=None):
        run_tags = {"mlflow.user": user, "mlflow.source.name": "log_runs.py", "mlflow.source.type": "LOCAL"}
        if parent is not None:
            run_tags["mlflow.parentRunId"] = parent["runId"]
        if note is not None:
            run_tags["mlflow.note.content"] = note
        for key, value in (git or {}).items():
            run_tags[f"mlflow.source.git.{key}"] = value
        run_tags.update(tags or {})
        run = self.client.create_run(experiment_id, start_time=start, tags=run_tags, run_name=name)
        run_id = run.info.run_id
        for key, value in (params or {}).items():
            self.client.log_param(run_id, key, value)
        logged = {}
        for key, points in (metrics or {}).items():
            for step, timestamp, value in points:
                self.client.log_metric(run_id, key, value, timestamp=timestamp, step=step)
                logged.setdefault(key, []).append([step, timestamp, encode(value)])
        if status != "RUNNING":
            self.client.set_terminated(run_id, status=status, end_time=end)
        if deleted:
            self.client.delete_run(run_id)
        info = self.client.get_run(run_id).info
        entry = {
            "name": name,
            "runId": run_id,
            "experimentId": str(experiment_id),
            "experiment": self.client.get_experiment(experiment_id).name,
            "status": info.status,
            "startTime": info.start_time,
            "endTime": info.end_time,
            "user": user,
            "parentRunId": None if parent is None else parent["runId"],
            "parentName": None if parent is None else parent["name"],
            "params": {key: str(value) for key, value in (params or {}).items()},
            "tags": dict(tags or {}),
            "note": note,
            "git": dict(git or {}),
            "sourceName": "log_runs.py",
            "metrics": logged,
            "deleted": deleted,
        }
        self.runs.append(entry)
        return entry


def log_scenario(uri):
    log = Logger(uri)
    vision = log.experiment("interop-vision")
    parent = log.run(
        vision, "sweep parent", T0, end=T0 + DAY + 3_600_000,
        params={"lr": 0.01, "batch_size": 64, "optimizer": "adam", "use_amp": True, "model/depth": 18},
        tags={"team": "interop", "priority": "high"},
        note="Sweep over learning rates.\n\nSee **trial 1**.",
        git={"commit": "0123456789abcdef0123456789abcdef01234567", "repoURL": "https://example.com/acme/vision.git", "branch": "main"},
        metrics={
            "train/loss": [(step, T0 + 1000 * step, 1.0 / (step + 1)) for step in range(5)],
            "val/loss": [(step, T0 + 1000 * step + 1, 1.1 / (step + 1)) for step in range(5)],
            "test_accuracy": [(4, T0 + 9000, 0.8125)],
            "test/f1": [(4, T0 + 9001, 0.75)],
        },
    )
    trial1 = log.run(
        vision, "trial 1", T0 + 2 * DAY, parent=parent, end=T0 + 2 * DAY + 60_000,
        params={"lr": 0.02, "scheduler": "None"},
        metrics={
            # NaN at step 1; two values at step 2 (the later timestamp must win)
            "loss": [(0, T0 + 2 * DAY + 1, 0.9), (1, T0 + 2 * DAY + 2, float("nan")), (2, T0 + 2 * DAY + 3, 0.3), (2, T0 + 2 * DAY + 4, 0.25)],
            "val_acc": [(0, T0 + 2 * DAY + 1, 0.5), (2, T0 + 2 * DAY + 3, 0.625)],
        },
    )
    log.run(
        vision, "trial 1 fold 0", T0 + 3 * DAY, parent=trial1, status="FAILED", end=T0 + 3 * DAY + 5_000,
        params={"fold": 0}, tags={"fold": "0"},
        metrics={"val_acc": [(0, T0 + 3 * DAY + 1, 0.375)]},
    )
    log.run(vision, "trial 2", T0 + 4 * DAY, parent=parent, status="KILLED", end=T0 + 4 * DAY + 1_000, params={"lr": 0.04})
    log.run(vision, "still running", T0 + 5 * DAY, status="RUNNING", params={"lr": 0.08}, metrics={"loss": [(0, T0 + 5 * DAY + 1, 2.5)]})
    log.run(vision, "deleted run", T0 + 6 * DAY, end=T0 + 6 * DAY + 1, deleted=True, params={"lr": 1})

    tabular = log.experiment("interop-tabular")
    log.run(
        tabular, "xgb baseline", T0 + 7 * DAY, end=T0 + 7 * DAY + 10_000, user="bob",
        params={"max_depth": None, "eta": "1e-3", "objective": "binary:logistic"},
        tags={"model_family": "gbdt"},
        metrics={
            "auc": [(0, T0 + 7 * DAY + 1, 0.5), (1, T0 + 7 * DAY + 2, 0.875)],
            "logloss": [(0, T0 + 7 * DAY + 1, float("inf")), (1, T0 + 7 * DAY + 2, 0.4375)],
            "train_logloss": [(1, T0 + 7 * DAY + 2, -float("inf"))],
        },
    )

    trashed = log.experiment("interop-trash")
    log.run(trashed, "run in deleted experiment", T0 + 8 * DAY, end=T0 + 8 * DAY + 1, params={"lr": 3})
    log.client.delete_experiment(trashed)
    for entry in log.runs:
        if entry["experimentId"] == str(trashed):
            entry["deleted"] = True
    return log.runs


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--target", action="append", required=True, help="NAME=TRACKING_URI")
    parser.add_argument("--out", required=True)
    args = parser.parse_args()
    stores = {}
    for target in args.target:
        name, uri = target.split("=", 1)
        print(f"log_runs.py: logging into {name} ({uri})", flush=True)
        stores[name] = {"uri": uri, "runs": log_scenario(uri)}
    with open(args.out, "w", encoding="utf-8") as handle:
        json.dump({"mlflowVersion": mlflow.__version__, "stores": stores}, handle, indent=2, allow_nan=False)
    print(f"log_runs.py: wrote {args.out}", flush=True)


if __name__ == "__main__":
    sys.exit(main())
