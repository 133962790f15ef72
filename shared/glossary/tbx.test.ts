import { DOMParser } from '@xmldom/xmldom';
import { describe, expect, it } from 'vitest';
import { ImportError } from '../importers/import-error';
import { glossaryFromTbx, glossaryToTbx, TBX_NAMESPACE } from './tbx';
import { entry, sampleGlossary } from './test-fixtures';
import type { Glossary } from './types';

function fullGlossary(): Glossary {
  const g = sampleGlossary();
  g.entries.push(
    entry({
      id: 'quoted',
      source: 'так называемые "мирные" переговоры',
      forms: ['так называемых "мирных" переговоров'],
      stem: 'так называем* мирн* переговор*',
      preferred: 'so-called "peace" talks',
      admitted: ['so-called peace negotiations'],
      forbidden: ['peace talks <sic>'],
      notes: 'Irony & quotes.\n  An indented second line.\r\nAnd a CR LF.',
    }),
    entry({ id: 'bare', source: 'шифртелеграмма' }),
  );
  return g;
}

describe('TBX export', () => {
  const xml = glossaryToTbx(sampleGlossary(), { title: 'Mao–Filippov terms' });
  const root = new DOMParser().parseFromString(xml, 'application/xml').documentElement!;

  it('writes TBX-Basic in TBX v3 form', () => {
    const lines = xml.split('\n');
    expect(lines[0]).toBe('<?xml version="1.0" encoding="UTF-8"?>');
    expect(lines[1]).toMatch(/^<\?xml-model href="[^"]+\/TBXcoreStructV03_TBX-Basic_integrated\.rng" type="application\/xml" schematypens="http:\/\/relaxng\.org\/ns\/structure\/1\.0"\?>$/);
    expect(lines[2]).toMatch(/^<\?xml-model href="[^"]+\/TBX-Basic_DCA\.sch" type="application\/xml" schematypens="http:\/\/purl\.oclc\.org\/dsdl\/schematron"\?>$/);
    expect(lines[3]).toBe('<tbx type="TBX-Basic" style="dca" xml:lang="en" xmlns="urn:iso:std:iso:30042:ed-2">');
    expect(xml).not.toContain('xml:space');
    expect(root.namespaceURI).toBe(TBX_NAMESPACE);
    expect(root.getElementsByTagName('conceptEntry')).toHaveLength(9);
    expect(root.getElementsByTagName('title')[0]!.textContent).toBe('Mao–Filippov terms');
  });

  it('writes an entry as langSecs of termSecs with their statuses', () => {
    const start = xml.indexOf('<conceptEntry id="enemy">');
    const end = xml.indexOf('</conceptEntry>', start) + '</conceptEntry>'.length;
    expect(xml.slice(start, end)).toBe(
      [
        '<conceptEntry id="enemy">',
        '        <note>Military usage; not “opponent” (sport, debate).</note>',
        '        <langSec xml:lang="ru">',
        '          <termSec>',
        '            <term>противник</term>',
        '            <termNote type="administrativeStatus">preferredTerm-admn-sts</termNote>',
        '          </termSec>',
        '        </langSec>',
        '        <langSec xml:lang="en">',
        '          <termSec>',
        '            <term>enemy</term>',
        '            <termNote type="administrativeStatus">preferredTerm-admn-sts</termNote>',
        '          </termSec>',
        '          <termSec>',
        '            <term>adversary</term>',
        '            <termNote type="administrativeStatus">admittedTerm-admn-sts</termNote>',
        '          </termSec>',
        '          <termSec>',
        '            <term>opponent</term>',
        '            <termNote type="administrativeStatus">deprecatedTerm-admn-sts</termNote>',
        '          </termSec>',
        '        </langSec>',
        '      </conceptEntry>',
      ].join('\n'),
    );
  });

  it('writes forms as variants and a stem rule as a note', () => {
    expect(xml).toContain('<term>разгранлиния</term>\n            <termNote type="termType">variant</termNote>');
    expect(xml).toContain('<note>Marginalia stem rule: none</note>');
  });
});

