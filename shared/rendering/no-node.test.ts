/**
 * The rendering code runs in the browser renderer as well as under Node: none of its modules
 * (nor the DOCX library it bundles) may use a Node built-in. The library's types bring Node's
 * globals into the typecheck, so this is checked here rather than left to `tsc`.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

const folder = new URL('./', import.meta.url);
const NODE_ONLY = /from\s+['"](node:|fs['"]|path['"]|stream['"]|buffer['"]|crypto['"]|os['"])|\brequire\(|\bBuffer\b|\bprocess\.|__dirname|__filename/;

describe('shared/rendering', () => {
  it('uses no Node built-ins outside its tests', () => {
    const sources = readdirSync(folder).filter((name) => name.endsWith('.ts') && !name.endsWith('.test.ts'));
    expect(sources.length).toBeGreaterThan(5);
    const offending = sources.filter((name) => NODE_ONLY.test(readFileSync(new URL(name, folder), 'utf8')));
    expect(offending).toEqual([]);
  });

  it('bundles a DOCX library whose ES module imports nothing', () => {
    const root = new URL('../../node_modules/docx/', import.meta.url);
    const manifest = JSON.parse(readFileSync(new URL('package.json', root), 'utf8')) as { exports: { '.': { import: { default: string } } } };
    const entry = readFileSync(new URL(manifest.exports['.'].import.default, root), 'utf8');
    expect(entry.match(/^\s*import\s[^;]*?from\s*['"][^'"]+['"]/gm) ?? []).toEqual([]);
    expect(entry).not.toMatch(/\brequire\(\s*['"]/);
  });
});
