// The install log, collapsed by default; follows the newest line while open. Not live for
// screen readers (the throttled announcements carry progress), but readable on demand.
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { useWizard } from '../../app/store-context';
import { Disclosure } from '../../components/Disclosure';

function LogLines() {
  const { t } = useTranslation('progress');
  const log = useWizard((s) => s.install.log);
  const end = useRef<HTMLPreElement>(null);
  useEffect(() => {
    const el = end.current;
    if (el) el.scrollTop = el.scrollHeight;
  }, [log]);
  return (
    <pre ref={end} className="code-block log" role="log" aria-live="off" aria-label={t('log.label')} tabIndex={0} lang="en" dir="ltr">
      {log.map((l) => `${new Date(l.at).toISOString().slice(11, 19)} ${l.text}`).join('\n')}
    </pre>
  );
}

export function LiveLog() {
  const { t } = useTranslation('progress');
  return (
    <Disclosure label={t('log.show')} className="log-disclosure">
      <LogLines />
    </Disclosure>
  );
}
