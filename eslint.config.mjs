import js from '@eslint/js';
import tseslint from 'typescript-eslint';

/**
 * Data flows channel -> adapter -> bot -> dialog -> services; imports may only point down that flow.
 * src/app/ holds the composition root's wiring: it may import everything, and only src/index.ts
 * imports it. Relative specifiers are matched by how many `../` lead back to src/, so the domain
 * port folder `src/services/channels/` is not taken for the adapters in `src/channels/`.
 */
const WIRING_WHY = 'src/app/ is the composition root\'s wiring: only src/index.ts imports it';
const LAYERS = {
  services: {
    forbidden: ['bots', 'dialogs', 'http', 'channels'],
    why: 'services are the domain: they import no bots, dialogs, HTTP or channel adapters',
  },
  dialogs: {
    forbidden: ['bots', 'http', 'channels'],
    why: 'dialogs import no bots, HTTP or channel adapters; collaborators come from the composition root',
  },
  channels: {
    forbidden: ['bots', 'dialogs', 'http'],
    why: 'channel adapters import no bots, dialogs or HTTP; they run turns through the runner they are given',
  },
  bots: { forbidden: [], why: '' },
  http: { forbidden: [], why: '' },
  tools: { forbidden: [], why: '' },
};

/** The import rule for files `depth` folders below src/ (src/services/x.ts is depth 1). */
function againstTheFlow(forbidden, depth, why) {
  const up = depth === 0 ? '\\./' : '\\.\\./'.repeat(depth);
  const patterns = [{ regex: `^${up}app(/|$)`, message: WIRING_WHY }];
  if (forbidden.length > 0) patterns.push({ regex: `^${up}(${forbidden.join('|')})(/|$)`, message: why });
  return { 'no-restricted-imports': ['error', { patterns }] };
}

const FLOW = [
  // src/config.ts and the like; src/index.ts is the one file that wires src/app/ in.
  { files: ['src/*.ts'], ignores: ['src/index.ts'], rules: againstTheFlow([], 0, '') },
  ...Object.entries(LAYERS).flatMap(([folder, { forbidden, why }]) =>
    [1, 2, 3, 4].map((depth) => ({
      files: [`src/${folder}/${'*/'.repeat(depth - 1)}*.ts`],
      rules: againstTheFlow(forbidden, depth, why),
    })),
  ),
];

/**
 * Browser code (web/): bundled by esbuild into the pages' scripts. Browser globals only, no Node
 * built-ins, and from src/ only the dependency-free HTTP contracts (src/http/routes/*Contract.ts).
 */
const BROWSER_GLOBALS = Object.fromEntries(
  ['window', 'document', 'navigator', 'location', 'fetch', 'console', 'setTimeout', 'clearTimeout', 'setInterval', 'clearInterval', 'sessionStorage', 'localStorage', 'URLSearchParams', 'CSS', 'Intl', 'confirm', 'alert'].map((name) => [name, 'readonly']),
);
const WEB = {
  files: ['web/**/*.ts'],
  languageOptions: { sourceType: 'module', globals: BROWSER_GLOBALS },
  rules: {
    'no-restricted-globals': ['error', 'process', 'require', 'module', '__dirname', '__filename', 'Buffer', 'global'],
    'no-restricted-imports': ['error', { patterns: [
      { regex: '^node:', message: 'browser code: no Node built-ins' },
      { regex: '^(\\.\\./)+src/(?!http/routes/\\w+Contract$)', message: 'browser code imports from src/ only the HTTP contracts (src/http/routes/*Contract.ts)' },
    ] }],
  },
};

export default tseslint.config(
  // public/admin/admin.js and public/agent/agent.js are bundles built from web/ (not in git).
  { ignores: ['node_modules/', 'dist/', 'data/', 'coverage/', 'public/vendor/', 'tools/local-mongo/', 'public/admin/admin.js', 'public/agent/agent.js', 'public/training/training.js', 'public/reports/reports.js'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  ...FLOW,
  WEB,
  {
    files: ['**/*.js', '**/*.cjs'],
    languageOptions: { sourceType: 'commonjs', globals: { module: 'writable', require: 'readonly', __dirname: 'readonly', process: 'readonly', console: 'readonly' } },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
  {
    files: ['public/**/*.js'],
    languageOptions: { sourceType: 'script', globals: { window: 'readonly', document: 'readonly', fetch: 'readonly', WebChat: 'readonly', console: 'readonly', setTimeout: 'readonly', setInterval: 'readonly', clearInterval: 'readonly', localStorage: 'readonly', sessionStorage: 'readonly', microsoftTeams: 'readonly', EventSource: 'readonly', URLSearchParams: 'readonly', location: 'readonly', alert: 'readonly', confirm: 'readonly' } },
  },
);
