/** Page helpers for the article view in end-to-end tests. */
import type { Page } from 'playwright-core';

/** Select the first occurrence of `text` inside the article with a DOM Range, as a mouse drag would. */
export async function selectArticleText(page: Page, text: string): Promise<void> {
  await page.evaluate((needle) => {
    const root = document.querySelector('.fm-article-text')!;
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const at = node.textContent!.indexOf(needle);
      if (at >= 0) {
        const range = document.createRange();
        range.setStart(node, at);
        range.setEnd(node, at + needle.length);
        const sel = window.getSelection()!;
        sel.removeAllRanges();
        sel.addRange(range);
        return;
      }
    }
    throw new Error(`Text not found in the article: ${needle}`);
  }, text);
}