describe('TBX round trip', () => {
  it('reads back what it wrote, from text and from bytes', () => {
    const g = fullGlossary();
    const xml = glossaryToTbx(g);
    // Exactly, carriage return included (written as a character reference).
    expect(glossaryFromTbx('terms.tbx', xml)).toEqual(g);
    expect(glossaryFromTbx('terms.tbx', new TextEncoder().encode(xml))).toEqual(g);
    expect(glossaryFromTbx('terms.tbx', xml).entries[9]!.notes).toBe('Irony & quotes.\n  An indented second line.\r\nAnd a CR LF.');
  });

  it('drops white space at a note’s ends (TBX-Basic allows no xml:space), and refuses an empty glossary', () => {
    const g = { ...sampleGlossary(), entries: [entry({ id: 'x', source: 'противник', notes: '  two\n  lines ' })] };
    expect(glossaryFromTbx('t.tbx', glossaryToTbx(g)).entries[0]!.notes).toBe('two\n  lines');
    expect(() => glossaryToTbx({ ...g, entries: [] })).toThrow(/at least one entry/);
  });

  it('keeps the glossary’s languages', () => {
    const g = { ...sampleGlossary(), sourceLanguage: 'ru-RU', targetLanguage: 'en-GB' };
    const xml = glossaryToTbx(g);
    expect(xml).toContain('<langSec xml:lang="ru-RU">');
    expect(glossaryFromTbx('t.tbx', xml, { sourceLanguage: 'ru-RU', targetLanguage: 'en-GB' }).entries).toEqual(g.entries);
    expect(glossaryFromTbx('t.tbx', xml).entries).toEqual(g.entries);
  });
});

