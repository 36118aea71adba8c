import { describe, expect, test } from 'vitest';
import {
  isBetter,
  isLearningRateColumn,
  isLossMetric,
  isScaleProblem,
  isSelectionRateMetric,
  isUnitIntervalMetric,
  metricInfo,
  inSmallestTimeUnit,
  nameInUnit,
  normalizeUnit,
  proportionScale,
  sameScaleProblem,
  scaleValue,
  type ScaledValue,
} from '../../src/analysis/metrics.ts';

describe('metricInfo', () => {
  test.each([
    // name, key, kind, direction, unit, isProportion, split
    ['Accuracy', 'accuracy', 'accuracy', 'higher', null, true, null],
    // Generative and serving metrics: which way is better.
    ['FID', 'fid', 'distribution-distance', 'lower', null, false, null],
    ['LPIPS', 'lpips', 'distribution-distance', 'lower', null, false, null],
    ['PSNR (dB)', 'psnr', 'image-quality', 'higher', 'dB', false, null],
    ['MS-SSIM', 'ms_ssim', 'image-quality', 'higher', null, false, null],
    ['TTFT (ms)', 'ttft', 'latency', 'lower', 'ms', false, null],
    // Speech: a real-time factor of 0.21 beats 0.35; RTFx (its inverse) is higher-is-better.
    ['RTF', 'rtf', 'latency', 'lower', null, false, null],
    ['Real-time factor', 'real_time_factor', 'latency', 'lower', null, false, null],
    ['RTFx', 'rtfx', 'throughput', 'higher', null, false, null],
    // Money: an error in a currency is lower-is-better and no proportion of the test set.
    ['RMSE (EUR)', 'rmse', 'regression-error', 'lower', '€', false, null],
    // Physical units of what a forecast or a regression is off by: one key with the bare name.
    ['RMSE (MW)', 'rmse', 'regression-error', 'lower', 'MW', false, null],
    // German, French and Spanish names: the English family and key.
    ['Genauigkeit', 'accuracy', 'accuracy', 'higher', null, true, null],
    ['Précision', 'precision', 'precision', 'higher', null, true, null],
    ['Rappel', 'recall', 'recall', 'higher', null, true, null],
    ['Exactitud', 'accuracy', 'accuracy', 'higher', null, true, null],
    ['Latenz (ms)', 'latency', 'latency', 'lower', 'ms', false, null],
    ['MAE (kWh)', 'mae', 'regression-error', 'lower', 'kWh', false, null],
    ['MAE (°C)', 'mae', 'regression-error', 'lower', '°C', false, null],
    ['EPE (px)', 'epe', 'regression-error', 'lower', 'px', false, null],
    ['MAE [GBP]', 'mae', 'regression-error', 'lower', '£', false, null],
    ['Price error (£)', 'price_error', 'error', 'lower', '£', false, null],
    ['Error (ms)', 'error', 'error', 'lower', 'ms', false, null],
    ['Error rate (%)', 'error_rate', 'error', 'lower', '%', true, null],
    ['False alarm rate', 'false_alarm_rate', 'fpr', 'lower', null, true, null],
    ['Elo', 'elo', 'rating', 'higher', null, false, null],
    // An attack's success rate is the model's failure rate; NLL and bits per byte are losses.
    ['Attack success rate', 'attack_success_rate', 'harm-rate', 'lower', null, true, null],
    ['Jailbreak success rate', 'jailbreak_success_rate', 'harm-rate', 'lower', null, true, null],
    ['Success rate', 'success_rate', 'success-rate', 'higher', null, true, null],
    // Per-object `Success` (`9/10` trials) is a success rate; an attack's success is still the model's failure.
    ['Success', 'success', 'success-rate', 'higher', null, true, null],
    // Mean opinion scores (speech synthesis, image quality) are ratings: higher is better, no proportion.
    ['MOS (naturalness)', 'mos_naturalness', 'rating', 'higher', null, false, null],
    ['SMOS', 'smos', 'rating', 'higher', null, false, null],
    ['Attack success', 'attack_success', 'harm-rate', 'lower', null, true, null],
    ['P@5', 'precision_5', 'ranking', 'higher', null, false, null],
    ['R@10', 'recall_10', 'ranking', 'higher', null, false, null],
    ['p@ 20', 'precision_20', 'ranking', 'higher', null, false, null],
    // A P or R that is no shorthand stays what it was.
    ['PR AUC', 'auc_pr', 'auc', 'higher', null, false, null],
    ['Val NLL', 'val_nll', 'loss', 'lower', null, false, 'val'],
    ['Bits per byte', 'bits_per_byte', 'loss', 'lower', null, false, null],
    ['tokens/s', 'tokens_s', 'throughput', 'higher', null, false, null],
    ['GPU hours', 'gpu_hours', 'cost', 'lower', null, false, null],
    ['CLIP score', 'clip_score', 'image-quality', 'higher', null, false, null],
    ['Train Acc', 'train_accuracy', 'accuracy', 'higher', null, true, 'train'],
    ['Val Loss', 'val_loss', 'loss', 'lower', null, false, 'val'],
    ['Validation Loss', 'val_loss', 'loss', 'lower', null, false, 'val'],
    ['Top-5 Error (%)', 'top_5_error', 'error', 'lower', '%', true, null],
    // `Top-1` alone is the top-1 accuracy, one key with its spelled-out name.
    ['Top-1', 'top_1_accuracy', 'accuracy', 'higher', null, true, null],
    ['top5', 'top_5_accuracy', 'accuracy', 'higher', null, true, null],
    ['Top-1 acc', 'top_1_accuracy', 'accuracy', 'higher', null, true, null],
    ['Top-5 Recall', 'top_5_recall', 'recall', 'higher', null, true, null],
    // A unit after the last underscore, as programs name metrics: one key with `Latency (ms)`.
    ['latency_ms', 'latency', 'latency', 'lower', 'ms', false, null],
    ['peak_memory_gb', 'peak_memory', 'memory', 'lower', 'GB', false, null],
    ['accuracy_pct', 'accuracy', 'accuracy', 'higher', '%', true, null],
    ['train_time_sec', 'train_time', 'time', 'lower', 's', false, 'train'],
    // Not a unit: a rate's `per_sec`, AP on small objects, a minimum, a region.
    ['throughput_samples_per_sec', 'throughput_samples_per_sec', 'throughput', 'higher', null, false, null],
    ['ap_s', 'ap_s', 'auc', 'higher', null, false, null],
    ['val_loss_min', 'val_loss_min', 'loss', 'lower', null, false, 'val'],
    // Names as libraries log them (Ultralytics, XGBoost), ranking and correlation metrics.
    ['mAP50-95', 'map_50_95', 'map', 'higher', null, false, null],
    ['logloss', 'log_loss', 'loss', 'lower', null, false, null],
    ['mlogloss', 'log_loss', 'loss', 'lower', null, false, null],
    ['merror', 'error', 'error', 'lower', null, true, null],
    ['aucpr', 'auc_pr', 'auc', 'higher', null, false, null],
    ['Hit@10', 'hits_10', 'hit-rate', 'higher', null, true, null],
    ['Spearman', 'spearman', 'correlation', 'higher', null, false, null],
    ['pearson_r', 'pearson_r', 'correlation', 'higher', null, false, null],
    ['Latency (ms)', 'latency', 'latency', 'lower', 'ms', false, null],
    ['mAP@[.5, .95]', 'map_50_95', 'map', 'higher', null, false, null],
    // One metric however the IoU thresholds are written (Ultralytics, COCO, papers).
    ['mAP@0.5:0.95', 'map_50_95', 'map', 'higher', null, false, null],
    ['mAP@[.5:.95]', 'map_50_95', 'map', 'higher', null, false, null],
    ['AP50-95', 'map_50_95', 'map', 'higher', null, false, null],
    ['mAP@0.5', 'map_50', 'map', 'higher', null, false, null],
    ['mAP50', 'map_50', 'map', 'higher', null, false, null],
    ['AP50', 'map_50', 'map', 'higher', null, false, null],
    ['mAP@0.75', 'map_75', 'map', 'higher', null, false, null],
    ['AP (small)', 'ap_small', 'auc', 'higher', null, false, null],
    ['F1 Score', 'f1', 'f1', 'higher', null, false, null],
    ['F1', 'f1', 'f1', 'higher', null, false, null],
    ['AUC-ROC', 'auc_roc', 'auc', 'higher', null, false, null],
    ['PR AUC', 'auc_pr', 'auc', 'higher', null, false, null],
    ['Precision', 'precision', 'precision', 'higher', null, true, null],
    ['Recall', 'recall', 'recall', 'higher', null, true, null],
    ['TPR', 'tpr', 'recall', 'higher', null, true, null],
    ['True Positive Rate', 'tpr', 'recall', 'higher', null, true, null],
    ['False Positive Rate', 'fpr', 'fpr', 'lower', null, true, null],
    ['FNR', 'fnr', 'fnr', 'lower', null, true, null],
    ['Specificity', 'specificity', 'specificity', 'higher', null, true, null],
    ['Selection Rate', 'selection_rate', 'selection-rate', 'higher', null, true, null],
    ['IoU', 'iou', 'iou', 'higher', null, false, null],
    ['BLEU', 'bleu', 'text-overlap', 'higher', null, false, null],
    ['RMSE', 'rmse', 'regression-error', 'lower', null, false, null],
    // A name written out is its abbreviation: the same metric as `MAE`, `WER`, `PPL`, `MRR`.
    ['Mean Absolute Error', 'mae', 'regression-error', 'lower', null, false, null],
    ['Root mean square error', 'rmse', 'regression-error', 'lower', null, false, null],
    ['Mean absolute scaled error', 'mase', 'regression-error', 'lower', null, false, null],
    ['Word error rate', 'wer', 'edit-error', 'lower', null, false, null],
    ['Eval PPL', 'val_perplexity', 'perplexity', 'lower', null, false, 'val'],
    ['Mean reciprocal rank', 'mrr', 'ranking', 'higher', null, false, null],
    ['Normalized discounted cumulative gain@10', 'ndcg_10', 'ranking', 'higher', null, false, null],
    ['Rec', 'recall', 'recall', 'higher', null, true, null],
    // Recommenders, reinforcement learning, LLM judges, serving: which way is better.
    ['CTR (%)', 'ctr', 'engagement-rate', 'higher', '%', true, null],
    ['Conversion rate', 'conversion_rate', 'engagement-rate', 'higher', null, true, null],
    ['Coverage@10', 'coverage_10', 'coverage', 'higher', null, false, null],
    ['Mean episode return', 'mean_episode_return', 'return', 'higher', null, false, null],
    ['Human-normalized score', 'human_normalized_score', 'return', 'higher', null, false, null],
    ['Return rate', 'return_rate', null, null, null, false, null],
    ['MT-Bench score', 'mt_bench_score', 'rating', 'higher', null, false, null],
    ['Model size (MB)', 'model_size', 'size', 'lower', 'MB', false, null],
    ['Latency p50 (ms, CPU)', 'latency_p50_cpu', 'latency', 'lower', 'ms', false, null],
    ['Throughput (img/s)', 'throughput', 'throughput', 'higher', 'img/s', false, null],
    ['Decoding speed (tokens / sec)', 'decoding_speed', null, 'higher', 'tokens/s', false, null],
    ['mean IoU', 'miou', 'iou', 'higher', null, false, null],
    ['Perplexity', 'perplexity', 'perplexity', 'lower', null, false, null],
    ['CO2 (kg)', 'co2', 'co2', 'lower', 'kg', false, null],
    ['Cost (USD)', 'cost', 'cost', 'lower', '$', false, null],
    ['Accuracy %', 'accuracy', 'accuracy', 'higher', '%', true, null],
    ['Learning Rate', 'learning_rate', null, null, null, false, null],
    ['Macro F1', 'macro_f1', 'f1', 'higher', null, false, null],
    // A metric at an operating point is the metric before the `@`/`at`: a recall, not an FPR.
    ['Recall @ 1% FPR', 'recall_1_fpr', 'recall', 'higher', null, true, null],
    ['TPR at 0.1% FPR', 'tpr_at_0_1_fpr', 'recall', 'higher', null, true, null],
    // Of the top k a ranker returns: a ranking metric, not the classifier's precision.
    ['Precision@10', 'precision_10', 'ranking', 'higher', null, false, null],
    ['Recall@5', 'recall_5', 'ranking', 'higher', null, false, null],
    ['Test FNR @ 5% FPR', 'test_fnr_5_fpr', 'fnr', 'lower', null, true, 'test'],
    // Calibration errors and the equal error rate are not counts over the test set: no binomial interval.
    ['ECE', 'ece', 'calibration-error', 'lower', null, false, null],
    ['ECE (15 bins)', 'ece_15_bins', 'calibration-error', 'lower', null, false, null],
    ['Calibration error (adaptive)', 'calibration_error_adaptive', 'calibration-error', 'lower', null, false, null],
    ['EER', 'eer', 'equal-error-rate', 'lower', null, false, null],
    ['Top-1 error', 'top_1_error', 'error', 'lower', null, true, null],
    // Verification errors, other names of precision and exact match, forecasting errors, generative metrics.
    ['FRR', 'frr', 'verification-error', 'lower', null, true, null],
    ['False acceptance rate', 'far', 'verification-error', 'lower', null, true, null],
    ['PPV', 'precision', 'precision', 'higher', null, true, null],
    ['NPV', 'npv', 'npv', 'higher', null, true, null],
    ['EM', 'exact_match', 'success-rate', 'higher', null, true, null],
    ['MASE', 'mase', 'regression-error', 'lower', null, false, null],
    ['CRPS', 'crps', 'regression-error', 'lower', null, false, null],
    ['R^2', 'r2', 'r2', 'higher', null, false, null],
    ['sFID', 'sfid', 'distribution-distance', 'lower', null, false, null],
    ['Bits/dim', 'bits_dim', 'loss', 'lower', null, false, null],
    ['Negative ELBO (nats)', 'negative_elbo', 'loss', 'lower', 'nats', false, null],
    ['HR@10', 'hr_10', 'hit-rate', 'higher', null, true, null],
    // A change of a metric: a drop of a score or a gap is lower-is-better, a reduction of an error higher.
    ['Top-1 accuracy drop', 'top_1_accuracy_drop', 'change', 'lower', null, false, null],
    ['Accuracy gap', 'accuracy_gap', 'change', 'lower', null, false, null],
    ['Accuracy loss', 'accuracy_loss', 'change', 'lower', null, false, null],
    ['Loss reduction', 'loss_reduction', 'change', 'higher', null, false, null],
    ['WER reduction', 'wer_reduction', 'change', 'higher', null, false, null],
    ['Latency increase', 'latency_increase', 'change', 'lower', null, false, null],
    ['F1 gain', 'f1_gain', 'change', 'higher', null, false, null],
    ['Log loss', 'log_loss', 'loss', 'lower', null, false, null],
    ['Fairness gap', 'fairness_gap', 'disparity', 'lower', null, false, null],
    // The author's arrow says which way is better, and is no part of the key.
    ['IS ↑', 'is', null, 'higher', null, false, null],
    ['Reward (higher is better)', 'reward', 'return', 'higher', null, false, null],
    ['Accuracy ↓', 'accuracy', 'accuracy', 'lower', null, true, null],
    ['R²', 'r2', 'r2', 'higher', null, false, null],
    ['Exact match', 'exact_match', 'success-rate', 'higher', null, true, null],
    ['pass@1', 'pass_1', 'success-rate', 'higher', null, true, null],
    ['Hallucination rate', 'hallucination_rate', 'harm-rate', 'lower', null, true, null],
    // Names from retrieval, detection, depth, trajectories, 3-D, flow, bandits and verification.
    ['HitRate@5', 'hits_5', 'hit-rate', 'higher', null, true, null],
    // Machine translation's COMET, M5's weighted scaled error, a detector's frame rate.
    ['COMET-22', 'comet_22', 'text-overlap', 'higher', null, false, null],
    ['WRMSSE', 'wrmsse', 'regression-error', 'lower', null, false, null],
    ['FPS', 'fps', 'throughput', 'higher', null, false, null],
    ['Frames/s', 'frames_s', 'throughput', 'higher', null, false, null],
    ['FDR', 'fdr', 'fdr', 'lower', null, false, null],
    ['False discovery rate', 'fdr', 'fdr', 'lower', null, false, null],
    ['Misclassification rate', 'error', 'error', 'lower', null, true, null],
    ['minADE', 'minade', 'regression-error', 'lower', null, false, null],
    ['FDE', 'fde', 'regression-error', 'lower', null, false, null],
    ['AbsRel', 'absrel', 'regression-error', 'lower', null, false, null],
    ['Chamfer distance', 'chamfer_distance', 'regression-error', 'lower', null, false, null],
    ['EPE', 'epe', 'regression-error', 'lower', null, false, null],
    ['Cumulative regret', 'cumulative_regret', 'regret', 'lower', null, false, null],
    ['Collision rate', 'collision_rate', 'harm-rate', 'lower', null, true, null],
    ['minDCF', 'mindcf', 'detection-cost', 'lower', null, false, null],
    // Depth's δ thresholds: three metrics, three keys (the δ and the powers written as marks).
    ['δ<1.25', 'threshold_accuracy_1_25', 'threshold-accuracy', 'higher', null, false, null],
    ['δ < 1.25²', 'threshold_accuracy_1_25_2', 'threshold-accuracy', 'higher', null, false, null],
    ['δ<1.25^3', 'threshold_accuracy_1_25_3', 'threshold-accuracy', 'higher', null, false, null],
    // A time that only qualifies a score is no time: survival models' time-dependent AUC, real-time accuracy.
    ['Time-dependent AUC @ 5y', 'time_dependent_auc_5y', 'auc', 'higher', null, false, null],
    ['Time-to-event AUC', 'time_to_event_auc', 'auc', 'higher', null, false, null],
    ['Real-time accuracy', 'real_time_accuracy', 'accuracy', 'higher', null, true, null],
    ['Time to 90% accuracy', 'time_to_90_accuracy', 'time', 'lower', null, false, null],
    // Survival, credit scoring, segmentation, clustering, language-model benchmarks, speech, OOD detection.
    ['C-index', 'c_index', 'concordance', 'higher', null, false, null],
    ['Concordance index', 'concordance_index', 'concordance', 'higher', null, false, null],
    ['IBS', 'integrated_brier_score', 'brier', 'lower', null, false, null],
    ['Integrated Brier score', 'integrated_brier_score', 'brier', 'lower', null, false, null],
    ['Gini', 'gini', 'separation', 'higher', null, false, null],
    ['KS', 'ks', 'separation', 'higher', null, false, null],
    ['Gini impurity', 'gini_impurity', null, null, null, false, null],
    ['HD95 (mm)', 'hd95', 'surface-distance', 'lower', 'mm', false, null],
    ['ASSD (mm)', 'assd', 'surface-distance', 'lower', 'mm', false, null],
    ['Hausdorff distance', 'hausdorff_distance', 'surface-distance', 'lower', null, false, null],
    ['Silhouette', 'silhouette', 'clustering', 'higher', null, false, null],
    ['ARI', 'ari', 'clustering', 'higher', null, false, null],
    ['NMI', 'nmi', 'clustering', 'higher', null, false, null],
    ['Davies-Bouldin', 'davies_bouldin', 'cluster-separation', 'lower', null, false, null],
    ['MMLU (5-shot)', 'mmlu_5_shot', 'benchmark', 'higher', null, false, null],
    ['GSM8K', 'gsm8k', 'benchmark', 'higher', null, false, null],
    ['HumanEval pass@1', 'humaneval_pass_1', 'success-rate', 'higher', null, true, null],
    ['CLIPScore', 'clip_score', 'image-quality', 'higher', null, false, null],
    ['UTMOS', 'utmos', 'rating', 'higher', null, false, null],
    ['Speaker similarity (SECS)', 'speaker_similarity_secs', 'similarity', 'higher', null, false, null],
    ['FPR95', 'fpr_95tpr', 'fpr', 'lower', null, true, null],
    ['AURC', 'aurc', 'risk-coverage', 'lower', null, false, null],
    // scikit-learn's negated scorers: higher is better (−13.4 beats −14.9); sacrebleu's chrF2 and TER.
    ['neg_log_loss', 'neg_log_loss', 'loss', 'higher', null, false, null],
    ['neg_root_mean_squared_error', 'neg_rmse', 'regression-error', 'higher', null, false, null],
    ['test_neg_mean_absolute_error', 'test_neg_mae', 'regression-error', 'higher', null, false, 'test'],
    ['chrF2', 'chrf2', 'text-overlap', 'higher', null, false, null],
    ['TER', 'ter', 'edit-error', 'lower', null, false, null],
    // A log-likelihood is higher-is-better (−1401.9 beats −1532.4); its negative (NLL) is a loss.
    ['Log-likelihood', 'log_likelihood', 'log-likelihood', 'higher', null, false, null],
    ['Test log likelihood (nats)', 'test_log_likelihood', 'log-likelihood', 'higher', 'nats', false, 'test'],
    ['loglik', 'loglik', 'log-likelihood', 'higher', null, false, null],
    ['ELBO', 'elbo', 'log-likelihood', 'higher', null, false, null],
    ['Negative log-likelihood', 'nll', 'loss', 'lower', null, false, null],
    ['NLL', 'nll', 'loss', 'lower', null, false, null],
  ])('%s → key %s, kind %s, %s is better, unit %s', (name, key, kind, direction, unit, isProportion, split) => {
    const info = metricInfo(name);
    expect(info).toMatchObject({ name, key, kind, direction, unit, isProportion, split });
  });

  test('an explicit unit wins over the name and is normalized', () => {
    expect(metricInfo('Latency', 'msec').unit).toBe('ms');
    expect(metricInfo('Accuracy (%)', '').unit).toBe('%');
    expect(metricInfo('Throughput', 'req/s').unit).toBe('req/s');
  });

  test('a metric no name rule places is placed by its unit: a time is lower-is-better, a rate per second higher', () => {
    expect(metricInfo('Inference', 'ms/sample')).toMatchObject({ direction: 'lower', unit: 'ms/sample', kind: null });
    expect(metricInfo('Step', 's')).toMatchObject({ direction: 'lower', unit: 's' });
    expect(metricInfo('Decoding', 'tokens/s')).toMatchObject({ direction: 'higher', unit: 'tokens/s' });
    expect(metricInfo('Embedding table', 'MB').direction).toBeNull();
    // A name rule wins over the unit.
    expect(metricInfo('Throughput', 'ms').direction).toBe('higher');
  });

  test('a parenthesis that is not a unit stays part of the name', () => {
    expect(metricInfo('Accuracy (top-1)')).toMatchObject({ key: 'accuracy_top_1', unit: null });
  });

  test('a name of only punctuation keeps a usable key', () => {
    expect(metricInfo('??').key).toBe('??');
  });

  test('a lone split word is a metric name, not a qualifier', () => {
    expect(metricInfo('Test')).toMatchObject({ key: 'test', split: null });
  });

  test('averaging qualifiers are recognised', () => {
    expect(metricInfo('Weighted Precision').average).toBe('weighted');
    expect(metricInfo('Precision').average).toBeNull();
  });
});

