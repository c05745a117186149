// Offline checks of the Bicep under infra/, on the tree-sitter-bicep grammar (web-tree-sitter, wasm; no
// network, no Bicep CLI). What they catch: syntax errors (file:line:col), module paths that do not exist,
// module calls passing a parameter the module does not declare or leaving out a required one,
// `<module>.outputs.<name>` the module does not output, identifiers that are declared nowhere, parameters
// declared but never used, and parameter files setting parameters main.bicep does not declare (or values
// outside @allowed / @minValue / @maxValue). Types, resource schemas and API versions are left to the real
// compiler (`az bicep build` / `bicep lint` in CI).
import { existsSync, readFileSync } from 'node:fs';
import { dirname, relative, resolve } from 'node:path';
import Parser from 'web-tree-sitter';

export type SyntaxNode = Parser.SyntaxNode;

let parser: Parser | undefined;

/** The Bicep parser; `wasmPath` is tree-sitter-bicep's `tree-sitter-bicep.wasm`. */
export async function loadBicepParser(wasmPath: string): Promise<Parser> {
  if (parser !== undefined) return parser;
  await Parser.init();
  const language = await Parser.Language.load(wasmPath);
  const created = new Parser();
  created.setLanguage(language);
  parser = created;
  return created;
}

export interface ParamDecl {
  readonly name: string;
  readonly node: SyntaxNode;
  /** Has a default value, or a nullable type (`string?`): callers may leave it out. */
  readonly optional: boolean;
  readonly type: string;
  readonly decorators: ReadonlyMap<string, SyntaxNode>;
  /** The line above `param` is `#disable-next-line no-unused-params`: unused on purpose. */
  readonly unusedOnPurpose: boolean;
}

export interface ModuleCall {
  readonly symbol: string;
  readonly path: string;
  readonly pathNode: SyntaxNode;
  /** Keys of `params: { … }` with their nodes; undefined when the call has no params object. */
  readonly params: ReadonlyMap<string, SyntaxNode> | undefined;
  /** The same keys, each with its key node (for positions). */
  readonly paramKeys: ReadonlyMap<string, SyntaxNode>;
  readonly body: SyntaxNode | undefined;
}

export interface Reference {
  readonly name: string;
  readonly node: SyntaxNode;
}

export interface BicepFile {
  /** Path as reported (relative to the project root). */
  readonly file: string;
  readonly absolutePath: string;
  readonly kind: 'bicep' | 'bicepparam';
  readonly text: string;
  readonly root: SyntaxNode;
  readonly params: ReadonlyMap<string, ParamDecl>;
  /** In a .bicepparam file: the `param name = value` assignments. */
  readonly assignments: ReadonlyMap<string, SyntaxNode>;
  readonly using: { readonly path: string; readonly node: SyntaxNode } | undefined;
  readonly outputs: ReadonlySet<string>;
  /** Every name a reference may resolve to: params, vars, resources (nested too), modules, types, functions, imports. */
  readonly symbols: ReadonlySet<string>;
  readonly moduleCalls: readonly ModuleCall[];
  readonly references: readonly Reference[];
}

const DECLARATIONS = new Set([
  'parameter_declaration', 'variable_declaration', 'resource_declaration', 'module_declaration', 'output_declaration',
  'type_declaration', 'user_defined_function', 'metadata_declaration',
]);
/** Namespaces a call or reference may start with. */
const NAMESPACES = new Set(['az', 'sys']);

export function at(file: string, node: SyntaxNode): string {
  return `${file}:${node.startPosition.row + 1}:${node.startPosition.column + 1}`;
}

/**
 * A .bicepparam file (`using '…'` then `param name = value` lines) is not in the grammar, but each
 * `param name = value` is a `var` declaration with another keyword: swap the keyword for `var  ` (same
 * length, so every line and column stays where it was) and parse it as Bicep.
 */
export function maskParamFile(text: string): string {
  return text.replace(/^([ \t]*)param(?=[ \t])/gm, '$1var  ');
}

