/**
 * Helpers for driving the workstation the way a user does: select words with the mouse,
 * annotate them, read what the screen shows.
 */
import { expect, type Locator, type Page } from '@playwright/test';

export const SAMPLE_TITLE = 'Ciphered Telegram from Mao Zedong to Filippov [Stalin]';

export async function openSample(page: Page): Promise<void> {
  await page.goto('/');
  await expect(page.getByRole('heading', { level: 1, name: SAMPLE_TITLE })).toBeVisible();
  await expect(page.locator('.transcription-text section.sheet')).toHaveCount(4);
  // Words are measured on screen; wait for the bundled text face so they do not move afterwards.
  await page.evaluate(() => document.fonts.ready);
}

/** Where the words a selection should cover are, in the transcription's text. */
export interface WordsSpec {
  /** The last words of the selection (default: the same as its first words). */
  endText?: string;
  /** Start looking for the words after this text (to pick one of several occurrences). */
  after?: string;
}

/**
 * Finds the words in the transcription's DOM, scrolls them into view, and answers where their
 * first and last characters are on screen.
 */
async function wordEdges(
  page: Page,
  startText: string,
  spec: WordsSpec,
): Promise<{ start: { x: number; y: number }; end: { x: number; y: number } }> {
  return page.evaluate(
    ({ startText, endText, after }) => {
      const root = document.querySelector('.transcription-text')!;
      const nodes: Text[] = [];
      const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT, {
        acceptNode: (n) => (n.parentElement?.closest('.sheet-heading') ? NodeFilter.FILTER_REJECT : NodeFilter.FILTER_ACCEPT),
      });
      for (let n = walker.nextNode(); n; n = walker.nextNode()) nodes.push(n as Text);
      const text = nodes.map((n) => n.data).join('');
      const locate = (offset: number): [Text, number] => {
        let rest = offset;
        for (const n of nodes) {
          if (rest < n.data.length) return [n, rest];
          rest -= n.data.length;
        }
        throw new Error('offset beyond text');
      };
      const from = after ? text.indexOf(after) : 0;
      if (from < 0) throw new Error(`"${after}" not found`);
      const at = text.indexOf(startText, from + (after?.length ?? 0));
      if (at < 0) throw new Error(`"${startText}" not found`);
      const endAt = text.indexOf(endText, at);
      if (endAt < 0) throw new Error(`"${endText}" not found after "${startText}"`);
      locate(at)[0].parentElement!.scrollIntoView({ block: 'center' });
      const charRect = (offset: number): DOMRect => {
        const [node, o] = locate(offset);
        const range = document.createRange();
        range.setStart(node, o);
        range.setEnd(node, o + 1);
        return range.getBoundingClientRect();
      };
      const first = charRect(at);
      const last = charRect(endAt + endText.length - 1);
      return {
        start: { x: first.left + 1, y: first.top + first.height / 2 },
        end: { x: last.right - 1, y: last.top + last.height / 2 },
      };
    },
    { startText, endText: spec.endText ?? startText, after: spec.after ?? '' },
  );
}

/**
 * Selects words in the transcription by dragging the mouse over them, from the first character
 * of `startText` to the last of `spec.endText`.
 */
export async function selectWords(page: Page, startText: string, spec: WordsSpec = {}): Promise<void> {
  // The drag is the test's own input, not the app's behaviour under test: when the page is still
  // settling (the text face arriving, a panel opening) the measured words can move before the
  // mouse reaches them, so the drag is measured and made again until the browser selected them.
  const endText = spec.endText ?? startText;
  await expect(async () => {
    const { start, end } = await wordEdges(page, startText, spec);
    await page.mouse.move(start.x, start.y);
    await page.mouse.down();
    await page.mouse.move((start.x + end.x) / 2, (start.y + end.y) / 2, { steps: 4 });
    await page.mouse.move(end.x, end.y, { steps: 4 });
    await page.mouse.up();
    const selected = await page.evaluate(() => (window.getSelection()?.toString() ?? '').replace(/\s+/g, ' '));
    expect(selected.startsWith(startText.replace(/\s+/g, ' ')), `selected “${selected}”`).toBe(true);
    expect(selected.endsWith(endText.replace(/\s+/g, ' ')), `selected “${selected}”`).toBe(true);
  }).toPass({ timeout: 15_000 });
}

export type KindLabel = 'Commentary' | 'Translation' | 'Cross-reference';

/** Selects words and annotates them; returns the new annotation's card. */
export async function annotate(
  page: Page,
  kind: KindLabel,
  words: string,
  spec: WordsSpec = {},
): Promise<Locator> {
  await selectWords(page, words, spec);
  const existing = new Set(await page.locator('.annotation-card').evaluateAll((cards) => cards.map((c) => c.getAttribute('data-annotation-id'))));
  await page.getByRole('toolbar', { name: 'Annotate selection' }).getByRole('button', { name: new RegExp(`^${kind}`) }).click();
  // The card open just after the click may still be the previous annotation's: wait for the new one.
  const open = page.locator('.annotation-card.open');
  await expect(open).toHaveCount(1);
  let id: string | null = null;
  await expect.poll(async () => {
    id = await open.getAttribute('data-annotation-id');
    return id !== null && !existing.has(id);
  }).toBe(true);
  return page.locator(`.annotation-card[data-annotation-id="${id!}"]`);
}

/** Types into the open annotation's body editor. */
export async function typeBody(page: Page, text: string): Promise<void> {
  const editor = page.locator('.annotation-card.open .body-editor-text');
  await editor.click();
  await page.keyboard.type(text);
}

/** The words a highlight covers, joined as the screen shows them. */
export async function highlightedText(page: Page, annotationId: string): Promise<string> {
  return page.evaluate((id) => {
    // By the class every stretch carries (renderer/transcription/highlight-plugin.ts): where
    // highlights overlap, data-annotation-id names only one of the annotations.
    const parts = [...document.querySelectorAll(`.transcription-text .hl.hl-id-${CSS.escape(id)}`)];
    return parts.map((p) => p.textContent).join('|');
  }, annotationId);
}

export async function annotationIdOf(card: Locator): Promise<string> {
  const id = await card.getAttribute('data-annotation-id');
  if (!id) throw new Error('card without annotation id');
  return id;
}
