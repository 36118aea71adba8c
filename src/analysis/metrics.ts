/**
 * Metric semantics: what a metric name as people write it means — which way is better, its unit,
 * whether it is a proportion of counts — and a normalized key so that `F1 Score` in one table and
 * `F1` in another are recognised as the same metric.
 */
import { foldAccents } from '../util/slug.ts';

/** Which way a metric improves. */
export type Direction = 'higher' | 'lower';

/** Split a metric name is qualified with (`Train Acc`, `Val Loss`, `Test F1`). */
export type MetricSplit = 'train' | 'val' | 'test';

/** Averaging of a multi-class metric named with a qualifier (`Macro F1`, `Weighted Precision`). */
export type MetricAverage = 'macro' | 'micro' | 'weighted';

/** What a metric name means. */
export interface MetricInfo {
  /** The name as written. */
  name: string;
  /** Normalized key: lower case, unit removed, spelling variants unified (`Val Acc` → `val_accuracy`, `F1 Score` → `f1`). */
  key: string;
  /** Semantic family, e.g. `accuracy`, `recall` (for Recall, TPR, Sensitivity), `loss`; null when unknown. */
  kind: string | null;
  /** Split the name is qualified with, if any. */
  split: MetricSplit | null;
  /** Multi-class averaging named in the metric, if any. */
  average: MetricAverage | null;
  /** Which way is better; null when the metric is not recognised. */
  direction: Direction | null;
  /** Unit: `%`, `ms`, `s`, `kg`, …; null when none is known. Percent-unit values hold percent (86.9, not 0.869). */
  unit: string | null;
  /** True when the metric is a proportion of counts (accuracy, precision, recall, error rate, …). */
  isProportion: boolean;
}

const UNIT_ALIASES: Readonly<Record<string, string>> = {
  '%': '%',
  percent: '%',
  pct: '%',
  pp: 'pp',
  ms: 'ms',
  msec: 'ms',
  millisecond: 'ms',
  milliseconds: 'ms',
  us: 'µs',
  µs: 'µs',
  s: 's',
  sec: 's',
  secs: 's',
  second: 's',
  seconds: 's',
  min: 'min',
  mins: 'min',
  minutes: 'min',
  h: 'h',
  hr: 'h',
  hrs: 'h',
  hour: 'h',
  hours: 'h',
  kg: 'kg',
  'kg co2': 'kg',
  'kg co2e': 'kg',
  kgco2e: 'kg',
  g: 'g',
  $: '$',
  usd: '$',
  // Money: an error in a price (`RMSE (EUR)`) is in the currency's unit.
  '€': '€',
  eur: '€',
  '£': '£',
  gbp: '£',
  '¥': '¥',
  jpy: '¥',
  '₹': '₹',
  inr: '₹',
  chf: 'CHF',
  cad: 'CAD',
  aud: 'AUD',
  mb: 'MB',
  gb: 'GB',
  db: 'dB',
  // Quantities a regression or forecast is off by: power and energy (load forecasting), length,
  // pixels, temperature. (`m` alone could be minutes or metres: not a unit here.)
  w: 'W',
  kw: 'kW',
  mw: 'MW',
  gw: 'GW',
  kwh: 'kWh',
  mwh: 'MWh',
  gwh: 'GWh',
  mm: 'mm',
  cm: 'cm',
  km: 'km',
  px: 'px',
  '°c': '°C',
  '°f': '°F',
  // Information: a likelihood or ELBO in nats or bits.
  nats: 'nats',
  nat: 'nats',
  bits: 'bits',
};

/** Normalizes a unit as written (`(ms)`, `msec`, `percent`) to its canonical spelling; null when not a known unit. */
export function normalizeUnit(text: string): string | null {
  const trimmed = text.trim();
  // A time word in capitals is an acronym, not a unit: `Speaker similarity (SECS)`.
  if (SHOUTED_TIME_WORD.test(trimmed)) return null;
  return UNIT_ALIASES[trimmed.toLowerCase()] ?? null;
}

/** Time units spelled in capitals (`SECS`, `MIN`, `HRS`): an acronym such as the speaker-encoder cosine similarity. */
const SHOUTED_TIME_WORD = /^(?:SECS?|SECONDS?|MINS?|MINUTES?|HRS?|HOURS?)$/;

