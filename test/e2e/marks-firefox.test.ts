// Link marks (issue 16) in Firefox ESR (/usr/bin/firefox-esr, or FIREFOX_PATH) with dist/firefox (or DEJA_LU_DIST).
import { marksScenario } from './marks-scenario.ts';

marksScenario('firefox');
