import { describe, expect, it } from 'vitest';
import { commandForKey, SHORTCUTS } from './keyboard-shortcuts';

const key = (k: string, mods: { ctrl?: boolean; shift?: boolean; alt?: boolean } = {}) =>
  ({ key: k, code: '', ctrlKey: mods.ctrl ?? false, metaKey: false, shiftKey: mods.shift ?? false, altKey: mods.alt ?? false, target: null }) as unknown as KeyboardEvent;

describe('the translation workbench shortcut', () => {
  it('Ctrl+Shift+E toggles the translation workbench in a browser, also while typing; the native menu sends it in Electron', () => {
    expect(commandForKey(key('E', { ctrl: true, shift: true }), 'browser')).toBe('view.toggleTranslation');
    expect(commandForKey(key('e', { ctrl: true, shift: true }), 'browser')).toBe('view.toggleTranslation');
    expect(commandForKey(key('e', { ctrl: true, shift: true }), 'electron')).toBeNull();
    expect(SHORTCUTS.find((s) => s.command === 'view.toggleTranslation')).toMatchObject({ label: 'Ctrl+Shift+E', whileTyping: true });
  });

  it('leaves Ctrl+E to transcription editing', () => {
    expect(commandForKey(key('e', { ctrl: true }), 'browser')).toBe('edit.toggleTranscriptionEditing');
  });

  it('gives no two shortcuts the same keys', () => {
    const keys = SHORTCUTS.map((s) => `${s.key.toLowerCase()}|${s.mod}|${s.shift}|${s.alt ?? false}`);
    expect(new Set(keys).size).toBe(keys.length);
  });
});
