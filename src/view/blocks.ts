/**
 * The vocabulary of page content. View builders in `src/view/` turn records and analysis into these
 * blocks; `src/components/Block.astro` renders them without computing anything.
 */

import type { ChartTableRef } from '../charts/types.ts';

/** One cell or value: text to print, plus how to present it. */
export interface Cell {
  /** Plain text (escaped when rendered). */
  text: string;
  /** Sanitized HTML to render instead of `text` (from `renderMarkdown` only). */
  html?: string;
  /** A safe link target (from `safeHref` or a site path). */
  href?: string;
  /** Right-align as a number. */
  numeric?: boolean;
  /** Colour by direction: an improvement, a regression, or no verdict. */
  tone?: 'good' | 'bad' | 'neutral' | 'warn' | undefined;
  /** Extra explanation shown on hover and to assistive technology. */
  title?: string;
  /** The field was left as a template placeholder. */
  placeholder?: boolean;
  /** Emphasize (the current experiment's row). */
  strong?: boolean;
  /** Text to copy rather than follow (a storage location such as `s3://…`): shown as code with a "Copy" button. */
  copy?: boolean;
}

export interface FieldItem {
  label: string;
  value: Cell | Cell[];
}

export interface TableColumn {
  label: string;
  numeric?: boolean;
  title?: string;
}

export interface ChartBlockData {
  id: string;
  title: string;
  description: string;
  svg: string;
  /** Id of the chart's compiled shape (a Vega spec without data), shared by every chart of its kind. */
  shape: string;
  /**
   * For lazy hydration: the API documents (record and analysis) the browser builds the chart's data
   * from, as the build did — the experiment's, or every compared experiment's, space-separated — and
   * the compiled shape (`charts/shapes/<shape>.json`).
   */
  dataUrl?: string;
  shapeUrl?: string;
  /** How the browser rebuilds the chart's data from the API documents in `dataUrl`: an experiment's chart (default) or a comparison's. */
  kind?: 'experiment' | 'compare';
  width: number;
  height: number;
  /**
   * The chart's data table as HTML (`<thead>` and `<tbody>`, every cell escaped): built where the
   * chart is rendered and cached with it, so a page with a thousand data cells costs one string.
   */
  tableHtml: string;
  /** Tables that hold the chart's data in full, linked instead of a data table of its own (`tableHtml` is then empty). */
  dataIn?: ChartTableRef[];
  /** Why the chart could not be drawn (`svg` is then empty): the page says so beside its data. */
  error?: string;
}

export type Block =
  | { kind: 'fields'; items: FieldItem[] }
  | { kind: 'table'; id?: string; caption?: string; columns: TableColumn[]; rows: Cell[][]; note?: string; collapsedAfter?: number }
  | { kind: 'markdown'; html: string }
  | { kind: 'list'; title?: string; ordered: boolean; items: Cell[] }
  | { kind: 'checklist'; title?: string; items: { html: string; done: boolean }[] }
  | { kind: 'code'; title?: string; text: string }
  | { kind: 'chart'; chart: ChartBlockData }
  | { kind: 'note'; tone: 'info' | 'warn'; text: string }
  | { kind: 'subheading'; id: string; text: string }
  | { kind: 'lineage'; tree: LineageTreeNode; related: LinkItem[] }
  | { kind: 'checks'; items: CheckItem[] }
  /** Every field of compared records side by side, differing rows marked (a "Differences only" switch hides the rest). */
  | {
      kind: 'field-diff';
      id: string;
      columns: string[];
      rows: { path: string; values: string[]; same: boolean }[];
      total: number;
      differing: number;
      /**
       * On a static page, the rows that are the same in every experiment are left out (`rows` holds
       * the differing ones): they repeat what each experiment's page shows, and made up a third of
       * a compare page. These API documents give them back in the browser when "Differences only"
       * is turned off (`src/client/field-rows.ts`).
       */
      sameFrom?: string[];
    }
  /** A headline figure: the metric, its value, its interval and a short note (e.g. its direction). */
  | { kind: 'headline'; label: string; value: Cell; interval?: Cell; note?: string };

export interface LinkItem {
  id: string;
  label: string;
  href: string;
}

export interface CheckItem {
  level: 'error' | 'warning' | 'info';
  code: string;
  message: string;
  path: string;
  /** Anchor of the section the finding is about. */
  href?: string;
}

/** A node of a rendered lineage tree. */
export interface LineageTreeNode {
  id: string;
  label: string;
  href: string;
  status?: string;
  /** This page's experiment. */
  current?: boolean;
  /** Headline value of this node, formatted. */
  headline?: string;
  /** Label of the edge from the parent: the headline metric delta, e.g. `F1 +0.016`. */
  edge?: Cell;
  /** Link to the comparison with the parent. */
  compareHref?: string;
  children: LineageTreeNode[];
}

/** A section of a page: a stable anchor, a heading, content. */
export interface SectionView {
  id: string;
  title: string;
  blocks: Block[];
  /** The section exists in the template but the record has nothing for it. */
  empty?: boolean;
}
