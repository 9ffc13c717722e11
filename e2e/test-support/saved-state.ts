// What the wizard has saved in its state folder, read back the way the next wizard will read it.
import { readFileSync } from 'node:fs';
import path from 'node:path';

/** The page the saved state resumes at, or null before anything was saved. */
export function savedWizardPage(stateDir: string): string | null {
  try {
    const saved = JSON.parse(readFileSync(path.join(stateDir, 'wizard-state.json'), 'utf8')) as { data?: { nav?: { page?: unknown } } };
    return typeof saved.data?.nav?.page === 'string' ? saved.data.nav.page : null;
  } catch {
    return null;
  }
}
