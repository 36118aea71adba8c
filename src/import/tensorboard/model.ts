import type { Scalar } from '../../schema/index.ts';
import type { MetricPoint } from '../history.ts';
import type { HParamDomain } from './events.ts';

/** One TensorBoard run as the reader found it: a folder of event files, with its hparams sub-folder merged in. */
export interface TbRun {
  /** Folder path relative to the source folder, `/`-separated; `.` for the source folder itself. */
  path: string;
  /** Run name: `path`, or the source folder's name when the run is the source folder. */
  name: string;
  /** Scalar tag → values (`simple_value` and one-element numeric tensors). */
  scalars: Record<string, MetricPoint[]>;
  /** Hyperparameter values (`add_hparams`, or the hparams plugin's `session_start_info`). */
  hparams: Record<string, Scalar>;
  /** Hyperparameter search spaces from the hparams plugin's experiment summary. */
  domains: Record<string, HParamDomain>;
  /** Metric tags the hparams experiment summary names. */
  metricTags: string[];
  /** Scalars of the merged `add_hparams` sub-folder: the run's final metrics. */
  finalMetrics: Record<string, MetricPoint[]>;
  /** `session_end_info.status`: 1 success, 2 failure, 3 running. */
  status?: number;
  /** Earliest event wall time (ms since the epoch). */
  startTime?: number;
  /** `session_end_info.end_time_secs` in ms, when the run says it ended. */
  endTime?: number;
}
