import { Flex, Typography } from 'antd';
import { type ReactNode, useEffect } from 'react';
import { useTranslation } from 'react-i18next';

/** Names the browser tab after the page, so history entries and tabs are readable. */
export function useDocumentTitle(title: string): void {
  const { t } = useTranslation();
  useEffect(() => {
    document.title = `${title} · ${t('app.name')}`;
  }, [title, t]);
}

export function PageHeader({ title, extra }: { title: string; extra?: ReactNode }) {
  useDocumentTitle(title);
  return (
    <Flex justify="space-between" align="center" wrap gap="small" className="page-header">
      <Typography.Title level={3} style={{ margin: 0 }}>
        {title}
      </Typography.Title>
      {extra}
    </Flex>
  );
}
