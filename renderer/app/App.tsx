// The page to show: Welcome at once, the wait or fatal screen when the helper is needed and not
// there, then the wizard or the install.
import { setBy } from '../state/answers';
import { useTranslation } from 'react-i18next';
import { AnnouncerProvider } from '../components/Announcer';
import { ContextNotesPanel } from '../components/ContextNotesPanel';
import { LanguageMenu } from '../components/LanguageMenu';
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

/** Welcome shows while the helper has not answered yet; its wait page only once Next waits on it. */
function useShownPage(): 'fatal' | 'helper-wait' | Page {
  const status = useWizard((s) => s.boot.status);
  const page = useWizard((s) => s.nav.page);
  const waitingNext = useWizard((s) => s.nav.nextWhenHelperReady);
  if (status === 'fatal') return 'fatal';
  if (status === 'waiting-for-helper' && waitingNext) return 'helper-wait';
  return page;
}

function Current({ shown }: { shown: ReturnType<typeof useShownPage> }) {
  if (shown === 'fatal') return <FatalPage />;
  if (shown === 'helper-wait') return <HelperWaitPage />;
  const PageComponent = PAGES[shown];
  // Keyed by page: each page mounts fresh, so its heading takes focus.
  return <PageComponent key={shown} />;
}

export function App() {
  const { t } = useTranslation('common');
  const sandbox = useWizard((s) => s.boot.app?.sandbox ?? false);
  const shown = useShownPage();
  const wizardShown = shown !== 'fatal' && shown !== 'helper-wait';
  // Welcome has the full language picker; after Install the language is in the plan already.
  // A language the organization's answers fixed is not offered for change.
  const languageFixed = useWizard((s) => setBy(s.boot, 'locale') !== null);
  const languageMenu = shown !== 'welcome' && !(wizardShown && isInstallPage(shown)) && !languageFixed;
  return (
    <AnnouncerProvider>
      <a className="skip-link" href="#main">
        {t('skipToContent')}
      </a>
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
          {wizardShown ? <StepList /> : null}
          <main id="main" className="app-main" tabIndex={-1}>
            <Current shown={shown} />
          </main>
        </div>
        <ContextNotesPanel />
      </div>
    </AnnouncerProvider>
  );
}
