// Project lint rules.
// no-literal-ui-text: user-facing text in JSX must go through i18next. Flags text with a letter
// in it wherever a person reads or hears it: JSX text, string and template literals placed as
// children ({'Save'}, {ok ? 'Yes' : 'No'}), and the same in attributes that are read out
// (aria-label, title, alt, placeholder, …) or that our components show (label, hint, intro, …).
// Tested in scripts/eslint-plugin-spectrum.test.ts.
const READ_ATTRIBUTES = new Set([
  'aria-label',
  'aria-description',
  'aria-placeholder',
  'aria-roledescription',
  'aria-valuetext',
  'title',
  'alt',
  'placeholder',
  'label',
  // Props of our own components that end up on screen (PageFrame, SecretInput, Disclosure, Notice, SummarySection, …).
  'intro',
  'hint',
  'changeLabel',
  'term',
]);
const LETTER = /\p{L}/u;

/** The string literals an expression can evaluate to, looking through ?:, ||, && and ??. */
function literalsOf(node) {
  if (!node) return [];
  switch (node.type) {
    case 'Literal':
      return typeof node.value === 'string' ? [{ node, text: node.value }] : [];
    case 'TemplateLiteral':
      return [{ node, text: node.quasis.map((q) => q.value.cooked ?? q.value.raw).join(' ') }];
    case 'ConditionalExpression':
      return [...literalsOf(node.consequent), ...literalsOf(node.alternate)];
    case 'LogicalExpression':
      return [...literalsOf(node.left), ...literalsOf(node.right)];
    case 'TSAsExpression':
    case 'TSNonNullExpression':
      return literalsOf(node.expression);
    default:
      return [];
  }
}

/** @type {import('eslint').Rule.RuleModule} */
const noLiteralUiText = {
  meta: {
    type: 'problem',
    docs: { description: 'user-facing text in JSX goes through i18next (t())' },
    messages: { literal: 'User-facing text "{{text}}" must come from i18next: use t(\'…\').' },
    schema: [],
  },
  create(context) {
    const report = (node, text) => context.report({ node, messageId: 'literal', data: { text: text.trim().slice(0, 40) } });
    const check = (expression) => {
      for (const { node, text } of literalsOf(expression)) if (LETTER.test(text)) report(node, text);
    };
    return {
      JSXText(node) {
        if (LETTER.test(node.value)) report(node, node.value);
      },
      JSXExpressionContainer(node) {
        // Children only: attribute values are checked below, for the attributes that are read.
        if (node.parent.type === 'JSXElement' || node.parent.type === 'JSXFragment') check(node.expression);
      },
      JSXAttribute(node) {
        const name = typeof node.name.name === 'string' ? node.name.name : '';
        if (!READ_ATTRIBUTES.has(name) || !node.value) return;
        if (node.value.type === 'Literal') check(node.value);
        if (node.value.type === 'JSXExpressionContainer') check(node.value.expression);
      },
    };
  },
};

export default { meta: { name: 'eslint-plugin-spectrum' }, rules: { 'no-literal-ui-text': noLiteralUiText } };
