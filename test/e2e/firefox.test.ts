// The reading scenario in Firefox ESR (/usr/bin/firefox-esr, or FIREFOX_PATH) with dist/firefox.
import { readingScenario } from './reading-scenario.ts';

readingScenario('firefox');
