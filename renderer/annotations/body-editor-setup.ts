/**
 * Commands, keyboard shortcuts and input rules of the annotation body editor.
 */
import { baseKeymap, chainCommands, exitCode, setBlockType, toggleMark, wrapIn } from 'prosemirror-commands';
import { history, redo, undo } from 'prosemirror-history';
import { inputRules, wrappingInputRule } from 'prosemirror-inputrules';
import { keymap } from 'prosemirror-keymap';
import type { MarkType, NodeType } from 'prosemirror-model';
import { liftListItem, sinkListItem, splitListItem, wrapInList } from 'prosemirror-schema-list';
import type { Command, EditorState, Plugin } from 'prosemirror-state';
import { bodySchema, isAllowedLinkHref } from '../../shared/annotation-body-schema';

const { marks, nodes } = bodySchema;

export const toggleBold = toggleMark(marks.strong!);
export const toggleItalic = toggleMark(marks.em!);
export const bulletList = wrapInList(nodes.bullet_list!);
export const orderedList = wrapInList(nodes.ordered_list!);
export const blockquote = wrapIn(nodes.blockquote!);
export const plainParagraph = setBlockType(nodes.paragraph!);

/** Adds a link to the selected words, or removes it when `href` is null. */
export function setLink(href: string | null): Command {
  return (state, dispatch) => {
    const { from, to, empty } = state.selection;
    if (empty) return false;
    if (href !== null && !isAllowedLinkHref(href)) return false;
    if (dispatch) {
      const tr = state.tr.removeMark(from, to, marks.link!);
      if (href !== null) tr.addMark(from, to, marks.link!.create({ href: href.trim() }));
      dispatch(tr.scrollIntoView());
    }
    return true;
  };
}

export function isMarkActive(state: EditorState, type: MarkType): boolean {
  const { from, $from, to, empty } = state.selection;
  if (empty) return !!type.isInSet(state.storedMarks ?? $from.marks());
  return state.doc.rangeHasMark(from, to, type);
}

export function isInNode(state: EditorState, type: NodeType): boolean {
  const { $from } = state.selection;
  for (let d = $from.depth; d > 0; d--) if ($from.node(d).type === type) return true;
  return false;
}

export { undo, redo };

/** The editor's plugins; `onLinkShortcut` opens the link prompt (Mod-k). */
export function bodyEditorPlugins(onLinkShortcut: () => void): Plugin[] {
  const hardBreak = chainCommands(exitCode, (state, dispatch) => {
    dispatch?.(state.tr.replaceSelectionWith(nodes.hard_break!.create()).scrollIntoView());
    return true;
  });
  return [
    history(),
    inputRules({
      rules: [
        wrappingInputRule(/^\s*([-+*])\s$/, nodes.bullet_list!),
        wrappingInputRule(/^(\d+)\.\s$/, nodes.ordered_list!),
        wrappingInputRule(/^\s*>\s$/, nodes.blockquote!),
      ],
    }),
    keymap({
      'Mod-z': undo,
      'Mod-Shift-z': redo,
      'Mod-y': redo,
      'Mod-b': toggleBold,
      'Mod-i': toggleItalic,
      'Mod-k': () => {
        onLinkShortcut();
        return true;
      },
      'Shift-Enter': hardBreak,
      Enter: splitListItem(nodes.list_item!),
      'Mod-[': liftListItem(nodes.list_item!),
      'Mod-]': sinkListItem(nodes.list_item!),
      'Shift-Tab': liftListItem(nodes.list_item!),
      Tab: sinkListItem(nodes.list_item!),
    }),
    keymap(baseKeymap),
  ];
}
