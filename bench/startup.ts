/**
 * Start-up cost per subcommand, as a person pays it: CPU and wall time of a fresh process, each as a
 * ratio to bare `node -e 0` on the same machine. Measured on the compiled dist/ (what the installed bin
 * runs; built here when absent) and on the TypeScript sources (`npm run exitcode`). Targets from issue
 * 14: --help, --version and classify <= 0.4 s of CPU, diagnose <= 0.8 s, on the compiled bin.
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startDemoCluster } from '../src/demo/server.ts';
import { type BenchRow, type BenchSection, median, round } from './types.ts';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const PROBE = join(ROOT, 'bench', 'startup-probe.mjs');
const RUNS = 5;

interface Sample {
  cpuS: number;
  wallS: number;
}

/** One fresh process: CPU from the probe inside it, wall from here. */
const runOnce = (args: string[], env: NodeJS.ProcessEnv): Promise<Sample> =>
  new Promise((resolve, reject) => {
    const dir = mkdtempSync(join(tmpdir(), 'exitcode-startup-'));
    const file = join(dir, 'cpu.json');
    const started = process.hrtime.bigint();
    const child = spawn(process.execPath, ['--import', PROBE, ...args], {
      cwd: ROOT,
      env: { ...env, EXITCODE_STARTUP_PROBE: file },
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => {
      stderr += chunk.toString();
    });
    child.on('error', reject);
    child.on('close', (code) => {
      const wallS = Number(process.hrtime.bigint() - started) / 1e9;
      try {
        if (code !== 0) throw new Error(`${args.join(' ')} exited ${code}: ${stderr.trim().split('\n')[0] ?? ''}`);
        const { cpuMs } = JSON.parse(readFileSync(file, 'utf8')) as { cpuMs: number };
        resolve({ cpuS: cpuMs / 1000, wallS });
      } catch (error) {
        reject(error);
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    });
  });

const measure = async (args: string[], env: NodeJS.ProcessEnv): Promise<Sample> => {
  const samples: Sample[] = [];
  for (let i = 0; i < RUNS; i += 1) samples.push(await runOnce(args, env));
  return { cpuS: median(samples.map((s) => s.cpuS)), wallS: median(samples.map((s) => s.wallS)) };
};

/** The newest modification time under a directory (ms). */
const newest = (dir: string): number =>
  readdirSync(dir, { withFileTypes: true }).reduce((latest, entry) => {
    const path = join(dir, entry.name);
    return Math.max(latest, entry.isDirectory() ? newest(path) : statSync(path).mtimeMs);
  }, 0);

/** Builds dist/ (the esbuild bundle, as `npm run build` makes it) when it is missing or older than src/. */
export const ensureDist = async (): Promise<boolean> => {
  const main = join(ROOT, 'dist', 'cli', 'main.js');
  if (existsSync(main) && statSync(main).mtimeMs >= newest(join(ROOT, 'src'))) return true;
  await new Promise<void>((resolve) => {
    const tsc = spawn(process.execPath, ['--run', 'bundle'], {
      cwd: ROOT,
      stdio: 'ignore',
    });
    tsc.on('close', () => resolve());
    tsc.on('error', () => resolve());
  });
  return existsSync(main);
};

const TARGET_CPU_S: Record<string, number> = { '--help': 0.4, '--version': 0.4, classify: 0.4, diagnose: 0.8 };

export const bench = async (): Promise<BenchSection> => {
  const demo = await startDemoCluster({ scenarios: ['checkout-missing-env'] });
  // Warm the V8 compile cache as a second run of the CLI would find it; the first run pays compilation.
  const cache = mkdtempSync(join(tmpdir(), 'exitcode-compile-cache-'));
  const env: NodeJS.ProcessEnv = { PATH: process.env.PATH, HOME: process.env.HOME, NODE_COMPILE_CACHE: cache };
  try {
    const commands: Array<{ name: string; args: string[] }> = [
      { name: '--help', args: ['--help'] },
      { name: '--version', args: ['--version'] },
      { name: 'classify', args: ['classify', '--log', 'examples/node-missing-module.log', '--exit-code', '1'] },
      { name: 'diagnose', args: ['diagnose', '-n', 'shop', 'deploy/checkout', '--kubeconfig', demo.kubeconfigPath] },
      { name: 'demo', args: ['demo'] },
    ];
    const baseline = await measure(['-e', '0'], env);
    const rows: BenchRow[] = [
      { name: 'node -e 0: CPU', value: round(baseline.cpuS), unit: 's' },
      { name: 'node -e 0: wall', value: round(baseline.wallS), unit: 's' },
    ];
    const variants: Array<{ name: string; entry: string }> = [];
    if (await ensureDist()) variants.push({ name: 'dist', entry: 'dist/cli/main.js' });
    else rows.push({ name: 'dist: not built (tsc failed), skipped', value: 0, unit: '' });
    variants.push({ name: 'src', entry: 'src/cli/main.ts' });
    for (const variant of variants) {
      for (const command of commands) {
        const sample = await measure([variant.entry, ...command.args], env);
        const target = variant.name === 'dist' ? TARGET_CPU_S[command.name] : undefined;
        rows.push({
          name: `${variant.name} ${command.name}: CPU (${round(sample.cpuS / baseline.cpuS, 1)}x node -e 0)`,
          value: round(sample.cpuS),
          unit: 's',
          ...(target !== undefined ? { target } : {}),
        });
        rows.push({
          name: `${variant.name} ${command.name}: wall (${round(sample.wallS / baseline.wallS, 1)}x node -e 0)`,
          value: round(sample.wallS),
          unit: 's',
        });
      }
    }
    return { title: `Start-up per subcommand (median of ${RUNS} fresh processes, warm compile cache)`, rows };
  } finally {
    rmSync(cache, { recursive: true, force: true });
    await demo.close();
  }
};

if (import.meta.main) {
  const { renderSection } = await import('./run.ts');
  console.log(renderSection(await bench()));
}
