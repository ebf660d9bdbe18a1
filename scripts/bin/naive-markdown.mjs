// A benchmark baseline, not a command of the project: parses every narrative (*.md) under
// countries/ and organizations/ of the current folder with unified + remark-parse + remark-gfm
// and nothing else, the least any Markdown-aware validator must do. npm run bench runs it.
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import remarkGfm from "remark-gfm";
import remarkParse from "remark-parse";
import { unified } from "unified";

const processor = unified().use(remarkParse).use(remarkGfm);
let files = 0;
let nodes = 0;
const walk = (folder) => {
  let entries;
  try {
    entries = readdirSync(folder, { withFileTypes: true });
  } catch {
    return;
  }
  for (const entry of entries) {
    const path = join(folder, entry.name);
    if (entry.isDirectory()) walk(path);
    else if (entry.name.endsWith(".md")) {
      const tree = processor.runSync(processor.parse(readFileSync(path, "utf8")));
      nodes += tree.children.length;
      files++;
    }
  }
};
for (const top of ["countries", "organizations"]) walk(top);
process.stdout.write(`${files} narratives parsed (${nodes} top-level nodes)\n`);
