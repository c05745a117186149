import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ProgressBoard } from '../../../runtime/cli/progress-board.ts';

function board(live: boolean) {
  let now = 0;
  let text = '';
  const progress = new ProgressBoard({ write: (chunk: string) => { text += chunk; } }, { live, now: () => now });
  return { progress, advance: (ms: number) => { now += ms; }, text: () => text };
}

describe('progress display', () => {
  it('without a terminal, logs a line every few seconds and at completion, with rate and ETA', () => {
    const { progress, advance, text } = board(false);
    progress.update('raw/tmdb_movies', { done: 0, total: 500, unit: 'pages' });
    advance(1_000);
    progress.update('raw/tmdb_movies', { done: 40, total: 500, unit: 'pages' });
    advance(3_000);
    progress.update('raw/tmdb_movies', { done: 160, total: 500, unit: 'pages', detail: 'popular' });
    advance(2_000);
    progress.update('raw/tmdb_movies', { done: 500, total: 500, unit: 'pages' });
    assert.deepEqual(text().trimEnd().split('\n'), [
      '  · raw/tmdb_movies 0/500 pages (0%)',
      '  · raw/tmdb_movies 160/500 pages (32%) · 40/s · ETA 8.50 s · popular',
      '  · raw/tmdb_movies 500/500 pages (100%) · 83/s',
    ]);
  });

  it('on a terminal, keeps one status line with a bar below the normal lines', () => {
    const { progress, advance, text } = board(true);
    progress.update('raw/discogs_releases', { done: 5, total: 10, unit: 'requests' });
    advance(500);
    progress.print('  ✓ raw/tmdb_movies 10,000 rows\n');
    assert.match(text(), /\r\u001b\[Kraw\/discogs_releases \[##########----------\] 5\/10 requests \(50%\)/);
    assert.match(text(), /\r\u001b\[K  ✓ raw\/tmdb_movies 10,000 rows\n\r\u001b\[Kraw\/discogs_releases \[#/);
    progress.end('raw/discogs_releases');
    assert.ok(text().endsWith('\r\u001b[K'), 'the status line is cleared when nothing is in progress');
  });
});
