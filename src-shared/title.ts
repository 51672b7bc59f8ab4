/** How an article's title is compared with a line of its text: the same words, ignoring case and spacing. */
export const foldTitle = (s: string): string => s.replace(/\s+/g, ' ').trim().toLocaleLowerCase();
