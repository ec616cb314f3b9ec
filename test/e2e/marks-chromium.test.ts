// Link marks (issue 16) in Chromium (Debian's /usr/bin/chromium, or CHROMIUM_PATH) with dist/chrome (or DEJA_LU_DIST).
import { marksScenario } from './marks-scenario.ts';

marksScenario('chromium');
