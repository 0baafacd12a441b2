// Checks .dockerignore with Docker's own matching rules (@balena/dockerignore, the matcher of
// Docker's build-context format): the build context holds what the image's build needs and nothing
// else. The tracked files are read from stdin (git ls-files), one per line.
//   git ls-files | node deploy/tools/dockerignore-check.mjs .dockerignore
// One problem per line on stderr; exit 1 when there is any.
import { readFileSync } from "node:fs";
import dockerignore from "@balena/dockerignore";

const [path] = process.argv.slice(2);
const ignore = dockerignore({ ignorecase: false }).add(readFileSync(path, "utf8"));
const files = readFileSync(0, "utf8").split("\n").filter(Boolean);
const problems = [];

// What the Dockerfile's build stage reads.
const needed = ["global.json", "Directory.Build.props", "Directory.Packages.props", "BannedSymbols.txt", ".editorconfig",
  "scripts/publish.sh", "src/CoalitionBot/CoalitionBot.csproj", "src/CoalitionBot/Program.cs",
  "src/CoalitionBot/appsettings.json", "src/CoalitionBot/native-order.txt"];
for (const file of needed) {
  if (ignore.ignores(file)) problems.push(`${file} is needed by the build but left out of the context`);
}
const sent = files.filter((file) => !ignore.ignores(file));
for (const file of sent) {
  const allowed = needed.includes(file) || (file.startsWith("src/") && !file.endsWith(".md"));
  if (!allowed) problems.push(`${file} is sent to the build context: a change to it would rebuild the image`);
}
// Never in the context, tracked or not: build output, local state and secrets.
for (const file of ["src/CoalitionBot/bin/Release/x.dll", "src/CoalitionBot/obj/project.assets.json", ".env", "src/.env",
  "data/coalitionbot.db", "README.md", "docs/deployment.md", "tests/CoalitionBot.Tests/X.cs", "bench/load/x.sh"]) {
  if (!ignore.ignores(file)) problems.push(`${file} would be sent to the build context`);
}
if (files.length === 0) problems.push("no tracked file on stdin");
for (const problem of problems) console.error(problem);
console.log(`${sent.length} of ${files.length} tracked files go to the build context`);
process.exit(problems.length === 0 ? 0 : 1);
