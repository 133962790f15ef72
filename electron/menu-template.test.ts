import type { MenuItemConstructorOptions } from 'electron';
import { describe, expect, it, vi } from 'vitest';
import { MENU_COMMANDS, type MenuCommand } from '../shared/bridge';
import { buildMenuTemplate, type MenuTemplateOptions } from './menu-template';

function build(overrides: Partial<MenuTemplateOptions> = {}) {
  const send = vi.fn<(command: MenuCommand) => void>();
  const template = buildMenuTemplate({ platform: 'linux', isPackaged: true, appName: 'Marginalia', send, ...overrides });
  return { template, send };
}

function submenuOf(item: MenuItemConstructorOptions): MenuItemConstructorOptions[] {
  if (!Array.isArray(item.submenu)) throw new Error(`${item.label ?? item.role} has no submenu array`);
  return item.submenu;
}

function topLevel(template: MenuItemConstructorOptions[], label: string): MenuItemConstructorOptions {
  const found = template.find((item) => item.label === label);
  if (found === undefined) throw new Error(`no top-level menu ${label}`);
  return found;
}

/** Every item of the template, depth first. */
function allItems(template: MenuItemConstructorOptions[]): MenuItemConstructorOptions[] {
  return template.flatMap((item) => [item, ...(Array.isArray(item.submenu) ? allItems(item.submenu) : [])]);
}

function itemLabelled(template: MenuItemConstructorOptions[], label: string): MenuItemConstructorOptions {
  const found = allItems(template).find((item) => item.label === label);
  if (found === undefined) throw new Error(`no item ${label}`);
  return found;
}

function click(item: MenuItemConstructorOptions): void {
  if (item.click === undefined) throw new Error(`${item.label} has no click handler`);
  // The builder's handlers ignore Electron's arguments; none exist outside Electron.
  (item.click as () => void)();
}

describe('buildMenuTemplate', () => {
  it('has File, Edit, View and Help on Linux and Windows', () => {
    for (const platform of ['linux', 'win32'] as const) {
      expect(build({ platform }).template.map((item) => item.label)).toEqual(['File', 'Edit', 'View', 'Help']);
    }
  });

  it.each([
    ['Import Documents…', 'file.importDocuments', 'CmdOrCtrl+O'],
    ['Add Scans…', 'file.addScans', 'CmdOrCtrl+Shift+O'],
    ['Close Document', 'file.closeDocument', undefined],
    ['Undo Annotation Change', 'edit.undoAnnotationChange', undefined],
    ['Edit Transcription', 'edit.toggleTranscriptionEditing', 'CmdOrCtrl+E'],
    ['Export as TEI…', 'file.exportTei', undefined],
    ['Export English Translation…', 'file.exportEnglish', undefined],
    ['Glossary…', 'file.glossary', undefined],
    ['Show/Hide Translation Workbench', 'view.toggleTranslation', 'CmdOrCtrl+Shift+E'],
    ['Open Annotation Pack…', 'file.openPack', undefined],
    ['Export Annotation Pack…', 'file.exportPack', undefined],
    ['Backups…', 'file.backups', undefined],
    ['Next Sheet', 'view.nextSheet', 'CmdOrCtrl+]'],
    ['Previous Sheet', 'view.previousSheet', 'CmdOrCtrl+['],
    ['Show/Hide Metadata', 'view.toggleMetadata', 'CmdOrCtrl+Shift+M'],
    ['Show/Hide Annotations', 'view.toggleAnnotations', 'CmdOrCtrl+Shift+A'],
    ['Library', 'view.focusLibrary', 'CmdOrCtrl+L'],
    ['Side by Side', 'view.layoutSideBySide', 'CmdOrCtrl+Alt+1'],
    ['Stacked', 'view.layoutStacked', 'CmdOrCtrl+Alt+2'],
    ['Scan Only', 'view.layoutScanOnly', 'CmdOrCtrl+Alt+3'],
    ['Text Only', 'view.layoutTextOnly', 'CmdOrCtrl+Alt+4'],
    ['About Marginalia', 'help.about', undefined],
    ['Keyboard Shortcuts', 'help.shortcuts', 'F1'],
  ] as const)('"%s" sends %s (accelerator %s)', (label, command, accelerator) => {
    const { template, send } = build();
    const item = itemLabelled(template, label);
    expect(item.accelerator).toBe(accelerator);
    expect(send).not.toHaveBeenCalled();
    click(item);
    expect(send).toHaveBeenCalledTimes(1);
    expect(send).toHaveBeenCalledWith(command);
  });

  it('offers every bridge menu command exactly once, on every platform', () => {
    for (const platform of ['linux', 'win32', 'darwin'] as const) {
      const ids = allItems(build({ platform }).template)
        .filter((item) => item.click !== undefined)
        .map((item) => item.id);
      expect([...ids].sort()).toEqual([...MENU_COMMANDS].sort());
    }
  });

  it('puts the text-editing roles in Edit', () => {
    const roles = submenuOf(topLevel(build().template, 'Edit')).map((item) => item.role);
    expect(roles).toEqual(expect.arrayContaining(['undo', 'redo', 'cut', 'copy', 'paste', 'selectAll']));
  });

  it('ends File with Quit on Linux, after a separator', () => {
    const file = submenuOf(topLevel(build().template, 'File'));
    expect(file.map((item) => item.label ?? item.type ?? item.role)).toEqual(['Import Documents…', 'Add Scans…', 'separator', 'Open Annotation Pack…', 'Export Annotation Pack…', 'Backups…', 'separator', 'Export as TEI…', 'Export English Translation…', 'Glossary…', 'separator', 'Close Document', 'separator', 'quit']);
  });

  it('has the zoom and full-screen roles in View', () => {
    const roles = submenuOf(topLevel(build().template, 'View')).map((item) => item.role);
    expect(roles).toEqual(expect.arrayContaining(['resetZoom', 'zoomIn', 'zoomOut', 'togglefullscreen']));
  });

  it('offers developer tools only when not packaged', () => {
    const roles = (isPackaged: boolean) => allItems(build({ isPackaged }).template).map((item) => item.role);
    expect(roles(true)).not.toContain('toggleDevTools');
    expect(roles(false)).toContain('toggleDevTools');
  });

  describe('on macOS', () => {
    const { template, send } = build({ platform: 'darwin' });

    it('starts with the application menu and has a Window menu', () => {
      expect(template[0]?.label).toBe('Marginalia');
      expect(template.map((item) => item.label ?? item.role)).toEqual(['Marginalia', 'File', 'Edit', 'View', 'windowMenu', 'Help']);
    });

    it('puts About and Quit in the application menu, not in File or Help', () => {
      const appMenu = submenuOf(template[0]!);
      expect(appMenu.map((item) => item.role)).toContain('quit');
      expect(submenuOf(topLevel(template, 'File')).map((item) => item.role)).not.toContain('quit');
      expect(submenuOf(topLevel(template, 'Help')).map((item) => item.label)).toEqual(['Keyboard Shortcuts']);

      const about = appMenu.find((item) => item.label === 'About Marginalia');
      expect(about).toBeDefined();
      click(about!);
      expect(send).toHaveBeenLastCalledWith('help.about');
    });
  });
});
