"""Loads model cards with huggingface_hub's ModelCard and prints what it read, as JSON (one object per card).

Usage: python read_model_card.py <README.md>...
"""

import json
import sys

from huggingface_hub import ModelCard

cards = []
for path in sys.argv[1:]:
    card = ModelCard.load(path)
    cards.append(
        {
            "path": path,
            "modelName": card.data.model_name,
            "datasets": card.data.datasets,
            "co2": card.data.to_dict().get("co2_eq_emissions"),
            "evalResults": [
                {
                    "taskType": result.task_type,
                    "datasetName": result.dataset_name,
                    "datasetType": result.dataset_type,
                    "datasetSplit": result.dataset_split,
                    "metricType": result.metric_type,
                    "metricValue": result.metric_value,
                    "metricName": result.metric_name,
                }
                for result in (card.data.eval_results or [])
            ],
        }
    )
json.dump(cards, sys.stdout)
