// npm run bench: runs every scripts/bench/*.ts module (each exports `run(): void | Promise<void>` and prints
// its own figures; shared helpers live in scripts/lib). Benchmarks print numbers; they never assert on time.
import { readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const dir = join(dirname(fileURLToPath(import.meta.url)), 'bench');
const only = process.argv[2];
for (const file of readdirSync(dir)
  .filter((f) => f.endsWith('.ts'))
  .sort()) {
  if (only && !file.includes(only)) continue;
  const mod = (await import(pathToFileURL(join(dir, file)).href)) as { run: () => void | Promise<void> };
  console.log(`\n## ${file.replace(/\.ts$/, '')}`);
  await mod.run();
}
