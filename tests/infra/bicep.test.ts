// infra/ checked offline with the tree-sitter-bicep grammar (no Bicep CLI here; CI compiles and lints with
// the real one): syntax, symbols, module calls, parameter files, and what the deployment must guarantee for
// medallion (lake layout, secrets, identity and roles, probes, the Event Grid webhook). Problems are listed
// as file:line:col.
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import {
  at, descendants, literalOf, loadBicepParser, moduleProblems, parameterFileProblems, parseBicep, propertyMap, propertyPath,
  relativeTo, resourcesOf, stringValue, syntaxProblems, undeclaredReferences, unusedParams, variableValue, type BicepFile, type SyntaxNode,
} from './bicep-check.ts';

const root = fileURLToPath(new URL('../..', import.meta.url));
const infra = join(root, 'infra');
const bicep = await loadBicepParser(join(root, 'node_modules', 'tree-sitter-bicep', 'tree-sitter-bicep.wasm'));

const cache = new Map<string, BicepFile>();
function load(absolutePath: string): BicepFile {
  let file = cache.get(absolutePath);
  if (file === undefined) {
    file = parseBicep(bicep, absolutePath, relativeTo(root, absolutePath));
    cache.set(absolutePath, file);
  }
  return file;
}

const names = readdirSync(infra, { recursive: true, encoding: 'utf8' })
  .filter((name) => name.endsWith('.bicep') || name.endsWith('.bicepparam'))
  .sort();
const files = names.map((name) => load(join(infra, name)));
const templates = files.filter((file) => file.kind === 'bicep');
const parameterFiles = files.filter((file) => file.kind === 'bicepparam');
const byName = (name: string): BicepFile => {
  const file = files.find((candidate) => candidate.file === `infra/${name}`);
  assert.ok(file, `infra/${name} exists`);
  return file;
};

/** Built-in role definition ids, the same in every tenant. */
const KNOWN_ROLES: Record<string, string> = {
  storageBlobDataContributor: 'ba92f5b4-2d11-453d-a403-e96b0029c9fe',
  keyVaultSecretsUser: '4633458b-17de-408a-b874-0445c86b69e6',
  keyVaultSecretsOfficer: 'b86a8fe4-44ce-4948-aee5-eccb2c155cd7',
  acrPull: '7f951dda-4ed3-4680-a7ca-43fe172d538d',
};
const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
/**
 * Types whose current schema exists only as a preview, and the one preview version allowed for each:
 * diagnostic settings' only GA version (2016-09-01) is the classic `service` schema, without metric
 * categories (learn.microsoft.com/azure/templates/microsoft.insights/diagnosticsettings lists 2021-05-01-preview).
 */
const PREVIEW_ONLY: Record<string, string> = {
  'Microsoft.Insights/diagnosticSettings': '2021-05-01-preview',
};

function literals(node: SyntaxNode | undefined): unknown[] {
  return node?.type === 'array' ? node.namedChildren.map((item) => literalOf(item)) : [];
}

function callName(node: SyntaxNode | undefined): string | undefined {
  return node?.type === 'call_expression' ? node.childForFieldName('function')?.text : undefined;
}

function resourceOfType(file: BicepFile, type: string) {
  const found = resourcesOf(file).filter((resource) => resource.type.split('@')[0] === type && !resource.existing);
  assert.equal(found.length, 1, `${file.file} declares one ${type}`);
  return found[0]!;
}

/** Objects anywhere in a file that have all these keys. */
function objectsWith(file: BicepFile, ...keys: string[]): Array<Map<string, SyntaxNode>> {
  return descendants(file.root, 'object').map((object) => propertyMap(object)).filter((map) => keys.every((key) => map.has(key)));
}

