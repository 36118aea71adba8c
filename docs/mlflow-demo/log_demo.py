"""Logs a small, realistic MLflow sweep (a parent run with three child runs) into a SQLite store.

Used to make the README's screenshot of a site built from MLflow:
    .cache/interop-venv/bin/python docs/mlflow-demo/log_demo.py /tmp/demo/mlflow.db
    npm run import:mlflow -- /tmp/demo/mlflow.db --out /tmp/demo/records
    LOGBOOK_CONTENT=/tmp/demo/records npm run build
"""

import math
import os
import sys

os.environ.setdefault("MLFLOW_ENABLE_TELEMETRY", "false")
import mlflow  # noqa: E402
from mlflow.tracking import MlflowClient  # noqa: E402

db = sys.argv[1]
client = MlflowClient(tracking_uri=f"sqlite:///{db}")
exp = client.create_experiment("churn-prediction")
t0 = 1_735_689_600_000  # 2025-01-01


def curve(start, end, rate, epoch):
    return end + (start - end) * math.exp(-rate * epoch)


def log_run(name, lr, depth, parent=None, quality=0.0, day=0):
    run = client.create_run(exp, run_name=name, start_time=t0 + day * 86_400_000,
                            tags={"mlflow.user": "ana", "model_family": "tree-based", "use_case": "churn",
                                  "mlflow.source.git.commit": "4f9c2e1a7b", "mlflow.source.name": "train.py",
                                  **({"mlflow.parentRunId": parent} if parent else {})})
    rid = run.info.run_id
    for k, v in {"learning_rate": lr, "max_depth": depth, "n_estimators": 400, "subsample": 0.8}.items():
        client.log_param(rid, k, v)
    for epoch in range(1, 31):
        ts = t0 + day * 86_400_000 + epoch * 60_000
        client.log_metric(rid, "train_loss", round(curve(0.69, 0.28 - quality, 0.15, epoch), 4), ts, epoch)
        client.log_metric(rid, "val_loss", round(curve(0.69, 0.33 - quality, 0.12, epoch), 4), ts, epoch)
        client.log_metric(rid, "train_accuracy", round(curve(0.55, 0.90 + quality, 0.15, epoch), 4), ts, epoch)
        client.log_metric(rid, "val_accuracy", round(curve(0.55, 0.86 + quality, 0.12, epoch), 4), ts, epoch)
    client.log_metric(rid, "test_accuracy", round(0.855 + quality, 4), t0 + day * 86_400_000 + 40 * 60_000, 30)
    client.log_metric(rid, "test_auc", round(0.905 + quality, 4), t0 + day * 86_400_000 + 40 * 60_000, 30)
    client.set_terminated(rid, "FINISHED", end_time=t0 + day * 86_400_000 + 45 * 60_000)
    return rid


root = log_run("baseline-gbm", 0.1, 4, quality=0.0, day=0)
child = log_run("deeper-trees", 0.05, 8, parent=root, quality=0.012, day=2)
log_run("deeper-trees-lr-0.02", 0.02, 8, parent=child, quality=0.018, day=4)
log_run("shallow-fast", 0.2, 3, parent=root, quality=-0.006, day=3)
print("logged 4 runs into", db)
