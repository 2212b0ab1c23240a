/**
 * Loads both message catalogues before each test file, so tests can call `translator('en')` and
 * `translator('es')` at once. A page loads only its own language, on demand: the browser tests
 * check that (test/e2e/embed-budget.e2e.test.ts, test/e2e/i18n.e2e.test.ts).
 */
import { loadExplorerLanguage } from '../../src/ui/explorerText';

// Each catalogue, and the explorer's own text (glossary, presets) with it.
await Promise.all([loadExplorerLanguage('en'), loadExplorerLanguage('es')]);