describe('normalizeUnit', () => {
  test.each([
    ['%', '%'],
    ['percent', '%'],
    ['ms', 'ms'],
    ['Seconds', 's'],
    ['kg CO2e', 'kg'],
    ['furlongs', null],
    // In capitals a time word is an acronym (`SECS`, the speaker-encoder cosine similarity); `MB` stays a unit.
    ['SECS', null],
    ['secs', 's'],
    ['MB', 'MB'],
  ])('%s → %s', (text, unit) => expect(normalizeUnit(text)).toBe(unit));
});

describe('helpers', () => {
  test('isUnitIntervalMetric is true for bounded metrics only', () => {
    expect(isUnitIntervalMetric(metricInfo('F1'))).toBe(true);
    expect(isUnitIntervalMetric(metricInfo('Loss'))).toBe(false);
    expect(isUnitIntervalMetric(metricInfo('Learning Rate'))).toBe(false);
  });
  test.each([
    ['Selection Rate', true],
    ['Approval rate', true],
    ['Positive prediction rate', true],
    ['Recall', false],
    ['FPR', false],
  ])('isSelectionRateMetric(%s) = %s', (name, selection) => expect(isSelectionRateMetric(metricInfo(name))).toBe(selection));
  test('isBetter respects the direction and is false on ties', () => {
    expect(isBetter(0.9, 0.8, 'higher')).toBe(true);
    expect(isBetter(0.9, 0.8, 'lower')).toBe(false);
    expect(isBetter(0.8, 0.8, 'higher')).toBe(false);
  });
});

