// Apps: the catalog's app VMs with sizes and search; the profile's rules stated and enforced
// with their reasons, and the disk space the pick needs against what the machine has. The
// profile was chosen on the page before: it is named here, not asked again, and Minimal (no
// apps) shows one line instead of a list of locked apps.
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { BROWSER_APP, NIXOS_APP, OTHER_APPS_MAX, OTHER_APPS_MIN, profileProblems, type Profile } from '../../shared/plan/profiles';
import { focusWhenShown } from '../app/focus';
import { NO_CATALOG } from '../app/empty';
import { useActions, useWizard } from '../app/store-context';
import { useValidation } from '../app/use-validation';
import { useVmText } from '../app/use-vm-text';
import { useAnnouncer } from '../components/Announcer';
import { Icon } from '../components/Icon';
import { Notice } from '../components/Notice';
import { PageFrame } from '../components/PageFrame';
import { formatBytes } from '../i18n/format';
import { selectionBytes } from '../state/presets';
import { SpaceMeter } from './apps/SpaceMeter';
import { AppRules } from './apps/AppRules';

type Lock = { readonly reason: string; readonly action?: 'power' | 'common' } | null;

export function AppsPage() {
  const { t, i18n } = useTranslation('apps');
  const store = useActions();
  const vm = useVmText();
  const validation = useValidation('apps');
  const profile = useWizard((s) => s.choices.profile);
  const apps = useWizard((s) => s.choices.apps);
  const transient = useWizard((s) => s.choices.transientApps);
  const catalog = useWizard((s) => s.boot.helper?.catalog ?? NO_CATALOG);
  const available = useWizard((s) => s.boot.helper?.machine.userDataBytes ?? 0);
  const [query, setQuery] = useState('');
  const { announceNow } = useAnnouncer();
  // The switch buttons go away once used: focus moves to what they changed.
  const switchTo = (p: Profile) => {
    store.setProfile(p);
    focusWhenShown(p === 'power' ? `app-${NIXOS_APP}` : 'rules-title');
  };

  const entries = useMemo(() => catalog.filter((e) => e.kind === 'app'), [catalog]);
  const needle = query.trim().toLocaleLowerCase(i18n.language);
  const shown = entries.filter(
    (e) => !needle || `${vm.name(e.id)} ${vm.why(e.id)} ${e.id}`.toLocaleLowerCase(i18n.language).includes(needle),
  );
  const others = apps.filter((a) => a !== BROWSER_APP && a !== NIXOS_APP).length;

  const lockOf = (id: string, selected: boolean, missing: boolean): Lock => {
    if (missing && !selected) return { reason: t('lockedBecause.missing') };
    if (profile === 'minimal') return { reason: t('lockedBecause.minimal'), action: 'common' };
    if (id === BROWSER_APP) return { reason: t('lockedBecause.browser') };
    if (id === NIXOS_APP)
      return profile === 'power' ? { reason: t('lockedBecause.nixosPower') } : { reason: t('lockedBecause.nixosCommon'), action: 'power' };
    if (!selected && others >= OTHER_APPS_MAX) return { reason: t('lockedBecause.max', { max: OTHER_APPS_MAX }) };
    return null;
  };

  return (
    <PageFrame
      wizardPage="apps"
      title={t('title')}
      intro={<p>{t('intro', { min: OTHER_APPS_MIN, max: OTHER_APPS_MAX })}</p>}
      validation={validation}
    >
      {profile ? (
        <p className="profile-line">
          <span>{t('profile.current', { profile: t(`profile:${profile}.title`) })}</span>{' '}
          <button type="button" className="button button-link" onClick={() => store.goTo('profile')}>
            {t('profile.change')}
          </button>
        </p>
      ) : null}

      {profile ? <AppRules profile={profile} problems={profileProblems(profile, apps)} others={others} /> : null}

      {profile === 'minimal' ? (
        <Notice tone="info">
          <p>{t('minimalNotice')}</p>
          <button type="button" className="button button-secondary" onClick={() => switchTo('common')}>
            {t('switchToCommon')}
          </button>
        </Notice>
      ) : (
        <>
          <div className="field">
            <label htmlFor="app-search" className="field-label">
              {t('search.label')}
            </label>
            <input
              id="app-search"
              className="input"
              type="search"
              value={query}
              onChange={(e) => setQuery(e.target.value)}
              autoComplete="off"
              aria-describedby="app-search-count"
            />
            <p id="app-search-count" className="field-hint" role="status">
              {t('search.count', { count: shown.length, total: entries.length })}
            </p>
          </div>

          <ul className="app-list" aria-label={t('listLabel')}>
            {shown.map((e) => {
              const selected = apps.includes(e.id);
              const builtIn = e.availability === 'built-in';
              const lock = lockOf(e.id, selected, e.availability === 'missing');
              const hintId = `app-${e.id}-hint`;
              return (
                <li key={e.id} className={`app-item ${selected ? 'app-item-selected' : ''} ${lock ? 'app-item-locked' : ''}`}>
                  <div className="app-item-main">
                    <input
                      type="checkbox"
                      id={`app-${e.id}`}
                      checked={selected}
                      aria-disabled={lock ? true : undefined}
                      aria-describedby={hintId}
                      onChange={(ev) => {
                        // A locked app says why when someone tries it; the reason is also its description.
                        if (lock) announceNow(lock.reason);
                        else store.setAppSelected(e.id, ev.target.checked);
                      }}
                    />
                    <label htmlFor={`app-${e.id}`} className="app-item-name">
                      {vm.name(e.id)}
                    </label>
                    <span className="app-item-size">
                      {builtIn ? t('builtIn') : e.availability === 'missing' ? t('notHere') : formatBytes(e.sizeBytes, i18n.language)}
                    </span>
                  </div>
                  <div id={hintId} className="app-item-hint">
                    <span>{vm.why(e.id)}</span>
                    {builtIn ? <span className="app-item-note">{t('builtInHint')}</span> : null}
                    {lock ? (
                      <span className="app-item-lock">
                        <Icon name="lock" /> {lock.reason}
                      </span>
                    ) : null}
                  </div>
                  {selected && !builtIn ? (
                    <label className="app-item-keep">
                      <input
                        type="checkbox"
                        id={`keep-${e.id}`}
                        checked={!transient.includes(e.id)}
                        onChange={(ev) => store.setKeepsFiles(e.id, ev.target.checked)}
                      />
                      {t('keepsFiles', { app: vm.name(e.id) })}
                    </label>
                  ) : null}
                  {lock?.action === 'power' ? (
                    <button type="button" className="button button-link" onClick={() => switchTo('power')}>
                      {t('switchToPower')}
                    </button>
                  ) : null}
                </li>
              );
            })}
          </ul>
          {shown.length === 0 ? <p>{t('search.none')}</p> : null}

          <SpaceMeter need={selectionBytes(catalog, apps)} have={available} />
        </>
      )}
    </PageFrame>
  );
}