export function parseBicep(bicep: Parser, absolutePath: string, file: string, text = readFileSync(absolutePath, 'utf8')): BicepFile {
  const kind = absolutePath.endsWith('.bicepparam') ? 'bicepparam' : 'bicep';
  const tree = bicep.parse(kind === 'bicepparam' ? maskParamFile(text) : text);
  const root = tree.rootNode;
  const lines = text.split('\n');

  const params = new Map<string, ParamDecl>();
  const assignments = new Map<string, SyntaxNode>();
  const outputs = new Set<string>();
  const symbols = new Set<string>();
  const moduleCalls: ModuleCall[] = [];
  let using: BicepFile['using'];

  const top = root.namedChildren;
  top.forEach((node, index) => {
    const name = nameOf(node);
    switch (node.type) {
      case 'using_statement': {
        const path = node.namedChildren.find((child) => child.type === 'string');
        if (path !== undefined) using = { path: stringValue(path), node: path };
        break;
      }
      case 'parameter_declaration': {
        if (name === undefined) break;
        symbols.add(name);
        const type = node.namedChildren[1];
        const decorators = decoratorsBefore(top, index);
        const row = node.startPosition.row;
        params.set(name, {
          name,
          node,
          optional: node.namedChildren.length > 2 || type?.namedChildren[0]?.type === 'nullable_type',
          type: type?.text ?? '',
          decorators,
          unusedOnPurpose: row > 0 && /^\s*#disable-next-line\b.*\bno-unused-params\b/.test(lines[row - 1] ?? ''),
        });
        break;
      }
      case 'variable_declaration':
        if (name === undefined) break;
        symbols.add(name);
        if (kind === 'bicepparam') {
          const value = node.namedChildren[1];
          if (value !== undefined) assignments.set(name, value);
        }
        break;
      case 'output_declaration':
        if (name !== undefined) outputs.add(name);
        break;
      case 'module_declaration': {
        if (name === undefined) break;
        symbols.add(name);
        const pathNode = node.namedChildren.find((child) => child.type === 'string');
        if (pathNode === undefined) break;
        const body = bodyObject(node);
        const paramsNode = body === undefined ? undefined : propertyValue(body, 'params');
        moduleCalls.push({
          symbol: name,
          path: stringValue(pathNode),
          pathNode,
          params: paramsNode?.type === 'object' ? propertyMap(paramsNode) : undefined,
          paramKeys: paramsNode?.type === 'object' ? propertyMap(paramsNode, 'key') : new Map(),
          body,
        });
        break;
      }
      case 'import_statement':
      case 'import_with_statement':
      case 'import_functionality':
        for (const identifier of descendants(node, 'identifier')) symbols.add(identifier.text);
        break;
      default:
        if (DECLARATIONS.has(node.type) && name !== undefined) symbols.add(name);
    }
  });
  // Nested resources (`resource child '…' = {…}` inside a parent's body) are symbols too.
  for (const resource of descendants(root, 'resource_declaration')) {
    const name = nameOf(resource);
    if (name !== undefined) symbols.add(name);
  }

  const references: Reference[] = [];
  collectReferences(root, [], references);
  return { file, absolutePath, kind, text, root, params, assignments, using, outputs, symbols, moduleCalls, references };
}

/** Syntax errors and missing tokens, as `file:line:col: message`. */
export function syntaxProblems(source: BicepFile): string[] {
  const problems: string[] = [];
  const visit = (node: SyntaxNode): void => {
    if (node.isMissing) {
      problems.push(`${at(source.file, node)}: missing ${node.type}`);
      return;
    }
    if (node.type === 'ERROR') {
      const snippet = node.text.split('\n')[0]!.slice(0, 40);
      problems.push(`${at(source.file, node)}: syntax error at "${snippet}"`);
      return;
    }
    if (!node.hasError) return;
    for (const child of node.children) visit(child);
  };
  visit(source.root);
  if (source.kind === 'bicepparam' && source.using === undefined) problems.push(`${source.file}:1:1: a parameter file needs \`using '<template>'\``);
  return problems;
}

/** Identifiers that resolve to nothing declared in the file (nor a loop or lambda variable in scope). */
export function undeclaredReferences(source: BicepFile): string[] {
  return source.references
    .filter((reference) => !source.symbols.has(reference.name) && !NAMESPACES.has(reference.name))
    .map((reference) => `${at(source.file, reference.node)}: "${reference.name}" is not declared`);
}

/** Parameters never referenced in their file, unless `#disable-next-line no-unused-params` says it is on purpose. */
export function unusedParams(source: BicepFile): string[] {
  if (source.kind !== 'bicep') return [];
  const used = new Set(source.references.map((reference) => reference.name));
  return [...source.params.values()]
    .filter((param) => !used.has(param.name) && !param.unusedOnPurpose)
    .map((param) => `${at(source.file, param.node)}: param "${param.name}" is never used (use it, remove it, or mark it #disable-next-line no-unused-params)`);
}

