// The page to show: Welcome at once, the wait or fatal screen when the helper is needed and not
// there, then the wizard or the install.
import { setBy } from '../state/answers';
import { useTranslation } from 'react-i18next';
import { AnnouncerProvider } from '../components/Announcer';
import { ContextNotesPanel } from '../components/ContextNotesPanel';
import { LanguageMenu } from '../components/LanguageMenu';
import { ReviewMenu } from '../components/ReviewMenu';
import { StepList } from '../components/StepList';
import { Suspense } from 'react';
import { WelcomePage } from '../pages/WelcomePage';
import { isInstallPage, type Page } from '../state/pages';
import { lazyPage, type LazyPage } from './lazy-page';
import { useWizard } from './store-context';

// Welcome is in the first chunk; every other page is a chunk of its own (ADR 120).
const LAZY_PAGES: Record<Exclude<Page, 'welcome'> | 'fatal' | 'helper-wait', LazyPage> = {
  profile: lazyPage(() => import('../pages/ProfilePage').then((m) => m.ProfilePage)),
  apps: lazyPage(() => import('../pages/AppsPage').then((m) => m.AppsPage)),
  encryption: lazyPage(() => import('../pages/EncryptionPage').then((m) => m.EncryptionPage)),
  recovery: lazyPage(() => import('../pages/RecoveryPage').then((m) => m.RecoveryPage)),
  summary: lazyPage(() => import('../pages/SummaryPage').then((m) => m.SummaryPage)),
  progress: lazyPage(() => import('../pages/ProgressPage').then((m) => m.ProgressPage)),
  failure: lazyPage(() => import('../pages/FailurePage').then((m) => m.FailurePage)),
  done: lazyPage(() => import('../pages/DonePage').then((m) => m.DonePage)),
  fatal: lazyPage(() => import('../pages/FatalPage').then((m) => m.FatalPage)),
  'helper-wait': lazyPage(() => import('../pages/HelperWaitPage').then((m) => m.HelperWaitPage)),
};

/** Fetches every page's chunk; a chunk that fails to load is fetched again when its page is shown. */
export function preloadPages(): Promise<void> {
  return Promise.all(Object.values(LAZY_PAGES).map((p) => p.preload().catch(() => {}))).then(() => {});
}

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
  // Welcome outside any Suspense boundary: the prerendered markup hydrates in one pass.
  if (shown === 'welcome') return <WelcomePage key={shown} />;
  const PageComponent = LAZY_PAGES[shown].Component;
  // Keyed by page: each page mounts fresh, so its heading takes focus.
  return (
    <Suspense key={shown} fallback={null}>
      <PageComponent />
    </Suspense>
  );
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
