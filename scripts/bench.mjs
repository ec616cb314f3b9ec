// Runs the Node benchmark (dist/bench.js, built by scripts/build.mjs) with the garbage collector
// exposed, so phases start from a collected heap. Arguments pass through: [CORPUS] [--check].
import { spawn } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const child = spawn(process.execPath, ['--expose-gc', join(root, 'dist', 'bench.js'), ...process.argv.slice(2)], { stdio: 'inherit' });
child.on('exit', (code, signal) => {
  process.exitCode = code ?? (signal ? 1 : 0);
});