describe('infra/ Bicep, offline (tree-sitter-bicep)', () => {
  it('has the main template, its modules and a parameter file per environment', () => {
    for (const name of [
      'main.bicep', 'modules/identity.bicep', 'modules/storage.bicep', 'modules/key-vault.bicep', 'modules/monitoring.bicep',
      'modules/role-assignments.bicep', 'modules/container-apps-environment.bicep', 'modules/container-app.bicep',
      'modules/event-grid.bicep', 'modules/workbook.bicep', 'parameters/dev.bicepparam', 'parameters/prod.bicepparam',
    ]) {
      assert.ok(names.includes(name), `infra/${name} exists`);
    }
  });

  it('every file parses: no syntax errors or missing tokens', () => {
    assert.deepEqual(files.flatMap(syntaxProblems), []);
  });

  it('every identifier refers to something declared in its file', () => {
    assert.deepEqual(files.flatMap(undeclaredReferences), []);
  });

  it('every param is used, or marked #disable-next-line no-unused-params', () => {
    assert.deepEqual(templates.flatMap(unusedParams), []);
  });

  it('module paths exist; calls pass only params the module declares, every required one, and read only its outputs', () => {
    assert.deepEqual(templates.flatMap((file) => moduleProblems(file, load)), []);
    const main = byName('main.bicep');
    const called = main.moduleCalls.map((call) => call.path).sort();
    const modules = names.filter((name) => name.startsWith('modules/')).sort();
    assert.deepEqual(called, modules, 'main.bicep calls every module once');
  });

  it('parameter files set only params main.bicep declares, every required one, within @allowed / @minValue / @maxValue', () => {
    assert.equal(parameterFiles.length >= 2, true);
    for (const file of parameterFiles) assert.equal(file.using?.path, '../main.bicep', `${file.file} uses ../main.bicep`);
    assert.deepEqual(parameterFiles.flatMap((file) => parameterFileProblems(file, load)), []);
    assert.equal(literalOf(byName('parameters/dev.bicepparam').assignments.get('environmentName')), 'dev');
    assert.equal(literalOf(byName('parameters/prod.bicepparam').assignments.get('environmentName')), 'prod');
  });

  it('secrets are @secure() params, with no default but empty', () => {
    const problems: string[] = [];
    for (const file of templates) {
      for (const param of file.params.values()) {
        const looksSecret = /(secret|token|password|key)$/i.test(param.name) && /^(string|object)\??$/.test(param.type);
        if (looksSecret && !param.decorators.has('secure')) problems.push(`${at(file.file, param.node)}: ${param.name} should be @secure()`);
        const fallback = param.node.namedChildren[2];
        if (param.decorators.has('secure') && fallback !== undefined && literalOf(fallback) !== '') problems.push(`${at(file.file, param.node)}: ${param.name} is @secure() with a default`);
      }
    }
    assert.deepEqual(problems, []);
    for (const name of ['webhookSecret', 'apiToken', 'inngestEventKey', 'inngestSigningKey']) {
      assert.ok(byName('main.bicep').params.get(name)?.decorators.has('secure'), `main.bicep: ${name} is @secure()`);
    }
  });

  it('resource types carry a dated, non-preview API version; resources with a location are tagged', () => {
    const problems: string[] = [];
    for (const file of templates) {
      for (const resource of resourcesOf(file)) {
        const [type, version] = resource.type.split('@');
        const nested = !type!.includes('/') && !resource.existing;
        if (nested) continue; // a nested child resource names only its own segment and inherits the version
        const dated = /^\d{4}-\d{2}-\d{2}$/.test(version ?? '') || (PREVIEW_ONLY[type!] === version && version !== undefined);
        if (!dated) problems.push(`${at(file.file, resource.typeNode)}: ${resource.type} needs a GA API version`);
        if (resource.existing || resource.body === undefined) continue;
        const properties = propertyMap(resource.body);
        if (properties.has('location') && !properties.has('tags')) problems.push(`${at(file.file, resource.node)}: ${resource.symbol} has a location but no tags`);
      }
    }
    assert.deepEqual(problems, []);
  });

  it('files loaded with loadTextContent / loadJsonContent / loadFileAsBase64 exist', () => {
    const problems: string[] = [];
    for (const file of templates) {
      for (const call of descendants(file.root, 'call_expression')) {
        if (!/^load(TextContent|JsonContent|YamlContent|FileAsBase64)$/.test(callName(call) ?? '')) continue;
        const path = call.childForFieldName('arguments')?.namedChildren[0];
        const literal = literalOf(path);
        if (typeof literal !== 'string') problems.push(`${at(file.file, call)}: ${callName(call)} needs a literal path`);
        else if (!existsSync(join(dirname(file.absolutePath), literal))) problems.push(`${at(file.file, call)}: '${literal}' does not exist`);
      }
    }
    assert.deepEqual(problems, []);
  });

  it('role assignments: well-known role definition ids, guid() names, a scope and a principal type', () => {
    const problems: string[] = [];
    const seen = new Set<string>();
    for (const file of templates) {
      for (const node of descendants(file.root, 'string')) {
        const value = stringValue(node);
        if (!GUID.test(value)) continue;
        seen.add(value.toLowerCase());
        if (!Object.values(KNOWN_ROLES).includes(value.toLowerCase())) problems.push(`${at(file.file, node)}: ${value} is not a known built-in role id`);
      }
      for (const resource of resourcesOf(file).filter((candidate) => candidate.type.startsWith('Microsoft.Authorization/roleAssignments@'))) {
        const body = resource.body;
        const where = at(file.file, resource.node);
        if (body === undefined) {
          problems.push(`${where}: no body`);
          continue;
        }
        if (callName(propertyPath(body, 'name')) !== 'guid') problems.push(`${where}: ${resource.symbol}'s name should be guid(scope, principal, role)`);
        if (propertyPath(body, 'scope') === undefined) problems.push(`${where}: ${resource.symbol} has no scope`);
        if (propertyPath(body, 'properties.principalType') === undefined) problems.push(`${where}: ${resource.symbol} has no principalType (needed for a new identity)`);
        const definition = propertyPath(body, 'properties.roleDefinitionId');
        const firstArgument = definition?.childForFieldName('arguments')?.namedChildren[0];
        if (callName(definition) !== 'subscriptionResourceId' || literalOf(firstArgument) !== 'Microsoft.Authorization/roleDefinitions') {
          problems.push(`${where}: ${resource.symbol}'s roleDefinitionId should be subscriptionResourceId('Microsoft.Authorization/roleDefinitions', <id>)`);
        }
      }
    }
    assert.deepEqual(problems, []);
    const roles = byName('modules/role-assignments.bicep');
    const table = variableValue(roles, 'roles');
    assert.ok(table?.type === 'object', 'role-assignments.bicep has a roles table');
    for (const [name, value] of propertyMap(table)) assert.equal(literalOf(value), KNOWN_ROLES[name], `roles.${name} is the built-in role's id`);
    assert.ok(seen.has(KNOWN_ROLES.storageBlobDataContributor!), 'Storage Blob Data Contributor is assigned');
    assert.ok(seen.has(KNOWN_ROLES.keyVaultSecretsUser!), 'Key Vault Secrets User is assigned');
    const scopes = resourcesOf(roles)
      .filter((resource) => resource.type.startsWith('Microsoft.Authorization/roleAssignments@'))
      .map((resource) => `${propertyPath(resource.body, 'scope')?.text} ${propertyPath(resource.body, 'properties.roleDefinitionId')?.text}`);
    assert.ok(scopes.includes("storage subscriptionResourceId('Microsoft.Authorization/roleDefinitions', roles.storageBlobDataContributor)"));
    assert.ok(scopes.includes("vault subscriptionResourceId('Microsoft.Authorization/roleDefinitions', roles.keyVaultSecretsUser)"));
  });

  it('storage: hierarchical namespace, the four lake containers, no public access, TLS 1.2, soft delete for blobs and containers', () => {
    const storage = byName('modules/storage.bicep');
    const account = resourceOfType(storage, 'Microsoft.Storage/storageAccounts');
    const expect: Record<string, unknown> = {
      'properties.isHnsEnabled': true,
      'properties.allowBlobPublicAccess': false,
      'properties.minimumTlsVersion': 'TLS1_2',
      'properties.supportsHttpsTrafficOnly': true,
      kind: 'StorageV2',
    };
    for (const [path, value] of Object.entries(expect)) assert.equal(literalOf(propertyPath(account.body, path)), value, `storage account ${path}`);
    const blobService = resourceOfType(storage, 'Microsoft.Storage/storageAccounts/blobServices');
    assert.equal(literalOf(propertyPath(blobService.body, 'properties.deleteRetentionPolicy.enabled')), true);
    assert.equal(literalOf(propertyPath(blobService.body, 'properties.containerDeleteRetentionPolicy.enabled')), true);
    assert.deepEqual(literals(variableValue(storage, 'containerNames')).sort(), ['gold', 'intermediate', 'metrics', 'raw']);
    const containers = resourceOfType(storage, 'Microsoft.Storage/storageAccounts/blobServices/containers');
    assert.equal(literalOf(propertyPath(containers.body, 'properties.publicAccess')), 'None');
  });

  it('Key Vault: RBAC authorization, soft delete, no access policies', () => {
    const vault = resourceOfType(byName('modules/key-vault.bicep'), 'Microsoft.KeyVault/vaults');
    assert.equal(literalOf(propertyPath(vault.body, 'properties.enableRbacAuthorization')), true);
    assert.equal(literalOf(propertyPath(vault.body, 'properties.enableSoftDelete')), true);
    assert.equal(propertyPath(vault.body, 'properties.accessPolicies'), undefined);
  });

  it('Application Insights is workspace-based and its connection string is an output of main.bicep', () => {
    const monitoring = byName('modules/monitoring.bicep');
    const components = resourceOfType(monitoring, 'Microsoft.Insights/components');
    assert.equal(propertyPath(components.body, 'properties.WorkspaceResourceId')?.text, 'workspace.id');
    assert.ok(monitoring.outputs.has('connectionString'));
    assert.ok(byName('main.bicep').outputs.has('appInsightsConnectionString'));
  });

  it('the app runs `medallion serve --host 0.0.0.0 --port 3000` with a user-assigned identity, replica bounds and probes on /healthz and /readyz', () => {
    const file = byName('modules/container-app.bicep');
    const app = resourceOfType(file, 'Microsoft.App/containerApps');
    assert.equal(literalOf(propertyPath(app.body, 'identity.type')), 'UserAssigned');
    assert.equal(propertyPath(app.body, 'properties.configuration.ingress.targetPort')?.text, 'port');
    assert.equal(literalOf(variableValue(file, 'port')), 3000);
    assert.equal(literalOf(propertyPath(app.body, 'properties.configuration.ingress.external')), true);
    assert.equal(literalOf(propertyPath(app.body, 'properties.configuration.ingress.allowInsecure')), false);
    const container = propertyPath(app.body, 'properties.template.containers')?.namedChildren[0];
    const args = propertyPath(container, 'args');
    assert.deepEqual(literals(args).slice(0, 4), ['serve', '--host', '0.0.0.0', '--port']);
    assert.equal(args?.namedChildren[4]?.text, 'string(port)');
    const probes = propertyPath(container, 'probes')?.namedChildren.map((probe) => [literalOf(propertyPath(probe, 'type')), literalOf(propertyPath(probe, 'httpGet.path')), propertyPath(probe, 'httpGet.port')?.text]);
    assert.deepEqual(probes, [['Startup', '/healthz', 'port'], ['Liveness', '/healthz', 'port'], ['Readiness', '/readyz', 'port']]);
    assert.equal(propertyPath(app.body, 'properties.template.scale.minReplicas')?.text, 'minReplicas');
    assert.equal(propertyPath(app.body, 'properties.template.scale.maxReplicas')?.text, 'maxReplicas');
    // Probe limits of Container Apps: failureThreshold 1-10, initialDelaySeconds 0-60, periods and timeouts 1-240.
    for (const probe of propertyPath(container, 'probes')?.namedChildren ?? []) {
      const value = (key: string) => literalOf(propertyPath(probe, key));
      const failure = value('failureThreshold');
      if (typeof failure === 'number') assert.ok(failure >= 1 && failure <= 10, `${at(file.file, probe)}: failureThreshold ${failure}`);
      const delay = value('initialDelaySeconds');
      if (typeof delay === 'number') assert.ok(delay >= 0 && delay <= 60, `${at(file.file, probe)}: initialDelaySeconds ${delay}`);
      for (const key of ['periodSeconds', 'timeoutSeconds']) {
        const seconds = value(key);
        if (typeof seconds === 'number') assert.ok(seconds >= 1 && seconds <= 240, `${at(file.file, probe)}: ${key} ${seconds}`);
      }
    }
  });

  it('the app\'s environment: what medallion needs, secrets only by reference, and only variables medallion or the Azure SDK read', () => {
    const file = byName('modules/container-app.bicep');
    const env = objectsWith(file, 'name').filter((map) => map.has('value') || map.has('secretRef'));
    const envNames = env.map((map) => literalOf(map.get('name'))).filter((name): name is string => typeof name === 'string');
    for (const name of ['MEDALLION_LAKE', 'MEDALLION_SOURCE', 'MEDALLION_API_TOKEN', 'MEDALLION_WEBHOOK_SECRET', 'AZURE_KEY_VAULT_URL', 'AZURE_CLIENT_ID', 'APPLICATIONINSIGHTS_CONNECTION_STRING', 'INNGEST_EVENT_KEY', 'INNGEST_SIGNING_KEY', 'INNGEST_BASE_URL']) {
      assert.ok(envNames.includes(name), `the app gets ${name}`);
    }
    const secretNames = objectsWith(file, 'name', 'keyVaultUrl', 'identity').map((map) => literalOf(map.get('name')));
    const byReference = new Map(env.filter((map) => map.has('secretRef')).map((map) => [literalOf(map.get('name')), literalOf(map.get('secretRef'))]));
    for (const [name, ref] of byReference) assert.ok(secretNames.includes(ref), `${String(name)}: secretRef '${String(ref)}' is a Key Vault-referenced secret`);
    for (const name of ['MEDALLION_API_TOKEN', 'MEDALLION_WEBHOOK_SECRET', 'INNGEST_EVENT_KEY', 'INNGEST_SIGNING_KEY']) assert.ok(byReference.has(name), `${name} is a secretRef`);
    assert.equal(objectsWith(file, 'name', 'value').filter((map) => /SECRET|TOKEN|KEY$/.test(String(literalOf(map.get('name'))))).length, 0, 'no secret as a plain value');

    // Read by a dependency rather than by medallion's own code: @azure/identity (the user-assigned identity),
    // and the standard OpenTelemetry resource variable.
    const readBySdk = new Set(['AZURE_CLIENT_ID', 'OTEL_RESOURCE_ATTRIBUTES']);
    const code = ['runtime', 'server', 'assets']
      .flatMap((folder) => readdirSync(join(root, folder), { recursive: true, encoding: 'utf8' }).filter((name) => /\.(ts|mjs)$/.test(name)).map((name) => join(root, folder, name)))
      .concat(join(root, 'inngest.config.ts'))
      .filter((path) => existsSync(path))
      .map((path) => readFileSync(path, 'utf8'))
      .join('\n');
    const unread = envNames.filter((name) => !readBySdk.has(name) && !code.includes(name));
    assert.deepEqual(unread, [], 'every variable the template sets is read somewhere');
  });

  it('Event Grid: BlobCreated in raw (landing folders, committed blobs) to /webhooks/eventgrid?code=<secret>, after the app exists', () => {
    const file = byName('modules/event-grid.bicep');
    assert.equal(literalOf(variableValue(file, 'rawBlobsSubject')), '/blobServices/default/containers/raw/blobs/');
    const topic = resourceOfType(file, 'Microsoft.EventGrid/systemTopics');
    assert.equal(literalOf(propertyPath(topic.body, 'properties.topicType')), 'Microsoft.Storage.StorageAccounts');
    const subscription = resourcesOf(file).find((resource) => resource.type.startsWith('Microsoft.EventGrid/systemTopics/eventSubscriptions@'));
    assert.ok(subscription?.body);
    const body = subscription.body;
    assert.equal(literalOf(propertyPath(body, 'properties.destination.endpointType')), 'WebHook');
    const endpoint = propertyPath(body, 'properties.destination.properties.endpointUrl');
    assert.match(endpoint?.text ?? '', /^'\$\{webhookBaseUrl\}\/webhooks\/eventgrid\?code=\$\{uriComponent\(webhookSecret\)\}'$/);
    assert.ok(file.params.get('webhookSecret')?.decorators.has('secure'));
    assert.deepEqual(literals(propertyPath(body, 'properties.filter.includedEventTypes')), ['Microsoft.Storage.BlobCreated']);
    assert.equal(propertyPath(body, 'properties.filter.subjectBeginsWith')?.text, 'rawBlobsSubject');
    const landing = variableValue(file, 'landingFilter');
    assert.ok(landing !== undefined && descendants(landing, 'string').some((node) => stringValue(node) === '/landing/'), 'a StringContains /landing/ subject filter');
    assert.ok(!literals(variableValue(file, 'committedBlobApis')).includes('CreateFile'), 'CreateFile (an empty file on HNS) is not delivered');

    // In main.bicep the subscription waits for the app (its URL comes from the app module), and the app for its roles.
    const main = byName('main.bicep');
    const eventGrid = main.moduleCalls.find((call) => call.path === 'modules/event-grid.bicep');
    assert.equal(eventGrid?.params?.get('webhookBaseUrl')?.text, 'app.outputs.url');
    assert.equal(eventGrid?.params?.get('deploySubscription')?.text, 'deployEventSubscription');
    const app = main.moduleCalls.find((call) => call.path === 'modules/container-app.bicep');
    assert.ok(literalsOrText(app?.body === undefined ? undefined : propertyPath(app.body, 'dependsOn')).includes('roles'), 'the app waits for its role assignments');
  });
});

