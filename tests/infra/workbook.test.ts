// The operators' workbook (infra/modules/workbook.bicep) and its queries (infra/queries/*.kql), offline: every
// query file is embedded and every embedded file exists; the queries read only documented span attributes
// (runtime/telemetry/span-attributes.ts, with the conversion their type needs), documented span names and
// known workspace tables, and the templates feed each table they read; the workbook is a shared workbook on
// the Log Analytics workspace, deployed by main.bicep. A renamed attribute or span breaks this test, not the
// dashboard. Whether the KQL runs is only known in a workspace (infra/README.md, "Checks").
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { SPAN_ATTRIBUTES } from '../../runtime/internal.ts';
import * as spans from '../../runtime/telemetry/span-attributes.ts';
import {
  descendants, literalOf, loadBicepParser, parseBicep, propertyMap, propertyPath, resourcesOf, stringValue, variableValue, type BicepFile, type SyntaxNode,
} from './bicep-check.ts';
import { KNOWN_TABLES, parseHeader, queryProblems, sourceTables, tokenize } from './kql-check.ts';
import { createKustoAnalyzer } from './kusto-analyzer.ts';
import { WORKSPACE_TABLES } from './workspace-tables.ts';

const root = fileURLToPath(new URL('../..', import.meta.url));
const infra = join(root, 'infra');
const queriesDir = join(infra, 'queries');
const bicep = await loadBicepParser(join(root, 'node_modules', 'tree-sitter-bicep', 'tree-sitter-bicep.wasm'));
const load = (name: string): BicepFile => parseBicep(bicep, join(infra, name), `infra/${name}`);

const SPAN_NAMES = [spans.SPAN_RUN, spans.SPAN_MATERIALIZE, spans.SPAN_STEP, spans.SPAN_STORAGE];
const queryFiles = readdirSync(queriesDir).filter((name) => name.endsWith('.kql')).sort();
const queries = new Map(queryFiles.map((name) => [name, readFileSync(join(queriesDir, name), 'utf8')]));
const workbook = load('modules/workbook.bicep');

function callsOf(file: BicepFile, name: string): SyntaxNode[] {
  return descendants(file.root, 'call_expression').filter((call) => call.childForFieldName('function')?.text === name);
}

function firstArgument(call: SyntaxNode): SyntaxNode | undefined {
  return call.childForFieldName('arguments')?.namedChildren[0];
}

function resourceOfType(file: BicepFile, type: string) {
  const found = resourcesOf(file).filter((resource) => resource.type.split('@')[0] === type && !resource.existing);
  assert.equal(found.length, 1, `${file.file} declares one ${type}`);
  return found[0]!;
}

const kusto = createKustoAnalyzer(WORKSPACE_TABLES);
const NUMERIC = ['int', 'long', 'real', 'decimal'];

/** Tables some query reads. */
const tablesRead = new Set([...queries.values()].flatMap((text) => sourceTables(tokenize(text)).tables));