/**
 * Module calls against the modules they call: the path exists; each `params:` key is a `param` of the
 * module; every required module param is passed; each `<symbol>.outputs.<name>` is an output of the module.
 */
export function moduleProblems(source: BicepFile, load: (absolutePath: string) => BicepFile): string[] {
  const problems: string[] = [];
  const targets = new Map<string, BicepFile>();
  for (const call of source.moduleCalls) {
    if (/^(br|ts)[:/]/.test(call.path)) continue; // registry and template-spec modules: only the compiler resolves them
    const target = resolve(dirname(source.absolutePath), call.path);
    if (!existsSync(target)) {
      problems.push(`${at(source.file, call.pathNode)}: module ${call.symbol}: '${call.path}' does not exist`);
      continue;
    }
    const module = load(target);
    targets.set(call.symbol, module);
    const passed = call.params ?? new Map<string, SyntaxNode>();
    for (const [key, node] of call.paramKeys) {
      if (!module.params.has(key)) problems.push(`${at(source.file, node)}: module ${call.symbol}: ${module.file} declares no param "${key}"`);
    }
    for (const param of module.params.values()) {
      if (!param.optional && !passed.has(param.name)) {
        problems.push(`${at(source.file, call.pathNode)}: module ${call.symbol}: required param "${param.name}" of ${module.file} is not passed`);
      }
    }
  }
  for (const member of descendants(source.root, 'member_expression')) {
    const object = member.childForFieldName('object');
    const property = member.childForFieldName('property');
    if (object?.type !== 'member_expression' || property === null) continue;
    const symbol = object.childForFieldName('object');
    if (object.childForFieldName('property')?.text !== 'outputs' || symbol?.type !== 'identifier') continue;
    const module = targets.get(symbol.text);
    if (module !== undefined && !module.outputs.has(property.text)) {
      problems.push(`${at(source.file, property)}: ${symbol.text}.outputs.${property.text}: ${module.file} has no such output`);
    }
  }
  return problems;
}

/**
 * A parameter file against its template: `using` names an existing file; each assignment is a param of
 * the template; each required template param is assigned; literal values respect @allowed, @minValue
 * and @maxValue.
 */
export function parameterFileProblems(source: BicepFile, load: (absolutePath: string) => BicepFile): string[] {
  if (source.using === undefined) return [];
  const target = resolve(dirname(source.absolutePath), source.using.path);
  if (!existsSync(target)) return [`${at(source.file, source.using.node)}: '${source.using.path}' does not exist`];
  const template = load(target);
  const problems: string[] = [];
  for (const [name, value] of source.assignments) {
    const param = template.params.get(name);
    if (param === undefined) {
      problems.push(`${at(source.file, value)}: ${template.file} declares no param "${name}"`);
      continue;
    }
    problems.push(...literalProblems(source.file, name, value, param));
  }
  for (const param of template.params.values()) {
    if (!param.optional && !source.assignments.has(param.name)) problems.push(`${source.file}:1:1: required param "${param.name}" of ${template.file} is not set`);
  }
  return problems;
}

function literalProblems(file: string, name: string, value: SyntaxNode, param: ParamDecl): string[] {
  const problems: string[] = [];
  const allowed = param.decorators.get('allowed');
  const literal = literalOf(value);
  if (literal === undefined) return problems;
  if (allowed !== undefined) {
    const options = (argumentsOf(allowed)[0]?.namedChildren ?? []).map((option) => literalOf(option));
    if (!options.some((option) => option === literal)) problems.push(`${at(file, value)}: ${name} = ${JSON.stringify(literal)} is not one of @allowed ${JSON.stringify(options)}`);
  }
  const bounds: Array<[string, (limit: number, n: number) => boolean]> = [['minValue', (limit, n) => n >= limit], ['maxValue', (limit, n) => n <= limit]];
  for (const [decorator, ok] of bounds) {
    const limit = param.decorators.get(decorator);
    const bound = limit === undefined ? undefined : literalOf(argumentsOf(limit)[0]);
    if (typeof bound === 'number' && typeof literal === 'number' && !ok(bound, literal)) problems.push(`${at(file, value)}: ${name} = ${literal} is outside @${decorator}(${bound})`);
  }
  const type = param.type.replace(/\?$/, '');
  const actual = typeof literal === 'number' ? 'int' : typeof literal;
  if (['string', 'int', 'bool'].includes(type) && actual !== (type === 'bool' ? 'boolean' : type)) problems.push(`${at(file, value)}: ${name} is ${type}, but the file sets ${JSON.stringify(literal)}`);
  return problems;
}

