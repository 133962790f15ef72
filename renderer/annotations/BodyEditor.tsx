/**
 * The rich-text editor of an annotation body: a small ProseMirror editor with a toolbar.
 * Every change is handed to `onChange`; saving is the caller's business (autosave).
 */
import { EditorState } from 'prosemirror-state';
import { EditorView } from 'prosemirror-view';
import { useEffect, useRef, useState } from 'react';
import type { BodyDocJSON } from '../../shared/annotation';
import { bodyFromJSON, bodySchema, isAllowedLinkHref } from '../../shared/annotation-body-schema';
import {
  blockquote,
  bodyEditorPlugins,
  bulletList,
  isInNode,
  isMarkActive,
  orderedList,
  redo,
  setLink,
  toggleBold,
  toggleItalic,
  undo,
} from './body-editor-setup';
import type { Command } from 'prosemirror-state';
import { caretAlreadyInView } from '../ui/caret-scroll';

interface Props {
  initial: BodyDocJSON;
  lang: string;
  label: string;
  autoFocus: boolean;
  onChange: (doc: BodyDocJSON) => void;
  onBlur: () => void;
}

export function BodyEditor({ initial, lang, label, autoFocus, onChange, onBlur }: Props) {
  const mountRef = useRef<HTMLDivElement>(null);
  const viewRef = useRef<EditorView | null>(null);
  const [, setRevision] = useState(0);
  const [linkPrompt, setLinkPrompt] = useState<{ value: string; error: string } | null>(null);
  const handlers = useRef({ onChange, onBlur });
  handlers.current = { onChange, onBlur };

  useEffect(() => {
    const view: EditorView = new EditorView(mountRef.current!, {
      state: EditorState.create({
        doc: bodyFromJSON(initial),
        plugins: bodyEditorPlugins(() => openLinkPrompt(view)),
      }),
      attributes: { class: 'body-editor-text', lang, 'aria-label': label, role: 'textbox', 'aria-multiline': 'true' },
      handleScrollToSelection: caretAlreadyInView,
      dispatchTransaction(tr) {
        view.updateState(view.state.apply(tr));
        setRevision((r) => r + 1);
        if (tr.docChanged) handlers.current.onChange(view.state.doc.toJSON() as BodyDocJSON);
      },
      handleDOMEvents: {
        blur: () => {
          handlers.current.onBlur();
          return false;
        },
      },
    });
    viewRef.current = view;
    if (autoFocus) view.focus();
    return () => view.destroy();
    // The editor owns its document once created; `initial` is only the starting point.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  function openLinkPrompt(view: EditorView): void {
    if (view.state.selection.empty) return;
    const existing = view.state.doc.rangeHasMark(view.state.selection.from, view.state.selection.to, bodySchema.marks.link!);
    setLinkPrompt({ value: existing ? '' : 'https://', error: '' });
  }

  function run(command: Command): void {
    const view = viewRef.current;
    if (!view) return;
    command(view.state, view.dispatch);
    view.focus();
  }

  function applyLink(href: string | null): void {
    const view = viewRef.current;
    if (!view) return;
    if (href !== null && !isAllowedLinkHref(href)) {
      setLinkPrompt({ value: href, error: 'A link must start with http://, https:// or mailto:' });
      return;
    }
    setLink(href)(view.state, view.dispatch);
    setLinkPrompt(null);
    view.focus();
  }

  const state = viewRef.current?.state;
  const button = (title: string, text: string, command: Command, active: boolean) => (
    <button
      type="button"
      title={title}
      aria-label={title}
      aria-pressed={active}
      className={active ? 'tool active' : 'tool'}
      onMouseDown={(e) => e.preventDefault()}
      onClick={() => run(command)}
    >
      {text}
    </button>
  );

  return (
    <div className="body-editor">
      <div className="body-toolbar" role="toolbar" aria-label={`${label} formatting`}>
        {button('Bold (Ctrl+B)', 'B', toggleBold, !!state && isMarkActive(state, bodySchema.marks.strong!))}
        {button('Italic (Ctrl+I)', 'I', toggleItalic, !!state && isMarkActive(state, bodySchema.marks.em!))}
        {button('Bulleted list', '•', bulletList, !!state && isInNode(state, bodySchema.nodes.bullet_list!))}
        {button('Numbered list', '1.', orderedList, !!state && isInNode(state, bodySchema.nodes.ordered_list!))}
        {button('Block quote', '❝', blockquote, !!state && isInNode(state, bodySchema.nodes.blockquote!))}
        <button
          type="button"
          className="tool"
          title="Link (Ctrl+K)"
          aria-label="Link (Ctrl+K)"
          onMouseDown={(e) => e.preventDefault()}
          onClick={() => viewRef.current && openLinkPrompt(viewRef.current)}
        >
          Link
        </button>
        {button('Undo (Ctrl+Z)', '↶', undo, false)}
        {button('Redo (Ctrl+Shift+Z)', '↷', redo, false)}
      </div>
      {linkPrompt && (
        <form
          className="link-prompt"
          onSubmit={(e) => {
            e.preventDefault();
            applyLink(linkPrompt.value);
          }}
        >
          <input
            autoFocus
            aria-label="Link address"
            value={linkPrompt.value}
            onChange={(e) => setLinkPrompt({ value: e.target.value, error: '' })}
            onKeyDown={(e) => {
              if (e.key === 'Escape') {
                setLinkPrompt(null);
                viewRef.current?.focus();
              }
            }}
          />
          <button type="submit">Link</button>
          <button type="button" onClick={() => applyLink(null)}>
            Remove link
          </button>
          {linkPrompt.error && <p className="field-error">{linkPrompt.error}</p>}
        </form>
      )}
      <div ref={mountRef} />
    </div>
  );
}