/** Spelling variants unified in the key (applied to the space-joined lower-case tokens, in order). */
const KEY_PHRASES: ReadonlyArray<readonly [RegExp, string]> = [
  // Names written out are their abbreviations: `Word error rate` is `WER`, `Root mean square error` `RMSE`.
  [/\bword error rate\b/g, 'wer'],
  [/\bcharacter error rate\b/g, 'cer'],
  [/\broot mean squared? error\b/g, 'rmse'],
  [/\bmean squared? error\b/g, 'mse'],
  [/\bsymmetric mean absolute percentage error\b/g, 'smape'],
  [/\bmean absolute percentage error\b/g, 'mape'],
  [/\bmean absolute scaled error\b/g, 'mase'],
  [/\bmean absolute error\b/g, 'mae'],
  [/\bnegative log likelihood\b/g, 'nll'],
  [/\bmean reciprocal rank\b/g, 'mrr'],
  [/\bnormali[sz]ed discounted cumulative gain\b/g, 'ndcg'],
  // `PPL` is perplexity; `Rec` recall; `top1` is `top 1`.
  [/\bppl\b/g, 'perplexity'],
  // One-word spellings: `CLIPScore`; the integrated Brier score of survival models (`IBS`).
  [/\bclipscore\b/g, 'clip score'],
  [/\bibs\b/g, 'integrated brier score'],
  // `FPR95`, `FPR@95` on their own: the FPR at 95% TPR of out-of-distribution and anomaly detection.
  [/\bfpr ?95\b(?! ?tpr)/g, 'fpr 95tpr'],
  [/\brec\b/g, 'recall'],
  [/\btop(\d+)\b/g, 'top $1'],
  [/\b(?:f1 score|f1score|f score|f measure|f1 measure)\b/g, 'f1'],
  [/\b(?:auc roc|roc auc|auroc|area under (?:the )?roc(?: curve)?)\b/g, 'auc roc'],
  [/\b(?:auc pr|pr auc|auprc|aupr)\b/g, 'auc pr'],
  [/\bmean average precision\b/g, 'map'],
  [/\bintersection over union\b/g, 'iou'],
  [/\bmean iou\b/g, 'miou'],
  [/\btrue positive rate\b/g, 'tpr'],
  [/\btrue negative rate\b/g, 'tnr'],
  [/\bfalse positive rate\b/g, 'fpr'],
  [/\bfalse negative rate\b/g, 'fnr'],
  // Verification (biometrics, speaker, spam): false rejects and accepts; `PPV` is precision by another name.
  [/\bfalse rejec(?:t|tion) rate\b/g, 'frr'],
  [/\bfalse accep(?:t|tance) rate\b/g, 'far'],
  [/\bppv\b/g, 'precision'],
  [/\bnegative predictive value\b/g, 'npv'],
  [/^em$/g, 'exact match'],
  [/\br 2\b/g, 'r2'],
  // `Top-1`, `top5` on their own: the top-k accuracy of image classification (`Top-5 error` is an error).
  [
    /(?<!\b(?:accuracy|acc|error|err|recall|precision|hits?) )\btop ?(\d+)\b(?! (?:accuracy|acc|error|err|recall|precision|hits?)\b)/g,
    'top $1 accuracy',
  ],
  [/\bacc\b/g, 'accuracy'],
  // Names as libraries log them: Ultralytics' `mAP50`, `mAP50-95`; XGBoost's `logloss`, `mlogloss`, `merror`, `aucpr`.
  [/\bmap(\d+)\b/g, 'map $1'],
  // IoU thresholds written as fractions name the same metrics: `mAP@0.5:0.95`, `mAP@[.5:.95]` and COCO's
  // `AP50-95` are `mAP50-95`; `mAP@0.5`, `mAP@.5`, `AP50` are `mAP50`; `mAP@0.75`, `AP75` are `mAP75`.
  [/\bap(\d+)\b/g, 'ap $1'],
  [/\bm?ap (?:0 )?(?:50|5) (?:0 )?95\b/g, 'map 50 95'],
  [/\bm?ap (?:0 )?(?:50|5)\b(?! \d)/g, 'map 50'],
  [/\bm?ap (?:0 )?75\b(?! \d)/g, 'map 75'],
  [/\bm?logloss\b/g, 'log loss'],
  [/\bm?error\b/g, 'error'],
  [/\baucpr\b/g, 'auc pr'],
  [/\bhit\b/g, 'hits'],
  [/\bhitrate\b/g, 'hits'],
  // `Misclassification rate` is the error rate; `FDR` is false discoveries among the predicted positives (1 − precision).
  [/\bmisclassification(?: rate)?\b/g, 'error'],
  [/\bfalse discovery rate\b/g, 'fdr'],
  // Depth estimation's threshold accuracy (`δ<1.25`, `delta < 1.25^2`, written `1_25` once the δ is gone).
  [/^(?:delta )?(1 25(?: 2| 3)?)$/g, 'threshold accuracy $1'],
  [/\berr\b/g, 'error'],
  [/\bprec\b/g, 'precision'],
];

interface KindRule {
  pattern: RegExp;
  kind: string;
  direction: Direction;
  isProportion: boolean;
}

/**
 * Metric families, first match wins; matched against the canonical phrase. Lower-is-better rules come
 * first so that `Top-5 Error`, `Mean Squared Error` and `False Positive Rate` are not taken for
 * accuracy, precision or recall.
 */
