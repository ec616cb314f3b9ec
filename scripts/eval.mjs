// `npm run eval -- [CORPUS]`: runs the evaluation bundled by build.mjs (src/eval → dist/eval.js).
await import(new URL('../dist/eval.js', import.meta.url).href);