describe('the training-curve vocabulary', () => {
  test.each([
    ['Val Loss', true],
    ['train_loss', true],
    ['MSE', true],
    ['Top-1 Error', true],
    ['Perplexity', true],
    ['Val Acc', false],
    ['AUC', false],
    ['Latency (ms)', false],
  ])('isLossMetric(%s) = %s', (name, loss) => expect(isLossMetric(metricInfo(name))).toBe(loss));

  test.each([
    ['Train Loss', 'train'],
    ['training_accuracy', 'train'],
    ['Val Acc', 'val'],
    ['val_loss', 'val'],
    ['Validation F1', 'val'],
    ['eval_loss', 'val'],
    ['Test AUC', 'test'],
    ['AUC', null],
  ])('the split of %s is %s', (name, split) => expect(metricInfo(name).split).toBe(split));

  test.each([
    ['Learning Rate', true],
    ['learning_rate', true],
    ['lr', true],
    ['head lr', true],
    ['Val Loss', false],
    ['clr_score', false],
  ])('isLearningRateColumn(%s) = %s', (name, lr) => expect(isLearningRateColumn(name)).toBe(lr));
});

describe('the value model', () => {
  test.each([
    // metric, unit, value, scale
    ['Accuracy', undefined, 0.87, 'fraction'],
    ['Accuracy', '%', 87, 'percent'],
    ['Accuracy (%)', undefined, 87, 'percent'],
    ['Accuracy', undefined, 87, 'percent'],
    ['Accuracy', undefined, 1, 'fraction'],
    ['Accuracy', '%', 0.5, 'percent'],
    ['Accuracy', undefined, 130, null],
    ['Accuracy', undefined, -0.1, null],
    ['Accuracy (%)', undefined, 120, null],
    ['AUC', 'ms', 0.9, null],
    ['Latency (ms)', undefined, 45, null],
  ])('%s (unit %s) = %d is written as a %s', (metric, unit, value, scale) =>
    expect(proportionScale(metricInfo(metric, unit), value)).toBe(scale),
  );

  test('87%, 87 in a "(%)" column and 0.87 are one quantity: the fraction 0.87, with the places written on that scale', () => {
    const places = (metric: string, value: number, decimals: number, unit?: string): ScaledValue => {
      const scaled = scaleValue(metricInfo(metric, unit), value, decimals);
      if (isScaleProblem(scaled)) throw new Error(scaled.reason);
      return scaled;
    };
    expect(places('Accuracy', 87, 0, '%')).toEqual({ value: 0.87, decimals: 2, unit: null, fraction: true, factor: 0.01 });
    expect(places('Accuracy (%)', 86.2, 1)).toEqual({ value: 0.862, decimals: 3, unit: null, fraction: true, factor: 0.01 });
    expect(places('Accuracy', 0.87, 2)).toEqual({ value: 0.87, decimals: 2, unit: null, fraction: true, factor: 1 });
    expect(places('Latency (ms)', 45, 0)).toEqual({ value: 45, decimals: 0, unit: 'ms', fraction: false, factor: 1 });
  });

  test('a value on neither scale cannot be placed, and says why', () => {
    expect(scaleValue(metricInfo('Accuracy'), 130, 0)).toEqual({
      reason: 'Accuracy = 130 is neither a fraction (0–1) nor a percentage (0–100)',
    });
    expect(scaleValue(metricInfo('Accuracy', '%'), 120, 0)).toEqual({
      reason: 'Accuracy = 120 % is neither a fraction (0–1) nor a percentage (0–100)',
    });
  });

  test.each([
    ['Latency (ms)', 45, 'Latency', 42, null],
    ['Latency (ms)', 45, 'Latency (s)', 0.042, 'the values are in different units (ms and s)'],
    ['MAPE (%)', 12, 'MAPE', 0.12, 'the values are in different units (% and no unit)'],
    ['Accuracy (%)', 86.2, 'Accuracy', 0.851, null],
  ])('%s = %d and %s = %d on one scale: %s', (a, x, b, y, reason) => {
    const [sa, sb] = [scaleValue(metricInfo(a), x, 0), scaleValue(metricInfo(b), y, 0)];
    if (isScaleProblem(sa) || isScaleProblem(sb)) throw new Error('not placed');
    expect(sameScaleProblem(sa, sb)).toEqual(reason === null ? null : { reason });
  });
});

