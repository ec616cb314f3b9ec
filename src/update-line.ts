/** "Updated since you read it · 2 days ago · 3 new paragraphs": the notice's and the popup's words for an update. */
import { t } from './platform/i18n.ts';
import type { Update } from './protocol.ts';
import { timeAgo } from './time-ago.ts';

export function updateLine(update: Update, now: number, language?: string): string {
  const fresh = update.fresh === 1 ? t('updatedOneParagraph') : t('updatedParagraphs', update.fresh);
  return `${t('updatedSince')} · ${timeAgo(update.lastRead, now, language)} · ${fresh}`;
}
