import browser from './browser.ts';

/** Small bookkeeping values kept in storage.local under `meta:` keys. */
export async function loadValue<T>(key: string, fallback: T): Promise<T> {
  const found = await browser.storage.local.get(`meta:${key}`);
  return (found[`meta:${key}`] as T | undefined) ?? fallback;
}

export async function saveValue<T>(key: string, value: T): Promise<void> {
  await browser.storage.local.set({ [`meta:${key}`]: value });
}