const KIND_RULES: readonly KindRule[] = [
  { pattern: /\b(?:fpr|fall out|fallout|false alarm rate)\b/, kind: 'fpr', direction: 'lower', isProportion: true },
  // Generative models: distances from the real data (Fréchet/kernel inception distance, LPIPS) are lower-is-better.
  { pattern: /\b(?:s?fid|kid|fvd|lpips)\b/, kind: 'distribution-distance', direction: 'lower', isProportion: false },
  { pattern: /\b(?:fnr|miss rate)\b/, kind: 'fnr', direction: 'lower', isProportion: true },
  { pattern: /\b(?:frr|far)\b/, kind: 'verification-error', direction: 'lower', isProportion: true },
  {
    pattern:
      /\b(?:rmse|rmsle|w?rmsse|mae|mse|msle|mape|smape|mase|wape|crps|mean (?:absolute|squared)(?: percentage)? error|root mean squared error|min ?ade|min ?fde|ade|fde|abs ?rel|sq ?rel|epe|end point error|chamfer(?: distance)?)\b/,
    kind: 'regression-error',
    direction: 'lower',
    isProportion: false,
  },
  // Translation edit rate (TER) counts edits as WER does: lower is better.
  {
    pattern: /\b(?:wer|cer|ter|word error rate|character error rate|translation edit rate)\b/,
    kind: 'edit-error',
    direction: 'lower',
    isProportion: false,
  },
  // Segmentation's boundary distances (Hausdorff, its 95th percentile, average symmetric surface distance).
  {
    pattern: /\b(?:hd ?95|hausdorff(?: distance)?|a?ssd|masd|(?:average |mean )?(?:symmetric )?surface distance)\b/,
    kind: 'surface-distance',
    direction: 'lower',
    isProportion: false,
  },
  // Clustering: the Davies–Bouldin index is lower-is-better; selective prediction's area under the risk–coverage curve too.
  { pattern: /\b(?:davies bouldin|dbi)\b/, kind: 'cluster-separation', direction: 'lower', isProportion: false },
  { pattern: /\baurc\b/, kind: 'risk-coverage', direction: 'lower', isProportion: false },
  // Calibration errors (`ECE`, maximum `MCE`, adaptive `ACE`) average |accuracy − confidence| over
  // bins, and the equal error rate is read off a curve at the threshold where FPR = FNR: in [0, 1],
  // lower is better, but neither is a count over the test set (no binomial interval, not 1 − accuracy).
  { pattern: /\b(?:ece|mce|ace|calibration error)\b/, kind: 'calibration-error', direction: 'lower', isProportion: false },
  { pattern: /\b(?:eer|equal error rate)\b/, kind: 'equal-error-rate', direction: 'lower', isProportion: false },
  // Speaker verification's detection cost (`minDCF`), a bandit's or a policy's regret, false discoveries
  // among the predicted positives: lower is better; none a proportion of the test set.
  { pattern: /\b(?:min ?dcf|dcf|detection cost)\b/, kind: 'detection-cost', direction: 'lower', isProportion: false },
  { pattern: /\bregret\b/, kind: 'regret', direction: 'lower', isProportion: false },
  { pattern: /\bfdr\b/, kind: 'fdr', direction: 'lower', isProportion: false },
  { pattern: /\berror\b/, kind: 'error', direction: 'lower', isProportion: true },
  // An attack's success is the model's failure: lower is better (before `success rate` below).
  {
    pattern: /\b(?:toxicity|hallucination|collision)(?: rate)?\b|\b(?:attack|jailbreak) success(?: rate)?\b|\basr\b/,
    kind: 'harm-rate',
    direction: 'lower',
    isProportion: true,
  },
  {
    pattern:
      /\bloss\b|\bnll\b|\bnegative log likelihood\b|\bbits (?:per )?(?:byte|char|character|dim)\b|\bbp[bcd]\b|\bnegative elbo\b|\bnelbo\b/,
    kind: 'loss',
    direction: 'lower',
    isProportion: false,
  },
  // A log-likelihood (or its lower bound, the ELBO) is higher-is-better: −1401.9 beats −1532.4. After
  // the losses, so that its negative (`NLL`, `Negative ELBO`) stays one.
  {
    pattern: /(?<!\bneg )\b(?:log likelihood|log lik|loglik(?:elihood)?|elbo)\b/,
    kind: 'log-likelihood',
    direction: 'higher',
    isProportion: false,
  },
  { pattern: /\b(?:perplexity|ppl)\b/, kind: 'perplexity', direction: 'lower', isProportion: false },
  { pattern: /\b(?:latency|inference time|response time|ttft|tpot|itl)\b/, kind: 'latency', direction: 'lower', isProportion: false },
  // Speech: the real-time factor (processing time ÷ audio time) is lower-is-better; its inverse, RTFx, is a speed.
  { pattern: /\brtf\b|\breal ?time factor\b/, kind: 'latency', direction: 'lower', isProportion: false },
  { pattern: /\b(?:rtfx|inverse real ?time factor)\b/, kind: 'throughput', direction: 'higher', isProportion: false },
  { pattern: /\b(?:co2|co2e|carbon|emissions?)\b/, kind: 'co2', direction: 'lower', isProportion: false },
  { pattern: /\bcost\b|\bgpu ?hours\b|\benergy\b|\bkwh\b/, kind: 'cost', direction: 'lower', isProportion: false },
  { pattern: /\bbrier\b/, kind: 'brier', direction: 'lower', isProportion: false },
  { pattern: /\b(?:memory|vram)\b/, kind: 'memory', direction: 'lower', isProportion: false },
  {
    pattern: /\b(?:disparity|parity difference|odds difference|opportunity difference|fairness gap)\b/,
    kind: 'disparity',
    direction: 'lower',
    isProportion: false,
  },
  // A time, unless it only qualifies a score: `Time-dependent AUC`, `Real-time accuracy`, `Time-weighted accuracy`.
  {
    pattern: /(?<!\breal )\b(?:time|duration|runtime)\b(?! (?:dependent|to event|weighted|varying|aware)\b)/,
    kind: 'time',
    direction: 'lower',
    isProportion: false,
  },
  { pattern: /\bbalanced accuracy\b/, kind: 'balanced-accuracy', direction: 'higher', isProportion: false },
  // A depth map's share of pixels within a ratio of the truth: higher is better, no count of test examples.
  { pattern: /\bthreshold accuracy\b/, kind: 'threshold-accuracy', direction: 'higher', isProportion: false },
  { pattern: /\baccuracy\b/, kind: 'accuracy', direction: 'higher', isProportion: true },
  { pattern: /\bf1\b|\bf beta\b|\bf2\b/, kind: 'f1', direction: 'higher', isProportion: false },
  { pattern: /\bmap\b/, kind: 'map', direction: 'higher', isProportion: false },
  { pattern: /\b(?:auc|average precision|ap)\b/, kind: 'auc', direction: 'higher', isProportion: false },
  // Survival models' concordance (Harrell's or Uno's C-index): AUC's counterpart for censored times.
  {
    pattern: /\b(?:c index|c statistic|concordance(?: index)?|harrell s c|uno s c)\b/,
    kind: 'concordance',
    direction: 'higher',
    isProportion: false,
  },
  // Credit scoring's separation of good and bad (Gini = 2·AUC − 1, the Kolmogorov–Smirnov statistic).
  { pattern: /\bgini\b(?! impurity)|\bks\b|\bkolmogorov smirnov\b/, kind: 'separation', direction: 'higher', isProportion: false },
  { pattern: /\bprecision\b/, kind: 'precision', direction: 'higher', isProportion: true },
  { pattern: /\b(?:recall|sensitivity|tpr|hit rate)\b/, kind: 'recall', direction: 'higher', isProportion: true },
  { pattern: /\b(?:specificity|selectivity|tnr)\b/, kind: 'specificity', direction: 'higher', isProportion: true },
  {
    pattern: /\b(?:selection|approval|acceptance|positive prediction) rate\b/,
    kind: 'selection-rate',
    direction: 'higher',
    isProportion: true,
  },
  { pattern: /\b(?:iou|miou|jaccard|dice)\b/, kind: 'iou', direction: 'higher', isProportion: false },
  // Machine translation's learned metric (COMET, COMET-22, COMETKiwi) scores like BLEU: higher is better.
  {
    pattern: /\b(?:bleu|rouge\w*|meteor|chrf\d?|bertscore|cider|comet(?:kiwi)?)\b/,
    kind: 'text-overlap',
    direction: 'higher',
    isProportion: false,
  },
  { pattern: /\b(?:r2|r squared)\b/, kind: 'r2', direction: 'higher', isProportion: false },
  // Hit rate (HR@k, Hits@k) is the share of users or queries with a hit in the top k: a proportion
  // of the test set, as recall is; NDCG and MRR are scores, not counts.
  { pattern: /\b(?:hits|hr)\b/, kind: 'hit-rate', direction: 'higher', isProportion: true },
  { pattern: /\b(?:ndcg|mrr)\b/, kind: 'ranking', direction: 'higher', isProportion: false },
  { pattern: /\bnpv\b/, kind: 'npv', direction: 'higher', isProportion: true },
  { pattern: /\b(?:mcc|kappa)\b/, kind: 'agreement', direction: 'higher', isProportion: false },
  { pattern: /\b(?:pearson|spearman|correlation|corr)\b/, kind: 'correlation', direction: 'higher', isProportion: false },
  {
    // `tokens/s`, `Samples/sec`, `img/s`: so many per second.
    pattern:
      /\b(?:throughput|qps|fps)\b|\b(?:tokens?|samples?|images?|img|frames?|examples?|requests?|items?|it) (?:s|sec|second|per s|per sec|per second)$/,
    kind: 'throughput',
    direction: 'higher',
    isProportion: false,
  },
  // Image quality against a reference (peak signal-to-noise, structural similarity).
  { pattern: /\b(?:psnr|ssim|ms ssim|clip score|inception score)\b/, kind: 'image-quality', direction: 'higher', isProportion: false },
  // A rating (Elo), and a mean opinion score of speech or image quality (MOS, SMOS, CMOS on a 1–5 scale;
  // the predicted ones UTMOS, DNSMOS, NISQA).
  {
    pattern: /\belo\b|\b[sc]?mos\b|\b(?:utmos|dnsmos|nisqa)\b|\bmean opinion score\b/,
    kind: 'rating',
    direction: 'higher',
    isProportion: false,
  },
  // Clustering agreement with the truth (adjusted Rand, normalized mutual information) and cohesion.
  {
    pattern:
      /\b(?:ari|adjusted rand(?: index)?|a?nmi|(?:adjusted |normali[sz]ed )?mutual information|silhouette(?: score)?|calinski harabas[zs])\b/,
    kind: 'clustering',
    direction: 'higher',
    isProportion: false,
  },
  { pattern: /\bparity ratio\b|\bdisparate impact\b/, kind: 'parity-ratio', direction: 'higher', isProportion: false },
  // Engagement: the share of impressions clicked or converted (CTR, conversion rate).
  {
    pattern: /\b(?:ctr|click through rate|cvr|conversion rate|engagement rate|open rate)\b/,
    kind: 'engagement-rate',
    direction: 'higher',
    isProportion: true,
  },
  // A recommender's share of the catalog it recommends: higher, but no share of the test examples.
  { pattern: /\b(?:catalog |item )?coverage\b/, kind: 'coverage', direction: 'higher', isProportion: false },
  // Reinforcement learning: an episode's return, a reward, a score normalized to human play.
  {
    pattern: /\b(?:returns?(?! rate)|rewards?|human normali[sz]ed score|normali[sz]ed score)\b/,
    kind: 'return',
    direction: 'higher',
    isProportion: false,
  },
  // A judge's or a leaderboard's score of a language model (MT-Bench, AlpacaEval, Arena).
  { pattern: /\b(?:mt bench|alpaca ?eval|arena|lmsys)\b/, kind: 'rating', direction: 'higher', isProportion: false },
  // The size of the model on disk: smaller serves cheaper.
  { pattern: /\b(?:model|checkpoint|file|disk) size\b/, kind: 'size', direction: 'lower', isProportion: false },
  {
    pattern: /\b(?:exact match|pass|pass rate|win rate|success rate|success)\b/,
    kind: 'success-rate',
    direction: 'higher',
    isProportion: true,
  },
  // Language-model benchmarks, scored as the share of questions answered right.
  {
    pattern:
      /\b(?:mmlu(?: pro)?|gsm ?8k|human ?eval|mbpp|hellaswag|truthful ?qa|winogrande|bbh|big ?bench(?: hard)?|gpqa|ifeval|arc (?:challenge|easy|c|e)|math 500|triviaqa|natural questions)\b/,
    kind: 'benchmark',
    direction: 'higher',
    isProportion: false,
  },
  // Similarity to a reference (a speaker encoder's cosine similarity, SECS): higher is better.
  { pattern: /\b(?:secs|(?:speaker |cosine )?similarity)\b/, kind: 'similarity', direction: 'higher', isProportion: false },
];

