/** Small text formatting for terminal output: aligned tables, durations, counts and optional colour. */
import { styleText } from 'node:util';
import type { OutputStream } from './command.ts';

export type Style = 'green' | 'yellow' | 'red' | 'gray' | 'bold' | 'cyan';

/** Colour only on a terminal, and never when NO_COLOR is set (no-color.org). */
export function painter(stream: OutputStream, env: Readonly<Record<string, string | undefined>>): (style: Style, text: string) => string {
  const enabled = stream.isTTY === true && env.NO_COLOR === undefined && env.TERM !== 'dumb';
  return (style, text) => (enabled ? styleText(style, text) : text);
}

/** Left-aligned columns; numeric-looking cells are right-aligned. */
export function formatTable(header: readonly string[], rows: readonly (readonly string[])[]): string {
  const widths = header.map((title, index) => Math.max(title.length, ...rows.map((row) => visibleLength(row[index] ?? ''))));
  const numeric = header.map((_, index) => rows.length > 0 && rows.every((row) => /^-?[\d.,]+( [a-z]+)?$|^$/.test(row[index] ?? '')));
  const line = (cells: readonly string[]) =>
    cells
      .map((cell, index) => {
        const pad = ' '.repeat(Math.max(0, widths[index]! - visibleLength(cell)));
        return numeric[index] ? pad + cell : cell + pad;
      })
      .join('  ')
      .trimEnd();
  return [line(header), ...rows.map(line)].join('\n') + '\n';
}

export function formatDuration(ms: number): string {
  if (ms < 1000) return `${Math.round(ms)} ms`;
  if (ms < 60_000) return `${(ms / 1000).toFixed(2)} s`;
  const minutes = Math.floor(ms / 60_000);
  return `${minutes} min ${Math.round((ms % 60_000) / 1000)} s`;
}

export function formatCount(value: number): string {
  return value.toLocaleString('en-US');
}

export function plural(count: number, noun: string): string {
  return `${formatCount(count)} ${noun}${count === 1 ? '' : 's'}`;
}

export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

function visibleLength(text: string): number {
  // ANSI colour codes take no columns.
  return text.replace(/\u001b\[[0-9;]*m/g, '').length;
}
