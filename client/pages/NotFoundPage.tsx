import { A } from '@solidjs/router';
import { t } from '../i18n/index.js';
import { PageHeading, usePageTitle } from '../components/Page.jsx';

export function NotFoundPage() {
  usePageTitle(() => t('notFound'));
  return (
    <section>
      <PageHeading>{t('notFound')}</PageHeading>
      <A href="/">{t('workspaces')}</A>
    </section>
  );
}
