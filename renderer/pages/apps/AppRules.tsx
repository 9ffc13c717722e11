// The profile's rules as a checklist that updates as apps are picked: the explanation, not
// just a disabled button.
import { useTranslation } from 'react-i18next';
import { OTHER_APPS_MAX, OTHER_APPS_MIN, type Profile, type ProfileProblem } from '../../../shared/plan/profiles';
import { Icon } from '../../components/Icon';

export function AppRules({ profile, problems, others }: { profile: Profile; problems: readonly ProfileProblem[]; others: number }) {
  const { t } = useTranslation('apps');
  if (profile === 'minimal') return null;
  const has = (kind: ProfileProblem['kind']) => problems.some((p) => p.kind === kind);
  const rules = [
    { id: 'browser', ok: !has('browser-missing'), text: t('profileRules.browser') },
    {
      id: 'count',
      ok: !has('too-few-apps') && !has('too-many-apps'),
      text: t('profileRules.count', { min: OTHER_APPS_MIN, max: OTHER_APPS_MAX, count: others }),
    },
    profile === 'power'
      ? { id: 'nixos', ok: !has('nixos-missing'), text: t('profileRules.nixosRequired') }
      : { id: 'nixos', ok: !has('nixos-not-allowed'), text: t('profileRules.nixosPowerOnly') },
  ];
  return (
    <section className="rules" aria-labelledby="rules-title">
      <h2 id="rules-title" className="section-title" tabIndex={-1}>
        {t('profileRules.title', { profile: t(`profile:${profile}.title`) })}
      </h2>
      <ul className="rule-list">
        {rules.map((r) => (
          <li key={r.id} className={r.ok ? 'rule-ok' : 'rule-unmet'}>
            <Icon name={r.ok ? 'check' : 'cross'} />
            <span>{r.text}</span>
            <span className="visually-hidden">{r.ok ? t('profileRules.met') : t('profileRules.unmet')}</span>
          </li>
        ))}
      </ul>
    </section>
  );
}
