// Summary: every choice in plain words with a way back to each, the exact plan on request,
// and the one point of no return: Install.
import { useTranslation } from 'react-i18next';
import type { Accessibility } from '../../shared/plan/plan-schema';
import { NO_CATALOG } from '../app/empty';
import { useActions, useWizard } from '../app/store-context';
import { useValidation } from '../app/use-validation';
import { useVmText } from '../app/use-vm-text';
import { Disclosure } from '../components/Disclosure';
import { Icon } from '../components/Icon';
import { Notice } from '../components/Notice';
import { PageFrame } from '../components/PageFrame';
import { formatBytes, formatList, formatMinutes } from '../i18n/format';
import { findLanguage } from '../i18n/languages';
import { layoutId } from '../state/keyboard-layouts';
import { makesRecoveryKey } from '../../shared/plan/unlock-methods';
import { allVms, estimateMinutes, selectionBytes } from '../state/presets';
import { useShallow } from 'zustand/react/shallow';
import { recoveryEscrowedOnly, setBy } from '../state/answers';
import { EscrowNote, UnattendedNotice } from './answers/AnswersNotices';
import { previewPlan } from './summary/plan-preview';
import { DiskSummary } from './summary/DiskSummary';
import { SummaryItem, SummarySection } from './summary/SummarySection';
import { useDriveName } from './encryption/UsbKeySection';

const A11Y_KEYS: readonly (keyof Accessibility)[] = ['highContrast', 'largeText', 'reduceMotion', 'screenReader'];

function PlanJson() {
  const { t } = useTranslation('summary');
  const choices = useWizard((s) => s.choices);
  const fido2 = useWizard((s) => s.fido2);
  const install = useWizard((s) => s.install);
  const plan = previewPlan(
    { choices, fido2, install },
    {
      installId: t('plan.placeholder.installId'),
      session: t('plan.placeholder.session'),
      nonce: t('plan.placeholder.nonce'),
      createdAt: t('plan.placeholder.createdAt'),
      sealedEnc: t('plan.placeholder.sealedEnc'),
      sealedCt: t('plan.placeholder.sealedCt'),
    },
  );
  return (
    <>
      <p className="field-hint">{t('plan.explain')}</p>
      <pre className="code-block" tabIndex={0} aria-label={t('plan.label')} lang="en" dir="ltr">
        {JSON.stringify(plan, null, 2)}
      </pre>
    </>
  );
}

