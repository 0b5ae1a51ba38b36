import { Button, Result } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useRouteError } from 'react-router';
import { useDocumentTitle } from './page-header.tsx';

function HomeButton() {
  const { t } = useTranslation();
  return (
    <Link to="/">
      <Button type="primary">{t('common.backHome')}</Button>
    </Link>
  );
}

export function ForbiddenPage() {
  const { t } = useTranslation();
  useDocumentTitle(t('result.forbiddenTitle'));
  return (
    <Result
      status="403"
      title={t('result.forbiddenTitle')}
      subTitle={t('result.forbiddenSubtitle')}
      extra={<HomeButton />}
      data-testid="forbidden"
    />
  );
}

export function NotFoundPage() {
  const { t } = useTranslation();
  useDocumentTitle(t('result.notFoundTitle'));
  return (
    <Result
      status="404"
      title={t('result.notFoundTitle')}
      subTitle={t('result.notFoundSubtitle')}
      extra={<HomeButton />}
      data-testid="not-found"
    />
  );
}

/** Shown when rendering a route threw (e.g. a lazy chunk failed to load after a redeploy). */
export function RouteErrorPage() {
  const { t } = useTranslation();
  const error = useRouteError();
  console.error(error);
  return (
    <Result
      status="500"
      title={t('result.crashTitle')}
      subTitle={t('result.crashSubtitle')}
      extra={
        <Button type="primary" onClick={() => window.location.reload()}>
          {t('result.reload')}
        </Button>
      }
    />
  );
}
