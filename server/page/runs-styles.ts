/** The runs page's stylesheet and chart colours: system fonts only, the lineage page's palette. */
import type { RunSummary } from '../../runtime/index.ts';
import { STATUS_COLOURS } from './lineage-styles.ts';

/** Bar colours of a run's timeline, by outcome; waiting is drawn in `wait`. */
export const OUTCOME_COLOURS = {
  materialized: '#2e8b57',
  skipped: '#b8bfcc',
  failed: '#c0392b',
  'upstream-failed': '#e59a8c',
  wait: '#e6e9ef',
} as const;

/**
 * Badge colours by run status, one for every status the ledger knows. Interrupted (stopped or killed, not
 * broken: its assets resume next run) is amber, as `medallion runs` paints it yellow.
 */
export const RUN_STATUS_COLOURS: Record<RunSummary['status'], { readonly fill: string; readonly stroke: string }> = {
  succeeded: STATUS_COLOURS.fresh,
  failed: { fill: '#fde2e1', stroke: '#c0392b' },
  interrupted: STATUS_COLOURS.stale,
};

/** One colour per asset series (Tableau 10), assigned in layer order. */
export const SERIES_COLOURS = ['#4e79a7', '#f28e2b', '#e15759', '#76b7b2', '#59a14f', '#edc948', '#b07aa1', '#ff9da7', '#9c755f', '#bab0ac'] as const;

export const CHART_COLOURS = { matched: '#2e8b57', unmatched: '#b8bfcc', threshold: '#c0392b', stage: '#4e79a7' } as const;

export const RUNS_STYLES = `
:root { color-scheme: light; --ink: #1d2433; --muted: #5b6475; --line: #d5dae3; --panel: #f7f8fa; --accent: #2f5fd0; }
* { box-sizing: border-box; }
body { margin: 0; font: 14px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif; color: var(--ink); background: var(--panel); }
header { display: flex; flex-wrap: wrap; align-items: center; gap: 12px 20px; padding: 12px 20px; border-bottom: 1px solid var(--line); background: #fff; }
header h1 { font-size: 18px; margin: 0; font-weight: 650; }
header h1 span { color: var(--muted); font-weight: 400; }
header nav a { color: var(--accent); text-decoration: none; font-weight: 600; }
header nav a:hover { text-decoration: underline; }
#summary { color: var(--muted); margin-left: auto; }
button { font: inherit; border: 1px solid var(--line); background: #fff; border-radius: 6px; padding: 4px 10px; cursor: pointer; }
button:hover { border-color: var(--accent); }
main { display: grid; grid-template-columns: minmax(0, 1fr) minmax(0, 1fr); gap: 16px; padding: 16px 20px; }
.card { background: #fff; border: 1px solid var(--line); border-radius: 10px; padding: 12px 16px; min-width: 0; }
.card.wide { grid-column: 1 / -1; }
.card h2 { font-size: 14px; margin: 0 0 8px; text-transform: uppercase; letter-spacing: .05em; }
.card h2 small { text-transform: none; letter-spacing: 0; font-weight: 400; color: var(--muted); margin-left: 8px; }
svg { display: block; width: 100%; height: auto; }
svg text { font-size: 11px; fill: var(--muted); }
svg .axis line, svg .grid line { stroke: var(--line); }
svg .label { fill: var(--ink); font-size: 12px; }
svg .value { fill: var(--ink); font-weight: 600; }
#funnel .stage .bar { fill: ${CHART_COLOURS.stage}; }
#funnel .stage .matched { fill: ${CHART_COLOURS.matched}; }
#funnel .stage .value.inside { fill: #fff; }
#histogram .bin .matched { fill: ${CHART_COLOURS.matched}; }
#histogram .bin .unmatched { fill: ${CHART_COLOURS.unmatched}; }
#histogram .bin:hover rect { opacity: .8; }
#histogram #threshold line { stroke: ${CHART_COLOURS.threshold}; stroke-width: 2; stroke-dasharray: 5 3; }
#histogram #threshold text { fill: ${CHART_COLOURS.threshold}; font-weight: 600; }
#durations .series polyline { fill: none; stroke-width: 2; }
#durations .series circle { stroke: #fff; stroke-width: 1; }
#durations.focused .series:not(.focus) { opacity: .15; }
.legend { display: flex; flex-wrap: wrap; gap: 4px 14px; margin-top: 6px; font-size: 12px; color: var(--muted); }
.legend span, .legend button { display: inline-flex; align-items: center; gap: 6px; }
.legend button { border: none; padding: 1px 4px; font-size: 12px; color: var(--ink); background: none; }
.legend button:hover, .legend button:focus { background: var(--panel); outline: none; }
.swatch { width: 12px; height: 12px; border-radius: 3px; display: inline-block; }
.swatch.matched { background: ${CHART_COLOURS.matched}; }
.swatch.unmatched { background: ${CHART_COLOURS.unmatched}; }
.swatch.threshold { background: none; border-left: 2px dashed ${CHART_COLOURS.threshold}; border-radius: 0; width: 6px; }
table { border-collapse: collapse; width: 100%; font-size: 12px; }
th, td { text-align: left; padding: 4px 8px 4px 0; border-bottom: 1px solid var(--line); vertical-align: top; }
th { color: var(--muted); font-weight: 600; }
th.num, td.num { text-align: right; font-variant-numeric: tabular-nums; }
tr.run { cursor: pointer; }
tr.run:hover td { background: #f1f4fb; }
tr.run td:first-child { white-space: nowrap; }
tr.run .toggle { display: inline-block; width: 14px; color: var(--muted); }
tr.timeline-row td { background: var(--panel); padding: 8px 10px; }
td.failure { color: #a32020; max-width: 420px; }
code { font: 12px ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; }
.badge { display: inline-block; padding: 0 8px; border-radius: 10px; font-size: 12px; font-weight: 600; border: 1.5px solid; }
${Object.entries(RUN_STATUS_COLOURS).map(([status, colour]) => `.badge.${status} { background: ${colour.fill}; border-color: ${colour.stroke}; }`).join('\n')}
.timeline .slot:hover .run { opacity: .8; }
.timeline .slot text.name { fill: var(--ink); }
.error { color: #a32020; }
.empty { color: var(--muted); }
@media (max-width: 900px) { main { grid-template-columns: minmax(0, 1fr); } }
`;
