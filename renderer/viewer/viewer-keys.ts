/**
 * The scan viewer's keyboard shortcuts, which act only while the viewer or its toolbar has
 * focus. `[` and `]` are deliberately absent: they belong to sheet navigation.
 *
 * OpenSeadragon has keys of its own on its canvas (arrows and A/S/D to pan, Shift+W/Shift+S
 * and =/- to zoom, R to rotate, F to flip). The ones that would change the rotation or
 * mirroring behind the viewer state's back (R, F), or that we give another meaning (W, 0), are
 * taken here, and the viewer prevents OpenSeadragon's default for them.
 */

/** Something the viewer can be asked to do from the keyboard or its toolbar. */
export type ViewerCommand =
  | 'zoomIn'
  | 'zoomOut'
  | 'fitWidth'
  | 'fitPage'
  | 'actualSize'
  | 'rotateLeft'
  | 'rotateRight'
  | 'mirror';

/** How each command's shortcut is written in titles and `aria-keyshortcuts`. */
export const VIEWER_SHORTCUT_LABELS: Readonly<Record<ViewerCommand, { label: string; aria: string }>> = {
  zoomIn: { label: '+', aria: '+' },
  zoomOut: { label: '−', aria: '-' },
  fitWidth: { label: 'W', aria: 'W' },
  fitPage: { label: '0 or Home', aria: '0 Home' },
  actualSize: { label: '1', aria: '1' },
  rotateLeft: { label: 'Shift+R', aria: 'Shift+R' },
  rotateRight: { label: 'R', aria: 'R' },
  mirror: { label: 'M', aria: 'M' },
};

/** The parts of a keyboard event the shortcuts look at (so they can be tested without a DOM). */
export interface KeyLike {
  key: string;
  shiftKey: boolean;
  ctrlKey: boolean;
  metaKey: boolean;
  altKey: boolean;
}

/**
 * The command a key stands for, or null. Keys are matched by the character they type, not by
 * their position, so the shortcuts follow the user's keyboard layout. Anything with Ctrl, Cmd
 * or Alt is left alone: those are the app's and the browser's (Ctrl+[ for the previous sheet,
 * Ctrl+0 for the browser's own zoom).
 */
export function viewerCommandForKey(event: KeyLike): ViewerCommand | null {
  if (event.ctrlKey || event.metaKey || event.altKey) return null;
  switch (event.key) {
    case '+':
    case '=':
      return 'zoomIn';
    case '-':
    case '_':
      return 'zoomOut';
    case 'w':
      return 'fitWidth';
    // Shift+W stays OpenSeadragon's zoom-in; a capital W without Shift is Caps Lock.
    case 'W':
      return event.shiftKey ? null : 'fitWidth';
    case '0':
    case 'Home':
      return 'fitPage';
    case '1':
      return 'actualSize';
    case 'r':
    case 'R':
      return event.shiftKey ? 'rotateLeft' : 'rotateRight';
    case 'm':
    case 'M':
    // F is OpenSeadragon's own mirror key; it is taken so that it goes through the viewer state.
    case 'f':
    case 'F':
      return 'mirror';
    default:
      return null;
  }
}