describe('metricInfo memory', () => {
  test('the same answer for a name asked again, also after more names than it remembers', () => {
    const first = metricInfo('Val Acc');
    expect(metricInfo('Val Acc')).toBe(first);
    for (let i = 0; i <= 10_000; i++) metricInfo(`custom metric ${i}`);
    expect(metricInfo('Val Acc')).toEqual(first);
    expect(metricInfo('Val Acc').key).toBe('val_accuracy');
    expect(metricInfo('Latency', 'ms')).not.toBe(metricInfo('Latency'));
    expect(Object.isFrozen(first)).toBe(true);
  });
});

describe('a metric name built to make its reading backtrack', () => {
  test('spaces around an unclosed bracket (`Accuracy` + 1,500 spaces + `(` …): read at once, the name kept as written', () => {
    // Was 40–50 s for 1.5 KB and minutes for 3 KB: the trailing-bracket pattern's spaces overlapped.
    const name = `Accuracy${' '.repeat(1500)}(${' '.repeat(3000)}(x`;
    const info = metricInfo(name);
    expect(info.name).toBe(name);
    expect([info.kind, info.unit]).toEqual(['accuracy', null]);
  });

  test('a long name is read by its first 200 characters', () => {
    const name = `Latency (ms)${' padding'.repeat(100)}`;
    expect(metricInfo(name).kind).toBe('latency');
    expect(metricInfo(`${'x'.repeat(300)} accuracy`).kind).toBeNull();
  });
});

