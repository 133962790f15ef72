/** The translator's glossary: terms, matching across Russian inflection, consistency checks, CSV and TBX files (see docs/translation.md). */
export {
  MAX_PATTERN_ENDING,
  emptyGlossary,
  glossaryEntryProblems,
  glossaryProblems,
  newEntryId,
  parseStemRule,
  type Glossary,
  type GlossaryEntry,
  type StemRule,
} from './types';
export { MIN_STEM_LENGTH, englishKey, normalizeWord, russianStem, tokenize, type Token } from './words';
export { findTerms, type FindTermsOptions, type MatchVia, type TermMatch } from './match';
export { checkConsistency, findRendering, type ConsistencyIssue, type TextSpan } from './consistency';
export {
  CsvSyntaxError,
  GLOSSARY_CSV_COLUMNS,
  MAX_GLOSSARY_ENTRIES,
  detectDelimiter,
  formatCsvRecord,
  glossaryFromCsv,
  glossaryToCsv,
  parseCsv,
  type CsvRecord,
  type GlossaryCsvOptions,
  type GlossaryImportOptions,
} from './csv';
export { TBX_NAMESPACE, glossaryFromTbx, glossaryToTbx, type GlossaryTbxOptions } from './tbx';
