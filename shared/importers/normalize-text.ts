/**
 * The normal form every imported text is brought to before it is parsed or stored, so that
 * character offsets (and so annotation anchors) mean the same thing everywhere: Unicode NFC,
 * "\n" line ends, no byte-order mark, no trailing spaces at line ends.
 */
export function normalizeImportedText(text: string): string {
  return text
    .replace(/^\uFEFF/, '')
    .replace(/\r\n?/g, '\n')
    .normalize('NFC')
    .replace(/[ \t\u00A0]+$/gm, '');
}
