// Offline checks of the KQL files in infra/queries/ (no Kusto parser or workspace here): a small tokenizer,
// then what the workbook relies on. Each file opens with a header (title, `Shows:`, `Tables:`, `Attributes:`);
// it reads only known workspace tables, and exactly the tables its header names; every span attribute is
// read as `<conversion>(Properties["key"])` with a key from span-attributes.ts and the conversion its declared
// type needs, and exactly the attributes its header names; every `medallion.*` span name it matches is a
// documented one. What the tokenizer cannot see (columns, types of expressions, the operators' semantics) is
// left to running the queries in a workspace.
import type { SpanAttributeSpec, SpanAttributeType } from '../../runtime/internal.ts';

/** The workspace tables the queries may read, and what fills each. */
export const KNOWN_TABLES: Readonly<Record<string, string>> = {
  AppRequests: 'Application Insights (workspace-based): SERVER spans',
  AppDependencies: 'Application Insights (workspace-based): INTERNAL and CLIENT spans',
  AppExceptions: 'Application Insights (workspace-based): exceptions recorded on spans',
  AzureMetrics: 'platform metrics sent by a diagnostic setting',
  StorageBlobLogs: 'blob request logs sent by a diagnostic setting',
  Usage: 'the workspace\'s own ingestion records',
};

/** How a query turns a `Properties` value (always a string in the workspace) back into its declared type. */
export const CONVERSIONS: Readonly<Record<SpanAttributeType, readonly string[]>> = {
  string: ['tostring'],
  int: ['toint', 'tolong'],
  double: ['toreal', 'todouble'],
  boolean: ['tobool'],
  'string[]': ['todynamic', 'parse_json'],
};

interface Token {
  readonly kind: 'ident' | 'string' | 'number' | 'punct';
  readonly text: string;
  /** 1-based line. */
  readonly line: number;
}

/** Tokens of a KQL text, comments dropped; a string token's text is its value. */
export function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  let line = 1;
  for (let i = 0; i < text.length;) {
    const char = text[i]!;
    if (char === '\n') {
      line += 1;
      i += 1;
    } else if (/\s/.test(char)) {
      i += 1;
    } else if (text.startsWith('//', i)) {
      while (i < text.length && text[i] !== '\n') i += 1;
    } else if (char === '"' || char === '\'' || ((char === '@' || char === 'h' || char === 'H') && (text[i + 1] === '"' || text[i + 1] === '\''))) {
      const verbatim = char === '@';
      const quote = char === '"' || char === '\'' ? char : text[i + 1]!;
      let j = i + (char === quote ? 1 : 2);
      let value = '';
      while (j < text.length && text[j] !== quote) {
        if (!verbatim && text[j] === '\\' && j + 1 < text.length) {
          value += text[j + 1];
          j += 2;
        } else {
          value += text[j];
          j += 1;
        }
      }
      tokens.push({ kind: 'string', text: value, line });
      i = j + 1;
    } else if (/[A-Za-z_]/.test(char)) {
      let j = i + 1;
      while (j < text.length && /[A-Za-z0-9_]/.test(text[j]!)) j += 1;
      tokens.push({ kind: 'ident', text: text.slice(i, j), line });
      i = j;
    } else if (/[0-9]/.test(char)) {
      let j = i + 1;
      while (j < text.length && /[0-9.a-z]/.test(text[j]!)) j += 1;
      tokens.push({ kind: 'number', text: text.slice(i, j), line });
      i = j;
    } else {
      tokens.push({ kind: 'punct', text: char, line });
      i += 1;
    }
  }
  return tokens;
}

export interface KqlHeader {
  readonly title: string;
  readonly shows: string;
  readonly tables: readonly string[];
  readonly attributes: readonly string[];
}

/** The leading `//` lines: `// <title>`, `// Shows: …` (continued by indented lines), `// Tables: …`, `// Attributes: …|none`. */
export function parseHeader(text: string): KqlHeader | undefined {
  const lines: string[] = [];
  for (const line of text.split('\n')) {
    if (!line.startsWith('//')) break;
    lines.push(line.replace(/^\/\/ ?/, ''));
  }
  const field = (name: string): string | undefined => {
    const index = lines.findIndex((line) => line.startsWith(`${name}:`));
    if (index < 0) return undefined;
    const parts = [lines[index]!.slice(name.length + 1).trim()];
    for (const next of lines.slice(index + 1)) {
      if (!/^\s/.test(next)) break;
      parts.push(next.trim());
    }
    return parts.join(' ');
  };
  const list = (value: string | undefined) => (value === undefined || value === 'none' ? [] : value.split(',').map((item) => item.trim()).filter((item) => item !== ''));
  const [title] = lines;
  const shows = field('Shows');
  const tables = field('Tables');
  const attributes = field('Attributes');
  if (title === undefined || /^[A-Z][a-z]+:/.test(title) || shows === undefined || tables === undefined || attributes === undefined) return undefined;
  return { title, shows, tables: list(tables), attributes: list(attributes) };
}

export interface PropertyUse {
  readonly key: string;
  /** The function the value is passed to directly, e.g. `tostring`. */
  readonly conversion: string | undefined;
  readonly line: number;
}

