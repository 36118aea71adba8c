/**
 * The summary band at the top of an experiment page: what a reviewer linked from a pull request
 * needs in one screen — the headline metric with its interval, its change against the parent and
 * the best baseline (each with the interval of the change and a verdict, from the analysis), the
 * report checks, the worst fairness gap, and one small chart.
 */
import type { Experiment } from '../schema/index.ts';
import type { DeltaView, ExperimentAnalysisView, FairnessView } from './analysis-types.ts';
import type { Block, Cell, ChartBlockData, FieldItem, TableColumn } from './blocks.ts';
import { absoluteCell, deltaValueCell, fairnessCells, intervalCell, relativeCell, verdictCell } from './deltas.ts';
import { formatMetricCi, formatMetricValue, type MetricValueInput } from './format.ts';
import { testMetricInterval, testMetricSide } from '../analysis/deltas.ts';
import { metricInfo, nameInUnit } from '../analysis/metrics.ts';
import { comparePath, joinBase } from './urls.ts';

/** What the band is built from. */
export interface SummaryBandInput {
  record: Experiment;
  analysis: ExperimentAnalysisView;
  /** Ids that are records of the site (a reference that is not gets no link). */
  known: (id: string) => boolean;
  base: string;
  /** False when the site has no page per compared pair: comparisons link to the in-browser compare page. */
  comparePages?: boolean | undefined;
  /** The band's chart, if the experiment has one. */
  chart?: ChartBlockData | undefined;
  /** Section anchors present on the page (links go only to those). */
  present: (id: string) => boolean;
}

/** The change table's columns. */
export const SUMMARY_CHANGE_COLUMNS: TableColumn[] = [
  { label: 'Against' },
  {
    label: 'Change (relative)',
    numeric: true,
    title: "current − reference, in the metric's unit (pp for percent metrics); relative: (current − reference) / |reference|",
  },
  { label: '95% CI of change', numeric: true },
  { label: 'Verdict' },
];

/**
 * True when a change is of the headline metric: by the metric's key when the analysis gives it (a
 * baseline table's `WER (%)` is the test metric `WER`), else by name.
 */
export function isHeadlineDelta(d: DeltaView, headline: { metric: string; unit?: string | null | undefined }): boolean {
  return d.key === undefined ? d.metric === headline.metric : d.key === metricInfo(headline.metric, headline.unit ?? undefined).key;
}

/**
 * The baseline delta of the headline metric against the best reference (the highest value when
 * higher is better, the lowest when lower is; the first row when the direction is unknown).
 */
export function bestBaselineDelta(
  deltas: readonly DeltaView[],
  headline: { metric: string; unit?: string | null | undefined },
  elsewhere: ReadonlySet<string> = new Set(),
): DeltaView | undefined {
  // A baseline evaluated on another test set is no yardstick for this one when any other is.
  const all = deltas.filter((d) => isHeadlineDelta(d, headline) && d.reference !== null);
  const here = all.filter((d) => !elsewhere.has(d.baseline));
  const candidates = here.length > 0 ? here : all;
  let best: DeltaView | undefined;
  for (const d of candidates) {
    if (best === undefined) best = d;
    else if (d.betterDirection === 'higher' && (d.reference as number) > (best.reference as number)) best = d;
    else if (d.betterDirection === 'lower' && (d.reference as number) < (best.reference as number)) best = d;
  }
  return best;
}

/** The gap a reviewer should look at first: flagged ones first, then the smallest min/max ratio. */
export function worstFairnessGap(gaps: readonly FairnessView[]): FairnessView | undefined {
  return [...gaps].sort((a, b) => Number(b.flagged) - Number(a.flagged) || (a.ratio ?? 1) - (b.ratio ?? 1))[0];
}

