/** Fault-injection tests: slower, run separately (npm run test:faults) and in CI. */
const base = require('./jest.config.js');
module.exports = { ...base, testMatch: ['**/test/faults/**/*.test.ts'], testPathIgnorePatterns: ['/node_modules/'], testTimeout: 180000, maxWorkers: 1 };
