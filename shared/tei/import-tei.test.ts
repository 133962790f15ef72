import { describe, expect, it } from 'vitest';
import type { BodyDocJSON } from '../annotation';
import { ImportError } from '../importers/import-error';
import { transcriptionFromSheets, transcriptionSchema } from '../transcription/schema';
import { emptyMetadata } from '../document-metadata';
import { exportTei, importTei } from './index';

const TEI_NS = 'http://www.tei-c.org/ns/1.0';

/** A hand-written TEI file around a body (and optionally a header and stand-off part). */
function tei(body: string, { header = '', standOff = '', facsimile = '' } = {}): string {
  return `<?xml version="1.0" encoding="UTF-8"?>
<?xml-model href="http://www.tei-c.org/release/xml/tei/custom/schema/relaxng/tei_all.rng" type="application/xml" schematypens="http://relaxng.org/ns/structure/1.0"?>
<TEI xmlns="${TEI_NS}">
  <teiHeader>
    <fileDesc>
      <titleStmt><title>A hand-written file</title></titleStmt>
      <publicationStmt><p>Unpublished</p></publicationStmt>
      <sourceDesc><p>Typed from the original.</p></sourceDesc>
    </fileDesc>
    ${header}
  </teiHeader>
  ${facsimile}
  <text>
    <body>
${body}
    </body>
  </text>
  ${standOff}
</TEI>`;
}

/** The sheets of an imported transcription as [label, number as written, paragraph texts]. */
function sheetsOf(json: Record<string, unknown>): Array<[string, string, string[]]> {
  const doc = transcriptionSchema.nodeFromJSON(json);
  const sheets: Array<[string, string, string[]]> = [];
  doc.forEach((sheet) => {
    const paragraphs: string[] = [];
    sheet.forEach((p) => paragraphs.push(p.textBetween(0, p.content.size, undefined, (leaf) => leaf.type.spec.leafText?.(leaf) ?? '')));
    sheets.push([sheet.attrs.label as string, sheet.attrs.numberAsWritten as string, paragraphs]);
  });
  return sheets;
}

function importError(xml: string): ImportError {
  try {
    importTei(xml, { fileName: 'suspect.xml' });
  } catch (error) {
    expect(error).toBeInstanceOf(ImportError);
    return error as ImportError;
  }
  throw new Error('the file was imported');
}

