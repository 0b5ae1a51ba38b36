import { CloudUploadOutlined } from '@ant-design/icons';
import { Button, Flex, Select } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { IMPORT_KINDS } from '../../../domain/registry/fields.ts';
import { type TImportSearch, useImportPage } from '../../api/imports.ts';
import { BATCH_STATUS_LIST } from '../../api/registry-codes.ts';
import { PageHeader } from '../../components/page-header.tsx';
import { useCurrentUser } from '../../components/require-auth.tsx';
import { ErrorState } from '../../components/states.tsx';
import { uploadableKinds } from './import-model.ts';
import { parseImportSearch, toImportSearchParams } from './import-search.ts';
import { ImportTable } from './import-table.tsx';
import { TemplateLinks } from './template-links.tsx';
import { UploadPanel } from './upload-panel.tsx';

export function ImportsPage() {
  const { t } = useTranslation();
  const me = useCurrentUser();
  const kinds = uploadableKinds(me.roles);
  const [params, setParams] = useSearchParams();
  const search = parseImportSearch(params);
  const batches = useImportPage(search);
  // ?upload opens the panel, so the graduate list's empty state can link straight to it
  const [uploading, setUploading] = useState(params.has('upload'));
  const setSearch = (next: TImportSearch) => setParams(toImportSearchParams(next));

  return (
    <>
      <PageHeader
        title={t('nav.imports')}
        extra={
          kinds.length > 0 && (
            <Button
              type="primary"
              icon={<CloudUploadOutlined />}
              onClick={() => setUploading(true)}
              data-testid="upload-open"
            >
              {t('imports.upload')}
            </Button>
          )
        }
      />
      <Flex wrap gap="small" justify="space-between" align="center" style={{ marginBottom: 16 }}>
        <Flex wrap gap="small">
          <Select
            allowClear
            value={search.kind ?? null}
            placeholder={t('imports.allKinds')}
            onChange={(kind) => setSearch({ ...search, kind: kind ?? undefined, page: 1 })}
            options={IMPORT_KINDS.map((k) => ({ value: k, label: t(`imports.kinds.${k}`) }))}
            style={{ width: 200 }}
            data-testid="import-kind-filter"
          />
          <Select
            allowClear
            value={search.status ?? null}
            placeholder={t('imports.allStatuses')}
            onChange={(status) => setSearch({ ...search, status: status ?? undefined, page: 1 })}
            options={BATCH_STATUS_LIST.map((s) => ({ value: s, label: t(`imports.statuses.${s}`) }))}
            style={{ width: 140 }}
            data-testid="import-status-filter"
          />
        </Flex>
        {kinds.length > 0 && <TemplateLinks kinds={kinds} />}
      </Flex>
      {batches.isError ? (
        <ErrorState error={batches.error} onRetry={() => void batches.refetch()} />
      ) : (
        <ImportTable
          data={batches.data}
          loading={batches.isFetching && !batches.data}
          filtered={Boolean(search.kind || search.status)}
          canUpload={kinds.length > 0}
          onUpload={() => setUploading(true)}
          onPage={(page, pageSize) =>
            setSearch({ ...search, page: pageSize === search.pageSize ? page : 1, pageSize })
          }
        />
      )}
      <UploadPanel
        open={uploading}
        onClose={() => {
          setUploading(false);
          if (params.has('upload')) {
            const next = new URLSearchParams(params);
            next.delete('upload');
            setParams(next, { replace: true });
          }
        }}
      />
    </>
  );
}
