import { EditOutlined, UpOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Flex, Popconfirm, Select, Table, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import type { TImportBatch } from '../../../domain/api/imports.ts';
import { getFieldSpecs, type TFieldSpec } from '../../../domain/registry/fields.ts';
import { useRemapImport, useSaveMappingTemplate } from '../../api/imports.ts';
import { useServerErrorMessage } from '../../i18n/error-message.ts';
import {
  cleanMapping,
  columnCount,
  columnLabel,
  columnLetter,
  fieldLabel,
  MAX_HEADER_ROW,
  mappingDiff,
  missingRequired,
  pickBilingual,
  sharedColumns,
  type TMapping,
} from './mapping.ts';

const NOT_MAPPED = -1;

/**
 * The guessed column of each field, editable; a changed mapping (or, after a failure, a header row) is sent
 * back to parse the file again as a new batch. Without a recognised header the columns go by letter.
 */
export function MappingEditor({ batch, editable }: { batch: TImportBatch; editable: boolean }) {
  // a failed parse needs the editor; a staged one shows the guess as a summary until asked to edit
  const [expanded, setExpanded] = useState(batch.status === 'failed');
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const { message } = App.useApp();
  const navigate = useNavigate();
  const errorText = useServerErrorMessage();
  const remap = useRemapImport();
  const saveTemplate = useSaveMappingTemplate();
  const original = useMemo(() => cleanMapping(batch.mapping ?? {}), [batch.mapping]);
  const [mapping, setMapping] = useState<TMapping>(original);
  const [headerRow, setHeaderRow] = useState<number | undefined>(batch.headerRow ?? undefined);
  const [remapError, setRemapError] = useState<string | null>(null);

  const specs = getFieldSpecs(batch.kind) as readonly TFieldSpec[];
  const noHeader = batch.headers === null || batch.headers.length === 0;
  const changes = mappingDiff(batch.kind, original, mapping);
  const headerChanged = headerRow !== (batch.headerRow ?? undefined);
  const missing = missingRequired(batch.kind, mapping);
  const shared = sharedColumns(mapping);
  const changedFields = new Set(changes.map((c) => c.field));
  const dirty = changes.length > 0 || headerChanged;

  const columnOptions = useMemo(() => {
    const width = columnCount(batch.headers, batch.mapping);
    return [
      { value: NOT_MAPPED, label: t('imports.notMapped') },
      ...Array.from({ length: width }, (_, i) => ({ value: i, label: columnLabel(i, batch.headers) })),
    ];
  }, [batch.headers, batch.mapping, t]);

  const setColumn = (field: string, column: number) => {
    setRemapError(null);
    setMapping((prev) => {
      const next = { ...prev };
      if (column === NOT_MAPPED) delete next[field];
      else next[field] = column;
      return next;
    });
  };

  const submit = () =>
    remap.mutate(
      { id: batch.id, mapping, headerRow },
      {
        onSuccess: (next) => {
          void message.success(t('imports.remapped'));
          navigate(`/imports/${next.id}`, { replace: true });
        },
        onError: (error) => setRemapError(errorText(error)),
      },
    );

  const columns: ColumnsType<TFieldSpec> = [
    {
      key: 'field',
      title: t('imports.field'),
      width: 170,
      render: (_, spec) => (
        <Flex gap={4} align="center" wrap>
          <Typography.Text strong={spec.required}>{pickBilingual(spec.label, lang)}</Typography.Text>
          {spec.required && (
            <Tag color="red" style={{ marginInlineEnd: 0 }}>
              {t('imports.required')}
            </Tag>
          )}
        </Flex>
      ),
    },
    {
      key: 'column',
      title: t('imports.column'),
      width: 240,
      render: (_, spec) => {
        const column = mapping[spec.key];
        const isShared = column !== undefined && shared.has(column);
        const was = original[spec.key];
        return (
          <>
            <Select<number>
              value={column ?? NOT_MAPPED}
              onChange={(value) => setColumn(spec.key, value)}
              options={columnOptions}
              disabled={!editable || remap.isPending}
              status={(spec.required && column === undefined) || isShared ? 'warning' : undefined}
              showSearch={{ optionFilterProp: 'label' }}
              style={{ width: '100%' }}
              data-testid={`mapping-${spec.key}`}
            />
            {changedFields.has(spec.key) && (
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {t('imports.mappingWas', {
                  column: was === undefined ? t('imports.notMapped') : columnLabel(was, batch.headers),
                })}
              </Typography.Text>
            )}
          </>
        );
      },
    },
    {
      key: 'expected',
      title: t('imports.expected'),
      render: (_, spec) => (
        <Typography.Text type="secondary">{pickBilingual(spec.expected, lang)}</Typography.Text>
      ),
    },
  ];

  return (
    <Card
      size="small"
      title={t('imports.mappingTitle')}
      style={{ marginBottom: 16 }}
      extra={
        <Flex gap="small" align="center">
          {dirty && (
            <Tag color="blue" style={{ marginInlineEnd: 0 }}>
              {t('imports.mappingChanged', { count: changes.length + (headerChanged ? 1 : 0) })}
            </Tag>
          )}
          {batch.status === 'staged' && batch.mapping && !dirty && (
            <Popconfirm
              title={t('imports.saveTemplateConfirm')}
              onConfirm={() =>
                saveTemplate.mutate(
                  { id: batch.id, name: batch.fileName.slice(0, 60) },
                  {
                    onSuccess: () => void message.success(t('imports.templateSaved')),
                    onError: (err) => void message.error(err.message),
                  },
                )
              }
            >
              <Button
                type="link"
                size="small"
                loading={saveTemplate.isPending}
                data-testid="mapping-save-template"
              >
                {t('imports.saveTemplate')}
              </Button>
            </Popconfirm>
          )}
          <Button
            type="link"
            size="small"
            icon={expanded ? <UpOutlined /> : <EditOutlined />}
            onClick={() => setExpanded(!expanded)}
            data-testid="mapping-toggle"
          >
            {expanded
              ? t('imports.mappingCollapse')
              : editable
                ? t('imports.mappingEdit')
                : t('imports.mappingShow')}
          </Button>
        </Flex>
      }
      data-testid="mapping-editor"
    >
      {!expanded ? (
        <MappingSummary batch={batch} mapping={mapping} />
      ) : (
        <>
          <Typography.Paragraph type="secondary" style={{ marginBottom: 12 }}>
            {noHeader ? t('imports.mappingHintNoHeader') : t('imports.mappingHint')}
          </Typography.Paragraph>
          {editable && (
            <Flex gap="small" align="center" style={{ marginBottom: 12 }}>
              <Typography.Text>{t('imports.headerRow')}</Typography.Text>
              <Select<number | undefined>
                value={headerRow}
                onChange={(value) => {
                  setRemapError(null);
                  setHeaderRow(value ?? undefined);
                }}
                allowClear
                placeholder={t('imports.headerRowAuto')}
                options={Array.from({ length: MAX_HEADER_ROW }, (_, i) => ({
                  value: i + 1,
                  label: t('imports.headerRowOption', { row: i + 1 }),
                }))}
                style={{ width: 140 }}
                disabled={remap.isPending}
                data-testid="mapping-header-row"
              />
            </Flex>
          )}
          <Table<TFieldSpec>
            rowKey="key"
            size="small"
            pagination={false}
            columns={columns}
            dataSource={[...specs]}
            scroll={{ x: 640 }}
          />
          {editable && (
            <Flex vertical gap="small" style={{ marginTop: 12 }}>
              {missing.length > 0 && (
                <Alert
                  type="warning"
                  showIcon
                  title={t('imports.missingRequired', {
                    fields: missing
                      .map((f) => fieldLabel(batch.kind, f, lang))
                      .join(t('imports.listSeparator')),
                  })}
                />
              )}
              {[...shared].map(([column, fields]) => (
                <Alert
                  key={column}
                  type="warning"
                  showIcon
                  title={t('imports.sharedColumn', {
                    column: columnLetter(column),
                    fields: fields
                      .map((f) => fieldLabel(batch.kind, f, lang))
                      .join(t('imports.listSeparator')),
                  })}
                />
              ))}
              {remapError && <Alert type="error" showIcon title={remapError} />}
              <Flex gap="small" justify="end">
                <Button
                  disabled={!dirty || remap.isPending}
                  onClick={() => {
                    setMapping(original);
                    setHeaderRow(batch.headerRow ?? undefined);
                    setRemapError(null);
                  }}
                >
                  {t('imports.resetMapping')}
                </Button>
                <Button
                  type="primary"
                  disabled={(!dirty && batch.status !== 'failed') || missing.length > 0}
                  loading={remap.isPending}
                  onClick={submit}
                  data-testid="mapping-remap"
                >
                  {t('imports.remap')}
                </Button>
              </Flex>
            </Flex>
          )}
        </>
      )}
    </Card>
  );
}

/** The mapping at a glance: "姓名 → A · 姓名" for every mapped field, required ones that are not, in red. */
function MappingSummary({ batch, mapping }: { batch: TImportBatch; mapping: TMapping }) {
  const { t, i18n } = useTranslation();
  const specs = getFieldSpecs(batch.kind) as readonly TFieldSpec[];
  return (
    <Flex gap={6} wrap data-testid="mapping-summary">
      {specs.map((spec) => {
        const column = mapping[spec.key];
        if (column === undefined && !spec.required) return null;
        return (
          <Tag
            key={spec.key}
            color={column === undefined ? 'error' : undefined}
            style={{ marginInlineEnd: 0 }}
          >
            {pickBilingual(spec.label, i18n.language)} →{' '}
            {column === undefined ? t('imports.notMapped') : columnLabel(column, batch.headers)}
          </Tag>
        );
      })}
    </Flex>
  );
}
