// Hostile pages, privacy and lifecycle in Firefox ESR (/usr/bin/firefox-esr, or FIREFOX_PATH).
import { hostileScenario } from './hostile/index.ts';

hostileScenario('firefox');
