// The reader's side (issue 4) in Chromium (Debian's /usr/bin/chromium, or CHROMIUM_PATH) with dist/chrome (or DEJA_LU_DIST).
import { readerScenario } from './reader-scenario.ts';

readerScenario('chromium');
