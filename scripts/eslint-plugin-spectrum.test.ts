// The rule that keeps user-facing text out of JSX literals, through ESLint's RuleTester.
import { RuleTester } from 'eslint';
import { describe, it } from 'vitest';
import spectrum from './eslint-plugin-spectrum.js';

RuleTester.describe = describe;
RuleTester.it = it;
RuleTester.itOnly = it.only;

const tester = new RuleTester({
  languageOptions: { ecmaVersion: 2022, sourceType: 'module', parserOptions: { ecmaFeatures: { jsx: true } } },
});
const literal = [{ messageId: 'literal' }];

tester.run('no-literal-ui-text', spectrum.rules['no-literal-ui-text'], {
  valid: [
    "<p>{t('welcome:intro')}</p>",
    '<span> · </span>',
    "<p>{' '}{count}</p>",
    "<div className='notice' id='x' lang='en' dir='ltr' />",
    "<input type='checkbox' autoComplete='off' />",
    "<SecretInput label={t('encryption:passphrase.label')} hint={hint} />",
    "<button aria-label={t('summary:changeProfile')}>{t('summary:change')}</button>",
    "<p className={over ? 'space-over' : 'space'}>{text}</p>",
    '<svg viewBox="0 0 24 24"><path d="M15 5l-7 7 7 7" /></svg>',
    "<span>{ok ? t('rules.met') : t('rules.unmet')}</span>",
    "<li key={`${a}-b`}>{t('x')}</li>",
  ],
  invalid: [
    { code: '<p>Welcome to Spectrum</p>', errors: literal },
    { code: "<p>{'Install'}</p>", errors: literal },
    { code: '<p>{`Step ${n}`}</p>', errors: literal },
    { code: "<p>{done ? 'Done' : t('state.running')}</p>", errors: literal },
    { code: "<p>{error || 'Something went wrong'}</p>", errors: literal },
    { code: '<button aria-label="Close">×</button>', errors: literal },
    { code: "<button aria-label={'Close'} />", errors: literal },
    { code: '<img alt={`Logo of ${name}`} />', errors: literal },
    { code: "<input placeholder={empty ? 'Type here' : ''} />", errors: literal },
    { code: '<SecretInput label="Passphrase" />', errors: literal },
    { code: '<PageFrame title="Summary" intro="Check it" />', errors: [...literal, ...literal] },
    { code: "<SummaryItem term='Language'>{x}</SummaryItem>", errors: literal },
    { code: '<option value="fi">Suomi</option>', errors: literal },
  ],
});
