/**
 * The package's public surface, per `exports` entry, as API Extractor reports it from the compiled `.d.ts`:
 * committed under docs/api/, compared by tests/api/api-report.test.ts, and rewritten by `npm run api:update`
 * after a deliberate change.
 */
import { Extractor, ExtractorConfig, ExtractorLogLevel } from '@microsoft/api-extractor';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';

const root = fileURLToPath(new URL('../..', import.meta.url));

/** Each entry of package.json `exports` that has types, and the report it gets. */
export const API_ENTRIES = [
  { entry: 'medallion', types: 'dist/runtime/index.d.ts', report: 'medallion' },
  { entry: 'medallion/testing', types: 'dist/runtime/testing.d.ts', report: 'medallion-testing' },
  { entry: 'medallion/data-plane', types: 'dist/runtime/data-plane.d.ts', report: 'medallion-data-plane' },
  { entry: 'medallion/cli', types: 'dist/runtime/cli.d.ts', report: 'medallion-cli' },
  { entry: 'medallion/inngest', types: 'dist/inngest.config.d.ts', report: 'medallion-inngest' },
  { entry: 'medallion/server', types: 'dist/server/index.d.ts', report: 'medallion-server' },
] as const;

export interface ApiReportResult {
  readonly entry: string;
  readonly changed: boolean;
  readonly errors: number;
  readonly messages: string[];
}

/** Builds each entry's report from dist/ (run `npm run build` first); with `update`, writes it to docs/api/. */
export function checkApiReports(options: { update: boolean }): ApiReportResult[] {
  return API_ENTRIES.map(({ entry, types, report }) => {
    const config = ExtractorConfig.prepare({
      configObject: {
        projectFolder: root,
        mainEntryPointFilePath: join(root, types),
        compiler: {
          overrideTsconfig: {
            compilerOptions: { target: 'ES2022', module: 'ESNext', moduleResolution: 'Bundler', lib: ['ES2023'], types: ['node'], strict: true, skipLibCheck: true },
            include: [join(root, 'dist')],
          },
        },
        apiReport: { enabled: true, reportFolder: join(root, 'docs/api'), reportTempFolder: join(root, 'test-artifacts/api'), reportFileName: report },
        docModel: { enabled: false },
        dtsRollup: { enabled: false },
        tsdocMetadata: { enabled: false },
        messages: {
          compilerMessageReporting: { default: { logLevel: ExtractorLogLevel.Warning } },
          extractorMessageReporting: {
            // Not into the report: their source line numbers would change it at every edit above them. Undocumented
            // exports still show in the report, as `(undocumented)` beside their signature.
            default: { logLevel: ExtractorLogLevel.Warning, addToApiReportFile: false },
            // One package, no @public/@beta staging: every export is public.
            'ae-missing-release-tag': { logLevel: ExtractorLogLevel.None, addToApiReportFile: false },
          },
          tsdocMessageReporting: { default: { logLevel: ExtractorLogLevel.None, addToApiReportFile: false } },
        },
      },
      configObjectFullPath: join(root, 'tests/support/api-reports.ts'),
      packageJsonFullPath: join(root, 'package.json'),
    });
    const messages: string[] = [];
    const result = Extractor.invoke(config, {
      localBuild: options.update,
      showVerboseMessages: false,
      messageCallback: (message) => {
        if (message.logLevel === ExtractorLogLevel.Error || message.logLevel === ExtractorLogLevel.Warning) messages.push(message.formatMessageWithLocation(root));
        message.handled = true;
      },
    });
    return { entry, changed: result.apiReportChanged, errors: result.errorCount, messages };
  });
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const update = process.argv.includes('--update');
  for (const { entry, changed, errors, messages } of checkApiReports({ update })) {
    console.log(`${entry}: ${changed ? (update ? 'report updated' : 'CHANGED (run npm run api:update)') : 'unchanged'}${errors > 0 ? `, ${errors} errors` : ''}${messages.length > 0 ? `, ${messages.length} warnings (undocumented, or types the entry does not export)` : ''}`);
  }
}
