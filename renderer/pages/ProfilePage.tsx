// Profile: Minimal, Common or Power as open presets. What every profile shares (the system VMs)
// is said once; each card names only the apps it adds, its disk space and rough time. Common is
// preselected, so Next works at once. The apps page refines the pick.
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { PROFILES, SYSTEM_VMS, type Profile } from '../../shared/plan/profiles';
import { useActions, useWizard } from '../app/store-context';
import { useValidation } from '../app/use-validation';
import { useVmText } from '../app/use-vm-text';
import { NO_CATALOG } from '../app/empty';
import { PageFrame } from '../components/PageFrame';
import { formatBytes, formatList, formatMinutes } from '../i18n/format';
import { allVms, appsForProfile, estimateMinutes, selectionBytes } from '../state/presets';

/** The profile a person who does not know yet is best served by. */
export const RECOMMENDED_PROFILE: Profile = 'common';

function ProfileCard({ profile }: { profile: Profile }) {
  const { t, i18n } = useTranslation('profile');
  const store = useActions();
  const vm = useVmText();
  const selected = useWizard((s) => s.choices.profile);
  const catalog = useWizard((s) => s.boot.helper?.catalog ?? NO_CATALOG);
  const customApps = useWizard((s) => s.choices.customApps);
  const ownApps = useWizard((s) => s.choices.apps);
  // The chosen profile shows the person's own pick; the others show what choosing them gives.
  const apps = selected === profile ? ownApps : appsForProfile(profile, catalog, customApps);
  const bytes = selectionBytes(catalog, apps);
  const detailsId = `profile-${profile}-details`;

  return (
    <li className={`profile-card ${selected === profile ? 'profile-card-selected' : ''}`}>
      <div className="profile-card-head">
        <input
          type="radio"
          name="profile"
          id={`profile-${profile}`}
          checked={selected === profile}
          onChange={() => store.setProfile(profile)}
          aria-describedby={detailsId}
        />
        <label htmlFor={`profile-${profile}`} className="profile-card-title">
          {t(`${profile}.title`)}
        </label>
        {profile === RECOMMENDED_PROFILE ? <span className="badge">{t('recommended')}</span> : null}
      </div>
      <div id={detailsId} className="profile-card-details">
        <p>{t(`${profile}.summary`)}</p>
        <p className="profile-card-facts">
          {t('facts', {
            size: formatBytes(bytes, i18n.language),
            time: formatMinutes(estimateMinutes(bytes), i18n.language),
            count: allVms(apps).length,
          })}
        </p>
        <p>
          {apps.length > 0
            ? t('apps', {
                list: formatList(
                  apps.map((id) => vm.name(id)),
                  i18n.language,
                ),
              })
            : t('noApps')}
        </p>
      </div>
    </li>
  );
}

export function ProfilePage() {
  const { t } = useTranslation('profile');
  const store = useActions();
  const vm = useVmText();
  const validation = useValidation('profile');
  const chosen = useWizard((s) => s.choices.profile);
  useEffect(() => {
    if (chosen === null) store.setProfile(RECOMMENDED_PROFILE);
  }, [chosen, store]);
  return (
    <PageFrame wizardPage="profile" title={t('title')} intro={<p>{t('intro')}</p>} validation={validation}>
      <fieldset className="fieldset">
        <legend className="visually-hidden">{t('legend')}</legend>
        <ul className="profile-cards">
          {PROFILES.map((p) => (
            <ProfileCard key={p} profile={p} />
          ))}
        </ul>
      </fieldset>
      <section aria-labelledby="profile-shared-title">
        <h2 id="profile-shared-title" className="section-title">
          {t('shared')}
        </h2>
        <ul className="vm-list">
          {SYSTEM_VMS.map((id) => (
            <li key={id}>
              <span className="vm-name">{vm.name(id)}</span>
              <span className="vm-why">{vm.why(id)}</span>
            </li>
          ))}
        </ul>
      </section>
      <p className="field-hint">{t('refineHint')}</p>
    </PageFrame>
  );
}
