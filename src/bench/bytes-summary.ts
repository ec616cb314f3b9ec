/** Bytes per stored article over many records: means per part, index and field. Pure. */
import type { RecordBytes } from './bytes.ts';
import { summarise, type Summary } from './stats.ts';

export interface BytesSummary {
  method: string;
  articles: number;
  total: Summary;
  value: Summary;
  primary: number;
  /** Mean bytes of each index's entries per article. */
  indexes: Record<string, number>;
  /** Mean bytes each record field adds to the serialized value. */
  fields: Record<string, number>;
  /** Mean extra bytes in Chromium (31-bit small integers), not included in `total`. */
  chromiumSmiExtra: number;
  /** Mean total of the synthetic seeded records, to show they are shaped like real ones. */
  syntheticMean: number;
}

export const BYTES_METHOD =
  'record value: node:v8 serialize (V8 ValueSerializer, as Chromium stores IndexedDB values) of the stored form (encode()) of the record recordReport wrote for each corpus article; ' +
  'plus one object-store entry (primary key) and, per index, one entry (index key + primary key), keys sized as Chromium encodes them (number 9 B; string 1 B + varint length + 2 B per UTF-16 unit); ' +
  'plus the postings: 8 B per look-up key, and each bucket row\'s key and header shared among its postings at the largest history size timed; ' +
  'plus the sites\' rows (latest ids and name, one row a site) shared among the articles of that history; ' +
  'LevelDB prefixes, sequence numbers, block overhead and compression not counted';

export function summariseBytes(real: readonly RecordBytes[], synthetic: readonly RecordBytes[]): BytesSummary {
  const mean = (values: readonly number[]) => (values.length ? values.reduce((a, b) => a + b, 0) / values.length : Number.NaN);
  const meanOf = (key: 'indexes' | 'fields') => {
    const names = new Set(real.flatMap((r) => Object.keys(r[key])));
    return Object.fromEntries([...names].map((name) => [name, mean(real.map((r) => r[key][name] ?? 0))]));
  };
  return {
    method: BYTES_METHOD,
    articles: real.length,
    total: summarise(real.map((r) => r.total)),
    value: summarise(real.map((r) => r.value)),
    primary: mean(real.map((r) => r.primary)),
    indexes: meanOf('indexes'),
    fields: meanOf('fields'),
    chromiumSmiExtra: mean(real.map((r) => r.chromiumSmiExtra)),
    syntheticMean: mean(synthetic.map((r) => r.total)),
  };
}
