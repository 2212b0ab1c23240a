/**
 * The article page: picks the language (`?lang=`, then the page's own, then the browser's), renders
 * the article in it when the HTML was built in another, then replaces each static picture with its
 * live figure.
 */
import 'katex/dist/katex.min.css';
import './learn.css';
import { renderArticle } from './article';
import { computeArticleFacts } from './facts';
import { mountLiveFigures } from './live';
import { chooseLanguage, CATALOGUES } from './messages';

const root = document.getElementById('learn-root')!;
const language = chooseLanguage(
  location.search,
  document.documentElement.dataset.fixedLang ?? null,
  navigator.languages.length > 0 ? navigator.languages : [navigator.language],
);
const facts = computeArticleFacts();
const built = root.querySelector<HTMLElement>('main')?.dataset.language;
if (built !== language) {
  // The Spanish link the build wrote (learn.es.html, or ?lang=es in the dev server).
  const spanishHref =
    root.querySelector('a[hreflang="es"]')?.getAttribute('href') ?? 'learn.html?lang=es';
  root.innerHTML = renderArticle(language, facts, { spanishHref });
}
document.documentElement.lang = language;
document.title = CATALOGUES[language].pageTitle;
document
  .querySelector('meta[name="description"]')
  ?.setAttribute('content', CATALOGUES[language].metaDescription);
mountLiveFigures(root, language, facts);
