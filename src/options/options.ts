/** The options page: settings, and the reader's control over the history (export, import, clear). */
import { siteEntry } from '../core/url.ts';
import { send } from '../platform/send.ts';
import { t, localisePage } from '../platform/i18n.ts';
import { loadSettings, saveSettings } from '../platform/settings-store.ts';
import type { Settings } from '../settings.ts';

const $ = <T extends HTMLElement>(id: string) => document.getElementById(id) as T;
const form = () => $('settings') as HTMLFormElement;
const field = <T extends HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement>(name: string) => form().elements.namedItem(name) as T;
const BOOLEANS = ['paused', 'notice', 'linkMarks', 'recordPrivate'] as const;
const NUMBERS = ['minWords', 'readDelaySeconds', 'retentionDays'] as const;
const LISTS = ['excludedSites', 'noticeOffSites', 'linkMarksOffSites'] as const;

function fill(settings: Settings): void {
  for (const name of BOOLEANS) field<HTMLInputElement>(name).checked = settings[name];
  for (const name of NUMBERS) field<HTMLInputElement>(name).value = String(settings[name]);
  for (const name of LISTS) field<HTMLTextAreaElement>(name).value = settings[name].join('\n');
  field<HTMLSelectElement>('sensitivity').value = settings.sensitivity;
}

function read(): Partial<Settings> {
  const lines = (name: string) => field<HTMLTextAreaElement>(name).value.split(/\s+/).map(siteEntry).filter(Boolean);
  return {
    ...Object.fromEntries(BOOLEANS.map((name) => [name, field<HTMLInputElement>(name).checked])),
    ...Object.fromEntries(NUMBERS.map((name) => [name, Number(field<HTMLInputElement>(name).value)])),
    ...Object.fromEntries(LISTS.map((name) => [name, lines(name)])),
    sensitivity: field<HTMLSelectElement>('sensitivity').value as Settings['sensitivity'],
  };
}

function say(message: string, error = false): void {
  const status = $('history-status');
  status.textContent = message;
  status.classList.toggle('error', error);
}

const message = (error: unknown) => (error instanceof Error ? error.message : String(error));

async function exportFile(): Promise<void> {
  const file = await send('history/export', {});
  const blob = new Blob([JSON.stringify(file)], { type: 'application/json' });
  const a = document.createElement('a');
  a.href = URL.createObjectURL(blob);
  a.download = `deja-lu-history-${file.exportedAt.slice(0, 10)}.json`;
  a.click();
  setTimeout(() => URL.revokeObjectURL(a.href), 60_000);
  say(t('optionsExported', file.articles.length));
}

async function importFile(input: HTMLInputElement): Promise<void> {
  const chosen = input.files?.[0];
  input.value = '';
  if (!chosen) return;
  let data: unknown;
  try {
    data = JSON.parse(await chosen.text());
  } catch (error) {
    return say(t('optionsImportFailed', `not valid JSON (${message(error)})`), true);
  }
  try {
    const result = await send('history/import', { file: data });
    say(t('optionsImported', result.added, result.merged));
  } catch (error) {
    say(t('optionsImportFailed', message(error)), true);
  }
}

/** The history's health line: what a full disk made the extension delete, in all. */
async function showHealth(): Promise<void> {
  const problem = (await send('history/health', {})).storageProblem;
  if (!problem) return;
  const stopped = problem.stopped ? ` ${t('optionsStorageStopped')}` : '';
  $('history-health').textContent = t('optionsStorageFull', problem.pruned) + stopped;
}

async function main(): Promise<void> {
  localisePage();
  fill(await loadSettings());
  form().addEventListener('submit', (event) => {
    event.preventDefault();
    void saveSettings(read()).then((saved) => {
      fill(saved);
      $('saved').textContent = t('optionsSaved');
    });
  });
  $('export').addEventListener('click', () => void exportFile().catch((e: unknown) => say(message(e), true)));
  $('import-file').addEventListener('change', (event) => void importFile(event.target as HTMLInputElement));
  $('clear').addEventListener('click', () => {
    if (!confirm(t('optionsClearConfirm'))) return;
    void send('history/clear', {}).then((n) => say(t('optionsCleared', n)), (e: unknown) => say(message(e), true));
  });
  // Not awaited: the health check reads the whole history, the page need not wait for it.
  void showHealth().catch((e: unknown) => say(message(e), true));
  document.body.dataset.ready = 'true';
}

main().catch((error: unknown) => say(message(error), true));