/** Families whose values lie in [0, 1] (or [0, 100] in percent). */
const UNIT_INTERVAL_KINDS: ReadonlySet<string> = new Set([
  'accuracy',
  'balanced-accuracy',
  'precision',
  'recall',
  'specificity',
  'fpr',
  'fnr',
  'error',
  'verification-error',
  'npv',
  'calibration-error',
  'equal-error-rate',
  'fdr',
  'threshold-accuracy',
  'selection-rate',
  'f1',
  'auc',
  'map',
  'iou',
  'harm-rate',
  'success-rate',
  'engagement-rate',
  'coverage',
  'hit-rate',
  'concordance',
  'benchmark',
]);

const SPLIT_WORDS: Readonly<Record<string, MetricSplit>> = {
  train: 'train',
  training: 'train',
  trn: 'train',
  val: 'val',
  valid: 'val',
  validation: 'val',
  dev: 'val',
  eval: 'val',
  test: 'test',
  testing: 'test',
  holdout: 'test',
};

const AVERAGE_WORDS: ReadonlySet<string> = new Set(['macro', 'micro', 'weighted']);

/**
 * The bracket a name ends with (`Latency (ms)`, `Accuracy [%]`): where it starts, with the space
 * before it (`index`), and its words trimmed (`[1]`), as a regular expression's match would give
 * them; null when the name ends otherwise or the bracket holds another. Found by scanning back, not
 * by a pattern: a name may come from an untrusted record, and a pattern over its spaces backtracks.
 */
