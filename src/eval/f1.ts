/**
 * Extraction quality: bag-of-tokens F1 of an extracted text against a gold text, with the
 * project's own normalisation and tokenisation, so the figure counts what fingerprinting sees.
 */
import { normalise } from '../core/normalise.ts';
import { tokenise } from '../core/tokenise.ts';

export function textTokens(text: string): string[] {
  return tokenise(normalise(text));
}

export interface PRF {
  precision: number;
  recall: number;
  f1: number;
}

/** A page whose extraction failed: nothing extracted, so everything is 0. */
export const FAILED: PRF = { precision: 0, recall: 0, f1: 0 };

/** Multiset overlap: a token counts as often as it occurs in both texts (the smaller count). */
export function bagF1(predicted: readonly string[], gold: readonly string[]): PRF {
  if (predicted.length === 0 && gold.length === 0) return { precision: 1, recall: 1, f1: 1 };
  const remaining = new Map<string, number>();
  for (const token of gold) remaining.set(token, (remaining.get(token) ?? 0) + 1);
  let common = 0;
  for (const token of predicted) {
    const left = remaining.get(token) ?? 0;
    if (left === 0) continue;
    common++;
    remaining.set(token, left - 1);
  }
  const precision = predicted.length === 0 ? 0 : common / predicted.length;
  const recall = gold.length === 0 ? 0 : common / gold.length;
  const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
  return { precision, recall, f1 };
}

/** Arithmetic mean; null for no values (printed as a dash, never as 0). */
export function mean(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  let sum = 0;
  for (const value of values) sum += value;
  return sum / values.length;
}
