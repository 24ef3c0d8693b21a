/**
 * `npm run build:web`: bundles the browser code in web/ (typed modules) into the scripts the pages
 * load, public/admin/admin.js and public/agent/agent.js. Those files are build output, not in git;
 * `npm start`, `npm test` (jest's global setup) and `npm run build` run this first.
 * `--watch` rebuilds on every change while developing.
 */
import { mkdir, rename, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { build, context, type BuildOptions, type Plugin } from 'esbuild';

const ROOT = path.resolve(__dirname, '../..');

/** Entry module -> the script its page loads (paths relative to the repository). */
export const WEB_BUNDLES: readonly { entry: string; outfile: string }[] = [
  { entry: 'web/admin/main.ts', outfile: 'public/admin/admin.js' },
  { entry: 'web/agent/main.ts', outfile: 'public/agent/agent.js' },
  { entry: 'web/training/main.ts', outfile: 'public/training/training.js' },
  { entry: 'web/reports/main.ts', outfile: 'public/reports/reports.js' },
];

/**
 * Each script is written beside its place and renamed over it: a page served during a rebuild (by
 * another test run in the same checkout, say) gets the old or the new script, never half of one.
 */
const atomicWrite: Plugin = {
  name: 'atomic-write',
  setup(builder) {
    builder.onEnd(async (result) => {
      for (const file of result.outputFiles ?? []) {
        await mkdir(path.dirname(file.path), { recursive: true });
        const temporary = path.join(path.dirname(file.path), `.${path.basename(file.path)}.${process.pid}.tmp`);
        await writeFile(temporary, file.contents);
        await rename(temporary, file.path);
      }
    });
  },
};

function options(root: string, bundle: { entry: string; outfile: string }): BuildOptions {
  return {
    entryPoints: [path.join(root, bundle.entry)],
    outfile: path.join(root, bundle.outfile),
    tsconfig: path.join(root, 'web/tsconfig.json'),
    bundle: true,
    format: 'iife',
    platform: 'browser',
    target: ['es2020'],
    charset: 'utf8',
    legalComments: 'none',
    logLevel: 'warning',
    write: false,
    plugins: [atomicWrite],
  };
}

/** Bundles every page's script once; rejects when a module does not compile. Returns the files written. */
export async function buildWeb(root = ROOT): Promise<string[]> {
  await Promise.all(WEB_BUNDLES.map((bundle) => build(options(root, bundle))));
  return WEB_BUNDLES.map((bundle) => bundle.outfile);
}

async function watch(root = ROOT): Promise<void> {
  for (const bundle of WEB_BUNDLES) {
    const ctx = await context({ ...options(root, bundle), logLevel: 'info' });
    await ctx.watch();
  }
  process.stdout.write('Watching web/ (Ctrl+C stops)\n');
}

if (require.main === module) {
  const work = process.argv.includes('--watch')
    ? watch()
    : buildWeb().then((files) => process.stdout.write(`Bundled ${files.join(', ')}\n`));
  work.catch((err: unknown) => {
    // esbuild has printed the compile errors already.
    process.stderr.write(
      `Browser bundles failed: ${err instanceof Error ? err.message.split('\n')[0] : String(err)}\n`,
    );
    process.exit(1);
  });
}