function trailingBracket(name: string): { index: number; open: number; 1: string } | null {
  const end = name.trimEnd();
  const close = end.at(-1);
  if (close !== ')' && close !== ']') return null;
  const open = Math.max(end.lastIndexOf('(', end.length - 2), end.lastIndexOf('[', end.length - 2));
  const inner = end.slice(open + 1, -1);
  if (open < 0 || /[()[\]]/.test(inner) || inner.trim() === '') return null;
  return { index: name.slice(0, open).trimEnd().length, open, 1: inner.trim() };
}

/** Removes a trailing unit (`(ms)`, `[%]`, ` %`) from a metric name; returns the rest and the unit. */
function splitUnit(name: string): { rest: string; unit: string | null } {
  const bracketed = trailingBracket(name);
  if (bracketed !== null) {
    const unit = normalizeUnit(bracketed[1] ?? '');
    if (unit !== null) return { rest: name.slice(0, bracketed.index), unit };
    // `Throughput (img/s)`, `(tokens / sec)`: a rate per second.
    const rate = /^([a-z]+)\s*\/\s*(?:s|sec|second)$/i.exec(bracketed[1] ?? '');
    if (rate?.[1] !== undefined) return { rest: name.slice(0, bracketed.index), unit: `${rate[1].toLowerCase()}/s` };
    // `Latency p50 (ms, CPU)`: the unit first, words after it kept in the name (`Latency p50 (CPU)`).
    const [first = '', ...others] = (bracketed[1] ?? '').split(/\s*,\s*/);
    const leading = others.length > 0 ? normalizeUnit(first) : null;
    if (leading !== null) return { rest: `${name.slice(0, bracketed.index)} (${others.join(', ')})`, unit: leading };
  }
  if (/\s%$/.test(name) || /[a-z]%$/i.test(name)) return { rest: name.slice(0, -1), unit: '%' };
  // `latency_ms`, `peak_memory_gb`, `accuracy_pct`: a unit after the last underscore, as programs name
  // metrics (not `_s`, `_min`, `_us`: `ap_s` is AP on small objects, `loss_min` a minimum, `acc_us` a region).
  const suffixed = UNIT_SUFFIX.exec(name.trim());
  if (suffixed?.[1] !== undefined && suffixed[2] !== undefined) return { rest: suffixed[1], unit: normalizeUnit(suffixed[2]) };
  return { rest: name, unit: null };
}

/** A unit after a metric name's last underscore (`latency_ms`, `accuracy_pct`), as `splitUnit` reads it. */
const UNIT_SUFFIX = /^(.+?)(?<!_per)_(ms|msec|sec|secs|seconds|mins|minutes|hrs|hours|mb|gb|pct|percent)$/i;

/** Units of time spelled as `splitUnit` reads them after an underscore (`_s` and `_min` are not read so). */
const TIME_SUFFIX: Readonly<Record<string, string>> = { µs: 'us', ms: 'ms', s: 'sec', min: 'mins', h: 'hours' };

/**
 * The unit of time written in a metric name, where it stands: the name is `before` + the unit's text
 * + `after`, and `suffix` says it follows an underscore (`latency_sec`) rather than stands in a
 * bracket (`p99 latency (s)`, `Latency p50 (ms, CPU)`). Null for a name without one.
 */
function timeUnitInName(name: string): { unit: string; before: string; after: string; suffix: boolean } | null {
  const bracketed = trailingBracket(name);
  if (bracketed !== null) {
    const text = (bracketed[1].split(',')[0] ?? '').trim();
    const unit = normalizeUnit(text);
    if (unit === null || secondsIn(unit) === undefined) return null;
    // The bracket's words start with the unit, after any spaces.
    const at = name.indexOf(text, bracketed.open + 1);
    return { unit, before: name.slice(0, at), after: name.slice(at + text.length), suffix: false };
  }
  const suffixed = UNIT_SUFFIX.exec(name.trim());
  const unit = suffixed?.[2] === undefined ? null : normalizeUnit(suffixed[2]);
  if (suffixed?.[1] === undefined || unit === null || secondsIn(unit) === undefined) return null;
  return { unit, before: `${suffixed[1]}_`, after: '', suffix: true };
}

/**
 * A metric's name as the label of its values once they are shown in the units `shown` (a row of a
 * comparison, a column, a change): a unit of time written in the name that they were converted from
 * becomes the one they are shown in (`p99 latency (s)` over values in ms is `p99 latency (ms)`,
 * `latency_sec` is `latency_ms`), and is left out when they are shown in more than one (each value
 * then carries its own). Any other name, and a name whose unit the values keep, as written.
 */
export function nameInUnit(name: string, shown: readonly (string | null | undefined)[]): string {
  const written = timeUnitInName(name);
  if (written === null) return name;
  const times = [...new Set(shown.filter((unit): unit is string => secondsIn(unit) !== undefined))];
  const [only] = times;
  if (only === undefined || (times.length === 1 && only === written.unit)) return name;
  if (times.length > 1) return splitUnit(name).rest.trimEnd();
  return `${written.before}${written.suffix ? (TIME_SUFFIX[only] ?? only) : only}${written.after}`;
}

/**
 * What a metric name means: direction, unit, proportion-ness and a normalized key.
 * `explicitUnit` (the `unit` field of a test metric) wins over a unit in the name.
 */
export function metricInfo(name: string, explicitUnit?: string): MetricInfo {
  // Pages, charts and the analysis ask about the same few names many thousands of times.
  const cacheKey = `${name}\u0000${explicitUnit ?? '\u0001'}`;
  const known = INFO_CACHE.get(cacheKey);
  if (known !== undefined) return known;
  if (INFO_CACHE.size >= INFO_CACHE_SIZE) INFO_CACHE.clear();
  // Past `MAX_NAME_READ` characters a name is read by its start (the name as written is kept).
  const read =
    name.length > MAX_NAME_READ
      ? { ...readMetricInfo(name.slice(0, MAX_NAME_READ), explicitUnit), name }
      : readMetricInfo(name, explicitUnit);
  const info = Object.freeze(read);
  INFO_CACHE.set(cacheKey, info);
  return info;
}

