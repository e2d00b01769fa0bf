import { experimental_AstroContainer as AstroContainer } from 'astro/container';
import type { Element, Root } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import { selectAll } from 'hast-util-select';
import { toString as textOf } from 'hast-util-to-string';

type Component = Parameters<AstroContainer['renderToString']>[0];

let container: Promise<AstroContainer> | undefined;

/** Renders an Astro component to HTML with Astro's container API (one container for the whole file). */
export async function render(component: Component, props: Record<string, unknown>): Promise<string> {
  container ??= AstroContainer.create();
  return (await container).renderToString(component, { props });
}

/** The rendered HTML as a hast tree, to query with CSS selectors. */
export function parseHtml(html: string): Root {
  return fromHtml(html, { fragment: true });
}

/** The text of every element matching `selector`, whitespace collapsed. */
export function texts(tree: Root | Element, selector: string): string[] {
  return selectAll(selector, tree).map(text);
}

/** The text of a node, whitespace collapsed. */
export function text(node: Root | Element): string {
  return textOf(node).replace(/\s+/g, ' ').trim();
}

/** One attribute of every element matching `selector`, as the HTML spells it. */
export function attributes(tree: Root | Element, selector: string, name: string): Array<string | null> {
  return selectAll(selector, tree).map((node) => {
    const value = node.properties[name];
    if (value === undefined || value === null || value === false) return null;
    return Array.isArray(value) ? value.join(' ') : String(value);
  });
}

/** Tag names of every element in the tree, once each, sorted. */
export function tagNames(tree: Root): string[] {
  return [...new Set(selectAll('*', tree).map((node) => node.tagName))].sort();
}

/** Every attribute value that would run code or leave the page for a script: `javascript:` URLs and `on…` handlers. */
export function scriptableAttributes(tree: Root): string[] {
  const found: string[] = [];
  for (const node of selectAll('*', tree)) {
    for (const [name, value] of Object.entries(node.properties)) {
      const text = Array.isArray(value) ? value.join(' ') : String(value);
      if (/^on/i.test(name) || /^\s*(?:javascript|vbscript|data):/i.test(text)) {
        found.push(`${node.tagName}[${name}=${text}]`);
      }
    }
  }
  return found;
}