/** Every `Properties["key"]`, with the call around it; and problems for any other use of `Properties`. */
export function propertyUses(tokens: readonly Token[]): { uses: PropertyUse[]; problems: string[] } {
  const uses: PropertyUse[] = [];
  const problems: string[] = [];
  tokens.forEach((token, index) => {
    if (token.kind !== 'ident') return;
    if (token.text === 'customDimensions') problems.push(`line ${token.line}: customDimensions is the Application Insights name; the workspace's is Properties`);
    if (token.text !== 'Properties') return;
    const [open, key, close] = [tokens[index + 1], tokens[index + 2], tokens[index + 3]];
    if (open?.text !== '[' || key?.kind !== 'string' || close?.text !== ']') {
      problems.push(`line ${token.line}: read attributes as Properties["<key>"]`);
      return;
    }
    const before = tokens[index - 1];
    const fn = tokens[index - 2];
    uses.push({ key: key.text, conversion: before?.text === '(' && fn?.kind === 'ident' ? fn.text : undefined, line: token.line });
  });
  return { uses, problems };
}

/** Operators that may start a tabular expression without naming a table (union's tables are read after it). */
const STARTING_OPERATORS = new Set(['union', 'datatable', 'print', 'range', 'search', 'find', 'evaluate', 'externaldata']);

/** The tables a query reads from: names in source position (a statement's or `let`'s start, after `join`, `lookup`, `union`). */
export function sourceTables(tokens: readonly Token[]): { tables: string[]; lets: string[] } {
  const lets: string[] = [];
  const sources: string[] = [];
  const statements: Token[][] = [[]];
  for (const token of tokens) {
    if (token.text === ';') statements.push([]);
    else statements.at(-1)!.push(token);
  }
  const sourceAt = (statement: readonly Token[], index: number) => {
    const token = statement[index];
    if (token?.kind === 'ident' && statement[index + 1]?.text !== '(' && !STARTING_OPERATORS.has(token.text)) sources.push(token.text);
  };
  for (const statement of statements) {
    if (statement.length === 0) continue;
    if (statement[0]!.text === 'let' && statement[2]?.text === '=') {
      lets.push(statement[1]!.text);
      sourceAt(statement, 3);
    } else {
      sourceAt(statement, 0);
    }
    statement.forEach((token, index) => {
      if (token.kind !== 'ident' || !['join', 'lookup', 'union'].includes(token.text)) return;
      let next = index + 1;
      // Options such as kind=inner, withsource=T, hint.strategy=shuffle.
      while (statement[next]?.kind === 'ident' && (statement[next + 1]?.text === '=' || statement[next + 1]?.text === '.')) {
        next += statement[next + 1]?.text === '.' ? 2 : 3;
      }
      for (;;) {
        if (statement[next]?.text === '(') next += 1;
        sourceAt(statement, next);
        if (token.text !== 'union') break;
        // union A, B, (C | …): the next source follows a comma at this depth.
        let depth = 0;
        while (next < statement.length && !(depth === 0 && statement[next]!.text === ',')) {
          if (statement[next]!.text === '(') depth += 1;
          if (statement[next]!.text === ')') depth -= 1;
          if (depth < 0 || statement[next]!.text === '|') break;
          next += 1;
        }
        if (statement[next]?.text !== ',') break;
        next += 1;
      }
    });
  }
  return { tables: [...new Set(sources.filter((source) => !lets.includes(source)))], lets };
}

/**
 * Problems of one query against the documented attributes and span names (`spanNames`: `medallion.run`,
 * `medallion.materialize`, …), as `file:line: message`.
 */
export function queryProblems(file: string, text: string, attributes: Readonly<Record<string, SpanAttributeSpec>>, spanNames: readonly string[]): string[] {
  const problems: string[] = [];
  const header = parseHeader(text);
  if (header === undefined) problems.push(`${file}:1: no header (// <title>, // Shows: …, // Tables: …, // Attributes: …|none)`);
  const tokens = tokenize(text);
  const { uses, problems: propertyProblems } = propertyUses(tokens);
  problems.push(...propertyProblems.map((problem) => `${file}:${problem.replace(/^line /, '')}`));
  for (const use of uses) {
    const spec = attributes[use.key];
    if (spec === undefined) {
      problems.push(`${file}:${use.line}: "${use.key}" is not a documented span attribute (runtime/telemetry/span-attributes.ts)`);
      continue;
    }
    const allowed = CONVERSIONS[spec.type];
    if (use.conversion === undefined || !allowed.includes(use.conversion)) {
      problems.push(`${file}:${use.line}: "${use.key}" is ${spec.type}: read it as ${allowed.map((fn) => `${fn}(Properties["${use.key}"])`).join(' or ')}`);
    }
  }
  const keys = new Set(uses.map((use) => use.key));
  for (const token of tokens) {
    if (token.kind !== 'string' || !token.text.startsWith('medallion.') || keys.has(token.text)) continue;
    const documented = spanNames.some((name) => token.text === name || token.text === `${name} ` || token.text === `${name}.`);
    if (!documented) problems.push(`${file}:${token.line}: "${token.text}" is not a documented span name (or "<name> " / "<name>." prefix)`);
  }
  const { tables } = sourceTables(tokens);
  for (const table of tables) {
    if (!(table in KNOWN_TABLES)) problems.push(`${file}: reads "${table}", not one of the workspace tables ${Object.keys(KNOWN_TABLES).join(', ')}`);
  }
  if (header !== undefined) {
    const sorted = (values: Iterable<string>) => [...new Set(values)].sort().join(', ');
    if (sorted(header.tables) !== sorted(tables)) problems.push(`${file}:1: header Tables: [${sorted(header.tables)}], the query reads [${sorted(tables)}]`);
    if (sorted(header.attributes) !== sorted(keys)) problems.push(`${file}:1: header Attributes: [${sorted(header.attributes)}], the query reads [${sorted(keys)}]`);
  }
  return problems;
}