/** A string without interpolation, a number or a boolean; undefined for anything else. */
export function literalOf(node: SyntaxNode | undefined): string | number | boolean | undefined {
  if (node === undefined) return undefined;
  if (node.type === 'string') return node.namedChildren.some((child) => child.type === 'interpolation') ? undefined : stringValue(node);
  if (node.type === 'number') return Number(node.text);
  if (node.type === 'boolean') return node.text === 'true';
  if (node.type === 'unary_expression' && /^-\s*\d+$/.test(node.text)) return Number(node.text.replace(/\s+/g, ''));
  return undefined;
}

/** The text of a Bicep string literal: escapes resolved, interpolations kept as written. */
export function stringValue(node: SyntaxNode): string {
  const raw = node.text;
  if (raw.startsWith("'''")) return raw.slice(3, -3);
  return raw.slice(1, -1).replace(/\\(.)/g, (_, escaped: string) => ({ n: '\n', r: '\r', t: '\t' } as Record<string, string>)[escaped] ?? escaped);
}

/** The object of a resource or module declaration (through `if (…)` and `[for …: …]`). */
export function bodyObject(declaration: SyntaxNode): SyntaxNode | undefined {
  for (const child of declaration.namedChildren) {
    if (child.type === 'object') return child;
    if (child.type === 'if_statement') return child.namedChildren.find((inner) => inner.type === 'object');
    if (child.type === 'for_statement') {
      const body = child.childForFieldName('body');
      if (body?.type === 'object') return body;
      if (body?.type === 'if_statement') return body.namedChildren.find((inner) => inner.type === 'object');
    }
  }
  return undefined;
}

/** The value of `key:` directly in an object. */
export function propertyValue(object: SyntaxNode, key: string): SyntaxNode | undefined {
  return propertyMap(object).get(key);
}

/** `key: value` pairs directly in an object (keys as written, quotes removed), to the value or the key node. */
export function propertyMap(object: SyntaxNode, node: 'value' | 'key' = 'value'): Map<string, SyntaxNode> {
  const map = new Map<string, SyntaxNode>();
  for (const property of object.namedChildren) {
    if (property.type !== 'object_property' || property.namedChildren.length < 2) continue;
    const [key, value] = property.namedChildren;
    if (key === undefined || value === undefined) continue;
    map.set(key.type === 'string' ? stringValue(key) : key.text, node === 'key' ? key : value);
  }
  return map;
}

/** Follows `a.b.c` through nested objects. */
export function propertyPath(object: SyntaxNode | undefined, path: string): SyntaxNode | undefined {
  let current = object;
  for (const key of path.split('.')) {
    if (current?.type !== 'object') return undefined;
    current = propertyValue(current, key);
  }
  return current;
}

export function descendants(node: SyntaxNode, type: string): SyntaxNode[] {
  return node.descendantsOfType(type) as SyntaxNode[];
}

/** Resource declarations (nested ones too) with their type string, e.g. `Microsoft.Storage/storageAccounts@2023-05-01`. */
export function resourcesOf(source: BicepFile): Array<{ symbol: string; type: string; typeNode: SyntaxNode; existing: boolean; body: SyntaxNode | undefined; node: SyntaxNode }> {
  return descendants(source.root, 'resource_declaration').flatMap((node) => {
    const typeNode = node.namedChildren.find((child) => child.type === 'string');
    if (typeNode === undefined) return [];
    return [{
      symbol: nameOf(node) ?? '',
      type: stringValue(typeNode),
      typeNode,
      existing: node.children.some((child) => child.type === 'existing'),
      body: bodyObject(node),
      node,
    }];
  });
}

/** A top-level `var`'s value. */
export function variableValue(source: BicepFile, name: string): SyntaxNode | undefined {
  const declaration = source.root.namedChildren.find((node) => node.type === 'variable_declaration' && nameOf(node) === name);
  return declaration?.namedChildren[1];
}

