// Bundle the card's sources (src/) with the pinned Lit into the one module Blink Health serves:
// custom_components/blink_health/www/blink-health-card.js. Run through scripts/build_card, which
// installs what package-lock.json pins first.
//
//   node build.mjs               write the bundle
//   node build.mjs --out FILE    write it elsewhere (scripts/build_card --check compares the two)
//
// The bundle's first line carries a hash of its inputs (the sources, package.json, the lockfile
// and this script), so tests/test_card.py can tell a stale bundle without Node.

import { createHash } from "node:crypto";
import { readdirSync, readFileSync } from "node:fs";
import { dirname, join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import { build } from "esbuild";

const HERE = dirname(fileURLToPath(import.meta.url));
const BUNDLE = join(HERE, "..", "custom_components", "blink_health", "www", "blink-health-card.js");

/** The files the bundle is made from, relative to frontend/, sorted. */
function inputs() {
  const sources = readdirSync(join(HERE, "src"))
    .filter((name) => name.endsWith(".js"))
    .map((name) => `src/${name}`);
  return [...sources, "build.mjs", "package.json", "package-lock.json"].sort();
}

/** A hash of every input's name and content (tests/test_card.py computes the same). */
function inputsHash() {
  const digest = createHash("sha256");
  for (const name of inputs()) {
    const content = readFileSync(join(HERE, name));
    digest.update(`${Buffer.byteLength(name)}:${name}${content.length}:`);
    digest.update(content);
  }
  return digest.digest("hex").slice(0, 16);
}

const outIndex = process.argv.indexOf("--out");
const outfile = outIndex === -1 ? BUNDLE : process.argv[outIndex + 1];

await build({
  absWorkingDir: HERE,
  entryPoints: ["src/blink-health-card.js"],
  bundle: true,
  format: "esm",
  // Home Assistant's frontend supports browsers of the last two years; so does this.
  target: "es2022",
  charset: "utf8",
  legalComments: "eof",
  banner: {
    js:
      `// Blink Health's dashboard card, bundled with Lit from frontend/ by scripts/build_card ` +
      `(inputs ${inputsHash()}). Do not edit: edit frontend/src/ and rebuild.`,
  },
  outfile,
  logLevel: "warning",
});
console.log(`built ${relative(process.cwd(), outfile)}`);
