"""Logs one training run into an MLflow tracking server, shaped like a Logbook benchmark record.

Usage: python log_run.py TRACKING_URI OUT.json

The run has what a reviewer opens a run page for: 12 hyperparameters, 100 epochs of training and
validation loss and accuracy with the learning rate, and the test metrics. Values are generated
from a fixed seed, so every run of the benchmark compares the same page. OUT.json gets the
experiment and run ids.
"""

import json
import math
import os
import random
import sys

from mlflow.entities import Metric, Param, RunTag
from mlflow.tracking import MlflowClient

T0 = 1_717_200_000_000  # 2024-06-01T00:00:00Z


def main(uri, out):
    rng = random.Random(17)
    client = MlflowClient(tracking_uri=uri)
    experiment_id = client.create_experiment("churn-prediction")
    run = client.create_run(
        experiment_id,
        start_time=T0,
        run_name="churn-gbm-0068",
        tags={"mlflow.user": "mei.lin", "use_case": "churn-prediction", "model_family": "tree-based"},
    )
    run_id = run.info.run_id
    params = {
        "learning_rate": "0.0058", "batch_size": "256", "epochs": "100", "optimizer": "adamw",
        "weight_decay": "0.01", "dropout": "0.2", "hidden_units": "512", "layers": "4",
        "scheduler": "cosine", "warmup_epochs": "5", "label_smoothing": "0.1", "seed": "17",
    }
    metrics = []
    for epoch in range(1, 101):
        t = T0 + epoch * 60_000
        progress = 1 - math.exp(-epoch / 18)
        train_loss = 0.69 - 0.5 * progress + rng.uniform(-0.01, 0.01)
        val_loss = train_loss + 0.02 + 0.0004 * epoch + rng.uniform(-0.01, 0.01)
        lr = 0.0058 * min(1, epoch / 5) * 0.5 * (1 + math.cos(math.pi * epoch / 100))
        for key, value in (
            ("train_loss", train_loss),
            ("train_acc", 0.75 + 0.2 * progress + rng.uniform(-0.005, 0.005)),
            ("val_loss", val_loss),
            ("val_acc", 0.74 + 0.19 * progress + rng.uniform(-0.005, 0.005)),
            ("learning_rate", lr),
        ):
            metrics.append(Metric(key, round(value, 6), t, epoch))
    for key, value in (("test_accuracy", 0.9292), ("test_f1", 0.7308), ("test_precision", 0.7712),
                       ("test_recall", 0.6944), ("test_auc", 0.9481)):
        metrics.append(Metric(key, value, T0 + 101 * 60_000, 0))
    client.log_batch(run_id, params=[Param(k, v) for k, v in params.items()], metrics=metrics[:1000], tags=[])
    for start in range(1000, len(metrics), 1000):
        client.log_batch(run_id, metrics=metrics[start:start + 1000])
    client.set_terminated(run_id, "FINISHED", end_time=T0 + 102 * 60_000)
    with open(out, "w", encoding="utf-8") as f:
        json.dump({"experimentId": experiment_id, "runId": run_id}, f)


if __name__ == "__main__":
    if len(sys.argv) != 3:
        sys.exit(__doc__)
    os.environ.setdefault("MLFLOW_DISABLE_TELEMETRY", "true")
    main(sys.argv[1], sys.argv[2])
