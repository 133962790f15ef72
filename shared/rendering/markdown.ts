/**
 * An English rendering as Markdown (CommonMark, with footnotes as GitHub, Pandoc and most
 * editors read them: `[^1]` in the text, `[^1]: …` at the end).
 *
 * Every piece of text is escaped, so a "*" or "<b>" in a translation or in the metadata is
 * shown as written: the characters Markdown treats as markup anywhere are backslash-escaped,
 * and so are those that only mean something at the start of a line ("#", "-", "+", "=", "1.").
 */
import { cleanText, type Block, type Inline, type TextInline } from './blocks';
import {
  creditLine,
  footnoteBlocks,
  footnoteNumbers,
  headerFields,
  paragraphBlocks,
  progressLine,
  resolveOptions,
  sheetMarkerText,
} from './layout';
import type { EnglishRendering, RenderingExportOptions } from './types';

export function renderingToMarkdown(r: EnglishRendering, options: RenderingExportOptions = {}): string {
  const o = resolveOptions(options);
  const notes = footnoteNumbers(r);
  const parts: string[] = [];

  parts.push(`# ${escapeMarkdown(oneLine(r.metadata.title) || 'Untitled document', false)}`);
  const fields = headerFields(r.metadata);
  if (fields.length > 0) {
    parts.push(
      fields
        .map((f) => {
          const link = f.url ? `<${f.url.replace(/[<>]/g, (c) => `\\${c}`)}>` : '';
          return `- **${f.label}:** ${[escapeMarkdown(f.text, false), link].filter((s) => s !== '').join(' ')}`;
        })
        .join('\n'),
    );
  }
  const credit = creditLine(r);
  if (credit) parts.push(`*${escapeMarkdown(credit, false)}*`);
  const draft = o.progressNote ? progressLine(r) : null;
  if (draft) parts.push(`*${escapeMarkdown(draft, false)}*`);

  for (const sheet of r.sheets) {
    if (o.sheetMarkers === 'line') parts.push(`— ${escapeMarkdown(sheetMarkerText(sheet), false)} —`);
    else if (o.sheetMarkers === 'heading') parts.push(`## ${escapeMarkdown(sheetMarkerText(sheet), false)}`);
    for (const paragraph of sheet.paragraphs) {
      for (const block of paragraphBlocks(paragraph, r, notes)) parts.push(blockMarkdown(block));
    }
  }

  if (r.footnotes.length > 0) {
    parts.push(
      r.footnotes
        .map((_, i) => {
          const body = footnoteBlocks(r, i, o).map(blockMarkdown).join('\n\n');
          return `[^${i + 1}]: ${indent(body, '    ').trimStart()}`;
        })
        .join('\n'),
    );
  }
  return `${parts.join('\n\n')}\n`;
}

function oneLine(text: string): string {
  return cleanText(text).replace(/\s+/g, ' ').trim();
}

function indent(text: string, prefix: string): string {
  return text
    .split('\n')
    .map((line) => (line === '' ? line : prefix + line))
    .join('\n');
}

function blockMarkdown(block: Block): string {
  switch (block.kind) {
    case 'paragraph':
      return inlineMarkdown(block.inlines);
    case 'blockquote':
      return block.blocks
        .map(blockMarkdown)
        .join('\n\n')
        .split('\n')
        .map((line) => (line === '' ? '>' : `> ${line}`))
        .join('\n');
    case 'list':
      return block.items
        .map((item, i) => {
          const marker = block.ordered ? `${i + 1}. ` : '- ';
          const body = item.map(blockMarkdown).join('\n\n');
          return marker + indent(body, ' '.repeat(marker.length)).slice(marker.length);
        })
        .join('\n');
  }
}

/**
 * Inline content. Marks open and close around runs of text, link outermost, then bold, then
 * italic; white space at the edges of a marked run is kept outside its delimiters (CommonMark
 * does not read "** bold**" as bold).
 */
