import type { Element, Root as HastRoot } from "hast";
import type { Root as MdastRoot, Parent, RootContent } from "mdast";
import rehypeSanitize, { defaultSchema } from "rehype-sanitize";
import rehypeStringify from "rehype-stringify";
import remarkGfm from "remark-gfm";
import remarkParse from "remark-parse";
import remarkRehype from "remark-rehype";
import { unified } from "unified";
import { EXTERNAL_REL, type Html, trusted, withoutForbiddenCharacters } from "../present/html.ts";

/**
 * Images in a narrative would load from another host (a third-party request, a tracker):
 * each becomes a link to the image, labelled with its alt text. This runs before the
 * sanitizer, which still checks the link it leaves.
 */
function imagesAsLinks() {
  return (tree: MdastRoot) => replaceImages(tree);
}

/**
 * Walks the tree itself rather than with unist-util-visit, whose generic walk (a test and a
 * path of parents for every node) was a quarter of the pipeline's time after the parse.
 */
function replaceImages(parent: Parent): void {
  const children = parent.children;
  for (let index = 0; index < children.length; index++) {
    const node = children[index]!;
    if (node.type === "image") {
      const label = node.alt?.trim() || node.url;
      const link: RootContent = { type: "link", url: node.url, title: node.title ?? null, children: [{ type: "text", value: label }] };
      children[index] = link as never;
    } else if ("children" in node) replaceImages(node);
  }
}

/**
 * After the sanitizer: every link gets the same constant rel. Provably safe (checklist item 22):
 * it only sets one attribute to a fixed string and never reads the content.
 */
function externalRel() {
  return (tree: HastRoot) => setExternalRel(tree);
}

function setExternalRel(parent: HastRoot | Element): void {
  for (const node of parent.children) {
    if (node.type !== "element") continue;
    if (node.tagName === "a" && typeof node.properties.href === "string" && /^https?:/i.test(node.properties.href)) {
      node.properties.rel = EXTERNAL_REL.split(" ");
    }
    setExternalRel(node);
  }
}

/**
 * The one Markdown pipeline of the site (checklist item 22): remark-parse → remark-gfm →
 * remark-rehype without raw HTML → rehype-sanitize with GitHub's default schema as the last
 * transform → rehype-stringify.
 */
const pipeline = unified()
  .use(remarkParse)
  .use(remarkGfm)
  .use(imagesAsLinks)
  .use(remarkRehype, { allowDangerousHtml: false, clobberPrefix: "user-content-" })
  .use(rehypeSanitize, defaultSchema)
  .use(externalRel)
  .use(rehypeStringify);

/**
 * Renders a narrative body (Markdown, untrusted) to safe HTML, without a character an HTML
 * document may not hold. `tree`, when given, is the body already parsed by remark-parse with
 * remark-gfm (the validator's parse, see load/narrative.ts): the rest of the pipeline runs on it
 * instead of parsing the text again. The transforms may change it.
 */
export function renderMarkdown(markdown: string, tree?: MdastRoot): Html {
  const output = tree ? pipeline.stringify(pipeline.runSync(tree)) : String(pipeline.processSync(markdown));
  return trusted(withoutForbiddenCharacters(output));
}
