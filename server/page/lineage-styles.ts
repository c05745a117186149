/** The lineage page's stylesheet: system fonts only, status colours shared with the Mermaid output. */

export const STATUS_COLOURS = {
  fresh: { fill: '#d9f2e3', stroke: '#2e8b57' },
  stale: { fill: '#fff1c7', stroke: '#c99a06' },
  missing: { fill: '#eeeeee', stroke: '#888888' },
} as const;

export const LINEAGE_STYLES = `
:root { color-scheme: light; --ink: #1d2433; --muted: #5b6475; --line: #d5dae3; --panel: #f7f8fa; --accent: #2f5fd0; }
* { box-sizing: border-box; }
body { margin: 0; font: 14px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif; color: var(--ink); background: #fff; }
header { display: flex; flex-wrap: wrap; align-items: center; gap: 12px 20px; padding: 12px 20px; border-bottom: 1px solid var(--line); }
header h1 { font-size: 18px; margin: 0; font-weight: 650; }
header h1 span { color: var(--muted); font-weight: 400; }
header nav a { color: var(--accent); text-decoration: none; font-weight: 600; }
header nav a:hover { text-decoration: underline; }
#summary { color: var(--muted); }
.legend { display: flex; gap: 12px; margin-left: auto; }
.legend span { display: inline-flex; align-items: center; gap: 6px; }
.swatch { width: 14px; height: 14px; border-radius: 3px; border: 1.5px solid; display: inline-block; }
.swatch.fresh { background: ${STATUS_COLOURS.fresh.fill}; border-color: ${STATUS_COLOURS.fresh.stroke}; }
.swatch.stale { background: ${STATUS_COLOURS.stale.fill}; border-color: ${STATUS_COLOURS.stale.stroke}; }
.swatch.missing { background: ${STATUS_COLOURS.missing.fill}; border-color: ${STATUS_COLOURS.missing.stroke}; border-style: dashed; }
button { font: inherit; border: 1px solid var(--line); background: #fff; border-radius: 6px; padding: 4px 10px; cursor: pointer; }
button:hover { border-color: var(--accent); }
button.primary { background: var(--accent); border-color: var(--accent); color: #fff; }
button:disabled { opacity: .6; cursor: progress; }
main { display: grid; grid-template-columns: minmax(0, 1fr) 460px; min-height: calc(100vh - 58px); }
#graph-pane { overflow: auto; padding: 16px; }
#graph { display: block; max-width: 100%; height: auto; }
#graph .band rect { fill: #f4f6fa; }
#graph .band text { fill: var(--muted); font-size: 12px; font-weight: 600; letter-spacing: .06em; text-transform: uppercase; }
#graph .edge { fill: none; stroke: #9aa3b2; stroke-width: 1.4; }
#graph .edge.active { stroke: var(--accent); stroke-width: 2.2; }
#graph .node { cursor: pointer; }
#graph .node rect { stroke-width: 1.6; }
#graph .node.missing rect { stroke-dasharray: 5 3; }
#graph .node:focus { outline: none; }
#graph .node:focus rect, #graph .node.selected rect { stroke: var(--accent); stroke-width: 3; }
#graph .node .name { font-size: 13px; font-weight: 600; fill: var(--ink); }
#graph .node .meta { font-size: 11px; fill: var(--muted); }
#details { border-left: 1px solid var(--line); background: var(--panel); padding: 16px 18px; overflow: auto; max-height: calc(100vh - 58px); }
#details h2 { font-size: 16px; margin: 0 0 6px; word-break: break-all; }
#details h3 { font-size: 13px; margin: 18px 0 6px; text-transform: uppercase; letter-spacing: .05em; color: var(--muted); }
.badge { display: inline-block; padding: 1px 8px; border-radius: 10px; font-size: 12px; font-weight: 600; border: 1.5px solid; }
.badge.fresh { background: ${STATUS_COLOURS.fresh.fill}; border-color: ${STATUS_COLOURS.fresh.stroke}; }
.badge.stale { background: ${STATUS_COLOURS.stale.fill}; border-color: ${STATUS_COLOURS.stale.stroke}; }
.badge.missing { background: ${STATUS_COLOURS.missing.fill}; border-color: ${STATUS_COLOURS.missing.stroke}; }
.badge.failed { background: #fde2e1; border-color: #c0392b; }
.badge.materialized { background: ${STATUS_COLOURS.fresh.fill}; border-color: ${STATUS_COLOURS.fresh.stroke}; }
dl { display: grid; grid-template-columns: max-content 1fr; gap: 2px 12px; margin: 8px 0; }
dt { color: var(--muted); } dd { margin: 0; word-break: break-word; }
ul { margin: 4px 0; padding-left: 18px; }
table { border-collapse: collapse; width: 100%; font-size: 12px; }
th, td { text-align: left; padding: 3px 6px 3px 0; border-bottom: 1px solid var(--line); vertical-align: top; }
th { color: var(--muted); font-weight: 600; }
td.num { text-align: right; font-variant-numeric: tabular-nums; }
td .when { white-space: nowrap; }
td code.run { font-size: 11px; color: var(--muted); }
code { font: 12px ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; }
.links button { margin: 2px 4px 2px 0; }
form { display: grid; gap: 8px; background: #fff; border: 1px solid var(--line); border-radius: 8px; padding: 10px; }
form label { display: grid; gap: 2px; font-size: 12px; color: var(--muted); }
form label.inline { display: flex; align-items: center; gap: 6px; }
input, select { font: inherit; padding: 4px 6px; border: 1px solid var(--line); border-radius: 5px; }
#materialize-result { white-space: pre-wrap; font-size: 12px; }
#materialize-result.error { color: #a32020; }
.hint, .empty { color: var(--muted); }
#graph-error { color: #a32020; }
`;
