/**
 * npm run teams:package [-- --out file.zip]: the Teams app package (manifest.json, color.png,
 * outline.png) for this deployment, from MicrosoftAppId, PUBLIC_URL and optionally TEAMS_APP_ID
 * and COMPANY_NAME in the environment.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { buildManifest, TEAMS_DIR, TeamsPackageError, teamsAppSettings } from './teamsApp/teamsManifest';
import { writeZip } from './teamsApp/zipWriter';

/** The package as bytes; throws TeamsPackageError on a setting that would make it unusable. */
export function buildTeamsPackage(env: Record<string, string | undefined>): Buffer {
  const manifest = buildManifest(teamsAppSettings(env));
  return writeZip([
    { name: 'manifest.json', data: Buffer.from(`${JSON.stringify(manifest, null, 2)}\n`, 'utf8') },
    { name: 'color.png', data: readFileSync(path.join(TEAMS_DIR, 'color.png')) },
    { name: 'outline.png', data: readFileSync(path.join(TEAMS_DIR, 'outline.png')) },
  ]);
}

function main(argv: string[]): number {
  const outIndex = argv.indexOf('--out');
  const out = path.resolve(outIndex >= 0 && argv[outIndex + 1] ? argv[outIndex + 1] : 'dist/lotse-teams-app.zip');
  try {
    const zip = buildTeamsPackage(process.env);
    mkdirSync(path.dirname(out), { recursive: true });
    writeFileSync(out, zip);
    process.stdout.write(`Teams app package written: ${out} (${zip.length} bytes)\n`);
    return 0;
  } catch (err) {
    if (err instanceof TeamsPackageError) {
      process.stderr.write(`teams:package: ${err.message}\n`);
      return 1;
    }
    throw err;
  }
}

if (require.main === module) process.exitCode = main(process.argv.slice(2));