function inlineMarkdown(inlines: readonly Inline[]): string {
  let out = '';
  let lineStart = true;
  let i = 0;
  while (i < inlines.length) {
    const item = inlines[i]!;
    if (item.kind === 'break') {
      out += '\\\n';
      lineStart = true;
      i++;
    } else if (item.kind === 'noteRef') {
      out += `[^${item.number}]`;
      lineStart = false;
      i++;
    } else if (item.kind === 'untranslated') {
      const lines = item.source.split('\n').map((line, n) => escapeMarkdown(line, lineStart || n > 0));
      out += item.mode === 'placeholder' ? `\\[untranslated: ${lines.join('\\\n')}\\]` : lines.join('\\\n');
      lineStart = false;
      i++;
    } else if (item.href) {
      // A link: every text run up to where the link ends.
      let j = i;
      while (j < inlines.length && isText(inlines[j]!) && (inlines[j] as TextInline).href === item.href) j++;
      const label = styledRuns(inlines.slice(i, j) as TextInline[], lineStart);
      out += `[${label}](<${item.href.replace(/[<>\\]/g, (c) => `\\${c}`)}>)`;
      lineStart = false;
      i = j;
    } else {
      let j = i;
      while (j < inlines.length && isText(inlines[j]!) && !(inlines[j] as TextInline).href) j++;
      const text = styledRuns(inlines.slice(i, j) as TextInline[], lineStart);
      out += text;
      if (text !== '') lineStart = false;
      i = j;
    }
  }
  return out;
}

function isText(inline: Inline): inline is TextInline {
  return inline.kind === 'text';
}

/** Text runs with bold and italic, merged where the marks continue. */
function styledRuns(runs: readonly TextInline[], lineStart: boolean): string {
  // Merge neighbours with the same marks, so "**a** **b**" comes out as "**a b**".
  const merged: TextInline[] = [];
  for (const run of runs) {
    const last = merged[merged.length - 1];
    if (last && last.strong === run.strong && last.em === run.em) merged[merged.length - 1] = { ...last, text: last.text + run.text };
    else merged.push(run);
  }
  let out = '';
  let atStart = lineStart;
  for (const run of merged) {
    const delimiter = (run.strong ? '**' : '') + (run.em ? '*' : '');
    const lead = /^\s*/.exec(run.text)![0];
    const trail = run.text.length > lead.length ? /\s*$/.exec(run.text)![0] : '';
    const core = run.text.slice(lead.length, run.text.length - trail.length);
    if (core === '' || delimiter === '') {
      out += escapeMarkdown(run.text, atStart && lead === '');
    } else {
      const close = (run.em ? '*' : '') + (run.strong ? '**' : '');
      out += `${escapeMarkdown(lead, false)}${delimiter}${escapeMarkdown(core, false)}${close}${escapeMarkdown(trail, false)}`;
    }
    if (run.text !== '') atStart = false;
  }
  return out;
}

/**
 * Escapes Markdown in plain text. Always: backslash, `*`, `_`, backticks, `[`, `]`, `<`, `>`,
 * `|`, `~`, and `&` where it would start a character reference. At the start of a line also
 * what would make it a heading, a list item, a thematic break or a setext underline; leading
 * spaces and tabs (an indented code block) are written as character references.
 */
export function escapeMarkdown(text: string, atLineStart: boolean): string {
  let out = text.replace(/[\\`*_[\]<>|~]/g, (c) => `\\${c}`).replace(/&(?=#?[A-Za-z0-9]+;)/g, '\\&');
  if (atLineStart) {
    out = out
      .replace(/^[ \t]+/, (ws) => ws.replace(/ /g, '&#32;').replace(/\t/g, '&#9;'))
      .replace(/^([#+=-])/, '\\$1')
      .replace(/^(\d{1,9})([.)])/, '$1\\$2');
  }
  return out;
}
