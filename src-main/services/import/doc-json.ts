/** Small builders for article document JSON. */

export interface DocJSONValue {
  type: 'doc';
  content: unknown[];
  [key: string]: unknown;
}

/** A document of plain paragraphs. */
export function paragraphsDoc(paragraphs: readonly string[]): DocJSONValue {
  return {
    type: 'doc',
    content: paragraphs.map((text) => ({ type: 'paragraph', content: [{ type: 'text', text }] })),
  };
}
