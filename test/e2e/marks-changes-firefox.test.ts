// Link marks on a page that keeps changing its links, in Firefox ESR (/usr/bin/firefox-esr, or FIREFOX_PATH) with dist/firefox (or DEJA_LU_DIST).
import { marksChangesScenario } from './marks-changes-scenario.ts';

marksChangesScenario('firefox');
