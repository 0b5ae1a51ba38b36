import { PaperClipOutlined, UploadOutlined } from '@ant-design/icons';
import {
  Alert,
  App,
  Button,
  Col,
  DatePicker,
  Flex,
  Form,
  Input,
  Row,
  Select,
  Tag,
  Typography,
  Upload,
} from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import type { TCaseDetail } from '../../../domain/api/ledger.ts';
import type { TCodeTable } from '../../../domain/api/reference.ts';
import { downloadCaseFile, useUploadCaseFile } from '../../api/cases.ts';
import { useCodeTables } from '../../api/reference.ts';
import { useServerErrorMessage } from '../../i18n/error-message.ts';
import { useOverwrite } from './conflict-modal.tsx';
import { notInFuture } from './measure-select.tsx';
import { RegionSelect } from './region-select.tsx';
import { useSectionBase } from './section-base.ts';

type TForm = {
  code?: string;
  employer?: string;
  natureCode?: string | null;
  regionCode?: string | null;
  date?: Dayjs | null;
  evidenceFileId?: string | null;
};

const pickDestination = (d: TCaseDetail) => d.destination;
const COUNTED_AS = ['employed', 'further_study', 'not_employed'] as const;
const COUNTED_COLORS: Record<string, string> = {
  employed: 'green',
  further_study: 'blue',
  not_employed: 'orange',
};

const toForm = (d: TCaseDetail['destination']): TForm => ({
  code: d?.code,
  employer: d?.employer ?? '',
  natureCode: d?.natureCode ?? null,
  regionCode: d?.regionCode ?? null,
  date: d?.date ? dayjs(d.date) : null,
  evidenceFileId: d?.evidenceFileId ?? null,
});

/** The national 毕业去向 table and the employer-nature table, from the reference data. */
export function useDestinationTables() {
  const tables = useCodeTables();
  const find = (key: string): TCodeTable['entries'] => tables.data?.find((x) => x.key === key)?.entries ?? [];
  return { destination: find('destination'), nature: find('employer_nature'), loading: tables.isPending };
}

/** 毕业去向: the national code, employer, its nature, where and since when, with an evidence file. */
export function DestinationSection({ detail, readOnly }: { detail: TCaseDetail; readOnly: boolean }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const tables = useDestinationTables();
  const destinationName = (code: string) => tables.destination.find((e) => e.code === code)?.name;
  const base = useSectionBase(detail, pickDestination);
  const { save, saving, modal } = useOverwrite(detail.id, {
    destination: destinationName,
    file: (id) => detail.files.find((f) => f.id === id)?.name,
  });

  const onFinish = (v: TForm) => {
    if (!v.code) return;
    save(
      {
        path: '/destination',
        method: 'PUT',
        body: {
          version: base.version,
          code: v.code,
          employer: v.employer?.trim() ?? '',
          natureCode: v.natureCode ?? null,
          regionCode: v.regionCode ?? null,
          date: v.date ? v.date.format('YYYY-MM-DD') : null,
          evidenceFileId: v.evidenceFileId ?? null,
        },
      },
      (d) => {
        void message.success(t('cases.destination.saved'));
        base.adopt(d);
      },
    );
  };

  return (
    <>
      {base.stale && (
        <Alert type="warning" showIcon title={t('cases.staleSection')} style={{ marginBottom: 12 }} />
      )}
      <DestinationForm
        key={base.stamp}
        detail={detail}
        initial={toForm(base.values)}
        readOnly={readOnly}
        saving={saving}
        tables={tables}
        onDirty={() => base.setDirty(true)}
        onFinish={onFinish}
      />
      <Typography.Title level={5} style={{ marginTop: 24 }}>
        {t('cases.destination.files')}
      </Typography.Title>
      <CaseFiles detail={detail} />
      {modal}
    </>
  );
}