export function SummaryPage() {
  const { t, i18n } = useTranslation(['summary', 'welcome', 'encryption', 'profile']);
  const store = useActions();
  const vm = useVmText();
  const validation = useValidation('summary');
  const choices = useWizard((s) => s.choices);
  const enrollment = useWizard((s) => s.fido2.enrollment);
  const helper = useWizard((s) => s.boot.helper);
  const catalog = helper?.catalog ?? NO_CATALOG;
  const drives = useWizard((s) => s.usb.drives);
  const driveName = useDriveName();
  const usbDrive = drives.find((d) => d.id === choices.encryption.usbKey?.stick);
  const usbName = usbDrive ? driveName(usbDrive) : (choices.encryption.usbKey?.stick ?? '');
  const phase = useWizard((s) => s.install.phase);
  const unattended = useWizard((s) => s.unattended);
  const escrowedBy = useWizard((s) => recoveryEscrowedOnly(s));
  const lang = i18n.language;
  const bytes = selectionBytes(catalog, choices.apps);
  const a11yOn = A11Y_KEYS.filter((k) => choices.accessibility[k]).map((k) => t(`welcome:accessibility.${k}.label`));
  const layoutName = t(`keyboard:layout.${layoutId(choices.keyboard)}`);
  const starting = phase === 'starting';
  const by = useWizard(
    useShallow((s) => ({
      locale: setBy(s.boot, 'locale'),
      keyboard: setBy(s.boot, 'keyboard'),
      accessibility: setBy(s.boot, 'accessibility'),
      profile: setBy(s.boot, 'profile'),
      apps: setBy(s.boot, 'apps'),
      encryption: setBy(s.boot, 'encryption'),
    })),
  );
  const all = (...orgs: (string | null)[]) => (orgs.every((o) => o !== null) ? orgs[0]! : null);
  const languageBy = all(by.locale, by.keyboard, by.accessibility);
  const profileBy = all(by.profile, by.apps);
  /** Said once per section when the organization set all of it, else per item. */
  const item = (sectionBy: string | null, itemBy: string | null) => (sectionBy ? null : itemBy);

  const installButton = (
    <button
      type="button"
      className="button button-primary button-danger"
      disabled={!validation.ok || unattended === 'running'}
      // While the plan is sent the button stays focusable, so focus does not fall to the page's
      // body before Progress takes it (WCAG 2.4.3); a second press is ignored by the store.
      aria-disabled={starting ? true : undefined}
      aria-describedby="no-return"
      onClick={() => void store.startInstall()}
    >
      {t('summary:install')}
    </button>
  );

  return (
    <PageFrame
      wizardPage="summary"
      title={t('summary:title')}
      intro={<p>{t('summary:intro')}</p>}
      validation={validation}
      actions={installButton}
    >
      <UnattendedNotice />
      <SummarySection title={t('summary:section.language')} page="welcome" changeLabel={t('summary:changeLanguage')} setBy={languageBy}>
        <SummaryItem term={t('summary:item.language')} setBy={item(languageBy, by.locale)}>
          <span lang={choices.locale}>{findLanguage(choices.locale)?.nativeName ?? choices.locale}</span>
        </SummaryItem>
        <SummaryItem term={t('summary:item.keyboard')} setBy={item(languageBy, by.keyboard)}>
          {layoutName}
        </SummaryItem>
        <SummaryItem term={t('summary:item.accessibility')} setBy={item(languageBy, by.accessibility)}>
          {a11yOn.length ? formatList(a11yOn, lang) : t('summary:accessibilityNone')}
        </SummaryItem>
      </SummarySection>

      <SummarySection title={t('summary:section.profile')} page="profile" changeLabel={t('summary:changeProfile')} setBy={profileBy}>
        <SummaryItem term={t('summary:item.profile')} setBy={item(profileBy, by.profile)}>
          {choices.profile ? t(`profile:${choices.profile}.title`) : t('summary:profileNone')}
        </SummaryItem>
        <SummaryItem term={t('summary:item.vms')} setBy={item(profileBy, by.apps)}>
          {formatList(
            allVms(choices.apps).map((id) => vm.name(id)),
            lang,
          )}
        </SummaryItem>
        <SummaryItem term={t('summary:item.space')}>
          {t('summary:spaceAndTime', { size: formatBytes(bytes, lang), time: formatMinutes(estimateMinutes(bytes), lang) })}
        </SummaryItem>
      </SummarySection>

      <SummarySection
        title={t('summary:section.encryption')}
        page="encryption"
        changeLabel={t('summary:changeEncryption')}
        setBy={unattended === 'running' ? by.encryption : null}
      >
        <SummaryItem term={t('summary:item.unlock')} setBy={by.encryption}>
          {choices.encryption.method === 'fido2'
            ? t('summary:unlockFido2', { name: enrollment?.deviceName ?? '' })
            : choices.encryption.method === 'usb-key'
              ? t('summary:unlockUsbKey', { name: usbName })
              : t('summary:unlockPassphrase', { layout: layoutName })}
        </SummaryItem>
        <SummaryItem term={t('summary:item.recovery')}>
          {escrowedBy
            ? t('answers:recoveryEscrowed', { organization: escrowedBy })
            : makesRecoveryKey(choices.encryption)
              ? t('summary:recoveryYes')
              : t('summary:recoveryNo')}
          <EscrowNote />
        </SummaryItem>
      </SummarySection>

      {helper ? <DiskSummary machine={helper.machine} catalog={catalog} /> : null}

      <Disclosure label={t('summary:plan.show')} className="plan-disclosure">
        <PlanJson />
      </Disclosure>

      <Notice tone="warning" id="no-return" title={t('summary:noReturn.title')}>
        <p>{t('summary:noReturn.text')}</p>
      </Notice>
      {starting ? (
        <p role="status" className="status-line">
          <Icon name="running" /> {t('summary:starting')}
        </p>
      ) : null}
    </PageFrame>
  );
}
