/** Page helpers for the article view in end-to-end tests. */
import type { Page } from 'playwright-core';

/**
 * Select article text with a DOM Range, as a mouse drag would: from the start of `from` to the end
 * of `to` (default: `from` itself). Matches may span text nodes (highlights split them) but not
 * paragraph breaks; `to` is searched after `from`.
 */
export async function selectArticleText(page: Page, from: string, to?: string): Promise<void> {
  await page.evaluate(
    ([first, last]) => {
      const root = document.querySelector<HTMLElement>('.fm-article-text')!;
      // As a mouse drag would, the selection moves the focus into the article (out of the claim editor).
      if (!root.contains(document.activeElement)) root.focus({ preventScroll: true });
      const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
      const nodes: Text[] = [];
      let text = '';
      const starts: number[] = [];
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        starts.push(text.length);
        nodes.push(node as Text);
        text += node.textContent;
      }
      const start = text.indexOf(first);
      if (start < 0) throw new Error(`Text not found in the article: ${first}`);
      const endAt = text.indexOf(last, start);
      if (endAt < 0) throw new Error(`Text not found in the article after "${first}": ${last}`);
      const end = endAt + last.length;
      // No inner functions here: bundlers may wrap them in helpers that do not exist in the page.
      let a = nodes.length - 1;
      while (a > 0 && starts[a] > start) a--;
      let b = nodes.length - 1;
      while (b > 0 && starts[b] >= end) b--;
      const range = document.createRange();
      range.setStart(nodes[a], start - starts[a]);
      range.setEnd(nodes[b], end - starts[b]);
      const sel = window.getSelection()!;
      sel.removeAllRanges();
      sel.addRange(range);
    },
    [from, to ?? from] as const,
  );
}

/** The text each claim's highlight covers, by claim id (nested highlights counted for every claim around them). */
export async function highlightTexts(page: Page): Promise<Record<string, string>> {
  return page.evaluate(() => {
    const out: Record<string, string> = {};
    const root = document.querySelector('.fm-article-text')!;
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      for (let el = node.parentElement; el && el !== root; el = el.parentElement) {
        const id = el.dataset.claimId;
        if (id) out[id] = (out[id] ?? '') + node.textContent;
      }
    }
    return out;
  });
}
