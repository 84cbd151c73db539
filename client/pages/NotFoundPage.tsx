import { A } from '@solidjs/router';
import { t } from '../i18n/index.js';

export function NotFoundPage() {
  return (
    <section>
      <h1>{t('notFound')}</h1>
      <A href="/">{t('workspaces')}</A>
    </section>
  );
}
