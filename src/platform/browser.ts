// The only importer of webextension-polyfill: everything else reaches the browser through
// the small adapters beside this file, so unit tests can replace them.
import browser from 'webextension-polyfill';

export default browser;