describe('the operators\' workbook and its queries', () => {
  it('embeds every query file in infra/queries/ once, with loadTextContent, and each embedded file exists', () => {
    assert.ok(queryFiles.length >= 8, `queries: ${queryFiles.join(', ')}`);
    const loaded = callsOf(workbook, 'loadTextContent').map((call) => {
      const path = literalOf(firstArgument(call));
      assert.equal(typeof path, 'string', 'loadTextContent takes a literal path');
      return relative(queriesDir, resolve(dirname(workbook.absolutePath), path as string));
    });
    assert.deepEqual([...loaded].sort(), queryFiles, 'each file in infra/queries/ is loaded exactly once, and nothing else');
  });

  it('keeps the KQL in its files: no query in the template is written inline', () => {
    const inline = descendants(workbook.root, 'object')
      .map((object) => propertyMap(object).get('query'))
      .filter((value): value is SyntaxNode => value !== undefined && value.type === 'string');
    assert.deepEqual(inline.map((value) => value.text.slice(0, 40)), []);
  });

  it('each query reads only documented span attributes (converted to their declared type), documented span names and known tables, as its header says', () => {
    const problems = [...queries].flatMap(([name, text]) => queryProblems(`infra/queries/${name}`, text, SPAN_ATTRIBUTES, SPAN_NAMES));
    assert.deepEqual(problems, []);
  });

  it('each query parses and analyzes without an error in Kusto.Language, against the workspace tables\' schemas', () => {
    assert.deepEqual(Object.keys(WORKSPACE_TABLES).sort(), Object.keys(KNOWN_TABLES).sort(), 'a schema for every known table');
    const problems = [...queries].flatMap(([name, text]) => kusto.analyze(text).errors.map((error) => `infra/queries/${name}:${error}`));
    assert.deepEqual(problems, []);
  });

  it('each query returns what its chart draws: a time column and numbers for a time chart, a label and numbers for a bar chart', () => {
    const problems: string[] = [];
    for (const chart of variableValue(workbook, 'charts')?.namedChildren ?? []) {
      const name = String(literalOf(propertyPath(chart, 'name')));
      const visualization = literalOf(propertyPath(chart, 'visualization'));
      const columns = kusto.analyze(queries.get(`${name}.kql`) ?? '').columns;
      const has = (types: string[]) => columns.some((column) => types.includes(column.type));
      const shape = columns.map((column) => `${column.name}:${column.type}`).join(', ');
      if (columns.length === 0) problems.push(`${name}: no tabular result`);
      if (visualization === 'timechart' && !(has(['datetime']) && has(NUMERIC))) problems.push(`${name} is a timechart but returns (${shape})`);
      if (visualization === 'barchart' && !(has(['string']) && has(NUMERIC))) problems.push(`${name} is a barchart but returns (${shape})`);
    }
    assert.deepEqual(problems, []);
  });

  it('the queries together use the attributes the dashboard is about', () => {
    const used = new Set([...queries.values()].flatMap((text) => parseHeader(text)?.attributes ?? []));
    for (const key of [spans.ATTR_ASSET_KEY, spans.ATTR_ASSET_LAYER, spans.ATTR_RUN_ID, spans.ATTR_ROWS, spans.ATTR_SOURCE, spans.ATTR_RATE_LIMIT_WAITED_MS, spans.ATTR_RETRY_DELAY_MS, spans.ATTR_HTTP_REQUEST_RESEND_COUNT]) {
      assert.ok(used.has(key), `some query reads ${key}`);
    }
    for (const table of ['AppRequests', 'AppDependencies', 'AppExceptions', 'AzureMetrics', 'StorageBlobLogs', 'Usage']) assert.ok(tablesRead.has(table), `some query reads ${table}`);
  });

  it('is a shared workbook on the Log Analytics workspace, with a stable guid() name, tags, and the time range every chart uses', () => {
    const resource = resourceOfType(workbook, 'Microsoft.Insights/workbooks');
    assert.match(resource.type, /@\d{4}-\d{2}-\d{2}$/);
    assert.equal(literalOf(propertyPath(resource.body, 'kind')), 'shared');
    assert.equal(propertyPath(resource.body, 'name')?.childForFieldName('function')?.text, 'guid');
    assert.ok(propertyPath(resource.body, 'tags') !== undefined, 'tagged');
    assert.equal(literalOf(propertyPath(resource.body, 'properties.category')), 'workbook');
    assert.equal(propertyPath(resource.body, 'properties.sourceId')?.text, 'workspace.id');
    assert.equal(propertyPath(resource.body, 'properties.serializedData')?.text, 'string(content)');
    const workspace = resourcesOf(workbook).find((candidate) => candidate.existing && candidate.symbol === 'workspace');
    assert.match(workspace?.type ?? '', /^Microsoft\.OperationalInsights\/workspaces@/);
    assert.equal(literalOf(variableValue(workbook, 'workspaceResourceType')), 'microsoft.operationalinsights/workspaces');
    assert.equal(literalOf(propertyPath(variableValue(workbook, 'content'), 'version')), 'Notebook/1.0');

    // The chart items: one KqlItem per chart on the workspace, over the TimeRange parameter.
    const items = descendants(workbook.root, 'object').filter((object) => literalOf(propertyMap(object).get('version')) === 'KqlItem/1.0');
    assert.equal(items.length, 1, 'one KqlItem template, applied to every chart');
    const item = items[0]!;
    assert.equal(literalOf(propertyPath(item, 'timeContextFromParameter')), 'TimeRange');
    assert.equal(literalOf(propertyPath(item, 'queryType')), 0);
    assert.equal(propertyPath(item, 'resourceType')?.text, 'workspaceResourceType');
    assert.equal(propertyPath(item, 'crossComponentResources')?.namedChildren[0]?.text, 'workspace.id');
    const parameters = propertyPath(variableValue(workbook, 'timeRange'), 'content.parameters')?.namedChildren ?? [];
    assert.deepEqual(parameters.map((parameter) => [literalOf(propertyPath(parameter, 'name')), literalOf(propertyPath(parameter, 'type'))]), [['TimeRange', 4]]);

    // Each chart names its file, a title and a visualization workbooks know.
    const charts = variableValue(workbook, 'charts')?.namedChildren ?? [];
    assert.equal(charts.length, queryFiles.length);
    for (const chart of charts) {
      const name = literalOf(propertyPath(chart, 'name'));
      const query = propertyPath(chart, 'query');
      assert.equal(literalOf(query?.type === 'call_expression' ? firstArgument(query) : undefined), `../queries/${String(name)}.kql`, `chart ${String(name)} loads its namesake file`);
      assert.ok(typeof literalOf(propertyPath(chart, 'title')) === 'string');
      assert.ok(['table', 'timechart', 'barchart', 'linechart', 'areachart', 'piechart', 'tiles'].includes(String(literalOf(propertyPath(chart, 'visualization')))));
    }
  });

  it('main.bicep deploys it on the environment\'s workspace and outputs where to find it', () => {
    const main = load('main.bicep');
    const call = main.moduleCalls.find((candidate) => candidate.path === 'modules/workbook.bicep');
    assert.ok(call, 'main.bicep calls modules/workbook.bicep');
    assert.equal(call.params?.get('logAnalyticsWorkspaceName')?.text, 'names.logAnalytics');
    assert.ok((propertyPath(call.body, 'dependsOn')?.namedChildren ?? []).some((node) => node.text === 'monitoring'), 'after the workspace exists');
    assert.ok(main.outputs.has('workbookId'));
    assert.ok(main.outputs.has('workbookUrl'));
  });

  it('the templates feed every table the queries read', () => {
    const monitoring = load('modules/monitoring.bicep');
    const components = resourceOfType(monitoring, 'Microsoft.Insights/components');
    if ([...tablesRead].some((table) => table.startsWith('App'))) {
      // Workspace-based, so spans land in AppRequests / AppDependencies / AppExceptions of the workspace.
      assert.equal(propertyPath(components.body, 'properties.WorkspaceResourceId')?.text, 'workspace.id');
      assert.equal(literalOf(propertyPath(components.body, 'properties.IngestionMode')), 'LogAnalytics');
    }
    const storage = load('modules/storage.bicep');
    const setting = resourceOfType(storage, 'Microsoft.Insights/diagnosticSettings');
    assert.equal(propertyPath(setting.body, 'scope')?.text, 'blobService', 'on the blob service, whose metrics and logs are the blob API\'s');
    assert.equal(propertyPath(setting.body, 'properties.workspaceId')?.text, 'workspace.id');
    const metrics = (propertyPath(setting.body, 'properties.metrics')?.namedChildren ?? []).map((metric) => literalOf(propertyPath(metric, 'category')));
    if (tablesRead.has('AzureMetrics')) assert.ok(metrics.includes('Transaction'), 'Transaction metrics (Transactions, SuccessE2ELatency, SuccessServerLatency) reach AzureMetrics');
    if (tablesRead.has('StorageBlobLogs')) {
      const logs = descendants(setting.body!, 'for_statement')[0];
      assert.equal(logs?.namedChildren.find((child) => child.type === 'identifier' && child.text === 'requestLogCategories')?.text, 'requestLogCategories');
      const categories = (variableValue(storage, 'requestLogCategories')?.namedChildren ?? []).map((node) => stringValue(node)).sort();
      assert.deepEqual(categories, ['StorageDelete', 'StorageRead', 'StorageWrite'], 'every blob request reaches StorageBlobLogs');
    }
    const main = load('main.bicep');
    const call = main.moduleCalls.find((candidate) => candidate.path === 'modules/storage.bicep');
    assert.equal(call?.params?.get('logAnalyticsWorkspaceName')?.text, 'names.logAnalytics', 'the same workspace the workbook reads');
    for (const table of tablesRead) assert.ok(table in KNOWN_TABLES);
  });
});

