export { renderTestimonyPdf } from './testimony-report';
export type { ReportInput } from './testimony-report';
export type { Registers } from './answer-text';
export { loadReportFonts, reportFontDir } from './report-fonts';
export type { FontFiles } from './report-fonts';
