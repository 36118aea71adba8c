/** The neutral Hugging Face model: what `read.ts` finds in a Trainer output folder and its model card. */

/** One `log_history` entry: `step`, `epoch` and logged numbers (`loss`, `learning_rate`, `eval_*`, …). */
export type LogEntry = Record<string, number>;

/** `TrainerState` as saved in trainer_state.json (the fields the import reads). */
export interface TrainerState {
  logHistory: LogEntry[];
  globalStep?: number;
  maxSteps?: number;
  numTrainEpochs?: number;
  trainBatchSize?: number;
  bestMetric?: number;
  bestGlobalStep?: number;
  bestModelCheckpoint?: string;
  trialName?: string;
  trialParams?: Record<string, string | number | boolean | null>;
  /** `stateful_callbacks.EarlyStoppingCallback.args.early_stopping_patience`, when early stopping was on. */
  earlyStoppingPatience?: number;
}

/** One metric of a model card's `model-index`. */
export interface CardMetric {
  /** `metrics[].type` (`accuracy`). */
  type: string;
  /** `metrics[].name` without its interval (`Accuracy`). */
  name?: string;
  value: number | null;
  ci?: { low: number; high: number };
  taskType?: string;
  datasetName?: string;
  datasetType?: string;
  datasetSplit?: string;
}

/** What a model card (README.md) says. */
export interface ModelCard {
  /** `model-index[0].name`. */
  modelName?: string;
  metrics: CardMetric[];
  /** `datasets:` ids. */
  datasets: string[];
  baseModel?: string;
  license?: string;
  /** `co2_eq_emissions` in grams. */
  co2Grams?: number;
  /** The body's "Training hyperparameters" list, raw values. */
  hyperparameters: Record<string, string>;
  /** The body's "Framework versions" list (`Transformers` → `4.44.0`). */
  frameworks: Record<string, string>;
  /** The body's "Training results" table, as the `log_history` entries it shows (`readTrainingResults`). */
  trainingResults?: LogEntry[];
}

/** One Trainer run: an output folder (or a model card on its own). */
export interface HfRun {
  /** Folder relative to the source, `/`-separated; `.` for the source itself. */
  path: string;
  /**
   * `import.runId`: `path`, but the source folder's own name when it is the run, so that the run
   * has one id whether its folder or a folder above it is imported.
   */
  runId: string;
  /** Run name (`trial_name`, `run_name`, the card's model name, else the folder). */
  name: string;
  state?: TrainerState;
  /** The checkpoint folder the state was read from, when the output folder had none of its own. */
  stateFrom?: string;
  /** all_results.json, eval_results.json, test_results.json and train_results.json, merged. */
  results: Record<string, number>;
  /** training_args.json (`TrainingArguments.to_dict()`), when saved. */
  trainingArgs?: Record<string, unknown>;
  /** config.json: `model_type` and `architectures`. */
  modelConfig?: { modelType?: string; architectures?: string[] };
  card?: ModelCard;
}