function literalsOrText(node: SyntaxNode | undefined): string[] {
  return node?.namedChildren.map((child) => child.text) ?? [];
}

describe('the offline Bicep checker', () => {
  const check = (sources: Record<string, string>, entry: string) => {
    const dir = mkdtempSync(join(tmpdir(), 'bicep-check-'));
    try {
      for (const [name, text] of Object.entries(sources)) writeFileSync(join(dir, name), text);
      const local = new Map<string, BicepFile>();
      const loadLocal = (path: string) => local.get(path) ?? local.set(path, parseBicep(bicep, path, path.slice(dir.length + 1))).get(path)!;
      const file = loadLocal(join(dir, entry));
      return [
        ...syntaxProblems(file), ...undeclaredReferences(file), ...unusedParams(file),
        ...(file.kind === 'bicep' ? moduleProblems(file, loadLocal) : parameterFileProblems(file, loadLocal)),
      ];
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  };

  it('reports syntax errors with file:line:col', () => {
    const problems = check({ 'broken.bicep': "param a string\nresource r 'A/b@2020-01-01' = {\n  name: a\n  properties: {\n    x: [1, \n}\n" }, 'broken.bicep');
    assert.ok(problems.length > 0);
    assert.match(problems[0]!, /^broken\.bicep:\d+:\d+: (syntax error|missing)/);
  });

  it('reports undeclared identifiers, unused params, and module calls that do not match the module', () => {
    const problems = check({
      'main.bicep': [
        'param used string',
        'param unused string',
        '#disable-next-line no-unused-params',
        'param documented string',
        "module m 'mod.bicep' = {",
        "  name: 'm'",
        '  params: {',
        '    a: used',
        '    typo: undeclaredThing',
        '  }',
        '}',
        "module gone 'missing.bicep' = {",
        "  name: 'g'",
        '}',
        'output o string = m.outputs.nope',
        'output p array = [for (x, i) in range(0, 2): x + i]',
        'output q array = map([1], y => y)',
      ].join('\n'),
      'mod.bicep': 'param a string\nparam required string\nparam optional string = \'\'\noutput ok string = \'${a}${required}${optional}\'\n',
    }, 'main.bicep');
    assert.deepEqual(problems.sort(), [
      'main.bicep:12:13: module gone: \'missing.bicep\' does not exist',
      'main.bicep:15:29: m.outputs.nope: mod.bicep has no such output',
      'main.bicep:2:1: param "unused" is never used (use it, remove it, or mark it #disable-next-line no-unused-params)',
      'main.bicep:5:10: module m: required param "required" of mod.bicep is not passed',
      'main.bicep:9:5: module m: mod.bicep declares no param "typo"',
      'main.bicep:9:11: "undeclaredThing" is not declared',
    ].sort());
  });

  it('checks a parameter file against its template', () => {
    const problems = check({
      'main.bicep': "@allowed([\n  'dev'\n  'prod'\n])\nparam env string\n@minValue(1)\nparam n int = 1\nparam needed bool\noutput o string = '${env}${n}${needed}'\n",
      'p.bicepparam': "using 'main.bicep'\n\nparam env = 'staging'\nparam n = 0\nparam extra = 'x'\n",
    }, 'p.bicepparam');
    assert.deepEqual(problems.sort(), [
      'p.bicepparam:1:1: required param "needed" of main.bicep is not set',
      'p.bicepparam:3:13: env = "staging" is not one of @allowed ["dev","prod"]',
      'p.bicepparam:4:11: n = 0 is outside @minValue(1)',
      'p.bicepparam:5:15: main.bicep declares no param "extra"',
    ].sort());
  });
});
