/** Drives GraphiQL's editors in Chromium for the explorer's browser tests. */
import type { Page } from 'playwright-core';

type CodeMirrorHost = { CodeMirror: { setValue(v: string): void; getValue(): string } };

/** Replaces the text of one editor (`query`, `variables` or `headers`) of the active tab. */
export async function setEditor(page: Page, text: string, editor: 'query' | 'variables' = 'query'): Promise<void> {
  const selector = editor === 'query' ? '.graphiql-query-editor .CodeMirror' : '.graphiql-editor-tool .graphiql-editor:not(.hidden) .CodeMirror';
  await page.waitForSelector('.graphiql-query-editor .CodeMirror', { timeout: 20_000 });
  await page.evaluate(
    ([sel, value]) => (document.querySelector(sel!) as unknown as CodeMirrorHost).CodeMirror.setValue(value!),
    [selector, text],
  );
}

/** The text of one editor of the active tab. */
export function editorText(page: Page, editor: 'query' | 'variables'): Promise<string> {
  const selector = editor === 'query' ? '.graphiql-query-editor .CodeMirror' : '.graphiql-editor-tool .graphiql-editor:not(.hidden) .CodeMirror';
  return page.evaluate((sel) => (document.querySelector(sel) as unknown as CodeMirrorHost | null)?.CodeMirror.getValue() ?? '', selector);
}

/** What the result pane shows (the response editor's text). */
export const resultText = (page: Page): Promise<string> =>
  page.evaluate(() => (document.querySelector('.result-window .CodeMirror') as unknown as CodeMirrorHost | null)?.CodeMirror.getValue() ?? '');
