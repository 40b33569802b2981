/** The locale for times and dates in the UI: British English (day before month), or Ukrainian. */
export function dateLocale(language: string): string {
  return language === 'en' ? 'en-GB' : 'uk';
}
