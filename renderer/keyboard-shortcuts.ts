/**
 * Keyboard shortcuts for the menu commands. In Electron the native menu's accelerators send
 * most of these commands, so only the ones marked `inElectron` are handled by the page there
 * (a key would otherwise act twice). Ctrl+Z is one: the Edit menu's Ctrl+Z is the native text
 * undo, which does nothing outside a text field, where Ctrl+Z undoes annotation changes.
 */
import type { ShellKind } from '../shared/bridge';
import type { MenuCommand } from '../shared/bridge';
import { isTypingTarget } from './ui/keyboard';

interface Shortcut {
  key: string;
  mod: boolean;
  shift: boolean;
  command: MenuCommand;
  /** Whether the shortcut also works while the user types in a field or editor. */
  whileTyping: boolean;
  /** How the shortcut is written in the help. */
  label: string;
  /** Whether the page handles it in Electron too (no native menu accelerator sends it). */
  inElectron?: boolean;
  /** Whether Alt must be held too. */
  alt?: boolean;
}

export const SHORTCUTS: readonly Shortcut[] = [
  { key: 'o', mod: true, shift: false, command: 'file.importDocuments', whileTyping: true, label: 'Ctrl+O' },
  { key: 'o', mod: true, shift: true, command: 'file.addScans', whileTyping: true, label: 'Ctrl+Shift+O' },
  { key: ']', mod: true, shift: false, command: 'view.nextSheet', whileTyping: true, label: 'Ctrl+]' },
  { key: '[', mod: true, shift: false, command: 'view.previousSheet', whileTyping: true, label: 'Ctrl+[' },
  { key: 'm', mod: true, shift: true, command: 'view.toggleMetadata', whileTyping: true, label: 'Ctrl+Shift+M' },
  { key: 'a', mod: true, shift: true, command: 'view.toggleAnnotations', whileTyping: true, label: 'Ctrl+Shift+A' },
  { key: 'e', mod: true, shift: true, command: 'view.toggleTranslation', whileTyping: true, label: 'Ctrl+Shift+E' },
  { key: 'l', mod: true, shift: false, command: 'view.focusLibrary', whileTyping: false, label: 'Ctrl+L' },
  { key: '1', mod: true, shift: false, alt: true, command: 'view.layoutSideBySide', whileTyping: true, label: 'Ctrl+Alt+1' },
  { key: '2', mod: true, shift: false, alt: true, command: 'view.layoutStacked', whileTyping: true, label: 'Ctrl+Alt+2' },
  { key: '3', mod: true, shift: false, alt: true, command: 'view.layoutScanOnly', whileTyping: true, label: 'Ctrl+Alt+3' },
  { key: '4', mod: true, shift: false, alt: true, command: 'view.layoutTextOnly', whileTyping: true, label: 'Ctrl+Alt+4' },
  { key: 'e', mod: true, shift: false, command: 'edit.toggleTranscriptionEditing', whileTyping: true, label: 'Ctrl+E' },
  { key: 'z', mod: true, shift: false, command: 'edit.undoAnnotationChange', whileTyping: false, label: 'Ctrl+Z', inElectron: true },
  { key: 'F1', mod: false, shift: false, command: 'help.shortcuts', whileTyping: true, label: 'F1' },
];

/** The command a key event stands for, if any. */
export function commandForKey(event: KeyboardEvent, shell: ShellKind): MenuCommand | null {
  const mod = event.ctrlKey || event.metaKey;
  for (const s of SHORTCUTS) {
    if (shell === 'electron' && !s.inElectron) continue;
    // Digits by their key position: with Alt held, some layouts turn "1" into another character.
    const sameKey = /^\d$/.test(s.key) ? event.code === `Digit${s.key}` : s.key.toLowerCase() === event.key.toLowerCase();
    if (!sameKey || s.mod !== mod || s.shift !== event.shiftKey) continue;
    if ((s.alt ?? false) !== event.altKey) continue;
    if (!s.whileTyping && isTypingTarget(event.target)) continue;
    return s.command;
  }
  return null;
}
