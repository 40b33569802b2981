// @ts-check
// local/no-unsafe-html: testimony text must render as text, never be parsed as HTML.
//
// A survivor's words, a name or a place typed by an interviewer, or a string from an imported
// bundle can contain markup; parsed as HTML it becomes script in a renderer that holds the
// decrypted vault. So every API that turns a string into DOM is reported: React's
// dangerouslySetInnerHTML, <iframe srcDoc>, innerHTML/outerHTML/srcdoc assignments, insertAdjacentHTML,
// setHTMLUnsafe, createContextualFragment and document.write/writeln.

/**
 * @typedef {import('eslint').Rule.RuleModule} RuleModule
 */

/** Properties whose assignment parses a string as HTML. */
const HTML_SINKS = new Set(['innerHTML', 'outerHTML', 'srcdoc']);
/** Methods that parse a string argument as HTML, whatever the receiver. */
const HTML_METHODS = new Set(['insertAdjacentHTML', 'setHTMLUnsafe', 'createContextualFragment']);
/** Properties that hold a Document, for `<x>.document.write(...)` and friends. */
const DOCUMENT_PROPS = new Set(['document', 'contentDocument', 'ownerDocument']);

/**
 * The name of a non-computed member property (`a.b`) or of a computed string key (`a['b']`).
 * @param {any} member a MemberExpression
 * @returns {string | undefined}
 */
function propertyName(member) {
  const p = member.property;
  if (!member.computed && p.type === 'Identifier') return p.name;
  if (member.computed && p.type === 'Literal' && typeof p.value === 'string') return p.value;
  return undefined;
}

/**
 * The name of an object-literal key, `{ a: 1 }`, `{ 'a': 1 }` or `{ ['a']: 1 }`.
 * @param {any} property a Property
 * @returns {string | undefined}
 */
function keyName(property) {
  const k = property.key;
  if (!property.computed && k.type === 'Identifier') return k.name;
  if (k.type === 'Literal' && typeof k.value === 'string') return k.value;
  return undefined;
}

/**
 * True for `document`, `window.document`, `frame.contentDocument`, `el.ownerDocument`.
 * @param {any} node
 * @returns {boolean}
 */
function isDocument(node) {
  if (node.type === 'Identifier') return node.name === 'document';
  if (node.type === 'MemberExpression') return DOCUMENT_PROPS.has(propertyName(node) ?? '');
  return false;
}

/** @type {RuleModule} */
const rule = {
  meta: {
    type: 'problem',
    docs: {
      description:
        'Forbid APIs that parse strings as HTML; testimony text must render as text, never as HTML.',
    },
    schema: [],
    messages: {
      reactHtml:
        'dangerouslySetInnerHTML parses a string as HTML. Testimony text must render as text, never HTML: pass it as a JSX child and let React escape it.',
      htmlAssignment:
        'Assigning to .{{name}} parses a string as HTML. Testimony text must render as text, never HTML: use textContent or JSX.',
      htmlMethod:
        '.{{name}}() parses a string as HTML. Testimony text must render as text, never HTML: use textContent or JSX.',
      srcDoc:
        '<iframe srcDoc> renders a string as an HTML document. Testimony text must render as text, never HTML: use JSX.',
      documentWrite:
        'document.{{name}}() writes raw HTML into the page. Testimony text must render as text, never HTML: use JSX.',
    },
  },

  create(context) {
    return {
      /** @param {any} node */
      JSXAttribute(node) {
        if (node.name.type !== 'JSXIdentifier') return;
        if (node.name.name === 'dangerouslySetInnerHTML') {
          context.report({ node, messageId: 'reactHtml' });
        } else if (node.name.name === 'srcDoc') {
          context.report({ node, messageId: 'srcDoc' });
        }
      },
      Property(node) {
        // Object literals only: `createElement('div', { dangerouslySetInnerHTML: ... })`.
        // Destructuring (`const { dangerouslySetInnerHTML } = props`) sets nothing.
        if (
          node.parent.type === 'ObjectExpression' &&
          keyName(node) === 'dangerouslySetInnerHTML'
        ) {
          context.report({ node, messageId: 'reactHtml' });
        }
      },
      AssignmentExpression(node) {
        if (node.left.type !== 'MemberExpression') return;
        const name = propertyName(node.left);
        if (name === 'dangerouslySetInnerHTML') {
          context.report({ node, messageId: 'reactHtml' });
        } else if (name !== undefined && HTML_SINKS.has(name)) {
          context.report({ node, messageId: 'htmlAssignment', data: { name } });
        }
      },
      CallExpression(node) {
        if (node.callee.type !== 'MemberExpression') return;
        const name = propertyName(node.callee);
        if (name === undefined) return;
        if (HTML_METHODS.has(name)) {
          context.report({ node, messageId: 'htmlMethod', data: { name } });
        } else if ((name === 'write' || name === 'writeln') && isDocument(node.callee.object)) {
          context.report({ node, messageId: 'documentWrite', data: { name } });
        }
      },
    };
  },
};

export default rule;
