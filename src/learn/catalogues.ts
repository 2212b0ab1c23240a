/**
 * The article's text in both languages at once, for what renders or checks both: the build
 * (learn.html and learn.es.html, build/vitePlugin.ts) and the tests. The page itself loads only
 * its reader's language (`loadArticleMessages` in messages.ts).
 */
import { en } from './messages.en';
import { es } from './messages.es';
import type { Language, LearnMessages } from './messages';

export const CATALOGUES: Readonly<Record<Language, LearnMessages>> = { en, es };
