/**
 * Loads both message catalogues before each test file, so tests can call `translator('en')` and
 * `translator('es')` at once. A page loads only its own language, on demand: the browser tests
 * check that (test/e2e/embed-budget.e2e.test.ts, test/e2e/i18n.e2e.test.ts).
 */
import { loadLanguage } from '../../src/i18n/messages';

await Promise.all([loadLanguage('en'), loadLanguage('es')]);
