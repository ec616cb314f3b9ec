// Hostile pages, privacy and lifecycle in Chromium (Debian's /usr/bin/chromium, or CHROMIUM_PATH).
import { hostileScenario } from './hostile/index.ts';

hostileScenario('chromium');
