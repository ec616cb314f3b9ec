/**
 * Scoped to the notice's shadow root; `all: initial` keeps inherited page styles out. On the host,
 * which the page's selectors can match (`body > * { transform: … }`), it must be !important: a
 * page's normal rules beat a shadow root's normal :host rules, but an important :host rule beats
 * every page rule, inline styles included.
 */
export const NOTICE_CSS = `
:host { all: initial !important; }
.panel {
  all: initial; box-sizing: border-box; position: fixed; inset-block-end: 16px; inset-inline-end: 16px;
  z-index: 2147483647; max-width: min(360px, calc(100vw - 32px)); padding: 12px 36px 10px 14px;
  padding-inline: 14px 36px; border-radius: 10px; background: #ffffff; color: #1d1b20;
  border: 1px solid #d9d2ea; box-shadow: 0 6px 24px rgba(30, 10, 60, .18);
  font: 13px/1.45 system-ui, -apple-system, "Segoe UI", sans-serif; display: block;
}
@media (prefers-color-scheme: dark) {
  .panel { background: #252230; color: #ece9f1; border-color: #433c55; }
  .button, .link { color: #c9b3ff !important; }
  .quiet { color: #b8b0c6 !important; }
}
.message { margin: 0 0 8px; font-weight: 600; }
.site { color: #5a22c9; }
@media (prefers-color-scheme: dark) { .site { color: #c9b3ff; } }
.actions { display: flex; gap: 12px; flex-wrap: wrap; align-items: center; }
.button, .link {
  all: unset; cursor: pointer; color: #5a22c9; font-weight: 600; text-decoration: underline;
  text-underline-offset: 2px; border-radius: 3px;
}
.quiet { font-weight: 400; font-size: 12px; color: #5f5b66; margin-top: 6px; }
.button:focus-visible, .link:focus-visible, .close:focus-visible { outline: 2px solid #5a22c9; outline-offset: 2px; }
.close {
  all: unset; position: absolute; inset-block-start: 6px; inset-inline-end: 8px; width: 24px; height: 24px;
  text-align: center; line-height: 24px; font-size: 18px; cursor: pointer; border-radius: 4px; color: inherit;
}
.status { margin: 6px 0 0; min-height: 0; }
.status:empty { display: none; }
`;
