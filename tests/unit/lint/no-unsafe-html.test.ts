// local/no-unsafe-html fires on every API that would parse testimony text as HTML.
import { RuleTester } from 'eslint';
import tseslint from 'typescript-eslint';
import { describe, it } from 'vitest';
import local from '../../../.eslint-plugin-local/index.mjs';

RuleTester.describe = describe;
RuleTester.it = it;
RuleTester.itOnly = it.only;

const rule = local.rules['no-unsafe-html'];

const ruleTester = new RuleTester({
  languageOptions: {
    parser: tseslint.parser,
    ecmaVersion: 'latest',
    sourceType: 'module',
  },
});

type MessageId = 'reactHtml' | 'srcDoc' | 'htmlAssignment' | 'htmlMethod' | 'documentWrite';

const TSX = '/home/interviewer/svidok/renderer/src/testimony/Narrative.tsx';
const TS = '/home/interviewer/svidok/renderer/src/print.ts';

/** A case for `code` in a .tsx file (so JSX parses). */
function tsx(code: string) {
  return { code, filename: TSX };
}

/** An invalid case: `code` must be reported once, with `messageId`. */
function bad(code: string, messageId: MessageId, filename = TSX) {
  return { code, filename, errors: [{ messageId }] };
}

describe('local/no-unsafe-html', () => {
  ruleTester.run('no-unsafe-html', rule, {
    valid: [
      // Ordinary JSX: React escapes children and attribute values.
      tsx('const a = <p className="narrative">{testimony.text}</p>;'),
      tsx('const a = <textarea value={draft} onChange={onChange} />;'),
      tsx("const a = createElement('p', { className: 'narrative' }, testimony.text);"),
      // Text APIs.
      tsx('el.textContent = testimony.text;'),
      tsx('el.innerText = testimony.text;'),
      tsx('el.append(document.createTextNode(testimony.text));'),
      // Reading is fine; only writing parses.
      tsx('const html = el.innerHTML;'),
      tsx('const same = el.outerHTML === other.outerHTML;'),
      // Types and destructuring mention the name without setting anything.
      tsx('interface P { dangerouslySetInnerHTML?: { __html: string } }'),
      tsx('const { dangerouslySetInnerHTML, ...rest } = props;'),
      // Only a document's write() is HTML; streams write bytes.
      tsx('stream.write(chunk);'),
      tsx('process.stdout.write(line);'),
      tsx('const w = document.writeable;'),
    ],
    invalid: [
      bad('const a = <div dangerouslySetInnerHTML={{ __html: testimony.text }} />;', 'reactHtml'),
      bad(
        "const a = createElement('div', { dangerouslySetInnerHTML: { __html: html } });",
        'reactHtml',
      ),
      bad("const props = { 'dangerouslySetInnerHTML': { __html: html } };", 'reactHtml'),
      bad("const props = { ['dangerouslySetInnerHTML']: { __html: html } };", 'reactHtml'),
      bad('props.dangerouslySetInnerHTML = { __html: html };', 'reactHtml'),
      bad('const a = <iframe srcDoc={html} />;', 'srcDoc'),
      bad('el.innerHTML = testimony.text;', 'htmlAssignment'),
      bad('el.innerHTML += testimony.text;', 'htmlAssignment', TS),
      bad("el['innerHTML'] = testimony.text;", 'htmlAssignment', TS),
      bad('el.outerHTML = testimony.text;', 'htmlAssignment', TS),
      bad('frame.srcdoc = html;', 'htmlAssignment', TS),
      bad("el.insertAdjacentHTML('beforeend', testimony.text);", 'htmlMethod', TS),
      bad('el.setHTMLUnsafe(testimony.text);', 'htmlMethod', TS),
      bad('range.createContextualFragment(testimony.text);', 'htmlMethod', TS),
      bad('document.write(testimony.text);', 'documentWrite', TS),
      bad('document.writeln(testimony.text);', 'documentWrite', TS),
      bad('window.document.write(html);', 'documentWrite', TS),
      bad('frame.contentDocument.write(html);', 'documentWrite', TS),
      // In any file, not only the renderer.
      bad(
        'win.webContents.on(e, () => { el.innerHTML = x; });',
        'htmlAssignment',
        '/p/electron/main/shell/w.ts',
      ),
    ],
  });
});
