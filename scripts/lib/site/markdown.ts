import type { Element, Root as HastRoot } from "hast";
import type { Root as MdastRoot, Parent, RootContent } from "mdast";
import rehypeSanitize, { defaultSchema } from "rehype-sanitize";
import rehypeStringify from "rehype-stringify";
import remarkGfm from "remark-gfm";
import remarkParse from "remark-parse";
import remarkRehype from "remark-rehype";
import { unified } from "unified";
import { visit } from "unist-util-visit";
import { EXTERNAL_REL, type Html, trusted, withoutForbiddenCharacters } from "../present/html.ts";

/**
 * Images in a narrative would load from another host (a third-party request, a tracker):
 * each becomes a link to the image, labelled with its alt text. This runs before the
 * sanitizer, which still checks the link it leaves.
 */
function imagesAsLinks() {
  return (tree: MdastRoot) => {
    visit(tree, "image", (node, index, parent: Parent | undefined) => {
      if (!parent || index === undefined) return;
      const label = node.alt?.trim() || node.url;
      const link: RootContent = { type: "link", url: node.url, title: node.title ?? null, children: [{ type: "text", value: label }] };
      parent.children.splice(index, 1, link as never);
    });
  };
}

/**
 * After the sanitizer: every link gets the same constant rel. Provably safe (checklist item 22):
 * it only sets one attribute to a fixed string and never reads the content.
 */
function externalRel() {
  return (tree: HastRoot) => {
    visit(tree, "element", (node: Element) => {
      if (node.tagName === "a" && typeof node.properties.href === "string" && /^https?:/i.test(node.properties.href)) {
        node.properties.rel = EXTERNAL_REL.split(" ");
      }
    });
  };
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
