// The page to show: start-up screens until the helper answers, then the wizard or the install.
import { setBy } from '../state/answers';
import { useTranslation } from 'react-i18next';
import { AnnouncerProvider } from '../components/Announcer';
import { ContextNotesPanel } from '../components/ContextNotesPanel';
import { LanguageMenu } from '../components/LanguageMenu';
import { PageFrame } from '../components/PageFrame';
import { ReviewMenu } from '../components/ReviewMenu';
import { StepList } from '../components/StepList';
import { AppsPage } from '../pages/AppsPage';
import { DonePage } from '../pages/DonePage';
import { EncryptionPage } from '../pages/EncryptionPage';
import { FailurePage } from '../pages/FailurePage';
import { FatalPage } from '../pages/FatalPage';
import { HelperWaitPage } from '../pages/HelperWaitPage';
import { ProfilePage } from '../pages/ProfilePage';
import { ProgressPage } from '../pages/ProgressPage';
import { RecoveryPage } from '../pages/RecoveryPage';
import { SummaryPage } from '../pages/SummaryPage';
import { WelcomePage } from '../pages/WelcomePage';
import { isInstallPage, type Page } from '../state/pages';
import { useWizard } from './store-context';

const PAGES: Record<Page, () => React.JSX.Element> = {
  welcome: WelcomePage,
  profile: ProfilePage,
  apps: AppsPage,
  encryption: EncryptionPage,
  recovery: RecoveryPage,
  summary: SummaryPage,
  progress: ProgressPage,
  failure: FailurePage,
  done: DonePage,
};

function StartingPage() {
  const { t } = useTranslation('boot');
  return (
    <PageFrame title={t('starting.title')}>
      <p role="status">{t('starting.text')}</p>
    </PageFrame>
  );
}

function Current() {
  const status = useWizard((s) => s.boot.status);
  const page = useWizard((s) => s.nav.page);
  if (status === 'fatal') return <FatalPage />;
  if (status === 'waiting-for-helper') return <HelperWaitPage />;
  if (status === 'starting') return <StartingPage />;
  const PageComponent = PAGES[page];
  // Keyed by page: each page mounts fresh, so its heading takes focus.
  return <PageComponent key={page} />;
}

export function App() {
  const { t } = useTranslation('common');
  const ready = useWizard((s) => s.boot.status === 'ready');
  const sandbox = useWizard((s) => s.boot.app?.sandbox ?? false);
  const page = useWizard((s) => s.nav.page);
  // Welcome has the full language picker; after Install the language is in the plan already.
  // A language the organization's answers fixed is not offered for change.
  const languageFixed = useWizard((s) => setBy(s.boot, 'locale') !== null);
  const languageMenu = !(ready && page === 'welcome') && !isInstallPage(page) && !languageFixed;
  return (
    <AnnouncerProvider>
      <a className="skip-link" href="#main">{t('skipToContent')}</a>
      <div className="app">
        <header className="app-header">
          <span className="brand">{t('brand')}</span>
          <span className="app-header-title">{t('appTitle')}</span>
          {sandbox ? <span className="badge badge-sandbox">{t('sandbox')}</span> : null}
          <div className="header-tools">
            {languageMenu ? <LanguageMenu /> : null}
            {/* Reviewers' tools last, after what a person setting up the machine needs. */}
            <ReviewMenu />
          </div>
        </header>
        <div className="app-body">
          {ready ? <StepList /> : null}
          <main id="main" className="app-main" tabIndex={-1}>
            <Current />
          </main>
        </div>
        <ContextNotesPanel />
      </div>
    </AnnouncerProvider>
  );
}
