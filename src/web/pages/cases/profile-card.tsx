import { CheckCircleOutlined, EyeOutlined, SafetyCertificateOutlined } from '@ant-design/icons';
import { App, Button, Card, Descriptions, Flex, Popconfirm, Tag, Tooltip, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TCaseDetail } from '../../../domain/api/ledger.ts';
import { hasPermission } from '../../../domain/roles.ts';
import { useCurrentUser } from '../../components/require-auth.tsx';
import { readReasons } from '../graduates/target-reasons.ts';
import { formatDate } from './case-labels.ts';
import { CaseRevealModal, type TRevealField } from './case-reveal-modal.tsx';
import { useOverwrite } from './conflict-modal.tsx';

const DIFFICULTY_CODES = new Set(['0', '1', '2', '3', '4', '5', '6', '7']);
const GENDERS = new Set(['male', 'female', '男', '女']);

/** 人员底数: the graduate's profile with masked ID and phone, reveal with a reason, and the 核实 step. */
export function ProfileCard({ detail, canEdit }: { detail: TCaseDetail; canEdit: boolean }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const me = useCurrentUser();
  const canReveal = hasPermission(me.roles, 'graduates.reveal');
  const [revealing, setRevealing] = useState<TRevealField | null>(null);
  const { save, saving, modal } = useOverwrite(detail.id);
  const g = detail.graduate;
  const none = <Typography.Text type="secondary">{t('common.none')}</Typography.Text>;
  const reasons = readReasons(g.targetReasons);

  const revealButton = (field: TRevealField) =>
    canReveal && (
      <Button
        type="link"
        size="small"
        icon={<EyeOutlined />}
        onClick={() => setRevealing(field)}
        data-testid={`reveal-${field}`}
      >
        {t('cases.profile.reveal')}
      </Button>
    );

  const verify = () =>
    save({ path: '/verify-profile', method: 'POST', body: { version: detail.version } }, () => {
      void message.success(t('cases.profile.verifiedDone'));
    });

  const items = [
    {
      key: 'id',
      label: t('cases.profile.idNumber'),
      children: (
        <Flex align="center" gap={4} wrap>
          <span className="mono">{g.idNumberMasked}</span>
          {revealButton('idNumber')}
        </Flex>
      ),
    },
    {
      key: 'phone',
      label: t('cases.profile.phone'),
      children: g.phoneMasked ? (
        <Flex align="center" gap={4} wrap>
          <span className="mono">{g.phoneMasked}</span>
          {revealButton('phone')}
        </Flex>
      ) : (
        <Typography.Text type="warning">{t('cases.profile.noPhone')}</Typography.Text>
      ),
    },
    {
      key: 'gender',
      label: t('cases.profile.gender'),
      children:
        g.gender && GENDERS.has(g.gender)
          ? t(`graduates.genders.${g.gender as 'male' | 'female' | '男' | '女'}`)
          : (g.gender ?? none),
    },
    { key: 'ethnicity', label: t('cases.profile.ethnicity'), children: g.ethnicity ?? none },
    { key: 'birth', label: t('cases.profile.birthDate'), children: g.birthDate ?? none },
    {
      key: 'level',
      label: t('cases.profile.level'),
      children:
        [
          g.level,
          g.majorCode ? t('cases.codeInParens', { name: g.majorName ?? '', code: g.majorCode }) : g.majorName,
        ]
          .filter(Boolean)
          .join(' · ') || none,
    },
    {
      key: 'domicile',
      label: t('cases.profile.domicile'),
      children: g.domicileName ?? g.domicileCountyCode ?? none,
    },
    {
      key: 'difficulty',
      label: t('cases.profile.difficulty'),
      children:
        g.difficultyCode && DIFFICULTY_CODES.has(g.difficultyCode)
          ? t(`graduates.difficulties.${g.difficultyCode as '0'}`)
          : // null flag: the field rule withholds registry-derived fields from this user
            (g.difficultyCode ?? (g.isRegisteredPoor === null ? t('cases.profile.withheld') : none)),
    },
    {
      key: 'flags',
      label: t('cases.profile.flags'),
      children: (
        <Flex gap={4} wrap>
          {g.isRegisteredPoor && (
            <Tooltip
              title={t('graduates.poorTip', {
                county: reasons.registeredPoor?.countyCode ?? t('common.none'),
                household: reasons.registeredPoor?.householdRef ?? t('common.none'),
              })}
            >
              <Tag color="red">{t('cases.profile.registeredPoor')}</Tag>
            </Tooltip>
          )}
          {g.isFocusCounty && (
            <Tooltip
              title={t('graduates.focusTip', {
                county: g.domicileName ?? t('common.none'),
                list: reasons.focusCounty?.listName ?? t('common.none'),
              })}
            >
              <Tag color="orange">{t('cases.profile.focusCounty')}</Tag>
            </Tooltip>
          )}
          {g.isRegisteredPoor === null && g.isTarget && !g.isFocusCounty ? (
            <Tag>{t('cases.profile.targetWithheld')}</Tag>
          ) : (
            !g.isRegisteredPoor && !g.isFocusCounty && none
          )}
        </Flex>
      ),
    },
  ];

  return (
    <Card
      size="small"
      title={t('cases.profile.title')}
      style={{ marginBottom: 16 }}
      data-testid="profile-card"
      extra={
        detail.profileVerifiedAt ? (
          <Typography.Text type="success" data-testid="profile-verified">
            <CheckCircleOutlined />{' '}
            {t('cases.profile.verified', { date: formatDate(detail.profileVerifiedAt) })}
          </Typography.Text>
        ) : (
          <Typography.Text type="warning">{t('cases.profile.notVerified')}</Typography.Text>
        )
      }
    >
      <Descriptions size="small" column={1} items={items} />
      {canEdit && (
        <Tooltip title={g.phoneMasked ? undefined : t('cases.profile.verifyNoPhone')}>
          <Popconfirm title={t('cases.profile.verifyConfirm')} onConfirm={verify} disabled={!g.phoneMasked}>
            <Button
              icon={<SafetyCertificateOutlined />}
              disabled={!g.phoneMasked}
              loading={saving}
              style={{ marginTop: 8 }}
              data-testid="verify-profile"
            >
              {t('cases.profile.verify')}
            </Button>
          </Popconfirm>
        </Tooltip>
      )}
      <CaseRevealModal
        caseId={detail.id}
        name={g.name}
        field={revealing}
        masked={revealing === 'phone' ? (g.phoneMasked ?? '') : g.idNumberMasked}
        onClose={() => setRevealing(null)}
      />
      {modal}
    </Card>
  );
}
