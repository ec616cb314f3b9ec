import { marksOddPages } from './marks-odd-scenario.ts';

marksOddPages('chromium');
