// Names and explanations of VMs, localized by id (catalog namespace), falling back to the name
// the host's catalog gives for an app this wizard does not know yet.
import { useTranslation } from 'react-i18next';
import { SYSTEM_VMS } from '../../shared/plan/profiles';
import { useWizard } from './store-context';

export function useVmText() {
  const { t } = useTranslation('catalog');
  const catalog = useWizard((s) => s.boot.helper?.catalog);
  const isSystem = (id: string) => (SYSTEM_VMS as readonly string[]).includes(id);
  return {
    name(id: string): string {
      const fallback = catalog?.find((e) => e.id === id)?.name ?? id;
      return t(isSystem(id) ? `vm.${id}.name` : `app.${id}.name`, { defaultValue: fallback });
    },
    why(id: string): string {
      return t(isSystem(id) ? `vm.${id}.why` : `app.${id}.description`, { defaultValue: t('app.unknownDescription') });
    },
  };
}
