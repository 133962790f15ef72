/**
 * The native menu bar, as a template built from plain data.
 *
 * Menu items that act on the document do nothing in the main process: they name a command
 * from the bridge contract and hand it to `send`, which forwards it to the renderer. Keeping
 * the builder free of Electron calls lets tests check every label, accelerator and command
 * without a running app.
 */
import type { MenuItemConstructorOptions } from 'electron';
import type { MenuCommand } from '../shared/bridge';

/** What the template depends on. */
export interface MenuTemplateOptions {
  /** `process.platform`; on macOS the first menu is the application menu. */
  readonly platform: NodeJS.Platform;
  /** `app.isPackaged`; developer tools are offered only in development builds. */
  readonly isPackaged: boolean;
  /** The application's name, shown in the macOS application menu. */
  readonly appName: string;
  /** Delivers a command to the renderer. */
  readonly send: (command: MenuCommand) => void;
}

const separator: MenuItemConstructorOptions = { type: 'separator' };

/** Builds the menu template for `Menu.buildFromTemplate`. */
export function buildMenuTemplate(options: MenuTemplateOptions): MenuItemConstructorOptions[] {
  const { platform, isPackaged, appName, send } = options;
  const isMac = platform === 'darwin';

  // An item that sends a bridge command; `id` is the command so tests and code can find it.
  const command = (label: string, name: MenuCommand, accelerator?: string): MenuItemConstructorOptions => ({
    id: name,
    label,
    ...(accelerator === undefined ? {} : { accelerator }),
    click: () => send(name),
  });

  const appMenu: MenuItemConstructorOptions = {
    label: appName,
    submenu: [
      // The renderer shows its own About panel (version, sources, credits), not the native one.
      command(`About ${appName}`, 'help.about'),
      separator,
      { role: 'services' },
      separator,
      { role: 'hide' },
      { role: 'hideOthers' },
      { role: 'unhide' },
      separator,
      { role: 'quit' },
    ],
  };

  const fileMenu: MenuItemConstructorOptions = {
    label: 'File',
    submenu: [
      command('Import Documents…', 'file.importDocuments', 'CmdOrCtrl+O'),
      command('Add Scans…', 'file.addScans', 'CmdOrCtrl+Shift+O'),
      separator,
      command('Open Annotation Pack…', 'file.openPack'),
      command('Export Annotation Pack…', 'file.exportPack'),
      command('Backups…', 'file.backups'),
      separator,
      command('Export as TEI…', 'file.exportTei'),
      command('Export English Translation…', 'file.exportEnglish'),
      command('Glossary…', 'file.glossary'),
      separator,
      command('Close Document', 'file.closeDocument'),
      separator,
      // On macOS Quit belongs to the application menu; File ends with closing the window.
      isMac ? { role: 'close' } : { role: 'quit' },
    ],
  };

  const editMenu: MenuItemConstructorOptions = {
    label: 'Edit',
    submenu: [
      { role: 'undo' },
      { role: 'redo' },
      separator,
      { role: 'cut' },
      { role: 'copy' },
      { role: 'paste' },
      { role: 'selectAll' },
      separator,
      // Text undo (above) works inside an editor; this one reverts the last change to the
      // annotation records themselves, which the renderer keeps its own history of.
      command('Undo Annotation Change', 'edit.undoAnnotationChange'),
      separator,
      command('Edit Transcription', 'edit.toggleTranscriptionEditing', 'CmdOrCtrl+E'),
    ],
  };

  const viewMenu: MenuItemConstructorOptions = {
    label: 'View',
    submenu: [
      command('Next Sheet', 'view.nextSheet', 'CmdOrCtrl+]'),
      command('Previous Sheet', 'view.previousSheet', 'CmdOrCtrl+['),
      command('Show/Hide Metadata', 'view.toggleMetadata', 'CmdOrCtrl+Shift+M'),
      command('Show/Hide Annotations', 'view.toggleAnnotations', 'CmdOrCtrl+Shift+A'),
      command('Show/Hide Translation Workbench', 'view.toggleTranslation', 'CmdOrCtrl+Shift+E'),
      command('Library', 'view.focusLibrary', 'CmdOrCtrl+L'),
      {
        label: 'Layout',
        submenu: [
          command('Side by Side', 'view.layoutSideBySide', 'CmdOrCtrl+Alt+1'),
          command('Stacked', 'view.layoutStacked', 'CmdOrCtrl+Alt+2'),
          command('Scan Only', 'view.layoutScanOnly', 'CmdOrCtrl+Alt+3'),
          command('Text Only', 'view.layoutTextOnly', 'CmdOrCtrl+Alt+4'),
        ],
      },
      separator,
      { role: 'resetZoom' },
      { role: 'zoomIn' },
      { role: 'zoomOut' },
      separator,
      { role: 'togglefullscreen' },
      // Developer tools would let anyone at the keyboard run code in the renderer with the
      // bridge in reach; an installed build does not offer them.
      ...(isPackaged ? [] : [separator, { role: 'toggleDevTools' } satisfies MenuItemConstructorOptions]),
    ],
  };

  const windowMenu: MenuItemConstructorOptions = { role: 'windowMenu' };

  const helpMenu: MenuItemConstructorOptions = {
    label: 'Help',
    role: 'help',
    submenu: [
      ...(isMac ? [] : [command(`About ${appName}`, 'help.about'), separator]),
      command('Keyboard Shortcuts', 'help.shortcuts', 'F1'),
    ],
  };

  return isMac
    ? [appMenu, fileMenu, editMenu, viewMenu, windowMenu, helpMenu]
    : [fileMenu, editMenu, viewMenu, helpMenu];
}
