import { DownloadOutlined, UploadOutlined } from '@ant-design/icons';
import { Alert, App, Button, Flex, Modal, Table, Typography, Upload } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TStaffImportResult } from '../../../domain/api/staff.ts';
import { downloadStaffErrors, downloadStaffTemplate, saveBlob, useStaffImport } from '../../api/staff.ts';
import { serverMessage } from './server-message.ts';
import { passwordsCsv } from './staff-import-model.ts';

type TProps = { open: boolean; onClose: () => void };

/**
 * Staff import: template, upload, every error with row and column (and the error workbook), or the created
 * accounts with their temporary passwords — shown until the one download or until the dialog closes.
 */
export function StaffImportModal({ open, onClose }: TProps) {
  const { t, i18n } = useTranslation();
  const { message } = App.useApp();
  const [file, setFile] = useState<File | null>(null);
  const [result, setResult] = useState<TStaffImportResult | null>(null);
  const run = useStaffImport();
  const lang = i18n.language.startsWith('zh') ? 'zh' : 'en';
  const fail = (e: unknown) => void message.error(serverMessage(t, i18n.language, e));

  const close = () => {
    setFile(null);
    setResult(null);
    run.reset();
    onClose();
  };
  const submit = () => {
    if (!file) return;
    run.mutate(file, { onSuccess: setResult, onError: fail });
  };
  const downloadPasswords = () => {
    if (!result) return;
    const headers = ['username', 'name', 'org', 'classes', 'password'].map((k) =>
      t(`staff.import.${k}` as 'staff.import.username'),
    );
    saveBlob(
      new Blob([passwordsCsv(result.created, headers)], { type: 'text/csv;charset=utf-8' }),
      'accounts.csv',
    );
    setResult({ ...result, created: result.created.map((c) => ({ ...c, temporaryPassword: '••••••' })) });
    void message.success(t('staff.import.downloaded'));
  };

  return (
    <Modal
      open={open}
      title={t('staff.import.title')}
      onCancel={close}
      footer={null}
      width={860}
      destroyOnHidden
    >
      <Flex vertical gap={12}>
        <Typography.Paragraph type="secondary" style={{ margin: 0 }}>
          {t('staff.import.intro')}
        </Typography.Paragraph>
        <Flex gap={8} wrap>
          <Button icon={<DownloadOutlined />} onClick={() => void downloadStaffTemplate().catch(fail)}>
            {t('staff.import.template')}
          </Button>
          <Upload
            accept=".xlsx,.csv"
            maxCount={1}
            beforeUpload={(f) => {
              setFile(f);
              setResult(null);
              return false;
            }}
            onRemove={() => setFile(null)}
            fileList={file ? [{ uid: '1', name: file.name, status: 'done' }] : []}
          >
            <Button icon={<UploadOutlined />}>{t('staff.import.choose')}</Button>
          </Upload>
          <Button
            type="primary"
            disabled={!file}
            loading={run.isPending}
            onClick={submit}
            data-testid="staff-import-submit"
          >
            {t('staff.import.submit')}
          </Button>
        </Flex>
        {result && !result.ok && (
          <>
            <Alert
              type="error"
              showIcon
              title={t('staff.import.failed', { count: result.errors.length })}
              action={
                <Button size="small" onClick={() => file && void downloadStaffErrors(file).catch(fail)}>
                  {t('staff.import.errorWorkbook')}
                </Button>
              }
            />
            <Table
              size="small"
              rowKey={(e) => `${e.rowNo}-${e.field}-${e.message.en}`}
              dataSource={result.errors}
              pagination={{ pageSize: 10 }}
              columns={[
                { title: t('staff.import.row'), dataIndex: 'rowNo', width: 70 },
                { title: t('staff.import.column'), dataIndex: 'column', width: 110 },
                { title: t('staff.import.message'), render: (_, e) => e.message[lang] },
              ]}
            />
          </>
        )}
        {result?.ok && (
          <>
            <Alert
              type="success"
              showIcon
              title={t('staff.import.done', {
                count: result.created.length,
                classes: result.classesAssigned,
              })}
              description={t('staff.import.passwordsOnce')}
              action={
                <Button size="small" type="primary" onClick={downloadPasswords}>
                  {t('staff.import.downloadPasswords')}
                </Button>
              }
            />
            <Table
              size="small"
              rowKey="id"
              dataSource={result.created}
              pagination={{ pageSize: 10 }}
              columns={[
                { title: t('staff.import.username'), dataIndex: 'username' },
                { title: t('staff.import.name'), dataIndex: 'displayName' },
                { title: t('staff.import.org'), dataIndex: 'orgCode' },
                {
                  title: t('staff.import.roles'),
                  render: (_, c) => c.roles.map((r) => t(`roles.${r}`)).join('、'),
                },
                { title: t('staff.import.classes'), render: (_, c) => c.classes.join('、') },
                {
                  title: t('staff.import.password'),
                  render: (_, c) => (
                    <Typography.Text copyable={c.temporaryPassword !== '••••••'} code>
                      {c.temporaryPassword}
                    </Typography.Text>
                  ),
                },
              ]}
            />
          </>
        )}
      </Flex>
    </Modal>
  );
}
