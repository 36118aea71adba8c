"""Writes real TensorBoard event files for the interop suite, and what was logged to expected.json.

Writers (versions pinned in scripts/test-interop.ts):
- tensorboardX's SummaryWriter: add_scalar (simple_value), add_hparams (the timestamped
  sub-folder with hparams plugin data and its own scalars), a NaN value;
- the `tensorboard` package's own tf-free writer (EventFileWriter) with TF2-style tensor
  scalars: `scalar_pb` (float_val), and tensors built as TensorFlow 2's C++ summary writer
  writes them (dtype DT_FLOAT or DT_DOUBLE, `tensor_content` bytes, plugin metadata on the first
  value of a tag only) with the package's protobuf classes — TensorFlow itself is too big to
  install here; plus the hparams plugin's `hparams_pb` / `hparams_config_pb` (TF2 hparams API).

Usage: python log_tensorboard.py <logdir> <expected.json>
"""

import json
import math
import os
import struct
import sys
import time

from tensorboardX import SummaryWriter
from tensorboard.compat.proto import event_pb2, summary_pb2, tensor_pb2, tensor_shape_pb2, types_pb2
from tensorboard.plugins.hparams import api_pb2
from tensorboard.plugins.hparams import summary_v2 as hparams_v2
from tensorboard.plugins.scalar import summary_v2 as scalar_v2
from tensorboard.summary.writer.event_file_writer import EventFileWriter

logdir, expected_path = sys.argv[1], sys.argv[2]
# history: tag -> [(step, value)]; None where the logged value was NaN or infinite.
expected = {"runs": {}}

# 1. tensorboardX, simple_value scalars and add_hparams.
loss = [0.9, 0.7, 0.55, 0.5, 0.45]
acc = [0.5, 0.6, 0.7, 0.75, 0.8]
with SummaryWriter(os.path.join(logdir, "tbx", "baseline")) as writer:
    for step, (l, a) in enumerate(zip(loss, acc)):
        writer.add_scalar("train/loss", l, step)
        writer.add_scalar("val/accuracy", a, step)
    writer.add_scalar("lr", 0.01, 0)
    writer.add_hparams(
        {"lr": 0.01, "batch_size": 32, "optimizer": "adam", "augment": True},
        {"hparam/accuracy": 0.8, "hparam/loss": 0.45},
    )
expected["runs"]["tbx/baseline"] = {
    "history": {"train/loss": list(enumerate(loss)), "val/accuracy": list(enumerate(acc)), "lr": [(0, 0.01)]},
    "hparams": {"lr": 0.01, "batch_size": 32, "optimizer": "adam", "augment": True},
    "testMetrics": {"hparam/accuracy": 0.8, "hparam/loss": 0.45},
}

with SummaryWriter(os.path.join(logdir, "tbx", "diverged")) as writer:
    writer.add_scalar("train/loss", 1.5, 0)
    writer.add_scalar("train/loss", float("nan"), 1)
    writer.add_scalar("train/loss", float("inf"), 2)
expected["runs"]["tbx/diverged"] = {
    "history": {"train/loss": [(0, 1.5), (1, None), (2, None)]},
    "nonFinite": [["train/loss", 1, "NaN"], ["train/loss", 2, "Infinity"]],
}

# 2. The tensorboard package's writer, TF2-style tensor scalars.


def tensor_event(step, tag, value, dtype, first):
    if dtype == "float":
        tensor = tensor_pb2.TensorProto(
            dtype=types_pb2.DT_FLOAT, tensor_shape=tensor_shape_pb2.TensorShapeProto(), tensor_content=struct.pack("<f", value)
        )
    else:
        tensor = tensor_pb2.TensorProto(
            dtype=types_pb2.DT_DOUBLE, tensor_shape=tensor_shape_pb2.TensorShapeProto(), tensor_content=struct.pack("<d", value)
        )
    summary_value = summary_pb2.Summary.Value(tag=tag, tensor=tensor)
    if first:
        summary_value.metadata.plugin_data.plugin_name = "scalars"
        summary_value.metadata.data_class = summary_pb2.DATA_CLASS_SCALAR
    return event_pb2.Event(wall_time=time.time(), step=step, summary=summary_pb2.Summary(value=[summary_value]))


def as_float32(value):
    return struct.unpack("<f", struct.pack("<f", value))[0]


tf2_dir = os.path.join(logdir, "tf2", "lr-0.001")
writer = EventFileWriter(tf2_dir)
writer.add_event(event_pb2.Event(wall_time=time.time(), summary=hparams_v2.hparams_pb({"learning_rate": 0.001, "layers": 4, "activation": "relu"})))
epoch_loss = [0.8, 0.6, 0.5]
epoch_acc = [0.7, 0.8, 0.85]
for step in range(3):
    writer.add_event(tensor_event(step, "epoch_loss", epoch_loss[step], "float", step == 0))
    writer.add_event(tensor_event(step, "epoch_accuracy", epoch_acc[step], "double", step == 0))
for step, value in enumerate([0.1, 0.2]):
    summary = scalar_v2.scalar_pb("float_val_scalar", value)
    writer.add_event(event_pb2.Event(wall_time=time.time(), step=step, summary=summary))
writer.flush()
writer.close()
expected["runs"]["tf2/lr-0.001"] = {
    "history": {
        "epoch_loss": list(enumerate(as_float32(v) for v in epoch_loss)),
        "epoch_accuracy": list(enumerate(epoch_acc)),
        "float_val_scalar": [(0, as_float32(0.1)), (1, as_float32(0.2))],
    },
    "hparams": {"learning_rate": 0.001, "layers": 4, "activation": "relu"},
    "testMetrics": {"epoch_accuracy": epoch_acc[-1]},
}

# The TF2 hparams API writes the experiment config (domains, metrics) at the top of the log dir.
config_writer = EventFileWriter(os.path.join(logdir, "tf2"))
config = hparams_v2.hparams_config_pb(
    hparams=[
        hparams_v2.HParam("learning_rate", hparams_v2.RealInterval(0.0001, 0.1)),
        hparams_v2.HParam("layers", hparams_v2.Discrete([2, 4, 8])),
        hparams_v2.HParam("activation", hparams_v2.Discrete(["relu", "tanh"])),
    ],
    metrics=[hparams_v2.Metric("epoch_accuracy")],
)
config_writer.add_event(event_pb2.Event(wall_time=time.time(), summary=config))
config_writer.flush()
config_writer.close()
expected["runs"]["tf2/lr-0.001"]["searchSpaces"] = {
    "learning_rate": {"kind": "range", "min": 0.0001, "max": 0.1},
    "layers": {"kind": "choice", "values": [2, 4, 8]},
    "activation": {"kind": "choice", "values": ["relu", "tanh"]},
}

with open(expected_path, "w") as out:
    json.dump(expected, out, indent=2)
print("wrote", len(expected["runs"]), "TensorBoard runs")