describe('importing hand-written TEI', () => {
  it('reads paragraphs, line and page breaks, normalising indentation', () => {
    const result = importTei(
      tei(`
      <div type="letter">
        <head>Telegram</head>
        <p>
          First   line,
          <lb/>
          second line.
        </p>
        <p>Runs over <pb n="2"/> the page break.</p>
        <pb n="3"/>
        <p>Third <hi rend="underline">sheet</hi>.</p>
      </div>`),
    );
    expect(sheetsOf(result.transcription)).toEqual([
      ['Sheet 1', '', ['Telegram', 'First line,\nsecond line.', 'Runs over']],
      ['Sheet 2', '2', ['the page break.']],
      ['Sheet 3', '3', ['Third sheet.']],
    ]);
    expect(result.metadata.title).toBe('A hand-written file');
    expect(result.metadata.citation).toBe('Typed from the original.');
    expect(result.documentId).toBeNull();
    expect(result.annotations).toEqual([]);
  });

  it('reads the editorial elements as marks and atoms', () => {
    const result = importTei(
      tei(
        `<p>A <unclear reason="faded">faint</unclear> word, <supplied reason="omitted">one</supplied>
        <del rend="strikethrough">struck</del> <add place="above">added</add>
        <choice><sic>teh</sic><corr>the</corr></choice> <choice><expan>comrade</expan><abbr>com.</abbr></choice>
        <gap reason="illegible" extent="3 words"/> <note>An editor's remark.</note>
        <seg type="hand" hand="#pencil">routed</seg> <stamp>SECRET</stamp> <seg type="printed">Form 7</seg>
        <persName>Kept text</persName></p>`,
        { header: '<profileDesc><handNotes><handNote xml:id="pencil">Pencil, later hand</handNote></handNotes></profileDesc>' },
      ),
    );
    const doc = transcriptionSchema.nodeFromJSON(result.transcription);
    const found: Array<[string, string]> = [];
    doc.descendants((node) => {
      if (node.isText) found.push([node.text!, node.marks.map((m) => `${m.type.name}${JSON.stringify(m.attrs)}`).join(' ')]);
      else if (node.type.name === 'gap' || node.type.name === 'editorial_note') found.push([node.type.name, JSON.stringify(node.attrs)]);
      return true;
    });
    expect(found).toEqual([
      ['A ', ''],
      ['faint', 'unclear{"reason":"faded"}'],
      [' word, ', ''],
      ['one', 'supplied{"reason":"omitted"}'],
      [' ', ''],
      ['struck', 'deleted{"rend":"strikethrough"}'],
      [' ', ''],
      ['added', 'added{"place":"above"}'],
      [' ', ''],
      ['the', 'corrected{"sic":"teh"}'],
      [' ', ''],
      ['com.', 'abbreviation{"expansion":"comrade"}'],
      [' ', ''],
      ['gap', '{"reason":"illegible","extent":"3 words"}'],
      [' ', ''],
      ['editorial_note', `{"text":"An editor's remark."}`],
      [' ', ''],
      ['routed', 'hand{"description":"Pencil, later hand"}'],
      [' ', ''],
      ['SECRET', 'printed{"kind":"stamp"}'],
      [' ', ''],
      ['Form 7', 'printed{"kind":"form"}'],
      [' Kept text', ''],
    ]);
  });

  it('reads stand-off annotations pointing at anchors, elements and zones', () => {
    const result = importTei(
      tei(
        `<p xml:id="p1">The <anchor xml:id="a1"/>armistice talks<anchor xml:id="a2"/> and the <seg xml:id="s1">38th parallel</seg>.</p>`,
        {
          facsimile: `<facsimile><surface xml:id="f1"><graphic url="page1.jpg"/><zone xml:id="z1" ulx="10" uly="20" lrx="110" lry="70"/></surface></facsimile>`,
          standOff: `<standOff><listAnnotation>
            <annotation xml:id="c1" motivation="commenting" target="#range(a1,a2)">
              <respStmt><resp>creator</resp><persName>Fred Editor</persName></respStmt>
              <note xml:lang="en">About <emph>the</emph> talks; see <ref target="https://example.org">this</ref> and <ref target="javascript:alert(1)">that</ref>.</note>
            </annotation>
            <annotation xml:id="c2" motivation="linking" target="#s1"><note>The parallel.</note></annotation>
            <annotation xml:id="c3" target="#z1 #s1"><note>A region, linked to words.</note></annotation>
            <annotation xml:id="c4" target="#nowhere"><note>Lost.</note></annotation>
            <note xml:id="n1" target="#p1">A whole paragraph.</note>
          </listAnnotation></standOff>`,
        },
      ),
    );
    const [c1, c2, c3, n1] = result.annotations;
    expect(result.annotations).toHaveLength(4);
    expect(c1!.id).toBe('c1');
    expect(c1!.kind).toBe('commentary');
    expect(c1!.target).toMatchObject({ type: 'text', quote: { exact: 'armistice talks', prefix: 'The ', suffix: ' and the 38th parallel.' }, position: { start: 4, end: 19 } });
    expect(c1!.creator.name).toBe('Fred Editor');
    expect(c1!.body.language).toBe('en');
    expect(c1!.body.doc).toEqual({
      type: 'doc',
      content: [
        {
          type: 'paragraph',
          content: [
            { type: 'text', text: 'About ' },
            { type: 'text', text: 'the', marks: [{ type: 'em' }] },
            { type: 'text', text: ' talks; see ' },
            { type: 'text', text: 'this', marks: [{ type: 'link', attrs: { href: 'https://example.org' } }] },
            { type: 'text', text: ' and that.' },
          ],
        },
      ],
    } satisfies BodyDocJSON);
    expect(c2!.kind).toBe('crossref');
    expect(c2!.target).toMatchObject({ type: 'text', quote: { exact: '38th parallel' } });
    expect(c3!.target).toEqual({
      type: 'region',
      documentId: '',
      scanId: 'page1.jpg',
      sheetIndex: 0,
      selector: { type: 'FragmentSelector', conformsTo: 'http://www.w3.org/TR/media-frags/', value: 'xywh=pixel:10,20,100,50' },
    });
    expect(c3!.links).toHaveLength(1);
    expect(n1!.target).toMatchObject({ type: 'text', quote: { exact: 'The armistice talks and the 38th parallel.' } });
    expect(result.warnings).toEqual(['The target of annotation “c4” could not be found in the text; the annotation was left out.']);
  });

  it('reads metadata from a hand-written header', () => {
    const result = importTei(`<TEI xmlns="${TEI_NS}"><teiHeader><fileDesc>
        <titleStmt><title type="main">
            Letter to
            Stalin</title><author><persName>Mao Zedong</persName></author><author>Zhou Enlai</author></titleStmt>
        <publicationStmt><publisher>Someone</publisher><availability><p>Public domain</p></availability></publicationStmt>
        <sourceDesc><bibl><title>Letter</title>, <date when="1951-07-20">20 July 1951</date>, <idno>AVPRF 0100</idno></bibl></sourceDesc>
      </fileDesc>
      <profileDesc>
        <langUsage><language ident="zh">Chinese</language></langUsage>
        <textClass><keywords><term>Korean War</term><term>Diplomacy</term></keywords></textClass>
        <particDesc><listPerson><person><persName>Stalin</persName></person></listPerson></particDesc>
        <settingDesc><listPlace><place><placeName>Beijing</placeName></place></listPlace></settingDesc>
      </profileDesc></teiHeader><text><body><p>Text.</p></body></text></TEI>`);
    expect(result.metadata).toEqual({
      ...emptyMetadata(),
      title: 'Letter to Stalin',
      authors: 'Mao Zedong\nZhou Enlai',
      rights: 'Public domain',
      citation: 'Letter, 20 July 1951, AVPRF 0100',
      dateIso: '1951-07-20',
      dateAsWritten: '20 July 1951',
      recordId: 'AVPRF 0100',
      languageCode: 'zh',
      textLanguage: 'Chinese',
      associatedTopics: 'Korean War\nDiplomacy',
      associatedPeopleAndPlaces: 'Stalin\nBeijing',
    });
  });

  it('reads loose text in the body as a paragraph, with its line breaks', () => {
    const result = importTei(tei('line one<lb/>\n      line two <pb n="2"/><p>next</p>'));
    expect(sheetsOf(result.transcription)).toEqual([
      ['Sheet 1', '', ['line one\nline two']],
      ['Sheet 2', '2', ['next']],
    ]);
  });

  it('names sheets from the labels of the surfaces their page breaks point at', () => {
    const result = importTei(
      tei('<pb facs="#f1"/><p>recto</p><pb facs="#f2" n="1v"/><p>verso</p>', {
        facsimile: '<facsimile><surface xml:id="f1"><label>fol. 1r</label></surface><surface xml:id="f2"/></facsimile>',
      }),
    );
    expect(sheetsOf(result.transcription)).toEqual([
      ['fol. 1r', '', ['recto']],
      ['Sheet 2', '1v', ['verso']],
    ]);
  });

  it('accepts TEI without a namespace, and a body with no text as one empty sheet', () => {
    const result = importTei('<TEI><text><body/></text></TEI>');
    expect(sheetsOf(result.transcription)).toEqual([['Sheet 1', '', ['']]]);
    expect(result.metadata.title).toBe('Untitled document');
  });
});

