// Text-level normalisers: mojibake repair and the code-page tables it needs.
export { repairMojibake } from './repair-mojibake.ts';
export type { Repair, MojibakeEncoding } from './repair-mojibake.ts';
export { MAC_ROMAN, WINDOWS_1252, decodeWithTable } from './code-pages.ts';
export type { CodePage, CodePageTable } from './code-pages.ts';
