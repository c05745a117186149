/**
 * The lineage page: one self-contained HTML document (no CDN, no external fonts) whose script is served
 * beside it as `/lineage.js`, so a strict Content-Security-Policy (`script-src 'self'`) holds.
 */
import { LINEAGE_STYLES } from './lineage-styles.ts';

export const LINEAGE_HTML = `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>medallion · lineage</title>
<link rel="icon" href="data:image/svg+xml,%3Csvg xmlns='http://www.w3.org/2000/svg' viewBox='0 0 16 16'%3E%3Crect x='1' y='5' width='4' height='6' rx='1' fill='%23eeeeee' stroke='%23888'/%3E%3Crect x='6' y='5' width='4' height='6' rx='1' fill='%23fff1c7' stroke='%23c99a06'/%3E%3Crect x='11' y='5' width='4' height='6' rx='1' fill='%23d9f2e3' stroke='%232e8b57'/%3E%3C/svg%3E">
<style>${LINEAGE_STYLES}</style>
</head>
<body>
<header>
  <h1>medallion <span>lineage</span></h1>
  <nav><a href="/runs" id="runs-link">Runs</a></nav>
  <div id="summary">Loading…</div>
  <div class="legend" aria-label="Status colours">
    <span><i class="swatch fresh"></i>fresh</span>
    <span><i class="swatch stale"></i>stale</span>
    <span><i class="swatch missing"></i>missing</span>
  </div>
  <button type="button" id="refresh">Refresh</button>
</header>
<main>
  <section id="graph-pane">
    <svg id="graph" xmlns="http://www.w3.org/2000/svg" role="group" aria-label="Asset lineage, left to right by layer"></svg>
    <p id="graph-error" hidden></p>
  </section>
  <aside id="details" aria-live="polite">
    <p class="hint">Click an asset for its status, why it is stale, its upstream and downstream, and its materialization history.</p>
  </aside>
</main>
<script src="/lineage.js" defer></script>
</body>
</html>
`;
