import js from '@eslint/js';
import tseslint from 'typescript-eslint';

/**
 * Data flows channel -> adapter -> bot -> dialog -> services; imports may only point down that flow.
 * Relative specifiers are matched by how many `../` lead back to src/, so the domain port folder
 * `src/services/channels/` is not taken for the adapters in `src/channels/`.
 */
const SERVICES_MAY_NOT = ['bots', 'dialogs', 'http', 'channels'];
const DIALOGS_MAY_NOT = ['bots', 'http', 'channels'];
const SERVICES_WHY = 'services are the domain: they import no bots, dialogs, HTTP or channel adapters';
const DIALOGS_WHY = 'dialogs import no bots, HTTP or channel adapters; collaborators come from the composition root';

/** The rule for files `depth` folders below src/ (src/services/x.ts is depth 1). */
function againstTheFlow(forbidden, depth, why) {
  const regex = `^${'\\.\\./'.repeat(depth)}(${forbidden.join('|')})(/|$)`;
  return { 'no-restricted-imports': ['error', { patterns: [{ regex, message: why }] }] };
}

function layer(folder, forbidden, why) {
  return [1, 2, 3].map((depth) => ({
    files: [`src/${folder}/${'*/'.repeat(depth - 1)}*.ts`],
    rules: againstTheFlow(forbidden, depth, why),
  }));
}

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
  { ignores: ['node_modules/', 'dist/', 'data/', 'coverage/', 'public/vendor/', 'tools/local-mongo/', 'public/admin/admin.js', 'public/agent/agent.js'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  ...layer('services', SERVICES_MAY_NOT, SERVICES_WHY),
  ...layer('dialogs', DIALOGS_MAY_NOT, DIALOGS_WHY),
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