describe('TBX from other tools', () => {
  it('reads TBX 2008 (martif, termEntry, langSet, tig and ntig)', () => {
    const xml = `<?xml version="1.0" encoding="UTF-8"?>
<martif type="TBX-Basic" xml:lang="en-US">
  <martifHeader><fileDesc><sourceDesc><p>From a CAT tool</p></sourceDesc></fileDesc></martifHeader>
  <text><body>
    <termEntry id="c1">
      <descrip type="definition">The other side in a war.</descrip>
      <langSet xml:lang="ru-RU">
        <tig><term>противник</term><termNote type="administrativeStatus">preferredTerm-admn-sts</termNote></tig>
        <tig><term>неприятель</term></tig>
      </langSet>
      <langSet xml:lang="en-US">
        <ntig><termGrp><term>enemy</term><termNote type="administrativeStatus">preferredTerm-admn-sts</termNote></termGrp></ntig>
        <tig><term>foe</term><termNote type="administrativeStatus">supersededTerm-admn-sts</termNote></tig>
        <tig><term>opponent</term><termNote type="administrativeStatus">deprecatedTerm-admn-sts</termNote><note>Sport, not war.</note></tig>
      </langSet>
      <langSet xml:lang="de"><tig><term>Feind</term></tig></langSet>
    </termEntry>
  </body></text>
</martif>`;
    expect(glossaryFromTbx('old.tbx', xml)).toEqual({
      sourceLanguage: 'ru',
      targetLanguage: 'en',
      entries: [
        entry({
          id: 'c1',
          source: 'противник',
          forms: ['неприятель'],
          preferred: 'enemy',
          forbidden: ['foe', 'opponent'],
          notes: 'Definition: The other side in a war.\nSport, not war.',
        }),
      ],
    });
  });

  it('takes the first term not deprecated as preferred when none is marked, and makes missing ids', () => {
    const xml = `<tbx type="TBX-Basic" style="dca" xml:lang="en" xmlns="${TBX_NAMESPACE}"><text><body>
      <conceptEntry>
        <langSec xml:lang="en">
          <termSec><term>cease-fire</term><termNote type="administrativeStatus">deprecatedTerm-admn-sts</termNote></termSec>
          <termSec><term>  cessation   of hostilities </term></termSec>
          <termSec><term>end of hostilities</term></termSec>
        </langSec>
        <langSec xml:lang="ru"><termSec><term>прекращение военных действий</term></termSec></langSec>
      </conceptEntry>
    </body></text></tbx>`;
    const [read] = glossaryFromTbx('t.tbx', xml).entries;
    expect(read).toEqual(
      entry({ id: read!.id, source: 'прекращение военных действий', preferred: 'cessation of hostilities', admitted: ['end of hostilities'], forbidden: ['cease-fire'] }),
    );
    expect(read!.id).toMatch(/^term-[0-9a-z]+$/);
  });

  describe('refuses malformed files, saying where', () => {
    const refusal = (xml: string): string => {
      try {
        glossaryFromTbx('bad.tbx', xml);
      } catch (error) {
        expect(error).toBeInstanceOf(ImportError);
        return (error as Error).message;
      }
      throw new Error('not refused');
    };
    const wrap = (entries: string): string => `<tbx type="TBX-Basic" style="dca" xml:lang="en" xmlns="${TBX_NAMESPACE}"><text><body>${entries}</body></text></tbx>`;
    const ru = (term: string): string => `<langSec xml:lang="ru"><termSec><term>${term}</term></termSec></langSec>`;

    it('a document type declaration', () => {
      expect(refusal(`<?xml version="1.0"?>\n<!DOCTYPE tbx [<!ENTITY lol "lol">]>\n${wrap('')}`)).toMatch(
        /^“bad\.tbx” cannot be imported: it contains a document type declaration \(<!DOCTYPE …>\)\. TBX files need none/,
      );
    });

    it('XML that is not well-formed, by its line', () => {
      expect(refusal('<tbx>\n<text>\n<body>\n<conceptEntry id="a">\n</body></text></tbx>')).toMatch(/it is not well-formed XML \(line \d+: /);
      expect(refusal('')).toMatch(/it is empty/);
    });

    it('another kind of XML', () => {
      expect(refusal('<TEI xmlns="http://www.tei-c.org/ns/1.0"><text/></TEI>')).toBe(
        '“bad.tbx” cannot be imported: it is not a TBX file: its root element is <TEI>, where TBX has <tbx> (TBX v3) or <martif> (TBX 2008).',
      );
    });

    it('an entry without a source term, by its number and id', () => {
      expect(refusal(wrap(`<conceptEntry id="a">${ru('противник')}</conceptEntry><conceptEntry id="b"><langSec xml:lang="en"><termSec><term>zone</term></termSec></langSec></conceptEntry>`))).toBe(
        '“bad.tbx” cannot be imported: entry 2 (id “b”) cannot be read: it has no term in the source language (a <langSec xml:lang="ru"> with a <term>).',
      );
    });

    it('an empty term, an unknown status, a malformed stem rule, a repeated or unusable id', () => {
      expect(refusal(wrap(`<conceptEntry>${ru(' ')}</conceptEntry>`))).toMatch(/entry 1 cannot be read: one of its terms is empty/);
      expect(
        refusal(wrap(`<conceptEntry id="a">${ru('противник')}<langSec xml:lang="en"><termSec><term>enemy</term><termNote type="administrativeStatus">bestTerm</termNote></termSec></langSec></conceptEntry>`)),
      ).toMatch(/entry 1 \(id “a”\) cannot be read: the status of “enemy”, “bestTerm”, is not one TBX defines/);
      expect(refusal(wrap(`<conceptEntry id="a"><langSec xml:lang="ru"><termSec><term>противник</term><note>Marginalia stem rule: про*тив</note></termSec></langSec></conceptEntry>`))).toMatch(
        /entry 1 \(id “a”\) cannot be read: the stem rule “про\*тив”/,
      );
      expect(refusal(wrap(`<conceptEntry id="a">${ru('противник')}</conceptEntry><conceptEntry id="a">${ru('зона')}</conceptEntry>`))).toMatch(
        /entry 2 \(id “a”\) cannot be read: its id is the id of an earlier entry/,
      );
      expect(refusal(wrap(`<conceptEntry id="1a">${ru('противник')}</conceptEntry>`))).toMatch(/entry 1 \(id “1a”\) cannot be read: the id “1a” is not usable/);
    });
  });
});