describe('inSmallestTimeUnit', () => {
  const v = (value: number, unit: string | null, decimals: number): ScaledValue => ({ value, decimals, unit, fraction: false, factor: 1 });

  test('0.041 s, 38 ms and 0.0005 min are 41, 38 and 30 ms; values in one unit or none stay as they are', () => {
    // 0.041 s × 1000 = 41 ms (3 decimals − 3 = 0); 0.0005 min × 60 000 = 30 ms (4 decimals − log10(60 000) ≈ 5 → 0).
    expect(inSmallestTimeUnit([v(0.041, 's', 3), v(38, 'ms', 0), v(0.0005, 'min', 4)])).toEqual([
      { value: 41, decimals: 0, unit: 'ms', fraction: false, factor: 1000 },
      v(38, 'ms', 0),
      { value: 30, decimals: 0, unit: 'ms', fraction: false, factor: 60000 },
    ]);
    expect(inSmallestTimeUnit([v(2, 'ms', 0), v(3, 'ms', 0)])).toEqual([v(2, 'ms', 0), v(3, 'ms', 0)]);
    expect(inSmallestTimeUnit([v(0.4, null, 1), v(0.5, null, 1)])).toEqual([v(0.4, null, 1), v(0.5, null, 1)]);
    // A unit named after a property of every object is no unit of time.
    expect(inSmallestTimeUnit([v(1, 'constructor', 0), v(2, 'ms', 0)])).toEqual([v(1, 'constructor', 0), v(2, 'ms', 0)]);
  });
});

