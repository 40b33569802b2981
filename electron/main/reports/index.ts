export { renderTestimonyPdf } from './testimony-report';
export type { ReportInput } from './testimony-report';
export type { AnswerContext, Registers } from './answer-text';
export { answerText, fill } from './answer-text';
export { loadReportFonts, reportFontDir } from './report-fonts';
export type { FontFiles } from './report-fonts';
