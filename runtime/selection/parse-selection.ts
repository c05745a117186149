/**
 * Selection strings → selection AST, and back. The grammar follows dbt's and Dagster's (`key`, `+key`, `key+`,
 * `N+key`, `key+N`, `group:NAME`, `*`, unions with `,`). Knows nothing of the graph: `resolve-selection.ts`
 * turns the AST into asset keys.
 */
import { GROUP_NAME_CHAR, type AssetKey } from '../asset/asset-key.ts';
import { SelectionError } from '../errors.ts';

/** What a traversal starts from: every asset, one asset key, or one group. */
export type SelectionOperand =
  | { readonly kind: 'all' }
  | { readonly kind: 'key'; readonly key: AssetKey }
  | { readonly kind: 'group'; readonly name: string };

/**
 * A parsed selection. `upstream`/`downstream` include their operand; without `depth` they go all the way.
 * `+key+` is the union of `+key` and `key+` (as in Dagster), never a traversal of a traversal.
 */
export type SelectionNode =
  | SelectionOperand
  | { readonly kind: 'upstream'; readonly of: SelectionOperand; readonly depth?: number }
  | { readonly kind: 'downstream'; readonly of: SelectionOperand; readonly depth?: number }
  | { readonly kind: 'union'; readonly members: readonly SelectionNode[] };

const GRAMMAR =
  'Selections: KEY, +KEY (and all upstream), KEY+ (and all downstream), N+KEY / KEY+N (N levels), ' +
  '+KEY+, group:NAME, * (everything); join several with "," (e.g. "+gold/matches,group:intermediate").';

const KEY_START = /[A-Za-z_]/;
const KEY_CHAR = /[A-Za-z0-9_/]/;
const DIGIT = /[0-9]/;
const SPACE = /[ \t]/;

/**
 * Parses a selection string. Throws `SelectionError` (`SELECTION_SYNTAX`) naming the column that broke.
 *
 * @example
 * parseSelection('2+gold/matches, group:raw');
 * // { kind: 'union', members: [
 * //   { kind: 'upstream', of: { kind: 'key', key: 'gold/matches' }, depth: 2 },
 * //   { kind: 'group', name: 'raw' } ] }
 */
export function parseSelection(text: string): SelectionNode {
  return new SelectionParser(text).parse();
}

/**
 * Formats a selection back into the grammar; `parseSelection(formatSelection(node))` equals `node` for any
 * node the parser produced.
 *
 * @example
 * formatSelection({ kind: 'downstream', of: { kind: 'group', name: 'intermediate' }, depth: 1 }); // 'group:intermediate+1'
 */
export function formatSelection(node: SelectionNode): string {
  switch (node.kind) {
    case 'all':
      return '*';
    case 'key':
      return node.key;
    case 'group':
      return `group:${node.name}`;
    case 'upstream':
      return `${node.depth ?? ''}+${formatSelection(node.of)}`;
    case 'downstream':
      return `${formatSelection(node.of)}+${node.depth ?? ''}`;
    case 'union': {
      const [up, down, ...rest] = node.members;
      if (rest.length === 0 && up?.kind === 'upstream' && down?.kind === 'downstream' && sameOperand(up.of, down.of)) {
        return `${formatSelection(up)}+${down.depth ?? ''}`;
      }
      return node.members.map(formatSelection).join(',');
    }
  }
}

function sameOperand(a: SelectionOperand, b: SelectionOperand): boolean {
  return formatSelection(a) === formatSelection(b);
}

class SelectionParser {
  readonly #text: string;
  #pos = 0;

  constructor(text: string) {
    this.#text = text;
  }

  parse(): SelectionNode {
    this.#skipSpaces();
    if (this.#atEnd()) this.#fail('the selection is empty');
    const members: SelectionNode[] = [];
    do {
      this.#skipSpaces();
      members.push(this.#item());
      this.#skipSpaces();
    } while (this.#eat(','));
    if (!this.#atEnd()) this.#fail(`expected "," or end of input but found ${this.#found()}`);
    return members.length === 1 ? members[0]! : { kind: 'union', members };
  }

  /** `[N]+operand`, `operand+[N]`, both, or a bare operand. */
  #item(): SelectionNode {
    let up: { depth?: number } | undefined;
    if (this.#sees(DIGIT)) {
      const depth = this.#depth();
      if (!this.#eat('+')) this.#fail(`expected "+" after the depth ${depth} but found ${this.#found()}`);
      up = { depth };
    } else if (this.#eat('+')) {
      up = {};
    }
    const of = this.#operand();
    let down: { depth?: number } | undefined;
    if (this.#eat('+')) down = this.#sees(DIGIT) ? { depth: this.#depth() } : {};
    if (!this.#atEnd() && !this.#sees(SPACE) && this.#peek() !== ',') {
      const expected = down !== undefined && down.depth === undefined ? 'a depth, "," or end of input after "+"' : '"," or end of input';
      this.#fail(`expected ${expected} but found ${this.#found()}`);
    }
    const upstream = up && ({ kind: 'upstream', of, ...up } as const);
    const downstream = down && ({ kind: 'downstream', of, ...down } as const);
    if (upstream && downstream) return { kind: 'union', members: [upstream, downstream] };
    return upstream ?? downstream ?? of;
  }

  #operand(): SelectionOperand {
    const start = this.#pos;
    if (this.#eat('*')) return { kind: 'all' };
    if (!this.#sees(KEY_START)) this.#fail(`expected an asset key, "group:NAME" or "*" but found ${this.#found()}`);
    const word = this.#read(KEY_CHAR);
    if (this.#peek() !== ':') return { kind: 'key', key: word };
    if (word !== 'group') this.#fail(`unknown selector "${word}:" (only "group:" is supported)`, start);
    this.#pos++;
    const name = this.#read(GROUP_NAME_CHAR);
    if (name === '') this.#fail(`expected a group name after "group:" but found ${this.#found()}`);
    return { kind: 'group', name };
  }

  #depth(): number {
    const start = this.#pos;
    const depth = Number(this.#read(DIGIT));
    if (depth < 1) this.#fail('a depth must be at least 1', start);
    if (!Number.isSafeInteger(depth)) this.#fail('the depth is too large', start);
    return depth;
  }

  #read(allowed: RegExp): string {
    const start = this.#pos;
    while (this.#sees(allowed)) this.#pos++;
    return this.#text.slice(start, this.#pos);
  }

  #skipSpaces(): void {
    this.#read(SPACE);
  }

  #eat(char: string): boolean {
    if (this.#peek() !== char) return false;
    this.#pos++;
    return true;
  }

  #sees(pattern: RegExp): boolean {
    return !this.#atEnd() && pattern.test(this.#peek()!);
  }

  #peek(): string | undefined {
    return this.#text[this.#pos];
  }

  #atEnd(): boolean {
    return this.#pos >= this.#text.length;
  }

  #found(): string {
    if (this.#atEnd()) return 'end of input';
    return this.#sees(SPACE) ? 'a space' : JSON.stringify(this.#peek());
  }

  #fail(reason: string, at = this.#pos): never {
    // One character per column in the echo, so the caret stays under the culprit even for tabs or newlines.
    const echo = this.#text.replace(/[\t\n\r]/g, ' ');
    throw new SelectionError(
      'SELECTION_SYNTAX',
      `Invalid selection ${JSON.stringify(this.#text)} at column ${at + 1}: ${reason}.\n` +
        `  ${echo}\n  ${' '.repeat(at)}^\n${GRAMMAR}`,
    );
  }
}
