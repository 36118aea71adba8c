import type { Scalar, Status } from '../../schema/index.ts';
import type { MetricPoint } from '../history.ts';

/** A file DVC tracks, as dvc.lock or `dvc exp show` lists it. */
export interface TrackedFile {
  path: string;
  /** Content hash (md5; `.dir` for a folder). */
  md5?: string;
  size?: number;
}

/** One DVC run: the project's workspace, or one revision of `dvc exp show --json`. */
export interface DvcRun {
  /** `workspace`, or the git revision. */
  runId: string;
  name: string;
  /** The baseline revision an experiment was run from. */
  parentRunId?: string;
  /** `YYYY-MM-DD`. */
  date?: string;
  status?: Status;
  /** Parameter → value, nested keys joined with `.` (`train.lr`). */
  params: Record<string, Scalar>;
  /** Metric → value from the metrics files, nested keys joined with `/` (`test/acc`), without `step`. */
  metrics: Record<string, number>;
  /** The `step` the metrics files were written at. */
  metricsStep?: number;
  /** DVCLive's `plots/metrics/**.tsv`, metric name = path without `.tsv`. */
  history: Record<string, MetricPoint[]>;
  confusionMatrix?: { labels: string[]; matrix: number[][] };
  /** dvc.lock stages in file order. */
  stages: { name: string; cmd: string }[];
  deps: TrackedFile[];
  outs: TrackedFile[];
  /** Git commit of the revision (or of HEAD for the workspace). */
  commit?: string;
  /** Git branch (baseline rows of exp show, or the checked-out branch). */
  branch?: string;
  /** `dvc exp` experiment name. */
  experimentName?: string;
}
