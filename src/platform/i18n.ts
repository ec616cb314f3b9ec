import { extensionApi } from './native.ts';

/** A UI string from _locales in the browser's language; the key itself if a string is missing. */
export function t(key: string, ...substitutions: (string | number)[]): string {
  return extensionApi().i18n.getMessage(key, substitutions.map(String)) || key;
}

export const uiLanguage = (): string => extensionApi().i18n.getUILanguage();

/** The UI's writing direction: "rtl" in Hebrew (or Arabic…), from the browser's predefined message. */
export const uiDirection = (): 'ltr' | 'rtl' => (extensionApi().i18n.getMessage('@@bidi_dir') === 'rtl' ? 'rtl' : 'ltr');

/**
 * Fills elements marked `data-i18n` (text) and `data-i18n-label` (aria-label, placeholder), and
 * gives the page the UI's language and direction (its CSS is written in logical properties).
 */
export function localisePage(root: ParentNode = document): void {
  for (const el of root.querySelectorAll<HTMLElement>('[data-i18n]')) el.textContent = t(el.dataset.i18n ?? '');
  for (const el of root.querySelectorAll<HTMLElement>('[data-i18n-label]')) {
    const text = t(el.dataset.i18nLabel ?? '');
    el.setAttribute('aria-label', text);
    if (el instanceof HTMLInputElement) el.placeholder = text;
  }
  document.documentElement.lang = uiLanguage();
  document.documentElement.dir = uiDirection();
}
