// The reader's side (issue 4) in Firefox ESR (/usr/bin/firefox-esr, or FIREFOX_PATH) with dist/firefox (or DEJA_LU_DIST).
import { readerScenario } from './reader-scenario.ts';

readerScenario('firefox');