describe('the KQL checker', () => {
  const check = (text: string) => queryProblems('q.kql', text, SPAN_ATTRIBUTES, SPAN_NAMES);

  it('accepts a query whose header matches what it reads', () => {
    assert.deepEqual(check([
      '// Title',
      '// Shows: something,',
      '//   over two lines.',
      '// Tables: AppDependencies, AppExceptions',
      '// Attributes: medallion.asset.key, medallion.rows',
      'let spans = AppDependencies | where Name startswith "medallion.materialize ";',
      'AppExceptions',
      '| join kind=inner (spans | project ParentId = Id, Rows = tolong(Properties["medallion.rows"])) on ParentId',
      '| extend Asset = tostring(Properties[\'medallion.asset.key\'])',
    ].join('\n')), []);
  });

  it('reports undocumented attributes and span names, wrong conversions, unknown tables, classic names and a header that disagrees', () => {
    const problems = check([
      '// Title',
      '// Shows: it.',
      '// Tables: AppRequests',
      '// Attributes: medallion.asset.key',
      'union requests, (AppDependencies | where Name == "medallion.materialise")',
      '| extend A = tostring(Properties["medallion.asset.kee"]), R = tostring(Properties["medallion.rows"]), C = customDimensions["x"], P = Properties.medallion',
    ].join('\n'));
    assert.deepEqual(problems.sort(), [
      'q.kql:1: header Attributes: [medallion.asset.key], the query reads [medallion.asset.kee, medallion.rows]',
      'q.kql:1: header Tables: [AppRequests], the query reads [AppDependencies, requests]',
      'q.kql:5: "medallion.materialise" is not a documented span name (or "<name> " / "<name>." prefix)',
      'q.kql:6: "medallion.asset.kee" is not a documented span attribute (runtime/telemetry/span-attributes.ts)',
      'q.kql:6: "medallion.rows" is int: read it as toint(Properties["medallion.rows"]) or tolong(Properties["medallion.rows"])',
      'q.kql:6: customDimensions is the Application Insights name; the workspace\'s is Properties',
      'q.kql:6: read attributes as Properties["<key>"]',
      'q.kql: reads "requests", not one of the workspace tables AppRequests, AppDependencies, AppExceptions, AzureMetrics, StorageBlobLogs, Usage',
    ].sort());
  });

  it('Kusto.Language reports unknown columns, functions and tables', () => {
    const { errors } = kusto.analyze('AppDependencies | where Nme == "x" | summarize p = percentil(DurationMs, 95)\n| union requests');
    const codes = errors.map((error) => error.replace(/\].*/, ']'));
    for (const expected of ['1:25: [KS142]', '1:52: [KS211]', '2:9: [KS204]']) assert.ok(codes.includes(expected), `${expected} among ${errors.join('; ')}`);
  });

  it('requires the header', () => {
    assert.deepEqual(check('AppRequests | take 1'), [
      'q.kql:1: no header (// <title>, // Shows: …, // Tables: …, // Attributes: …|none)',
    ]);
  });
});
