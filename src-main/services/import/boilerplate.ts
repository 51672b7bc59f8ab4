/**
 * Whether a web page has article text at all: text outside navigation, headers, footers, sidebars,
 * menus, forms and links. A page of only a menu and a footer has none (Readability would still
 * return its "Home" link as the article), so its import is refused. Read before Readability
 * changes the document; stops as soon as enough text is found.
 */

/** Elements that are page furniture, not article text. */
const FURNITURE = 'nav, header, footer, aside, menu, form, button, select, script, style, noscript, template, [role="navigation" i], [role="banner" i], [role="contentinfo" i], [role="menu" i], [role="menubar" i], [role="search" i], [aria-hidden="true"]';

/** Class or id names of page furniture (after Readability's "unlikely candidates"), unless they also name content. */
const FURNITURE_NAME = /(^|[-_\s])(nav|navbar|navigation|menu|footer|header|masthead|sidebar|breadcrumbs?|cookie|banner|social|share|pagination|pager|skip-?link)([-_\s]|$)/i;
const CONTENT_NAME = /article|body|content|main|story|post|entry|text/i;

/** How much article text (non-space characters outside furniture and links) makes a page an article. */
const ENOUGH_TEXT = 20;

function isFurniture(el: Element): boolean {
  if (el.matches(FURNITURE)) return true;
  const names = `${el.getAttribute('class') ?? ''} ${el.getAttribute('id') ?? ''}`;
  return FURNITURE_NAME.test(names) && !CONTENT_NAME.test(names);
}

/** True when the page's body holds at least a sentence of text outside page furniture and links. */
export function hasArticleText(document: Document): boolean {
  const body = document.body;
  if (!body) return false;
  const NodeFilter = document.defaultView!.NodeFilter;
  const walker = document.createTreeWalker(body, NodeFilter.SHOW_ELEMENT | NodeFilter.SHOW_TEXT, {
    acceptNode: (node) => {
      if (node.nodeType === 3) return NodeFilter.FILTER_ACCEPT;
      const el = node as Element;
      return el.localName === 'a' || isFurniture(el) ? NodeFilter.FILTER_REJECT : NodeFilter.FILTER_SKIP;
    },
  });
  let found = 0;
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    found += (node.nodeValue ?? '').replace(/\s+/g, '').length;
    if (found >= ENOUGH_TEXT) return true;
  }
  return false;
}
