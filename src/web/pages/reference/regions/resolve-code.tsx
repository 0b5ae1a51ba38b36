import { Alert, Breadcrumb, Card, Descriptions, Input, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../../api/client.ts';
import { useResolveCode } from '../../../api/reference.ts';
import { ErrorState, LoadingState } from '../../../components/states.tsx';

const CODE = /^\d{6}$/;

/** Turns any county code an ID number may carry into today's county and its hierarchy. */
export function ResolveCode() {
  const { t } = useTranslation();
  const [input, setInput] = useState('');
  const [code, setCode] = useState('');
  const invalid = input !== '' && !CODE.test(input);
  const resolved = useResolveCode(code);

  return (
    <Card title={t('regions.resolveTitle')} size="small">
      <Typography.Paragraph type="secondary" style={{ fontSize: 12 }}>
        {t('regions.resolveHelp')}
      </Typography.Paragraph>
      <Input.Search
        value={input}
        onChange={(e) => setInput(e.target.value.trim())}
        onSearch={(value) => CODE.test(value.trim()) && setCode(value.trim())}
        placeholder={t('regions.resolvePlaceholder')}
        enterButton={t('common.query')}
        maxLength={6}
        inputMode="numeric"
        status={invalid ? 'error' : undefined}
        data-testid="resolve-code"
      />
      {invalid && <Typography.Text type="danger">{t('regions.invalidCode')}</Typography.Text>}
      {code !== '' && <div style={{ marginTop: 12 }}>{renderResult()}</div>}
    </Card>
  );

  function renderResult() {
    if (resolved.isPending) return <LoadingState />;
    if (resolved.isError) {
      return isApiError(resolved.error, 404) ? (
        <Alert type="warning" showIcon title={t('regions.notFound', { code })} />
      ) : (
        <ErrorState error={resolved.error} onRetry={() => void resolved.refetch()} />
      );
    }
    const county = resolved.data;
    return (
      <Descriptions
        column={1}
        size="small"
        bordered
        styles={{ label: { whiteSpace: 'nowrap' } }}
        data-testid="resolve-result"
        items={[
          {
            key: 'county',
            label: t('regions.currentCounty'),
            children: (
              <>
                {county.name} <Typography.Text type="secondary">{county.code}</Typography.Text>
              </>
            ),
          },
          {
            key: 'path',
            label: t('regions.path'),
            children: (
              <Breadcrumb items={county.path.map((p) => ({ key: p.code, title: `${p.name} ${p.code}` }))} />
            ),
          },
          {
            key: 'source',
            label: t('regions.codeSource'),
            children: county.viaAlias ? (
              <Tag color="orange">{t('regions.viaAlias', { input: county.input })}</Tag>
            ) : (
              <Tag color="green">{t('regions.direct')}</Tag>
            ),
          },
        ]}
      />
    );
  }
}
