// KQL parsed and analyzed offline by Microsoft's Kusto.Language (@kusto/language-service-next, the engine of
// the portal's query editor, compiled to JavaScript), against the workspace tables' schemas: unknown tables,
// columns and functions, wrong argument types and syntax errors come back as diagnostics, as the editor would
// underline them. It cannot know the data: a query that analyzes cleanly may still return nothing.
import { createRequire } from 'node:module';

interface Diagnostic {
  Severity: string;
  Code: string;
  Message: string;
  Start: number;
}

interface KustoLanguage {
  Symbols: {
    TableSymbol: { $ctor7: new (name: string, schema: string, description: string | null) => unknown };
    DatabaseSymbol: { ctor: new (name: string, members: unknown[]) => unknown };
  };
  GlobalState: { Default: { WithDatabase(database: unknown): unknown } };
  KustoCode: { ParseAndAnalyze(text: string, globals: unknown): KustoCode };
}

interface List<T> {
  Count: number;
  getItem(index: number): T;
}

interface KustoCode {
  GetDiagnostics(): List<Diagnostic>;
  /** The result's schema, when the query ends in a tabular expression. */
  ResultType: { Columns?: List<{ Name: string; Type: { Name: string } }> } | null;
}

export interface KqlAnalysis {
  /** Diagnostics of severity Error, as `line:column: [code] message`. */
  readonly errors: string[];
  /** The result's columns and their Kusto types (`datetime`, `long`, `real`, `string`, …). */
  readonly columns: { name: string; type: string }[];
}

let language: KustoLanguage | undefined;

function loadLanguage(): KustoLanguage {
  if (language !== undefined) return language;
  // Bridge.NET scripts: the runtime, then the library; each defines globals (Bridge, System, Kusto).
  const require = createRequire(import.meta.url);
  require('@kusto/language-service-next/bridge.js');
  require('@kusto/language-service-next/Kusto.Language.Bridge.js');
  language = (globalThis as unknown as { Kusto: { Language: KustoLanguage } }).Kusto.Language;
  return language;
}

export interface KustoAnalyzer {
  analyze(text: string): KqlAnalysis;
}

/** An analyzer over one database holding these tables (`name → "(Column:type, …)"`). */
export function createKustoAnalyzer(tables: Readonly<Record<string, string>>): KustoAnalyzer {
  const kusto = loadLanguage();
  const symbols = Object.entries(tables).map(([name, schema]) => new kusto.Symbols.TableSymbol.$ctor7(name, schema, null));
  const globals = kusto.GlobalState.Default.WithDatabase(new kusto.Symbols.DatabaseSymbol.ctor('workspace', symbols));
  return {
    analyze(text) {
      const code = kusto.KustoCode.ParseAndAnalyze(text, globals);
      const diagnostics = code.GetDiagnostics();
      const errors: string[] = [];
      for (let index = 0; index < diagnostics.Count; index++) {
        const diagnostic = diagnostics.getItem(index);
        if (diagnostic.Severity !== 'Error') continue;
        const before = text.slice(0, diagnostic.Start).split('\n');
        errors.push(`${before.length}:${before.at(-1)!.length + 1}: [${diagnostic.Code}] ${diagnostic.Message}`);
      }
      const list = code.ResultType?.Columns;
      const columns = list === undefined ? [] : Array.from({ length: list.Count }, (_, index) => list.getItem(index)).map((column) => ({ name: column.Name, type: column.Type.Name }));
      return { errors, columns };
    },
  };
}
