/**
 * The runs page: recent runs with their per-asset timelines, each asset's duration across runs, the score
 * histogram of the latest gold/matches and the rows per stage. Self-contained like the lineage page: its script
 * is served beside it as `/runs.js`, so `script-src 'self'` holds and nothing is loaded from elsewhere.
 */
import { RUNS_STYLES } from './runs-styles.ts';

export const RUNS_HTML = `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>medallion · runs</title>
<link rel="icon" href="data:image/svg+xml,%3Csvg xmlns='http://www.w3.org/2000/svg' viewBox='0 0 16 16'%3E%3Crect x='1' y='9' width='3' height='6' fill='%232f5fd0'/%3E%3Crect x='6' y='5' width='3' height='10' fill='%232f5fd0'/%3E%3Crect x='11' y='2' width='3' height='13' fill='%232f5fd0'/%3E%3C/svg%3E">
<style>${RUNS_STYLES}</style>
</head>
<body>
<header>
  <h1>medallion <span>runs</span></h1>
  <nav><a href="/" id="lineage-link">Lineage</a></nav>
  <div id="summary">Loading…</div>
  <button type="button" id="refresh">Refresh</button>
</header>
<main>
  <section class="card" id="stages-card">
    <h2>Rows per stage <small>latest materializations</small></h2>
    <svg id="funnel" xmlns="http://www.w3.org/2000/svg" role="img" aria-label="Rows per stage: films, releases, candidates, matches"></svg>
    <p class="error" id="report-error" hidden></p>
  </section>
  <section class="card" id="scores-card">
    <h2>Match scores <small id="scores-caption"></small></h2>
    <svg id="histogram" xmlns="http://www.w3.org/2000/svg" role="img" aria-label="Histogram of the match scores of the latest gold/matches, with the acceptance threshold"></svg>
    <div class="legend" aria-hidden="true">
      <span><i class="swatch matched"></i>is_match</span>
      <span><i class="swatch unmatched"></i>judged, not a match</span>
      <span><i class="swatch threshold"></i>threshold</span>
    </div>
  </section>
  <section class="card wide" id="durations-card">
    <h2>Duration per asset <small>materialized slots, oldest run on the left</small></h2>
    <svg id="durations" xmlns="http://www.w3.org/2000/svg" role="img" aria-label="Each asset's duration across the recent runs"></svg>
    <div class="legend" id="durations-legend"></div>
  </section>
  <section class="card wide" id="runs-card">
    <h2>Recent runs <small>click a run for its timeline</small></h2>
    <p class="error" id="runs-error" hidden></p>
    <table id="runs">
      <thead><tr><th>started (UTC)</th><th>duration</th><th>selection</th><th>status</th><th class="num">materialized</th><th class="num">skipped</th><th class="num">failed</th><th class="num">rows</th><th>failure</th></tr></thead>
      <tbody></tbody>
    </table>
  </section>
</main>
<script src="/runs.js" defer></script>
</body>
</html>
`;
