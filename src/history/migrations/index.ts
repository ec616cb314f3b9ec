/** The upgrade ladder: step N brings a database from version N - 1 to N. Append only. */
import type { Step } from './ladder.ts';
import { upgradeToV1 } from './v1.ts';
import { upgradeToV2 } from './v2.ts';
import { upgradeToV3 } from './v3.ts';
import { upgradeToV4 } from './v4.ts';
import { upgradeToV5 } from './v5.ts';
import { upgradeToV6 } from './v6.ts';

export const MIGRATIONS: readonly Step[] = [upgradeToV1, upgradeToV2, upgradeToV3, upgradeToV4, upgradeToV5, upgradeToV6];

export const DB_VERSION = MIGRATIONS.length;
