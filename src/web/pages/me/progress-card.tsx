import { PaperClipOutlined, UploadOutlined } from '@ant-design/icons';
import { App, Button, Card, Flex, Form, Input, Progress, Select, Typography, Upload } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TSelfFile } from '../../../domain/api/portal.ts';
import { PROGRESS_KINDS, type TProgressKind } from '../../../domain/ledger/codes.ts';
import { type TSelfProgressInput, uploadSelfFile, useAddSelfProgress } from '../../api/me.ts';
import { useServerErrorMessage } from '../../i18n/error-message.ts';
import { useCardSize } from './card-size.ts';
import { EVIDENCE_ACCEPT, evidenceProblem } from './me-format.ts';

type TForm = { kind?: TProgressKind; employer: string; post: string; date: string; note: string };

/** Report an application, interview, offer or rejection; an offer may carry its letter as evidence. */
export function ProgressCard() {
  const { t } = useTranslation();
  const size = useCardSize();
  const { message } = App.useApp();
  const errorText = useServerErrorMessage();
  const add = useAddSelfProgress();
  const [form] = Form.useForm<TForm>();
  const kind = Form.useWatch('kind', form);
  const [evidence, setEvidence] = useState<TSelfFile | null>(null);
  const [percent, setPercent] = useState<number | null>(null);

  const onPick = (file: File) => {
    const problem = evidenceProblem(file);
    if (problem) {
      void message.error(t(`me.files.${problem}`));
      return false;
    }
    setPercent(0);
    uploadSelfFile(file, (sent, total) => setPercent(total ? Math.round((sent / total) * 100) : 0))
      .then((stored) => setEvidence(stored))
      .catch((error: unknown) => void message.error(errorText(error)))
      .finally(() => setPercent(null));
    return false;
  };

  const onFinish = (v: TForm) => {
    if (!v.kind) return;
    const body: TSelfProgressInput = {
      kind: v.kind,
      employer: v.employer.trim(),
      post: v.post?.trim() ?? '',
      date: v.date,
      note: v.note?.trim() ?? '',
      evidenceFileId: v.kind === 'offer' ? (evidence?.id ?? null) : null,
    };
    add.mutate(body, {
      onSuccess: () => {
        void message.success(t('me.progress.saved'));
        form.resetFields();
        setEvidence(null);
      },
      onError: (error) => void message.error(errorText(error)),
    });
  };

  return (
    <Card size={size} title={t('me.progress.title')} data-testid="me-progress-form">
      <Form<TForm>
        form={form}
        layout="vertical"
        initialValues={{ date: dayjs().format('YYYY-MM-DD'), employer: '', post: '', note: '' }}
        onFinish={onFinish}
        disabled={add.isPending}
      >
        <Form.Item
          name="kind"
          label={t('me.progress.kind')}
          rules={[{ required: true, message: t('me.progress.kindRequired') }]}
        >
          <Select
            options={PROGRESS_KINDS.map((k) => ({ value: k, label: t(`me.progressKinds.${k}`) }))}
            data-testid="me-progress-kind"
          />
        </Form.Item>
        <Form.Item
          name="employer"
          label={t('me.progress.employer')}
          rules={[{ required: true, whitespace: true, message: t('me.progress.employerRequired') }]}
        >
          <Input maxLength={100} data-testid="me-progress-employer" />
        </Form.Item>
        <Form.Item name="post" label={t('me.progress.post')}>
          <Input maxLength={100} />
        </Form.Item>
        <Form.Item
          name="date"
          label={t('me.progress.date')}
          rules={[{ required: true, message: t('me.progress.dateRequired') }]}
        >
          {/* the phone's own date picker */}
          <Input type="date" max={dayjs().add(1, 'year').format('YYYY-MM-DD')} />
        </Form.Item>
        <Form.Item name="note" label={t('me.progress.note')}>
          <Input.TextArea rows={2} maxLength={1000} />
        </Form.Item>
        {kind === 'offer' && (
          <Form.Item label={t('me.progress.evidence')} extra={t('me.progress.evidenceHint')}>
            <Flex vertical gap="small">
              <Upload accept={EVIDENCE_ACCEPT} beforeUpload={onPick} showUploadList={false} maxCount={1}>
                <Button icon={<UploadOutlined />} loading={percent !== null} data-testid="me-evidence-pick">
                  {percent !== null ? t('me.progress.uploading') : t('me.progress.chooseFile')}
                </Button>
              </Upload>
              {percent !== null && <Progress percent={percent} size="small" />}
              {evidence && (
                <Typography.Text data-testid="me-evidence-name">
                  <PaperClipOutlined /> {t('me.progress.uploaded', { name: evidence.name })}
                </Typography.Text>
              )}
            </Flex>
          </Form.Item>
        )}
        <Button
          type="primary"
          htmlType="submit"
          block
          loading={add.isPending}
          disabled={percent !== null}
          data-testid="me-progress-submit"
        >
          {t('me.progress.submit')}
        </Button>
      </Form>
    </Card>
  );
}
