/**
 * `npm run bench`: runs every `*-bench.js` module next to this file (each part adds its own) and
 * prints one table. A module exports `run(): Promise<BenchResult[]>`. Arguments filter the
 * modules by name (`npm run bench -- reference-device`).
 */
import * as fs from 'node:fs';
import * as path from 'node:path';

export interface BenchResult {
  readonly name: string;
  readonly value: number;
  readonly unit: string;
  readonly goal?: string;
}

interface BenchModule {
  run(): Promise<BenchResult[]>;
}

function isBenchModule(value: unknown): value is BenchModule {
  return typeof value === 'object' && value !== null && typeof (value as { run?: unknown }).run === 'function';
}

function formatValue(value: number): string {
  if (!Number.isFinite(value)) return '—';
  return Number.isInteger(value) ? value.toLocaleString('en-US') : value.toLocaleString('en-US', { maximumFractionDigits: 2 });
}

function printTable(rows: readonly (readonly string[])[]): void {
  const widths = rows[0]!.map((_, column) => Math.max(...rows.map((row) => row[column]!.length)));
  for (const [index, row] of rows.entries()) {
    console.log(row.map((cell, column) => (column === 2 ? cell.padStart(widths[column]!) : cell.padEnd(widths[column]!))).join('  ').trimEnd());
    if (index === 0) console.log(widths.map((w) => '-'.repeat(w)).join('  '));
  }
}

export async function main(filters: readonly string[]): Promise<number> {
  const modules = fs
    .readdirSync(__dirname)
    .filter((file) => file.endsWith('-bench.js'))
    .filter((file) => filters.length === 0 || filters.some((f) => file.includes(f)))
    .sort();
  if (modules.length === 0) {
    console.error(`no *-bench.js modules in ${__dirname}${filters.length > 0 ? ` matching ${filters.join(', ')}` : ''} (run \`npm run build\` first)`);
    return 1;
  }
  const rows: string[][] = [['bench', 'measure', 'value', 'unit', 'goal']];
  let failed = false;
  for (const file of modules) {
    const bench = file.replace(/-bench\.js$/, '');
    console.error(`running ${bench}...`);
    try {
      const loaded: unknown = await import(path.join(__dirname, file));
      if (!isBenchModule(loaded)) throw new Error('does not export run()');
      for (const result of await loaded.run()) {
        rows.push([bench, result.name, formatValue(result.value), result.unit, result.goal ?? '']);
      }
    } catch (e) {
      failed = true;
      rows.push([bench, `FAILED: ${e instanceof Error ? e.message : String(e)}`, '', '', '']);
    }
  }
  printTable(rows);
  return failed ? 1 : 0;
}

if (require.main === module) {
  main(process.argv.slice(2)).then(
    (code) => {
      process.exitCode = code;
    },
    (e: unknown) => {
      console.error(e);
      process.exitCode = 1;
    },
  );
}
