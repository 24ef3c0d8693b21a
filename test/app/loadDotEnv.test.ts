import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

const MODULE = path.resolve(__dirname, '../../src/app/loadDotEnv.ts');

/**
 * Runs loadDotEnv in a fresh Node process (jest's sandbox keeps its own copy of process.env, which
 * Node's loader does not write) and returns what the environment then holds.
 */
function environmentAfterLoading(directory: string, env: Record<string, string>): Record<string, string | null> {
  const script = `
    const { loadDotEnv } = require(${JSON.stringify(MODULE)});
    const file = loadDotEnv(${JSON.stringify(directory)});
    process.stdout.write(JSON.stringify({
      file: file ?? null,
      fromFile: process.env.LOTSE_DOTENV_TEST_FROM_FILE ?? null,
      set: process.env.LOTSE_DOTENV_TEST_SET ?? null,
    }));`;
  const run = spawnSync(process.execPath, ['--import', 'tsx', '-e', script], {
    env: { PATH: process.env.PATH ?? '', ...env },
    encoding: 'utf8',
  });
  if (run.status !== 0) throw new Error(run.stderr);
  return JSON.parse(run.stdout) as Record<string, string | null>;
}

describe('.env at start', () => {
  let directory: string;
  beforeEach(() => {
    directory = mkdtempSync(path.join(tmpdir(), 'lotse-dotenv-'));
  });
  afterEach(() => rmSync(directory, { recursive: true, force: true }));

  it('reads the file into the environment without overriding what is already set', () => {
    writeFileSync(
      path.join(directory, '.env'),
      '# comment\nLOTSE_DOTENV_TEST_FROM_FILE=aus der Datei\nLOTSE_DOTENV_TEST_SET=file\n',
    );
    expect(environmentAfterLoading(directory, { LOTSE_DOTENV_TEST_SET: 'shell' })).toEqual({
      file: path.join(directory, '.env'),
      fromFile: 'aus der Datei',
      set: 'shell',
    });
  });

  it('starts without a file', () => {
    expect(environmentAfterLoading(directory, {})).toEqual({ file: null, fromFile: null, set: null });
  });
});