/** Time units, alone or per item (`ms`, `s`, `ms/sample`). */
const TIME_UNIT = /^(?:ms|µs|us|s|sec|min|h|hours?)(?:\/[a-z]+)?$/i;
/** Rates per second (`tokens/s`, `img/s`). */
const RATE_UNIT = /^[a-z]+\/s$/i;

/**
 * Which way is better for a metric its name does not place, by its unit: a time (`Inference: 3.2
 * ms/sample`) is lower-is-better, a rate per second (`Decoding: 1,200 tokens/s`) higher-is-better.
 */
function unitDirection(unit: string | null): Direction | null {
  if (unit === null) return null;
  if (TIME_UNIT.test(unit)) return 'lower';
  return RATE_UNIT.test(unit) ? 'higher' : null;
}

/**
 * The longest start of a metric name that is read (`Precision@10 (macro, top-10 retrieved, text→image)`
 * is 51 characters). A name may come from an untrusted record, and reading one takes time that grows
 * faster than its length.
 */
const MAX_NAME_READ = 200;

/** Metric names remembered by `metricInfo` (then forgotten all at once: hostile records may name many). */
const INFO_CACHE_SIZE = 10_000;
const INFO_CACHE = new Map<string, MetricInfo>();

/**
 * Metric names as German, French and Spanish logs write them (lower case, accents removed), by the
 * English name whose family and key they have: `Genauigkeit` and `exactitud` are accuracy,
 * `Präzision` and `précision` precision, `Rappel` and `Sensibilität` recall.
 */