export function argumentsOf(decoratorCall: SyntaxNode): SyntaxNode[] {
  return decoratorCall.childForFieldName('arguments')?.namedChildren ?? [];
}

export function relativeTo(rootDir: string, absolutePath: string): string {
  return relative(rootDir, absolutePath).split('\\').join('/');
}

function nameOf(declaration: SyntaxNode): string | undefined {
  const first = declaration.namedChildren[0];
  return first?.type === 'identifier' ? first.text : undefined;
}

function decoratorsBefore(siblings: SyntaxNode[], index: number): Map<string, SyntaxNode> {
  const found = new Map<string, SyntaxNode>();
  for (let i = index - 1; i >= 0; i--) {
    const node = siblings[i]!;
    if (node.type === 'comment' || node.type === 'diagnostic_comment') continue;
    if (node.type !== 'decorators') break;
    for (const decorator of node.namedChildren) {
      const call = decorator.namedChildren[0];
      if (call?.type !== 'call_expression') continue;
      const fn = call.childForFieldName('function');
      const name = fn?.type === 'member_expression' ? fn.childForFieldName('property')?.text : fn?.text;
      if (name !== undefined) found.set(name, call);
    }
    break;
  }
  return found;
}

/** Walks expressions, recording identifiers used as values; loop and lambda variables are scoped. */
function collectReferences(node: SyntaxNode, scopes: Array<Set<string>>, out: Reference[]): void {
  const walk = (child: SyntaxNode | null | undefined, scope = scopes) => {
    if (child) collectReferences(child, scope, out);
  };
  switch (node.type) {
    case 'identifier':
      if (!scopes.some((scope) => scope.has(node.text))) out.push({ name: node.text, node });
      return;
    case 'property_identifier':
    case 'type':
    case 'comment':
    case 'diagnostic_comment':
    case 'using_statement':
    case 'import_statement':
    case 'import_with_statement':
    case 'import_functionality':
      return;
    case 'parameter_declaration':
    case 'variable_declaration':
    case 'output_declaration':
    case 'resource_declaration':
    case 'module_declaration':
    case 'type_declaration':
    case 'metadata_declaration':
      // The first identifier is the declared name; the resource/module path string holds no references.
      node.namedChildren.slice(1).forEach((child) => walk(child));
      return;
    case 'object_property':
      if (node.namedChildren.length >= 2) {
        const [key, ...values] = node.namedChildren;
        if (key?.type === 'string') walk(key); // an interpolated key: '${identityId}': {}
        values.forEach((child) => walk(child));
      } else node.namedChildren.forEach((child) => walk(child));
      return;
    case 'call_expression': {
      const fn = node.childForFieldName('function');
      if (fn?.type !== 'identifier') walk(fn); // storage.listKeys(), az.resourceGroup(): the object is a reference
      walk(node.childForFieldName('arguments'));
      return;
    }
    case 'resource_expression':
      walk(node.childForFieldName('object')); // parent::child: `child` is resolved through the parent
      return;
    case 'for_statement': {
      const names = new Set<string>();
      let iterable: SyntaxNode | undefined;
      const body = node.childForFieldName('body');
      for (const child of node.namedChildren) {
        if (child.id === body?.id) continue;
        if (child.type === 'for_loop_parameters') child.namedChildren.forEach((variable) => names.add(variable.text));
        else if (child.type === 'identifier' && names.size === 0 && iterable === undefined) names.add(child.text);
        else if (iterable === undefined) iterable = child;
      }
      walk(iterable);
      walk(body, [...scopes, names]);
      return;
    }
    case 'lambda_expression': {
      const [parameters, ...rest] = node.namedChildren;
      const names = new Set<string>();
      if (parameters?.type === 'identifier') names.add(parameters.text);
      else parameters?.namedChildren.forEach((child) => names.add(child.text));
      rest.forEach((child) => walk(child, [...scopes, names]));
      return;
    }
    case 'user_defined_function': {
      const names = new Set(descendants(node.namedChildren.find((child) => child.type === 'parameters') ?? node, 'parameter').map((parameter) => parameter.namedChildren[0]?.text ?? ''));
      node.namedChildren.slice(1).forEach((child) => walk(child, [...scopes, names]));
      return;
    }
    default:
      node.namedChildren.forEach((child) => walk(child));
  }
}
