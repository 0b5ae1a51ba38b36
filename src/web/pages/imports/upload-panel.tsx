import { InboxOutlined } from '@ant-design/icons';
import { Alert, App, Button, Flex, Form, Modal, Progress, Segmented, Select, Typography, Upload } from 'antd';
import type { UploadFile } from 'antd/es/upload/interface';
import dayjs from 'dayjs';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import type { TImportKind } from '../../../domain/registry/fields.ts';
import { useUploadImport } from '../../api/imports.ts';
import { useOrgTree } from '../../api/orgs.ts';
import { useCurrentUser } from '../../components/require-auth.tsx';
import { useServerErrorMessage } from '../../i18n/error-message.ts';
import {
  ACCEPTED_EXTENSIONS,
  checkUploadFile,
  cohortYears,
  DEFAULT_COHORT,
  listUniversities,
  MAX_UPLOAD_MB,
  needsUniversityPick,
  uploadableKinds,
} from './import-model.ts';
import { TemplateLinks } from './template-links.tsx';

type TValues = { kind: TImportKind; university?: string; cohort?: number };

type TProps = { open: boolean; onClose: () => void };

/** The upload form: list kind, university (province users), cohort, the file; then on to the batch page. */
export function UploadPanel({ open, onClose }: TProps) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const me = useCurrentUser();
  const errorText = useServerErrorMessage();
  const kinds = uploadableKinds(me.roles);
  const [form] = Form.useForm<TValues>();
  const kind = Form.useWatch('kind', form) ?? kinds[0];
  const pickUniversity = kind !== undefined && needsUniversityPick(me.roles, kind);
  const tree = useOrgTree();
  const universities = useMemo(
    () => (pickUniversity ? listUniversities(tree.data ?? [], me.org.regionCode) : []),
    [pickUniversity, tree.data, me.org.regionCode],
  );
  const [file, setFile] = useState<File | null>(null);
  const [fileError, setFileError] = useState<string | null>(null);
  const [percent, setPercent] = useState(0);
  const [formError, setFormError] = useState<string | null>(null);
  const upload = useUploadImport();

  const reset = () => {
    setFile(null);
    setFileError(null);
    setPercent(0);
    setFormError(null);
  };

  const onFinish = (values: TValues) => {
    if (!file) {
      setFileError(t('imports.fileRequired'));
      return;
    }
    if (fileError) return;
    setFormError(null);
    upload.mutate(
      {
        file,
        kind: values.kind,
        cohort: values.kind === 'roster' ? values.cohort : undefined,
        university: pickUniversity ? values.university : undefined,
        onProgress: setPercent,
      },
      {
        onSuccess: (batch) => {
          void message.success(t('imports.uploaded', { name: batch.fileName }));
          onClose();
          navigate(`/imports/${batch.id}`);
        },
        onError: (error) => setFormError(errorText(error)),
      },
    );
  };

  const chosen: UploadFile[] = file
    ? [{ uid: 'chosen', name: file.name, size: file.size, status: fileError ? 'error' : 'done' }]
    : [];

  return (
    <Modal
      open={open}
      title={t('imports.uploadTitle')}
      width={600}
      onCancel={() => !upload.isPending && onClose()}
      afterClose={reset}
      destroyOnHidden
      mask={{ closable: false }}
      keyboard={!upload.isPending}
      footer={
        <Flex justify="end" gap="small">
          <Button onClick={onClose} disabled={upload.isPending}>
            {t('common.cancel')}
          </Button>
          <Button
            type="primary"
            onClick={() => form.submit()}
            loading={upload.isPending}
            disabled={kinds.length === 0}
            data-testid="upload-submit"
          >
            {upload.isPending ? t('imports.uploading', { percent }) : t('imports.submit')}
          </Button>
        </Flex>
      }
      data-testid="upload-panel"
    >
      {kinds.length === 0 ? (
        <Alert type="warning" showIcon title={t('imports.noKinds')} />
      ) : (
        <Form<TValues>
          form={form}
          layout="vertical"
          initialValues={{ kind: kinds[0], cohort: DEFAULT_COHORT }}
          onFinish={onFinish}
          onValuesChange={() => setFormError(null)}
          disabled={upload.isPending}
          clearOnDestroy
          data-testid="upload-form"
        >
          {formError && <Alert type="error" showIcon title={formError} style={{ marginBottom: 16 }} />}
          <Form.Item
            name="kind"
            label={t('imports.kind')}
            extra={kind ? t(`imports.kindHelp.${kind}`) : undefined}
            hidden={kinds.length === 1}
          >
            <Segmented<TImportKind>
              options={kinds.map((k) => ({ value: k, label: t(`imports.kinds.${k}`) }))}
              data-testid="upload-kind"
            />
          </Form.Item>
          {kinds.length === 1 && (
            <Form.Item label={t('imports.kind')} extra={t(`imports.kindHelp.${kinds[0]!}`)}>
              <Typography.Text strong>{t(`imports.kinds.${kinds[0]!}`)}</Typography.Text>
            </Form.Item>
          )}
          {kind === 'roster' && me.org.kind === 'university' && (
            <Alert
              type="info"
              showIcon
              title={t('imports.universityOwn', { name: me.org.name })}
              style={{ marginBottom: 16 }}
            />
          )}
          {pickUniversity && (
            <Form.Item
              name="university"
              label={t('imports.university')}
              extra={t('imports.universityFromFile')}
            >
              <Select
                allowClear
                showSearch={{ optionFilterProp: 'label' }}
                loading={tree.isPending}
                placeholder={t('imports.universityPlaceholder')}
                options={universities.map((u) => ({ value: u.code, label: `${u.name}（${u.code}）` }))}
                data-testid="upload-university"
              />
            </Form.Item>
          )}
          {kind === 'roster' && (
            <Form.Item name="cohort" label={t('imports.cohort')} extra={t('imports.cohortHelp')}>
              <Select<number>
                options={cohortYears(dayjs().year()).map((year) => ({ value: year, label: String(year) }))}
                style={{ width: 160 }}
                data-testid="upload-cohort"
              />
            </Form.Item>
          )}
          <Form.Item
            label={t('imports.file')}
            required
            validateStatus={fileError ? 'error' : undefined}
            help={fileError ?? undefined}
          >
            <Upload.Dragger
              accept={ACCEPTED_EXTENSIONS.join(',')}
              multiple={false}
              maxCount={1}
              fileList={chosen}
              beforeUpload={(picked) => {
                const problem = checkUploadFile(picked);
                setFile(picked);
                setFileError(
                  problem ? t(`imports.${problem}`, { name: picked.name, limit: MAX_UPLOAD_MB }) : null,
                );
                setFormError(null);
                // never let antd upload on its own: the form sends it with the kind and cohort
                return false;
              }}
              onRemove={() => {
                setFile(null);
                setFileError(null);
              }}
              data-testid="upload-dragger"
            >
              <p className="ant-upload-drag-icon">
                <InboxOutlined />
              </p>
              <p className="ant-upload-text">{t('imports.dragText')}</p>
              <p className="ant-upload-hint">{t('imports.dragHint', { limit: MAX_UPLOAD_MB })}</p>
            </Upload.Dragger>
          </Form.Item>
          {upload.isPending && <Progress percent={percent} size="small" style={{ marginBottom: 16 }} />}
          <TemplateLinks kinds={kinds} />
        </Form>
      )}
    </Modal>
  );
}
