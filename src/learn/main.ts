/**
 * The article page: picks the language (`?lang=`, then the page's own, then the browser's), loads
 * that language's text (a chunk of its own), renders the article in it when the HTML was built in
 * another, then replaces each static picture with its live figure. Until then, and for good if the
 * text cannot be loaded, the page is the article the build wrote, as it reads without scripts.
 */
import 'katex/dist/katex.min.css';
import './learn.css';
import { renderArticle } from './article';
import { computeArticleFacts } from './facts';
import { mountLiveFigures } from './live';
import { chooseLanguage, loadArticleMessages } from './messages';

const root = document.getElementById('learn-root')!;
const language = chooseLanguage(
  location.search,
  document.documentElement.dataset.fixedLang ?? null,
  navigator.languages.length > 0 ? navigator.languages : [navigator.language],
);
// The text downloads while the engine computes the figures' numbers.
const loading = loadArticleMessages(language);
const facts = computeArticleFacts();
// A callback, not a top-level await: an entry with one makes the bundler split the chunks it
// shares with the explorer and the widget into more, smaller files (+1.1 kB gzip for the widget).
void loading.then((m) => {
  const built = root.querySelector<HTMLElement>('main')?.dataset.language;
  if (built !== language) {
    // The Spanish link the build wrote (learn.es.html, or ?lang=es in the dev server).
    const spanishHref =
      root.querySelector('a[hreflang="es"]')?.getAttribute('href') ?? 'learn.html?lang=es';
    root.innerHTML = renderArticle(language, m, facts, { spanishHref });
  }
  document.documentElement.lang = language;
  document.title = m.pageTitle;
  document.querySelector('meta[name="description"]')?.setAttribute('content', m.metaDescription);
  mountLiveFigures(root, language, m, facts);
});
