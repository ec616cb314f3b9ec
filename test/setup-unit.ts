import 'fake-indexeddb/auto';
import { vi } from 'vitest';

// webextension-polyfill refuses to load outside an extension; unit tests never need the real one.
vi.mock('../src/platform/browser.ts', () => ({ default: {} }));
