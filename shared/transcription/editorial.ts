/**
 * The editorial features of a transcription, as the editor's toolbar and legend present them:
 * what each is called, the TEI P5 element it follows, the attribute the editor is asked for, and
 * its keyboard shortcut. The schema (schema.ts) defines how each is stored and drawn.
 */

/** A mark (spans words) or an inline atom (stands at a point). */
export type EditorialFeature =
  | { kind: 'mark'; id: EditorialMarkName; label: string; tei: string; legend: string; shortcut: string; ask?: EditorialQuestion }
  | { kind: 'node'; id: EditorialNodeName; label: string; tei: string; legend: string; shortcut: string; ask: EditorialQuestion };

export type EditorialMarkName = 'unclear' | 'supplied' | 'deleted' | 'added' | 'corrected' | 'abbreviation' | 'hand' | 'printed';
export type EditorialNodeName = 'gap' | 'editorial_note';

/** What the editor is asked when applying a feature: one attribute, typed in or chosen. */
export interface EditorialQuestion {
  attribute: string;
  prompt: string;
  /** When given, the answer is chosen from these rather than typed. */
  choices?: ReadonlyArray<{ value: string; label: string }>;
  /** An answer is needed (a correction without its corrected reading means nothing). */
  required: boolean;
  placeholder?: string;
}

export const EDITORIAL_FEATURES: readonly EditorialFeature[] = [
  {
    kind: 'mark',
    id: 'unclear',
    label: 'Unclear',
    tei: 'unclear',
    legend: 'Read, but not with certainty (faded, blotted, damaged).',
    shortcut: 'Mod-Alt-u',
    ask: { attribute: 'reason', prompt: 'Why is it unclear?', required: false, placeholder: 'faded' },
  },
  {
    kind: 'mark',
    id: 'supplied',
    label: 'Supplied',
    tei: 'supplied',
    legend: 'Added by the editor; not on the page.',
    shortcut: 'Mod-Alt-s',
    ask: { attribute: 'reason', prompt: 'Why was it supplied?', required: false, placeholder: 'omitted' },
  },
  {
    kind: 'mark',
    id: 'deleted',
    label: 'Deleted',
    tei: 'del',
    legend: 'Struck out in the original.',
    shortcut: 'Mod-Alt-d',
    ask: { attribute: 'rend', prompt: 'How was it struck out?', required: false, placeholder: 'overstrike' },
  },
  {
    kind: 'mark',
    id: 'added',
    label: 'Added',
    tei: 'add',
    legend: 'Written in on the original, e.g. above the line.',
    shortcut: 'Mod-Alt-a',
    ask: { attribute: 'place', prompt: 'Where was it added?', required: false, placeholder: 'above' },
  },
  {
    kind: 'mark',
    id: 'corrected',
    label: 'Sic / correction',
    tei: 'choice (sic, corr)',
    legend: 'An error corrected; the original reading is kept beside it.',
    shortcut: 'Mod-Alt-c',
    ask: { attribute: 'correction', prompt: 'Correct reading', required: true },
  },
  {
    kind: 'mark',
    id: 'abbreviation',
    label: 'Abbreviation',
    tei: 'choice (abbr, expan)',
    legend: 'An abbreviation as written, with its expansion.',
    shortcut: 'Mod-Alt-b',
    ask: { attribute: 'expansion', prompt: 'Expansion', required: true },
  },
  {
    kind: 'mark',
    id: 'hand',
    label: 'Other hand',
    tei: 'seg type="hand"',
    legend: 'Handwriting other than the main text: a signature, a routing note.',
    shortcut: 'Mod-Alt-h',
    ask: { attribute: 'description', prompt: 'Whose hand, or what?', required: false, placeholder: 'routing note in pencil' },
  },
  {
    kind: 'mark',
    id: 'printed',
    label: 'Stamp / printed',
    tei: 'stamp; seg type="printed"',
    legend: 'A stamp, or text printed on the form.',
    shortcut: 'Mod-Alt-p',
    ask: {
      attribute: 'kind',
      prompt: 'Which?',
      required: true,
      choices: [
        { value: 'stamp', label: 'Stamp' },
        { value: 'form', label: 'Printed on the form' },
      ],
    },
  },
  {
    kind: 'node',
    id: 'gap',
    label: 'Gap',
    tei: 'gap',
    legend: 'Text that cannot be read, left out; its extent if known.',
    shortcut: 'Mod-Alt-g',
    ask: { attribute: 'extent', prompt: 'How much is missing?', required: false, placeholder: '2 words' },
  },
  {
    kind: 'node',
    id: 'editorial_note',
    label: 'Note',
    tei: 'note type="editorial"',
    legend: "The editor's remark at this point.",
    shortcut: 'Mod-Alt-n',
    ask: { attribute: 'text', prompt: 'Note', required: true },
  },
];

/** A ProseMirror key name ("Mod-Alt-u") as the help writes it ("Ctrl+Alt+U"). */
export function shortcutLabel(shortcut: string): string {
  return shortcut
    .split('-')
    .map((part) => (part === 'Mod' ? 'Ctrl' : part.length === 1 ? part.toUpperCase() : part))
    .join('+');
}