const FOREIGN_NAMES: ReadonlyArray<readonly [RegExp, string]> = [
  [/\b(?:genauigkeit|treffergenauigkeit|exactitud|exactitude|justesse)\b/g, 'accuracy'],
  [/\b(?:prazision|praezision|precision)\b/g, 'precision'],
  [/\b(?:rappel|sensitivitat|sensibilitat|sensibilidad|sensibilite|exhaustividad|trefferquote)\b/g, 'recall'],
  [/\b(?:spezifitat|especificidad|specificite)\b/g, 'specificity'],
  [/\b(?:verlust|perte|perdida)\b/g, 'loss'],
  [/\b(?:fehlerrate|taux d'erreur|tasa de error)\b/g, 'error rate'],
  [/\b(?:latenz|latence|latencia)\b/g, 'latency'],
];

function foreignNames(text: string): string {
  let out = text;
  for (const [pattern, english] of FOREIGN_NAMES) out = out.replace(pattern, english);
  return out;
}

/** The words of a metric name with `KEY_PHRASES` applied: `mean absolute error` → `mae`. */
function keyPhrase(tokens: readonly string[]): string {
  let phrase = tokens.join(' ');
  for (const [pattern, replacement] of KEY_PHRASES) phrase = phrase.replace(pattern, replacement);
  return phrase;
}

/** An arrow or words after a metric's name saying which way is better (`IS ↑`, `FID (lower is better)`). */
const DIRECTION_MARK = /\s*(?:[↑⬆▲↓⬇▼]|\(\s*(?:higher|lower) is better\s*\))\s*/gi;

/** Which way the marks in `name` say is better, when they say one way only. */
function markedDirection(name: string): Direction | null {
  const up = /[↑⬆▲]|\(\s*higher is better\s*\)/i.test(name);
  const down = /[↓⬇▼]|\(\s*lower is better\s*\)/i.test(name);
  return up === down ? null : up ? 'higher' : 'lower';
}

/** A change of a metric named after it: `Accuracy drop`, `Loss reduction`, `Top-1 gain`. */
const CHANGE_WORD = /\b(drop|degradation|decline|decrease|loss|gap|reduction|improvement|gain|increase)$/;

/**
 * Which way is better for a change of a metric (`Accuracy drop`, `Error reduction`): a drop of a
 * score is lower-is-better and a gain higher; a reduction of a loss or an error is higher-is-better
 * and an increase lower. Null for a name that is no change of a metric with a direction.
 */
function changeDirection(phrase: string, metric: Direction | null): Direction | null {
  const word = CHANGE_WORD.exec(phrase)?.[1];
  if (word === undefined || metric === null || phrase === word) return null;
  // `Accuracy loss` is a loss of accuracy; `Val loss` and `Log loss` name a loss.
  if (word === 'loss') return SCORE_LOSS.test(phrase) ? 'lower' : null;
  // A gap between groups or models is smaller when better, whatever the metric.
  if (word === 'gap') return 'lower';
  const falls = ['drop', 'degradation', 'decline', 'decrease', 'reduction'].includes(word);
  return falls === (metric === 'higher') ? 'lower' : 'higher';
}

/** A loss of a score (`Accuracy loss`, `F1 loss`), not a loss function. */
const SCORE_LOSS = /\b(?:accuracy|f1|auc|recall|precision|map|iou|bleu|score) loss$/;

function readMetricInfo(name: string, explicitUnit: string | undefined): MetricInfo {
  // `Reward ↑`: the author says which way is better; the mark is no part of the name's key.
  const marked = markedDirection(name);
  const { rest: written, unit: nameUnit } = splitUnit(marked === null ? name : name.replace(DIRECTION_MARK, ' ').trim());
  // `P@5`, `R@10`: the ranking shorthands of Precision@5 and Recall@10, with their keys.
  const rest = written.replace(/^([PR])\s*@(?=\s*\d)/i, (_, letter: string) => (letter.toLowerCase() === 'p' ? 'Precision@' : 'Recall@'));
  const unit = explicitUnit === undefined || explicitUnit.trim() === '' ? nameUnit : (normalizeUnit(explicitUnit) ?? explicitUnit.trim());
  const words = (text: string): string[] =>
    foreignNames(foldAccents(text.replace(/²/g, ' 2').replace(/³/g, ' 3').toLowerCase())).match(/[a-z0-9]+/g) ?? [];
  let tokens: string[] = words(rest);
  let split: MetricSplit | null = null;
  const first = tokens[0];
  if (first !== undefined && tokens.length > 1 && SPLIT_WORDS[first] !== undefined) {
    split = SPLIT_WORDS[first];
    tokens = tokens.slice(1);
  }
  const average = (tokens.find((t) => AVERAGE_WORDS.has(t)) ?? null) as MetricAverage | null;
  const phrase = keyPhrase(tokens);
  // `Recall @ 1% FPR`, `Precision@10`, `Sensitivity at 95% specificity`: the metric is what comes
  // before its operating point; the family (and which way is better) is read from that part.
  const measured = rest.split(/\s*@|\s+at\s+/i)[0] ?? '';
  const family = measured === rest ? phrase : keyPhrase(words(measured).slice(split === null ? 0 : 1));
  const rule = KIND_RULES.find((r) => r.pattern.test(family !== '' ? family : phrase));
  // `Accuracy drop`, `Loss reduction`: a change of the metric, no longer its family's values (a drop
  // of 0.5% is no proportion of counts), with its own direction.
  const change = rule?.kind === 'disparity' ? null : changeDirection(phrase, rule?.direction ?? null);
  // `Recall@10`, `Precision@5`: of the top k a ranker returns, averaged over queries — a ranking
  // metric, not the classifier's recall or precision (no confusion matrix, no binomial interval).
  const atK = (rule?.kind === 'recall' || rule?.kind === 'precision') && /@\s*\d+\s*$/.test(rest);
  const key = [...(split === null ? [] : [split]), ...phrase.split(' ').filter((t) => t !== '')].join('_');
  return {
    name,
    key: key === '' ? name.trim().toLowerCase() : key,
    kind: change !== null ? 'change' : atK ? 'ranking' : (rule?.kind ?? null),
    split,
    average,
    direction: marked ?? change ?? negated(tokens, rule?.direction ?? null) ?? unitDirection(unit),
    unit,
    // `Error (ms)`, `Price error (£)`: a quantity in a unit, no share of the test set.
    isProportion: change === null && !atK && (unit === null || unit === '%') && (rule?.isProportion ?? false),
  };
}

/**
 * scikit-learn's scorers of losses and errors negated so that higher is better (`neg_log_loss`,
 * `neg_root_mean_squared_error`, `test_neg_mean_absolute_error` from `cross_validate`): the loss's
 * direction turned round. Undefined for any other name (the family's direction stands).
 */
function negated(tokens: readonly string[], direction: Direction | null): Direction | undefined {
  if (direction === null) return undefined;
  return tokens[0] === 'neg' && direction === 'lower' ? 'higher' : direction;
}

/** True when the metric's values must lie in [0, 1] (or [0, 100] with a `%` unit). */
export function isUnitIntervalMetric(info: MetricInfo): boolean {
  return info.kind !== null && UNIT_INTERVAL_KINDS.has(info.kind);
}

/** Default ratio threshold of the four-fifths rule (selection-rate-like metrics). */
export const DEFAULT_FAIRNESS_THRESHOLD = 0.8;

/** Families judged by the four-fifths rule in fairness: rates of a favourable outcome (selection, approval, …). */
const SELECTION_RATE_KINDS: ReadonlySet<string> = new Set(['selection-rate']);

/** True for a selection-rate-like metric (the share of a group given the outcome), the only kind the four-fifths rule is for. */
export function isSelectionRateMetric(info: MetricInfo): boolean {
  return info.kind !== null && SELECTION_RATE_KINDS.has(info.kind);
}

// ---------------------------------------------------------------------------------------------
// The value model: one scale for proportions

/** How a value of a unit-interval metric is written: as a fraction (0.87) or in percent (87, 87%). */
export type ProportionScale = 'fraction' | 'percent';

/**
 * The scale one value of a unit-interval metric is written on: percent with the unit "%" (0–100); a
 * fraction when it has no unit and lies in [0, 1]; percent when it has no unit and lies in (1, 100]
 * (an accuracy of 87 is 87%). Null for other metrics, other units, and values on neither scale.
 */
export function proportionScale(info: MetricInfo, value: number): ProportionScale | null {
  if (!isUnitIntervalMetric(info) || value < 0 || value > 100) return null;
  if (info.unit === '%') return 'percent';
  if (info.unit !== null) return null;
  return value <= 1 ? 'fraction' : 'percent';
}

/** How far apart positive numbers are: the log of the largest over the smallest (0 for fewer than two). */
function logSpread(values: readonly number[]): number {
  const positive = values.filter((v) => v > 0);
  return positive.length < 2 ? 0 : Math.log(Math.max(...positive) / Math.min(...positive));
}

/**
 * The scale of the bare values in [0, 1] among values of one unit-interval metric that are compared
 * with each other — a change's two sides, a column of groups: `'percent'` when some of the values are
 * in percent for sure (the unit "%", or a bare value above 1) and reading the bare ones in percent
 * too puts them closer to those than reading them as fractions does (an error rate of 0.9 beside
 * baselines at 1.2 and 1.4 is 0.9%, not 90%; an accuracy of 0.95 beside 95 stays 95%). Undefined
 * otherwise: each value on its own scale (`proportionScale`).
 */
export function ambiguousInPercent(sides: readonly { info: MetricInfo; value: number }[]): 'percent' | undefined {
  const placed = sides.filter(({ info, value }) => isUnitIntervalMetric(info) && value >= 0 && value <= 100);
  const sure = placed.filter(({ info, value }) => info.unit === '%' || (info.unit === null && value > 1)).map((s) => s.value);
  const bare = placed.filter(({ info, value }) => info.unit === null && value <= 1).map((s) => s.value);
  if (sure.length === 0 || bare.length === 0) return undefined;
  const asPercent = logSpread([...sure, ...bare]);
  const asFractions = logSpread([...sure, ...bare.map((v) => v * 100)]);
  return asPercent < asFractions ? 'percent' : undefined;
}

/** A metric value on Logbook's common scale: proportions as fractions in [0, 1], anything else as written, in its unit. */
export interface ScaledValue {
  /** The value on the common scale. */
  value: number;
  /** Decimal places on that scale: the digits written, shifted by the change of scale (87% → 2, 0.684 → 3). */
  decimals: number;
  /** Unit on the common scale: null for a proportion (a fraction) and for a value without a unit. */
  unit: string | null;
  /** True for a unit-interval metric (accuracy, F1, AUC, …) held as a fraction: shown in percent, changed in percentage points. */
  fraction: boolean;
  /** Multiply a number in the unit as written (the value, its CI) by this to put it on the common scale: 0.01 for percent, else 1. */
  factor: number;
}

/** Why a value cannot be put on the common scale, or two values on one scale. */
export interface ScaleProblem {
  reason: string;
}

/** Removes binary floating-point noise from a scale change (86.2 / 100 → 0.862, not 0.8620000000000001). */
function clean(x: number): number {
  return Number.parseFloat(x.toPrecision(15));
}

/**
 * A value as written (with `decimals` places, default those of its shortest form) on the common scale.
 * A unit-interval metric (accuracy, precision, recall, F1, AUC, …) becomes a fraction whatever scale it
 * was written on; a value of such a metric on neither scale (an accuracy of 130) cannot be placed.
 */
export function scaleValue(info: MetricInfo, value: number, decimals: number, shared?: 'percent'): ScaledValue | ScaleProblem {
  if (!isUnitIntervalMetric(info)) return { value, decimals, unit: info.unit, fraction: false, factor: 1 };
  // A bare 0.9 compared with 1.2 and 1.4 (`ambiguousInPercent`): 0.9%, as they are.
  const scale = shared === 'percent' && info.unit === null && value >= 0 && value <= 1 ? 'percent' : proportionScale(info, value);
  if (scale === null)
    return {
      reason: `${info.name} = ${value}${info.unit === null ? '' : ` ${info.unit}`} is neither a fraction (0–1) nor a percentage (0–100)`,
    };
  if (scale === 'fraction') return { value, decimals, unit: null, fraction: true, factor: 1 };
  return { value: clean(value / 100), decimals: decimals + 2, unit: null, fraction: true, factor: 0.01 };
}

/** Seconds in each unit of time a metric may be in. */
const SECONDS_IN: Readonly<Record<string, number>> = { µs: 1e-6, ms: 1e-3, s: 1, min: 60, h: 3600 };

/** Seconds in one `unit` (`ms` → 0.001); undefined for a unit that is no unit of time. */
export function secondsIn(unit: string | null | undefined): number | undefined {
  // Own keys only: a unit named `constructor` is no unit of time.
  return unit === null || unit === undefined || !Object.hasOwn(SECONDS_IN, unit) ? undefined : SECONDS_IN[unit];
}

/**
 * Two durations in different units of time (`812 ms` and `0.812 s`) in the smaller of the two, with
 * the decimals the conversion moves (0.812 s with 3 decimals is 812 ms with 0); anything else as it is.
 */
export function inOneTimeUnit(a: ScaledValue, b: ScaledValue): [ScaledValue, ScaledValue] {
  const [sa, sb] = [secondsIn(a.unit), secondsIn(b.unit)];
  if (sa === undefined || sb === undefined || sa === sb) return [a, b];
  const to = (x: ScaledValue, from: number, unit: string, into: number): ScaledValue => {
    const factor = from / into;
    return {
      ...x,
      value: clean(x.value * factor),
      decimals: Math.max(0, x.decimals - Math.round(Math.log10(factor))),
      unit,
      factor: x.factor * factor,
    };
  };
  return sa < sb ? [a, to(b, sb, a.unit as string, sa)] : [to(a, sa, b.unit as string, sb), b];
}

/**
 * Values of one metric (a row of a comparison) with the durations among them in the smallest unit of
 * time any of them is in (`0.041 s` beside `38 ms` → 41 ms and 38 ms, see `inOneTimeUnit`); anything
 * else as it is.
 */
export function inSmallestTimeUnit(values: readonly ScaledValue[]): ScaledValue[] {
  const seconds = (x: ScaledValue): number | undefined => secondsIn(x.unit);
  let smallest: ScaledValue | undefined;
  for (const x of values)
    if ((seconds(x) ?? Infinity) < (smallest === undefined ? Infinity : (seconds(smallest) ?? Infinity))) smallest = x;
  return smallest === undefined ? [...values] : values.map((x) => inOneTimeUnit(x, smallest)[0]);
}

/** True when `scaleValue` could not place the value. */
export function isScaleProblem(x: ScaledValue | ScaleProblem): x is ScaleProblem {
  return 'reason' in x;
}

/**
 * Why two scaled values of one metric are not on one scale (null when they are): fractions always are; other values when
 * their units are the same, or when one of them has no unit and the other is not "%" (a bare 12 next to
 * a MAPE of 12% could be 12% or 1200%).
 */
export function sameScaleProblem(a: ScaledValue, b: ScaledValue): ScaleProblem | null {
  if (a.fraction && b.fraction) return null;
  if (a.unit === b.unit) return null;
  if ((a.unit === null || b.unit === null) && a.unit !== '%' && b.unit !== '%') return null;
  return { reason: `the values are in different units (${a.unit ?? 'no unit'} and ${b.unit ?? 'no unit'})` };
}

/** Families drawn as losses (their own panel of the training curves): losses and errors. */
const LOSS_KINDS: ReadonlySet<string> = new Set(['loss', 'error', 'regression-error', 'edit-error', 'perplexity']);

/** True when the metric is a loss or an error (`Val Loss`, `MSE`, `Perplexity`), as opposed to a score. */
export function isLossMetric(info: MetricInfo): boolean {
  return info.kind !== null && LOSS_KINDS.has(info.kind);
}

/** True for a per-epoch column that holds the learning rate (`Learning Rate`, `lr`), not a metric. */
export function isLearningRateColumn(column: string): boolean {
  return /learning[ _-]?rate|^lr$|(^|[ _-])lr($|[ _-])/i.test(column.trim());
}

/** Whether `a` is better than `b` for a metric of the given direction (false when equal). */
export function isBetter(a: number, b: number, direction: Direction): boolean {
  return direction === 'higher' ? a > b : a < b;
}