describe('refusing or defusing hostile and broken files', () => {
  it('refuses a DOCTYPE with entities (billion laughs)', () => {
    const error = importError(`<?xml version="1.0"?>
<!DOCTYPE TEI [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">]>
<TEI xmlns="${TEI_NS}"><text><body><p>&lol2;</p></body></text></TEI>`);
    expect(error.message).toMatch(/^“suspect\.xml” cannot be imported: it contains a document type declaration/);
  });

  it('refuses an external entity that would read a file', () => {
    const error = importError(`<!DOCTYPE TEI [<!ENTITY xxe SYSTEM "file:///etc/passwd">]><TEI xmlns="${TEI_NS}"><text><body><p>&xxe;</p></body></text></TEI>`);
    expect(error.reason).toMatch(/document type declaration/);
  });

  it('refuses truncated XML, naming the line', () => {
    const xml = exportTei({
      document: { ...emptyMetadata('Truncated'), id: 'd' },
      transcription: transcriptionFromSheets([{ label: 'Sheet 1', numberAsWritten: '', paragraphs: ['Some text.'] }]).toJSON() as Record<string, unknown>,
      annotations: [],
      generator: 'test',
    });
    const error = importError(xml.slice(0, Math.floor(xml.length * 0.8)));
    expect(error.reason).toMatch(/^it is not well-formed XML \(line \d+: .+\)\. The file may be incomplete or damaged\.$/);
  });

  it('refuses mismatched tags, naming the line', () => {
    const error = importError(`<TEI xmlns="${TEI_NS}">\n<text>\n<body><p>one</body>\n</text></TEI>`);
    expect(error.reason).toMatch(/line 3/);
  });

  it('refuses a file that is not TEI, or not XML', () => {
    expect(importError('<html><body><p>Hi</p></body></html>').reason).toBe('its root element is <html>, so it is not a TEI document (whose root is <TEI>).');
    expect(importError('<TEI xmlns="http://example.org/not-tei"><text><body/></text></TEI>').reason).toMatch(/namespace/);
    expect(importError(`<teiCorpus xmlns="${TEI_NS}"/>`).reason).toMatch(/corpus/);
    expect(importError(`<TEI xmlns="${TEI_NS}"><teiHeader/></TEI>`).reason).toMatch(/no <text>/);
    expect(importError('just some words').reason).toMatch(/not well-formed XML/);
    expect(importError('').reason).toBe('it is empty.');
  });

  it('refuses entities XML does not define', () => {
    expect(importError(`<TEI xmlns="${TEI_NS}"><text><body><p>a&nbsp;b</p></body></text></TEI>`).reason).toMatch(/not well-formed XML.*nbsp/);
  });

  it('refuses absurdly deep nesting', () => {
    const depth = 5000;
    const xml = `<TEI xmlns="${TEI_NS}"><text><body><p>${'<hi>'.repeat(depth)}x${'</hi>'.repeat(depth)}</p></body></text></TEI>`;
    expect(importError(xml).reason).toMatch(/nested more than/);
  });

  it('keeps a script as plain text, whether as an element or as escaped text', () => {
    const result = importTei(
      tei(`<p>Before <script xmlns="http://www.w3.org/1999/xhtml">alert('x')</script> &lt;script&gt;alert(1)&lt;/script&gt; <html:img xmlns:html="http://www.w3.org/1999/xhtml" src="x" onerror="alert(2)"/>after</p>`, {
        standOff: `<standOff><listAnnotation><annotation xml:id="x" target="#range(a,b)"><note><p><script>alert(3)</script><ref target="javascript:alert(4)">click</ref></p></note></annotation></listAnnotation></standOff>`,
      }),
    );
    expect(sheetsOf(result.transcription)[0]![2]).toEqual(["Before alert('x') <script>alert(1)</script> after"]);
    // The annotation's target cannot be found; had it been, its body would be plain text too.
    expect(result.annotations).toEqual([]);
    const withTarget = importTei(
      tei('<p><anchor xml:id="a"/>words<anchor xml:id="b"/></p>', {
        standOff: `<standOff><listAnnotation><annotation xml:id="x" target="#range(a,b)"><note><p><script>alert(3)</script><ref target="javascript:alert(4)">click</ref></p></note></annotation></listAnnotation></standOff>`,
      }),
    );
    expect(withTarget.annotations[0]!.body.doc).toEqual({ type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'alert(3)click' }] }] });
  });

  it('keeps only readable region selectors from a zone', () => {
    const result = importTei(
      tei('<p><anchor xml:id="a"/>words<anchor xml:id="b"/></p>', {
        facsimile: `<facsimile><surface><zone xml:id="z1"><note type="selector">{"type":"SvgSelector","value":"&lt;svg&gt;&lt;script&gt;alert(1)&lt;/script&gt;&lt;/svg&gt;"}</note></zone><zone xml:id="z2" points="0,0 10,0 x,y"/></surface></facsimile>`,
        standOff: `<standOff><listAnnotation><annotation xml:id="r1" target="#z1"><note>Script.</note></annotation><annotation xml:id="r2" target="#z2"><note>Bad points.</note></annotation></listAnnotation></standOff>`,
      }),
    );
    expect(result.annotations).toEqual([]);
    expect(result.warnings).toHaveLength(2);
  });
});
