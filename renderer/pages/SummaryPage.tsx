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
import { needsRecoveryKey } from '../state/pages';
import { allVms, estimateMinutes, selectionBytes } from '../state/presets';
import { previewPlan } from './summary/plan-preview';
import { SummaryItem, SummarySection } from './summary/SummarySection';
import { useDriveName } from './encryption/UsbKeySection';

const A11Y_KEYS: readonly (keyof Accessibility)[] = ['highContrast', 'largeText', 'reduceMotion', 'screenReader'];

function PlanJson() {
  const { t } = useTranslation('summary');
  const choices = useWizard((s) => s.choices);
  const fido2 = useWizard((s) => s.fido2);
  const install = useWizard((s) => s.install);
  const plan = previewPlan({ choices, fido2, install }, {
    installId: t('plan.placeholder.installId'),
    session: t('plan.placeholder.session'),
    nonce: t('plan.placeholder.nonce'),
    createdAt: t('plan.placeholder.createdAt'),
    sealedEnc: t('plan.placeholder.sealedEnc'),
    sealedCt: t('plan.placeholder.sealedCt'),
  });
  return (
    <>
      <p className="field-hint">{t('plan.explain')}</p>
      <pre className="code-block" tabIndex={0} aria-label={t('plan.label')} lang="en" dir="ltr">{JSON.stringify(plan, null, 2)}</pre>
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
  const drives = useWizard((s) => s.usb.drives);
  const driveName = useDriveName();
  const usbDrive = drives.find((d) => d.id === choices.encryption.usbKey?.stick);
  const usbName = usbDrive ? driveName(usbDrive) : (choices.encryption.usbKey?.stick ?? '');
  const catalog = useWizard((s) => s.boot.helper?.catalog ?? NO_CATALOG);
  const phase = useWizard((s) => s.install.phase);
  const lang = i18n.language;
  const bytes = selectionBytes(catalog, choices.apps);
  const a11yOn = A11Y_KEYS.filter((k) => choices.accessibility[k]).map((k) => t(`welcome:accessibility.${k}.label`));
  const layoutName = t(`keyboard:layout.${layoutId(choices.keyboard)}`);
  const starting = phase === 'starting';

  const installButton = (
    <button type="button" className="button button-primary button-danger" disabled={!validation.ok || starting} aria-describedby="no-return" onClick={() => void store.startInstall()}>
      {t('summary:install')}
    </button>
  );

  return (
    <PageFrame wizardPage="summary" title={t('summary:title')} intro={<p>{t('summary:intro')}</p>} validation={validation} actions={installButton}>
      <SummarySection title={t('summary:section.language')} page="welcome" changeLabel={t('summary:changeLanguage')}>
        <SummaryItem term={t('summary:item.language')}>
          <span lang={choices.locale}>{findLanguage(choices.locale)?.nativeName ?? choices.locale}</span>
        </SummaryItem>
        <SummaryItem term={t('summary:item.keyboard')}>{layoutName}</SummaryItem>
        <SummaryItem term={t('summary:item.accessibility')}>{a11yOn.length ? formatList(a11yOn, lang) : t('summary:none')}</SummaryItem>
      </SummarySection>

      <SummarySection title={t('summary:section.profile')} page="profile" changeLabel={t('summary:changeProfile')}>
        <SummaryItem term={t('summary:item.profile')}>{choices.profile ? t(`profile:${choices.profile}.title`) : t('summary:none')}</SummaryItem>
        <SummaryItem term={t('summary:item.vms')}>{formatList(allVms(choices.apps).map((id) => vm.name(id)), lang)}</SummaryItem>
        <SummaryItem term={t('summary:item.space')}>
          {t('summary:spaceAndTime', { size: formatBytes(bytes, lang), time: formatMinutes(estimateMinutes(bytes), lang) })}
        </SummaryItem>
      </SummarySection>

      <SummarySection title={t('summary:section.encryption')} page="encryption" changeLabel={t('summary:changeEncryption')}>
        <SummaryItem term={t('summary:item.unlock')}>
          {choices.encryption.method === 'fido2'
            ? t('summary:unlockFido2', { name: enrollment?.deviceName ?? '' })
            : choices.encryption.method === 'usb-key'
              ? t('summary:unlockUsbKey', { name: usbName })
              : t('summary:unlockPassphrase', { layout: layoutName })}
        </SummaryItem>
        <SummaryItem term={t('summary:item.recovery')}>
          {needsRecoveryKey(choices.encryption) ? t('summary:recoveryYes') : t('summary:recoveryNo')}
        </SummaryItem>
      </SummarySection>

      <Disclosure label={t('summary:plan.show')} className="plan-disclosure">
        <PlanJson />
      </Disclosure>

      <Notice tone="warning" id="no-return" title={t('summary:noReturn.title')}>
        <p>{t('summary:noReturn.text')}</p>
      </Notice>
      {starting ? (
        <p role="status" className="status-line"><Icon name="running" /> {t('summary:starting')}</p>
      ) : null}
    </PageFrame>
  );
}
