/**
 * The article's formulas in TeX (the same in every language) and the live ones built from the
 * engine's numbers. Sources: Rasmussen & Williams (2006), eqs. 5.8–5.9 for L and its gradient;
 * the implicit function theorem as in the Cross Validated answer 447199.
 */
import katex from 'katex';
import type { Matrix3 } from '../engine';
import type { Language } from './messages';
import { texMatrix } from '../i18n/texNumber';

export const RULE_TEX = String.raw`\hat\theta(X, y) = \operatorname*{argmax}_{\theta}\ \log p(y \mid X, \theta)`;
// Each formula is set on lines narrow enough for a phone (about 330 px of text).
export const STATIONARY_TEX = String.raw`\begin{gathered}\nabla_{\theta} L\big(\hat\theta(y), y\big) = 0 \\ \text{for every } y \text{ near the data}\end{gathered}`;
export const STATIONARY_TEX_ES = String.raw`\begin{gathered}\nabla_{\theta} L\big(\hat\theta(y), y\big) = 0 \\ \text{para todo } y \text{ cerca de los datos}\end{gathered}`;
export const IFT_TEX = String.raw`\begin{aligned}
H\,\frac{d\hat\theta}{dy} + \frac{\partial^2 L}{\partial\theta\,\partial y} &= 0 \\
\Longrightarrow\quad \frac{d\hat\theta}{dy} &= -H^{-1}\,\frac{\partial^2 L}{\partial\theta\,\partial y}, \\
H &= \frac{\partial^2 L}{\partial\theta\,\partial\theta^{\mathsf T}}\Big|_{\hat\theta}
\end{aligned}`;
export const GP_TEX = String.raw`\begin{aligned}
L &= -\tfrac12\, y^{\mathsf T} K^{-1} y - \tfrac12 \log|K| - \tfrac n2 \log 2\pi \\
\frac{\partial L}{\partial\theta_j} &= \tfrac12\, \alpha^{\mathsf T} K_j\, \alpha - \tfrac12 \operatorname{tr}\!\big(K^{-1} K_j\big), \\
K_j &= \partial K/\partial\theta_j \\
\frac{\partial^2 L}{\partial\theta_j\,\partial y} &= K^{-1} K_j\, \alpha
\end{aligned}`;
export const SOURCE_TEX = String.raw`\begin{aligned}
&-y^{\mathsf T} K^{-1} y - \tfrac12\log|K| \\
={}&-\tfrac12\,(\sqrt2\,y)^{\mathsf T} K^{-1} (\sqrt2\,y) - \tfrac12\log|K|
\end{aligned}`;

/** TeX as HTML (with MathML for screen readers). */
export function tex(source: string, display = true): string {
  return katex.renderToString(source, {
    displayMode: display,
    throwOnError: false,
    output: 'htmlAndMathml',
  });
}

/**
 * −H⁻¹ g = s with the chosen point's numbers: H 3×3, g = ∂²L/∂θ∂yᵢ, s = d log θ̂/dyᵢ, one a line
 * (H, then g, then the product and its result), so that no line is wider than a phone.
 */
export function iftNumbersTex(
  language: Language,
  index: number,
  hessian: Matrix3,
  mixed: readonly number[],
  result: readonly number[],
): string {
  const column = (values: readonly number[]) =>
    texMatrix(
      language,
      values.map((v) => [v]),
    );
  const mixedName = String.raw`\frac{\partial^2 L}{\partial\theta\,\partial y_{${index}}}`;
  return String.raw`\begin{aligned}
H &= ${texMatrix(language, hessian)} \\[4pt]
${mixedName} &= ${column(mixed)} \\[4pt]
\frac{d\log\hat\theta}{dy_{${index}}} &= -H^{-1}\,${mixedName} = ${column(result)}
\end{aligned}`;
}
