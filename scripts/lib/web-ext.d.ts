// web-ext ships no types: the part of its API that scripts/lint-firefox.mjs calls, as web-ext 10 has it.
declare module 'web-ext' {
  /** One finding of addons-linter. */
  export interface LintMessage {
    _type: 'error' | 'warning' | 'notice';
    code: string;
    message: string;
    description: string;
    file?: string;
    line?: number;
    column?: number;
  }
  export interface LintResult {
    summary: { errors: number; warnings: number; notices: number };
    errors: LintMessage[];
    warnings: LintMessage[];
    notices: LintMessage[];
  }
  const webExt: {
    cmd: {
      lint(
        params: { sourceDir: string; output: 'none' | 'text' | 'json'; selfHosted?: boolean },
        options: { shouldExitProgram: boolean },
      ): Promise<LintResult>;
    };
  };
  export default webExt;
}
