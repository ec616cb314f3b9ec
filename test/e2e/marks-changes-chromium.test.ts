// Link marks on a page that keeps changing its links, in Chromium (Debian's /usr/bin/chromium, or CHROMIUM_PATH) with dist/chrome (or DEJA_LU_DIST).
import { marksChangesScenario } from './marks-changes-scenario.ts';

marksChangesScenario('chromium');