function changeRow(label: string, against: Cell, d: DeltaView): Cell[] {
  const absolute = absoluteCell(d);
  return [
    { ...against, text: `${label}: ${against.text} (${deltaValueCell(d, d.reference).text})` },
    { ...absolute, text: `${absolute.text} (${relativeCell(d).text})` },
    intervalCell(d),
    verdictCell(d),
  ];
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

/**
 * The headline's 95% interval when the record reports none but the count its proportion is over is
 * known: the Wilson score interval, to 0.1 pp at least (`95% CI 80.1% – 97.4% (Wilson score interval
 * over n = 40)`), so that 37 of 40 is not shown as if it were exact.
 */
function scoreIntervalText(record: Experiment, index: number, shown: MetricValueInput): string | undefined {
  const found = testMetricInterval(record, index);
  if (found === null || found.from !== 'score') return undefined;
  // Decimals on the scale of fractions: a value written in percent has two more.
  const percent = found.factor !== 1;
  const places = Math.max((shown.decimals ?? 0) + (percent ? 2 : 0), 3);
  const written = (x: number): number => Number.parseFloat((Number(x.toFixed(places)) / found.factor).toPrecision(12));
  const decimals = places - (percent ? 2 : 0);
  return `95% CI ${formatMetricCi({ ...shown, decimals }, { low: written(found.low), high: written(found.high) })} (Wilson score interval over n = ${found.n ?? ''})`;
}

/** The band's blocks, in order: headline, the change table, facts (checks, worst fairness gap), chart. */
export function buildSummaryBlocks(input: SummaryBandInput): Block[] {
  const { record, analysis, base } = input;
  const headline = analysis.headline;
  const blocks: Block[] = [];
  let changes: Block | undefined;
  if (headline) {
    const index = (record.evaluation?.testMetrics ?? []).findIndex((t) => t.metric === headline.metric);
    const tm = record.evaluation?.testMetrics?.[index];
    const ci = tm?.ci95;
    const shown = { metric: headline.metric, value: headline.value, unit: headline.unit ?? tm?.unit, decimals: headline.decimals };
    // A CI the analysis sets aside (`ci-scale`) is no interval of the headline: said so beside it.
    const setAside = tm !== undefined && tm.value !== null && testMetricSide(record, { ...tm, value: tm.value }, index).ciReason;
    const interval =
      ci === undefined
        ? scoreIntervalText(record, index, shown)
        : `95% CI ${formatMetricCi(shown, ci)}${setAside ? ' as written, not used: it may be percentage points or a fraction (see the report checks)' : ''}`;
    blocks.push({
      kind: 'headline',
      label: headline.metric,
      value: { text: formatMetricValue(shown), numeric: true },
      ...(interval === undefined ? {} : { interval: { text: interval, numeric: true } }),
      note:
        headline.betterDirection === 'higher'
          ? 'headline metric, higher is better'
          : headline.betterDirection === 'lower'
            ? 'headline metric, lower is better'
            : 'headline metric',
    });
    const rows: Cell[][] = [];
    const shownUnits: (string | null | undefined)[] = [];
    const parent = analysis.lineage.parent;
    const fromParent = analysis.parentDeltas.find((d) => isHeadlineDelta(d, headline));
    if (parent !== null && fromParent) {
      const href = input.known(parent) ? joinBase(base, comparePath(record.id, parent, input.comparePages)) : undefined;
      shownUnits.push(fromParent.unit);
      rows.push(changeRow('Parent', { text: parent, ...(href ? { href, title: `Compare with ${parent}` } : {}) }, fromParent));
    }
    const elsewhere = new Set((record.comparison?.baselines ?? []).flatMap((b) => (b.evaluatedOn === undefined ? [] : [b.label])));
    const best = bestBaselineDelta(analysis.baselineDeltas, headline, elsewhere);
    if (best) {
      const row = record.comparison?.baselines?.find((b) => b.label === best.baseline);
      const other = row?.experimentId;
      const href =
        other !== undefined && other !== record.id && input.known(other)
          ? joinBase(base, comparePath(record.id, other, input.comparePages))
          : input.present('comparison')
            ? '#comparison'
            : undefined;
      shownUnits.push(best.unit);
      rows.push(changeRow('Best baseline', { text: best.baseline, ...(href ? { href } : {}) }, best));
    }
    changes =
      rows.length > 0
        ? {
            kind: 'table',
            id: 'summary-changes',
            caption: `Change in ${nameInUnit(headline.metric, shownUnits)}`,
            columns: SUMMARY_CHANGE_COLUMNS,
            rows,
          }
        : { kind: 'note', tone: 'info', text: 'No parent or baseline reports this metric: there is no change to show.' };
  } else {
    blocks.push({ kind: 'note', tone: 'info', text: 'No test metric has a value yet: there is no headline to show.' });
  }

  const counts = { error: 0, warning: 0, info: 0 };
  for (const c of analysis.checks) counts[c.level] += 1;
  const facts: FieldItem[] = [
    {
      label: 'Report checks',
      value: [
        { text: plural(counts.error, 'error'), href: '#checks', ...(counts.error > 0 ? { tone: 'bad' as const } : {}) },
        { text: plural(counts.warning, 'warning'), href: '#checks', ...(counts.warning > 0 ? { tone: 'warn' as const } : {}) },
        { text: plural(counts.info, 'note'), href: '#checks' },
      ],
    },
  ];
  const gap = worstFairnessGap(analysis.fairness);
  if (gap) {
    const cells = fairnessCells(gap);
    facts.push({
      label: 'Worst fairness gap',
      value: {
        text: `${gap.attribute} · ${gap.metric}: gap ${cells.difference.text}, ratio ${cells.ratio.text} — ${cells.flag.text}`,
        ...(input.present('fairness') ? { href: '#fairness' } : {}),
        ...(gap.flagged ? { tone: 'bad' as const } : {}),
      },
    });
  } else {
    facts.push({ label: 'Worst fairness gap', value: { text: 'no results by group', tone: 'neutral' } });
  }
  if (changes) blocks.push(changes);
  blocks.push({ kind: 'fields', items: facts });
  if (input.chart) blocks.push({ kind: 'chart', chart: input.chart });
  return blocks;
}
