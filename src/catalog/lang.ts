/**
 * The languages the program speaks: Vietnamese, and English for everyone else (cli.md). Codes never
 * change with the language, only texts do; each text is made where it is shown, in that place's
 * language (catalog/issues.ts `issueText`).
 */
export type Lang = 'vi' | 'en';
