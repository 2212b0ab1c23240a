/**
 * Renders the article into learn.html at build time (and in the dev server), so its text and a
 * static picture of every figure are in the HTML without JavaScript: learn.html in English and,
 * in the build, a copy in Spanish as learn.es.html (`<html lang="es" data-fixed-lang="es">`).
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Plugin } from 'vite';
import { renderArticle, escapeHtml } from '../article';
import { computeArticleFacts, type ArticleFacts } from '../facts';
import { CATALOGUES } from '../catalogues';
import type { Language } from '../messages';

function head(language: Language): string {
  const m = CATALOGUES[language];
  return `<title>${escapeHtml(m.pageTitle)}</title>
    <meta name="description" content="${escapeHtml(m.metaDescription)}" />
    <link rel="alternate" hreflang="en" href="learn.html?lang=en" />
    <link rel="alternate" hreflang="es" href="learn.es.html" />`;
}

const HEAD_START = '<!--learn:head-start-->';
const HEAD_END = '<!--learn:head-end-->';
const ARTICLE_START = '<!--learn:article-start-->';
const ARTICLE_END = '<!--learn:article-end-->';

/** `html` with the text between `start` and `end` replaced by `content`. */
function between(html: string, start: string, end: string, content: string): string {
  const from = html.indexOf(start);
  const to = html.indexOf(end, from);
  if (from < 0 || to < 0) throw new Error(`learn.html: ${start} … ${end} not found`);
  return html.slice(0, from + start.length) + content + html.slice(to);
}

export function learnArticlePlugin(): Plugin {
  let facts: ArticleFacts | null = null;
  const render = (html: string, language: Language, spanishHref: string) => {
    facts ??= computeArticleFacts();
    return html
      .replace('<!--learn:head-->', `${HEAD_START}${head(language)}${HEAD_END}`)
      .replace(
        '<!--learn:article-->',
        `${ARTICLE_START}${renderArticle(language, CATALOGUES[language], facts, { spanishHref })}${ARTICLE_END}`,
      );
  };
  return {
    name: 'learn-article',
    transformIndexHtml: {
      order: 'pre',
      handler(html, context) {
        if (!context.filename.endsWith('learn.html')) return html;
        return render(html, 'en', context.server ? 'learn.html?lang=es' : 'learn.es.html');
      },
    },
    // After the HTML is written (Vite's own HTML step runs late), the Spanish copy beside it.
    writeBundle(options, bundle) {
      if (!bundle['learn.html'] || !options.dir) return;
      const englishPath = join(options.dir, 'learn.html');
      facts ??= computeArticleFacts();
      let spanish = readFileSync(englishPath, 'utf8').replace(
        '<html lang="en">',
        '<html lang="es" data-fixed-lang="es">',
      );
      spanish = between(spanish, HEAD_START, HEAD_END, head('es'));
      spanish = between(
        spanish,
        ARTICLE_START,
        ARTICLE_END,
        renderArticle('es', CATALOGUES.es, facts, { spanishHref: 'learn.es.html' }),
      );
      writeFileSync(join(options.dir, 'learn.es.html'), spanish);
    },
  };
}
