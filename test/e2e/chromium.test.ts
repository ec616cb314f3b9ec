// The reading scenario in Chromium (Debian's /usr/bin/chromium, or CHROMIUM_PATH) with dist/chrome.
import { readingScenario } from './reading-scenario.ts';

readingScenario('chromium');
