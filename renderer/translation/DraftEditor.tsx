/**
 * The English draft of the current segment: a small ProseMirror editor in the annotation body
 * schema (bold, italic, lists… by their shortcuts), without a toolbar, so that it is cheap to
 * create as the translator moves from segment to segment. The flow keys (keyboard-flow.ts) are
 * handed to `onFlow` before the editor's own keymap sees them.
 */
import { EditorState, Selection } from 'prosemirror-state';
import { EditorView } from 'prosemirror-view';
import { useEffect, useRef } from 'react';
import type { BodyDocJSON } from '../../shared/annotation';
import { bodyFromJSON } from '../../shared/annotation-body-schema';
import { bodyEditorPlugins } from '../annotations/body-editor-setup';
import { flowCommandOf, type FlowCommand } from './keyboard-flow';

interface Props {
  initial: BodyDocJSON;
  label: string;
  autoFocus: boolean;
  onChange: (doc: BodyDocJSON) => void;
  onFlow: (command: FlowCommand, doc: BodyDocJSON) => void;
  onBlur: () => void;
}

export function DraftEditor({ initial, label, autoFocus, onChange, onFlow, onBlur }: Props) {
  const mountRef = useRef<HTMLDivElement>(null);
  const handlers = useRef({ onChange, onFlow, onBlur });
  handlers.current = { onChange, onFlow, onBlur };

  useEffect(() => {
    const view: EditorView = new EditorView(mountRef.current!, {
      state: EditorState.create({ doc: bodyFromJSON(initial), plugins: bodyEditorPlugins(() => undefined) }),
      attributes: { class: 'draft-editor-text', lang: 'en', 'aria-label': label, role: 'textbox', 'aria-multiline': 'true', spellcheck: 'true' },
      dispatchTransaction(tr) {
        view.updateState(view.state.apply(tr));
        if (tr.docChanged) handlers.current.onChange(view.state.doc.toJSON() as BodyDocJSON);
      },
      handleKeyDown(editorView, event) {
        const command = flowCommandOf(event);
        if (!command) return false;
        event.preventDefault();
        handlers.current.onFlow(command, editorView.state.doc.toJSON() as BodyDocJSON);
        return true;
      },
      handleDOMEvents: {
        blur: () => {
          handlers.current.onBlur();
          return false;
        },
      },
    });
    if (autoFocus) {
      // The caret at the end of the draft, where a translator goes on writing.
      view.dispatch(view.state.tr.setSelection(Selection.atEnd(view.state.doc)));
      view.focus();
    }
    return () => view.destroy();
    // The editor owns its document once created; `initial` is only the starting point.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  return <div ref={mountRef} className="draft-editor" />;
}
