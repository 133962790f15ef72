/** TEI P5 export and import of a document with its annotations (see docs/tei.md). */
export { exportTei, type TeiDocumentInput, type TeiExportInput } from './export-tei';
export { importTei, type TeiImportOptions, type TeiImportResult } from './import-tei';
