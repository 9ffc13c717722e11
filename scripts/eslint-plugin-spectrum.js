// Project lint rules.
// no-literal-ui-text: user-facing text in JSX must go through i18next. Flags JSX text with a
// letter in it, and string literals in attributes a person reads or hears.
const READ_ATTRIBUTES = new Set(['aria-label', 'aria-description', 'aria-placeholder', 'aria-roledescription', 'aria-valuetext', 'title', 'alt', 'placeholder', 'label']);
const LETTER = /\p{L}/u;

const noLiteralUiText = {
  meta: {
    type: 'problem',
    docs: { description: 'user-facing text in JSX goes through i18next (t())' },
    messages: { literal: 'User-facing text "{{text}}" must come from i18next: use t(\'…\').' },
    schema: [],
  },
  create(context) {
    const report = (node, text) => context.report({ node, messageId: 'literal', data: { text: text.trim().slice(0, 40) } });
    return {
      JSXText(node) {
        if (LETTER.test(node.value)) report(node, node.value);
      },
      JSXAttribute(node) {
        const name = typeof node.name.name === 'string' ? node.name.name : '';
        if (!READ_ATTRIBUTES.has(name) || !node.value) return;
        if (node.value.type === 'Literal' && typeof node.value.value === 'string' && LETTER.test(node.value.value)) {
          report(node.value, node.value.value);
        }
        if (node.value.type === 'JSXExpressionContainer' && node.value.expression.type === 'Literal' &&
            typeof node.value.expression.value === 'string' && LETTER.test(node.value.expression.value)) {
          report(node.value, node.value.expression.value);
        }
      },
    };
  },
};

export default { meta: { name: 'eslint-plugin-spectrum' }, rules: { 'no-literal-ui-text': noLiteralUiText } };
