/** Reading exported files in end-to-end tests. */

/** The text of a WordprocessingML part: its runs' text, a line break after each paragraph. */
export function wordText(xml: string): string {
  const unescape = (text: string) => text.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&amp;/g, '&');
  return xml
    .split('</w:p>')
    .map((paragraph) => [...paragraph.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((m) => unescape(m[1]!)).join(''))
    .join('\n');
}

/** Whether the strings occur in this order. */
export function inOrder(haystack: string, needles: readonly string[]): boolean {
  let at = 0;
  for (const needle of needles) {
    const found = haystack.indexOf(needle, at);
    if (found < 0) return false;
    at = found + needle.length;
  }
  return true;
}
