"""Makes a real DVC project with DVCLive for the interop suite, and writes what was logged to expected.json.

In <project>: git init, dvc init, params.yaml and a one-stage dvc.yaml whose train.py logs with
DVCLive (log_param, log_metric over steps with a nested name and a NaN, log_sklearn_plot
confusion_matrix); `dvc repro` (dvc.lock), a commit, one `dvc exp run --set-param` experiment,
then `dvc exp show --json` saved to <project>/exp-show.json. Versions pinned in
scripts/test-interop.ts.

Usage: python log_dvc.py <project> <expected.json>
"""

import json
import os
import subprocess
import sys

project, expected_path = os.path.abspath(sys.argv[1]), sys.argv[2]
os.makedirs(project, exist_ok=True)
bin_dir = os.path.dirname(sys.executable)
env = {**os.environ, "PATH": bin_dir + os.pathsep + os.environ.get("PATH", ""), "DVC_NO_ANALYTICS": "1",
       "GIT_AUTHOR_NAME": "Interop", "GIT_AUTHOR_EMAIL": "interop@example.com",
       "GIT_COMMITTER_NAME": "Interop", "GIT_COMMITTER_EMAIL": "interop@example.com"}


def run(*args):
    subprocess.run(args, cwd=project, env=env, check=True, stdout=subprocess.DEVNULL)


TRAIN = '''
import math
import yaml
from dvclive import Live

params = yaml.safe_load(open("params.yaml"))
lr = params["train"]["lr"]
with Live(save_dvc_exp=False) as live:
    live.log_param("model", "logreg")
    for epoch in range(params["train"]["epochs"]):
        live.log_metric("train/loss", round(1.0 / (epoch + 1) * (0.1 / lr) ** 0.1, 6))
        live.log_metric("val/acc", round(0.5 + 0.1 * epoch, 6))
        live.log_metric("grad_ratio", float("nan") if epoch == 1 else 0.25 * epoch)
        live.next_step()
    live.log_metric("test/acc", 0.81, plot=False)
    live.log_sklearn_plot("confusion_matrix", [0, 0, 1, 1, 1, 0], [0, 1, 1, 1, 0, 0], name="confusion_matrix.json")
'''

with open(os.path.join(project, "train.py"), "w") as out:
    out.write(TRAIN)
with open(os.path.join(project, "data.csv"), "w") as out:
    out.write("x,y\n1,0\n2,1\n")
with open(os.path.join(project, "params.yaml"), "w") as out:
    out.write("train:\n  lr: 0.1\n  epochs: 3\n  optimizer: sgd\nseed: 7\n")
with open(os.path.join(project, "dvc.yaml"), "w") as out:
    out.write(
        "stages:\n"
        "  train:\n"
        "    cmd: python train.py\n"
        "    deps:\n"
        "    - train.py\n"
        "    - data.csv\n"
        "    params:\n"
        "    - train.lr\n"
        "    - train.epochs\n"
        "    outs:\n"
        "    - dvclive/plots:\n"
        "        cache: false\n"
        "    metrics:\n"
        "    - dvclive/metrics.json:\n"
        "        cache: false\n"
    )

run("git", "init", "-q", "-b", "main")
run("dvc", "init", "-q")
run("git", "add", "-A")
run("git", "commit", "-q", "-m", "project")
run("dvc", "repro", "-q")
run("git", "add", "-A")
run("git", "commit", "-q", "-m", "baseline")
run("dvc", "exp", "run", "-q", "--name", "fast-lr", "--set-param", "train.lr=0.5")
show = subprocess.run(["dvc", "exp", "show", "--json"], cwd=project, env=env, check=True, capture_output=True, text=True).stdout
with open(os.path.join(project, "exp-show.json"), "w") as out:
    out.write(show)
baseline_rev = subprocess.run(["git", "rev-parse", "HEAD"], cwd=project, env=env, check=True, capture_output=True, text=True).stdout.strip()

# `dvc exp run` leaves the experiment applied in the workspace: the project folder holds its results.
expected = {
    "baselineRev": baseline_rev,
    "baselineLr": 0.1,
    "baselineLoss": round(1.0 / 3 * (0.1 / 0.1) ** 0.1, 6),
    "params": {"train.lr": 0.5, "train.epochs": 3, "train.optimizer": "sgd", "seed": 7, "model": "logreg"},
    "history": {
        "train/loss": [round(1.0 / (e + 1) * (0.1 / 0.5) ** 0.1, 6) for e in range(3)],
        "val/acc": [round(0.5 + 0.1 * e, 6) for e in range(3)],
        "grad_ratio": [0.0, None, 0.5],
    },
    "testMetrics": {"acc": 0.81},
    "confusionMatrix": {"labels": ["0", "1"], "matrix": [[2, 1], [1, 2]]},
    "experiment": {"name": "fast-lr", "lr": 0.5},
}
with open(expected_path, "w") as out:
    json.dump(expected, out, indent=2)
print("wrote a DVC project with one experiment")