describe('nameInUnit', () => {
  test.each([
    // 0.041 s shown as 41 ms beside 38 ms: the label says the unit shown.
    ['p99 latency (s)', ['ms', 'ms'], 'p99 latency (ms)'],
    ['Latency [s]', ['ms'], 'Latency [ms]'],
    ['Latency p50 ( s , CPU)', ['ms'], 'Latency p50 ( ms , CPU)'],
    ['Runtime (minutes)', ['s', null], 'Runtime (s)'],
    ['latency_sec', ['ms'], 'latency_ms'],
    ['runtime_hours', ['min'], 'runtime_mins'],
    ['runtime_mins', ['s'], 'runtime_sec'],
    // The values keep the unit the name says, or carry no unit of time: the name as written.
    ['p99 latency (ms)', ['ms', 'ms'], 'p99 latency (ms)'],
    ['p99 latency (s)', ['s'], 'p99 latency (s)'],
    ['p99 latency (s)', [null, '%'], 'p99 latency (s)'],
    ['p99 latency (s)', [], 'p99 latency (s)'],
    // No unit of time in the name: nothing to disagree with the values.
    ['p99 latency', ['ms'], 'p99 latency'],
    ['Accuracy (%)', ['ms'], 'Accuracy (%)'],
    ['Speaker similarity (SECS)', ['ms'], 'Speaker similarity (SECS)'],
    ['Throughput (img/s)', ['ms'], 'Throughput (img/s)'],
    ['peak_memory_gb', ['ms'], 'peak_memory_gb'],
    // Shown in two units (a parent's change in s, a baseline's in ms): each value says its own.
    ['p99 latency (s)', ['s', 'ms'], 'p99 latency'],
    ['Latency p50 (s, CPU)', ['s', 'ms'], 'Latency p50 (CPU)'],
    ['latency_sec', ['s', 'ms'], 'latency'],
  ])('%s over values in %j is %s', (name, shown, label) => {
    expect(nameInUnit(name, shown)).toBe(label);
  });
});
