/**
 * Numbers for TeX in the reader's language: four significant digits, ×10ⁿ when large or small,
 * and the decimal comma in Spanish (`{,}`, so TeX does not space it as punctuation).
 */
import type { Language } from './language';

export function texNumber(language: Language, value: number): string {
  if (!Number.isFinite(value)) return String.raw`\text{—}`;
  const magnitude = Math.abs(value);
  const mark = (text: string) => (language === 'es' ? text.replace('.', '{,}') : text);
  if (value === 0 || (magnitude >= 1e-3 && magnitude < 1e5))
    return mark(String(Number(value.toPrecision(4))));
  const [mantissa = '', exponent = '0'] = value.toExponential(3).split('e');
  return `${mark(mantissa)}\\times10^{${Number(exponent)}}`;
}

/** A matrix of numbers as a TeX pmatrix, each entry by `texNumber`. */
export function texMatrix(language: Language, rows: readonly (readonly number[])[]): string {
  const body = rows
    .map((row) => row.map((value) => texNumber(language, value)).join(' & '))
    .join(String.raw`\\`);
  return String.raw`\begin{pmatrix}${body}\end{pmatrix}`;
}
