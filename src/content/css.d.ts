/** A stylesheet imported as its text (`?inline`): minified by the build, read as it is by Vitest. */
declare module '*.css?inline' {
  const css: string;
  export default css;
}