function DestinationForm({
  detail,
  initial,
  readOnly,
  saving,
  tables,
  onDirty,
  onFinish,
}: {
  detail: TCaseDetail;
  initial: TForm;
  readOnly: boolean;
  saving: boolean;
  tables: ReturnType<typeof useDestinationTables>;
  onDirty: () => void;
  onFinish: (v: TForm) => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const errorText = useServerErrorMessage();
  const [form] = Form.useForm<TForm>();
  const code = Form.useWatch('code', form);
  const upload = useUploadCaseFile(detail.id);
  const countedAs = tables.destination.find((e) => e.code === code)?.attributes.counted_as;
  const codeOptions = COUNTED_AS.map((group) => ({
    label: t(`countedAs.${group}`),
    title: t(`countedAs.${group}`),
    options: tables.destination
      .filter((e) => e.attributes.counted_as === group)
      .map((e) => ({ value: e.code, label: `${e.code} ${e.name}` })),
  }));

  return (
    <Form<TForm>
      form={form}
      layout="vertical"
      initialValues={initial}
      disabled={readOnly}
      onValuesChange={onDirty}
      onFinish={onFinish}
      data-testid="destination-form"
    >
      <Row gutter={16}>
        <Col xs={24} md={12}>
          <Form.Item
            name="code"
            label={t('cases.destination.code')}
            rules={[{ required: true, message: t('cases.destination.codeRequired') }]}
            extra={
              countedAs && (
                <Tag color={COUNTED_COLORS[countedAs]} style={{ marginTop: 4 }}>
                  {t('cases.destination.countedAs', {
                    label: Object.hasOwn(COUNTED_COLORS, countedAs)
                      ? t(`countedAs.${countedAs as (typeof COUNTED_AS)[number]}`)
                      : countedAs,
                  })}
                </Tag>
              )
            }
          >
            <Select
              showSearch={{ optionFilterProp: 'label' }}
              loading={tables.loading}
              options={codeOptions}
              data-testid="destination-code"
            />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item name="employer" label={t('cases.destination.employer')}>
            <Input maxLength={100} />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item name="natureCode" label={t('cases.destination.nature')}>
            <Select
              allowClear
              showSearch={{ optionFilterProp: 'label' }}
              loading={tables.loading}
              options={tables.nature.map((e) => ({ value: e.code, label: `${e.code} ${e.name}` }))}
            />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item name="regionCode" label={t('cases.destination.region')}>
            <RegionSelect />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item name="date" label={t('cases.destination.date')}>
            <DatePicker disabledDate={notInFuture} style={{ width: '100%' }} />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item label={t('cases.destination.evidence')} extra={t('cases.destination.uploadHint')}>
            <Flex gap="small">
              <Form.Item name="evidenceFileId" noStyle>
                <Select
                  allowClear
                  style={{ flex: 1, minWidth: 0 }}
                  options={detail.files.map((f) => ({ value: f.id, label: f.name }))}
                  notFoundContent={t('cases.destination.noFiles')}
                />
              </Form.Item>
              {!readOnly && (
                <Upload
                  showUploadList={false}
                  customRequest={({ file }) =>
                    upload.mutate(file as File, {
                      onSuccess: (f) => {
                        void message.success(t('cases.destination.uploaded', { name: f.name }));
                        form.setFieldValue('evidenceFileId', f.id);
                        onDirty();
                      },
                      onError: (e) => void message.error(errorText(e)),
                    })
                  }
                >
                  <Button
                    icon={<UploadOutlined />}
                    loading={upload.isPending}
                    data-testid="destination-upload"
                  >
                    {t('cases.destination.upload')}
                  </Button>
                </Upload>
              )}
            </Flex>
          </Form.Item>
        </Col>
      </Row>
      {!readOnly && (
        <Button type="primary" htmlType="submit" loading={saving} data-testid="destination-save">
          {t('cases.destination.save')}
        </Button>
      )}
    </Form>
  );
}

function CaseFiles({ detail }: { detail: TCaseDetail }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const errorText = useServerErrorMessage();
  if (detail.files.length === 0) {
    return <Typography.Text type="secondary">{t('cases.destination.noFiles')}</Typography.Text>;
  }
  return (
    <Flex vertical gap={4} data-testid="case-files">
      {detail.files.map((f) => (
        <Typography.Link
          key={f.id}
          onClick={() =>
            downloadCaseFile(detail.id, f).catch((e: unknown) => void message.error(errorText(e)))
          }
        >
          <PaperClipOutlined /> {f.name}{' '}
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {Math.max(1, Math.round(f.size / 1024))} KB · {dayjs(f.createdAt).format('YYYY-MM-DD')}
          </Typography.Text>
        </Typography.Link>
      ))}
    </Flex>
  );
}
